package core

import "time"

// Assignee returns who handles a ticket about district at time at: the
// district's inspector; while they are away, their deputy (unless the
// deputy is away too); else the precinct's chief. It returns nil for an
// unknown district.
func (c *City) Assignee(district string, at time.Time) *Staff {
	d := c.District(district)
	if d == nil {
		return nil
	}
	if insp := c.StaffMember(d.Inspector); insp != nil {
		if !insp.Absence.Away(at) {
			return insp
		}
		if dep := c.StaffMember(insp.Absence.Deputy); dep != nil && !dep.Absence.Away(at) {
			return dep
		}
	}
	return c.PrecinctChief(d.Precinct)
}

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
