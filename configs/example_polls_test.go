package configs_test

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/core"
)

// TestExampleCityPoll pins the example's safety checklist: its dates and
// audience, the questions the flows and the comparison of runs rely on,
// and texts that are really in three languages.
func TestExampleCityPoll(t *testing.T) {
	city := exampleCity(t)
	if len(city.Polls) != 1 {
		t.Fatalf("got %d polls, want 1", len(city.Polls))
	}
	p := city.Polls[0]
	if p.ID != "safety-2026-q4" || p.Series != "safety-checklist" {
		t.Errorf("got poll %q of series %q, want safety-2026-q4 of safety-checklist", p.ID, p.Series)
	}
	opens := time.Date(2026, time.November, 1, 0, 0, 0, 0, city.Location)
	closes := time.Date(2027, time.June, 30, 0, 0, 0, 0, city.Location)
	if !p.Opens.Equal(opens) || !p.Closes.Equal(closes) {
		t.Errorf("got %s to %s, want %s to %s", p.Opens, p.Closes, opens, closes)
	}
	if len(p.Districts) != 0 || !p.Targets("krg-d08") {
		t.Errorf("got districts %v, want the whole city", p.Districts)
	}
	for _, l := range core.Langs {
		if intro := p.Intro[l]; !strings.Contains(intro, "2") || !strings.Contains(intro, "5") {
			t.Errorf("intro in %s does not give the 2 minutes and groups of 5: %q", l, intro)
		}
		if p.Invitation[l] == "" {
			t.Errorf("no invitation in %s", l)
		}
	}

	kinds := map[core.QuestionKind]int{}
	for _, q := range p.Questions {
		kinds[q.Kind]++
		if q.Text[core.Kazakh] == q.Text[core.Russian] {
			t.Errorf("question %s: the kk text is the ru text", q.ID)
		}
	}
	for _, k := range []core.QuestionKind{core.SingleChoice, core.MultiChoice, core.Scale, core.YesNo, core.FreeText} {
		if kinds[k] == 0 {
			t.Errorf("no %s question, want every kind shown", k)
		}
	}
	question := func(id string) *core.Question {
		i := p.Question(id)
		if i < 0 {
			t.Fatalf("no question %s", id)
		}
		return &p.Questions[i]
	}
	if q := question("night_walk"); q.Kind != core.Scale || q.Low[core.English] != "Very unsafe" || q.High[core.English] != "Very safe" {
		t.Errorf("night_walk: got %s from %q to %q, want a scale from Very unsafe to Very safe", q.Kind, q.Low[core.English], q.High[core.English])
	}
	if got := optionIDs(question("trust")); !slices.Equal(got, []string{"full", "partial", "none"}) {
		t.Errorf("trust: got options %v, want full, partial, none", got)
	}
	if got := len(question("worries").Options); got < 6 || got > 8 {
		t.Errorf("worries: got %d options, want 6 to 8", got)
	}
	if q := question("comment"); q.Kind != core.FreeText || !q.Optional {
		t.Errorf("comment: got %s, optional %v, want an optional text question", q.Kind, q.Optional)
	}
	// Whoever does not know the inspector is not asked about contacting them.
	knows := p.Question("knows_inspector")
	if got := p.Questions[p.Next(knows, core.Answer{Q: knows, Options: 1 << 1})].ID; got != "trust" {
		t.Errorf("knows_inspector: no leads to %s, want trust", got)
	}
	if got := p.Questions[p.Next(knows, core.Answer{Q: knows, Options: 1})].ID; got != "contacted" {
		t.Errorf("knows_inspector: yes leads to %s, want contacted", got)
	}

	// Kazakh is written with its own letters, not as Russian.
	var kk strings.Builder
	for _, q := range p.Questions {
		kk.WriteString(q.Text[core.Kazakh])
		for _, o := range q.Options {
			kk.WriteString(o.Text[core.Kazakh])
		}
	}
	for _, r := range "әғқңөұүі" {
		if !strings.ContainsRune(kk.String(), r) {
			t.Errorf("the kk texts never use %c", r)
		}
	}
	for _, q := range p.Questions {
		for _, o := range q.Options {
			for _, l := range core.Langs {
				if label := o.Short.In(l); utf8.RuneCountInString(label) > 20 || label == "" && utf8.RuneCountInString(o.Text[l]) > 20 {
					t.Errorf("%s.%s: no %s label of at most 20 characters for WhatsApp", q.ID, o.ID, l)
				}
			}
		}
	}
}

func optionIDs(q *core.Question) []string {
	ids := make([]string, len(q.Options))
	for i, o := range q.Options {
		ids[i] = o.ID
	}
	return ids
}
