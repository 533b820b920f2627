package notifier_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/configs"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/notifier"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
	"github.com/rs/zerolog"
)

func TestEscalationOncePerBreach(t *testing.T) {
	ctx := context.Background()
	city, _, err := configs.Load("../configs/example/city.yaml")
	if err != nil {
		t.Fatal(err)
	}
	db := storagetest.MustOpen(t, storage.Options{})
	created := time.Date(2026, 11, 25, 9, 0, 0, 0, city.Location)
	// Burglary: accept within 12 hours, resolve within 7 days.
	tk := core.Ticket{ID: 1, Code: "KRG-0001", Category: "burglary", Text: "door", District: "krg-d02", Precinct: "krg-p1",
		Assignee: "s-i02", Reporter: chat(1001), Lang: core.Russian, Created: created}
	tk.Record(created, "resident", core.ActionCreated, core.TicketNew, "")
	if err := db.SaveTicket(ctx, tk, nil); err != nil {
		t.Fatal(err)
	}
	woken := 0
	job := notifier.EscalationJob(db, core.NewCityHolder(city), zerolog.Nop(), func() { woken++ })
	chief := "5000000000000001" // s-c1

	run := func(at time.Time) []core.OutboxItem {
		t.Helper()
		if err := job(ctx, at); err != nil {
			t.Fatal(err)
		}
		items, _ := db.PendingOutbox(ctx, 0, 100)
		return items
	}
	if items := run(created.Add(11 * time.Hour)); len(items) != 0 {
		t.Fatalf("escalated before the target: %+v", items)
	}
	items := run(created.Add(13 * time.Hour))
	if len(items) != 1 || items[0].Chat.ID != chief || !strings.Contains(items[0].Reply.Text, "KRG-0001") || !items[0].ToStaff {
		t.Fatalf("escalation = %+v, want one message to the chief", items)
	}
	if got := buttons([]core.Reply{items[0].Reply}); len(got) == 0 || got[0] != "tk:e:1" {
		t.Errorf("escalation buttons = %v, want a reminder first", got)
	}
	if len(run(created.Add(20*time.Hour))) != 1 {
		t.Error("escalated the same breach twice")
	}
	// Accepted, but not resolved in 7 days: a second, different breach.
	tk, _ = db.Ticket(ctx, 1)
	tk.Record(created.Add(21*time.Hour), "s-i02", core.ActionAccepted, core.TicketAccepted, "")
	if err := db.SaveTicket(ctx, tk, nil); err != nil {
		t.Fatal(err)
	}
	if len(run(created.Add(6*24*time.Hour))) != 1 {
		t.Error("escalated before the resolve target")
	}
	if got := run(created.Add(8 * 24 * time.Hour)); len(got) != 2 {
		t.Errorf("after 8 days %d escalations, want 2", len(got))
	}
	tk, _ = db.Ticket(ctx, 1)
	if want := fmt.Sprintf("accept@%d,resolve@%d", created.Unix(), created.Unix()); strings.Join(tk.Escalated, ",") != want {
		t.Errorf("escalated = %v, want %s", tk.Escalated, want)
	}
	if woken != 2 {
		t.Errorf("outbox woken %d times, want 2", woken)
	}

	// Transferred to another district and left waiting again: a new
	// breach of the accept target, escalated to the new precinct's chief.
	tk, _ = db.Ticket(ctx, 1)
	moved := created.Add(9 * 24 * time.Hour)
	tk.District, tk.Precinct, tk.Assignee = "krg-d05", "krg-p2", "s-i05"
	tk.Record(moved, "s-c1", core.ActionTransferred, core.TicketNew, "krg-d05")
	if err := db.SaveTicket(ctx, tk, nil); err != nil {
		t.Fatal(err)
	}
	items = run(moved.Add(13 * time.Hour))
	last := items[len(items)-1]
	if len(items) != 3 || last.Chat.ID != "5000000000000002" {
		t.Errorf("after the transfer: %d escalations, the last to %s; want a third, to the chief of krg-p2", len(items), last.Chat.ID)
	}
}

func buttons(rs []core.Reply) []string {
	var out []string
	for _, r := range rs {
		for _, row := range r.Buttons {
			for _, b := range row {
				out = append(out, b.Data)
			}
		}
	}
	return out
}
