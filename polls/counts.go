package polls

import "github.com/beatbot-kz/beatbot/core"

// Counts are the results of one district, or of a sum of districts (see
// Tally.Safe for the sum that may be shown).
type Counts struct {
	// Respondents counts the sets with at least one answer that is not
	// skipped: a set that only skipped says nothing.
	Respondents int
	// Completed counts the sets whose resident reached the end of the poll.
	Completed int
	// Withheld counts the respondents of districts with fewer than
	// MinCell, left out of Safe totals; it is zero in Total and District.
	Withheld int
	// Questions are the counts of each question, by question index.
	Questions []QuestionCounts
}

// QuestionCounts are the counts of one question.
type QuestionCounts struct {
	// Kind is the question's kind, so that Percent knows what it divides.
	Kind core.QuestionKind
	// Answered counts the answers that were not skipped.
	Answered int
	// Skipped counts the answers that passed the question over.
	Skipped int
	// Options counts each option of a single, multiple or yes/no choice;
	// the options of a multiple choice add up to more than Answered.
	Options []int
	// Values is a scale's histogram: Values[v] counts the answers v, for v
	// from 1 to core.ScaleMax; Values[0] is unused.
	Values [core.ScaleMax + 1]int
	// Sum adds up a scale's answers, for the mean.
	Sum int
	// Texts counts the free-text answers; their texts are kept apart from
	// the answer sets (see TextsCSV).
	Texts int
}

// Mean returns the mean of a scale's answers, or 0 when there are none.
func (q QuestionCounts) Mean() float64 {
	n := 0
	for _, v := range q.Values[1:] {
		n += v
	}
	if n == 0 {
		return 0
	}
	return float64(q.Sum) / float64(n)
}

// Percent returns how many of those who answered chose option i (for a
// scale: the value i) as a percentage. Skipped answers are left out, so the
// shares of a single choice add up to 100; those of a multiple choice may
// add up to more. It returns 0 for an i out of range or when nobody
// answered.
func (q QuestionCounts) Percent(i int) float64 {
	if q.Answered == 0 {
		return 0
	}
	var n int
	switch {
	case q.Kind == core.Scale:
		if i < 1 || i > core.ScaleMax {
			return 0
		}
		n = q.Values[i]
	case i >= 0 && i < len(q.Options):
		n = q.Options[i]
	default:
		return 0
	}
	return 100 * float64(n) / float64(q.Answered)
}

// Shown reports whether the results have enough respondents (MinCell) to be
// shown on their own without giving a resident away.
func (c Counts) Shown() bool { return c.Respondents >= MinCell }

// Delta is a rise or fall against the previous run of the same series.
type Delta struct {
	// Question is the question's id.
	Question string
	// Option is the option's id, or "" for the mean of a scale.
	Option string
	// Change is in percentage points for an option, in scale points for a
	// mean; positive means a rise.
	Change float64
}

// Compare returns the change of cur against prev, the counts of the same
// place in the previous run. The runs' definitions may differ (questions
// added, dropped, reordered, options changed), so questions and options are
// matched by id, and a question whose kind changed is not compared.
//
// Nothing is returned when either side has fewer than MinCell respondents,
// and a question is left out when fewer than MinCell answered it on either
// side: a change in a handful of answers (an optional question, one reached
// through a skip) would reveal them as surely as the shares themselves.
// Deltas follow the order of curPoll's questions and options; free-text
// questions have none.
func Compare(cur, prev Counts, curPoll, prevPoll *core.Poll) []Delta {
	if !cur.Shown() || !prev.Shown() {
		return nil
	}
	var out []Delta
	for i := range curPoll.Questions {
		q := &curPoll.Questions[i]
		j := prevPoll.Question(q.ID)
		if j < 0 || i >= len(cur.Questions) || j >= len(prev.Questions) {
			continue
		}
		pq := &prevPoll.Questions[j]
		c, p := cur.Questions[i], prev.Questions[j]
		if pq.Kind != q.Kind || c.Answered < MinCell || p.Answered < MinCell {
			continue
		}
		switch {
		case q.Kind == core.Scale:
			out = append(out, Delta{Question: q.ID, Change: c.Mean() - p.Mean()})
		case q.Choices():
			prevOpts := options(pq)
			for k, o := range options(q) {
				for m := range prevOpts {
					if prevOpts[m].ID == o.ID {
						out = append(out, Delta{
							Question: q.ID,
							Option:   o.ID,
							Change:   c.Percent(k) - p.Percent(m),
						})
						break
					}
				}
			}
		}
	}
	return out
}
