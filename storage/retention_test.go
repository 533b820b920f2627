package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
)

func TestEraseClosedTickets(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2027, 12, 1, 3, 0, 0, 0, time.UTC)
	db := storagetest.MustOpen(t, storage.Options{Now: func() time.Time { return now }})
	day := 24 * time.Hour
	tests := []struct {
		name   string
		status core.TicketStatus
		closed time.Duration // ago; the ticket was created a day earlier
		erased bool
	}{
		{"resolved over a year ago", core.TicketResolved, 400 * day, true},
		{"rejected over a year ago", core.TicketRejected, 366 * day, true},
		{"resolved within the year", core.TicketResolved, 364 * day, false},
		{"open for over a year", core.TicketAccepted, 400 * day, false},
		{"reopened after a year", core.TicketReopened, 400 * day, false},
	}
	ids := make([]uint64, len(tests))
	for i, tt := range tests {
		id, err := db.NextTicketID(ctx)
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = id
		at := now.Add(-tt.closed)
		tk := core.Ticket{ID: id, Code: core.TicketCode("KRG", id), Category: "noise", Text: "text of " + tt.name,
			District: "d-01", Precinct: "p1", Reporter: chat, ReporterName: "Aigerim", Assignee: "s-i01", Created: at.Add(-day)}
		tk.Record(at.Add(-day), "resident", core.ActionCreated, core.TicketNew, "")
		if tt.status == core.TicketResolved {
			tk.Resolved = at
		}
		tk.Record(at, "s-i01", "changed", tt.status, "a note naming Aigerim")
		if err := db.SaveTicket(ctx, tk, nil); err != nil {
			t.Fatal(err)
		}
	}

	n, err := db.EraseClosedTickets(ctx, now.AddDate(-1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("erased %d tickets, want 2", n)
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tk, err := db.Ticket(ctx, ids[i])
			if err != nil {
				t.Fatal(err)
			}
			if got := !tk.Erased.IsZero(); got != tt.erased {
				t.Fatalf("erased = %v, want %v", got, tt.erased)
			}
			if !tt.erased {
				if tk.Text == "" || tk.ReporterName == "" || !tk.Linked() {
					t.Errorf("kept ticket lost data: %+v", tk)
				}
				return
			}
			if !tk.Erased.Equal(now) || tk.Text != "" || tk.ReporterName != "" || tk.Linked() || tk.Status != tt.status {
				t.Errorf("erased ticket = %+v, want no text, name or chat, erased now, the status kept", tk)
			}
			if last := tk.History[len(tk.History)-1]; last.Action != core.ActionExpired || last.Actor != "system" {
				t.Errorf("last event = %+v, want the system's %s", last, core.ActionExpired)
			}
			if storagetest.Find(t, db, "text of "+tt.name) != nil {
				t.Errorf("the text is still stored")
			}
		})
	}
	mine, _ := db.TicketsByReporter(ctx, chat)
	if len(mine) != 3 {
		t.Errorf("the reporter still has %d tickets, want the 3 not erased", len(mine))
	}
	// A second run finds nothing more to do.
	if n, err := db.EraseClosedTickets(ctx, now.AddDate(-1, 0, 0)); n != 0 || err != nil {
		t.Errorf("second run erased %d, %v; want 0", n, err)
	}
}
