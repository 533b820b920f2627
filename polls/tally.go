package polls

import (
	"math/bits"

	"github.com/beatbot-kz/beatbot/core"
)

// Tally counts the answer sets of one poll, per district.
//
// A city has thousands of districts and a poll may gather a million answer
// sets, so the counters do not live in Counts values: each district has one
// run of ints in a single flat slice, laid out once from the definition.
// Add then finds the district once and increments a few neighbouring ints
// per answer, allocating nothing for a district it has seen; Counts are
// built only when results are read.
//
// A Tally is not safe for concurrent use.
type Tally struct {
	poll   *core.Poll
	qs     []layout
	stride int            // counters per district
	index  map[string]int // district id -> its run in cells
	names  []string       // district ids, by run
	cells  []int
}

// layout says where one question's counters sit within a district's run.
type layout struct {
	kind core.QuestionKind
	off  int    // first counter of the question
	n    int    // options counted (choices), ScaleMax (scales) or 0
	mask uint16 // bits of the options that exist
}

// Counters of a district's run, then of each question (from its off).
const (
	cRespondents = iota
	cCompleted
	cHeader // the first question's counters start here
)

const (
	qAnswered = iota
	qSkipped
	qTexts
	qSum
	qDetail // options, or the scale histogram for values 1..ScaleMax
)

// NewTally returns an empty tally of p's answer sets. p must not change
// while the tally is in use: its layout is taken from the definition here.
func NewTally(p *core.Poll) *Tally {
	t := &Tally{poll: p, index: make(map[string]int), stride: cHeader}
	t.qs = make([]layout, len(p.Questions))
	for i := range p.Questions {
		q := &p.Questions[i]
		l := layout{kind: q.Kind, off: t.stride}
		switch {
		case q.Choices():
			// A bit set of 16 can name no more options than that.
			l.n = min(len(options(q)), 16)
			l.mask = uint16(1<<l.n - 1)
		case q.Kind == core.Scale:
			l.n = core.ScaleMax
		}
		t.qs[i] = l
		t.stride += qDetail + l.n
	}
	return t
}

// options returns the options of a choice question; a yes/no question
// stored without them has the two of core.YesNoOptions.
func options(q *core.Question) []core.Option {
	if q.Kind == core.YesNo && len(q.Options) == 0 {
		return core.YesNoOptions
	}
	return q.Options
}

// Poll returns the poll whose answer sets the tally counts.
func (t *Tally) Poll() *core.Poll { return t.poll }

// Add counts s, which must be an answer set of the tally's poll, in its
// district. A set counts for every question it answered, finished or not,
// so that a resident who stopped halfway still has a voice. A free-text
// answer counts when it is Written, or still carries its Text (a set not
// yet stored). Answers that do not fit the definition (a question or
// option out of range, a scale value outside 1..ScaleMax, a single choice
// with several options) are ignored: data may be older than the
// definition. So is an answer whose question does not come after the
// previous answer's: sets keep their answers in question order, so it
// repeats a question (corrupt data), and Answered must count people, one
// answer each, for Safe to hide small groups.
func (t *Tally) Add(s *core.AnswerSet) {
	d, ok := t.index[s.District]
	if !ok {
		d = t.grow(s.District)
	}
	c := t.cells[d*t.stride : (d+1)*t.stride : (d+1)*t.stride]
	if s.Done {
		c[cCompleted]++
	}
	answered := false
	last := -1
	for i := range s.Answers {
		a := &s.Answers[i]
		if uint(a.Q) >= uint(len(t.qs)) || a.Q <= last {
			continue
		}
		last = a.Q
		q := &t.qs[a.Q]
		if a.Skipped {
			c[q.off+qSkipped]++
			continue
		}
		switch q.kind {
		case core.SingleChoice, core.YesNo:
			if a.Options&^q.mask != 0 || bits.OnesCount16(a.Options) != 1 {
				continue
			}
			c[q.off+qDetail+bits.TrailingZeros16(a.Options)]++
		case core.MultiChoice:
			if a.Options == 0 || a.Options&^q.mask != 0 {
				continue
			}
			for o := a.Options; o != 0; o &= o - 1 {
				c[q.off+qDetail+bits.TrailingZeros16(o)]++
			}
		case core.Scale:
			if a.Value < 1 || a.Value > core.ScaleMax {
				continue
			}
			c[q.off+qDetail+a.Value-1]++
			c[q.off+qSum] += a.Value
		case core.FreeText:
			if !a.Written && a.Text == "" {
				continue
			}
			c[q.off+qTexts]++
		default:
			continue
		}
		c[q.off+qAnswered]++
		answered = true
	}
	if answered {
		c[cRespondents]++
	}
}

// grow gives a district seen for the first time its run of counters.
func (t *Tally) grow(district string) int {
	d := len(t.names)
	t.index[district] = d
	t.names = append(t.names, district)
	t.cells = append(t.cells, make([]int, t.stride)...)
	return d
}
