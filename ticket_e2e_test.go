package main

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/go-telegram/bot/models"
)

const (
	inspectorD02 = 5000000000000012 // s-i02
	dutyChatP1   = -1005000000000001
)

// reportKk files a report in Kazakh about district 02 through the bot.
func reportKk(t *testing.T, r *resident, anonymous bool) []emulator.Sent {
	t.Helper()
	return reportKkAt(t, r, anonymous, 49.8250, 73.0880, "📍 №2 учаске")
}

// reportKkAt files a report in Kazakh about a point.
func reportKkAt(t *testing.T, r *resident, anonymous bool, lat, lon float64, place string) []emulator.Sent {
	t.Helper()
	msgs := r.say("/start", 1)
	msgs = r.press(msgs[0], "Қазақша", 2)
	msgs = r.press(msgs[1], "✅ Келісемін", 2)
	msgs = r.press(msgs[1], "📝 Мәселе туралы хабарлау", 1)
	msgs = r.press(msgs[0], "Пәтер ұрлығы", 1)
	mustSay(t, msgs, "Не болғанын сипаттаңыз")
	msgs = r.say("Көршінің есігі ашық тұр, ішінде ешкім жоқ.", 1)
	mustSay(t, msgs, "Бұл қай жерде?")
	msgs = r.shareLocation(lat, lon, 2)
	mustSay(t, msgs, place)
	msgs = r.press(msgs[1], "Фотосыз", 1)
	anon := "👤 Менің атыммен"
	if anonymous {
		anon = "🕶 Жасырын"
	}
	msgs = r.press(msgs[0], anon, 1)
	mustSay(t, msgs, "Өтінішті тексеріңіз")
	return r.press(msgs[0], "✅ Жіберу", 1)
}

// TestEndToEndTicket: a resident reports in Kazakh; the inspector, in
// Russian, accepts, replies and resolves; the resident answers, says it is
// not solved (reopening it), and after a second resolution rates it. The
// report is anonymous, and nothing staff receive reveals the reporter.
func TestEndToEndTicket(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	srv.AddChat(models.Chat{ID: dutyChatP1, Type: models.ChatTypeSupergroup, Title: "Duty desk"})
	startBot(t, srv, filepath.Join(t.TempDir(), "beatbot.db"), nil)

	insp := newResident(t, srv, inspectorD02, "ru")
	onboardRu(t, insp)
	res := &resident{t: t, srv: srv, user: models.User{ID: 701, FirstName: "Айгерім", LastName: "Сәтбаева", LanguageCode: "kk"}}

	mustSay(t, reportKk(t, res, true), "KRG-0001 өтінішіңіз тіркелді")
	card := insp.expect(2) // the pin and the card
	mustSay(t, card, "KRG-0001", "Квартирная кража", "аноним")
	msgs := insp.press(card[1], "✅ Принять", 1)
	mustSay(t, msgs, "Вы приняли KRG-0001")
	mustSay(t, res.expect(1), "Полиция KRG-0001 өтінішіңізді жұмысқа алды")

	insp.press(card[1], "💬 Ответить", 1)
	mustSay(t, insp.say("Какой номер квартиры?", 1), "Ответ по KRG-0001 отправлен")
	reply := res.expect(1)
	mustSay(t, reply, "полицияның жауабы", "Какой номер квартиры?")
	res.press(reply[0], "✉️ Жауап беру", 1)
	mustSay(t, res.say("14-пәтер.", 1), "полиция қызметкеріне жіберілді")
	mustSay(t, insp.expect(1), "14-пәтер.")

	insp.press(card[1], "✔️ Решено", 1)
	insp.say("Проведена беседа.", 1)
	verdict := res.expect(1)
	mustSay(t, verdict, "Мәселе шешілді ме?")
	mustSay(t, res.press(verdict[0], "👎 Жоқ, шешілмеді", 1), "қайта ашылды")
	mustSay(t, insp.expect(2), "KRG-0001") // the card again, reopened

	insp.press(card[1], "✔️ Решено", 1)
	insp.say("Замок заменён.", 1)
	verdict = res.expect(1)
	rate := res.press(verdict[0], "👍 Иә, шешілді", 1)
	mustSay(t, res.press(rate[0], "5", 1), "Бағаңызға рахмет")

	// Nothing any staff chat received names the reporter.
	for _, chat := range []int64{inspectorD02, dutyChatP1} {
		for _, m := range srv.Sent(chat) {
			for _, leak := range []string{"Айгерім", "Сәтбаева", "701"} {
				if strings.Contains(m.Text, leak) {
					t.Errorf("staff chat %d got %q, which reveals %q", chat, m.Text, leak)
				}
			}
		}
	}
}

// TestCrashAfterConfirmLosesNothing kills the bot process with SIGKILL the
// moment the resident is told their ticket's number; after a restart the
// ticket exists and reaches its inspector.
func TestCrashAfterConfirmLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the bot binary")
	}
	bin := buildBot(t)
	data := filepath.Join(t.TempDir(), "beatbot.db")
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	srv.AddChat(models.Chat{ID: dutyChatP1, Type: models.ChatTypeSupergroup, Title: "Duty desk"})
	// The first delivery to staff (the ticket's pin) is answered with a
	// long 429, which pauses the whole outbox: when the process dies, only
	// the stored ticket can bring the card to the inspector.
	srv.FailNext("sendVenue", 1, emulator.Fault{Code: 429, RetryAfter: 120})
	p := startProcess(t, bin, defaultConfig, data, srv)
	res := &resident{t: t, srv: srv, user: models.User{ID: 702, FirstName: "R", LanguageCode: "kk"}}
	mustSay(t, reportKk(t, res, false), "KRG-0001")
	// Kill once the outbox has met the 429, so the fault is used up.
	wctx, wcancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer wcancel()
	if err := srv.Wait(wctx, func(calls []emulator.Call) bool { return countMethodCalls(calls, "sendVenue") > 0 }); err != nil {
		t.Fatalf("the outbox never tried the pin: %v", err)
	}
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	p.cmd.Wait()
	if got := len(srv.Sent(inspectorD02)); got != 0 {
		t.Fatalf("the inspector got %d messages before the crash; the test needs the outbox paused", got)
	}

	p = startProcess(t, bin, defaultConfig, data, srv)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	msgs, err := srv.WaitSent(ctx, inspectorD02, 2)
	if err != nil {
		t.Fatalf("the inspector never got the ticket: %v; log:\n%s", err, p.out.String())
	}
	mustSay(t, msgs, "KRG-0001")
	p.cmd.Process.Signal(syscall.SIGTERM)
	p.cmd.Wait()

	db, err := storage.Open(data, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tk, err := db.Ticket(context.Background(), 1)
	if err != nil || tk.Status != core.TicketNew || tk.Assignee != "s-i02" {
		t.Errorf("ticket = %+v, %v", tk, err)
	}
	if all, _ := db.AllTickets(context.Background()); len(all) != 1 {
		t.Errorf("%d tickets, want exactly 1", len(all))
	}
}

func countMethodCalls(calls []emulator.Call, method string) int {
	n := 0
	for _, c := range calls {
		if c.Method == method {
			n++
		}
	}
	return n
}

// TestEndToEndRoutingToADeputy: the inspector of district 04 is on leave
// in the example city, so a report about it reaches their deputy, the
// inspector of district 03, and not them.
func TestEndToEndRoutingToADeputy(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	srv.AddChat(models.Chat{ID: dutyChatP1, Type: models.ChatTypeSupergroup, Title: "Duty desk"})
	// The example's leave ends on a real date; this test must not.
	config := exampleConfig(t, map[string]string{"away_until: 2026-12-15": "away_until: 2099-12-31"})
	startBotWith(t, srv, filepath.Join(t.TempDir(), "beatbot.db"), nil, config)
	const deputy, away = 5000000000000013, 5000000000000014 // s-i03, s-i04
	res := &resident{t: t, srv: srv, user: models.User{ID: 703, FirstName: "R", LanguageCode: "kk"}}
	mustSay(t, reportKkAt(t, res, false, 49.8250, 73.1450, "📍 №4 учаске"), "KRG-0001")
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	msgs, err := srv.WaitSent(ctx, deputy, 2)
	if err != nil {
		t.Fatalf("the deputy never got the ticket: %v", err)
	}
	mustSay(t, msgs, "KRG-0001")
	if got := srv.Sent(away); len(got) != 0 {
		t.Errorf("the inspector on leave got %d messages", len(got))
	}
}
