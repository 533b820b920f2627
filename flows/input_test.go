package flows_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
)

// TestBadInputChangesNothing sends everything a resident should not send,
// in each state, and checks each gets a helpful answer in their language
// and leaves the session as it was.
func TestBadInputChangesNothing(t *testing.T) {
	long := strings.Repeat("я", core.MaxTextLen+1)
	stale := map[core.Lang]string{core.Russian: "неактивна", core.Kazakh: "белсенді емес", core.English: "no longer active"}
	inputs := []struct {
		name    string
		in      core.Inbound
		want    map[core.Lang]string
		validIn []string // states where the input is legitimate
	}{
		{"sticker", core.Inbound{Kind: core.KindUnsupported, Unsupported: "sticker"},
			map[core.Lang]string{core.Russian: "Такие сообщения я не читаю", core.Kazakh: "Мұндай хабарламаларды оқымаймын", core.English: "can't read that kind"}, nil},
		{"voice", core.Inbound{Kind: core.KindUnsupported, Unsupported: "voice"},
			map[core.Lang]string{core.Russian: "Такие сообщения", core.Kazakh: "Мұндай хабарламаларды", core.English: "can't read"}, nil},
		{"empty text", core.Inbound{Kind: core.KindText, Text: "   "},
			map[core.Lang]string{core.Russian: "Сообщение пустое", core.Kazakh: "Хабарлама бос", core.English: "message is empty"}, nil},
		{"too long", core.Inbound{Kind: core.KindText, Text: long},
			map[core.Lang]string{core.Russian: "слишком длинное: 4097", core.Kazakh: "тым ұзын: 4097", core.English: "too long: 4097"}, nil},
		{"unknown command", core.Inbound{Kind: core.KindCommand, Command: "fly"},
			map[core.Lang]string{core.Russian: "Не знаю команду /fly", core.Kazakh: "/fly командасын білмеймін", core.English: "don't know the command /fly"}, nil},
		{"forged pick", core.Inbound{Kind: core.KindButton, Data: "pick:99"},
			map[core.Lang]string{core.Russian: "кнопка уже неактивна", core.Kazakh: "батырма енді белсенді емес", core.English: "no longer active"}, nil},
		{"unknown district", core.Inbound{Kind: core.KindButton, Data: "sub:krg-d99"},
			map[core.Lang]string{core.Russian: "неактивна", core.Kazakh: "белсенді емес", core.English: "no longer active"}, nil},
		{"unknown language", core.Inbound{Kind: core.KindButton, Data: "lang:de"},
			map[core.Lang]string{core.Russian: "неактивна", core.Kazakh: "белсенді емес", core.English: "no longer active"}, nil},
		{"consent out of place", core.Inbound{Kind: core.KindButton, Data: "consent:yes"}, stale, []string{"consent"}},
		{"over-long payload", core.Inbound{Kind: core.KindButton, Data: "m:" + strings.Repeat("x", 70)},
			map[core.Lang]string{core.Russian: "неактивна", core.Kazakh: "белсенді емес", core.English: "no longer active"}, nil},
		{"garbage payload", core.Inbound{Kind: core.KindButton, Data: ":::"},
			map[core.Lang]string{core.Russian: "неактивна", core.Kazakh: "белсенді емес", core.English: "no longer active"}, nil},
		{"menu item pressed out of place", core.Inbound{Kind: core.KindButton, Data: "m:find"}, stale, []string{"menu", "find", "pick"}},
		{"unknown menu item", core.Inbound{Kind: core.KindButton, Data: "m:admin"},
			map[core.Lang]string{core.Russian: "неактивна", core.Kazakh: "белсенді емес", core.English: "no longer active"}, nil},
		{"pick with a forged generation", core.Inbound{Kind: core.KindButton, Data: "pick:999:d:krg-d01"},
			map[core.Lang]string{core.Russian: "неактивна", core.Kazakh: "белсенді емес", core.English: "no longer active"}, nil},
	}
	states := []struct {
		name  string
		setup func(h *harness)
	}{
		{"language", func(h *harness) { h.command("language") }},
		{"consent", func(h *harness) { h.command("privacy") }},
		{"menu", func(h *harness) {}},
		{"find", func(h *harness) { h.press("m:find") }},
		{"pick", func(h *harness) { h.press("m:find"); h.text("Степной 35") }},
	}
	for _, lang := range []core.Lang{core.Russian, core.Kazakh, core.English} {
		for _, st := range states {
			for _, in := range inputs {
				t.Run(string(lang)+"/"+st.name+"/"+in.name, func(t *testing.T) {
					h := newHarness(t)
					h.onboard(lang, true)
					st.setup(h)
					if slices.Contains(in.validIn, st.name) {
						t.Skip("a legitimate input in this state")
					}
					before := h.session()
					r := h.send(in.in)
					mustContain(t, r, in.want[lang])
					if pending, _ := h.db.Pending(t.Context()); len(pending) != 0 {
						t.Errorf("update left pending: %+v", pending)
					}
					after := h.session()
					if after.Conversation.State != before.Conversation.State ||
						after.Conversation.Gen != before.Conversation.Gen ||
						after.Resident.HomeDistrict != before.Resident.HomeDistrict ||
						len(after.Resident.Subscriptions) != len(before.Resident.Subscriptions) {
						t.Errorf("session changed:\nbefore %+v\nafter  %+v", before, after)
					}
				})
			}
		}
	}
}

func TestOnboardingGuardsTheMenu(t *testing.T) {
	h := newHarness(t)
	// A menu button from nowhere, before any language is chosen.
	r := h.press("m:find")
	mustContain(t, r, "Choose your language")
	if s := h.session(); s.Conversation.State != "language" {
		t.Fatalf("state %q, want language", s.Conversation.State)
	}
	h.press("lang:kk")
	// Typing instead of answering the consent question.
	r = h.text("Ерубаева 15")
	mustContain(t, r, "батырмамен жауап беріңізші")
	r = h.command("menu")
	mustContain(t, r, "Бастамас бұрын")
	if s := h.session(); s.Conversation.State != "consent" {
		t.Fatalf("state %q, want consent", s.Conversation.State)
	}
}

func TestLanguageTypedAsText(t *testing.T) {
	h := newHarness(t)
	h.text("hello")
	r := h.text("Қазақша")
	mustContain(t, r, "Тіл: қазақша.")
	if s := h.session(); s.Resident.Lang != core.Kazakh {
		t.Fatalf("lang = %q, want kk", s.Resident.Lang)
	}
}

func TestEmergencyComesFirstInEveryState(t *testing.T) {
	tests := []struct {
		lang  core.Lang
		text  string
		setup func(h *harness)
		want  string
	}{
		{core.Russian, "Помогите, у него нож!", func(h *harness) {}, "🚨 Если вам или кому-то угрожает опасность, звоните сейчас: 102"},
		{core.Kazakh, "көмектесіңдер", func(h *harness) { h.press("m:find") }, "🚨 Сізге немесе басқа біреуге қауіп төніп тұрса"},
		{core.English, "someone is breaking in, help", func(h *harness) { h.press("m:find"); h.text("Степной 35") }, "🚨 If you or someone else is in danger, call now: 102"},
		{core.Russian, "УБИВАЮТ", func(h *harness) { h.command("privacy") }, "звоните сейчас: 102"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			h := newHarness(t)
			h.onboard(tt.lang, true)
			tt.setup(h)
			r := h.text(tt.text)
			if len(r) == 0 || !strings.Contains(r[0].Text, tt.want) || !strings.Contains(r[0].Text, "112") {
				t.Fatalf("first reply = %q, want the emergency numbers", texts(r))
			}
		})
	}
	// Before any language is chosen, the app's language is used.
	h := newHarness(t)
	r := h.send(core.Inbound{Kind: core.KindText, Text: "помогите", LangHint: core.Russian})
	if len(r) < 2 || !strings.Contains(r[0].Text, "102") || !strings.Contains(r[1].Text, "Выберите язык") {
		t.Fatalf("newcomer emergency replies = %q", texts(r))
	}
}

func TestCommandsWorkInEveryState(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.English, true)
	h.press("m:find")
	h.text("Stepnoy 35")

	mustContain(t, h.command("help"), "/language")
	if s := h.session(); s.Conversation.State != "find_pick" {
		t.Fatalf("help changed the state to %q", s.Conversation.State)
	}
	mustContain(t, h.command("cancel"), "Cancelled.", "How can I help?")
	if s := h.session(); s.Conversation.State != "menu" {
		t.Fatalf("after cancel: %+v", s.Conversation)
	}
	mustContain(t, h.command("language"), "Choose your language")
	mustContain(t, h.press("lang:ru"), "Язык: русский.", "Чем могу помочь?")
	mustNotContain(t, h.command("menu"), "Бот хранит")
}

func TestEmergencyNumbersMenu(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Kazakh, false)
	mustContain(t, h.press("m:emergency"), "Шұғыл нөмірлер", "102 — ", "112 — ")
	mustContain(t, h.press("m:report"), "/privacy")                // reporting needs consent
	mustContain(t, h.press("m:poll"), "келісім қажет", "/privacy") // so do polls
}
