package flows_test

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/flows"
	"github.com/rs/zerolog"
)

// TestInstallReroutesOpenTickets: district 02 gets another inspector; its
// open ticket moves to them with a history entry, the new inspector gets
// its card and the old one a note, through the outbox; a closed ticket
// and a second install of the same city move nothing.
func TestInstallReroutesOpenTickets(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	h.onboard(core.Russian, true)
	h.report(false, 49.8250, 73.0880) // KRG-0001, district 02
	h.report(false, 49.8250, 73.0880) // KRG-0002, rejected below
	chief := h.as(chiefNovyGorod)
	chief.onboard(core.Russian, true)
	chief.press("tx:2:duplicate")
	h.as(inspectorD01).onboard(core.Russian, true)
	h.as(inspectorD02).onboard(core.Russian, true)
	before := len(h.outboxTo(inspectorD02))

	next, index := loadExample(t, func(c *core.City) { c.District("krg-d02").Inspector = "s-i01" })
	moved, err := h.engine.Install(ctx, next, index)
	if err != nil || moved != 1 {
		t.Fatalf("Install = %d, %v; want 1 ticket moved", moved, err)
	}
	tk := h.ticket(1)
	last := tk.History[len(tk.History)-1]
	if tk.Assignee != "s-i01" || last.Action != core.ActionReassigned || last.Actor != "system" || last.Note != "s-i01" {
		t.Errorf("ticket after the reload: assignee %q, last event %+v; want s-i01, reassigned by the system", tk.Assignee, last)
	}
	if got := h.ticket(2).Assignee; got != "s-i02" {
		t.Errorf("rejected ticket moved to %q", got)
	}
	card := h.outboxTo(inspectorD01)
	if len(card) == 0 || !strings.Contains(textsOf(card), "KRG-0001") || !slices.Contains(buttons([]core.Reply{card[len(card)-1].Reply}), "tk:a:1") {
		t.Errorf("new inspector's items = %s, want the card of KRG-0001 with its buttons", textsOf(card))
	}
	note := h.outboxTo(inspectorD02)[before:]
	if len(note) != 1 || !strings.Contains(note[0].Reply.Text, "↪️ Обращение KRG-0001 передано: Образец: Асет Нурланов") || !note[0].ToStaff {
		t.Errorf("old inspector's items = %+v, want a note that KRG-0001 moved", note)
	}
	// Staff act on the new assignment at once: the new inspector may, the
	// old one may not any more.
	mustContain(t, h.as(inspectorD01).press("tk:a:1"), "KRG-0001")
	if got := h.ticket(1).Status; got != core.TicketAccepted {
		t.Errorf("status after the new inspector accepted = %s", got)
	}
	mustContain(t, h.as(inspectorD02).press("tk:s:1"), "Вы не можете работать с этим обращением")

	if moved, err := h.engine.Install(ctx, next, index); err != nil || moved != 0 {
		t.Errorf("second Install of the same city = %d, %v; want nothing moved", moved, err)
	}
}

// racingStore lets staff change a ticket between the rerouting's read of
// the open tickets and its write, once.
type racingStore struct {
	flows.Store
	once   sync.Once
	meddle func()
}

func (s *racingStore) OpenTickets(ctx context.Context) ([]core.Ticket, error) {
	ts, err := s.Store.OpenTickets(ctx)
	s.once.Do(s.meddle)
	return ts, err
}

// TestRerouteWorksAgainOnAChangedTicket: the inspector accepts the ticket
// while the reload reroutes it; the rerouting, refused as stale, is worked
// out again and keeps the acceptance.
func TestRerouteWorksAgainOnAChangedTicket(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	h.onboard(core.Russian, true)
	h.report(false, 49.8250, 73.0880)
	h.as(inspectorD02).onboard(core.Russian, true)
	city, index := example()
	store := &racingStore{Store: h.db, meddle: func() { h.as(inspectorD02).press("tk:a:1") }}
	engine := flows.New(flows.Config{Store: store, City: city, Index: index, Log: zerolog.Nop(), Now: func() time.Time { return h.now }})

	next, nextIndex := loadExample(t, func(c *core.City) { c.District("krg-d02").Inspector = "s-i01" })
	if moved, err := engine.Install(ctx, next, nextIndex); err != nil || moved != 1 {
		t.Fatalf("Install = %d, %v; want 1 ticket moved", moved, err)
	}
	tk := h.ticket(1)
	var actions []string
	for _, e := range tk.History {
		actions = append(actions, e.Action)
	}
	if tk.Assignee != "s-i01" || tk.Status != core.TicketAccepted || strings.Join(actions, ",") != "created,accepted,reassigned" {
		t.Errorf("ticket = assignee %q, status %s, history %v; want moved to s-i01 and still accepted", tk.Assignee, tk.Status, actions)
	}
}
