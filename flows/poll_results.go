package flows

import (
	"context"
	"strings"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
	"github.com/beatbot-kz/beatbot/polls"
)

const (
	// maxChartDistricts is how many districts get bars of their own in a
	// chart beside the whole scope; more would not fit on a phone.
	maxChartDistricts = 6
	// latestTexts is how many free-text answers the results quote.
	latestTexts = 5
)

// resultScope is the part of the city results are shown for.
type resultScope struct {
	name      string
	districts []string
	// in holds districts for has: a city-wide poll is checked a million
	// times.
	in map[string]bool
}

func newScope(name string, districts []string) resultScope {
	in := make(map[string]bool, len(districts))
	for _, d := range districts {
		in[d] = true
	}
	return resultScope{name: name, districts: districts, in: in}
}

func (r resultScope) has(d string) bool { return r.in[d] }

// pollResults shows a poll's results to a chief (for their precinct) or an
// admin (for the city or a precinct they choose): respondents and the
// response rate, each district with at least polls.MinCell respondents on
// its own, the change since the previous run, and a chart per question.
func (t *turn) pollResults(ctx context.Context, arg string) error {
	l := t.lang()
	s := t.staffMember()
	if s == nil || s.Role != core.RoleChief && s.Role != core.RoleAdmin {
		t.say(locale.PollResultsNotAllowed)
		return nil
	}
	id, scopeArg, _ := strings.Cut(arg, ":")
	p, err := t.loadPoll(ctx, id)
	if err != nil {
		return err
	}
	if p == nil {
		t.say(locale.PollNotFound)
		return nil
	}
	if s.Role == core.RoleAdmin && scopeArg == "" {
		rows := [][]core.Button{{button(locale.T(l, locale.PollResultsWholeCity), actPollResults, p.ID+":*")}}
		for _, pr := range t.city.Precincts {
			rows = append(rows, []core.Button{button(pr.Name.In(l), actPollResults, p.ID+":"+pr.ID)})
		}
		t.send(core.Reply{Text: locale.T(l, locale.PollResultsScope, p.Title.In(l)), Buttons: append(rows, t.homeRow()...)})
		return nil
	}
	scope, ok := t.resultScope(s, scopeArg)
	if !ok {
		t.say(locale.NoticeOutside)
		return nil
	}
	cur, err := t.tally(ctx, p, scope)
	if err != nil {
		return err
	}
	// Only safe totals are shown: sums of districts each answered by
	// enough people that no difference of two figures singles anyone out.
	total := cur.Safe(scope.has)
	if !total.Shown() {
		raw := cur.Total(scope.has)
		t.send(core.Reply{Text: locale.T(l, locale.PollResultsTooFew, p.Title.In(l), scope.name, raw.Respondents, polls.MinCell),
			Buttons: t.homeRow()})
		return nil
	}
	texts, err := t.texts(ctx, p, scope, cur)
	if err != nil {
		return err
	}
	prev, err := t.previousRun(ctx, p, scope)
	if err != nil {
		return err
	}
	invited, err := t.invited(ctx, p, scope)
	if err != nil {
		return err
	}
	r := results{t: t, l: l, p: p, scope: scope, cur: cur, total: total, prev: prev, texts: texts}
	t.send(core.Reply{Text: r.summary(invited)})
	for qi := range p.Questions {
		reply, err := r.question(qi)
		if err != nil {
			return err
		}
		t.send(reply)
	}
	t.send(core.Reply{Text: locale.T(l, locale.PollResultsEnd, polls.MinCell), Buttons: t.homeRow()})
	return nil
}

// resultScope resolves the scope asked for against who asks: a chief sees
// the precincts they run, whatever the button says; an admin any precinct
// or the city ("*").
func (t *turn) resultScope(s *core.Staff, arg string) (resultScope, bool) {
	l := t.lang()
	if s.Role == core.RoleAdmin {
		if arg == "*" {
			return newScope(t.city.Name.In(l), t.city.Jurisdiction(s)), true
		}
		if p := t.city.Precinct(arg); p != nil {
			return newScope(p.Name.In(l), t.precinctDistricts(p.ID)), true
		}
		return resultScope{}, false
	}
	var names []string
	for _, p := range t.city.Precincts {
		if p.Chief == s.ID {
			names = append(names, p.Name.In(l))
		}
	}
	districts := t.city.Jurisdiction(s)
	return newScope(strings.Join(names, ", "), districts), len(districts) > 0
}

// tally counts the answer sets of the scope's districts.
func (t *turn) tally(ctx context.Context, p *core.Poll, scope resultScope) (*polls.Tally, error) {
	tally := polls.NewTally(p)
	err := t.e.store.EachAnswerSet(ctx, p.ID, func(set *core.AnswerSet) error {
		if scope.has(set.District) {
			tally.Add(set)
		}
		return nil
	})
	return tally, err
}

// texts picks, for each free-text question, a few texts of the scope's
// districts whose answers to it count in the safe totals. Texts come in
// the order of their pseudonyms, which says nothing of who wrote them.
func (t *turn) texts(ctx context.Context, p *core.Poll, scope resultScope, tally *polls.Tally) (map[int][]string, error) {
	texts := map[int][]string{}
	err := t.e.store.EachPollText(ctx, p.ID, func(pt core.PollText) error {
		if !scope.has(pt.District) || pt.Q >= len(p.Questions) || len(texts[pt.Q]) == latestTexts {
			return nil
		}
		if tally.District(pt.District).Questions[pt.Q].Answered >= polls.MinCell {
			texts[pt.Q] = append(texts[pt.Q], pt.Text)
		}
		return nil
	})
	return texts, err
}

// previousRun tallies the latest earlier poll of the same series over the
// same scope, or returns nil when there is none.
func (t *turn) previousRun(ctx context.Context, p *core.Poll, scope resultScope) (*polls.Tally, error) {
	if p.Series == "" {
		return nil, nil
	}
	all, err := t.e.store.Polls(ctx)
	if err != nil {
		return nil, err
	}
	for _, q := range all { // the latest to open first
		if q.Series == p.Series && q.ID != p.ID && q.Opens.Before(p.Opens) {
			return t.tally(ctx, &q, scope)
		}
	}
	return nil, nil
}

// invited counts the residents of the scope invited to the poll.
func (t *turn) invited(ctx context.Context, p *core.Poll, scope resultScope) (int, error) {
	all, err := t.e.store.Notices(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, notice := range all {
		if notice.Poll != p.ID {
			continue
		}
		for d, count := range notice.Invited {
			if scope.has(d) {
				n += count
			}
		}
	}
	return n, nil
}
