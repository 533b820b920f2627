package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/go-telegram/bot/models"
)

// testToken looks like a real token, so a leak into logs would be caught.
const testToken = "7100000001:AAE-leak-canary-0123456789abcdefghij"

// syncBuffer collects the bot's log output from many goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// botProcess is one run() of the bot, as main would start it.
type botProcess struct {
	cancel context.CancelFunc
	done   chan error
	logs   *syncBuffer
}

// startBot runs the bot against the fake Bot API with the given data file
// and extra environment, and stops it at cleanup. It fails the test if the
// token appears anywhere in the logs.
func startBot(t *testing.T, srv *emulator.Server, dataPath string, env map[string]string) *botProcess {
	t.Helper()
	return startBotWith(t, srv, dataPath, env, defaultConfig)
}

// startBotWith is startBot with another city configuration.
func startBotWith(t *testing.T, srv *emulator.Server, dataPath string, env map[string]string, config string) *botProcess {
	t.Helper()
	vars := map[string]string{
		"TELEGRAM_BOT_TOKEN": srv.Token(),
		"TELEGRAM_API_URL":   srv.URL(),
		"BEATBOT_DATA":       dataPath,
		"BEATBOT_LOG_LEVEL":  "debug",
		// Bots run side by side in tests: each on ports of its own.
		"BEATBOT_OPS_ADDR":   "127.0.0.1:0",
		"BEATBOT_ADMIN_ADDR": "127.0.0.1:0",
	}
	for k, v := range env {
		vars[k] = v
	}
	ctx, cancel := context.WithCancel(context.Background())
	p := &botProcess{cancel: cancel, done: make(chan error, 1), logs: &syncBuffer{}}
	go func() {
		p.done <- run(ctx, []string{"beatbot", "-config", config}, func(k string) string { return vars[k] }, p.logs)
	}()
	t.Cleanup(func() { p.stop(t) })
	return p
}

// stop cancels the bot and waits for a clean exit.
func (p *botProcess) stop(t *testing.T) {
	t.Helper()
	if p.cancel == nil {
		return
	}
	p.cancel()
	p.cancel = nil
	select {
	case err := <-p.done:
		if err != nil {
			t.Errorf("run returned %v; logs:\n%s", err, p.logs)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("bot did not stop within 20s; logs:\n%s", p.logs)
	}
	if strings.Contains(p.logs.String(), testToken) || strings.Contains(p.logs.String(), strings.SplitN(testToken, ":", 2)[1]) {
		t.Errorf("the bot token appears in the logs")
	}
}

// resident is a person chatting with the bot through the fake Bot API.
type resident struct {
	t    *testing.T
	srv  *emulator.Server
	user models.User
	seen int
}

func newResident(t *testing.T, srv *emulator.Server, id int64, langCode string) *resident {
	return &resident{t: t, srv: srv, user: models.User{ID: id, FirstName: "Resident", LanguageCode: langCode}}
}

// expect waits for the next n messages the bot sends to this resident.
// The bound is generous: a reply usually comes in milliseconds, but a
// chief's poll results (a dozen charts) on a CI machine running every
// package's tests at once took longer than 15 s.
func (r *resident) expect(n int) []emulator.Sent {
	r.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	all, err := r.srv.WaitSent(ctx, r.user.ID, r.seen+n)
	if err != nil {
		r.t.Fatalf("waiting for %d more messages after %d: %v; got %s", n, r.seen, err, describe(r.srv.Sent(r.user.ID)[r.seen:]))
	}
	got := all[r.seen : r.seen+n]
	r.seen += n
	return got
}

func (r *resident) say(text string, replies int) []emulator.Sent {
	r.t.Helper()
	r.srv.SendText(r.user.ID, r.user, text)
	return r.expect(replies)
}

func (r *resident) shareLocation(lat, lon float64, replies int) []emulator.Sent {
	r.t.Helper()
	r.srv.SendLocation(r.user.ID, r.user, lat, lon)
	return r.expect(replies)
}

// press presses the inline button with the given label on msg.
func (r *resident) press(msg emulator.Sent, label string, replies int) []emulator.Sent {
	r.t.Helper()
	if msg.ReplyMarkup == nil {
		r.t.Fatalf("message %q has no buttons", msg.Text)
	}
	b, ok := msg.ReplyMarkup.InlineButton(label)
	if !ok {
		r.t.Fatalf("message %q has no button %q; has %v", msg.Text, label, msg.ReplyMarkup.InlineKeyboard)
	}
	r.srv.PressButton(r.user.ID, r.user, msg.MessageID, b.CallbackData)
	return r.expect(replies)
}

func describe(msgs []emulator.Sent) string {
	var b strings.Builder
	for _, m := range msgs {
		b.WriteString("\n  " + m.Method + ": " + m.Text)
	}
	return b.String()
}

func mustSay(t *testing.T, msgs []emulator.Sent, want ...string) {
	t.Helper()
	all := describe(msgs)
	for _, m := range msgs {
		if m.Venue != nil {
			all += "\n  [venue " + m.Venue.Title + "]"
		}
	}
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("bot did not say %q; it said:%s", w, all)
		}
	}
}

func TestNoTokenExplainsHowToGetOne(t *testing.T) {
	var out bytes.Buffer
	// `go run .` starts the playground; asking for the bot itself says how
	// to get a token.
	err := run(t.Context(), []string{"beatbot", "run"}, func(string) string { return "" }, &out)
	if !errors.Is(err, errNoToken) {
		t.Fatalf("run without a token: got %v, want errNoToken", err)
	}
	for _, want := range []string{"@BotFather", "/newbot", "TELEGRAM_BOT_TOKEN="} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message does not mention %q:\n%s", want, err)
		}
	}
}

func TestCheckCommand(t *testing.T) {
	var out bytes.Buffer
	if err := run(t.Context(), []string{"beatbot", "check", "-config", defaultConfig}, nil, &out); err != nil {
		t.Fatalf("check example city: %v", err)
	}
	if got := out.String(); !strings.Contains(got, "OK: 2 precincts, 8 districts") {
		t.Errorf("summary = %q", got)
	}

	err := run(t.Context(), []string{"beatbot", "check", "-config", "configs/testdata/references.yaml"}, nil, &out)
	if err == nil || !strings.Contains(err.Error(), `configs/testdata/references.yaml: districts[`) {
		t.Errorf("check of a broken file: got %v, want an error naming the file and field", err)
	}
}

func TestUnknownSubcommand(t *testing.T) {
	var out bytes.Buffer
	if err := run(t.Context(), []string{"beatbot", "launch"}, nil, &out); err == nil {
		t.Fatal("unknown subcommand: got nil error")
	}
	if !strings.Contains(out.String(), "Usage:") {
		t.Errorf("no usage printed: %q", out.String())
	}
}
