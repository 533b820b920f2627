package polls

import (
	"slices"

	"github.com/beatbot-kz/beatbot/core"
)

// District returns the counts of one district; a district without answer
// sets has zero counts, with every slice sized, so callers need no check.
func (t *Tally) District(id string) Counts {
	d, ok := t.index[id]
	if !ok {
		return t.counts(make([]int, t.stride))
	}
	return t.counts(t.cells[d*t.stride : (d+1)*t.stride])
}

// Districts returns the districts with at least one answer set, sorted.
func (t *Tally) Districts() []string {
	return slices.Sorted(slices.Values(t.names))
}

// Total returns the sum of the districts for which in reports true, or of
// all districts when in is nil, small ones included. It is the raw count,
// for a check or an export; what a person is shown comes from Safe, since
// Total less the districts shown beside it is the answers of the small
// ones.
func (t *Tally) Total(in func(district string) bool) Counts {
	sum := make([]int, t.stride)
	for d, name := range t.names {
		if in != nil && !in(name) {
			continue
		}
		for i, v := range t.cells[d*t.stride : (d+1)*t.stride] {
			sum[i] += v
		}
	}
	return t.counts(sum)
}

// Safe returns the totals of the districts for which in reports true (of
// all districts when in is nil) that a chief or an admin may be shown.
//
// Hiding a small district is not enough when a total that counts it is
// shown too: a precinct's total less its districts shown on their own,
// or the city's total less its precincts', leaves the answers of the two
// or three residents of the districts that were hidden. So Safe counts a
// district's respondents (and Completed) only when it has at least
// MinCell respondents, and its counts of a question only when at least
// MinCell of them answered that question, since a question reached
// through a skip may be answered by one resident of a large district.
// Every figure of a Safe total is then a sum of groups of at least
// MinCell, and so is the difference of two Safe totals whose scopes nest
// (the city and a precinct, a precinct and some of its districts), or of
// a Safe total and the figures of a district shown on its own, so long as
// those obey the same two rules. Mixing in Total undoes this; so does
// reading Safe twice while a poll is open, whose difference is the
// answers given in between.
//
// A question's Answered may therefore fall short of Respondents and
// differ from one question to the next. Withheld counts the respondents
// left out with their districts.
func (t *Tally) Safe(in func(district string) bool) Counts {
	sum := make([]int, t.stride)
	withheld := 0
	for d, name := range t.names {
		if in != nil && !in(name) {
			continue
		}
		c := t.cells[d*t.stride : (d+1)*t.stride]
		if c[cRespondents] < MinCell {
			// Its questions have fewer answers still: Add counts
			// one answer per question and set.
			withheld += c[cRespondents]
			continue
		}
		sum[cRespondents] += c[cRespondents]
		sum[cCompleted] += c[cCompleted]
		for _, l := range t.qs {
			if c[l.off+qAnswered] < MinCell {
				continue
			}
			for i := l.off; i < l.off+qDetail+l.n; i++ {
				sum[i] += c[i]
			}
		}
	}
	out := t.counts(sum)
	out.Withheld = withheld
	return out
}

// counts builds the Counts of one run of counters.
func (t *Tally) counts(c []int) Counts {
	out := Counts{
		Respondents: c[cRespondents],
		Completed:   c[cCompleted],
		Questions:   make([]QuestionCounts, len(t.qs)),
	}
	for i, l := range t.qs {
		q := &out.Questions[i]
		q.Kind = l.kind
		q.Answered = c[l.off+qAnswered]
		q.Skipped = c[l.off+qSkipped]
		q.Texts = c[l.off+qTexts]
		q.Sum = c[l.off+qSum]
		detail := c[l.off+qDetail : l.off+qDetail+l.n]
		if l.kind == core.Scale {
			copy(q.Values[1:], detail)
		} else if l.n > 0 {
			q.Options = slices.Clone(detail)
		}
	}
	return out
}
