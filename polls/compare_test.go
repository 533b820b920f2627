package polls_test

import (
	"math"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/polls"
)

// comparePolls returns two runs of one series whose definitions differ:
// questions reordered, dropped and added, options reordered, dropped and
// added, and one question whose kind changed.
func comparePolls() (cur, prev *core.Poll) {
	opts := func(ids ...string) []core.Option {
		var o []core.Option
		for _, id := range ids {
			o = append(o, core.Option{ID: id})
		}
		return o
	}
	prev = &core.Poll{ID: "spring", Series: "safety", Questions: []core.Question{
		{ID: "where", Kind: core.SingleChoice, Options: opts("street", "yard", "old")},
		{ID: "safe", Kind: core.Scale},
		{ID: "dropped", Kind: core.YesNo},
		{ID: "lights", Kind: core.Scale},
		{ID: "say", Kind: core.FreeText},
	}}
	cur = &core.Poll{ID: "autumn", Series: "safety", Questions: []core.Question{
		{ID: "safe", Kind: core.Scale},
		{ID: "where", Kind: core.SingleChoice, Options: opts("yard", "street", "new")},
		{ID: "lights", Kind: core.YesNo}, // was a scale
		{ID: "added", Kind: core.YesNo},
		{ID: "say", Kind: core.FreeText},
	}}
	return cur, prev
}

// scaleCounts returns the counts of n scale answers with the given sum.
func scaleCounts(n, sum int) polls.QuestionCounts {
	q := polls.QuestionCounts{Kind: core.Scale, Answered: n, Sum: sum}
	q.Values[1] = n // the histogram only needs the right total for Mean
	return q
}

func choiceCounts(kind core.QuestionKind, options ...int) polls.QuestionCounts {
	q := polls.QuestionCounts{Kind: kind, Options: options}
	for _, n := range options {
		q.Answered += n
	}
	return q
}

func TestCompare(t *testing.T) {
	curPoll, prevPoll := comparePolls()
	prev := polls.Counts{Respondents: 10, Questions: []polls.QuestionCounts{
		choiceCounts(core.SingleChoice, 5, 3, 2), // street 50%, yard 30%
		scaleCounts(10, 30),                      // mean 3
		choiceCounts(core.YesNo, 5, 5),
		scaleCounts(10, 40),
		{Kind: core.FreeText, Answered: 10, Texts: 10},
	}}
	cur := polls.Counts{Respondents: 20, Questions: []polls.QuestionCounts{
		scaleCounts(20, 70),                      // mean 3.5
		choiceCounts(core.SingleChoice, 8, 6, 6), // yard 40%, street 30%
		choiceCounts(core.YesNo, 10, 10),
		choiceCounts(core.YesNo, 10, 10),
		{Kind: core.FreeText, Answered: 20, Texts: 20},
	}}
	few := cur
	few.Respondents = polls.MinCell - 1
	thin := cur
	thin.Questions = append([]polls.QuestionCounts(nil), cur.Questions...)
	thin.Questions[0] = scaleCounts(polls.MinCell-1, 12)

	tests := []struct {
		name      string
		cur, prev polls.Counts
		want      []polls.Delta
	}{
		{"matched by id", cur, prev, []polls.Delta{
			{Question: "safe", Change: 0.5},
			{Question: "where", Option: "yard", Change: 10},
			{Question: "where", Option: "street", Change: -20},
		}},
		{"too few respondents now", few, prev, nil},
		{"too few respondents before", cur, few, nil},
		{"a question too few answered", thin, prev, []polls.Delta{
			{Question: "where", Option: "yard", Change: 10},
			{Question: "where", Option: "street", Change: -20},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := polls.Compare(tt.cur, tt.prev, curPoll, prevPoll)
			if !deltasEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestCompareSameRun checks that a run compared with itself changes by
// nothing, and that counts shorter than their poll do not panic.
func TestCompareSameRun(t *testing.T) {
	p := testPoll()
	c := zero()
	c.Respondents = polls.MinCell
	c.Questions[0] = choiceCounts(core.SingleChoice, 1, 2, 2)
	want := []polls.Delta{
		{Question: "where", Option: "yard"},
		{Question: "where", Option: "street"},
		{Question: "where", Option: "park"},
	}
	if got := polls.Compare(c, c, p, p); !deltasEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	short := polls.Counts{Respondents: polls.MinCell}
	if got := polls.Compare(short, c, p, p); len(got) != 0 {
		t.Errorf("counts without questions: got %+v, want none", got)
	}
}

func deltasEqual(a, b []polls.Delta) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Question != b[i].Question || a[i].Option != b[i].Option ||
			math.Abs(a[i].Change-b[i].Change) > 1e-9 {
			return false
		}
	}
	return true
}
