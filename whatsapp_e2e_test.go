package main

import (
	"bytes"
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/whatsapp/whatsapptest"
)

// TestWhatsAppBadInput sends the webhook what a careless or hostile caller
// would, through the whole bot: nothing unsigned is handled, a replayed
// message is handled once, and a resident's odd messages get answers.
func TestWhatsAppBadInput(t *testing.T) {
	b := startBothChannels(t)
	ctx := context.Background()
	res := b.whatsAppResident(t, "77010000801")
	onboard(res)

	body := []byte(`{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"77000000000","phone_number_id":"` + waPhoneID + `"},"messages":[{"from":"77010000801","id":"wamid.forged","timestamp":"1","type":"text","text":{"body":"/start"}}]}}]}]}`)
	for _, tc := range []struct {
		name      string
		body      []byte
		signature string
		want      int
	}{
		{"no signature", body, "", http.StatusUnauthorized},
		{"wrong signature", body, "sha256=" + strings.Repeat("ab", 32), http.StatusUnauthorized},
		{"signature of another body", body, b.hook.Sign([]byte("{}")), http.StatusUnauthorized},
		{"huge body", bytes.Repeat([]byte("x"), 2<<20), "", http.StatusRequestEntityTooLarge},
		{"malformed JSON", []byte(`{"entry":[`), b.hook.Sign([]byte(`{"entry":[`)), http.StatusBadRequest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := b.hook.Post(ctx, tc.body, tc.signature)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Errorf("status %d, want %d", resp.StatusCode, tc.want)
			}
		})
	}
	// None of them reached the bot: the resident's chat shows nothing new.
	time.Sleep(settle)
	if got := len(b.wa.Sent(res.from)); got != res.seen {
		t.Fatalf("the bot answered %d messages after bad requests", got-res.seen)
	}

	// A message Meta delivers twice is handled once.
	wamid, err := b.hook.Text(ctx, res.from, "Айгерим", "/help")
	if err != nil {
		t.Fatal(err)
	}
	res.await("/language")
	if err := b.hook.Replay(ctx, wamid); err != nil {
		t.Fatalf("replay: %v", err)
	}
	time.Sleep(3 * settle)
	if got := len(b.wa.Sent(res.from)); got != res.seen {
		t.Errorf("a replayed message was answered again")
	}

	// Unknown types get a polite answer; a button never offered is stale.
	res.sticker()
	res.await("Такие сообщения я не читаю")
	if _, err := b.hook.Button(ctx, res.from, "Айгерим", "pick:99:s:nowhere", "Nowhere"); err != nil {
		t.Fatal(err)
	}
	res.await("Эта кнопка уже неактивна")
	// So does a location outside the city.
	res.press("👮 Мой участковый")
	res.await("Отправьте геолокацию")
	res.location(43.2389, 76.8897) // Almaty
	res.await("за пределами обслуживаемых участков")
}

// TestWhatsAppAlone runs the bot with no Telegram token: WhatsApp only.
func TestWhatsAppAlone(t *testing.T) {
	wa := whatsapptest.New(waToken, waPhoneID)
	t.Cleanup(wa.Close)
	addr := freeAddr(t)
	vars := map[string]string{
		"BEATBOT_DATA":             filepath.Join(t.TempDir(), "beatbot.db"),
		"BEATBOT_OPS_ADDR":         "off",
		"BEATBOT_HTTP_ADDR":        addr,
		"BEATBOT_ADMIN_ADDR":       "127.0.0.1:0",
		"WHATSAPP_TOKEN":           waToken,
		"WHATSAPP_PHONE_NUMBER_ID": waPhoneID,
		"WHATSAPP_APP_SECRET":      waSecret,
		"WHATSAPP_VERIFY_TOKEN":    waVerify,
		"WHATSAPP_API_URL":         wa.URL(),
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	logs := &syncBuffer{}
	go func() { done <- run(ctx, []string{"beatbot"}, func(k string) string { return vars[k] }, logs) }()
	hook := &whatsapptest.Webhook{URL: "http://" + addr + "/whatsapp/webhook", AppSecret: waSecret, PhoneNumberID: waPhoneID}
	waitReady(t, hook)
	r := &waResident{t: t, b: &bothChannels{wa: wa, hook: hook}, from: "77010000901"}
	onboard(r)
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run: %v\n%s", err, logs)
	}
	for _, secret := range []string{waToken, waSecret, waVerify} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("a WhatsApp secret appears in the logs")
		}
	}
	if !strings.Contains(logs.String(), `"whatsapp":true`) || !strings.Contains(logs.String(), `"telegram":false`) {
		t.Errorf("start-up log does not say which channels run:\n%s", logs)
	}
}

// TestWhatsAppSettingsMustBeComplete: half a WhatsApp configuration stops
// the start with the names of what is missing.
func TestWhatsAppSettingsMustBeComplete(t *testing.T) {
	vars := map[string]string{"TELEGRAM_BOT_TOKEN": "", "WHATSAPP_TOKEN": "x", "BEATBOT_DATA": filepath.Join(t.TempDir(), "b.db")}
	err := run(t.Context(), []string{"beatbot"}, func(k string) string { return vars[k] }, &syncBuffer{})
	if err == nil || !strings.Contains(err.Error(), "WHATSAPP_APP_SECRET") || !strings.Contains(err.Error(), "WHATSAPP_PHONE_NUMBER_ID") {
		t.Errorf("got %v, want an error naming the missing settings", err)
	}
}
