package core_test

import (
	"sync"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// smallCity is a precinct of two districts with their inspectors, a
// chief and an admin; change edits it before it is indexed.
func smallCity(change func(*core.City)) *core.City {
	c := &core.City{
		Code:      "TST",
		Precincts: []core.Precinct{{ID: "p1", Chief: "c1"}, {ID: "p2", Chief: "c2"}},
		Districts: []core.District{{ID: "d1", Precinct: "p1", Inspector: "i1"}, {ID: "d2", Precinct: "p1", Inspector: "i2"}},
		Staff: []core.Staff{
			{ID: "i1", Role: core.RoleInspector, TelegramID: 1}, {ID: "i2", Role: core.RoleInspector, TelegramID: 2},
			{ID: "i3", Role: core.RoleInspector, TelegramID: 6},
			{ID: "c1", Role: core.RoleChief, TelegramID: 3}, {ID: "c2", Role: core.RoleChief, TelegramID: 4}, {ID: "a1", Role: core.RoleAdmin, TelegramID: 5},
		},
	}
	if change != nil {
		change(c)
	}
	c.Index()
	return c
}

// TestCityHolderSwapsWhole: readers see either city whole, never a mix,
// while another goroutine swaps them (run with -race).
func TestCityHolderSwapsWhole(t *testing.T) {
	a := smallCity(nil)
	b := smallCity(func(c *core.City) { c.Districts[0].Inspector = "i3" })
	h := core.NewCityHolder(a)
	if got := h.Load(); got != a {
		t.Fatalf("Load = %p, want the city given to NewCityHolder %p", got, a)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range 1000 {
			next := a
			if i%2 == 0 {
				next = b
			}
			h.Swap(next)
		}
	}()
	for range 1000 {
		c := h.Load()
		insp := c.District("d1").Inspector
		if (c == a) != (insp == "i1") {
			t.Fatalf("city %p has d1's inspector %q: a mix of two cities", c, insp)
		}
	}
	wg.Wait()
	if old := h.Swap(b); old != a && old != b {
		t.Errorf("Swap returned %p, neither city", old)
	}
	if h.Load() != b {
		t.Error("Load after Swap(b) is not b")
	}
}

func TestWithLeaves(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	configEnd := now.Add(10 * 24 * time.Hour)
	base := smallCity(func(c *core.City) {
		c.Staff[1].Absence = core.Absence{Until: configEnd, Deputy: "i1"} // i2 away by the configuration
	})
	leaves := []core.Leave{
		{Staff: "i1", Until: now.Add(48 * time.Hour), Deputy: "i3"},
		{Staff: "i2", Until: configEnd, Off: true},
		{Staff: "nobody", Until: now.Add(time.Hour)},
	}
	got := base.WithLeaves(leaves, now)

	if a := got.StaffMember("i1").Absence; !a.Until.Equal(now.Add(48*time.Hour)) || a.Deputy != "i3" || !a.Recorded {
		t.Errorf("i1's absence = %+v, want the recorded leave with deputy i3", a)
	}
	if a := got.StaffMember("i2").Absence; a.Away(now) || !a.Recorded || a.Deputy != "i1" {
		t.Errorf("i2's absence = %+v, want the configured leave ended early, deputy kept", a)
	}
	if id := staffID(got.Assignee("d1", now)); id != "i3" {
		t.Errorf("d1 while i1 is away: Assignee = %q, want the deputy i3", id)
	}
	if id := staffID(got.Assignee("d2", now)); id != "i2" {
		t.Errorf("d2 after i2's leave was ended: Assignee = %q, want i2", id)
	}
	// The city laid over stays as it was, and knows the configuration.
	if base.StaffMember("i1").Absence.Recorded || !base.StaffMember("i2").Absence.Away(now) {
		t.Error("WithLeaves changed the city it was called on")
	}
	if a := got.Configured("i2"); !a.Until.Equal(configEnd) {
		t.Errorf("Configured(i2) = %+v, want the configuration's leave", a)
	}
	// Laid over again, from the copy, with no leaves: the configuration.
	again := got.WithLeaves(nil, now)
	if a := again.StaffMember("i1").Absence; a.Recorded || a.Away(now) {
		t.Errorf("without leaves, i1's absence = %+v, want the configuration's (none)", a)
	}
	if !again.StaffMember("i2").Absence.Away(now) {
		t.Error("without leaves, i2 should be away as configured")
	}
	// A leave over is ignored, in the city it was laid over at the time
	// it was, without laying it again; an "off" for a leave the
	// configuration no longer names too.
	later := now.Add(72 * time.Hour)
	if a := got.AbsenceAt("i1", later); a.Recorded || a.Away(later) {
		t.Errorf("i1's absence after the leave ended = %+v, want none", a)
	}
	if id := staffID(got.Assignee("d1", later)); id != "i1" {
		t.Errorf("d1 after i1's leave ended: Assignee = %q, want i1 back", id)
	}
	moved := smallCity(func(c *core.City) { c.Staff[1].Absence = core.Absence{Until: configEnd.Add(time.Hour)} })
	if !moved.WithLeaves(leaves, now).StaffMember("i2").Absence.Away(now) {
		t.Error("an early end of a leave cancels a different configured leave")
	}
}

// TestLeavesEndOnTime: a leave recorded in the bot that ends before the
// configuration's away_until gives way to the configured leave when it
// ends, and the configured one ends on time too, in the city the leaves
// were laid over once.
func TestLeavesEndOnTime(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	configEnd := now.Add(10 * 24 * time.Hour)
	base := smallCity(func(c *core.City) {
		c.Staff[1].Absence = core.Absence{Until: configEnd, Deputy: "i1"} // i2 away by the configuration
	})
	city := base.WithLeaves([]core.Leave{{Staff: "i2", Until: now.Add(48 * time.Hour), Deputy: "i3"}}, now)
	for _, tt := range []struct {
		at   time.Time
		want string
	}{
		{now, "i3"},                         // the recorded leave's deputy
		{now.Add(72 * time.Hour), "i1"},     // it ended: the configured deputy
		{configEnd.Add(time.Hour), "i2"},    // the configured leave ended too
		{now.Add(48 * time.Hour), "i1"},     // at the very end of the recorded leave
		{configEnd.Add(-time.Second), "i1"}, // just before the configured end
	} {
		if id := staffID(city.Assignee("d2", tt.at)); id != tt.want {
			t.Errorf("Assignee(d2, %v) = %q, want %q", tt.at, id, tt.want)
		}
	}
	if a := city.AbsenceAt("i2", now.Add(72*time.Hour)); a.Recorded || !a.Until.Equal(configEnd) || a.Deputy != "i1" {
		t.Errorf("AbsenceAt(i2) after the recorded leave = %+v, want the configured one", a)
	}
}

func TestRerouted(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name         string
		next         func(*core.City)
		ticket       core.Ticket
		wantPrecinct string
		wantTo       string
		wantOK       bool
	}{
		{"unchanged district", nil, core.Ticket{District: "d1", Precinct: "p1", Assignee: "i1", Status: core.TicketNew}, "p1", "", false},
		{"new inspector", func(c *core.City) { c.Districts[0].Inspector = "i3" },
			core.Ticket{District: "d1", Precinct: "p1", Assignee: "i1", Status: core.TicketAccepted}, "p1", "i3", true},
		{"closed tickets stay", func(c *core.City) { c.Districts[0].Inspector = "i3" },
			core.Ticket{District: "d1", Precinct: "p1", Assignee: "i1", Status: core.TicketResolved}, "", "", false},
		{"given to someone in particular stays", func(c *core.City) { c.Districts[0].Inspector = "i3" },
			core.Ticket{District: "d1", Precinct: "p1", Assignee: "i2", Status: core.TicketNew, History: []core.TicketEvent{
				{Actor: "resident", Action: core.ActionCreated}, {Actor: "c1", Action: core.ActionReassigned, Note: "i2"},
				{Actor: "system", Action: core.ActionEscalated}}}, "p1", "", false},
		{"given to someone in particular, then the district's route again", func(c *core.City) { c.Districts[0].Inspector = "i3" },
			core.Ticket{District: "d1", Precinct: "p1", Assignee: "i2", Status: core.TicketNew, History: []core.TicketEvent{
				{Actor: "c1", Action: core.ActionReassigned, Note: "i2"}, {Actor: "resident", Action: core.ActionReopened}}}, "p1", "i3", true},
		{"routed by an older configuration, in an unchanged district", nil,
			core.Ticket{District: "d1", Precinct: "p1", Assignee: "i3", Status: core.TicketNew}, "p1", "i1", true},
		{"rerouted by the system before follows the district", func(c *core.City) { c.Districts[0].Inspector = "i3" },
			core.Ticket{District: "d1", Precinct: "p1", Assignee: "i2", Status: core.TicketNew, History: []core.TicketEvent{
				{Actor: "system", Action: core.ActionReassigned, Note: "i2"}}}, "p1", "i3", true},
		{"district to another precinct", func(c *core.City) { c.Districts[0].Precinct, c.Districts[0].Inspector = "p2", "i3" },
			core.Ticket{District: "d1", Precinct: "p1", Assignee: "i1", Status: core.TicketNew}, "p2", "i3", true},
		{"same inspector, another precinct", func(c *core.City) { c.Districts[0].Precinct = "p2" },
			core.Ticket{District: "d1", Precinct: "p1", Assignee: "i1", Status: core.TicketNew}, "p2", "", true},
		{"assignee left the staff", func(c *core.City) {
			c.Staff = c.Staff[1:] // i1 gone; d1's inspector unknown: its chief
		}, core.Ticket{District: "d1", Precinct: "p1", Assignee: "i1", Status: core.TicketNew}, "p1", "c1", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next := smallCity(tt.next)
			precinct, to, ok := next.Rerouted(tt.ticket, now)
			if ok != tt.wantOK || staffID(to) != tt.wantTo || ok && precinct != tt.wantPrecinct {
				t.Errorf("Rerouted = %q, %q, %v; want %q, %q, %v", precinct, staffID(to), ok, tt.wantPrecinct, tt.wantTo, tt.wantOK)
			}
		})
	}

	// A ticket the old route gave the chief (the inspector could not be
	// reached) goes to the new inspector.
	next := smallCity(func(c *core.City) { c.Districts[0].Inspector = "i3" })
	tk := core.Ticket{District: "d1", Precinct: "p1", Assignee: "c1", Status: core.TicketReopened}
	if _, to, ok := next.Rerouted(tk, now); !ok || staffID(to) != "i3" {
		t.Errorf("ticket with the chief by route: Rerouted = %q, %v; want i3", staffID(to), ok)
	}
	// While the inspector cannot be reached, the chief keeps it.
	unreachable := smallCity(func(c *core.City) { c.Staff[0].TelegramID = 0 })
	if _, to, ok := unreachable.Rerouted(tk, now); ok {
		t.Errorf("ticket with the chief, inspector unreachable: Rerouted = %q, want it kept", staffID(to))
	}
}

// TestReroutedLeavesOpenTicketsAlone: a leave, recorded or configured,
// moves no open ticket, neither to the deputy when it starts nor back when
// it ends; only a change of the district's route does.
func TestReroutedLeavesOpenTicketsAlone(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	end := now.Add(48 * time.Hour)
	city := smallCity(nil).WithLeaves([]core.Leave{{Staff: "i1", Until: end, Deputy: "i3"}}, now)
	toChief := smallCity(func(c *core.City) { c.Staff[1].Absence = core.Absence{Until: end} }) // i2 away, the chief stands in
	for _, tt := range []struct {
		name string
		city *core.City
		tk   core.Ticket
	}{
		{"the inspector's, during the leave", city, core.Ticket{District: "d1", Precinct: "p1", Assignee: "i1", Status: core.TicketNew}},
		{"the deputy's", city, core.Ticket{District: "d1", Precinct: "p1", Assignee: "i3", Status: core.TicketNew}},
		{"the chief standing in", toChief, core.Ticket{District: "d2", Precinct: "p1", Assignee: "c1", Status: core.TicketAccepted}},
		// Routed for i1 to the deputy; the leave since ended early and
		// its record is gone.
		{"the deputy's, the leave forgotten", smallCity(nil),
			core.Ticket{District: "d1", Precinct: "p1", Assignee: "i3", Inspector: "i1", Status: core.TicketNew}},
	} {
		for _, at := range []time.Time{now, end.Add(time.Hour)} {
			if _, to, ok := tt.city.Rerouted(tt.tk, at); ok {
				t.Errorf("%s at %v: Rerouted to %q, want it kept", tt.name, at, staffID(to))
			}
		}
	}
	// A new inspector takes the deputy's tickets too, whether the ticket
	// knows whom it was routed for or not.
	if _, to, ok := smallCity(func(c *core.City) { c.Districts[0].Inspector = "i2" }).Rerouted(
		core.Ticket{District: "d1", Precinct: "p1", Assignee: "i3", Inspector: "i1", Status: core.TicketNew}, now); !ok || staffID(to) != "i2" {
		t.Errorf("deputy's ticket routed for i1, district now i2's: Rerouted = %q, %v; want i2", staffID(to), ok)
	}
	moved := smallCity(func(c *core.City) { c.Districts[0].Inspector = "i2" }).WithLeaves(nil, now)
	if _, to, ok := moved.Rerouted(core.Ticket{District: "d1", Precinct: "p1", Assignee: "i3", Status: core.TicketNew}, now); !ok || staffID(to) != "i2" {
		t.Errorf("deputy's ticket in a district with a new inspector: Rerouted = %q, %v; want i2", staffID(to), ok)
	}
}
