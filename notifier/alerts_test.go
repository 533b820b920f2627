package notifier_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/notifier"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
)

func TestAlertJobReachesSubscribersOnceInTheirLanguage(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	residents := []struct {
		id   string
		lang core.Lang
		subs []string
	}{
		{"1", core.Russian, []string{"d1"}},
		{"2", core.Kazakh, []string{"d1", "d2"}}, // in both target districts: one copy
		{"3", core.English, []string{"d3"}},      // not targeted
		{"4", core.Kazakh, []string{"d2"}},       // blocked the bot
	}
	for i, r := range residents {
		in, err := db.Record(ctx, core.Inbound{Key: "k" + r.id, Chat: chat(int64(i + 1)), Kind: core.KindText})
		if err != nil {
			t.Fatal(err)
		}
		s := core.Session{Resident: core.Resident{Lang: r.lang, ConsentAt: time.Now(), Subscriptions: r.subs}}
		if err := db.Apply(ctx, core.Change{Inbound: in, Session: &s}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.MarkUnreachable(ctx, chat(4), "blocked"); err != nil {
		t.Fatal(err)
	}

	alert := core.ScheduledAlert{ID: "lock-doors", Districts: []string{"d1", "d2"}, Text: core.Text{
		core.Russian: "Закройте окна и двери.", core.Kazakh: "Терезе мен есікті жабыңыз.", core.English: "Lock your windows and doors.",
	}}
	woken := 0
	job := notifier.AlertJob(db, &core.City{}, alert, func() { woken++ })
	at := time.Date(2026, 6, 5, 18, 0, 0, 0, time.UTC)
	for range 2 { // a second run for the same time adds nothing
		if err := job(ctx, at); err != nil {
			t.Fatal(err)
		}
	}
	items, err := db.PendingOutbox(ctx, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, it := range items {
		got[it.Chat.ID] = it.Reply.Text
		if it.Priority != core.PriorityBulk || it.Batch == "" {
			t.Errorf("item %+v: want bulk priority and a batch", it)
		}
	}
	if len(got) != 2 || len(items) != 2 {
		t.Fatalf("queued for %v (%d items), want chats 1 and 2 once each", got, len(items))
	}
	if !strings.HasPrefix(got["1"], "Закройте окна") || !strings.Contains(got["1"], "/stop") {
		t.Errorf("chat 1 text = %q, want Russian with the /stop footer", got["1"])
	}
	if !strings.HasPrefix(got["2"], "Терезе мен есікті") {
		t.Errorf("chat 2 text = %q, want Kazakh", got["2"])
	}
	if woken != 1 {
		t.Errorf("outbox woken %d times, want once (the second run queued nothing)", woken)
	}
}
