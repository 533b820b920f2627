package core

import (
	"slices"
	"time"
)

// Leave is a staff member's leave as an admin recorded it in the bot
// (/away), stored so that it survives restarts and reloads. It is laid
// over the configuration's away_until and deputy (City.WithLeaves): while
// in force it takes their place; the configuration applies again once it
// is over.
type Leave struct {
	// Staff is the id of who is away.
	Staff string `json:"staff"`
	// Until is the end of the leave. For a leave ended early (Off), it
	// is the end of the configured leave that was cut short.
	Until time.Time `json:"until"`
	// Deputy takes the tickets meanwhile; empty means the chief.
	Deputy string `json:"deputy,omitempty"`
	// Off ends the configured leave ending at Until early. It stops
	// applying when the configuration no longer names that leave, so a
	// new leave written into the configuration later is not cancelled.
	Off bool `json:"off,omitempty"`
	// By is the admin who recorded it, At when.
	By string    `json:"by"`
	At time.Time `json:"at"`
}

// InForce reports whether the leave still changes anything at at, given
// the absence the configuration records for the staff member.
func (l Leave) InForce(configured Absence, at time.Time) bool {
	if l.Off {
		return configured.Until.Equal(l.Until) && configured.Away(at)
	}
	return at.Before(l.Until)
}

// WithLeaves returns a copy of c with the leaves laid over its staff's
// absences; leaves of unknown staff are ignored. The copy keeps the leaves
// and weighs them whenever it is asked (AbsenceAt, Assignee), so a leave
// stops applying when it ends, not at the next reload. Each Staff's
// Absence field holds the absence as it stands at at, for display. c itself
// is not changed, so it can stay in use while the copy replaces it. The
// copy keeps c's channels. The absences c records for its staff are what
// the configuration says (c is the city as loaded); the copy's Configured
// method still returns them.
func (c *City) WithLeaves(leaves []Leave, at time.Time) *City {
	out := *c
	out.Staff = slices.Clone(c.Staff)
	out.configured = make(map[string]Absence, len(c.Staff))
	out.leaves = nil
	for i := range c.Staff {
		out.configured[c.Staff[i].ID] = c.Configured(c.Staff[i].ID)
	}
	for _, l := range leaves {
		if _, ok := out.configured[l.Staff]; !ok {
			continue
		}
		if out.leaves == nil {
			out.leaves = make(map[string][]Leave)
		}
		out.leaves[l.Staff] = append(out.leaves[l.Staff], l)
	}
	for i := range out.Staff {
		out.Staff[i].Absence = out.AbsenceAt(out.Staff[i].ID, at)
	}
	out.Index()
	return &out
}

// AbsenceAt returns a staff member's absence as it stands at at: a leave
// recorded in the bot that is in force then, else what the configuration
// says. Routing asks it at the moment it routes, so both a recorded leave
// and a configured away_until end on time.
func (c *City) AbsenceAt(staff string, at time.Time) Absence {
	configured := c.Configured(staff)
	a := configured
	for _, l := range c.leaves[staff] {
		if !l.InForce(configured, at) {
			continue
		}
		a.Recorded = true
		if l.Off {
			a.Until = time.Time{}
			continue
		}
		a.Until, a.Deputy = l.Until, l.Deputy
	}
	return a
}

// deputies returns who may stand in for staff during one of their leaves,
// configured or recorded, past, present or future: the deputies those
// leaves name. has is false when no leave of staff is known.
func (c *City) deputies(staff string) (ids []string, has bool) {
	if a := c.Configured(staff); !a.Until.IsZero() {
		ids, has = append(ids, a.Deputy), true
	}
	for _, l := range c.leaves[staff] {
		if !l.Off {
			ids, has = append(ids, l.Deputy), true
		}
	}
	return ids, has
}

// Configured returns the absence the configuration records for a staff
// member, whatever leave an admin recorded over it.
func (c *City) Configured(staff string) Absence {
	if a, ok := c.configured[staff]; ok {
		return a
	}
	if s := c.StaffMember(staff); s != nil {
		return s.Absence
	}
	return Absence{}
}
