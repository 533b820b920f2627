package telegram_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram"
	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
	"github.com/rs/zerolog"
)

const token = "7100000001:AAE-adapter-test-token-0123456789"

// acceptFunc adapts a function to telegram.Acceptor. A batch is offered
// to it update by update and fails at the first error.
type acceptFunc func(context.Context, core.Inbound) error

func (f acceptFunc) Accept(ctx context.Context, in core.Inbound) error { return f(ctx, in) }

func (f acceptFunc) AcceptBatch(ctx context.Context, ins []core.Inbound) error {
	for _, in := range ins {
		if err := f(ctx, in); err != nil {
			return err
		}
	}
	return nil
}

// inbox collects what the adapter accepts, and the size of each batch.
type inbox struct {
	mu      sync.Mutex
	got     []core.Inbound
	batches []int
	ch      chan struct{}
}

func newInbox() *inbox { return &inbox{ch: make(chan struct{}, 100)} }

func (b *inbox) Accept(ctx context.Context, in core.Inbound) error {
	return b.AcceptBatch(ctx, []core.Inbound{in})
}

func (b *inbox) AcceptBatch(_ context.Context, ins []core.Inbound) error {
	b.mu.Lock()
	b.got = append(b.got, ins...)
	b.batches = append(b.batches, len(ins))
	b.mu.Unlock()
	for range ins {
		b.ch <- struct{}{}
	}
	return nil
}

func (b *inbox) next(t *testing.T) core.Inbound {
	t.Helper()
	select {
	case <-b.ch:
	case <-time.After(10 * time.Second):
		t.Fatal("no update accepted within 10s")
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.got[len(b.got)-1]
}

// start runs a polling adapter against a fake Bot API.
func start(t *testing.T, acc telegram.Acceptor) (*telegram.Telegram, *emulator.Server) {
	t.Helper()
	return startOn(t, emulator.New(token), acc)
}

// startOn is start on a given server, which may already hold updates.
func startOn(t *testing.T, srv *emulator.Server, acc telegram.Acceptor) (*telegram.Telegram, *emulator.Server) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	tg, err := telegram.New(ctx, telegram.Config{Token: token, APIURL: srv.URL(), Acceptor: acc, Log: zerolog.Nop(), PollTimeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { tg.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done; srv.Close() })
	return tg, srv
}

func loadUpdate(t *testing.T, name string) models.Update {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var u models.Update
	if err := json.Unmarshal(data, &u); err != nil {
		t.Fatalf("decode %s: %v", name, err)
	}
	return u
}

func TestConvertRecordedUpdates(t *testing.T) {
	chat := core.ChatRef{Channel: core.Telegram, ID: "42"}
	tests := []struct {
		file string
		want core.Inbound // Key and Received are checked separately
	}{
		{"text.json", core.Inbound{Chat: chat, From: "42", FromName: "Aigerim", Kind: core.KindText, Text: "Ерубаев көшесі 12", LangHint: core.Kazakh}},
		{"command.json", core.Inbound{Chat: chat, From: "42", FromName: "Aigerim", Kind: core.KindCommand, Command: "start", Text: "ref-7", LangHint: core.Kazakh}},
		{"command_other_bot.json", core.Inbound{Chat: chat, From: "42", FromName: "Aigerim", Kind: core.KindCommand, Command: "start@other_bot", LangHint: core.Kazakh}},
		{"location.json", core.Inbound{Chat: chat, From: "42", FromName: "Aigerim", Kind: core.KindLocation, Location: &core.Point{Lat: 49.825, Lon: 73.088}, LangHint: core.Kazakh}},
		{"venue.json", core.Inbound{Chat: chat, From: "42", FromName: "Aigerim", Kind: core.KindLocation, Location: &core.Point{Lat: 49.8, Lon: 73.1}, LangHint: core.Kazakh}},
		{"sticker.json", core.Inbound{Chat: chat, From: "42", FromName: "Aigerim", Kind: core.KindUnsupported, Unsupported: "sticker", LangHint: core.Kazakh}},
		{"voice.json", core.Inbound{Chat: chat, From: "42", FromName: "Aigerim", Kind: core.KindUnsupported, Unsupported: "voice", LangHint: core.Kazakh}},
		// An image sent as a file keeps its location metadata: not a photo.
		{"document.json", core.Inbound{Chat: chat, From: "42", FromName: "Aigerim", Kind: core.KindUnsupported, Unsupported: "document", Text: "вот фото", LangHint: core.Kazakh}},
		{"contact.json", core.Inbound{Chat: chat, From: "42", FromName: "Aigerim", Kind: core.KindUnsupported, Unsupported: "contact", LangHint: core.Kazakh}},
		{"photo.json", core.Inbound{Chat: chat, From: "42", FromName: "Aigerim", Kind: core.KindPhoto, Photo: "AgACAgIAAxkBAAIE-m", LangHint: core.Kazakh}},
		{"photo_caption.json", core.Inbound{Chat: chat, From: "42", FromName: "Aigerim", Kind: core.KindPhoto, Photo: "AgACAgIAAxkBAAIE-1280", Text: "Подъезд 3, сынған шам 🚨", LangHint: core.Kazakh}},
		{"callback.json", core.Inbound{Chat: chat, From: "42", FromName: "Aigerim", Kind: core.KindButton, Data: "lang:ru", LangHint: core.Russian}},
		{"callback_inaccessible.json", core.Inbound{Chat: chat, From: "42", FromName: "Aigerim", Kind: core.KindButton, Data: "m:find"}},
		{"callback_keyboard.json", core.Inbound{Chat: chat, From: "42", FromName: "Aigerim Seitkali", Kind: core.KindButton, Data: "pa:1:2:o2", LangHint: core.Russian}},
	}
	box := newInbox()
	_, srv := start(t, box)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			id := srv.SendUpdate(loadUpdate(t, tt.file))
			got := box.next(t)
			if got.Key != "telegram:7100000001:u:"+strconv.FormatInt(id, 10) || got.Received.IsZero() || got.MessageID == "" {
				t.Errorf("key %q, message %q, received %v; want key telegram:7100000001:u:%d and both set", got.Key, got.MessageID, got.Received, id)
			}
			got.Key, got.Received, got.MessageID = "", time.Time{}, ""
			if g, w := mustJSON(t, got), mustJSON(t, tt.want); g != w {
				t.Errorf("got  %s\nwant %s", g, w)
			}
		})
	}
}

func TestGroupMessagesAreIgnored(t *testing.T) {
	box := newInbox()
	_, srv := start(t, box)
	srv.SendUpdate(loadUpdate(t, "group_text.json"))
	srv.SendUpdate(loadUpdate(t, "text.json"))
	if got := box.next(t); got.Chat.ID != "42" {
		t.Fatalf("first accepted update is from chat %s, want the private chat 42", got.Chat.ID)
	}
}

func TestButtonPressIsAnswered(t *testing.T) {
	box := newInbox()
	_, srv := start(t, box)
	srv.SendUpdate(loadUpdate(t, "callback.json"))
	box.next(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := srv.Wait(ctx, func(calls []emulator.Call) bool {
		for _, c := range calls {
			if c.Method == "answerCallbackQuery" && c.Params["callback_query_id"] == "4382017" {
				return true
			}
		}
		return false
	})
	if err != nil {
		t.Fatalf("callback query never answered: %v", err)
	}
}

func TestSendRendersReplies(t *testing.T) {
	tg, srv := start(t, newInbox())
	ctx := context.Background()
	chat := core.ChatRef{Channel: core.Telegram, ID: "77"}
	replies := []core.Reply{
		{Text: "choose", Buttons: [][]core.Button{{{Label: "A", Data: "pick:0"}, {Label: "B", Data: "pick:1"}}}},
		{Text: "share", RequestLocation: "📍 Share"},
		{Pin: &core.Pin{Point: core.Point{Lat: 49.82, Lon: 73.077}, Title: "Station", Address: "Erubaev 40"}, RemoveKeyboard: true},
		{Text: strings.Repeat("line\n", 1000)}, // 5,000 characters: two messages
	}
	for _, r := range replies {
		if err := tg.Send(ctx, chat, r); err != nil {
			t.Fatalf("send %+v: %v", r, err)
		}
	}
	sent := srv.Sent(77)
	if len(sent) != 5 {
		t.Fatalf("sent %d messages, want 5", len(sent))
	}
	if b, ok := sent[0].ReplyMarkup.InlineButton("B"); !ok || b.CallbackData != "pick:1" {
		t.Errorf("inline button B = %+v, %v", b, ok)
	}
	if kb := sent[1].ReplyMarkup.Keyboard; len(kb) != 1 || !kb[0][0].RequestLocation || kb[0][0].Text != "📍 Share" {
		t.Errorf("location keyboard = %+v", kb)
	}
	if v := sent[2].Venue; sent[2].Method != "sendVenue" || v == nil || v.Title != "Station" || !sent[2].ReplyMarkup.RemoveKeyboard {
		t.Errorf("venue = %+v", sent[2])
	}
	if len(sent[3].Text)+len(sent[4].Text) != 5000 {
		t.Errorf("split text lengths %d+%d, want 5000 in all", len(sent[3].Text), len(sent[4].Text))
	}
}

func TestSendErrors(t *testing.T) {
	tg, srv := start(t, newInbox())
	ctx := context.Background()
	chat := core.ChatRef{Channel: core.Telegram, ID: "78"}

	srv.SetBlocked(78, true)
	err := tg.Send(ctx, chat, core.Reply{Text: "hello"})
	if !errors.Is(err, bot.ErrorForbidden) {
		t.Errorf("send to a chat that blocked the bot: got %v, want bot.ErrorForbidden", err)
	}
	srv.SetBlocked(78, false)

	srv.FailNext("sendMessage", 5, emulator.Fault{Code: 429, RetryAfter: 1})
	cctx, cancel := context.WithTimeout(ctx, 1500*time.Millisecond)
	defer cancel()
	err = tg.Send(cctx, chat, core.Reply{Text: "hello"})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("send while rate limited past the deadline: got %v, want context.DeadlineExceeded", err)
	}

	if err := tg.Send(ctx, core.ChatRef{Channel: core.WhatsApp, ID: "77010000000"}, core.Reply{Text: "x"}); err == nil {
		t.Error("send to a WhatsApp chat: got nil error")
	}
}

func TestTokenNeverInErrors(t *testing.T) {
	closed := emulator.New(token)
	closedURL := closed.URL()
	closed.Close() // nothing listens any more
	// A proxy that echoes the request path, token included, as plain text.
	echo := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "Cannot POST "+r.URL.Path, http.StatusNotFound)
	}))
	defer echo.Close()

	for _, url := range []string{closedURL, echo.URL} {
		_, err := telegram.New(context.Background(), telegram.Config{Token: token, APIURL: url, Acceptor: newInbox(), Log: zerolog.Nop()})
		if err == nil {
			t.Fatalf("New against %s: got nil error", url)
		}
		if strings.Contains(err.Error(), strings.SplitN(token, ":", 2)[1]) {
			t.Errorf("error leaks the token: %v", err)
		}
	}
}

// TestPollingConfirmsOnlyRecordedUpdates holds the Acceptor and checks that
// Telegram still holds the update: were the bot to crash now, it would be
// delivered again.
func TestPollingConfirmsOnlyRecordedUpdates(t *testing.T) {
	release := make(chan struct{})
	got := make(chan core.Inbound, 10)
	var failOnce sync.Once
	acc := acceptFunc(func(ctx context.Context, in core.Inbound) error {
		select {
		case <-release:
		case <-ctx.Done():
			return ctx.Err()
		}
		var err error
		failOnce.Do(func() { err = errors.New("disk full") })
		if err != nil {
			return err // storage failed once: the update must be offered again
		}
		got <- in
		return nil
	})
	_, srv := start(t, acc)
	id := srv.SendText(42, models.User{ID: 42, FirstName: "A"}, "hello")
	second := srv.SendText(42, models.User{ID: 42, FirstName: "A"}, "again")

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// Wait until the bot holds the batch; then make sure it asks for no
	// more while the first update is unrecorded.
	if err := srv.Wait(ctx, func(calls []emulator.Call) bool { return countMethod(calls, "getUpdates") >= 1 }); err != nil {
		t.Fatal(err)
	}
	if pending := srv.Pending(); !slices.Contains(pending, id) || !slices.Contains(pending, second) {
		t.Fatalf("pending = %v while the acceptor is blocked; want %d and %d unconfirmed", pending, id, second)
	}
	close(release)
	for range 2 {
		select {
		case <-got:
		case <-ctx.Done():
			t.Fatal("updates not accepted after release")
		}
	}
	if err := srv.Wait(ctx, func([]emulator.Call) bool { return len(srv.Pending()) == 0 }); err != nil {
		t.Errorf("updates never confirmed after they were recorded: pending %v", srv.Pending())
	}
}

// TestPollingAcceptsABatchTogether queues updates before the bot polls:
// one getUpdates answer reaches the Acceptor as one batch, in order,
// without the update the bot ignores, and the whole batch is then
// confirmed and its button press answered.
func TestPollingAcceptsABatchTogether(t *testing.T) {
	srv := emulator.New(token)
	user := models.User{ID: 42, FirstName: "A"}
	srv.SendText(42, user, "one")
	srv.SendUpdate(loadUpdate(t, "group_text.json"))
	srv.SendUpdate(loadUpdate(t, "callback.json"))
	srv.SendText(42, user, "two")
	box := newInbox()
	startOn(t, srv, box)
	for range 3 {
		box.next(t)
	}
	box.mu.Lock()
	got, batches := box.got, box.batches
	box.mu.Unlock()
	var kinds []string
	for _, in := range got {
		kinds = append(kinds, in.Text+in.Data)
	}
	if want := []string{"one", "lang:ru", "two"}; !slices.Equal(kinds, want) || !slices.Equal(batches, []int{3}) {
		t.Fatalf("accepted %q in batches %v, want %q in one batch of 3", kinds, batches, want)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Wait(ctx, func([]emulator.Call) bool { return len(srv.Pending()) == 0 }); err != nil {
		t.Errorf("batch never confirmed: pending %v", srv.Pending())
	}
	err := srv.Wait(ctx, func(calls []emulator.Call) bool { return countMethod(calls, "answerCallbackQuery") == 1 })
	if err != nil {
		t.Errorf("button press in the batch never answered: %v", err)
	}
}

func countMethod(calls []emulator.Call, method string) int {
	n := 0
	for _, c := range calls {
		if c.Method == method {
			n++
		}
	}
	return n
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		cfg  telegram.Config
	}{
		{"no token", telegram.Config{}},
		{"bad api url", telegram.Config{Token: token, APIURL: "::"}},
		{"http webhook", telegram.Config{Token: token, WebhookURL: "http://bot.example.kz/hook", WebhookSecret: "s"}},
		{"no secret", telegram.Config{Token: token, WebhookURL: "https://bot.example.kz/hook"}},
		{"bad secret", telegram.Config{Token: token, WebhookURL: "https://bot.example.kz/hook", WebhookSecret: "has space"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := telegram.New(context.Background(), tt.cfg); !errors.Is(err, telegram.ErrConfig) {
				t.Errorf("got %v, want ErrConfig", err)
			}
		})
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
