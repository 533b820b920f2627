package emulator_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"testing"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
)

// strictHook answers like the webhook beatbot wants (go-telegram/bot's own
// answers 200 to everything): 401 on a wrong secret, 400 on bad JSON.
func strictHook(secret string, got chan<- models.Update) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Telegram-Bot-Api-Secret-Token") != secret {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		var u models.Update
		body, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(body, &u); err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		got <- u
	})
}

func TestPostUpdate(t *testing.T) {
	got := make(chan models.Update, 10)
	hook := httptest.NewServer(strictHook("s3cret", got))
	defer hook.Close()
	ctx := testCtx(t)
	update := models.Update{ID: 77, Message: &models.Message{ID: 5, Date: 1, Chat: models.Chat{ID: alice.ID}, Text: "hi"}}

	tests := []struct {
		name   string
		post   func() (int, error)
		status int
	}{
		{"right secret", func() (int, error) { return emulator.PostUpdate(ctx, hook.URL, "s3cret", update) }, http.StatusOK},
		{"wrong secret", func() (int, error) { return emulator.PostUpdate(ctx, hook.URL, "guess", update) }, http.StatusUnauthorized},
		{"no secret", func() (int, error) { return emulator.PostUpdate(ctx, hook.URL, "", update) }, http.StatusUnauthorized},
		{"malformed body", func() (int, error) { return emulator.PostRaw(ctx, hook.URL, "s3cret", []byte(`{"update_id":`)) }, http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, err := tt.post()
			if err != nil || status != tt.status {
				t.Fatalf("got %d, %v, want %d", status, err, tt.status)
			}
		})
	}
	if u := <-got; u.ID != 77 || u.Message.Text != "hi" {
		t.Errorf("got %+v, want update 77", u)
	}
}

func TestDeliverWebhookToBot(t *testing.T) {
	srv := newServer(t)
	got := make(chan *models.Update, 10)
	b := newBot(t, srv, bot.WithWebhookSecretToken("s3cret"), bot.WithDefaultHandler(func(_ context.Context, _ *bot.Bot, u *models.Update) {
		got <- u
	}))
	hook := httptest.NewServer(b.WebhookHandler())
	defer hook.Close()
	ctx := testCtx(t)
	botCtx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		b.StartWebhook(botCtx)
	}()
	defer func() { stop(); <-done }()

	if _, err := b.SetWebhook(ctx, &bot.SetWebhookParams{URL: hook.URL, SecretToken: "s3cret"}); err != nil {
		t.Fatalf("set webhook: %v", err)
	}
	if status, r := rawCall(t, ctx, srv.URL(), srv.Token(), "getUpdates", nil); status != http.StatusConflict {
		t.Errorf("getUpdates with a webhook: got %d %s, want 409", status, r.Description)
	}
	ids := []int64{srv.SendText(alice.ID, alice, "one"), srv.SendText(alice.ID, alice, "two")}
	if n, err := srv.DeliverWebhook(ctx); n != 2 || err != nil {
		t.Fatalf("deliver: got %d, %v, want 2", n, err)
	}
	for _, want := range ids {
		if u := <-got; u.ID != want {
			t.Errorf("got update %d, want %d", u.ID, want)
		}
	}
	if p := srv.Pending(); len(p) != 0 {
		t.Errorf("got pending %v after delivery, want none", p)
	}
	info, err := b.GetWebhookInfo(ctx)
	if err != nil || info.URL != hook.URL {
		t.Errorf("got %+v, %v, want url %s", info, err, hook.URL)
	}
	if _, err := b.DeleteWebhook(ctx, &bot.DeleteWebhookParams{}); err != nil {
		t.Fatalf("delete webhook: %v", err)
	}
	if _, err := srv.DeliverWebhook(ctx); !errors.Is(err, emulator.ErrNoWebhook) {
		t.Errorf("got %v, want ErrNoWebhook", err)
	}
}

func TestDeliverWebhookKeepsRejected(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	got := make(chan models.Update, 10)
	hook := httptest.NewServer(strictHook("right", got))
	defer hook.Close()
	ctx := testCtx(t)
	if _, err := b.SetWebhook(ctx, &bot.SetWebhookParams{URL: hook.URL, SecretToken: "wrong"}); err != nil {
		t.Fatalf("set webhook: %v", err)
	}
	id := srv.SendText(alice.ID, alice, "hi")
	n, err := srv.DeliverWebhook(ctx)
	if n != 0 || !errors.Is(err, emulator.ErrWebhookRejected) {
		t.Fatalf("got %d, %v, want ErrWebhookRejected", n, err)
	}
	if p := srv.Pending(); !slices.Equal(p, []int64{id}) {
		t.Errorf("got pending %v, want %d kept for a retry", p, id)
	}
	info, err := b.GetWebhookInfo(ctx)
	if err != nil || info.PendingUpdateCount != 1 || info.LastErrorDate == 0 || info.LastErrorMessage == "" {
		t.Errorf("got %+v, %v, want one pending update and the last error", info, err)
	}
}

func TestSetWebhookValidation(t *testing.T) {
	tests := []struct {
		name   string
		params url.Values
		status int
	}{
		{"valid", url.Values{"url": {"https://example.org/hook"}, "secret_token": {"A-z_09"}}, http.StatusOK},
		{"secret with space", url.Values{"url": {"https://example.org/hook"}, "secret_token": {"a b"}}, http.StatusBadRequest},
		{"not a URL", url.Values{"url": {"example"}}, http.StatusBadRequest},
		{"empty url removes", url.Values{"url": {""}}, http.StatusOK},
	}
	srv := newServer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if status, r := rawCall(t, testCtx(t), srv.URL(), srv.Token(), "setWebhook", tt.params); status != tt.status {
				t.Errorf("got %d %s, want %d", status, r.Description, tt.status)
			}
		})
	}
}
