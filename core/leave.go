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
// absences, as they stand at at; leaves of unknown staff, or no longer in
// force, are ignored. c itself is not changed, so it can stay in use while
// the copy replaces it. The copy keeps c's channels. The absences c records
// for its staff are what the configuration says (c is the city as loaded);
// the copy's Configured method still returns them.
func (c *City) WithLeaves(leaves []Leave, at time.Time) *City {
	out := *c
	out.Staff = slices.Clone(c.Staff)
	out.configured = make(map[string]Absence, len(c.Staff))
	for i := range c.Staff {
		out.configured[c.Staff[i].ID] = c.Configured(c.Staff[i].ID)
		out.Staff[i].Absence = out.configured[c.Staff[i].ID]
	}
	for _, l := range leaves {
		i := slices.IndexFunc(out.Staff, func(s Staff) bool { return s.ID == l.Staff })
		if i < 0 || !l.InForce(out.configured[l.Staff], at) {
			continue
		}
		a := &out.Staff[i].Absence
		a.Recorded = true
		if l.Off {
			a.Until = time.Time{}
			continue
		}
		a.Until, a.Deputy = l.Until, l.Deputy
	}
	out.Index()
	return &out
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
