package main

import (
	"context"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/go-telegram/bot/models"
)

// onboardRu takes a resident through /start, Russian and consent, and
// returns the menu message.
func onboardRu(t *testing.T, r *resident) emulator.Sent {
	t.Helper()
	msgs := r.say("/start", 1)
	msgs = r.press(msgs[0], "Русский", 2)
	mustSay(t, msgs, "Язык: русский.", "Перед началом — о ваших данных")
	msgs = r.press(msgs[1], "✅ Даю согласие", 2)
	mustSay(t, msgs, "Согласие сохранено", "Чем могу помочь?")
	return msgs[1]
}

func TestEndToEndRussianByLocation(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	startBot(t, srv, filepath.Join(t.TempDir(), "beatbot.db"), nil)
	r := newResident(t, srv, 501, "ru")

	menu := onboardRu(t, r)
	msgs := r.press(menu, "👮 Мой участковый", 1)
	kb := msgs[0].ReplyMarkup
	if kb == nil || len(kb.Keyboard) != 1 || !kb.Keyboard[0][0].RequestLocation {
		t.Fatalf("find prompt markup = %+v, want a request_location keyboard", kb)
	}

	msgs = r.shareLocation(49.8250, 73.0880, 2)
	if msgs[0].Method != "sendVenue" || msgs[0].Venue == nil || msgs[0].Venue.Title != "Участковый пункт полиции «Новый город»" {
		t.Fatalf("first answer = %+v, want the precinct's venue", msgs[0])
	}
	if msgs[0].ReplyMarkup == nil || !msgs[0].ReplyMarkup.RemoveKeyboard {
		t.Errorf("venue markup = %+v, want the location keyboard removed", msgs[0].ReplyMarkup)
	}
	mustSay(t, msgs[1:], "Ваш участок: Участок №2", "Образец: Дмитрий Ковалёв", "+7 7212 00 11 02")

	msgs = r.press(msgs[1], "🔔 Подписаться на оповещения", 1)
	mustSay(t, msgs, "вы будете получать оповещения")
}

func TestEndToEndKazakhByAddress(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	startBot(t, srv, filepath.Join(t.TempDir(), "beatbot.db"), nil)
	r := newResident(t, srv, 502, "kk")

	msgs := r.say("/start", 1)
	msgs = r.press(msgs[0], "Қазақша", 2)
	mustSay(t, msgs, "Тіл: қазақша.", "Бастамас бұрын")
	msgs = r.press(msgs[1], "✅ Келісемін", 2)
	msgs = r.press(msgs[1], "👮 Менің учаскелік инспекторым", 1)
	mustSay(t, msgs, "мекенжайды жазыңыз")

	msgs = r.say("Ерубаев көшесі 15", 2)
	mustSay(t, msgs, "Сіздің учаскеңіз:", "Учаскелік полиция инспекторы")

	// An ambiguous address: choose the street from buttons.
	msgs = r.say("Степной 35", 1)
	mustSay(t, msgs, "Бірнеше көше сәйкес келеді")
	msgs = r.press(msgs[0], "Степной-2 шағын ауданы", 2)
	mustSay(t, msgs, "Сіздің учаскеңіз:")

	// A point outside the city.
	msgs = r.shareLocation(43.2389, 76.8897, 1) // Almaty
	mustSay(t, msgs, "қызмет көрсетілетін учаскелерден тыс", "Ең жақын полиция пункті")
}

func TestEndToEndBadInput(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	startBot(t, srv, filepath.Join(t.TempDir(), "beatbot.db"), nil)
	r := newResident(t, srv, 503, "ru")
	menu := onboardRu(t, r)

	srv.SendUpdate(models.Update{Message: &models.Message{
		From: &r.user, Chat: models.Chat{ID: r.user.ID, Type: models.ChatTypePrivate},
		Sticker: &models.Sticker{FileID: "sticker-1", Type: "regular"},
	}})
	mustSay(t, r.expect(2), "Такие сообщения я не читаю", "Чем могу помочь?")

	srv.PressButton(r.user.ID, r.user, menu.MessageID, "pick:7")
	mustSay(t, r.expect(2), "Эта кнопка уже неактивна")

	mustSay(t, r.say("/frobnicate", 1), "Не знаю команду /frobnicate")
	mustSay(t, r.say("/start@beatbot_test_bot", 1), "Чем могу помочь?")
	mustSay(t, r.say("Помогите! Нож!", 2), "звоните сейчас: 102")
}

func TestEndToEndRestartMidConversation(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	data := filepath.Join(t.TempDir(), "beatbot.db")
	first := startBot(t, srv, data, nil)
	r := newResident(t, srv, 504, "ru")
	menu := onboardRu(t, r)
	r.press(menu, "👮 Мой участковый", 1)
	first.stop(t)

	startBot(t, srv, data, nil)
	msgs := r.say("Ерубаева 15", 2)
	mustSay(t, msgs, "Ваш участок:")
}

func TestEndToEndRedeliveredUpdateIgnored(t *testing.T) {
	srv := emulator.New(testToken, emulator.WithUpdateIDJumps(1000))
	t.Cleanup(srv.Close)
	startBot(t, srv, filepath.Join(t.TempDir(), "beatbot.db"), nil)
	r := newResident(t, srv, 505, "en")

	id := srv.SendText(r.user.ID, r.user, "/start")
	r.expect(1)
	if err := srv.Redeliver(id); err != nil {
		t.Fatal(err)
	}
	// Updates of one chat are handled in order, so had the copy been
	// handled its answer would come before this one.
	msgs := r.say("/help", 1)
	mustSay(t, msgs, "/language")
	if got := len(srv.Sent(r.user.ID)); got != 2 {
		t.Errorf("bot sent %d messages, want 2: the redelivered /start must be ignored", got)
	}
}

func TestEndToEndRetriesAfter429(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	startBot(t, srv, filepath.Join(t.TempDir(), "beatbot.db"), nil)
	r := newResident(t, srv, 506, "ru")

	srv.FailNext("sendMessage", 1, emulator.Fault{Code: 429, RetryAfter: 1})
	start := time.Now()
	mustSay(t, r.say("/start", 1), "Выберите язык")
	if waited := time.Since(start); waited < time.Second {
		t.Errorf("reply came after %v; the bot did not honour retry_after=1", waited)
	}
	var attempts int
	for _, c := range srv.Calls() {
		if c.Method == "sendMessage" {
			attempts++
		}
	}
	if attempts != 2 {
		t.Errorf("sendMessage called %d times, want 2 (one 429, one retry)", attempts)
	}
}

func TestEndToEndWebhook(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	addr := freeAddr(t)
	const secret = "hook-Secret_42"
	p := startBot(t, srv, filepath.Join(t.TempDir(), "beatbot.db"), map[string]string{
		"TELEGRAM_WEBHOOK_URL":    "https://bot.example.kz/telegram/hook",
		"TELEGRAM_WEBHOOK_SECRET": secret,
		"BEATBOT_HTTP_ADDR":       addr,
	})
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	err := srv.Wait(ctx, func(calls []emulator.Call) bool {
		for _, c := range calls {
			if c.Method == "setWebhook" {
				return true
			}
		}
		return false
	})
	if err != nil {
		t.Fatalf("bot never called setWebhook: %v; logs:\n%s", err, p.logs)
	}
	for _, c := range srv.Calls() {
		if c.Method == "setWebhook" && (c.Params["url"] != "https://bot.example.kz/telegram/hook" || c.Params["secret_token"] != secret) {
			t.Errorf("setWebhook params = %v", c.Params)
		}
		if c.Method == "getUpdates" {
			t.Errorf("getUpdates called in webhook mode")
		}
	}

	hook := "http://" + addr + "/telegram/hook"
	user := models.User{ID: 507, FirstName: "Resident", LanguageCode: "kk"}
	update := func(id int64, text string) models.Update {
		return models.Update{ID: id, Message: &models.Message{
			ID: int(id), Date: int(time.Now().Unix()), From: &user, Text: text,
			Chat: models.Chat{ID: user.ID, Type: models.ChatTypePrivate},
		}}
	}

	if code, err := emulator.PostUpdate(ctx, hook, "wrong-secret", update(1, "/start")); err != nil || code != 401 {
		t.Errorf("wrong secret: status %d, %v; want 401", code, err)
	}
	if code, err := emulator.PostUpdate(ctx, hook, "", update(1, "/start")); err != nil || code != 401 {
		t.Errorf("no secret: status %d, %v; want 401", code, err)
	}
	if code, err := emulator.PostRaw(ctx, hook, secret, []byte(`{"update_id": "not json`)); err != nil || code != 400 {
		t.Errorf("malformed body: status %d, %v; want 400", code, err)
	}
	if code, err := emulator.PostUpdate(ctx, hook, secret, update(2, "/start")); err != nil || code != 200 {
		t.Fatalf("right secret: status %d, %v; want 200", code, err)
	}
	// Telegram retries when unsure; the copy must change nothing.
	if code, err := emulator.PostUpdate(ctx, hook, secret, update(2, "/start")); err != nil || code != 200 {
		t.Fatalf("redelivery: status %d, %v; want 200", code, err)
	}
	if code, err := emulator.PostUpdate(ctx, hook, secret, update(3, "/help")); err != nil || code != 200 {
		t.Fatalf("second update: status %d, %v; want 200", code, err)
	}
	msgs, err := srv.WaitSent(ctx, user.ID, 2)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(msgs[0].Text, "Тілді таңдаңыз") || !strings.Contains(msgs[1].Text, "/language") {
		t.Errorf("replies = %s; want the language prompt, then help (the redelivered /start ignored)", describe(msgs))
	}
	if len(msgs) != 2 {
		t.Errorf("bot sent %d messages, want 2", len(msgs))
	}
}

// freeAddr returns a loopback address with a port free at the time of the
// call.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func TestEndToEndRussianAddressesAndKazakhLocation(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	startBot(t, srv, filepath.Join(t.TempDir(), "beatbot.db"), nil)

	ru := newResident(t, srv, 511, "ru")
	menu := onboardRu(t, ru)
	ru.press(menu, "👮 Мой участковый", 1)
	mustSay(t, ru.say("ул. Ерубаева, д. 15", 2), "Ваш участок:")
	msgs := ru.say("Степной 35", 1)
	mustSay(t, msgs, "Подходит несколько улиц")
	mustSay(t, ru.press(msgs[0], "микрорайон Степной-2", 2), "Ваш участок:")
	mustSay(t, ru.shareLocation(51.1694, 71.4491, 1), "за пределами", "Ближайший пункт полиции") // Astana

	kk := newResident(t, srv, 512, "kk")
	msgs = kk.say("/start", 1)
	msgs = kk.press(msgs[0], "Қазақша", 2)
	msgs = kk.press(msgs[1], "✅ Келісемін", 2)
	kk.press(msgs[1], "👮 Менің учаскелік инспекторым", 1)
	msgs = kk.shareLocation(49.7950, 73.1050, 2)
	if msgs[0].Venue == nil {
		t.Fatalf("first answer %+v, want the precinct's venue", msgs[0])
	}
	mustSay(t, msgs[1:], "Сіздің учаскеңіз:", "Учаскелік полиция инспекторы")
}

// TestEndToEndReplaysPendingUpdates starts the bot on a data file holding
// an update that was recorded but not handled when the last run crashed.
func TestEndToEndReplaysPendingUpdates(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	data := filepath.Join(t.TempDir(), "beatbot.db")
	db, err := storage.Open(data, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	chat := core.ChatRef{Channel: core.Telegram, ID: "513"}
	if _, err := db.Record(context.Background(), core.Inbound{Key: "telegram:7100000001:u:99", Chat: chat, From: "513", Kind: core.KindCommand, Command: "start", LangHint: core.Kazakh}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	startBot(t, srv, data, nil)
	r := newResident(t, srv, 513, "kk")
	mustSay(t, r.expect(1), "Тілді таңдаңыз")
}
