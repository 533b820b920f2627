package flows

import (
	"fmt"
	"strings"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
	"github.com/beatbot-kz/beatbot/polls"
)

// results renders one poll's results for one scope.
type results struct {
	t     *turn
	l     core.Lang
	p     *core.Poll
	scope resultScope
	cur   *polls.Tally
	total polls.Counts
	// prev is the previous run of the series, nil if none.
	prev  *polls.Tally
	texts map[int][]string
}

// shown returns the scope's districts with enough respondents to be shown
// on their own, in directory order.
func (r *results) shown(tally *polls.Tally) []string {
	var out []string
	for _, d := range r.scope.districts {
		if tally.District(d).Shown() {
			out = append(out, d)
		}
	}
	return out
}

func (r *results) districtName(id string) string {
	if d := r.t.city.District(id); d != nil {
		return d.Name.In(r.l)
	}
	return id
}

// summary is the first message: who answered, how many were invited, each
// district, and what changed since the previous run.
func (r *results) summary(invited int) string {
	l, t := r.l, r.t
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", locale.T(l, locale.PollResultsHeader, r.p.Title.In(l), r.scope.name, t.date(r.p.Opens), t.lastDay(r.p)))
	fmt.Fprintf(&b, "\n%s", locale.T(l, locale.PollResultsRespondents, r.total.Respondents, r.total.Completed))
	if invited > 0 {
		rate := min(100, percent(r.total.Respondents, invited))
		fmt.Fprintf(&b, "\n%s", locale.T(l, locale.PollResultsInvited, invited, rate))
	}
	if r.total.Withheld > 0 {
		fmt.Fprintf(&b, "\n%s", locale.T(l, locale.PollResultsWithheld, r.total.Withheld, polls.MinCell))
	}
	b.WriteString("\n\n" + locale.T(l, locale.PollResultsByDistrict))
	hidden := 0
	for _, d := range r.scope.districts {
		c := r.cur.District(d)
		switch {
		case c.Shown():
			fmt.Fprintf(&b, "\n• %s — %d", r.districtName(d), c.Respondents)
		case c.Respondents > 0:
			hidden++
		}
	}
	if hidden > 0 {
		fmt.Fprintf(&b, "\n• %s", locale.T(l, locale.PollResultsHidden, hidden, polls.MinCell))
	}
	if r.prev != nil {
		b.WriteString(r.changes())
	}
	return b.String()
}

// changes lists, per district shown in both runs, the rise or fall of each
// scale question's mean: the poll's headline figures.
func (r *results) changes() string {
	l := r.l
	var b strings.Builder
	for _, d := range append([]string{""}, r.shown(r.cur)...) {
		cur, prev := r.total, r.prev.Safe(r.scope.has)
		name := r.scope.name
		if d != "" {
			cur, prev, name = r.cur.District(d), r.prev.District(d), r.districtName(d)
		}
		if !prev.Shown() {
			continue
		}
		for _, delta := range polls.Compare(cur, prev, r.p, r.prev.Poll()) {
			qi := r.p.Question(delta.Question)
			if delta.Option != "" || qi < 0 {
				continue
			}
			q := &r.p.Questions[qi]
			fmt.Fprintf(&b, "\n• %s: «%s» %s", name, clip(q.Text.In(l), 50), signed(delta.Change, ""))
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "\n\n" + locale.T(l, locale.PollResultsChanges, r.prev.Poll().Title.In(l)) + b.String()
}

// percent is part of whole in per cent, 0 for an empty whole.
func percent(part, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return 100 * float64(part) / float64(whole)
}

// signed shows a change with an arrow: "▲ +4.2", "▼ −1.0", "= 0.0".
func signed(v float64, unit string) string {
	switch {
	case v >= 0.05:
		return fmt.Sprintf("▲ +%.1f%s", v, unit)
	case v <= -0.05:
		return fmt.Sprintf("▼ −%.1f%s", -v, unit)
	}
	return "= 0" + unit
}
