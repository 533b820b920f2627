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

var waStaff = core.ChatRef{Channel: core.WhatsApp, ID: "77010000777"}

// sendCard queues a ticket's card to staff on WhatsApp and remembers it as
// the adapter does when it is sent, under the item.
func sendCard(t *testing.T, db *storage.DB, tk core.Ticket, wamid string) {
	t.Helper()
	ctx := context.Background()
	key := "ticket:" + itoa(tk.ID) + ":1:created:card"
	card := core.Reply{Text: tk.ReporterName + ": " + tk.Text}
	if _, err := db.EnqueueOutbox(ctx, []core.OutboxItem{{Key: key, Chat: waStaff, ToStaff: true, Reply: card}}); err != nil {
		t.Fatal(err)
	}
	items, err := db.PendingOutbox(ctx, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Key != key {
			continue
		}
		if err := db.RememberSent(ctx, wamid, waStaff, card, core.ItemRef{ID: it.ID, Key: it.Key}); err != nil {
			t.Fatal(err)
		}
		if err := db.OutboxSent(ctx, it.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := db.SentMessage(ctx, wamid); err != nil {
		t.Fatalf("card not remembered: %v", err)
	}
}

// TestErasedTicketsLeaveNoRememberedCard: a ticket's card sent to staff on
// WhatsApp is remembered for a resend, and holds the reporter's name and
// words; it goes when the ticket is erased, by /forget or by retention,
// while another ticket's stays.
func TestErasedTicketsLeaveNoRememberedCard(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2027, 12, 1, 3, 0, 0, 0, time.UTC)
	db := storagetest.MustOpen(t, storage.Options{Now: func() time.Time { return now }})
	reporter := core.ChatRef{Channel: core.WhatsApp, ID: "77010000042"}
	save := func(name, text string, closed bool) core.Ticket {
		id, err := db.NextTicketID(ctx)
		if err != nil {
			t.Fatal(err)
		}
		at := now.AddDate(-2, 0, 0)
		tk := core.Ticket{ID: id, Code: core.TicketCode("KRG", id), Category: "noise", Text: text, District: "d-01",
			Precinct: "p1", Reporter: reporter, ReporterName: name, Assignee: "s-i01", Created: at}
		tk.Record(at, "resident", core.ActionCreated, core.TicketNew, "")
		if closed {
			tk.Resolved = at
			tk.Record(at, "s-i01", "resolved", core.TicketResolved, "")
		}
		if err := db.SaveTicket(ctx, tk, nil); err != nil {
			t.Fatal(err)
		}
		return tk
	}
	old := save("Aigerim Retained", "Шум у Айгерим", true)
	open := save("Aigerim Open", "Дверь Айгерим", false)
	sendCard(t, db, old, "wamid.old-card")
	sendCard(t, db, open, "wamid.open-card")

	if _, err := db.EraseClosedTickets(ctx, now.AddDate(-1, 0, 0)); err != nil {
		t.Fatal(err)
	}
	storagetest.MustNotFind(t, db, old.ReporterName, old.Text)
	if _, _, err := db.SentMessage(ctx, "wamid.open-card"); err != nil {
		t.Errorf("the open ticket's card went too: %v", err)
	}

	forgetChat(t, db, reporter, "u:forget")
	storagetest.MustNotFind(t, db, open.ReporterName, open.Text)
}

// TestRememberSentAfterTheItemWasWithdrawn: a card being sent when its
// reporter is forgotten is remembered only after the forget committed;
// then it must not be kept, or nothing would ever erase it.
func TestRememberSentAfterTheItemWasWithdrawn(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	reporter := core.ChatRef{Channel: core.WhatsApp, ID: "77010000042"}
	tk := core.Ticket{ID: 1, Code: "KRG-0001", Category: "noise", Text: "Дверь Айгерим", District: "d-01", Precinct: "p1",
		Reporter: reporter, ReporterName: "Aigerim", Assignee: "s-i01", Created: time.Now()}
	if err := db.SaveTicket(ctx, tk, nil); err != nil {
		t.Fatal(err)
	}
	card := core.Reply{Text: tk.ReporterName + ": " + tk.Text}
	if _, err := db.EnqueueOutbox(ctx, []core.OutboxItem{{Key: "ticket:1:1:created:card", Chat: waStaff, ToStaff: true, Reply: card}}); err != nil {
		t.Fatal(err)
	}
	items, err := db.PendingOutbox(ctx, 0, 10)
	if err != nil || len(items) != 1 {
		t.Fatalf("pending = %v, %v", items, err)
	}
	// The card is being sent when the reporter's forget commits.
	forgetChat(t, db, reporter, "u:forget")
	if err := db.RememberSent(ctx, "wamid.late", waStaff, card, core.ItemRef{ID: items[0].ID, Key: items[0].Key}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.SentMessage(ctx, "wamid.late"); !errors.Is(err, core.ErrNotFound) {
		t.Errorf("remembered a message whose item was withdrawn: %v", err)
	}
	storagetest.MustNotFind(t, db, tk.ReporterName, tk.Text)
}
