package core

import (
	"slices"
	"time"
)

// Assignee returns who handles a ticket about district at time at: the
// district's inspector; while they are away, their deputy; else the
// precinct's chief; else an admin. Staff who are away at at (AbsenceAt:
// the configuration's leaves and those recorded in the bot, each until it
// ends), or who cannot be reached (no messenger account in the
// directory), are passed over. It returns nil for an unknown district.
func (c *City) Assignee(district string, at time.Time) *Staff {
	d := c.District(district)
	if d == nil {
		return nil
	}
	var candidates []*Staff
	if insp := c.StaffMember(d.Inspector); insp != nil {
		candidates = append(candidates, insp, c.StaffMember(c.AbsenceAt(insp.ID, at).Deputy))
	}
	candidates = append(candidates, c.PrecinctChief(d.Precinct), c.Admin())
	for _, s := range candidates {
		if s != nil && c.Reachable(s) && !c.AbsenceAt(s.ID, at).Away(at) {
			return s
		}
	}
	return c.PrecinctChief(d.Precinct) // nobody better: the chief answers for it
}

// Reachable reports whether the bot can write to s.

// PrecinctChief returns the chief of precinct, or nil.
func (c *City) PrecinctChief(precinct string) *Staff {
	if p := c.Precinct(precinct); p != nil {
		return c.StaffMember(p.Chief)
	}
	return nil
}

// Admin returns the first administrator, who stands for the city's duty
// desk when a ticket fits no precinct; nil if there is none.
func (c *City) Admin() *Staff {
	for i := range c.Staff {
		if c.Staff[i].Role == RoleAdmin {
			return &c.Staff[i]
		}
	}
	return nil
}

// MayHandle reports whether s may act on a ticket of precinct assigned to
// assignee: the assignee, the precinct's chief, or an admin.
func (c *City) MayHandle(s *Staff, precinct, assignee string) bool {
	switch {
	case s == nil:
		return false
	case s.Role == RoleAdmin, s.ID == assignee:
		return true
	case s.Role == RoleChief:
		p := c.Precinct(precinct)
		return p != nil && p.Chief == s.ID
	}
	return false
}

// Rerouted says what becomes of an open ticket in c, the city in force,
// at time at: the precinct its district belongs to, and who handles it now
// if that changes. It decides from the ticket alone, not from the city it
// was routed in, so a ticket a pass could not move is moved by the next
// one, and one changed while the bot was stopped is moved at the start.
//
// A ticket moves to whom c routes its district to (Assignee) when its
// assignee left the staff, or when it follows its district's route (no
// person put it with its assignee: see Placed) and the district's
// configured inspector is no longer the one it was routed for
// (Ticket.Inspector). A ticket stored before Inspector was kept moves
// when the district's route in c cannot have named its assignee
// (routes). A leave never moves an open ticket: it changes whom the route
// gives new reports, not the district's configured inspector, so the
// deputy, the chief and the admin keep what they got during a leave and
// the inspector what they had before it. ok is false when nothing
// changes.
func (c *City) Rerouted(t Ticket, at time.Time) (precinct string, to *Staff, ok bool) {
	if !t.Status.Open() {
		return "", nil, false
	}
	precinct = t.Precinct
	d := c.District(t.District)
	if d != nil {
		precinct = d.Precinct
	}
	gone := c.StaffMember(t.Assignee) == nil
	stale := false
	if d != nil && !Placed(t) {
		if t.Inspector != "" {
			stale = t.Inspector != d.Inspector
		} else {
			stale = !c.routes(d, t.Assignee, at)
		}
	}
	if gone || stale {
		to = c.Assignee(t.District, at)
		if to == nil {
			to = c.PrecinctChief(precinct)
		}
		if to == nil {
			to = c.Admin()
		}
		if to != nil && to.ID == t.Assignee {
			to = nil
		}
	}
	return precinct, to, to != nil || precinct != t.Precinct
}

// routes reports whether the route of district d in c could have named
// staff, leaves aside: whom it names at at (Assignee); whom it names with
// nobody away (the inspector, else the precinct's chief, else an admin,
// the first of them the bot can reach); and, if the inspector has a leave
// in the configuration or recorded in the bot, past, present or future,
// whoever stands in during one (its deputy, the chief, an admin). A
// ticket of the district with someone else was routed by another
// configuration.
func (c *City) routes(d *District, staff string, at time.Time) bool {
	if staff == "" {
		return false
	}
	if a := c.Assignee(d.ID, at); a != nil && a.ID == staff {
		return true
	}
	chief, admin := c.PrecinctChief(d.Precinct), c.Admin()
	is := func(s *Staff) bool { return s != nil && s.ID == staff }
	for _, s := range []*Staff{c.StaffMember(d.Inspector), chief, admin} {
		if s != nil && c.Reachable(s) {
			if is(s) {
				return true
			}
			break
		}
	}
	if is(chief) && (c.StaffMember(d.Inspector) == nil || !c.Reachable(c.StaffMember(d.Inspector))) {
		return true // nobody reachable: the chief answers for it
	}
	deputies, onLeave := c.deputies(d.Inspector)
	if !onLeave {
		return false
	}
	return slices.Contains(deputies, staff) || is(chief) || is(admin)
}

// Placed reports whether a person chose the ticket's assignee: the last
// change of assignee in its history is a reassignment by staff rather
// than its routing (creation, transfer to a district, reopening, or the
// system's rerouting).
func Placed(t Ticket) bool {
	for i := len(t.History) - 1; i >= 0; i-- {
		switch e := t.History[i]; e.Action {
		case ActionReassigned:
			return e.Actor != "system"
		case ActionCreated, ActionTransferred, ActionReopened:
			return false
		}
	}
	return false
}
