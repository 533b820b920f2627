package flows_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
)

func TestResidentAnswersANotice(t *testing.T) {
	h := newHarness(t)
	chief := h.as(chiefNovyGorod)
	chief.onboard(core.Russian, true)
	sendNotice(t, chief, "p:krg-p1", "Собрание жителей в четверг.")

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
	// A duty desk is staffed day and night: the answer is not held back
	// for quiet hours.
	if duty := p.DutyChat != 0; it.Group != duty || it.Urgent != duty {
		t.Errorf("answer to %s: group %v, urgent %v; want both %v", it.Chat.ID, it.Group, it.Urgent, duty)
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

// TestOnlyTheAudienceMayAnswerANotice forges answer buttons: a resident may
// answer only a notice that is not cancelled and that went to a district
// they subscribe to or live in.
func TestOnlyTheAudienceMayAnswerANotice(t *testing.T) {
	h := newHarness(t)
	north := h.as(chiefNovyGorod)
	north.onboard(core.English, true)
	south := h.as(chiefYugoVostok)
	south.onboard(core.English, true)
	sendNotice(t, north, "p:krg-p1", "Meeting on Thursday.")          // №1, districts 01–04
	sendNotice(t, south, "p:krg-p2", "Water off on Friday.")          // №2, districts 05–08
	sendNotice(t, north, "p:krg-p1", "Cancelled before it mattered.") // №3
	mustContain(t, north.press("nx:3"), "Notice #3 is cancelled")

	// Lives in district 02, subscribes to nothing.
	home := h.as(1001)
	home.onboard(core.English, true)
	home.location(49.8250, 73.0880)
	// Subscribes to district 05, has never looked a place up.
	subscriber := h.as(1002)
	subscriber.onboard(core.English, true)
	subscriber.press("sub:krg-d05")
	// Declined: stores nothing, so is in no audience.
	declined := h.as(1003)
	declined.onboard(core.English, false)

	tests := []struct {
		name   string
		chat   *harness
		notice string
		ok     bool
	}{
		{"home district", home, "1", true},
		{"another precinct's notice", home, "2", false},
		{"cancelled notice", home, "3", false},
		{"no such notice", home, "99", false},
		{"malformed", home, "x", false},
		{"subscribed district", subscriber, "2", true},
		{"neither home nor subscribed", subscriber, "1", false},
		{"declined resident", declined, "1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.chat.press("m:home")
			r := tt.chat.press("na:" + tt.notice)
			c := tt.chat.session().Conversation
			if tt.ok {
				mustContain(t, r, "Write your answer")
				if c.State != "answer" || fmt.Sprint(c.AnswerTo) != tt.notice {
					t.Errorf("conversation %+v, want answering notice %s", c, tt.notice)
				}
				return
			}
			mustContain(t, r, "no longer active")
			if c.State != "menu" || c.AnswerTo != 0 {
				t.Errorf("conversation %+v, want the menu", c)
			}
		})
	}

	// The subscriber answers notice 2: krg-p2 has no duty chat, so it goes
	// to its chief's private chat and waits out quiet hours.
	subscriber.press("na:2")
	mustContain(t, subscriber.text("I will fill the bathtub."), "Thank you")
	items, err := h.db.PendingOutbox(context.Background(), 0, 10)
	if err != nil || len(items) != 1 {
		t.Fatalf("outbox = %+v, %v; want the answer", items, err)
	}
	if h.city.Precinct("krg-p2").DutyChat != 0 {
		t.Fatal("the example's krg-p2 has a duty chat; this test needs a precinct without one")
	}
	if it := items[0]; it.Chat.ID != fmt.Sprint(chiefYugoVostok) || it.Group || it.Urgent {
		t.Errorf("answer = %+v, want it to the chief's private chat, not urgent", it)
	}
}

// TestAnswerToANoticeCancelledMeanwhile cancels a notice while a resident
// writes their answer: it is not passed on.
func TestAnswerToANoticeCancelledMeanwhile(t *testing.T) {
	h := newHarness(t)
	chief := h.as(chiefNovyGorod)
	chief.onboard(core.Russian, true)
	sendNotice(t, chief, "p:krg-p1", "Собрание жителей в четверг.")

	h.onboard(core.Russian, true)
	h.press("sub:krg-d03")
	mustContain(t, h.press("na:1"), "Напишите ответ")
	mustContain(t, chief.press("nx:1"), "Оповещение №1 отменено")
	mustContain(t, h.text("Приду."), "больше нельзя ответить", "Ответ не отправлен")
	if c := h.session().Conversation; c.State != "menu" || c.AnswerTo != 0 {
		t.Errorf("conversation %+v, want the menu", c)
	}
	if items, _ := h.db.PendingOutbox(context.Background(), 0, 10); len(items) != 0 {
		t.Errorf("outbox = %+v, want nothing passed on", items)
	}
}
