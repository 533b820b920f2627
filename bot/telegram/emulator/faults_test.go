package emulator_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
)

func TestFailNext(t *testing.T) {
	tests := []struct {
		name     string
		method   string
		fault    emulator.Fault
		check    func(t *testing.T, err error)
		wantSent int // messages recorded after the failed call
	}{
		{"429 with retry_after", "sendMessage", emulator.Fault{Code: 429, RetryAfter: 7}, func(t *testing.T, err error) {
			var tooMany *bot.TooManyRequestsError
			if !errors.As(err, &tooMany) || tooMany.RetryAfter != 7 {
				t.Errorf("got %v, want *bot.TooManyRequestsError with RetryAfter 7", err)
			}
		}, 0},
		{"any method, case ignored", "", emulator.Fault{Code: 502}, func(t *testing.T, err error) {
			if err == nil || !strings.Contains(err.Error(), "502 Bad Gateway") {
				t.Errorf("got %v, want 502 Bad Gateway", err)
			}
		}, 0},
		{"forbidden", "SENDMESSAGE", emulator.Fault{Code: 403}, func(t *testing.T, err error) {
			if !errors.Is(err, bot.ErrorForbidden) {
				t.Errorf("got %v, want bot.ErrorForbidden", err)
			}
		}, 0},
		{"dropped connection", "sendMessage", emulator.Fault{Drop: true}, func(t *testing.T, err error) {
			if err == nil {
				t.Errorf("got no error, want a transport error")
			}
		}, 0},
		{"sent but answer lost", "sendMessage", emulator.Fault{Drop: true, Executed: true}, func(t *testing.T, err error) {
			if err == nil {
				t.Errorf("got no error, want a transport error")
			}
		}, 1},
		{"delay only", "sendMessage", emulator.Fault{Delay: 50 * time.Millisecond}, func(t *testing.T, err error) {
			if err != nil {
				t.Errorf("got %v, want success after the delay", err)
			}
		}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t)
			b := newBot(t, srv)
			ctx := testCtx(t)
			srv.FailNext(tt.method, 1, tt.fault)
			start := time.Now()
			_, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: alice.ID, Text: "hi"})
			if d := time.Since(start); d < tt.fault.Delay {
				t.Errorf("answered after %v, want at least %v", d, tt.fault.Delay)
			}
			tt.check(t, err)
			if got := len(srv.Sent(alice.ID)); got != tt.wantSent {
				t.Errorf("got %d sent, want %d", got, tt.wantSent)
			}
			// The fault is used up: the retry goes through.
			if _, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: alice.ID, Text: "hi"}); err != nil {
				t.Errorf("retry: got %v, want success", err)
			}
		})
	}
}

func TestFailNextCountsCalls(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := testCtx(t)
	srv.FailNext("sendMessage", 2, emulator.Fault{Code: 500})
	var failed int
	for range 4 {
		if _, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: alice.ID, Text: "hi"}); err != nil {
			failed++
		}
	}
	if failed != 2 {
		t.Errorf("got %d failures, want 2", failed)
	}
	statuses := []int{}
	for _, c := range srv.Calls() {
		statuses = append(statuses, c.Status)
	}
	if got, want := statuses, []int{500, 500, 200, 200}; !slices.Equal(got, want) {
		t.Errorf("got statuses %v, want %v", got, want)
	}
}

func TestSetFaultRateIsSeeded(t *testing.T) {
	failures := func(seed uint64) []int {
		srv := newServer(t, emulator.WithSeed(seed))
		b := newBot(t, srv)
		srv.SetFaultRate("sendChatAction", 0.3, emulator.Fault{Code: 500})
		var failed []int
		for i := range 100 {
			if _, err := b.SendChatAction(testCtx(t), &bot.SendChatActionParams{ChatID: alice.ID, Action: "typing"}); err != nil {
				failed = append(failed, i)
			}
		}
		return failed
	}
	a, b := failures(42), failures(42)
	if !slices.Equal(a, b) {
		t.Errorf("got %v and %v, want the same failures for the same seed", a, b)
	}
	if len(a) < 10 || len(a) > 50 {
		t.Errorf("got %d failures of 100 at rate 0.3, want about 30", len(a))
	}
}

// With several faults, each failing call gets one of them.
func TestSetFaultRateMixesFaults(t *testing.T) {
	srv := newServer(t, emulator.WithSeed(7))
	b := newBot(t, srv)
	srv.SetFaultRate("sendChatAction", 1, emulator.Fault{Code: 500}, emulator.Fault{Code: 502}, emulator.Fault{Code: 429, RetryAfter: 2})
	seen := map[string]int{}
	for range 60 {
		_, err := b.SendChatAction(testCtx(t), &bot.SendChatActionParams{ChatID: alice.ID, Action: "typing"})
		var tooMany *bot.TooManyRequestsError
		switch {
		case err == nil:
			t.Fatal("a call succeeded at rate 1")
		case errors.As(err, &tooMany):
			seen["429"]++
		case strings.Contains(err.Error(), " 500 "):
			seen["500"]++
		case strings.Contains(err.Error(), " 502 "):
			seen["502"]++
		default:
			t.Fatalf("unexpected error %v", err)
		}
	}
	for _, k := range []string{"500", "502", "429"} {
		if seen[k] < 5 {
			t.Errorf("fault %s injected %d times of 60, want about 20 (all: %v)", k, seen[k], seen)
		}
	}
	srv.SetFaultRate("sendChatAction", 0)
	if _, err := b.SendChatAction(testCtx(t), &bot.SendChatActionParams{ChatID: alice.ID, Action: "typing"}); err != nil {
		t.Errorf("after turning faults off: %v", err)
	}
}
