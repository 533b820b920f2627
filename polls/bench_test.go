package polls_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/polls"
)

// benchPoll is a realistic safety checklist: twelve questions of every
// kind, some optional.
func benchPoll() *core.Poll {
	opts := func(n int) []core.Option {
		o := make([]core.Option, n)
		for i := range o {
			o[i] = core.Option{ID: fmt.Sprintf("o%d", i)}
		}
		return o
	}
	return &core.Poll{ID: "bench", Questions: []core.Question{
		{ID: "feel", Kind: core.Scale},
		{ID: "where", Kind: core.SingleChoice, Options: opts(4)},
		{ID: "what", Kind: core.MultiChoice, Options: opts(6)},
		{ID: "inspector", Kind: core.YesNo, Options: core.YesNoOptions},
		{ID: "met", Kind: core.SingleChoice, Options: opts(5), Optional: true},
		{ID: "lights", Kind: core.Scale},
		{ID: "issues", Kind: core.MultiChoice, Options: opts(core.MaxOptions)},
		{ID: "report", Kind: core.YesNo},
		{ID: "why", Kind: core.FreeText, Optional: true},
		{ID: "when", Kind: core.SingleChoice, Options: opts(3)},
		{ID: "police", Kind: core.Scale},
		{ID: "say", Kind: core.FreeText, Optional: true},
	}}
}

// benchSets returns n random answer sets over districts districts: most
// finished, the rest stopped part way, optional questions often skipped.
func benchSets(p *core.Poll, n, districts int) []core.AnswerSet {
	r := rand.New(rand.NewPCG(1, 2))
	ids := make([]string, districts)
	for i := range ids {
		ids[i] = fmt.Sprintf("almaty-%04d", i)
	}
	texts := []string{"темно во дворе", "көшеде жарық жоқ", "шумят ночью", "=1+1"}
	nq := len(p.Questions)
	answers := make([]core.Answer, n*nq) // one backing array: less to build
	sets := make([]core.AnswerSet, n)
	for i := range sets {
		got := nq
		if r.IntN(5) == 0 {
			got = r.IntN(nq)
		}
		as := answers[i*nq : i*nq+got : i*nq+got]
		for q := range as {
			a := core.Answer{Q: q}
			qq := &p.Questions[q]
			switch {
			case qq.Optional && r.IntN(3) == 0:
				a.Skipped = true
			case qq.Kind == core.Scale:
				a.Value = 1 + r.IntN(core.ScaleMax)
			case qq.Kind == core.SingleChoice:
				a.Options = 1 << r.IntN(len(qq.Options))
			case qq.Kind == core.YesNo:
				a.Options = 1 << r.IntN(2)
			case qq.Kind == core.MultiChoice:
				a.Options = uint16(1 + r.IntN(1<<len(qq.Options)-1))
			case qq.Kind == core.FreeText:
				a.Text = texts[r.IntN(len(texts))]
			}
			as[q] = a
		}
		sets[i] = core.AnswerSet{
			Poll: p.ID, Key: fmt.Sprintf("%032x", i), District: ids[r.IntN(districts)],
			Answers: as, Done: got == nq,
		}
	}
	return sets
}

// BenchmarkTally aggregates a city-wide poll: a million answer sets over
// 6,000 districts per op, which must stay under 2 s.
func BenchmarkTally(b *testing.B) {
	p := benchPoll()
	sets := benchSets(p, 1_000_000, 6000)
	b.ReportAllocs()
	for b.Loop() {
		t := polls.NewTally(p)
		for i := range sets {
			t.Add(&sets[i])
		}
		if t.Total(nil).Respondents == 0 {
			b.Fatal("nothing counted")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(sets)), "ns/set")
}

// BenchmarkChartPNG draws the chart of one question for a precinct and
// two of its districts.
func BenchmarkChartPNG(b *testing.B) {
	c := safetyChart()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.PNG(); err != nil {
			b.Fatal(err)
		}
	}
}
