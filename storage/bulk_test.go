package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
)

// subscribe stores a consented resident of chat subscribed to districts.
func subscribe(t *testing.T, db *storage.DB, c core.ChatRef, key string, districts ...string) {
	t.Helper()
	ctx := context.Background()
	in, err := db.Record(ctx, core.Inbound{Key: key, Chat: c, Kind: core.KindText, Text: "hi"})
	if err != nil {
		t.Fatal(err)
	}
	s := core.Session{Resident: core.Resident{Lang: core.Russian, ConsentAt: time.Now(), Subscriptions: districts}}
	if err := db.Apply(ctx, core.Change{Inbound: in, Session: &s}); err != nil {
		t.Fatal(err)
	}
}

// forgetChat commits a confirmed /forget of c.
func forgetChat(t *testing.T, db *storage.DB, c core.ChatRef, key string) {
	t.Helper()
	ctx := context.Background()
	in, err := db.Record(ctx, core.Inbound{Key: key, Chat: c, Kind: core.KindButton, Data: "fg:yes:1"})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Apply(ctx, core.Change{Inbound: in, Forget: true}); err != nil {
		t.Fatal(err)
	}
}

// TestBulkItemsSkipWhoLeftMeanwhile queues a notice's, an alert's and a
// poll invitation's items, computed from an audience read before the
// resident was forgotten, after the forget: none of them may be queued,
// nor leave a key naming the chat, while the resident who stays gets
// theirs and the delivery report still adds up.
func TestBulkItemsSkipWhoLeftMeanwhile(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	gone := core.ChatRef{Channel: core.WhatsApp, ID: "77071234567"}
	stays := core.ChatRef{Channel: core.WhatsApp, ID: "77079876543"}
	subscribe(t, db, gone, "u:1", "d-01")
	subscribe(t, db, stays, "u:2", "d-01")
	audience, err := db.Audience(ctx, []string{"d-01"})
	if err != nil || len(audience) != 2 {
		t.Fatalf("audience = %v, %v; want both", audience, err)
	}
	forgetChat(t, db, gone, "u:3")

	bulk := func(key string, r core.Recipient, batch string) core.OutboxItem {
		return core.OutboxItem{Key: key + r.Chat.String(), Chat: r.Chat, Batch: batch, District: r.District,
			Priority: core.PriorityBulk, Reply: core.Reply{Text: "notice"}}
	}
	var alert []core.OutboxItem
	for _, r := range audience {
		alert = append(alert, bulk("alert:a1:1:", r, "alert:a1:1"))
	}
	if n, err := db.EnqueueOutbox(ctx, alert); err != nil || n != 1 {
		t.Errorf("alert: queued %d, %v; want 1", n, err)
	}
	// A notice, and an invitation to a poll, which counts who it invites.
	for _, n := range []core.Notice{{ID: 7, Districts: []string{"d-01"}, Text: "notice"}, {ID: 8, Districts: []string{"d-01"}, Poll: "safety"}} {
		if err := db.SaveNotice(ctx, n); err != nil {
			t.Fatal(err)
		}
		err = db.UpdateNotice(ctx, n.ID, func(n *core.Notice) ([]core.OutboxItem, error) {
			var items []core.OutboxItem
			for _, r := range audience {
				if n.Poll != "" {
					items = append(items, bulk("poll:safety:", r, "notice:8:1"))
				} else {
					items = append(items, bulk("notice:7:1:", r, "notice:7:1"))
				}
			}
			return items, nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}

	pending, err := db.PendingOutbox(ctx, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range pending {
		if it.Chat != stays {
			t.Errorf("queued %s to %s, who was forgotten", it.Key, it.Chat)
		}
	}
	if len(pending) != 3 {
		t.Errorf("%d items queued, want the alert, the notice and the invitation to the resident who stays", len(pending))
	}
	storagetest.MustNotFind(t, db, gone.ID)
	n, err := db.Notice(ctx, 8)
	if err != nil {
		t.Fatal(err)
	}
	if n.Invited["d-01"] != 1 {
		t.Errorf("invited = %v, want only the resident who stays counted", n.Invited)
	}
	rep, err := db.DeliveryReport(ctx, "notice:7:1")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Cancelled != 1 || rep.Pending != 1 {
		t.Errorf("report = %+v, want 1 cancelled (the forgotten resident's) and 1 pending", rep)
	}
}

// TestForgetMovesAFanOutCursor forgets the resident a notice's fan-out
// stopped at: the cursor must move to the subscriber before them, so the
// fan-out resumes at the same place, and keep no form of their number.
func TestForgetMovesAFanOutCursor(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	before := core.ChatRef{Channel: core.WhatsApp, ID: "77071234500"}
	gone := core.ChatRef{Channel: core.WhatsApp, ID: "77071234567"}
	after := core.ChatRef{Channel: core.WhatsApp, ID: "77071234599"}
	subscribe(t, db, before, "u:1", "d-01")
	subscribe(t, db, gone, "u:2", "d-01", "d-02")
	subscribe(t, db, after, "u:3", "d-02")
	other := core.ChatRef{Channel: core.WhatsApp, ID: "77071234560"} // below gone, but in no district of the notice
	subscribe(t, db, other, "u:4", "d-03")
	tests := []struct {
		name      string
		districts []string
		want      string
	}{
		{"a subscriber before", []string{"d-02", "d-01"}, before.String()},
		{"none before", []string{"d-02"}, ""},
	}
	for i, tt := range tests {
		n := core.Notice{ID: uint64(i + 1), Districts: tt.districts, Text: "notice",
			FanOut: &core.FanOut{At: time.Now(), After: gone.String(), Queued: 2}}
		if err := db.SaveNotice(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	forgetChat(t, db, gone, "u:5")
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := db.Notice(ctx, uint64(i+1))
			if err != nil {
				t.Fatal(err)
			}
			if n.FanOut == nil || n.FanOut.After != tt.want {
				t.Errorf("fan-out = %+v, want it to resume after %q", n.FanOut, tt.want)
			}
		})
	}
	// The number less its last digit finds any neighbour derived from it.
	storagetest.MustNotFind(t, db, gone.ID, gone.ID[:len(gone.ID)-1]+"6")
}
