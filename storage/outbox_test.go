package storage_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
)

func item(key string, chat core.ChatRef, batch string) core.OutboxItem {
	return core.OutboxItem{Key: key, Chat: chat, Batch: batch, Priority: core.PriorityBulk, Reply: core.Reply{Text: "lock your doors"}}
}

func TestOutboxLifecycle(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	a := core.ChatRef{Channel: core.Telegram, ID: "1"}
	b := core.ChatRef{Channel: core.Telegram, ID: "2"}
	c := core.ChatRef{Channel: core.Telegram, ID: "3"}

	n, err := db.EnqueueOutbox(ctx, []core.OutboxItem{item("n1:a", a, "notice:1"), item("n1:b", b, "notice:1"), item("n1:c", c, "notice:1")})
	if err != nil || n != 3 {
		t.Fatalf("enqueue: %d, %v; want 3", n, err)
	}
	// Enqueueing the same keys again (a schedule firing twice) adds nothing.
	if n, err := db.EnqueueOutbox(ctx, []core.OutboxItem{item("n1:a", a, "notice:1")}); err != nil || n != 0 {
		t.Fatalf("re-enqueue: %d, %v; want 0", n, err)
	}
	items, err := db.PendingOutbox(ctx, 0, 10)
	if err != nil || len(items) != 3 {
		t.Fatalf("pending: %d, %v; want 3", len(items), err)
	}
	if items[0].ID >= items[1].ID || items[0].Created.IsZero() {
		t.Errorf("items = %+v; want increasing ids and a creation time", items)
	}
	if page, _ := db.PendingOutbox(ctx, items[0].ID, 1); len(page) != 1 || page[0].ID != items[1].ID {
		t.Errorf("page after %d = %+v, want item %d", items[0].ID, page, items[1].ID)
	}

	if err := db.OutboxSent(ctx, items[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.OutboxItem(ctx, items[0].ID); !errors.Is(err, core.ErrNotFound) {
		t.Errorf("sent item still loadable: %v", err)
	}
	if err := db.OutboxSent(ctx, items[0].ID); !errors.Is(err, core.ErrNotFound) {
		t.Errorf("marking a sent item sent again: %v, want ErrNotFound", err)
	}

	retry := items[1]
	retry.Attempts, retry.LastErr, retry.NotBefore = 1, "502", time.Now().Add(time.Minute)
	if err := db.OutboxRetry(ctx, retry); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.OutboxItem(ctx, retry.ID); got.Attempts != 1 || got.LastErr != "502" {
		t.Errorf("after retry: %+v", got)
	}
	if err := db.OutboxFailed(ctx, retry.ID, "400 chat not found"); err != nil {
		t.Fatal(err)
	}

	dropped, err := db.MarkUnreachable(ctx, c, "403 blocked")
	if err != nil || len(dropped) != 1 || dropped[0] != items[2].ID {
		t.Fatalf("mark unreachable: %v, %v; want [%d]", dropped, err, items[2].ID)
	}

	rep, err := db.DeliveryReport(ctx, "notice:1")
	if err != nil {
		t.Fatal(err)
	}
	if want := (core.DeliveryReport{Sent: 1, Failed: 1, Unreachable: 1}); rep != want || !rep.Done() {
		t.Errorf("report = %+v, want %+v and done", rep, want)
	}
	if left, _ := db.PendingOutbox(ctx, 0, 10); len(left) != 0 {
		t.Errorf("outbox not empty: %+v", left)
	}
}

func TestOutboxEnqueuedWithTheChange(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	in, err := db.Record(ctx, inbound("telegram:u:1", "a report"))
	if err != nil {
		t.Fatal(err)
	}
	inspector := core.ChatRef{Channel: core.Telegram, ID: "900"}
	err = db.Apply(ctx, core.Change{
		Inbound: in,
		Session: &core.Session{Resident: core.Resident{Lang: core.Russian}},
		Outbox:  []core.OutboxItem{{Key: "ticket:1:route", Chat: inspector, Priority: core.PriorityUrgent, Reply: core.Reply{Text: "new ticket"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	items, _ := db.PendingOutbox(ctx, 0, 10)
	if len(items) != 1 || items[0].Chat != inspector {
		t.Fatalf("outbox = %+v, want the routed ticket", items)
	}

	// A failing change enqueues nothing: an item without a key is refused
	// and the whole transaction rolls back.
	in2, _ := db.Record(ctx, inbound("telegram:u:2", "another"))
	err = db.Apply(ctx, core.Change{Inbound: in2, Outbox: []core.OutboxItem{{Chat: inspector}}})
	if err == nil {
		t.Fatal("apply with a keyless outbox item: got nil error")
	}
	if pending, _ := db.Pending(ctx); len(pending) != 1 {
		t.Errorf("the update was marked handled although its change failed")
	}
}

func TestMarkUnreachableDropsSubscriptions(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	in, _ := db.Record(ctx, inbound("telegram:u:1", "x"))
	err := db.Apply(ctx, core.Change{Inbound: in, Session: &core.Session{Resident: core.Resident{Lang: core.Kazakh, Subscriptions: []string{"d1", "d2"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.MarkUnreachable(ctx, chat, "blocked"); err != nil {
		t.Fatal(err)
	}
	r, err := db.Resident(ctx, chat)
	if err != nil || !r.Unreachable || len(r.Subscriptions) != 0 {
		t.Errorf("resident = %+v, %v; want unreachable without subscriptions", r, err)
	}
	for _, d := range []string{"d1", "d2"} {
		if subs, _ := db.Subscribers(ctx, d); len(subs) != 0 {
			t.Errorf("subscribers of %s = %v, want none", d, subs)
		}
	}
}

func TestPurgeOutboxKeys(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	db := storagetest.MustOpen(t, storage.Options{Now: func() time.Time { return now }})
	for i := range 3 {
		if _, err := db.EnqueueOutbox(ctx, []core.OutboxItem{item(fmt.Sprint("k", i), chat, "")}); err != nil {
			t.Fatal(err)
		}
	}
	n, err := db.PurgeOutboxKeys(ctx, now.Add(time.Second))
	if err != nil || n != 3 {
		t.Fatalf("purge: %d, %v; want 3", n, err)
	}
	if n, _ := db.EnqueueOutbox(ctx, []core.OutboxItem{item("k0", chat, "")}); n != 1 {
		t.Errorf("re-enqueue after purge added %d, want 1", n)
	}
}
