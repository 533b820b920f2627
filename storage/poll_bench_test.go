package storage_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/polls"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
)

// BenchmarkAggregateStoredAnswers measures what /pollresults does for a
// city-wide poll: read 1,000,000 answer sets over 6,000 districts from a
// bbolt file, decode them, keep those of the scope (here the whole city,
// looked up in a set as flows does) and tally them, then compute the safe
// totals. The target is 2 s.
func BenchmarkAggregateStoredAnswers(b *testing.B) {
	const sets, districts = 1_000_000, 6000
	ctx := context.Background()
	db := storagetest.MustOpen(b, storage.Options{})
	p := core.Poll{ID: "city-2026", Questions: []core.Question{
		{ID: "night", Kind: core.Scale},
		{ID: "lighting", Kind: core.SingleChoice, Options: make([]core.Option, 3)},
		{ID: "playgrounds", Kind: core.SingleChoice, Options: make([]core.Option, 3)},
		{ID: "stairwells", Kind: core.SingleChoice, Options: make([]core.Option, 3)},
		{ID: "schools", Kind: core.SingleChoice, Options: make([]core.Option, 4)},
		{ID: "dogs", Kind: core.YesNo, Options: core.YesNoOptions},
		{ID: "noise", Kind: core.SingleChoice, Options: make([]core.Option, 3)},
		{ID: "worries", Kind: core.MultiChoice, Options: make([]core.Option, 8)},
		{ID: "knows", Kind: core.YesNo, Options: core.YesNoOptions},
		{ID: "contacted", Kind: core.SingleChoice, Options: make([]core.Option, 3)},
		{ID: "trust", Kind: core.SingleChoice, Options: make([]core.Option, 3)},
		{ID: "comment", Kind: core.FreeText, Optional: true},
	}}
	rng := rand.New(rand.NewPCG(1, 2))
	at := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	batch := make([]core.AnswerSet, 0, 50_000)
	for i := range sets {
		s := core.AnswerSet{Poll: p.ID, Key: fmt.Sprintf("%032x", rng.Uint64()), TextKey: fmt.Sprintf("%032x", rng.Uint64()), District: fmt.Sprintf("d%04d", rng.IntN(districts)),
			Done: true, Started: at, Updated: at}
		for q, question := range p.Questions {
			a := core.Answer{Q: q}
			switch question.Kind {
			case core.Scale:
				a.Value = 1 + rng.IntN(core.ScaleMax)
			case core.MultiChoice:
				a.Options = uint16(1 + rng.IntN(1<<len(question.Options)-1))
			case core.FreeText:
				if rng.IntN(5) > 0 {
					a.Skipped = true
				} else {
					a.Text = "Больше освещения во дворах"
				}
			default:
				a.Options = 1 << rng.IntN(len(question.Options))
			}
			s.Answers = append(s.Answers, a)
		}
		batch = append(batch, s)
		if len(batch) == cap(batch) || i == sets-1 {
			if err := db.SaveAnswers(ctx, batch...); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	scope := make(map[string]bool, districts)
	for d := range districts {
		scope[fmt.Sprintf("d%04d", d)] = true
	}
	b.ReportAllocs()
	for b.Loop() {
		tally := polls.NewTally(&p)
		err := db.EachAnswerSet(ctx, p.ID, func(s *core.AnswerSet) error {
			if scope[s.District] {
				tally.Add(s)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		if got := tally.Safe(func(d string) bool { return scope[d] }).Respondents; got != sets {
			b.Fatalf("tallied %d respondents, want %d", got, sets)
		}
	}
}
