package flows_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
)

// Staff of the example city.
const (
	chiefNovyGorod  = 5000000000000001 // s-c1, precinct krg-p1 (districts 01–04)
	chiefYugoVostok = 5000000000000002 // s-c2, precinct krg-p2 (districts 05–08)
	adminKRG        = 5000000000000099 // s-a1
)

func TestChiefSendsANoticeToTheirPrecinct(t *testing.T) {
	h := newHarness(t)
	// A resident of district 02 subscribes to its alerts.
	h.onboard(core.Russian, true)
	h.location(49.8250, 73.0880)
	h.press("sub:krg-d02")

	chief := h.as(chiefNovyGorod)
	chief.onboard(core.Russian, true)
	r := chief.command("notice")
	mustContain(t, r, "Новое оповещение")
	got := buttons(r)
	if !slices.Contains(got, "nt:p:krg-p1") || slices.Contains(got, "nt:p:krg-p2") || slices.Contains(got, "nt:city") {
		t.Fatalf("target buttons %v: want only the chief's own precinct", got)
	}
	mustContain(t, chief.press("nt:p:krg-p1"), "Напишите текст оповещения")
	mustContain(t, chief.text("Завтра с 10:00 до 14:00 отключат воду на Ерубаева."), "Оповещение срочное?")
	mustContain(t, chief.press("nu:no"), "Когда отправить?")
	r = chief.press("nw:now")
	mustContain(t, r, "Проверьте оповещение", "отключат воду", "Срочное: нет", "Когда: сейчас", "Получателей сейчас: 1")
	mustContain(t, chief.press("nc:send"), "Оповещение №1 принято")

	notices, err := h.db.Notices(context.Background())
	if err != nil || len(notices) != 1 {
		t.Fatalf("notices = %+v, %v; want one", notices, err)
	}
	n := notices[0]
	if n.Author != "s-c1" || n.Urgent || !slices.Equal(n.Districts, []string{"krg-d01", "krg-d02", "krg-d03", "krg-d04"}) || n.AuthorChat != chief.chat {
		t.Errorf("notice = %+v", n)
	}
	if s := chief.session(); s.Conversation.Draft != nil || s.Conversation.State != "menu" {
		t.Errorf("after sending: %+v, want the draft gone and the menu", s.Conversation)
	}
}

func TestNoticeJurisdictionIsCheckedOnTheServer(t *testing.T) {
	h := newHarness(t)
	chief := h.as(chiefNovyGorod)
	chief.onboard(core.English, true)
	chief.command("notice")

	// Forged buttons for another precinct, the whole city, and a district
	// of another precinct change nothing.
	for _, forged := range []string{"nt:p:krg-p2", "nt:city", "nt:p:krg-p9"} {
		mustContain(t, chief.press(forged), "not in your precinct")
		if s := chief.session(); s.Conversation.State != "notice_target" || len(s.Conversation.Draft.Districts) != 0 {
			t.Fatalf("after %s: %+v", forged, s.Conversation)
		}
	}
	chief.press("nt:pick")
	mustContain(t, chief.press("nd:krg-d05"), "not in your precinct")
	mustContain(t, chief.press("nd:done"), "Mark at least one district")
	chief.press("nd:krg-d03")
	if d := chief.session().Conversation.Draft.Districts; !slices.Equal(d, []string{"krg-d03"}) {
		t.Fatalf("districts = %v, want [krg-d03]", d)
	}
	mustContain(t, chief.press("nd:done"), "Write the text")
	// A step's button pressed in another step is stale.
	mustContain(t, chief.press("nc:send"), "no longer active")

	// A resident cannot start or forge a notice.
	h.onboard(core.English, true)
	mustContain(t, h.command("notice"), "for police staff")
	mustContain(t, h.press("nt:p:krg-p1"), "no longer active")
	mustContain(t, h.command("notices"), "for police staff")
}

func TestScheduledAndRecurringNotices(t *testing.T) {
	h := newHarness(t)
	admin := h.as(adminKRG)
	admin.onboard(core.Kazakh, true)
	admin.command("notice")
	if !slices.Contains(buttons(admin.command("notice")), "nt:city") {
		t.Fatal("an admin is not offered the whole city")
	}
	admin.press("nt:city")
	admin.text("Ертең жиналыс болады.")
	admin.press("nu:yes")
	admin.press("nw:at")
	mustContain(t, admin.text("завтра"), "Күнді түсіну мүмкін болмады")
	mustContain(t, admin.text("01.01.2020 10:00"), "өтіп кетті")
	mustContain(t, admin.text("01.12.2026 18:00"), "01.12.2026 18:00", "Шұғыл: иә")
	mustContain(t, admin.press("nc:send"), "№1 хабарландыру қабылданды")

	admin.command("notice")
	admin.press("nt:p:krg-p2")
	admin.text("Әр жұма сайын: есікті құлыптаңыз.")
	admin.press("nu:no")
	admin.press("nw:cron")
	mustContain(t, admin.text("61 * * * *"), "Кесте жарамсыз")
	mustContain(t, admin.text("CRON_TZ=UTC 0 18 * * 5"), "Кесте жарамсыз")
	mustContain(t, admin.text("0 18 * * 5"), "«0 18 * * 5» кестесі бойынша", "27.11.2026 18:00")
	admin.press("nc:send")

	r := admin.command("notices")
	mustContain(t, r, "№2", "кесте бойынша", "№1", "жоспарланған")
	if !slices.Contains(buttons(r), "nx:1") || !slices.Contains(buttons(r), "nx:2") {
		t.Fatalf("cancel buttons = %v", buttons(r))
	}

	// A chief of another precinct cannot cancel the city-wide notice.
	other := h.as(chiefNovyGorod)
	other.onboard(core.English, true)
	mustContain(t, other.press("nx:1"), "not in your precinct")
	mustContain(t, other.press("nx:999"), "no longer exists")
	mustContain(t, admin.press("nx:2"), "№2 хабарландыру тоқтатылды")
	if n, _ := h.db.Notice(context.Background(), 2); !n.Cancelled {
		t.Errorf("notice 2 = %+v, want cancelled", n)
	}
}

func TestResidentAnswersANotice(t *testing.T) {
	h := newHarness(t)
	chief := h.as(chiefNovyGorod)
	chief.onboard(core.Russian, true)
	chief.command("notice")
	chief.press("nt:p:krg-p1")
	chief.text("Собрание жителей в четверг.")
	chief.press("nu:no")
	chief.press("nw:now")
	chief.press("nc:send")

	h.onboard(core.Kazakh, true)
	h.location(49.8250, 73.0880) // district 02, in the notice's precinct
	mustContain(t, h.press("na:1"), "Жауабыңызды жазыңыз")
	mustContain(t, h.text("Мен келемін, бірақ кешігуім мүмкін."), "жауабыңыз полиция пунктіне жіберілді")
	mustContain(t, h.press("na:77"), "белсенді емес")

	items, err := h.db.PendingOutbox(context.Background(), 0, 10)
	if err != nil || len(items) != 1 {
		t.Fatalf("outbox = %+v, %v; want the answer", items, err)
	}
	it := items[0]
	// Precinct krg-p1 has a duty chat in the example; otherwise its chief.
	p := h.city.Precinct("krg-p1")
	wantTo := "5000000000000001"
	if p.DutyChat != 0 {
		wantTo = fmt.Sprint(p.DutyChat)
	}
	if it.Chat.ID != wantTo {
		t.Errorf("answer goes to %s, want %s", it.Chat.ID, wantTo)
	}
	for _, want := range []string{"оповещение №1", "Участок №2", "кешігуім мүмкін"} {
		if !strings.Contains(it.Reply.Text, want) {
			t.Errorf("forwarded text %q lacks %q", it.Reply.Text, want)
		}
	}
	if strings.Contains(it.Reply.Text, h.chat.ID) {
		t.Errorf("forwarded text reveals the resident's chat: %q", it.Reply.Text)
	}
}
