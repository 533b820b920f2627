package flows_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/flows"
	"github.com/rs/zerolog"
)

// safetyPoll is a small poll with every kind of question and a skip:
// those who do not know their inspector skip the question about
// contacting them.
func safetyPoll(id string, opens, closes time.Time) core.Poll {
	t3 := func(ru, kk, en string) core.Text {
		return core.Text{core.Russian: ru, core.Kazakh: kk, core.English: en}
	}
	return core.Poll{
		ID: id, Series: "safety", Title: t3("Безопасность двора", "Аула қауіпсіздігі", "Courtyard safety"),
		Intro: t3("Ответы хранятся без имени.", "Жауаптар атсыз сақталады.", "Answers are kept without names."),
		Opens: opens, Closes: closes,
		Questions: []core.Question{
			{ID: "night", Kind: core.Scale, Text: t3("Безопасно ли ночью?", "Түнде қауіпсіз бе?", "Safe at night?"),
				Low: t3("опасно", "қауіпті", "unsafe"), High: t3("безопасно", "қауіпсіз", "safe")},
			{ID: "knows", Kind: core.YesNo, Text: t3("Знаете участкового?", "Учаскеліктіті білесіз бе?", "Know your inspector?"),
				Options: core.YesNoOptions, Skips: map[string]string{"no": "worries"}},
			{ID: "contacted", Kind: core.SingleChoice, Text: t3("Обращались?", "Хабарластыңыз ба?", "Contacted them?"),
				Options: []core.Option{{ID: "often", Text: t3("Часто", "Жиі", "Often")}, {ID: "once", Text: t3("Однажды", "Бір рет", "Once")}, {ID: "never", Text: t3("Никогда", "Ешқашан", "Never")}}},
			{ID: "worries", Kind: core.MultiChoice, Text: t3("Что беспокоит?", "Не мазалайды?", "What worries you?"),
				Options: []core.Option{{ID: "theft", Text: t3("Кражи", "Ұрлық", "Theft")}, {ID: "dogs", Text: t3("Собаки", "Иттер", "Dogs")}, {ID: "noise", Text: t3("Шум", "Шу", "Noise")}}},
			{ID: "comment", Kind: core.FreeText, Optional: true, Text: t3("Что изменить?", "Нені өзгерту керек?", "What should change?")},
		},
	}
}

// The test poll runs through November in the city's time zone.
var (
	pollOpens  = time.Date(2026, 11, 1, 0, 0, 0, 0, cityZone())
	pollCloses = time.Date(2026, 12, 1, 0, 0, 0, 0, cityZone())
)

func cityZone() *time.Location {
	city, _ := example()
	return city.Location
}

// mustHaveLabel checks that some button in the replies reads label.
func mustHaveLabel(t *testing.T, rs []core.Reply, label string) {
	t.Helper()
	if !slices.Contains(labels(rs), label) {
		t.Errorf("no button %q among %q", label, labels(rs))
	}
}

// withPoll stores the poll in the harness's database.
func (h *harness) withPoll(p core.Poll) *harness {
	h.t.Helper()
	if err := h.db.SavePoll(context.Background(), p); err != nil {
		h.t.Fatal(err)
	}
	return h
}

// resident onboards a consenting resident of district 02.
func (h *harness) resident(lang core.Lang) *harness {
	h.t.Helper()
	h.onboard(lang, true)
	h.location(49.8250, 73.0880)
	return h
}

// answers returns the stored answers of the harness's chat to poll.
func (h *harness) answers(poll string) (core.AnswerSet, bool) {
	h.t.Helper()
	var found *core.AnswerSet
	err := h.db.EachAnswerSet(context.Background(), poll, func(s *core.AnswerSet) error {
		if found != nil {
			h.t.Fatalf("poll %s has more than one answer set", poll)
		}
		c := *s
		c.Answers = slices.Clone(s.Answers)
		found = &c
		return nil
	})
	if err != nil {
		h.t.Fatal(err)
	}
	if found == nil {
		return core.AnswerSet{}, false
	}
	return *found, true
}

// texts returns the stored free texts of poll.
func (h *harness) texts(poll string) []core.PollText {
	h.t.Helper()
	var out []core.PollText
	if err := h.db.EachPollText(context.Background(), poll, func(t core.PollText) error { out = append(out, t); return nil }); err != nil {
		h.t.Fatal(err)
	}
	return out
}

// withoutSecret returns an engine like h's but without a poll secret.
func withoutSecret(h *harness) *flows.Engine {
	city, index := example()
	return flows.New(flows.Config{Store: h.db, City: city, Index: index, Log: zerolog.Nop(), Now: func() time.Time { return h.now }})
}

func TestResidentTakesAPollWithASkip(t *testing.T) {
	for _, tc := range []struct {
		lang                          core.Lang
		intro, q1, thanks, reaskScale string
	}{
		{core.Russian, "Ответы хранятся без имени", "вопрос 1 из 5", "Спасибо! Ваши ответы", "числом от 1 до 5"},
		{core.Kazakh, "Жауаптар атсыз сақталады", "1-сұрақ (барлығы 5)", "Рахмет!", "1 мен 5 аралығындағы"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			h := newHarness(t).withPoll(safetyPoll("s1", pollOpens, pollCloses)).resident(tc.lang)
			r := h.press("m:poll") // the only open poll starts at once
			mustContain(t, r, tc.intro, tc.q1, "1 — ")
			if got := h.session().Conversation.State; got != "poll" {
				t.Fatalf("state %q, want poll", got)
			}
			// Typed text where a number is expected is asked again.
			mustContain(t, h.text("хорошо"), tc.reaskScale)
			mustContain(t, h.text("9"), tc.reaskScale)
			r = h.text("4") // typed instead of pressed
			mustContain(t, r, core.Text{core.Russian: "вопрос 2 из 5", core.Kazakh: "2-сұрақ"}[tc.lang])
			// "No" skips the question about contacting the inspector.
			r = h.press(answerData(t, r, "1:o1"))
			mustContain(t, r, core.Text{core.Russian: "Что беспокоит?", core.Kazakh: "Не мазалайды?"}[tc.lang])
			// Ticks, then Done.
			r = h.press(answerData(t, r, "3:t0"))
			mustHaveLabel(t, r, "☑️ "+core.Text{core.Russian: "Кражи", core.Kazakh: "Ұрлық"}[tc.lang])
			r = h.press(answerData(t, r, "3:t2"))
			r = h.press(answerData(t, r, "3:ok"))
			mustContain(t, r, core.Text{core.Russian: "Что изменить?", core.Kazakh: "Нені өзгерту керек?"}[tc.lang])
			r = h.text("Больше света во дворе у дома 12")
			mustContain(t, r, tc.thanks)
			if got := h.session().Conversation; got.State != "menu" || got.Poll != nil {
				t.Errorf("after the poll: state %q, progress %+v; want the menu and no progress", got.State, got.Poll)
			}

			set, ok := h.answers("s1")
			if !ok {
				t.Fatal("no answers stored")
			}
			want := []core.Answer{{Q: 0, Value: 4}, {Q: 1, Options: 0b10}, {Q: 3, Options: 0b101}, {Q: 4, Written: true}}
			if !set.Done || set.District != "krg-d02" || !slices.Equal(set.Answers, want) {
				t.Errorf("stored %+v; want done, district krg-d02, answers %+v", set, want)
			}
			// The set names nobody: its key is a pseudonym, not the chat.
			if strings.Contains(set.Key, h.chat.ID) || len(set.Key) != 32 {
				t.Errorf("answer set key %q is not a pseudonym", set.Key)
			}
			// The text is kept apart, with only the district.
			if got := h.texts("s1"); len(got) != 1 || got[0] != (core.PollText{Poll: "s1", Q: 4, District: "krg-d02", Text: "Больше света во дворе у дома 12"}) {
				t.Errorf("texts %+v", got)
			}
			// Nothing of the answers is left in the chat's session.
			raw, _ := json.Marshal(h.session())
			for _, leak := range []string{"Больше света", `"picked"`, `"options"`} {
				if strings.Contains(string(raw), leak) {
					t.Errorf("session holds %s: %s", leak, raw)
				}
			}
		})
	}
}

func TestPollStopsAndContinuesLater(t *testing.T) {
	h := newHarness(t).withPoll(safetyPoll("s1", pollOpens, pollCloses)).resident(core.Russian)
	r := h.press("m:poll")
	r = h.press(answerData(t, r, "0:v2"))
	r = h.press(answerData(t, r, "1:o0")) // yes: the next question is asked
	mustContain(t, r, "Обращались?")
	// Stopping keeps the answers given so far.
	old := answerData(t, r, "2:o1")
	h.press("m:home")
	if set, _ := h.answers("s1"); len(set.Answers) != 2 || set.Done {
		t.Fatalf("after stopping: %+v; want two answers, not done", set)
	}
	// The button from before the break belongs to an earlier session.
	mustContain(t, h.press(old), "кнопка уже неактивна")
	r = h.press("m:poll")
	mustContain(t, r, "С возвращением", "с вопроса 3", "Обращались?")
	r = h.press(answerData(t, r, "2:o1"))
	r = h.press(answerData(t, r, "3:t1"))
	r = h.press(answerData(t, r, "3:ok"))
	r = h.press(answerData(t, r, "4:skip"))
	mustContain(t, r, "Спасибо!")
	set, _ := h.answers("s1")
	if !set.Done || len(set.Answers) != 5 || !set.Answers[4].Skipped {
		t.Errorf("stored %+v; want five answers with the comment skipped", set)
	}
}

func TestPollAnswersCanChangeUntilItCloses(t *testing.T) {
	h := newHarness(t).withPoll(safetyPoll("s1", pollOpens, pollCloses)).resident(core.Russian)
	r := h.press("m:poll")
	r = h.press(answerData(t, r, "0:v5"))
	r = h.press(answerData(t, r, "1:o0"))
	r = h.press(answerData(t, r, "2:o0"))
	r = h.press(answerData(t, r, "3:t0"))
	h.press(answerData(t, r, "3:ok"))
	h.text("Всё хорошо")

	r = h.press("m:poll")
	mustContain(t, r, "Вы уже ответили", "по 30.11.2026 включительно")
	r = h.press("pv:s1")
	mustContain(t, r, "Проверим ваши ответы")
	mustHaveLabel(t, r, "✓ 5")
	r = h.press(answerData(t, r, "0:keep"))
	// Now "no": the answer about contacting the inspector is off the path.
	mustHaveLabel(t, r, "✓ Да")
	r = h.press(answerData(t, r, "1:o1"))
	mustHaveLabel(t, r, "☑️ Кражи") // ticked before
	r = h.press(answerData(t, r, "3:ok"))
	mustContain(t, r, "Ваш прежний ответ: «Всё хорошо»")
	r = h.press(answerData(t, r, "4:keep"))
	mustContain(t, r, "Спасибо!")
	set, _ := h.answers("s1")
	want := []core.Answer{{Q: 0, Value: 5}, {Q: 1, Options: 0b10}, {Q: 3, Options: 0b1}, {Q: 4, Written: true}}
	if !slices.Equal(set.Answers, want) {
		t.Errorf("after the change: %+v, want %+v (the skipped question's answer dropped)", set.Answers, want)
	}

	// Once closed, nothing changes any more.
	h.now = pollCloses.Add(time.Minute)
	mustContain(t, h.press("pv:s1"), "закрыт", "по 30.11.2026 включительно")
	mustContain(t, h.press("m:poll"), "нет открытых опросов")
}

func TestPollClosingMidwayKeepsTheAnswers(t *testing.T) {
	h := newHarness(t).withPoll(safetyPoll("s1", pollOpens, pollCloses)).resident(core.English)
	r := h.press("m:poll")
	r = h.press(answerData(t, r, "0:v3"))
	h.now = pollCloses
	mustContain(t, h.press(answerData(t, r, "1:o0")), "has just closed")
	if got := h.session().Conversation.State; got != "menu" {
		t.Errorf("state %q after the poll closed, want menu", got)
	}
	if set, _ := h.answers("s1"); len(set.Answers) != 1 {
		t.Errorf("answers %+v; want the one given before closing", set.Answers)
	}
}

func TestPollRefusesBadInputAndForgedButtons(t *testing.T) {
	h := newHarness(t).withPoll(safetyPoll("s1", pollOpens, pollCloses)).resident(core.English)
	r := h.press("m:poll")
	gen := h.gen()
	for _, tc := range []struct {
		name string
		send func() []core.Reply
		want string
	}{
		{"sticker", func() []core.Reply { return h.send(core.Inbound{Kind: core.KindUnsupported}) }, "question 1 of 5"},
		{"photo", func() []core.Reply { return h.photo("AgAD") }, "question 1 of 5"},
		{"location", func() []core.Reply { return h.location(49.8250, 73.0880) }, "question 1 of 5"},
		{"empty", func() []core.Reply { return h.text("   ") }, ""},
		{"out of range", func() []core.Reply { return h.press("pa:" + gen + ":0:v6") }, "no longer active"},
		{"option on a scale", func() []core.Reply { return h.press("pa:" + gen + ":0:o1") }, "no longer active"},
		{"another question", func() []core.Reply { return h.press("pa:" + gen + ":3:t0") }, "no longer active"},
		{"old generation", func() []core.Reply { return h.press("pa:0:0:v3") }, "no longer active"},
		{"skip a required question", func() []core.Reply { return h.press("pa:" + gen + ":0:skip") }, "no longer active"},
		{"keep without a review", func() []core.Reply { return h.press("pa:" + gen + ":0:keep") }, "no longer active"},
		{"malformed", func() []core.Reply { return h.press("pa:x") }, "no longer active"},
		{"unknown poll", func() []core.Reply { return h.press("pl:nope") }, "no longer exists"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.send()
			if tc.want != "" {
				mustContain(t, r, tc.want)
			}
			if set, ok := h.answers("s1"); ok && len(set.Answers) > 0 {
				t.Errorf("answers stored after %s: %+v", tc.name, set.Answers)
			}
		})
	}
	_ = r
	// A choice typed by its label counts, in any language.
	h.text("3")
	mustContain(t, h.text("Нет"), "What worries you?")
	// Done with nothing ticked asks for a tick.
	mustContain(t, h.press("pa:"+h.gen()+":3:ok:0"), "Tick at least one")
	mustContain(t, h.text("Theft"), "Tick the options with the buttons")
}

func TestPollNeedsConsentADistrictAndAnOpenPoll(t *testing.T) {
	t.Run("no consent", func(t *testing.T) {
		h := newHarness(t).withPoll(safetyPoll("s1", pollOpens, pollCloses))
		h.onboard(core.Russian, false)
		mustContain(t, h.press("m:poll"), "нужно согласие", "/privacy")
		mustContain(t, h.press("pl:s1"), "нужно согласие")
	})
	t.Run("no district", func(t *testing.T) {
		h := newHarness(t).withPoll(safetyPoll("s1", pollOpens, pollCloses))
		h.onboard(core.Russian, true)
		r := h.press("m:poll")
		mustContain(t, r, "найдите своего участкового")
		if !slices.Contains(buttons(r), "m:find") {
			t.Errorf("buttons %v: want a way to find the inspector", buttons(r))
		}
	})
	t.Run("another district", func(t *testing.T) {
		p := safetyPoll("s1", pollOpens, pollCloses)
		p.Districts = []string{"krg-d05"}
		h := newHarness(t).withPoll(p).resident(core.Russian)
		mustContain(t, h.press("m:poll"), "в других участках")
	})
	t.Run("not yet open", func(t *testing.T) {
		h := newHarness(t).withPoll(safetyPoll("s1", pollCloses, pollCloses.AddDate(0, 1, 0))).resident(core.Russian)
		mustContain(t, h.press("m:poll"), "нет открытых опросов")
		mustContain(t, h.press("pl:s1"), "начнётся 01.12.2026")
	})
	t.Run("no secret", func(t *testing.T) {
		h := newHarness(t).withPoll(safetyPoll("s1", pollOpens, pollCloses))
		h.engine = withoutSecret(h)
		h.resident(core.Russian)
		mustContain(t, h.press("m:poll"), "Опросы сейчас недоступны")
	})
}

func TestPollsAreListedWhenSeveralAreOpen(t *testing.T) {
	h := newHarness(t).withPoll(safetyPoll("s1", pollOpens, pollCloses)).withPoll(safetyPoll("s2", pollOpens, pollCloses)).resident(core.English)
	r := h.press("m:poll")
	mustContain(t, r, "Polls open for your district", "5 questions. Open through 30.11.2026")
	got := buttons(r)
	if !slices.Contains(got, "pl:s1") || !slices.Contains(got, "pl:s2") {
		t.Errorf("buttons %v: want both polls", got)
	}
	r = h.press("pl:s2")
	h.press(answerData(t, r, "0:v1"))
	mustContain(t, h.command("polls"), "Started: 1 of 5 questions answered")
}

// answerData finds the answer button of a question among the replies, as
// a resident would press it: any generation, then arg ("3:t0" matches the
// tick button "pa:7:3:t0:<ticks>").
func answerData(t *testing.T, rs []core.Reply, arg string) string {
	t.Helper()
	for _, data := range buttons(rs) {
		rest, ok := strings.CutPrefix(data, "pa:")
		if _, a, found := strings.Cut(rest, ":"); ok && found && (a == arg || strings.HasPrefix(a, arg+":")) {
			return data
		}
	}
	t.Fatalf("no answer button %s among %v", arg, buttons(rs))
	return ""
}

func TestPollReviewStoppedMidwayStaysConsistent(t *testing.T) {
	h := newHarness(t).withPoll(safetyPoll("s1", pollOpens, pollCloses)).resident(core.Russian)
	r := h.press("m:poll")
	r = h.press(answerData(t, r, "0:v3"))
	r = h.press(answerData(t, r, "1:o1")) // no: the contact question is skipped
	r = h.press(answerData(t, r, "3:t0"))
	r = h.press(answerData(t, r, "3:ok"))
	h.press(answerData(t, r, "4:skip"))
	if set, _ := h.answers("s1"); !set.Done {
		t.Fatalf("not done after the last question: %+v", set)
	}
	// In a review, "yes" opens the contact question; the resident stops.
	r = h.press("pv:s1")
	r = h.press(answerData(t, r, "0:keep"))
	r = h.press(answerData(t, r, "1:o0"))
	mustContain(t, r, "Обращались?")
	h.press("m:home")
	set, _ := h.answers("s1")
	if set.Done || len(set.Answers) != 4 {
		t.Errorf("after stopping: %+v; want not done, the contact question unanswered", set)
	}
	// Coming back goes to the question left open, then the set is whole.
	r = h.press("m:poll")
	mustContain(t, r, "с вопроса 3", "Обращались?")
	mustContain(t, h.press(answerData(t, r, "2:o2")), "Спасибо!")
	if set, _ := h.answers("s1"); !set.Done || len(set.Answers) != 5 {
		t.Errorf("after finishing: %+v", set)
	}
}

func TestStartingAnotherPollShowsItsOwnQuestion(t *testing.T) {
	other := safetyPoll("s2", pollOpens, pollCloses)
	other.Title = core.Text{core.Russian: "Шум", core.Kazakh: "Шу", core.English: "Noise"}
	h := newHarness(t).withPoll(safetyPoll("s1", pollOpens, pollCloses)).withPoll(other).resident(core.Russian)
	r := h.press("pl:s1")
	r = h.press(answerData(t, r, "0:v3"))
	old := answerData(t, r, "1:o0")
	r = h.press("pl:s2")
	mustContain(t, r, "📋 Шум · вопрос 1 из 5")
	mustNotContain(t, r, "Безопасность двора · вопрос")
	// The first poll's button belongs to the earlier session.
	mustContain(t, h.press(old), "кнопка уже неактивна")
}

func TestStaffDoNotAnswerPolls(t *testing.T) {
	h := newHarness(t).withPoll(safetyPoll("s1", pollOpens, pollCloses))
	chief := h.as(chiefNovyGorod)
	chief.onboard(core.Russian, true)
	for _, data := range []string{"pl:s1", "pv:s1"} {
		r := chief.press(data)
		mustContain(t, r, "Опросы о безопасности")
		if s := chief.session(); s.Conversation.State == "poll" {
			t.Errorf("%s put a chief into the poll", data)
		}
	}
}
