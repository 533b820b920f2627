package flows_test

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
)

// Words of the resident of these tests, looked for in the replies and in
// every record of the data file.
const (
	rightsReport = "Ночью вскрыли дверь соседней квартиры, сейчас там никого."
	rightsAnswer = "Дверь до сих пор открыта, приходите после шести"
	rightsPoll   = "Больше света во дворе у дома 12"
	staffReply   = "Выезжаем, будем через час."
)

// busyResident is a resident who has done everything that leaves data:
// found their district, subscribed to its alerts, reported a concern with
// a photo and a place, talked with the inspector about it and answered a
// poll with a written answer. The inspector has accepted and replied.
func busyResident(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t).withPoll(safetyPoll("s1", pollOpens, pollCloses))
	h = h.as(7788990011)
	h.resident(core.Russian) // finds district 02
	h.press("sub:krg-d02")
	mustContain(t, h.report(false, 49.8250, 73.0880), "KRG-0001")
	inspector := h.as(inspectorD02)
	inspector.onboard(core.Russian, true)
	inspector.press("tk:a:1")
	inspector.press("tk:r:1")
	inspector.text(staffReply)
	h.press("ta:1")
	mustContain(t, h.text(rightsAnswer), "передан сотруднику")
	r := h.press("m:poll")
	r = h.press(answerData(t, r, "0:v4"))
	r = h.press(answerData(t, r, "1:o1"))
	r = h.press(answerData(t, r, "3:t0"))
	h.press(answerData(t, r, "3:ok"))
	mustContain(t, h.text(rightsPoll), "Спасибо!")
	return h
}

func TestMyDataShowsEverythingStored(t *testing.T) {
	h := busyResident(t)
	r := h.command("mydata")
	mustContain(t, r,
		"Всё, что бот хранит о вас (чат telegram:7788990011)",
		"Язык: Русский", "Согласие на хранение данных: дано 25.11.2026",
		"Найденный вами участок: Участок №2", "Подписки на оповещения: Участок №2", "Шаг разговора: главное меню",
		"Ваши обращения: 1", "KRG-0001 · Квартирная кража · принято", rightsReport,
		"Точка на карте: 49.82500, 73.08800", "Фото: 1", "Ваше имя, видимое полиции: Aigerim Test",
		"Полиция, 25.11.2026", staffReply, "Вы, 25.11.2026", rightsAnswer,
		"под псевдонимом", "Безопасность двора — пройден", "Безопасно ли ночью? → 4", "Знаете участкового? → Нет",
		"Что беспокоит? → Кражи", "Что изменить? → "+rightsPoll,
		"/forget")
	if got := buttons(r[len(r)-1:]); len(got) != 1 || got[0] != "m:home" {
		t.Errorf("last message's buttons = %v, want the way back to the menu", got)
	}
	// Looking changes nothing.
	if s := h.session(); s.Conversation.State != "menu" {
		t.Errorf("state after /mydata = %q, want menu", s.Conversation.State)
	}
}

func TestMyDataOfALongHistoryIsSplit(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.English, true)
	long := strings.TrimSpace(strings.Repeat("A long account of what happened in the yard. ", 40)) // ~1,800 characters
	for range 4 {
		h.now = h.now.Add(2 * time.Minute) // under the messages-a-minute limit
		h.press("m:report")
		h.press("rc:noise")
		h.text(long)
		h.location(49.8250, 73.0880)
		h.press("rf:done")
		h.press("ra:no")
		mustContain(t, h.press("rs:send"), "has been received")
	}
	r := h.command("mydata")
	if len(r) < 3 {
		t.Fatalf("%d messages for four long reports, want them split", len(r))
	}
	for i, m := range r {
		if n := utf8.RuneCountInString(m.Text); n > 4096 {
			t.Errorf("message %d has %d characters, over the messengers' 4,096", i, n)
		}
	}
	if got := strings.Count(texts(r), long); got != 4 {
		t.Errorf("the long texts appear %d times, want each of the 4 whole", got)
	}
}

func TestMyDataOfAStranger(t *testing.T) {
	h := newHarness(t)
	// Without a language chosen, the default one.
	mustContain(t, h.command("mydata"), "Бот ничего о вас не хранит.")
	if s := h.session(); s.Conversation.State != "" || s.Resident.Lang != "" {
		t.Errorf("asking stored a session: %+v", s)
	}
}

func TestForgetLeavesNothingAboutTheResident(t *testing.T) {
	h := busyResident(t)
	set, ok := h.answers("s1")
	if !ok {
		t.Fatal("no poll answers")
	}
	needles := []string{h.chat.ID, "Aigerim Test", rightsReport, rightsAnswer, rightsPoll, "photo-file-1", set.Key,
		core.TextPseudonym([]byte(testPollSecret), "s1", h.chat)}
	if len(storagetest.Find(t, h.db, needles...)) == 0 {
		t.Fatal("the resident left nothing to find before /forget")
	}

	r := h.command("forget")
	mustContain(t, r, "Удалить всё, что бот хранит о вас?", "Отменить удаление нельзя")
	yes := buttons(r)[0]
	r = h.press(yes)
	mustContain(t, r, "Готово", "Подписки на оповещения удалены: 1", "Обращения (1) остались для статистики",
		"Ответы на опросы (1) больше не связаны с вами", "отправьте /start")

	storagetest.MustNotFind(t, h.db, needles...)

	// The ticket stays for statistics; the answers still count.
	tk := h.ticket(1)
	if tk.Category != "burglary" || tk.District != "krg-d02" || tk.Status != core.TicketAccepted || tk.Linked() || tk.Erased.IsZero() {
		t.Errorf("ticket after /forget = %+v", tk)
	}
	if n, _ := h.db.CountAnswerSets(context.Background(), "s1"); n != 1 {
		t.Errorf("answer sets = %d, want the unlinked one still counted", n)
	}
	// The inspector is told, and the card says why the reporter is gone.
	inspector := h.as(inspectorD02)
	mustContain(t, []core.Reply{{Text: textsOf(h.outboxTo(inspectorD02))}}, "Автор обращения KRG-0001 попросил удалить свои данные")
	card := inspector.press("tk:o:1")
	mustContain(t, card, "(текст удалён)", "автор отозвал контакт")
	mustNotContain(t, card, "Aigerim")
	for _, b := range buttons(card) {
		if b == "tk:r:1" || b == "tk:b:1" {
			t.Errorf("card offers %s to a reporter who withdrew", b)
		}
	}

	// The bot treats them as new.
	if s := h.session(); s.Resident.Lang != "" || s.Conversation.State != "" {
		t.Errorf("session after /forget = %+v, want a new one", s)
	}
	mustContain(t, h.command("start"), "Выберите язык")
	// Their poll can be taken afresh: nothing links them to the old set.
	if _, found, _ := findSet(h, "s1"); found {
		t.Error("the old answer set is still found from the chat")
	}
}

// findSet looks up the chat's answers to poll as the engine does.
func findSet(h *harness, poll string) (core.AnswerSet, bool, error) {
	s, err := h.db.AnswerSet(context.Background(), poll, core.Pseudonym([]byte(testPollSecret), poll, h.chat),
		core.TextPseudonym([]byte(testPollSecret), poll, h.chat))
	return s, err == nil, nil
}

func TestStaffActOnATicketWhoseReporterWithdrew(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Russian, true)
	h.report(false, 49.8250, 73.0880)
	h.press(buttons(h.command("forget"))[0])
	inspector := h.as(inspectorD02)
	inspector.onboard(core.Russian, true)
	chief := h.as(5000000000000001)
	chief.onboard(core.Russian, true)
	before := len(h.outboxTo(1001))

	tests := []struct {
		name  string
		do    func() []core.Reply
		reply []string
	}{
		{"accept", func() []core.Reply { return inspector.press("tk:a:1") }, []string{"Вы приняли KRG-0001"}},
		{"reply", func() []core.Reply { return inspector.press("tk:r:1") }, []string{"Автору обращения KRG-0001 нельзя ответить", "автор отозвал контакт"}},
		{"block", func() []core.Reply { return chief.press("tk:b:1") }, []string{"отозвал контакт"}},
		{"resolve", func() []core.Reply {
			inspector.press("tk:s:1")
			return inspector.text("Проверили, всё спокойно.")
		}, []string{"KRG-0001 отмечено как решённое"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustContain(t, tt.do(), tt.reply...)
		})
	}
	if tk := h.ticket(1); tk.Status != core.TicketResolved || tk.Linked() {
		t.Errorf("ticket = %+v, want resolved and still unlinked", tk)
	}
	if after := len(h.outboxTo(1001)); after != before {
		t.Errorf("%d messages queued to the former reporter, want none", after-before)
	}
}

// TestStaffActOnATicketErasedByRetention: staff are told the reporter's
// data ran out, not that the reporter withdrew.
func TestStaffActOnATicketErasedByRetention(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Russian, true)
	h.report(false, 49.8250, 73.0880)
	inspector := h.as(inspectorD02)
	inspector.onboard(core.Russian, true)
	inspector.press("tk:a:1")
	inspector.press("tk:s:1")
	inspector.text("Проверили, всё спокойно.")
	if n, err := h.db.EraseClosedTickets(context.Background(), time.Now().AddDate(10, 0, 0)); err != nil || n != 1 {
		t.Fatalf("erased %d, %v; want the resolved ticket", n, err)
	}
	chief := h.as(5000000000000001)
	chief.onboard(core.Russian, true)
	r := chief.press("tk:b:1")
	mustContain(t, r, "Автору обращения KRG-0001 нельзя ответить", "удалены по сроку хранения")
	if strings.Contains(texts(r), "отозвал") {
		t.Errorf("chief told the reporter withdrew: %s", texts(r))
	}
}

func TestForgetRefusesWhatItShould(t *testing.T) {
	t.Run("forged confirmation from another chat", func(t *testing.T) {
		h := newHarness(t)
		h.onboard(core.English, true)
		h.command("forget")
		other := h.as(2002)
		other.onboard(core.English, true)
		mustContain(t, other.press("fg:yes:1"), "no longer active")
		mustContain(t, other.press("fg:yes:2"), "no longer active")
		for _, c := range []*harness{h, other} {
			if s := c.session(); s.Resident.Lang != core.English {
				t.Errorf("%s lost its data to a forged button: %+v", c.chat, s)
			}
		}
	})
	t.Run("confirmation of an earlier question", func(t *testing.T) {
		h := newHarness(t)
		h.onboard(core.English, true)
		old := buttons(h.command("forget"))[0]
		h.press("fg:no")
		h.command("forget") // asked again: a new generation
		mustContain(t, h.press(old), "no longer active")
		if s := h.session(); !s.Resident.Consented() {
			t.Errorf("an old button deleted the data: %+v", s)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		h := newHarness(t)
		h.onboard(core.Kazakh, true)
		h.command("forget")
		mustContain(t, h.press("fg:no"), "Ештеңе өшірілмеді")
		if s := h.session(); !s.Resident.Consented() || s.Conversation.State != "menu" {
			t.Errorf("after cancelling: %+v", s)
		}
	})
	t.Run("cancelled while writing a report", func(t *testing.T) {
		h := newHarness(t)
		h.onboard(core.Russian, true)
		h.press("m:report")
		h.press("rc:burglary")
		h.text(rightsReport)
		h.command("forget")
		r := h.press("fg:no")
		mustContain(t, r, "Ничего не удалено")
		s := h.session()
		if s.Conversation.State != "report_place" || s.Conversation.Report == nil || s.Conversation.Report.Text != rightsReport {
			t.Errorf("after cancelling: %+v, want the report being written, at its place step", s.Conversation)
		}
		// And the report goes on from there.
		h.location(49.8250, 73.0880)
		h.photo("photo-file-1")
		h.press("rf:done")
		h.press("ra:no")
		mustContain(t, h.press("rs:send"), "KRG-0001")
		if tk := h.ticket(1); tk.Text != rightsReport {
			t.Errorf("ticket text = %q, want the text written before /forget", tk.Text)
		}
	})
	t.Run("twice", func(t *testing.T) {
		h := newHarness(t)
		h.onboard(core.English, true)
		h.press(buttons(h.command("forget"))[0])
		// Forgotten, their language too: the default one answers.
		mustContain(t, h.command("forget"), "Бот не хранит о вас ничего, что можно удалить.")
		if p, _ := h.db.PersonalData(context.Background(), h.chat); !p.Empty() {
			t.Errorf("the second /forget stored %+v", p)
		}
	})
	t.Run("again within ten minutes", func(t *testing.T) {
		h := newHarness(t)
		h.onboard(core.English, true)
		h.press(buttons(h.command("forget"))[0])
		h.onboard(core.English, true) // something to forget again
		h.now = h.now.Add(4 * time.Minute)
		mustContain(t, h.command("forget"), "deleted a moment ago", "in 6 min")
		if s := h.session(); !s.Resident.Consented() || s.Conversation.State != "menu" {
			t.Errorf("after a refused /forget: %+v", s)
		}
		h.now = h.now.Add(6 * time.Minute)
		mustContain(t, h.command("forget"), "Delete everything the bot stores about you?")
	})
	t.Run("by staff", func(t *testing.T) {
		h := newHarness(t).as(inspectorD02)
		h.onboard(core.Russian, true)
		mustContain(t, h.command("forget"), "/forget — для жителей")
		mustContain(t, h.press("fg:yes:1"), "кнопка уже неактивна")
		if s := h.session(); s.Resident.Lang != core.Russian {
			t.Errorf("staff's session changed: %+v", s)
		}
	})
	t.Run("typed text asks again", func(t *testing.T) {
		h := newHarness(t)
		h.onboard(core.English, true)
		h.command("forget")
		mustContain(t, h.text("yes"), "Delete everything the bot stores about you?")
		if s := h.session(); !s.Resident.Consented() {
			t.Errorf("typed text deleted the data: %+v", s)
		}
	})
}

func TestPrivacyOffersTheRights(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.English, true)
	r := h.command("privacy")
	for _, want := range []string{"pd:data", "pd:forget"} {
		if !strings.Contains(strings.Join(buttons(r), " "), want) {
			t.Errorf("privacy screen lacks %s: %v", want, buttons(r))
		}
	}
	mustContain(t, h.press("pd:data"), "Everything the bot stores about you")
	mustContain(t, h.press("pd:forget"), "Delete everything the bot stores about you?")
	// A newcomer's consent question offers only the answer.
	n := newHarness(t).as(3003)
	n.command("start")
	r = n.press("lang:en")
	if got := buttons(r); strings.Contains(strings.Join(got, " "), "pd:") {
		t.Errorf("first consent question offers %v", got)
	}
	// It says how long a closed report's personal data are kept.
	mustContain(t, r, "Once a report is closed", "one year by default")
}
