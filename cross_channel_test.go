package main

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"
)

// reportSteps take a resident who has just consented through an anonymous
// report about district 02; photo, if given, attaches a photo.
func reportSteps(m messenger, photo ...func()) {
	m.press("📝 Сообщить о проблеме")
	m.await("О чём вы хотите сообщить?")
	m.press("Квартирная кража")
	m.await("Опишите, что случилось")
	m.say("Дверь соседа открыта, внутри никого.")
	m.await("Где это?")
	m.location(49.8250, 73.0880)
	m.await("Можно приложить до")
	if len(photo) > 0 {
		photo[0]()
		m.await("Фото добавлено (1 из")
		m.press("✔️ Готово")
	} else {
		m.press("Без фото")
	}
	m.await("Отправить анонимно?")
	m.press("🕶 Анонимно")
	m.await("Проверьте обращение")
	m.press("✅ Отправить")
	m.await("Ваше обращение KRG-0001 зарегистрировано")
}

func onboard(m messenger) {
	m.say("/start")
	m.await("Выберите язык")
	m.press("Русский")
	m.await("Перед началом — о ваших данных")
	m.press("✅ Даю согласие")
	m.await("Чем могу помочь?")
}

// TestWhatsAppResidentTelegramInspector: a resident on WhatsApp reports;
// the inspector, on Telegram, accepts and asks a question; the resident
// answers on WhatsApp. Nothing staff see gives the resident's number.
func TestWhatsAppResidentTelegramInspector(t *testing.T) {
	b := startBothChannels(t)
	insp := newResident(t, b.tg, inspectorD02, "ru")
	onboardRu(t, insp)

	res := b.whatsAppResident(t, "77010000701")
	onboard(res)
	picture := pngImage(t)
	reportSteps(res, func() {
		id := b.wa.AddMedia(picture, "image/png")
		res.ok(b.hook.Image(context.Background(), res.from, "Айгерим", id, ""))
	})

	card := insp.expect(3) // the photo, the place and the card
	if card[0].Method != "sendPhoto" || card[0].Upload == nil || !bytes.Equal(card[0].Upload.Data, picture) {
		t.Errorf("the inspector got %s, want the resident's photo uploaded from WhatsApp", describe(card[:1]))
	}
	card = card[1:]
	mustSay(t, card, "KRG-0001", "Квартирная кража", "аноним")
	mustSay(t, insp.press(card[1], "✅ Принять", 1), "Вы приняли KRG-0001")
	res.await("KRG-0001", "в работу")

	insp.press(card[1], "💬 Ответить", 1)
	mustSay(t, insp.say("Какой номер квартиры?", 1), "Ответ по KRG-0001 отправлен")
	res.await("Какой номер квартиры?")
	res.press("✉️ Ответить")
	res.await("Напишите ответ")
	res.say("Квартира 14.")
	res.await("передан сотруднику полиции")
	mustSay(t, insp.expect(1), "Квартира 14.")

	for _, m := range b.tg.Sent(inspectorD02) {
		if strings.Contains(m.Text, "77010000701") || strings.Contains(m.Text, "Айгерим") {
			t.Errorf("the inspector got %q, which reveals the anonymous resident", m.Text)
		}
	}
}

// TestTelegramResidentWhatsAppInspector: the district's inspector is on
// WhatsApp only; a Telegram resident's report reaches them there, and
// their acceptance reaches the resident on Telegram.
func TestTelegramResidentWhatsAppInspector(t *testing.T) {
	b := startBothChannelsWith(t, map[string]string{
		"telegram_id: 5000000000000012": `whatsapp: "+7 7212 00 21 02"`,
	})
	insp := b.whatsAppResident(t, "77212002102")
	onboard(insp) // staff write first, which opens WhatsApp's window

	res := newResident(t, b.tg, 702, "kk")
	mustSay(t, reportKk(t, res, true), "KRG-0001")

	card := insp.await("KRG-0001", "Квартирная кража", "✅ Принять")
	if !strings.Contains(describeShown(card), "Участок №2") {
		t.Errorf("the card lacks the district: %s", describeShown(card))
	}
	insp.press("✅ Принять")
	insp.await("Вы приняли KRG-0001")
	mustSay(t, res.expect(1), "KRG-0001")
}

// pngImage is a small picture, as a resident's photo.
func pngImage(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for x := range 64 {
		img.Set(x, x%48, color.RGBA{R: 200, A: 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func describeShown(got []shown) string {
	var b strings.Builder
	for _, s := range got {
		b.WriteString(s.text + " [" + strings.Join(s.choices, "|") + "]\n")
	}
	return b.String()
}

// TestTelegramPhotoReachesWhatsAppStaff: a Telegram resident's photo is
// fetched from Telegram and uploaded to an inspector on WhatsApp alone.
func TestTelegramPhotoReachesWhatsAppStaff(t *testing.T) {
	b := startBothChannelsWith(t, map[string]string{
		"telegram_id: 5000000000000012": `whatsapp: "+7 7212 00 21 02"`,
	})
	insp := b.whatsAppResident(t, "77212002102")
	onboard(insp)

	res := newResident(t, b.tg, 703, "ru")
	menu := onboardRu(t, res)
	msgs := res.press(menu, "📝 Сообщить о проблеме", 1)
	res.press(msgs[0], "Квартирная кража", 1)
	res.say("Дверь соседа открыта.", 1)
	res.shareLocation(49.8250, 73.0880, 2)
	picture := pngImage(t)
	id := b.tg.AddPhoto(picture)
	b.tg.SendUpdate(models.Update{Message: &models.Message{From: &res.user, Chat: models.Chat{ID: res.user.ID, Type: models.ChatTypePrivate},
		Photo: []models.PhotoSize{{FileID: id, FileUniqueID: "u1", Width: 64, Height: 48}}}})
	msgs = res.expect(1)
	mustSay(t, msgs, "Фото добавлено (1 из")
	msgs = res.press(msgs[0], "✔️ Готово", 1)
	msgs = res.press(msgs[0], "🕶 Анонимно", 1)
	mustSay(t, res.press(msgs[0], "✅ Отправить", 1), "KRG-0001")

	insp.await("KRG-0001", "✅ Принять")
	var got []byte
	for _, m := range b.wa.Sent(insp.from) {
		if m.Image != nil {
			got = m.Image.Data
		}
	}
	if !bytes.Equal(got, picture) {
		t.Errorf("the inspector on WhatsApp got %d bytes of photo, want the resident's %d", len(got), len(picture))
	}
}
