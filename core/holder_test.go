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
	// A leave over is ignored; an "off" for a leave the configuration no
	// longer names too.
	late := base.WithLeaves(leaves, now.Add(72*time.Hour))
	if late.StaffMember("i1").Absence.Recorded {
		t.Error("a leave that ended still applies")
	}
	moved := smallCity(func(c *core.City) { c.Staff[1].Absence = core.Absence{Until: configEnd.Add(time.Hour)} })
	if !moved.WithLeaves(leaves, now).StaffMember("i2").Absence.Away(now) {
		t.Error("an early end of a leave cancels a different configured leave")
	}
}

func TestRerouted(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	prev := smallCity(nil)
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
			core.Ticket{District: "d1", Precinct: "p1", Assignee: "i2", Status: core.TicketNew}, "p1", "", false},
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
			precinct, to, ok := next.Rerouted(prev, tt.ticket, now)
			if ok != tt.wantOK || staffID(to) != tt.wantTo || ok && precinct != tt.wantPrecinct {
				t.Errorf("Rerouted = %q, %q, %v; want %q, %q, %v", precinct, staffID(to), ok, tt.wantPrecinct, tt.wantTo, tt.wantOK)
			}
		})
	}

	// A ticket the old route gave the chief (the inspector could not be
	// reached) goes to the new inspector.
	unreachable := smallCity(func(c *core.City) { c.Staff[0].TelegramID = 0 })
	next := smallCity(func(c *core.City) { c.Districts[0].Inspector = "i3" })
	tk := core.Ticket{District: "d1", Precinct: "p1", Assignee: "c1", Status: core.TicketReopened}
	if _, to, ok := next.Rerouted(unreachable, tk, now); !ok || staffID(to) != "i3" {
		t.Errorf("ticket with the chief by route: Rerouted = %q, %v; want i3", staffID(to), ok)
	}
}
