package configs

import (
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// absence checks a staff member's away_until and deputy. A deputy without
// a date is kept for the next leave; a date without a deputy sends the
// tickets to the precinct's chief meanwhile.
func (c *checker) absence(field string, s staffDoc, k *known, loc *time.Location) core.Absence {
	a := core.Absence{Until: c.awayUntil(join(field, "away_until"), s.AwayUntil, loc)}
	if s.Deputy == "" {
		return a
	}
	at := join(field, "deputy")
	switch {
	case s.Deputy == s.ID:
		c.errorf(at, "%q is this staff member's own id: name someone else, or remove deputy so that the chief takes their tickets", s.Deputy)
		return a
	case !c.ref(at, "staff", s.Deputy, k.staff):
		return a
	}
	// A civilian administrator cannot take over a police officer's
	// tickets. An unknown role is reported at the deputy's own entry.
	role := k.roles[s.Deputy]
	if officer(s.Role) && role.Valid() && !officer(role) {
		c.errorf(at, "staff %q has role %s: the deputy of %s must be an inspector or a chief", s.Deputy, roleName(role), article(s.Role))
		return a
	}
	a.Deputy = s.Deputy
	return a
}

// awayUntil parses the end of a leave: a date, meaning up to the start of
// that day in the city's time zone, or an RFC 3339 time. "" means not away.
func (c *checker) awayUntil(field, s string, loc *time.Location) time.Time {
	if s == "" {
		return time.Time{}
	}
	if loc == nil {
		loc = time.UTC // city.time_zone is reported already
	}
	if t, err := time.ParseInLocation(time.DateOnly, s, loc); err == nil {
		return t
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.In(loc)
	}
	c.errorf(field, `invalid date %q: want YYYY-MM-DD, e.g. 2026-12-15 (away up to the start of that day), or an RFC 3339 time such as "2026-12-15T09:00:00+05:00"`, s)
	return time.Time{}
}

// officer reports whether r is a police role, as opposed to a civilian
// administrator.
func officer(r core.Role) bool { return r == core.RoleInspector || r == core.RoleChief }

func article(r core.Role) string {
	if r == core.RoleInspector {
		return "an inspector"
	}
	return "a " + string(r)
}
