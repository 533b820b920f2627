package flows_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/flows"
	"github.com/beatbot-kz/beatbot/storage"
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

// TestInstallRetriesTicketsItCouldNotMove: a pass cut short (here its
// context is cancelled once the open tickets are read) leaves the ticket
// where it was and says so; the next Install of the same city moves it,
// and each inspector is told once.
func TestInstallRetriesTicketsItCouldNotMove(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	h.onboard(core.Russian, true)
	h.report(false, 49.8250, 73.0880) // KRG-0001, district 02
	h.as(inspectorD01).onboard(core.Russian, true)
	h.as(inspectorD02).onboard(core.Russian, true)
	before := len(h.outboxTo(inspectorD02))
	city, index := example()
	cut, cancel := context.WithCancel(ctx)
	defer cancel()
	store := &racingStore{Store: h.db, meddle: cancel}
	engine := flows.New(flows.Config{Store: store, City: city, Index: index, Log: zerolog.Nop(), Now: func() time.Time { return h.now }})

	next, nextIndex := loadExample(t, func(c *core.City) { c.District("krg-d02").Inspector = "s-i01" })
	if moved, err := engine.Install(cut, next, nextIndex); err == nil || moved != 0 || !strings.Contains(err.Error(), "KRG-0001") {
		t.Fatalf("Install with the context cancelled = %d, %v; want nothing moved and an error naming KRG-0001", moved, err)
	}
	if got := h.ticket(1).Assignee; got != "s-i02" {
		t.Fatalf("ticket after the failed pass is with %q, want still s-i02", got)
	}
	if moved, err := engine.Install(ctx, next, nextIndex); err != nil || moved != 1 {
		t.Fatalf("next Install of the same city = %d, %v; want the ticket moved", moved, err)
	}
	if got := h.ticket(1).Assignee; got != "s-i01" {
		t.Errorf("ticket after the next Install is with %q, want s-i01", got)
	}
	if note := h.outboxTo(inspectorD02)[before:]; len(note) != 1 {
		t.Errorf("old inspector got %d items, want one note", len(note))
	}
	if moved, err := engine.Install(ctx, next, nextIndex); err != nil || moved != 0 {
		t.Errorf("third Install = %d, %v; want nothing moved", moved, err)
	}
}

// TestInstallAtStartReroutesChangesMadeWhileStopped: the configuration
// gave district 02 another inspector while the bot was stopped; the start
// (an engine built with the new city, installing it) moves its ticket.
func TestInstallAtStartReroutesChangesMadeWhileStopped(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	h.onboard(core.Russian, true)
	h.report(false, 49.8250, 73.0880) // KRG-0001, district 02
	next, index := loadExample(t, func(c *core.City) { c.District("krg-d02").Inspector = "s-i01" })
	started := flows.New(flows.Config{Store: h.db, City: next, Index: index, Log: zerolog.Nop(), Now: func() time.Time { return h.now }})
	if moved, err := started.Install(ctx, next, index); err != nil || moved != 1 {
		t.Fatalf("Install at the start = %d, %v; want the ticket moved", moved, err)
	}
	if tk := h.ticket(1); tk.Assignee != "s-i01" || tk.Inspector != "s-i01" {
		t.Errorf("ticket after the start: assignee %q, routed for %q; want s-i01", tk.Assignee, tk.Inspector)
	}
}

// meddlingStore changes one ticket behind the rerouting's back each time
// it is read, so rerouting it always conflicts.
type meddlingStore struct {
	flows.Store
	t  *testing.T
	db *storage.DB
	id uint64
}

func (s *meddlingStore) meddle(ctx context.Context) {
	if s.id == 0 {
		return
	}
	tk, err := s.db.Ticket(ctx, s.id)
	if err != nil {
		s.t.Fatal(err)
	}
	tk.Record(tk.Created, "s-i02", core.ActionReplied, "", "")
	if err := s.db.SaveTicket(ctx, tk, nil); err != nil {
		s.t.Fatal(err)
	}
}

func (s *meddlingStore) OpenTickets(ctx context.Context) ([]core.Ticket, error) {
	ts, err := s.Store.OpenTickets(ctx)
	s.meddle(ctx)
	return ts, err
}

func (s *meddlingStore) Ticket(ctx context.Context, id uint64) (core.Ticket, error) {
	tk, err := s.Store.Ticket(ctx, id)
	if id == s.id {
		s.meddle(ctx) // after the read: what was read is stale
	}
	return tk, err
}

// TestRerouteCarriesOnPastATicketThatKeepsChanging: a ticket staff keep
// changing is left after a few tries, with an error naming it, and the
// others are still rerouted; the next Install moves it.
func TestRerouteCarriesOnPastATicketThatKeepsChanging(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	h.onboard(core.Russian, true)
	h.report(false, 49.8250, 73.0880) // KRG-0001
	h.report(false, 49.8250, 73.0880) // KRG-0002
	city, index := example()
	store := &meddlingStore{Store: h.db, t: t, db: h.db, id: 1}
	engine := flows.New(flows.Config{Store: store, City: city, Index: index, Log: zerolog.Nop(), Now: func() time.Time { return h.now }})

	next, nextIndex := loadExample(t, func(c *core.City) { c.District("krg-d02").Inspector = "s-i01" })
	moved, err := engine.Install(ctx, next, nextIndex)
	if moved != 1 || !errors.Is(err, core.ErrConflict) || !strings.Contains(err.Error(), "KRG-0001") {
		t.Fatalf("Install = %d, %v; want KRG-0002 moved and a conflict on KRG-0001", moved, err)
	}
	if a1, a2 := h.ticket(1).Assignee, h.ticket(2).Assignee; a1 != "s-i02" || a2 != "s-i01" {
		t.Errorf("assignees = %q, %q; want s-i02 (left) and s-i01 (moved)", a1, a2)
	}
	store.id = 0 // staff stop
	if moved, err := engine.Install(ctx, next, nextIndex); err != nil || moved != 1 || h.ticket(1).Assignee != "s-i01" {
		t.Errorf("next Install = %d, %v, KRG-0001 with %q; want it moved to s-i01", moved, err, h.ticket(1).Assignee)
	}
}

// TestLeavesMoveNoOpenTickets: tickets stay where they are when a leave
// starts, when it is ended early and the record of it is gone, and after
// the district's route changes back.
func TestLeavesMoveNoOpenTickets(t *testing.T) {
	h := newHarness(t)
	admin := h.as(adminKRG)
	admin.onboard(core.English, true)
	h.onboard(core.Russian, true)
	h.report(false, 49.8250, 73.0880) // KRG-0001 to s-i02
	mustContain(t, admin.away("s-i02 2026-12-20 s-i01"), "is away until 20.12.2026")
	h.report(false, 49.8250, 73.0880) // KRG-0002 to the deputy s-i01
	if a1, a2 := h.ticket(1).Assignee, h.ticket(2).Assignee; a1 != "s-i02" || a2 != "s-i01" {
		t.Fatalf("assignees during the leave = %q, %q; want s-i02 (before it) and s-i01 (deputy)", a1, a2)
	}
	mustContain(t, admin.away("s-i02 off"), "is back")
	if ls := h.leaves(); len(ls) != 0 {
		t.Fatalf("leaves after /away off = %+v, want none", ls)
	}
	city, index := example()
	if moved, err := h.engine.Install(context.Background(), city, index); err != nil || moved != 0 {
		t.Errorf("Install after the leave = %d, %v; want nothing moved", moved, err)
	}
	if a1, a2 := h.ticket(1).Assignee, h.ticket(2).Assignee; a1 != "s-i02" || a2 != "s-i01" {
		t.Errorf("assignees after the leave = %q, %q; want them kept", a1, a2)
	}
}

// TestRecordedLeaveEndsOnTime: s-i04 is away by the configuration until
// 15 December with s-i03 standing in; an admin records a shorter leave
// with s-i01. Reports go to s-i01 until it ends, then to s-i03 until the
// configured leave ends, then to s-i04, with no reload between.
func TestRecordedLeaveEndsOnTime(t *testing.T) {
	h := newHarness(t)
	admin := h.as(adminKRG)
	admin.onboard(core.English, true)
	h.onboard(core.Russian, true)
	mustContain(t, admin.away("s-i04 2026-12-01 s-i01"), "is away until 01.12.2026")
	for i, tt := range []struct {
		now  time.Time
		want string
	}{
		{time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC), "s-i01"},
		{time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC), "s-i03"},
		{time.Date(2026, 12, 16, 10, 0, 0, 0, time.UTC), "s-i04"},
	} {
		h.now = tt.now
		h.report(false, 49.8250, 73.1450) // district 04
		if got := h.ticket(uint64(i + 1)).Assignee; got != tt.want {
			t.Errorf("report at %v went to %q, want %q", tt.now, got, tt.want)
		}
	}
}
