package polls_test

import (
	"reflect"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/polls"
)

// testPoll has one question of every kind; its yes/no question is stored
// without options, as a definition may be.
func testPoll() *core.Poll {
	opts := func(ids ...string) []core.Option {
		var o []core.Option
		for _, id := range ids {
			o = append(o, core.Option{ID: id})
		}
		return o
	}
	return &core.Poll{ID: "p1", Questions: []core.Question{
		{ID: "where", Kind: core.SingleChoice, Options: opts("yard", "street", "park")},
		{ID: "what", Kind: core.MultiChoice, Options: opts("noise", "theft", "drunks", "dark")},
		{ID: "safe", Kind: core.Scale},
		{ID: "police", Kind: core.YesNo},
		{ID: "say", Kind: core.FreeText, Optional: true},
	}}
}

// zero returns the counts of a district without sets.
func zero() polls.Counts {
	return polls.Counts{Questions: []polls.QuestionCounts{
		{Kind: core.SingleChoice, Options: make([]int, 3)},
		{Kind: core.MultiChoice, Options: make([]int, 4)},
		{Kind: core.Scale},
		{Kind: core.YesNo, Options: make([]int, 2)},
		{Kind: core.FreeText},
	}}
}

func set(district string, done bool, answers ...core.Answer) core.AnswerSet {
	return core.AnswerSet{Poll: "p1", Key: "k", District: district, Done: done, Answers: answers}
}

// each returns one unfinished set per answer, so that no answer is left
// out for following another.
func each(district string, answers ...core.Answer) []core.AnswerSet {
	var out []core.AnswerSet
	for _, a := range answers {
		out = append(out, set(district, false, a))
	}
	return out
}

func TestTallyAdd(t *testing.T) {
	tests := []struct {
		name string
		sets []core.AnswerSet
		want func(c *polls.Counts)
	}{
		{"no sets", nil, func(c *polls.Counts) {}},
		{"partial set counts what it answered", []core.AnswerSet{
			set("d1", false, core.Answer{Q: 0, Options: 1 << 1}),
		}, func(c *polls.Counts) {
			c.Respondents = 1
			c.Questions[0].Answered, c.Questions[0].Options[1] = 1, 1
		}},
		{"only skipped is no respondent", []core.AnswerSet{
			set("d1", true, core.Answer{Q: 4, Skipped: true}),
		}, func(c *polls.Counts) {
			c.Completed = 1
			c.Questions[4].Skipped = 1
		}},
		{"multi counts every option", []core.AnswerSet{
			set("d1", false, core.Answer{Q: 1, Options: 0b1010}),
			set("d1", false, core.Answer{Q: 1, Options: 0b0010}),
		}, func(c *polls.Counts) {
			c.Respondents = 2
			c.Questions[1].Answered = 2
			c.Questions[1].Options = []int{0, 2, 0, 1}
		}},
		{"scale histogram and sum", []core.AnswerSet{
			set("d1", true, core.Answer{Q: 2, Value: 2}),
			set("d1", true, core.Answer{Q: 2, Value: 5}),
			set("d1", false, core.Answer{Q: 2, Value: 5}),
		}, func(c *polls.Counts) {
			c.Respondents, c.Completed = 3, 2
			c.Questions[2].Answered, c.Questions[2].Sum = 3, 12
			c.Questions[2].Values[2], c.Questions[2].Values[5] = 1, 2
		}},
		{"yes/no and text in flight", []core.AnswerSet{
			set("d1", true, core.Answer{Q: 3, Options: 1 << 1}, core.Answer{Q: 4, Text: "темно"}),
		}, func(c *polls.Counts) {
			c.Respondents, c.Completed = 1, 1
			c.Questions[3].Answered, c.Questions[3].Options[1] = 1, 1
			c.Questions[4].Answered, c.Questions[4].Texts = 1, 1
		}},
		{"text written, stored apart", []core.AnswerSet{
			set("d1", false, core.Answer{Q: 4, Written: true}),
			set("d1", false, core.Answer{Q: 4, Written: true, Text: "темно"}),
		}, func(c *polls.Counts) {
			c.Respondents = 2
			c.Questions[4].Answered, c.Questions[4].Texts = 2, 2
		}},
		{"answers off the definition are ignored", each("d1",
			core.Answer{Q: -1, Options: 1},
			core.Answer{Q: 0, Options: 1 << 3},          // no fourth option
			core.Answer{Q: 0, Options: 0b11},            // two for a single choice
			core.Answer{Q: 1, Options: 1<<4 | 1},        // one option unknown
			core.Answer{Q: 1},                           // nothing chosen
			core.Answer{Q: 2, Value: 0},                 // below the scale
			core.Answer{Q: 2, Value: core.ScaleMax + 1}, // above it
			core.Answer{Q: 3, Options: 1 << 2},
			core.Answer{Q: 4},                // neither written nor text
			core.Answer{Q: 0, Written: true}, // written is for free text
			core.Answer{Q: 5, Value: 3},
			core.Answer{Q: 99, Skipped: true},
		), func(c *polls.Counts) {}},
		{"a question answered twice counts once", []core.AnswerSet{
			set("d1", false,
				core.Answer{Q: 2, Value: 3},
				core.Answer{Q: 2, Value: 4}, // repeats it
				core.Answer{Q: 3, Options: 1},
				core.Answer{Q: 2, Skipped: true},   // out of order
				core.Answer{Q: 0, Options: 1 << 2}, // out of order
			),
		}, func(c *polls.Counts) {
			c.Respondents = 1
			c.Questions[2].Answered, c.Questions[2].Sum, c.Questions[2].Values[3] = 1, 3, 1
			c.Questions[3].Answered, c.Questions[3].Options[0] = 1, 1
		}},
		{"other districts stay apart", []core.AnswerSet{
			set("d2", true, core.Answer{Q: 2, Value: 4}),
		}, func(c *polls.Counts) {}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tally := polls.NewTally(testPoll())
			for i := range tt.sets {
				tally.Add(&tt.sets[i])
			}
			want := zero()
			tt.want(&want)
			if got := tally.District("d1"); !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

func TestQuestionCounts(t *testing.T) {
	single := polls.QuestionCounts{Kind: core.SingleChoice, Answered: 4, Skipped: 3, Options: []int{1, 3}}
	scale := polls.QuestionCounts{Kind: core.Scale, Answered: 4, Values: [core.ScaleMax + 1]int{0, 1, 0, 0, 0, 3}, Sum: 16}
	tests := []struct {
		name string
		got  float64
		want float64
	}{
		{"option share leaves skips out", single.Percent(1), 75},
		{"option out of range", single.Percent(2), 0},
		{"negative option", single.Percent(-1), 0},
		{"scale value share", scale.Percent(5), 75},
		{"scale value 0 is none", scale.Percent(0), 0},
		{"nobody answered", polls.QuestionCounts{Options: []int{0}}.Percent(0), 0},
		{"mean", scale.Mean(), 4},
		{"mean of none", polls.QuestionCounts{Kind: core.Scale}.Mean(), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

// TestTallyAddAllocs guards the hot path: a district seen before costs
// no allocation, however many answers the set has.
func TestTallyAddAllocs(t *testing.T) {
	tally := polls.NewTally(testPoll())
	s := set("d1", true, core.Answer{Q: 0, Options: 1}, core.Answer{Q: 1, Options: 0b1111},
		core.Answer{Q: 2, Value: 3}, core.Answer{Q: 3, Options: 1}, core.Answer{Q: 4, Text: "x"})
	tally.Add(&s)
	if n := testing.AllocsPerRun(100, func() { tally.Add(&s) }); n != 0 {
		t.Errorf("got %v allocations per Add, want 0", n)
	}
}
