package flows_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// Inspectors of the example city.
const (
	inspectorD02 = 5000000000000012 // s-i02, krg-d02
	inspectorD03 = 5000000000000013 // s-i03, krg-d03, deputy of s-i04 (away)
	inspectorD05 = 5000000000000015 // s-i05, krg-d05 in precinct krg-p2
)

// report walks a resident through the report flow: category, text, a
// point in district 02, one photo, anonymity, and confirmation.
func (h *harness) report(anonymous bool, lat, lon float64) []core.Reply {
	h.t.Helper()
	h.press("m:report")
	h.press("rc:burglary")
	h.text("Ночью вскрыли дверь соседней квартиры, сейчас там никого.")
	h.location(lat, lon)
	h.photo("photo-file-1")
	h.press("rf:done")
	if anonymous {
		h.press("ra:yes")
	} else {
		h.press("ra:no")
	}
	return h.press("rs:send")
}

func (h *harness) ticket(id uint64) core.Ticket {
	h.t.Helper()
	tk, err := h.db.Ticket(context.Background(), id)
	if err != nil {
		h.t.Fatal(err)
	}
	return tk
}

// outboxTo returns the texts queued to a chat.
func (h *harness) outboxTo(chat int64) []core.OutboxItem {
	h.t.Helper()
	items, err := h.db.PendingOutbox(context.Background(), 0, 1000)
	if err != nil {
		h.t.Fatal(err)
	}
	var out []core.OutboxItem
	for _, it := range items {
		if it.Chat.ID == fmt.Sprint(chat) {
			out = append(out, it)
		}
	}
	return out
}

func textsOf(items []core.OutboxItem) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString(it.Reply.Text + "\n")
	}
	return b.String()
}

func TestReportIsRoutedToTheDistrictInspector(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Russian, true)

	r := h.press("m:report")
	if got := buttons(r); len(got) < 9 || got[0] != "rc:burglary" {
		t.Fatalf("category buttons = %v", got)
	}
	mustContain(t, h.press("rc:burglary"), "Опишите, что случилось")
	mustContain(t, h.text("Ночью вскрыли дверь соседней квартиры."), "Где это?")
	mustContain(t, h.location(49.8250, 73.0880), "📍 Участок №2", "до 5 фото")
	mustContain(t, h.send(core.Inbound{Kind: core.KindUnsupported, Unsupported: "document"}), "Файлы не принимаются")
	mustContain(t, h.photo("photo-file-1"), "Фото добавлено (1 из 5)")
	mustContain(t, h.press("rf:done"), "Отправить анонимно?")
	mustContain(t, h.press("ra:no"), "Проверьте обращение", "Квартирная кража", "Фото: 1", "Анонимно: нет")
	r = h.press("rs:send")
	mustContain(t, r, "Ваше обращение KRG-0001 зарегистрировано", "12 ч")

	tk := h.ticket(1)
	if tk.Assignee != "s-i02" || tk.Status != core.TicketNew || tk.District != "krg-d02" || tk.Reporter != h.chat || len(tk.Photos) != 1 {
		t.Fatalf("ticket = %+v", tk)
	}
	card := h.outboxTo(inspectorD02)
	if len(card) != 3 { // photo, pin, card
		t.Fatalf("items to the inspector = %+v, want photo, pin and card", card)
	}
	last := card[len(card)-1]
	for _, want := range []string{"KRG-0001", "Квартирная кража", "вскрыли дверь", "Aigerim Test"} {
		if !strings.Contains(last.Reply.Text, want) {
			t.Errorf("card %q lacks %q", last.Reply.Text, want)
		}
	}
	if last.Priority != core.PriorityUrgent || !slices.Contains(buttons([]core.Reply{last.Reply}), "tk:a:1") {
		t.Errorf("card item = %+v, want urgent with an accept button", last)
	}
	if duty := h.outboxTo(-1005000000000001); len(duty) == 0 || len(duty[len(duty)-1].Reply.Buttons) != 0 {
		t.Errorf("duty chat copy = %+v, want the card without buttons", duty)
	}
	mustContain(t, h.press("m:mine"), "KRG-0001 · новое")
}

func TestAnonymousReportRevealsNothingToStaff(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Kazakh, true)
	h.report(true, 49.8250, 73.0880)
	for _, chat := range []int64{inspectorD02, -1005000000000001} {
		for _, it := range h.outboxTo(chat) {
			if strings.Contains(it.Reply.Text, "Aigerim") || strings.Contains(it.Reply.Text, h.chat.ID) {
				t.Errorf("staff message reveals the reporter: %q", it.Reply.Text)
			}
		}
	}
	if !strings.Contains(textsOf(h.outboxTo(inspectorD02)), "аноним") {
		t.Errorf("card does not say the report is anonymous: %s", textsOf(h.outboxTo(inspectorD02)))
	}
}

func TestTicketConversation(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Kazakh, true)
	h.report(true, 49.8250, 73.0880)
	insp := h.as(inspectorD02)
	insp.onboard(core.Russian, true)

	mustContain(t, insp.press("tk:a:1"), "Вы приняли KRG-0001")
	mustContain(t, insp.press("tk:a:1"), "уже в статусе «принято»")
	if !strings.Contains(textsOf(h.outboxTo(1001)), "жұмысқа алды") {
		t.Errorf("resident not told in Kazakh of the acceptance: %s", textsOf(h.outboxTo(1001)))
	}
	mustContain(t, insp.press("tk:r:1"), "Напишите ответ жителю по KRG-0001")
	mustContain(t, insp.text("Уточните, пожалуйста, номер квартиры."), "Ответ по KRG-0001 отправлен")
	relay := h.outboxTo(1001)
	if last := relay[len(relay)-1]; !strings.Contains(last.Reply.Text, "номер квартиры") || !slices.Contains(buttons([]core.Reply{last.Reply}), "ta:1") {
		t.Fatalf("relay to the resident = %+v", last)
	}
	if strings.Contains(textsOf(relay), "Sample") || strings.Contains(textsOf(relay), "5000000000000012") {
		t.Errorf("relay reveals the inspector's account: %s", textsOf(relay))
	}

	mustContain(t, h.press("ta:1"), "KRG-0001 бойынша жауабыңызды жазыңыз")
	mustContain(t, h.text("Пәтер 14."), "полиция қызметкеріне жіберілді")
	if !strings.Contains(textsOf(h.outboxTo(inspectorD02)), "Пәтер 14.") {
		t.Errorf("answer not relayed to the inspector")
	}

	insp.press("tk:s:1")
	mustContain(t, insp.text("Проведена беседа, дверь осмотрена."), "KRG-0001 отмечено как решённое")
	if got := h.ticket(1).Status; got != core.TicketResolved {
		t.Fatalf("status %s, want resolved", got)
	}
	mustContain(t, h.press("tv:1:n"), "қайта ашылды")
	if got := h.ticket(1).Status; got != core.TicketReopened {
		t.Fatalf("status %s, want reopened", got)
	}
	insp.press("tk:s:1")
	insp.text("Замок заменён.")
	r := h.press("tv:1:y")
	mustContain(t, r, "бағалаңыз")
	mustContain(t, h.press("tq:1:5"), "Бағаңызға рахмет")
	mustContain(t, h.press("tq:1:4"), "белсенді емес") // rated once
	tk := h.ticket(1)
	if tk.Rating != 5 || tk.Solved == nil || !*tk.Solved {
		t.Errorf("ticket = %+v, want solved and rated 5", tk)
	}
	var actions []string
	for _, e := range tk.History {
		actions = append(actions, e.Action)
	}
	want := []string{"created", "accepted", "replied", "answered", "resolved", "reopened", "resolved", "confirmed_solved", "rated"}
	if !slices.Equal(actions, want) {
		t.Errorf("history = %v, want %v", actions, want)
	}
}

func TestOnlyTheRightStaffMayActOnATicket(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Russian, true)
	h.report(false, 49.8250, 73.0880)

	outsiders := map[string]int64{
		"the reporter":                 1001,
		"another precinct's inspector": inspectorD05,
		"another precinct's chief":     chiefYugoVostok,
		"a neighbouring inspector":     inspectorD03,
	}
	for name, id := range outsiders {
		t.Run(name, func(t *testing.T) {
			who := h.as(id)
			if id != 1001 {
				who.onboard(core.English, true)
			}
			for _, data := range []string{"tk:a:1", "tk:r:1", "tk:s:1", "tk:x:1", "tk:t:1", "tk:o:1", "tk:g:1", "tk:e:1", "tk:b:1", "tt:1:krg-d05", "tr:1:s-i03", "tx:1:false"} {
				r := who.press(data)
				if texts := texts(r); !strings.Contains(texts, "cannot act") && !strings.Contains(texts, "не можете работать") {
					t.Errorf("%s pressing %s got %q", name, data, texts)
				}
			}
			if tk := h.ticket(1); tk.Status != core.TicketNew || tk.Assignee != "s-i02" {
				t.Errorf("ticket changed: %+v", tk)
			}
		})
	}
	// The chief of the ticket's precinct may.
	chief := h.as(chiefNovyGorod)
	chief.onboard(core.English, true)
	mustContain(t, chief.press("tk:a:1"), "You accepted KRG-0001")
	mustContain(t, chief.press("tk:a:999"), "no ticket 999")
	mustContain(t, chief.press("tk:zz:1"), "no longer active")
}

func TestTransferRejectAndBlock(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.English, true)
	h.report(false, 49.8250, 73.0880)
	insp := h.as(inspectorD02)
	insp.onboard(core.English, true)

	r := insp.press("tk:t:1")
	if !slices.Contains(buttons(r), "tt:1:krg-d05") {
		t.Fatalf("transfer choices = %v", buttons(r))
	}
	mustContain(t, insp.press("tt:1:krg-d05"), "KRG-0001 transferred")
	tk := h.ticket(1)
	if tk.Assignee != "s-i05" || tk.Precinct != "krg-p2" || tk.Status != core.TicketNew {
		t.Fatalf("after transfer: %+v", tk)
	}
	if !strings.Contains(textsOf(h.outboxTo(inspectorD05)), "KRG-0001") {
		t.Errorf("new inspector did not get the card")
	}
	// The old inspector lost the ticket with the district.
	mustContain(t, insp.press("tk:a:1"), "cannot act")

	newInsp := h.as(inspectorD05)
	newInsp.onboard(core.English, true)
	mustContain(t, newInsp.press("tx:1:duplicate"), "KRG-0001 rejected")
	if !strings.Contains(textsOf(h.outboxTo(1001)), "a duplicate of another report") {
		t.Errorf("resident not told the reason: %s", textsOf(h.outboxTo(1001)))
	}

	// A second report, blocked by its precinct's chief.
	h.report(false, 49.8250, 73.0880)
	chief := h.as(chiefNovyGorod)
	chief.onboard(core.English, true)
	mustContain(t, chief.press("tk:b:2"), "reason for blocking")
	mustContain(t, chief.text("Repeated false reports."), "can no longer send reports")
	mustContain(t, h.press("m:report"), "not available to you")
	if r, _ := h.db.Resident(context.Background(), h.chat); r.Blocked == nil || r.Blocked.By != "s-c1" {
		t.Errorf("block = %+v", r.Blocked)
	}
	// The resident's own later activity does not undo the block.
	h.command("menu")
	if r, _ := h.db.Resident(context.Background(), h.chat); r.Blocked == nil {
		t.Error("block lost after the resident's next message")
	}
}

func TestRoutingToADeputyAndOutsideTheCity(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Russian, true)
	h.report(false, 49.8250, 73.1450) // krg-d04, whose inspector is away
	if got := h.ticket(1).Assignee; got != "s-i03" {
		t.Errorf("assignee %q, want the deputy s-i03", got)
	}
	h.report(false, 51.1694, 71.4491) // Astana: no district
	tk := h.ticket(2)
	if tk.District != "" || tk.Assignee == "" {
		t.Errorf("ticket outside the city = %+v, want routed to a precinct's chief", tk)
	}
	if s := h.city.StaffMember(tk.Assignee); s == nil || s.Role != core.RoleChief {
		t.Errorf("assignee %q, want a chief", tk.Assignee)
	}
}

func TestReportLimitsAndConsent(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.English, false)
	mustContain(t, h.press("m:report"), "not consented")

	h.command("privacy")
	h.press("consent:yes")
	for i := range h.city.Abuse.ReportsPerDay {
		if r := h.report(false, 49.8250, 73.0880); !strings.Contains(texts(r), "has been received") {
			t.Fatalf("report %d: %s", i+1, texts(r))
		}
		h.now = h.now.Add(time.Minute) // stay under the message rate limit
	}
	mustContain(t, h.press("m:report"), "daily limit of reports (5)")
	h.now = h.now.Add(25 * time.Hour)
	mustContain(t, h.press("m:report"), "What would you like to report?")
}

func TestEmergencyDuringAReport(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Russian, true)
	h.press("m:report")
	h.press("rc:disorder")
	r := h.text("Во дворе драка, у одного нож!")
	if len(r) == 0 || !strings.Contains(r[0].Text, "102") {
		t.Fatalf("first reply %q, want the emergency numbers", texts(r))
	}
	mustContain(t, r, "Где это?")
}

func TestStaffListsAndStats(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Russian, true)
	h.report(false, 49.8250, 73.0880)
	h.report(true, 49.8250, 73.0880)
	insp := h.as(inspectorD02)
	insp.onboard(core.Russian, true)
	insp.press("tk:a:1")
	r := insp.command("tickets")
	mustContain(t, r, "KRG-0001 · принято", "KRG-0002 · новое")
	mustContain(t, insp.send(core.Inbound{Kind: core.KindCommand, Command: "ticket", Text: "KRG-0002"}), "📋 KRG-0002")
	mustContain(t, insp.command("stats"), "для сотрудников") // inspectors see no statistics
	chief := h.as(chiefNovyGorod)
	chief.onboard(core.Russian, true)
	mustContain(t, chief.command("stats"), "Обращений: 2", "Квартирная кража: 2", "Медиана до принятия")
	mustContain(t, h.command("tickets"), "для сотрудников")
}

func TestMessageFloodIsThrottledButNotEmergencies(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.English, true)
	h.now = h.now.Add(time.Minute) // onboarding's messages are forgotten
	limit := h.city.Abuse.MessagesPerMinute
	for i := range limit {
		if r := h.command("help"); !strings.Contains(texts(r), "/language") {
			t.Fatalf("message %d of %d refused: %q", i+1, limit, texts(r))
		}
	}
	mustContain(t, h.command("help"), "Too many messages")
	if r := h.command("help"); len(r) != 0 {
		t.Errorf("second message over the limit answered: %q", texts(r))
	}
	mustContain(t, h.text("help, someone has a knife"), "call now: 102")
	h.now = h.now.Add(time.Minute)
	mustContain(t, h.command("help"), "/language")
}
