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
