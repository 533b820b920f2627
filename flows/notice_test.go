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
	if !slices.Contains(got, chief.draftData("nt", "p:krg-p1")) || slices.Contains(got, chief.draftData("nt", "p:krg-p2")) ||
		slices.Contains(got, chief.draftData("nt", "city")) {
		t.Fatalf("target buttons %v: want only the chief's own precinct", got)
	}
	mustContain(t, chief.press(payload(t, r, "nt", "p:krg-p1")), "Напишите текст оповещения")
	r = chief.text("Завтра с 10:00 до 14:00 отключат воду на Ерубаева.")
	mustContain(t, r, "Оповещение срочное?")
	r = chief.press(payload(t, r, "nu", "no"))
	mustContain(t, r, "Когда отправить?")
	r = chief.press(payload(t, r, "nw", "now"))
	mustContain(t, r, "Проверьте оповещение", "отключат воду", "Срочное: нет", "Когда: сейчас", "Получателей сейчас: 1")
	mustContain(t, chief.press(payload(t, r, "nc", "send")), "Оповещение №1 принято")

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
	for _, forged := range []string{"p:krg-p2", "city", "p:krg-p9"} {
		mustContain(t, chief.pressDraft("nt", forged), "not in your precinct")
		if s := chief.session(); s.Conversation.State != "notice_target" || len(s.Conversation.Draft.Districts) != 0 {
			t.Fatalf("after %s: %+v", forged, s.Conversation)
		}
	}
	// Without the draft's generation, or with another, a button is stale.
	for _, forged := range []string{"nt:p:krg-p1", "nt:0:p:krg-p1", "nt:x:p:krg-p1", "nt:" + chief.gen() + "1:p:krg-p1"} {
		mustContain(t, chief.press(forged), "no longer active")
		if s := chief.session(); s.Conversation.State != "notice_target" || len(s.Conversation.Draft.Districts) != 0 {
			t.Fatalf("after %s: %+v", forged, s.Conversation)
		}
	}
	chief.pressDraft("nt", "pick")
	mustContain(t, chief.pressDraft("nd", "krg-d05"), "not in your precinct")
	mustContain(t, chief.pressDraft("nd", "done"), "Mark at least one district")
	chief.pressDraft("nd", "krg-d03")
	if d := chief.session().Conversation.Draft.Districts; !slices.Equal(d, []string{"krg-d03"}) {
		t.Fatalf("districts = %v, want [krg-d03]", d)
	}
	mustContain(t, chief.pressDraft("nd", "done"), "Write the text")
	// A step's button pressed in another step is stale.
	mustContain(t, chief.pressDraft("nc", "send"), "no longer active")

	// A resident cannot start or forge a notice.
	h.onboard(core.English, true)
	mustContain(t, h.command("notice"), "for police staff")
	mustContain(t, h.press("nt:p:krg-p1"), "no longer active")
	mustContain(t, h.pressDraft("nt", "p:krg-p1"), "no longer active")
	mustContain(t, h.command("notices"), "for police staff")
}

func TestScheduledAndRecurringNotices(t *testing.T) {
	h := newHarness(t)
	admin := h.as(adminKRG)
	admin.onboard(core.Kazakh, true)
	admin.command("notice")
	r := admin.command("notice")
	if !slices.Contains(buttons(r), admin.draftData("nt", "city")) {
		t.Fatal("an admin is not offered the whole city")
	}
	admin.press(payload(t, r, "nt", "city"))
	admin.text("Ертең жиналыс болады.")
	admin.pressDraft("nu", "yes")
	admin.pressDraft("nw", "at")
	mustContain(t, admin.text("завтра"), "Күнді түсіну мүмкін болмады")
	mustContain(t, admin.text("01.01.2020 10:00"), "өтіп кетті")
	mustContain(t, admin.text("01.12.2026 18:00"), "01.12.2026 18:00", "Шұғыл: иә")
	mustContain(t, admin.pressDraft("nc", "send"), "№1 хабарландыру қабылданды")

	admin.command("notice")
	admin.pressDraft("nt", "p:krg-p2")
	admin.text("Әр жұма сайын: есікті құлыптаңыз.")
	admin.pressDraft("nu", "no")
	admin.pressDraft("nw", "cron")
	mustContain(t, admin.text("61 * * * *"), "Кесте жарамсыз")
	mustContain(t, admin.text("CRON_TZ=UTC 0 18 * * 5"), "Кесте жарамсыз")
	mustContain(t, admin.text("0 18 * * 5"), "«0 18 * * 5» кестесі бойынша", "27.11.2026 18:00")
	admin.pressDraft("nc", "send")

	r = admin.command("notices")
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

// TestStaleNoticeButtons presses the buttons of an earlier draft while
// another is composed: they must not act on it.
func TestStaleNoticeButtons(t *testing.T) {
	h := newHarness(t)
	chief := h.as(chiefNovyGorod)
	chief.onboard(core.English, true)

	// The preview of a first draft, left unanswered.
	chief.command("notice")
	chief.pressDraft("nt", "p:krg-p1")
	chief.text("Old text that was never meant to go.")
	chief.pressDraft("nu", "yes")
	oldPreview := chief.pressDraft("nw", "now")
	mustContain(t, oldPreview, "Old text")
	oldSend, oldDrop := payload(t, oldPreview, "nc", "send"), payload(t, oldPreview, "nc", "drop")

	// A second draft reaches its preview too.
	chief.command("notice")
	chief.pressDraft("nt", "p:krg-p1")
	chief.text("New text.")
	chief.pressDraft("nu", "no")
	newPreview := chief.pressDraft("nw", "now")
	if newSend := payload(t, newPreview, "nc", "send"); newSend == oldSend {
		t.Fatalf("both previews send with %q", newSend)
	}
	for _, old := range []string{oldSend, oldDrop} {
		mustContain(t, chief.press(old), "no longer active", "New text.")
		if c := chief.session().Conversation; c.State != "notice_confirm" || c.Draft == nil || c.Draft.Text != "New text." {
			t.Fatalf("after the old %s: %+v, want the new draft untouched", old, c)
		}
	}
	if notices, _ := h.db.Notices(context.Background()); len(notices) != 0 {
		t.Fatalf("an old button stored %+v", notices)
	}
	mustContain(t, chief.press(payload(t, newPreview, "nc", "send")), "Notice #1 is saved")
	if n, err := h.db.Notice(context.Background(), 1); err != nil || n.Text != "New text." || n.Urgent {
		t.Fatalf("notice 1 = %+v, %v; want the new draft", n, err)
	}
	// Sent: the preview's buttons are spent.
	mustContain(t, chief.press(payload(t, newPreview, "nc", "send")), "no longer active")
	if notices, _ := h.db.Notices(context.Background()); len(notices) != 1 {
		t.Fatalf("notices = %+v, want one", notices)
	}

	// A district list of an earlier draft does not mark districts in the
	// current one, even in the same step.
	chief.command("notice")
	oldList := chief.pressDraft("nt", "pick")
	chief.command("notice")
	chief.pressDraft("nt", "pick")
	mustContain(t, chief.press(payload(t, oldList, "nd", "krg-d01")), "no longer active")
	mustContain(t, chief.press(payload(t, oldList, "nd", "done")), "no longer active")
	if c := chief.session().Conversation; c.State != "notice_districts" || len(c.Draft.Districts) != 0 {
		t.Fatalf("after the old list: %+v, want no district marked", c)
	}
	// The current list's buttons work, and keep working as it is redrawn.
	r := chief.pressDraft("nd", "krg-d01")
	chief.press(payload(t, r, "nd", "krg-d02"))
	if d := chief.session().Conversation.Draft.Districts; !slices.Equal(d, []string{"krg-d01", "krg-d02"}) {
		t.Fatalf("districts = %v, want [krg-d01 krg-d02]", d)
	}
}

func TestRecurringNoticesAtMostTwiceADay(t *testing.T) {
	const tooOften, never = "at most twice in 24 hours", "never runs"
	tests := []struct {
		spec string
		want string // "" if accepted
	}{
		{"* * * * *", tooOften},
		{"0 * * * *", tooOften},
		{"@hourly", tooOften},
		{"*/20 9 * * 5", tooOften},
		{"0 9,13,18 * * 1", tooOften}, // three times, but on Mondays only
		{"0 8-10 1 * *", tooOften},    // three times, on the 1st only
		{"0 0 30 2 *", never},
		{"0 9,21 * * *", ""},
		{"0 0,23 * * *", ""}, // 23:00, 00:00 and 23:00 again: 24 hours apart
		{"0,30 9 * * 5", ""},
		{"@daily", ""},
		{"0 18 * * 5", ""},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			h := newHarness(t)
			chief := h.as(chiefNovyGorod)
			chief.onboard(core.English, true)
			chief.command("notice")
			chief.pressDraft("nt", "p:krg-p1")
			chief.text("Lock your doors.")
			chief.pressDraft("nu", "no")
			chief.pressDraft("nw", "cron")
			r := chief.text(tt.spec)
			state := chief.session().Conversation.State
			if tt.want != "" {
				mustContain(t, r, "That schedule does not work", tt.want)
				if state != "notice_cron" {
					t.Errorf("state %q, want notice_cron", state)
				}
				return
			}
			mustContain(t, r, "Check the notice", tt.spec)
			if state != "notice_confirm" {
				t.Errorf("state %q, want notice_confirm", state)
			}
		})
	}

	// The reason is given in every language.
	for lang, want := range map[core.Lang]string{
		core.Russian: "не чаще двух раз в сутки",
		core.Kazakh:  "тәулігіне екі реттен жиі",
		core.English: tooOften,
	} {
		h := newHarness(t)
		admin := h.as(adminKRG)
		admin.onboard(lang, true)
		admin.command("notice")
		admin.pressDraft("nt", "city")
		admin.text("…")
		admin.pressDraft("nu", "no")
		admin.pressDraft("nw", "cron")
		mustContain(t, admin.text("*/5 * * * *"), want)
	}
}

// gen is the generation of the chat's current notice draft.
func (h *harness) gen() string {
	h.t.Helper()
	return fmt.Sprint(h.session().Conversation.Gen)
}

// draftData is the payload of a button of the chat's current notice draft:
// draftData("nc", "send") is "nc:<gen>:send".
func (h *harness) draftData(action, arg string) string {
	h.t.Helper()
	return action + ":" + h.gen() + ":" + arg
}

// pressDraft presses a button of the current notice draft.
func (h *harness) pressDraft(action, arg string) []core.Reply {
	h.t.Helper()
	return h.press(h.draftData(action, arg))
}

// payload finds the button of a notice step among the replies, as a chief
// would press it: action, any generation, then arg.
func payload(t *testing.T, rs []core.Reply, action, arg string) string {
	t.Helper()
	for _, data := range buttons(rs) {
		rest, ok := strings.CutPrefix(data, action+":")
		if _, a, found := strings.Cut(rest, ":"); ok && found && a == arg {
			return data
		}
	}
	t.Fatalf("no button %s:…:%s among %v", action, arg, buttons(rs))
	return ""
}

// sendNotice has chat, a chief or an admin, send a notice now to target
// ("p:<precinct>" or "city").
func sendNotice(t *testing.T, chat *harness, target, text string) {
	t.Helper()
	chat.command("notice")
	chat.pressDraft("nt", target)
	chat.text(text)
	chat.pressDraft("nu", "no")
	chat.pressDraft("nw", "now")
	if r := chat.pressDraft("nc", "send"); len(buttons(r)) == 0 || chat.session().Conversation.State != "menu" {
		t.Fatalf("notice %q not sent: %s", text, texts(r))
	}
}
