package storage_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
)

func testPoll() core.Poll {
	return core.Poll{
		ID: "p1", Title: core.Text{core.English: "Safety"},
		Opens: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Closes: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC),
		Questions: []core.Question{
			{ID: "night", Kind: core.Scale},
			{ID: "worries", Kind: core.MultiChoice, Options: []core.Option{{ID: "theft"}, {ID: "dogs"}}},
			{ID: "comment", Kind: core.FreeText, Optional: true},
		},
	}
}

func TestAnswerSetsRoundTrip(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	day := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	start := day.Add(9*time.Hour + 30*time.Minute)
	sets := []core.AnswerSet{
		{Poll: "p1", Key: "a", District: "d1", Started: start, Updated: start},
		{Poll: "p1", Key: "b", TextKey: "tb", District: "d2", Done: true, Started: start, Updated: start.Add(time.Hour), Answers: []core.Answer{
			{Q: 0, Value: 4}, {Q: 1, Options: 0b11}, {Q: 2, Text: "Больше света во дворах — «ночью» темно"},
		}},
		{Poll: "p1", Key: "c", District: "район-3", Started: start, Updated: start, Answers: []core.Answer{{Q: 2, Skipped: true}}},
		{Poll: "p2", Key: "a", District: "d1", Started: start, Updated: start, Answers: []core.Answer{{Q: 0, Value: 1}}},
	}
	if err := db.SaveAnswers(ctx, sets...); err != nil {
		t.Fatal(err)
	}
	for _, want := range sets {
		got, err := db.AnswerSet(ctx, want.Poll, want.Key, want.TextKey)
		if err != nil {
			t.Fatal(err)
		}
		// Times are kept to the day; a text is marked written.
		want.Started, want.Updated = day, day
		want.Answers = slices.Clone(want.Answers)
		for i := range want.Answers {
			want.Answers[i].Written = want.Answers[i].Text != ""
		}
		if len(want.Answers) == 0 {
			want.Answers = []core.Answer{}
		}
		if got.Answers == nil {
			got.Answers = []core.Answer{}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
		}
	}
	if _, err := db.AnswerSet(ctx, "p1", "zz", ""); !errors.Is(err, core.ErrNotFound) {
		t.Errorf("missing set: got %v, want ErrNotFound", err)
	}

	var keys []string
	err := db.EachAnswerSet(ctx, "p1", func(s *core.AnswerSet) error {
		keys = append(keys, s.Key+"@"+s.District)
		for _, a := range s.Answers {
			if a.Text != "" {
				t.Errorf("set %s carries its text %q; texts are kept apart", s.Key, a.Text)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a@d1", "b@d2", "c@район-3"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("EachAnswerSet of p1 = %q, want %q (p2 and other polls must not leak in)", keys, want)
	}
	if n, err := db.CountAnswerSets(ctx, "p1"); err != nil || n != 3 {
		t.Errorf("CountAnswerSets = %d, %v; want 3", n, err)
	}
}

func TestPollTextsAreKeptApart(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	set := core.AnswerSet{Poll: "p1", Key: "k", TextKey: "tk", District: "d2", Answers: []core.Answer{{Q: 0, Value: 3}, {Q: 2, Text: "у дома 12"}}}
	if err := db.SaveAnswers(ctx, set); err != nil {
		t.Fatal(err)
	}
	other := core.AnswerSet{Poll: "p1", Key: "k2", TextKey: "tk2", District: "d5", Answers: []core.Answer{{Q: 2, Text: "шум"}}}
	if err := db.SaveAnswers(ctx, other); err != nil {
		t.Fatal(err)
	}
	texts := func() []core.PollText {
		var out []core.PollText
		if err := db.EachPollText(ctx, "p1", func(t core.PollText) error { out = append(out, t); return nil }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	if got := texts(); len(got) != 2 || got[0] != (core.PollText{Poll: "p1", Q: 2, District: "d2", Text: "у дома 12"}) {
		t.Errorf("texts %+v", got)
	}
	// A changed text replaces the old one; a skipped one removes it.
	set.Answers[1].Text = "во дворе"
	if err := db.SaveAnswers(ctx, set); err != nil {
		t.Fatal(err)
	}
	if got := texts(); len(got) != 2 || got[0].Text != "во дворе" {
		t.Errorf("after a change: %+v", got)
	}
	set.Answers[1] = core.Answer{Q: 2, Skipped: true}
	if err := db.SaveAnswers(ctx, set); err != nil {
		t.Fatal(err)
	}
	if got := texts(); len(got) != 1 || got[0].Text != "шум" {
		t.Errorf("after skipping: %+v", got)
	}
	// A text without a text key is refused rather than stored with the set.
	if err := db.SaveAnswers(ctx, core.AnswerSet{Poll: "p1", Key: "x", Answers: []core.Answer{{Q: 2, Text: "t"}}}); err == nil {
		t.Error("a text without a text key was stored")
	}
}

func TestSavePollKeepsQuestionsOnceAnswered(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	p := testPoll()
	if err := db.SavePoll(ctx, p); err != nil {
		t.Fatal(err)
	}
	// Without answers anything may change.
	p.Questions[1].Options = append(p.Questions[1].Options, core.Option{ID: "noise"})
	if err := db.SavePoll(ctx, p); err != nil {
		t.Fatalf("changing an unanswered poll: %v", err)
	}
	if err := db.SaveAnswers(ctx, core.AnswerSet{Poll: "p1", Key: "k", District: "d1"}); err != nil {
		t.Fatal(err)
	}
	// Texts and dates may still change...
	p.Title = core.Text{core.English: "Safety checklist"}
	p.Closes = p.Closes.AddDate(0, 1, 0)
	if err := db.SavePoll(ctx, p); err != nil {
		t.Fatalf("changing texts and dates of an answered poll: %v", err)
	}
	// ...questions and options may not.
	for name, change := range map[string]func(*core.Poll){
		"option added":     func(p *core.Poll) { p.Questions[1].Options = append(p.Questions[1].Options, core.Option{ID: "x"}) },
		"question removed": func(p *core.Poll) { p.Questions = p.Questions[:2] },
		"kind changed":     func(p *core.Poll) { p.Questions[0].Kind = core.SingleChoice },
		"skip added":       func(p *core.Poll) { p.Questions[0].Skips = map[string]string{"1": "comment"} },
		"made optional":    func(p *core.Poll) { p.Questions[0].Optional = true },
		"order changed":    func(p *core.Poll) { p.Questions[0], p.Questions[2] = p.Questions[2], p.Questions[0] },
	} {
		q := p
		q.Questions = append([]core.Question(nil), p.Questions...)
		change(&q)
		if err := db.SavePoll(ctx, q); !errors.Is(err, storage.ErrPollChanged) {
			t.Errorf("%s: got %v, want ErrPollChanged", name, err)
		}
	}
	got, err := db.Poll(ctx, "p1")
	if err != nil || got.Title.In(core.English) != "Safety checklist" || len(got.Questions[1].Options) != 3 || got.Imported.IsZero() {
		t.Errorf("stored poll = %+v, %v", got, err)
	}
	list, err := db.Polls(ctx)
	if err != nil || len(list) != 1 {
		t.Errorf("Polls = %d polls, %v", len(list), err)
	}
}

func TestApplyStoresAnswersWithTheSession(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	set := core.AnswerSet{Poll: "p1", Key: "k", District: "d1", Answers: []core.Answer{{Q: 0, Value: 5}}}
	s := core.Session{Conversation: core.Conversation{State: "poll", Poll: &core.PollProgress{Poll: "p1", Q: 1}}}
	in := core.Inbound{Key: "u1", Chat: chat}
	if err := db.Apply(ctx, core.Change{Inbound: in, Session: &s, Answers: &set}); err != nil {
		t.Fatal(err)
	}
	got, err := db.AnswerSet(ctx, "p1", "k", "")
	if err != nil || len(got.Answers) != 1 || got.Answers[0].Value != 5 {
		t.Errorf("answers after Apply = %+v, %v", got, err)
	}
	sess, err := db.Session(ctx, chat)
	if err != nil || sess.Conversation.Poll == nil || sess.Conversation.Poll.Q != 1 {
		t.Errorf("session after Apply = %+v, %v", sess, err)
	}
}

// A poll read again, alone or in the list, is the poll as stored now: the
// decoded copy kept for speed gives way as soon as the stored poll changes.
func TestPollReadAfterChange(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	p := testPoll()
	if err := db.SavePoll(ctx, p); err != nil {
		t.Fatal(err)
	}
	first, err := db.Poll(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := db.Poll(ctx, p.ID)
	if again.Title.In(core.English) != first.Title.In(core.English) {
		t.Fatalf("second read %q differs from the first %q", again.Title.In(core.English), first.Title.In(core.English))
	}
	p.Title = core.Text{core.Russian: "Новое", core.Kazakh: "Жаңа", core.English: "Renamed"}
	p.Closes = p.Closes.AddDate(0, 1, 0)
	if err := db.SavePoll(ctx, p); err != nil {
		t.Fatal(err)
	}
	changed, err := db.Poll(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if changed.Title.In(core.English) != "Renamed" || !changed.Closes.Equal(p.Closes) {
		t.Errorf("after a change read %q closing %v, want the renamed poll closing %v", changed.Title.In(core.English), changed.Closes, p.Closes)
	}
	if all, err := db.Polls(ctx); err != nil || len(all) != 1 || all[0].Title.In(core.English) != "Renamed" {
		t.Errorf("after a change the list holds %+v, %v; want the renamed poll", all, err)
	}
	p.Title = core.Text{core.Russian: "Ещё", core.Kazakh: "Тағы", core.English: "Again"}
	if err := db.SavePoll(ctx, p); err != nil {
		t.Fatal(err)
	}
	if all, err := db.Polls(ctx); err != nil || len(all) != 1 || all[0].Title.In(core.English) != "Again" {
		t.Errorf("after a second change the list holds %+v, %v; want the poll named Again", all, err)
	}
	if _, err := db.Poll(ctx, "no-such-poll"); !errors.Is(err, core.ErrNotFound) {
		t.Errorf("a missing poll: %v, want ErrNotFound", err)
	}
}
