package flows

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
	"github.com/beatbot-kz/beatbot/polls"
)

// question renders the results of question qi: a chart of the scope and
// its districts shown on their own, with the figures and the change since
// the previous run as the caption. A free-text question has no chart; the
// latest answers are quoted instead.
func (r *results) question(qi int) (core.Reply, error) {
	l := r.l
	q := &r.p.Questions[qi]
	qc := r.total.Questions[qi]
	var b strings.Builder
	title := fmt.Sprintf("%d. %s", qi+1, q.Text.In(l))
	b.WriteString(title)
	if q.Kind == core.FreeText {
		if qc.Texts < polls.MinCell {
			fmt.Fprintf(&b, "\n\n%s", locale.T(l, locale.PollResultsFewAnswers, polls.MinCell))
			return core.Reply{Text: b.String()}, nil
		}
		fmt.Fprintf(&b, "\n\n%s", locale.T(l, locale.PollResultsTexts, qc.Texts))
		for _, text := range r.texts[qi] {
			fmt.Fprintf(&b, "\n«%s»", clip(text, 200))
		}
		return core.Reply{Text: b.String()}, nil
	}
	if qc.Answered < polls.MinCell {
		// A question only a few were asked (after a skip) would show
		// what those few said.
		fmt.Fprintf(&b, "\n\n%s", locale.T(l, locale.PollResultsFewAnswers, polls.MinCell))
		return core.Reply{Text: b.String()}, nil
	}
	labels := r.labels(q)
	fmt.Fprintf(&b, "\n\n%s", locale.T(l, locale.PollResultsAnswered, qc.Answered))
	for i, label := range labels {
		idx, count := i, 0
		switch {
		case q.Kind == core.Scale:
			idx = i + 1
			count = qc.Values[idx]
		case i < len(qc.Options):
			count = qc.Options[i]
		}
		fmt.Fprintf(&b, "\n%s — %d (%.1f%%)", label, count, qc.Percent(idx))
	}
	if q.Kind == core.Scale && qc.Answered > 0 {
		fmt.Fprintf(&b, "\n%s", locale.T(l, locale.PollResultsMean, qc.Mean(), core.ScaleMax))
	}
	if r.prev != nil {
		b.WriteString(r.questionChange(q, labels))
	}
	chart := polls.Chart{Title: clip(title, 90), Labels: labels, Unit: "%",
		Note: locale.T(l, locale.PollResultsAnswered, qc.Answered)}
	chart.Series = append(chart.Series, r.series(r.scope.name, qc, q))
	if shown := r.shown(r.cur); len(shown) > 1 && len(shown) <= maxChartDistricts {
		for _, d := range shown {
			// A district's bars need enough answers to this question too:
			// after a skip, a few may have answered it.
			if dq := r.cur.District(d).Questions[qi]; dq.Answered >= polls.MinCell {
				chart.Series = append(chart.Series, r.series(r.districtName(d), dq, q))
			}
		}
	}
	png, err := chart.PNG()
	if err != nil {
		return core.Reply{}, fmt.Errorf("flows: chart of %s/%s: %w", r.p.ID, q.ID, err)
	}
	return core.Reply{Text: b.String(), Image: png}, nil
}

// labels names the bars of a question: its options, or the values of a
// scale with their meaning at the ends.
func (r *results) labels(q *core.Question) []string {
	var out []string
	if q.Kind == core.Scale {
		for v := 1; v <= core.ScaleMax; v++ {
			label := strconv.Itoa(v)
			switch {
			case v == 1 && q.Low.In(r.l) != "":
				label += " — " + q.Low.In(r.l)
			case v == core.ScaleMax && q.High.In(r.l) != "":
				label += " — " + q.High.In(r.l)
			}
			out = append(out, label)
		}
		return out
	}
	for _, o := range q.Options {
		out = append(out, o.Text.In(r.l))
	}
	return out
}

// series is one group of bars: the share of each option or scale value.
func (r *results) series(name string, qc polls.QuestionCounts, q *core.Question) polls.Series {
	s := polls.Series{Name: name}
	if q.Kind == core.Scale {
		for v := 1; v <= core.ScaleMax; v++ {
			s.Values = append(s.Values, qc.Percent(v))
		}
		return s
	}
	for i := range q.Options {
		s.Values = append(s.Values, qc.Percent(i))
	}
	return s
}

// questionChange is the rise or fall of each option (in percentage
// points) or of a scale's mean since the previous run, over the scope.
func (r *results) questionChange(q *core.Question, labels []string) string {
	prev := r.prev.Safe(r.scope.has)
	if !prev.Shown() {
		return ""
	}
	var b strings.Builder
	for _, d := range polls.Compare(r.total, prev, r.p, r.prev.Poll()) {
		if d.Question != q.ID {
			continue
		}
		if d.Option == "" {
			fmt.Fprintf(&b, "\n%s: %s", locale.T(r.l, locale.PollResultsMeanShort), signed(d.Change, ""))
			continue
		}
		for i, o := range q.Options {
			if o.ID == d.Option {
				fmt.Fprintf(&b, "\n%s: %s", labels[i], signed(d.Change, " "+locale.T(r.l, locale.PercentagePoints)))
			}
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "\n\n" + locale.T(r.l, locale.PollResultsSince, r.prev.Poll().Title.In(r.l)) + b.String()
}
