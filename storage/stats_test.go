package storage_test

import (
	"context"
	"errors"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
)

// Stats counts commits (a batch of concurrent writes as one), tickets by
// status and the waiting outbox; Ping fails once the file is closed.
func TestStats(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	before, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, st := range []core.TicketStatus{core.TicketNew, core.TicketNew, core.TicketAccepted, core.TicketResolved} {
		tk := core.Ticket{ID: uint64(i + 1), Code: "T", Reporter: chat, Assignee: "s-i02", Precinct: "p1", Status: st, Created: time.Now()}
		if i == 0 {
			tk.Escalated = []string{"accept@1764000000", "resolve@1764000000", "accept@1764003600"}
		}
		if err := db.SaveTicket(ctx, tk, nil); err != nil {
			t.Fatal(err)
		}
	}
	afterTickets, _ := db.Stats(ctx)
	if n := afterTickets.Commits - before.Commits; n != 4 {
		t.Errorf("4 ticket saves made %d commits, want 4", n)
	}

	// Forty sessions applied at once share commits.
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := core.ChatRef{Channel: core.Telegram, ID: strconv.Itoa(1000 + i)}
			if err := db.Apply(ctx, core.Change{Inbound: core.Inbound{Chat: c}, Session: &core.Session{Resident: core.Resident{Chat: c}, Conversation: core.Conversation{State: "menu"}}}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	after, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n := after.Commits - afterTickets.Commits; n < 1 || n >= 40 {
		t.Errorf("40 concurrent applies made %d commits, want fewer than 40 and at least 1", n)
	}
	want := map[core.TicketStatus]int{core.TicketNew: 2, core.TicketAccepted: 1, core.TicketResolved: 1}
	for st, n := range want {
		if after.Tickets[st] != n {
			t.Errorf("%s tickets: %d, want %d (all: %v)", st, after.Tickets[st], n, after.Tickets)
		}
	}
	if after.Breaches["accept"] != 2 || after.Breaches["resolve"] != 1 {
		t.Errorf("breaches %v, want 2 accept and 1 resolve", after.Breaches)
	}
	if after.FileBytes <= 0 {
		t.Errorf("file size %d", after.FileBytes)
	}

	queued := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	items := []core.OutboxItem{
		{Key: "a", Chat: chat, Created: queued, Reply: core.Reply{Text: "one"}},
		{Key: "b", Chat: chat, Created: queued.Add(time.Hour), Reply: core.Reply{Text: "two"}},
	}
	if _, err := db.EnqueueOutbox(ctx, items); err != nil {
		t.Fatal(err)
	}
	s, _ := db.Stats(ctx)
	if s.Outbox != 2 || !s.OutboxOldest.Equal(queued) {
		t.Errorf("outbox %d, oldest %v; want 2 and %v", s.Outbox, s.OutboxOldest, queued)
	}

	if err := db.Ping(ctx); err != nil {
		t.Fatalf("ping an open file: %v", err)
	}
	closed, err := storage.Open(filepath.Join(t.TempDir(), "closed.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	closed.Close()
	if err := closed.Ping(ctx); err == nil {
		t.Error("ping after close succeeded")
	} else if errors.Is(err, context.Canceled) {
		t.Errorf("ping after close: %v", err)
	}
}
