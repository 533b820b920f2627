package storage_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
)

var chat = core.ChatRef{Channel: core.Telegram, ID: "42"}

func inbound(key, text string) core.Inbound {
	return core.Inbound{Key: key, Chat: chat, Kind: core.KindText, Text: text}
}

func TestRecordDeduplicatesAndQueues(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})

	a, err := db.Record(ctx, inbound("telegram:u:7", "first"))
	if err != nil {
		t.Fatalf("record: %v", err)
	}
	if a.Seq == 0 || a.Received.IsZero() {
		t.Errorf("recorded update has seq %d, received %v; want both set", a.Seq, a.Received)
	}
	// Update ids can jump backwards (Telegram after a quiet week): a lower
	// key that was never seen is new.
	b, err := db.Record(ctx, inbound("telegram:u:3", "second"))
	if err != nil {
		t.Fatalf("record lower id: %v", err)
	}
	if b.Seq <= a.Seq {
		t.Errorf("second seq %d, want > %d", b.Seq, a.Seq)
	}
	if _, err := db.Record(ctx, inbound("telegram:u:7", "redelivered")); !errors.Is(err, core.ErrDuplicate) {
		t.Fatalf("record duplicate: got %v, want ErrDuplicate", err)
	}

	pending, err := db.Pending(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(pending); len(got) != 2 || got[0] != "first" || got[1] != "second" {
		t.Fatalf("pending = %q, want [first second]", got)
	}

	// Handling removes an update from the queue but keeps it deduplicated.
	if err := db.Apply(ctx, core.Change{Inbound: a}); err != nil {
		t.Fatal(err)
	}
	pending, _ = db.Pending(ctx)
	if got := texts(pending); len(got) != 1 || got[0] != "second" {
		t.Fatalf("pending after apply = %q, want [second]", got)
	}
	if _, err := db.Record(ctx, inbound("telegram:u:7", "again")); !errors.Is(err, core.ErrDuplicate) {
		t.Fatalf("record handled duplicate: got %v, want ErrDuplicate", err)
	}
}

func TestRecordRejectsEmptyKey(t *testing.T) {
	db := storagetest.MustOpen(t, storage.Options{})
	if _, err := db.Record(context.Background(), inbound("", "x")); err == nil {
		t.Fatal("record with empty key: got nil error")
	}
}

func TestPendingSurvivesReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "data", "beatbot.db")
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Record(ctx, inbound("telegram:u:1", "kept")); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db = storagetest.MustOpenPath(t, path, storage.Options{})
	pending, err := db.Pending(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(pending); len(got) != 1 || got[0] != "kept" {
		t.Fatalf("pending after reopen = %q, want [kept]", got)
	}
}

func TestPurgeSeen(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	db := storagetest.MustOpen(t, storage.Options{Now: clock})

	for _, key := range []string{"telegram:u:1", "telegram:u:2"} {
		in, err := db.Record(ctx, inbound(key, "old"))
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Apply(ctx, core.Change{Inbound: in}); err != nil {
			t.Fatal(err)
		}
	}
	now = now.Add(48 * time.Hour)
	if _, err := db.Record(ctx, inbound("telegram:u:3", "new")); err != nil {
		t.Fatal(err)
	}

	n, err := db.PurgeSeen(ctx, now.Add(-24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("purged %d, want 2", n)
	}
	if _, err := db.Record(ctx, inbound("telegram:u:1", "after purge")); err != nil {
		t.Errorf("record purged key: %v, want it accepted as new", err)
	}
	if _, err := db.Record(ctx, inbound("telegram:u:3", "dup")); !errors.Is(err, core.ErrDuplicate) {
		t.Errorf("record recent key: got %v, want ErrDuplicate", err)
	}
}

func TestOpenRefusesSecondProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "beatbot.db")
	storagetest.MustOpenPath(t, path, storage.Options{})
	if db, err := storage.Open(path, storage.Options{OpenTimeout: 50 * time.Millisecond}); err == nil {
		db.Close()
		t.Fatal("second open of a locked file: got nil error")
	}
}

func texts(ins []core.Inbound) []string {
	var out []string
	for _, in := range ins {
		out = append(out, in.Text)
	}
	return out
}

func TestLastInbound(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	wa := core.ChatRef{Channel: core.WhatsApp, ID: "77010000001"}
	if at, err := db.LastInbound(ctx, wa); err != nil || !at.IsZero() {
		t.Fatalf("a chat that never wrote: %v, %v", at, err)
	}
	t1 := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	for i, at := range []time.Time{t1, t1.Add(-time.Hour), t1.Add(time.Minute)} {
		// Messages may arrive out of order: the latest counts.
		if _, err := db.Record(ctx, core.Inbound{Key: fmt.Sprint("wa:", i), Chat: wa, Kind: core.KindText, Received: at}); err != nil {
			t.Fatal(err)
		}
	}
	if at, err := db.LastInbound(ctx, wa); err != nil || !at.Equal(t1.Add(time.Minute)) {
		t.Errorf("LastInbound = %v, %v; want %v", at, err, t1.Add(time.Minute))
	}
	// Telegram has no window: nothing is kept for it.
	tg := core.ChatRef{Channel: core.Telegram, ID: "5"}
	if _, err := db.Record(ctx, core.Inbound{Key: "tg:1", Chat: tg, Kind: core.KindText, Received: t1}); err != nil {
		t.Fatal(err)
	}
	if at, _ := db.LastInbound(ctx, tg); !at.IsZero() {
		t.Errorf("a Telegram chat's last message was kept: %v", at)
	}
	// Once the window is long closed, the time goes.
	if n, err := db.PurgeLastInbound(ctx, t1.Add(2*time.Minute)); err != nil || n != 1 {
		t.Errorf("PurgeLastInbound = %d, %v; want 1", n, err)
	}
	if at, _ := db.LastInbound(ctx, wa); !at.IsZero() {
		t.Errorf("purged time still there: %v", at)
	}
}

func TestPurgeSent(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	db := storagetest.MustOpen(t, storage.Options{Now: func() time.Time { return now }})
	wa := core.ChatRef{Channel: core.WhatsApp, ID: "77010000001"}
	if err := db.RememberSent(ctx, "wamid.old", wa, core.Reply{Text: "old"}, core.ItemRef{}); err != nil {
		t.Fatal(err)
	}
	now = now.Add(time.Hour)
	if err := db.RememberSent(ctx, "wamid.new", wa, core.Reply{Text: "new"}, core.ItemRef{}); err != nil {
		t.Fatal(err)
	}
	if n, err := db.PurgeSent(ctx, now.Add(-time.Minute)); err != nil || n != 1 {
		t.Fatalf("PurgeSent = %d, %v; want 1", n, err)
	}
	if _, _, err := db.SentMessage(ctx, "wamid.old"); !errors.Is(err, core.ErrNotFound) {
		t.Errorf("the old message is still remembered: %v", err)
	}
	if _, r, err := db.SentMessage(ctx, "wamid.new"); err != nil || r.Text != "new" {
		t.Errorf("the new message: %+v, %v", r, err)
	}
}
