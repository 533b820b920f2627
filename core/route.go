package core

import "time"

// Assignee returns who handles a ticket about district at time at: the
// district's inspector; while they are away, their deputy; else the
// precinct's chief; else an admin. Staff who are away, or who cannot be
// reached (no messenger account in the directory), are passed over. It
// returns nil for an unknown district.
func (c *City) Assignee(district string, at time.Time) *Staff {
	d := c.District(district)
	if d == nil {
		return nil
	}
	var candidates []*Staff
	if insp := c.StaffMember(d.Inspector); insp != nil {
		candidates = append(candidates, insp, c.StaffMember(insp.Absence.Deputy))
	}
	candidates = append(candidates, c.PrecinctChief(d.Precinct), c.Admin())
	for _, s := range candidates {
		if s != nil && c.Reachable(s) && !s.Absence.Away(at) {
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

// Rerouted says what becomes of an open ticket when c replaces prev, the
// city it was routed in: the precinct its district now belongs to, and who
// handles it now if that changes. A ticket moves when its district has
// another inspector or precinct and it was with the district's old
// inspector or whoever prev routed it to (a ticket a chief gave to
// someone in particular stays with them), or when its assignee left the
// staff. ok is false when nothing changes.
func (c *City) Rerouted(prev *City, t Ticket, at time.Time) (precinct string, to *Staff, ok bool) {
	if !t.Status.Open() {
		return "", nil, false
	}
	precinct = t.Precinct
	d, was := c.District(t.District), prev.District(t.District)
	if d != nil {
		precinct = d.Precinct
	}
	gone := c.StaffMember(t.Assignee) == nil
	changed := d != nil && was != nil && (d.Inspector != was.Inspector || d.Precinct != was.Precinct)
	followed := was != nil && t.Assignee == was.Inspector
	if r := prev.Assignee(t.District, at); r != nil && r.ID == t.Assignee {
		followed = true
	}
	if gone || changed && followed {
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
