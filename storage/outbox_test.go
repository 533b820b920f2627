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
	if err != nil || dropped != 1 {
		t.Fatalf("mark unreachable: %d, %v; want 1", dropped, err)
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

func TestWithdrawals(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	a := core.ChatRef{Channel: core.Telegram, ID: "1"}
	b := core.ChatRef{Channel: core.Telegram, ID: "2"}

	// A resident subscribed to two districts, with an alert and a ticket
	// reply queued.
	in, _ := db.Record(ctx, core.Inbound{Key: "u1", Chat: a, Kind: core.KindText})
	if err := db.Apply(ctx, core.Change{Inbound: in, Session: &core.Session{Resident: core.Resident{Lang: core.Russian, Subscriptions: []string{"d1", "d2"}}}}); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveNotice(ctx, core.Notice{ID: 7, Districts: []string{"d1"}, Text: "x"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.EnqueueOutbox(ctx, []core.OutboxItem{
		item("alert:a", a, "alert:x:1"),
		{Key: "reply:a", Chat: a, Priority: core.PriorityUrgent, Reply: core.Reply{Text: "reply"}},
		item("notice:7:100:a", b, "notice:7:100"),
		item("notice:77:100:a", b, "notice:77:100"),
	}); err != nil {
		t.Fatal(err)
	}

	// Unsubscribing from everything withdraws the bulk items only.
	in, _ = db.Record(ctx, core.Inbound{Key: "u2", Chat: a, Kind: core.KindCommand})
	if err := db.Apply(ctx, core.Change{Inbound: in, Session: &core.Session{Resident: core.Resident{Lang: core.Russian}}}); err != nil {
		t.Fatal(err)
	}
	// Cancelling notice 7 withdraws its items, not notice 77's.
	in, _ = db.Record(ctx, core.Inbound{Key: "u3", Chat: b, Kind: core.KindButton})
	if err := db.Apply(ctx, core.Change{Inbound: in, CancelNotice: 7}); err != nil {
		t.Fatal(err)
	}
	left, _ := db.PendingOutbox(ctx, 0, 10)
	var keys []string
	for _, it := range left {
		keys = append(keys, it.Key)
	}
	if len(keys) != 2 || keys[0] != "reply:a" || keys[1] != "notice:77:100:a" {
		t.Errorf("left %v, want the reply and notice 77's item", keys)
	}
	if n, _ := db.Notice(ctx, 7); !n.Cancelled {
		t.Errorf("notice 7 not cancelled")
	}
	for batch, want := range map[string]core.DeliveryReport{"alert:x:1": {Cancelled: 1}, "notice:7:100": {Cancelled: 1}} {
		if got, _ := db.DeliveryReport(ctx, batch); got != want {
			t.Errorf("report of %s = %+v, want %+v", batch, got, want)
		}
	}

	// Old dead letters and finished batches are purged.
	n, err := db.PurgeDead(ctx, time.Now().Add(time.Hour))
	if err != nil || n != 2 {
		t.Errorf("purged %d dead letters, %v; want 2", n, err)
	}
	if _, err := db.DeliveryReport(ctx, "alert:x:1"); !errors.Is(err, core.ErrNotFound) {
		t.Errorf("finished batch not purged: %v", err)
	}
}

func TestUpdateNoticeSeesTheStoredNotice(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	if err := db.SaveNotice(ctx, core.Notice{ID: 1, Text: "weekly", Cron: "0 18 * * 5"}); err != nil {
		t.Fatal(err)
	}
	stale, _ := db.Notice(ctx, 1)
	// A cancel commits while a runner holds an older copy.
	in, _ := db.Record(ctx, core.Inbound{Key: "c", Chat: chat, Kind: core.KindButton})
	if err := db.Apply(ctx, core.Change{Inbound: in, CancelNotice: 1}); err != nil {
		t.Fatal(err)
	}
	err := db.UpdateNotice(ctx, stale.ID, func(cur *core.Notice) ([]core.OutboxItem, error) {
		if !cur.Cancelled {
			t.Error("UpdateNotice passed an old copy, not the stored notice")
		}
		return nil, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := db.Notice(ctx, 1); !n.Cancelled {
		t.Error("the cancel was undone")
	}
}
