package polls_test

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/polls"
)

func TestTallyTotal(t *testing.T) {
	tally := polls.NewTally(testPoll())
	add := func(district string, n int) {
		for i := range n {
			s := set(district, i%2 == 0, core.Answer{Q: 2, Value: 1 + i%core.ScaleMax})
			tally.Add(&s)
		}
	}
	add("north", 6)
	add("east", 3)
	add("south", 2)
	empty := set("west", false)
	tally.Add(&empty)

	if got, want := tally.Districts(), []string{"east", "north", "south", "west"}; !slices.Equal(got, want) {
		t.Errorf("Districts: got %v, want %v", got, want)
	}
	small := func(d string) bool { return !tally.District(d).Shown() }
	tests := []struct {
		name             string
		in               func(string) bool
		respondents, sum int
		shown            bool
	}{
		{"all", nil, 11, 16 + 6 + 3, true},
		{"too small to show alone", small, 5, 6 + 3, true},
		{"none", func(string) bool { return false }, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tally.Total(tt.in)
			if got.Respondents != tt.respondents || got.Questions[2].Sum != tt.sum || got.Shown() != tt.shown {
				t.Errorf("got %d respondents, sum %d, shown %v; want %d, %d, %v",
					got.Respondents, got.Questions[2].Sum, got.Shown(), tt.respondents, tt.sum, tt.shown)
			}
		})
	}
	if got := tally.District("north").Shown(); !got {
		t.Errorf("north Shown: got %v, want true", got)
	}
	if got := tally.District("nowhere"); !reflect.DeepEqual(got, zero()) {
		t.Errorf("unknown district: got %+v, want zero counts", got)
	}
}

// people returns n finished sets of district with the same answers.
func people(district string, n int, answers ...core.Answer) []core.AnswerSet {
	out := make([]core.AnswerSet, n)
	for i := range out {
		out[i] = set(district, true, answers...)
	}
	return out
}

func TestTallySafe(t *testing.T) {
	safe := core.Answer{Q: 2, Value: 4}
	say := core.Answer{Q: 4, Written: true}
	where := core.Answer{Q: 0, Options: 1 << 1}
	pass := core.Answer{Q: 0, Skipped: true}
	tests := []struct {
		name string
		sets [][]core.AnswerSet
		in   func(string) bool
		want func(c *polls.Counts)
	}{
		{"precinct of 6, 6 and 1", [][]core.AnswerSet{
			people("a", 6, safe), people("b", 6, safe), people("c", 1, safe),
		}, nil, func(c *polls.Counts) {
			c.Respondents, c.Completed, c.Withheld = 12, 12, 1
			c.Questions[2].Answered, c.Questions[2].Sum, c.Questions[2].Values[4] = 12, 48, 12
		}},
		{"scoped to a district and the small one", [][]core.AnswerSet{
			people("a", 6, safe), people("b", 6, safe), people("c", 1, safe),
		}, func(d string) bool { return d != "b" }, func(c *polls.Counts) {
			c.Respondents, c.Completed, c.Withheld = 6, 6, 1
			c.Questions[2].Answered, c.Questions[2].Sum, c.Questions[2].Values[4] = 6, 24, 6
		}},
		{"a question 1 answered in one district, 6 in another", [][]core.AnswerSet{
			people("a", 5, safe), people("a", 1, safe, say), people("b", 6, say),
		}, nil, func(c *polls.Counts) {
			c.Respondents, c.Completed = 12, 12
			c.Questions[2].Answered, c.Questions[2].Sum, c.Questions[2].Values[4] = 6, 24, 6
			c.Questions[4].Answered, c.Questions[4].Texts = 6, 6
		}},
		{"exactly MinCell counts", [][]core.AnswerSet{
			people("a", polls.MinCell, safe), people("b", polls.MinCell-1, safe),
		}, nil, func(c *polls.Counts) {
			c.Respondents, c.Completed, c.Withheld = 5, 5, 4
			c.Questions[2].Answered, c.Questions[2].Sum, c.Questions[2].Values[4] = 5, 20, 5
		}},
		{"skips go with their question", [][]core.AnswerSet{
			people("a", 4, where, safe), people("a", 2, pass, safe),
			people("b", 5, where, safe), people("b", 1, pass, safe),
		}, nil, func(c *polls.Counts) {
			c.Respondents, c.Completed = 12, 12
			c.Questions[0].Answered, c.Questions[0].Skipped, c.Questions[0].Options[1] = 5, 1, 5
			c.Questions[2].Answered, c.Questions[2].Sum, c.Questions[2].Values[4] = 12, 48, 12
		}},
		{"sets that only skipped", [][]core.AnswerSet{
			people("a", 6, pass),
		}, nil, func(c *polls.Counts) {}},
		{"none in scope", [][]core.AnswerSet{
			people("a", 6, safe), people("c", 1, safe),
		}, func(string) bool { return false }, func(c *polls.Counts) {}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tally := polls.NewTally(testPoll())
			for _, sets := range tt.sets {
				for i := range sets {
					tally.Add(&sets[i])
				}
			}
			want := zero()
			tt.want(&want)
			if got := tally.Safe(tt.in); !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v, want %+v", got, want)
			}
			if got := tally.Total(tt.in).Withheld; got != 0 {
				t.Errorf("Total withheld %d, want 0", got)
			}
		})
	}
}

// TestTallySafeDifferences checks the point of Safe on random districts:
// a scope's total less that of the scope without one of its districts
// never leaves fewer than MinCell respondents, or answers to a question.
func TestTallySafeDifferences(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	tally := polls.NewTally(testPoll())
	var districts []string
	for d := range 40 {
		name := string(rune('A' + d))
		districts = append(districts, name)
		for range r.IntN(2 * polls.MinCell) {
			s := set(name, false, core.Answer{Q: 2, Value: 3})
			if r.IntN(3) == 0 {
				s.Answers = append(s.Answers, core.Answer{Q: 4, Written: true})
			}
			tally.Add(&s)
		}
	}
	for _, left := range districts {
		// The sharpest difference: a scope less one of its districts.
		outer := map[string]bool{}
		for _, d := range districts {
			outer[d] = d == left || r.IntN(2) == 0
		}
		o := tally.Safe(func(d string) bool { return outer[d] })
		i := tally.Safe(func(d string) bool { return outer[d] && d != left })
		diffs := []int{o.Respondents - i.Respondents}
		for q := range o.Questions {
			diffs = append(diffs, o.Questions[q].Answered-i.Questions[q].Answered)
		}
		for k, n := range diffs {
			if n != 0 && n < polls.MinCell {
				t.Fatalf("without %s, figure %d differs by %d, want 0 or at least %d", left, k, n, polls.MinCell)
			}
		}
	}
}
