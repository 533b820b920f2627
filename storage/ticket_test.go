package storage_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
)

func TestTicketIndexesAndConflicts(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	id, err := db.NextTicketID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	tk := core.Ticket{ID: id, Code: "KRG-0001", Reporter: chat, Assignee: "s-i02", Precinct: "p1", Status: core.TicketNew, Created: now}
	if err := db.SaveTicket(ctx, tk, nil); err != nil {
		t.Fatal(err)
	}
	// Two people read version 1 and both change it: the second loses.
	first, _ := db.Ticket(ctx, id)
	second := first
	first.Status, first.Assignee, first.Precinct = core.TicketAccepted, "s-i05", "p2"
	if err := db.SaveTicket(ctx, first, nil); err != nil {
		t.Fatal(err)
	}
	second.Status = core.TicketRejected
	if err := db.SaveTicket(ctx, second, nil); !errors.Is(err, core.ErrConflict) {
		t.Fatalf("stale save: got %v, want ErrConflict", err)
	}

	for name, list := range map[string]func() ([]core.Ticket, error){
		"by reporter":     func() ([]core.Ticket, error) { return db.TicketsByReporter(ctx, chat) },
		"by new assignee": func() ([]core.Ticket, error) { return db.TicketsByAssignee(ctx, "s-i05") },
		"by new precinct": func() ([]core.Ticket, error) { return db.TicketsByPrecinct(ctx, "p2") },
		"open":            func() ([]core.Ticket, error) { return db.OpenTickets(ctx) },
	} {
		if got, err := list(); err != nil || len(got) != 1 {
			t.Errorf("%s: %d tickets, %v; want 1", name, len(got), err)
		}
	}
	for name, list := range map[string]func() ([]core.Ticket, error){
		"by old assignee": func() ([]core.Ticket, error) { return db.TicketsByAssignee(ctx, "s-i02") },
		"by old precinct": func() ([]core.Ticket, error) { return db.TicketsByPrecinct(ctx, "p1") },
	} {
		if got, _ := list(); len(got) != 0 {
			t.Errorf("%s still lists the ticket", name)
		}
	}
	if n, _ := db.ReportsSince(ctx, chat, now.Add(-time.Minute)); n != 1 {
		t.Errorf("reports since = %d, want 1", n)
	}
	// Ids come in blocks but never repeat.
	next, _ := db.NextTicketID(ctx)
	if next != id+1 {
		t.Errorf("next id %d, want %d", next, id+1)
	}
}
