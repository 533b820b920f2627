package flows

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

const (
	// maxLeave is how far ahead /away may set the end of a leave: a typo
	// in the year should not send an inspector's tickets elsewhere for a
	// decade.
	maxLeave = 366 * 24 * time.Hour
	// maxStaffMessage keeps each message of /staff within Telegram's 4,096
	// characters, whatever the size of the city.
	maxStaffMessage = 3500
	dateLayout      = "02.01.2006"
)

// admin returns the sender if they are an admin; anyone else is told the
// command is for admins, the same to residents and to staff. The role is
// read from the directory on every update, never from the message.
func (t *turn) admin() *core.Staff {
	s := t.staffMember()
	if s == nil || s.Role != core.RoleAdmin {
		t.say(locale.AdminOnly)
		return nil
	}
	return s
}

// staffList answers /staff: who serves each district and who takes its
// tickets now, and who is away, until when, with which deputy.
func (t *turn) staffList() {
	if t.admin() == nil {
		return
	}
	l, now := t.lang(), t.e.now()
	lines := []string{locale.T(l, locale.StaffHeader)}
	for _, d := range t.city.Districts {
		insp := t.city.StaffMember(d.Inspector)
		line := locale.T(l, locale.StaffLine, d.Name.In(l), t.staffName(insp, l))
		if a := t.city.Assignee(d.ID, now); a != nil && a != insp {
			line += " → " + locale.T(l, locale.StaffNow, t.staffName(a, l))
		}
		lines = append(lines, line)
	}
	lines = append(lines, "", locale.T(l, locale.StaffAwayHeader))
	away := 0
	for i := range t.city.Staff {
		s := &t.city.Staff[i]
		a := t.city.AbsenceAt(s.ID, now)
		if !a.Away(now) {
			continue
		}
		away++
		deputy := locale.T(l, locale.StaffTheChief)
		if d := t.city.StaffMember(a.Deputy); d != nil {
			deputy = t.staffName(d, l)
		}
		line := locale.T(l, locale.StaffAwayLine, t.staffName(s, l), t.date(a.Until), deputy)
		if a.Recorded {
			line += " " + locale.T(l, locale.StaffRecorded)
		}
		lines = append(lines, line)
	}
	if away == 0 {
		lines = append(lines, locale.T(l, locale.StaffAwayNone))
	}
	var b strings.Builder
	for _, line := range lines {
		if b.Len() > 0 && utf8.RuneCountInString(b.String())+utf8.RuneCountInString(line) >= maxStaffMessage {
			t.send(core.Reply{Text: b.String()})
			b.Reset()
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(line)
	}
	t.send(core.Reply{Text: b.String()})
}

// staffName names a staff member with their id, which /away takes.
func (t *turn) staffName(s *core.Staff, l core.Lang) string {
	if s == nil {
		return "—"
	}
	return s.Name.In(l) + " (" + s.ID + ")"
}

// away answers /away STAFF UNTIL [DEPUTY] and /away STAFF off: it records
// a leave, committed with the update and laid over the configuration's
// (core.City.WithLeaves), or ends one.
func (t *turn) away() {
	by := t.admin()
	if by == nil {
		return
	}
	args := strings.Fields(t.in.Text)
	if len(args) < 2 || len(args) > 3 {
		t.say(locale.AwayUsage)
		return
	}
	l, now := t.lang(), t.e.now()
	s := t.city.StaffMember(args[0])
	switch {
	case s == nil:
		t.say(locale.AwayUnknown, args[0])
		return
	case s.Role != core.RoleInspector && s.Role != core.RoleChief:
		t.say(locale.AwayNotOfficer, t.staffName(s, l))
		return
	}
	if strings.EqualFold(args[1], "off") && len(args) == 2 {
		t.endLeave(s, by, now)
		return
	}
	until, ok := t.parseDay(args[1])
	switch {
	case !ok:
		t.say(locale.AwayBadDate, args[1])
		return
	case !until.After(now):
		t.say(locale.AwayPast, t.date(until))
		return
	case until.Sub(now) > maxLeave:
		t.say(locale.AwayTooFar, t.date(until))
		return
	}
	deputy := locale.T(l, locale.StaffTheChief)
	leave := core.Leave{Staff: s.ID, Until: until, By: by.ID, At: now}
	if len(args) == 3 {
		d := t.city.StaffMember(args[2])
		switch {
		case d == nil:
			t.say(locale.AwayUnknown, args[2])
			return
		case d.ID == s.ID:
			t.say(locale.AwaySelf)
			return
		case d.Role != core.RoleInspector:
			t.say(locale.AwayBadDeputy, t.staffName(d, l))
			return
		case t.city.AbsenceAt(d.ID, now).Away(now):
			t.say(locale.AwayDeputyAway, t.staffName(d, l), t.date(t.city.AbsenceAt(d.ID, now).Until))
			return
		}
		leave.Deputy, deputy = d.ID, t.staffName(d, l)
	}
	t.leave = &leave
	t.e.log.Info().Str("admin", by.ID).Str("staff", s.ID).Time("until", until).Str("deputy", leave.Deputy).Msg("leave recorded")
	t.say(locale.AwayRecorded, t.staffName(s, l), t.date(until), deputy)
}

// endLeave ends a staff member's leave now, whichever recorded it: a
// leave recorded in the bot is cleared, one in the configuration is cut
// short by a leave that says so (it stops applying if the configuration
// changes that leave).
func (t *turn) endLeave(s, by *core.Staff, now time.Time) {
	l := t.lang()
	if !t.city.AbsenceAt(s.ID, now).Away(now) {
		t.say(locale.AwayNotAway, t.staffName(s, l))
		return
	}
	leave := core.Leave{Staff: s.ID, By: by.ID, At: now} // clears
	if c := t.city.Configured(s.ID); c.Away(now) {
		leave.Until, leave.Off = c.Until, true
	}
	t.leave = &leave
	t.e.log.Info().Str("admin", by.ID).Str("staff", s.ID).Msg("leave ended")
	t.say(locale.AwayEnded, t.staffName(s, l))
}

// parseDay reads a day, 2026-12-20 or 20.12.2026, as its start in the
// city's time zone: away until then, as away_until in the configuration.
func (t *turn) parseDay(s string) (time.Time, bool) {
	for _, layout := range []string{time.DateOnly, dateLayout} {
		if d, err := time.ParseInLocation(layout, s, t.city.Location); err == nil {
			return d, true
		}
	}
	return time.Time{}, false
}
