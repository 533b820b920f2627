package flows_test

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
)

const inspectorD01 = 5000000000000011 // s-i01

// seedAnswers stores n finished answer sets for district, each answering
// the safety poll's scale with value and "yes" to knowing the inspector.
func (h *harness) seedAnswers(poll, district string, n, value int) {
	h.t.Helper()
	sets := make([]core.AnswerSet, n)
	for i := range sets {
		sets[i] = core.AnswerSet{Poll: poll, Key: fmt.Sprintf("%s-%s-%d", poll, district, i), TextKey: fmt.Sprintf("t-%s-%d", district, i), District: district, Done: true,
			Started: h.now, Updated: h.now, Answers: []core.Answer{
				{Q: 0, Value: value}, {Q: 1, Options: 0b01}, {Q: 2, Options: 0b001}, {Q: 3, Options: 0b011}, {Q: 4, Text: "Свет во дворе"},
			}}
	}
	if err := h.db.SaveAnswers(context.Background(), sets...); err != nil {
		h.t.Fatal(err)
	}
}

func TestChiefSeesTheirPrecinctsResults(t *testing.T) {
	h := newHarness(t)
	prev := safetyPoll("s0", pollOpens.AddDate(0, -6, 0), pollOpens.AddDate(0, -5, 0))
	prev.Title = core.Text{core.Russian: "Весенний опрос", core.Kazakh: "Көктемгі сауалнама", core.English: "Spring poll"}
	h.withPoll(prev).withPoll(safetyPoll("s1", pollOpens, pollCloses))
	h.seedAnswers("s0", "krg-d02", 6, 2)
	h.seedAnswers("s1", "krg-d02", 7, 4)  // shown on its own
	h.seedAnswers("s1", "krg-d03", 3, 1)  // too few to show alone
	h.seedAnswers("s1", "krg-d05", 20, 5) // another precinct

	chief := h.as(chiefNovyGorod)
	chief.onboard(core.Russian, true)
	r := chief.command("polls")
	mustContain(t, r, "Опросы о безопасности", "Безопасность двора (s1)", "идёт", "Весенний опрос (s0)", "завершён")
	got := buttons(r)
	for _, want := range []string{"pr:s1", "pi:s1", "pr:s0"} {
		if !contains(got, want) {
			t.Errorf("buttons %v: want %s", got, want)
		}
	}
	if contains(got, "pi:s0") {
		t.Errorf("buttons %v: a closed poll cannot be invited to", got)
	}

	r = chief.press("pr:s1")
	mustContain(t, r,
		"Итоги опроса «Безопасность двора»", "Новый город",
		"Ответили: 7 (до конца: 7)",
		"Участок №2", "— 7",
		// District 03's three count nowhere: the precinct minus district
		// 02 would show them.
		"Не учтены ответы 3 чел.",
		"участков, где ответили меньше 5 человек: 1",
		"Изменения с прошлого опроса «Весенний опрос»", "«Безопасно ли ночью?» ▲ +",
		"Средняя оценка: 4.0 из 5",
		"По сравнению с опросом «Весенний опрос»:",
		"Письменных ответов: 7", "«Свет во дворе»")
	mustNotContain(t, r, "Участок №5", "— 20", "Участок №3")
	images := 0
	for _, reply := range r {
		if reply.Image == nil {
			continue
		}
		images++
		if _, err := png.Decode(bytes.NewReader(reply.Image)); err != nil {
			t.Errorf("chart of %q does not decode: %v", reply.Text, err)
		}
	}
	if images != 4 { // every question but the free text
		t.Errorf("%d charts, want 4", images)
	}
	// A forged scope changes nothing for a chief.
	mustNotContain(t, chief.press("pr:s1:krg-p2"), "— 20")

	// The other precinct's chief sees their own.
	other := h.as(chiefYugoVostok)
	other.onboard(core.English, true)
	mustContain(t, other.press("pr:s1"), "Respondents: 20 (finished: 20)", "Mean score: 5.0 of 5")
}

func TestPollResultsNeedEnoughRespondentsAndTheRightRole(t *testing.T) {
	h := newHarness(t).withPoll(safetyPoll("s1", pollOpens, pollCloses))
	h.seedAnswers("s1", "krg-d02", 4, 3)

	chief := h.as(chiefNovyGorod)
	chief.onboard(core.Russian, true)
	mustContain(t, chief.send(core.Inbound{Kind: core.KindCommand, Command: "pollresults", Text: "s1"}), "ответили 4 чел.", "не меньше 5 человек")

	insp := h.as(inspectorD01)
	insp.onboard(core.Russian, true)
	mustContain(t, insp.press("pr:s1"), "Итоги опросов видят начальники")

	resident := h.resident(core.Russian)
	mustContain(t, resident.command("pollresults"), "для сотрудников полиции")
	mustContain(t, resident.press("pr:s1"), "Итоги опросов видят начальники")

	admin := h.as(adminKRG)
	admin.onboard(core.English, true)
	r := admin.press("pr:s1")
	mustContain(t, r, "for the whole city or one precinct?")
	if got := buttons(r); !contains(got, "pr:s1:*") || !contains(got, "pr:s1:krg-p2") {
		t.Errorf("admin's scope buttons %v", got)
	}
	h.seedAnswers("s1", "krg-d06", 5, 2)
	// District 02's four are left out even of the city's figures: the
	// city minus precinct 2 would show them.
	mustContain(t, admin.press("pr:s1:*"), "Karaganda", "Respondents: 5", "Answers of 4 people", "left out")
	mustContain(t, admin.press("pr:s1:krg-p1"), "4 people answered", "at least 5")
	mustContain(t, admin.press("pr:s1:nowhere"), "Nothing was changed")
}

func TestChiefInvitesTheirPrecinctToAPoll(t *testing.T) {
	h := newHarness(t).withPoll(safetyPoll("s1", pollOpens, pollCloses))
	h.resident(core.Russian).press("sub:krg-d02")

	chief := h.as(chiefNovyGorod)
	chief.onboard(core.Russian, true)
	r := chief.press("pi:s1")
	if got := buttons(r); contains(got, chief.draftData("nt", "city")) || contains(got, chief.draftData("nt", "p:krg-p2")) {
		t.Fatalf("target buttons %v: want only the chief's own precinct", got)
	}
	r = chief.press(payload(t, r, "nt", "p:krg-p1"))
	// No text to write and no urgency: the poll's invitation goes once.
	if got := buttons(r); contains(got, chief.draftData("nw", "cron")) || !contains(got, chief.draftData("nw", "now")) {
		t.Fatalf("when buttons %v: want now and at, not a schedule", got)
	}
	mustContain(t, chief.press(chief.draftData("nw", "cron")), "кнопка уже неактивна")
	r = chief.press(chief.draftData("nw", "now"))
	mustContain(t, r, "Приглашение на опрос «Безопасность двора»", "1")
	chief.press(payload(t, r, "nc", "send"))
	notices, err := h.db.Notices(context.Background())
	if err != nil || len(notices) != 1 {
		t.Fatalf("notices %v, %v", notices, err)
	}
	if n := notices[0]; n.Poll != "s1" || len(n.Districts) != 4 || n.Author != "s-c1" {
		t.Errorf("stored invitation %+v", n)
	}

	// A poll for some districts only invites those.
	p := safetyPoll("s2", pollOpens, pollCloses)
	p.Districts = []string{"krg-d02", "krg-d05"}
	h.withPoll(p)
	r = chief.press("pi:s2")
	r = chief.press(payload(t, r, "nt", "pick"))
	if got := buttons(r); !contains(got, chief.draftData("nd", "krg-d02")) || contains(got, chief.draftData("nd", "krg-d01")) {
		t.Errorf("district buttons %v: want only district 02", got)
	}
	// Closed polls take no invitations.
	h.now = pollCloses
	mustContain(t, chief.press("pi:s1"), "Опрос уже закрыт")
}
