package configs

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/robfig/cron/v3"
)

// scheduleFrom is where the look at an alert's firings starts. A fixed date
// keeps Load's findings the same whatever day it runs on.
var scheduleFrom = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// maxFirings bounds the look at an alert's firings: over a year for a daily
// alert, and enough to find anything odd about a more frequent one.
const maxFirings = 2000

// alerts checks the scheduled alerts: their schedules in the city's time
// zone, against its quiet hours, and the districts they go to.
func (c *checker) alerts(docs []alertDoc, districts ids, loc *time.Location, quiet core.QuietHours) []core.ScheduledAlert {
	if len(docs) == 0 {
		return nil
	}
	seen := collect("alerts", len(docs), func(i int) string { return docs[i].ID })
	out := make([]core.ScheduledAlert, 0, len(docs))
	for i, a := range docs {
		field := index("alerts", i)
		c.ownID(seen, field, a.ID)
		spec := strings.TrimSpace(a.Cron)
		c.schedule(join(field, "cron"), spec, a.Urgent, loc, quiet)
		c.targets(join(field, "districts"), a.Districts, districts)
		c.text(join(field, "text"), a.Text, true)
		c.textLength(join(field, "text"), a.Text)
		out = append(out, core.ScheduledAlert{
			ID: a.ID, Cron: spec, Districts: a.Districts, Text: a.Text, Urgent: a.Urgent,
		})
	}
	return out
}

// schedule checks a cron expression with the parser the notifier uses, and
// warns about schedules that would annoy residents or wait for the end of
// quiet hours.
func (c *checker) schedule(field, spec string, urgent bool, loc *time.Location, quiet core.QuietHours) {
	if spec == "" {
		c.errorf(field, `required: a cron expression such as "0 18 * 6-8 5" (18:00 on Fridays, June to August)`)
		return
	}
	first, sched := c.cron(field, spec, "alerts", loc)
	if sched == nil {
		return
	}
	var before, twice, quietAt time.Time
	watchQuiet := !urgent && quiet.From != quiet.To
	end := first.AddDate(1, 0, 0)
	prev := time.Time{}
	for n, t := 0, first; n < maxFirings && !t.IsZero() && t.Before(end); n, prev, t = n+1, t, sched.Next(t) {
		if twice.IsZero() && !prev.IsZero() && sameDay(prev, t) {
			before, twice = prev, t
		}
		if watchQuiet && quietAt.IsZero() && quiet.Contains(t) {
			quietAt = t
		}
		if !twice.IsZero() && (!quietAt.IsZero() || !watchQuiet) {
			break
		}
	}
	if !twice.IsZero() {
		c.warnf(field, "%q fires more than once a day (at %s and %s on %s): residents will find that too often",
			spec, before.Format("15:04"), twice.Format("15:04"), twice.Format("2006-01-02"))
	}
	if !quietAt.IsZero() {
		c.warnf(field, "%q fires at %s, in the quiet hours %s–%s, so it waits until %s: move it, or set urgent: true",
			spec, quietAt.Format("15:04"), formatClock(quiet.From), formatClock(quiet.To), formatClock(quiet.To))
	}
}

// cron parses a cron expression with the parser the notifier uses, for
// what (alerts, backups) runs on it in loc, and returns its first firing
// from scheduleFrom; a nil schedule means a problem was recorded.
func (c *checker) cron(field, spec, what string, loc *time.Location) (time.Time, cron.Schedule) {
	switch {
	case strings.HasPrefix(spec, "TZ=") || strings.HasPrefix(spec, "CRON_TZ="):
		// Also keeps away from a parser panic on "TZ=X" with no fields.
		c.errorf(field, "%q: remove the time zone: %s run in city.time_zone", spec, what)
		return time.Time{}, nil
	case strings.HasPrefix(spec, "@every"):
		c.errorf(field, "%q: @every counts from whenever the bot started; use five fields, @daily, @weekly or @monthly", spec)
		return time.Time{}, nil
	}
	sched, err := cron.ParseStandard(spec)
	if err != nil {
		c.errorf(field, "invalid cron expression %q: %v", spec, err)
		return time.Time{}, nil
	}
	if loc == nil {
		loc = time.UTC // city.time_zone is reported already
	}
	first := sched.Next(scheduleFrom.In(loc))
	if first.IsZero() {
		c.errorf(field, "%q never fires: no such date in the next five years", spec)
		return time.Time{}, nil
	}
	return first, sched
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// targets checks an alert's districts; none means every district.
func (c *checker) targets(field string, list []string, districts ids) {
	c.refList(field, "district", list, districts)
}

// refList checks a list of references to records of one kind, which must
// exist and be listed once. It returns the list with "" in place of each
// id that does not pass.
func (c *checker) refList(field, kind string, list []string, known ids) []string {
	out := make([]string, len(list))
	seen := make(map[string]bool, len(list))
	for i, id := range list {
		at := index(field, i)
		if !c.ref(at, kind, id, known) {
			continue
		}
		if seen[id] {
			c.errorf(at, "%s %q is listed twice", kind, id)
			continue
		}
		seen[id] = true
		out[i] = id
	}
	return out
}

// textLength checks that each translation fits in one message.
func (c *checker) textLength(field string, t core.Text) {
	for _, l := range requiredLangs {
		if n := utf8.RuneCountInString(t[l]); n > core.MaxTextLen {
			c.errorf(join(field, string(l)), "%d characters: a message has at most %d", n, core.MaxTextLen)
		}
	}
}
