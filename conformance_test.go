package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/beatbot-kz/beatbot/bot/whatsapp/whatsapptest"
	"github.com/beatbot-kz/beatbot/locale"
	"github.com/go-telegram/bot/models"
)

// The conformance suite runs every resident flow on both channels from
// one table of steps. Only what a messenger shows differs, and a step may
// check that per channel; the words and the order are the same.

const (
	waToken   = "EAAG-conformance-token-0c1d2e3f"
	waPhoneID = "106540352242922"
	waSecret  = "conformance-app-secret-7a8b9c"
	waVerify  = "conformance-verify-token"
)

// shown is one message as a resident sees it, in either messenger.
type shown struct {
	text string
	// choices are the labels of the buttons (or list rows) it offers.
	choices []string
	// asksLocation is set for Telegram's location keyboard and WhatsApp's
	// location request.
	asksLocation bool
	// kind is the messenger's own: "inline", "reply-buttons", "list", ….
	kind string
}

// messenger is one channel as a resident uses it.
type messenger interface {
	say(text string)
	press(label string)
	location(lat, lon float64)
	sticker()
	// photo sends a small picture as a photo.
	photo()
	// await returns the messages since the last step, once all of want
	// appear among them and nothing more arrives for a moment.
	await(want ...string) []shown
}

// step is one thing a resident does and what they must see.
type step struct {
	do   func(m messenger)
	want []string
	// check tests the rendering on one channel ("telegram", "whatsapp").
	check map[string]func(t *testing.T, got []shown)
}

func TestConformance(t *testing.T) {
	steps := []step{
		{do: func(m messenger) { m.say("/start") }, want: []string{"Выберите язык"}},
		{do: func(m messenger) { m.press("Русский") }, want: []string{"Язык: русский.", "Перед началом — о ваших данных"},
			check: map[string]func(*testing.T, []shown){
				"whatsapp": wantKind("reply-buttons"), "telegram": wantKind("inline"),
			}},
		{do: func(m messenger) { m.press("✅ Даю согласие") }, want: []string{"Согласие сохранено", "Чем могу помочь?"},
			check: map[string]func(*testing.T, []shown){"whatsapp": wantKind("list")}},
		{do: func(m messenger) { m.press("👮 Мой участковый") }, want: []string{"Отправьте геолокацию"},
			check: map[string]func(*testing.T, []shown){"whatsapp": wantLocationRequest, "telegram": wantLocationRequest}},
		{do: func(m messenger) { m.location(49.8250, 73.0880) }, want: []string{"Ваш участок: Участок №2", "Образец: Дмитрий Ковалёв"}},
		{do: func(m messenger) { m.press("🔔 Подписаться на оповещения") }, want: []string{"вы будете получать оповещения"}},
		{do: func(m messenger) { m.say("Ерубаева 15") }, want: []string{"Ваш участок:"}},
		{do: func(m messenger) { m.say("Степной 35") }, want: []string{"Подходит несколько улиц"}},
		{do: func(m messenger) { m.press("микрорайон Степной-2") }, want: []string{"Ваш участок:"}},
		{do: func(m messenger) { m.sticker() }, want: []string{"Такие сообщения я не читаю"}},
		{do: func(m messenger) { m.say("Помогите! Нож!") }, want: []string{"звоните сейчас: 102"}},
		// A safety poll: the first question, an answer, a break.
		{do: func(m messenger) { m.say("/polls") }, want: []string{"Чек-лист безопасности района", "вопрос 1 из 12"}},
		{do: func(m messenger) { m.press("3") }, want: []string{"вопрос 2 из 12"}},
		{do: func(m messenger) { m.press("⏸ Продолжить позже") }, want: []string{"Чем могу помочь?"}},
		// A report, anonymous, about the place shared.
		{do: func(m messenger) { m.press("📝 Сообщить о проблеме") }, want: []string{"О чём вы хотите сообщить?"}},
		{do: func(m messenger) { m.press("Квартирная кража") }, want: []string{"Опишите, что случилось"}},
		{do: func(m messenger) { m.say("Дверь соседа открыта, внутри никого.") }, want: []string{"Где это?"}},
		{do: func(m messenger) { m.location(49.8250, 73.0880) }, want: []string{"Можно приложить до"}},
		{do: func(m messenger) { m.photo() }, want: []string{"Фото добавлено (1 из"}},
		{do: func(m messenger) { m.press("✔️ Готово") }, want: []string{"Отправить анонимно?"}},
		{do: func(m messenger) { m.press("🕶 Анонимно") }, want: []string{"Проверьте обращение"}},
		{do: func(m messenger) { m.press("✅ Отправить") }, want: []string{"Ваше обращение KRG-0001 зарегистрировано"}},
		{do: func(m messenger) { m.say("/menu") }, want: []string{"Чем могу помочь?"}},
		{do: func(m messenger) { m.press("🗂 Мои обращения") }, want: []string{"Ваши обращения:", "KRG-0001"}},
		// Alerts: the list, then unsubscribing.
		{do: func(m messenger) { m.say("/menu") }, want: []string{"Чем могу помочь?"}},
		{do: func(m messenger) { m.press("🔔 Оповещения") }, want: []string{"Вы получаете оповещения по участкам:"}},
		{do: func(m messenger) {
			m.press("🔕 Участок №2 — от Ерубаева до Бухар-Жырау, Театральная")
		},
			want: []string{"Вы отписались от оповещений"}},
		// Another language and back.
		{do: func(m messenger) { m.say("/language") }, want: []string{"Выберите язык"}},
		{do: func(m messenger) { m.press("Қазақша") }, want: []string{"Тіл: қазақша."}},
		{do: func(m messenger) { m.say("/language") }, want: []string{"Тілді таңдаңыз"}},
		{do: func(m messenger) { m.press("English") }, want: []string{"Language: English."}},
	}
	for _, channel := range []string{"telegram", "whatsapp"} {
		t.Run(channel, func(t *testing.T) {
			b := startBothChannels(t)
			var m messenger
			if channel == "telegram" {
				m = b.telegramResident(t, 601)
			} else {
				m = b.whatsAppResident(t, "77010000601")
			}
			for i, s := range steps {
				s.do(m)
				got := m.await(s.want...)
				if check := s.check[channel]; check != nil {
					t.Run(fmt.Sprint("step ", i), func(t *testing.T) { check(t, got) })
				}
			}
		})
	}
}

func wantKind(kind string) func(*testing.T, []shown) {
	return func(t *testing.T, got []shown) {
		t.Helper()
		last := got[len(got)-1]
		if last.kind != kind {
			t.Errorf("choices shown as %q, want %q: %+v", last.kind, kind, last)
		}
	}
}

func wantLocationRequest(t *testing.T, got []shown) {
	t.Helper()
	for _, s := range got {
		if s.asksLocation {
			return
		}
	}
	t.Errorf("no way to share a location among %+v", got)
}

// bothChannels is one bot with Telegram and WhatsApp on, against the
// project's fakes of both.
type bothChannels struct {
	tg   *emulator.Server
	wa   *whatsapptest.Server
	hook *whatsapptest.Webhook
}

func startBothChannels(t *testing.T) *bothChannels {
	t.Helper()
	return startBothChannelsWith(t, nil)
}

// startBothChannelsWith is startBothChannels with changes to the example
// city file.
func startBothChannelsWith(t *testing.T, replace map[string]string) *bothChannels {
	t.Helper()
	tg := emulator.New(testToken)
	t.Cleanup(tg.Close)
	wa := whatsapptest.New(waToken, waPhoneID)
	t.Cleanup(wa.Close)
	addr := freeAddr(t)
	startBotWith(t, tg, filepath.Join(t.TempDir(), "beatbot.db"), map[string]string{
		"BEATBOT_POLL_SECRET":      pollSecret,
		"BEATBOT_HTTP_ADDR":        addr,
		"WHATSAPP_TOKEN":           waToken,
		"WHATSAPP_PHONE_NUMBER_ID": waPhoneID,
		"WHATSAPP_APP_SECRET":      waSecret,
		"WHATSAPP_VERIFY_TOKEN":    waVerify,
		"WHATSAPP_API_URL":         wa.URL(),
	}, pollConfigWith(t, false, replace))
	hook := &whatsapptest.Webhook{URL: "http://" + addr + "/whatsapp/webhook", AppSecret: waSecret, PhoneNumberID: waPhoneID}
	waitReady(t, hook)
	return &bothChannels{tg: tg, wa: wa, hook: hook}
}

// waitReady waits until the bot answers Meta's handshake.
func waitReady(t *testing.T, hook *whatsapptest.Webhook) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		code, body, err := hook.Verify(context.Background(), waVerify, "ready?")
		if err == nil && code == 200 && body == "ready?" {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("the bot's WhatsApp webhook did not come up")
}

// settle is how long no new message must arrive before a step is done.
const settle = 150 * time.Millisecond

// awaitShown polls list until all of want appear in the messages after
// seen and no more arrive for settle, and returns those messages.
func awaitShown(t *testing.T, seen *int, list func() []shown, want []string) []shown {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var got []shown
	lastChange, lastLen := time.Now(), -1
	for time.Now().Before(deadline) {
		got = list()[*seen:]
		if len(got) != lastLen {
			lastChange, lastLen = time.Now(), len(got)
		}
		if containsAll(got, want) && time.Since(lastChange) >= settle {
			*seen += len(got)
			return got
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("waited for %q; the bot showed %+v", want, got)
	return nil
}

func containsAll(got []shown, want []string) bool {
	var all strings.Builder
	for _, s := range got {
		all.WriteString(s.text + "\n" + strings.Join(s.choices, "\n") + "\n")
	}
	for _, w := range want {
		if !strings.Contains(all.String(), w) {
			return false
		}
	}
	return true
}

// tgResident is a resident on Telegram.
type tgResident struct {
	t    *testing.T
	srv  *emulator.Server
	user models.User
	seen int
	last []emulator.Sent
}

func (b *bothChannels) telegramResident(t *testing.T, id int64) *tgResident {
	return &tgResident{t: t, srv: b.tg, user: models.User{ID: id, FirstName: "Айгерим", LanguageCode: "ru"}}
}

func (r *tgResident) say(text string)           { r.srv.SendText(r.user.ID, r.user, text) }
func (r *tgResident) location(lat, lon float64) { r.srv.SendLocation(r.user.ID, r.user, lat, lon) }
func (r *tgResident) sticker() {
	r.srv.SendUpdate(models.Update{Message: &models.Message{From: &r.user, Chat: models.Chat{ID: r.user.ID, Type: models.ChatTypePrivate},
		Sticker: &models.Sticker{FileID: "sticker-1", Type: "regular"}}})
}

func (r *tgResident) photo() {
	r.srv.SendUpdate(models.Update{Message: &models.Message{From: &r.user, Chat: models.Chat{ID: r.user.ID, Type: models.ChatTypePrivate},
		Photo: []models.PhotoSize{{FileID: "AgACAgIAAxkBAAIB", FileUniqueID: "u1", Width: 640, Height: 480}}}})
}

func (r *tgResident) press(label string) {
	r.t.Helper()
	for i := len(r.last) - 1; i >= 0; i-- {
		if m := r.last[i]; m.ReplyMarkup != nil {
			if b, ok := m.ReplyMarkup.InlineButton(label); ok {
				r.srv.PressButton(r.user.ID, r.user, m.MessageID, b.CallbackData)
				return
			}
		}
	}
	r.t.Fatalf("no button %q among the last messages", label)
}

func (r *tgResident) await(want ...string) []shown {
	r.t.Helper()
	got := awaitShown(r.t, &r.seen, func() []shown {
		var out []shown
		for _, m := range r.srv.Sent(r.user.ID) {
			out = append(out, tgShown(m))
		}
		return out
	}, want)
	all := r.srv.Sent(r.user.ID)
	r.last = all[len(all)-len(got):]
	return got
}

func tgShown(m emulator.Sent) shown {
	s := shown{text: m.Text, kind: m.Method}
	if m.Venue != nil {
		s.text += "\n" + m.Venue.Title
	}
	if k := m.ReplyMarkup; k != nil {
		for _, row := range k.InlineKeyboard {
			for _, b := range row {
				s.choices, s.kind = append(s.choices, b.Text), "inline"
			}
		}
		for _, row := range k.Keyboard {
			for _, b := range row {
				s.asksLocation = s.asksLocation || b.RequestLocation
			}
		}
	}
	return s
}

// waResident is a resident on WhatsApp.
type waResident struct {
	t    *testing.T
	b    *bothChannels
	from string
	seen int
	last []whatsapptest.Sent
}

func (b *bothChannels) whatsAppResident(t *testing.T, number string) *waResident {
	return &waResident{t: t, b: b, from: number}
}

func (r *waResident) ok(_ string, err error) {
	r.t.Helper()
	if err != nil {
		r.t.Fatal(err)
	}
}

func (r *waResident) say(text string) {
	r.ok(r.b.hook.Text(context.Background(), r.from, "Айгерим", text))
}
func (r *waResident) location(lat, lon float64) {
	r.ok(r.b.hook.Location(context.Background(), r.from, "Айгерим", lat, lon))
}
func (r *waResident) sticker() {
	r.ok(r.b.hook.Sticker(context.Background(), r.from, "Айгерим"))
}

func (r *waResident) photo() {
	id := r.b.wa.AddMedia(pngImage(r.t), "image/png")
	r.ok(r.b.hook.Image(context.Background(), r.from, "Айгерим", id, ""))
}

// press finds the button or row for label: its title is the label, the
// catalog's short form of it, or the label cut to fit with the whole label
// as the row's description.
func (r *waResident) press(label string) {
	r.t.Helper()
	for i := len(r.last) - 1; i >= 0; i-- {
		m := r.last[i]
		for _, b := range m.Buttons {
			if b.Title == label || b.Title == locale.Short(label) {
				r.ok(r.b.hook.Press(context.Background(), r.from, "Айгерим", m, b.Title))
				return
			}
		}
		if m.List != nil {
			for _, row := range m.List.Rows {
				if row.Title == label || row.Description == label || row.Title == locale.Short(label) {
					r.ok(r.b.hook.Press(context.Background(), r.from, "Айгерим", m, row.Title))
					return
				}
			}
		}
	}
	r.t.Fatalf("no button or row %q among the last messages", label)
}

func (r *waResident) await(want ...string) []shown {
	r.t.Helper()
	got := awaitShown(r.t, &r.seen, func() []shown {
		var out []shown
		for _, m := range r.b.wa.Sent(r.from) {
			out = append(out, waShown(m))
		}
		return out
	}, want)
	all := r.b.wa.Sent(r.from)
	r.last = all[len(all)-len(got):]
	return got
}

func waShown(m whatsapptest.Sent) shown {
	s := shown{text: m.Text, kind: m.Type, asksLocation: m.LocationRequest}
	if m.Location != nil {
		s.text += "\n" + m.Location.Name
	}
	for _, b := range m.Buttons {
		s.choices, s.kind = append(s.choices, b.Title), "reply-buttons"
	}
	if m.List != nil {
		s.kind = "list"
		for _, row := range m.List.Rows {
			s.choices = append(s.choices, row.Title, row.Description)
		}
	}
	return s
}
