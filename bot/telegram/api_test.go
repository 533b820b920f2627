package telegram_test

import (
	"context"
	"errors"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/beatbot-kz/beatbot/bot/telegram"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/rs/zerolog"
)

// fakeAPI counts what a bot does to a Bot API server of a test's own.
type fakeAPI struct {
	calls atomic.Int32 // calls but getMe
	conns atomic.Int32 // connections opened
}

// answering is a Bot API server whose calls but getMe answer with status
// and body.
func answering(t *testing.T, status int, body string) (*telegram.Telegram, *fakeAPI) {
	t.Helper()
	return answeringWith(t, func(w http.ResponseWriter, _ int32) {
		w.WriteHeader(status)
		w.Write([]byte(body))
	})
}

// answeringWith is a Bot API server whose calls but getMe h answers, told
// which call (from 1) it is answering.
func answeringWith(t *testing.T, h func(w http.ResponseWriter, call int32)) (*telegram.Telegram, *fakeAPI) {
	t.Helper()
	api := &fakeAPI{}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/getMe") {
			w.Write([]byte(`{"ok":true,"result":{"id":1,"is_bot":true,"first_name":"Beat","username":"beat_bot"}}`))
			return
		}
		h(w, api.calls.Add(1))
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			api.conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	tg, err := telegram.New(context.Background(), telegram.Config{Token: token, APIURL: srv.URL, Acceptor: newInbox(), Log: zerolog.Nop()})
	if err != nil {
		t.Fatal(err)
	}
	return tg, api
}

// TestAnswersRead covers the answers the bot's own calls read: a success,
// however it is written, and failures that are not the Bot API's JSON.
func TestAnswersRead(t *testing.T) {
	sent := `{"ok":true,"result":{"message_id":7,"date":1764000000,"chat":{"id":900,"type":"private"},"text":"` + strings.Repeat("ж", 3000) + `"}}`
	tests := []struct {
		name   string
		status int
		body   string
		ok     bool
	}{
		{"sent message", http.StatusOK, sent, true},
		{"success without a result", http.StatusOK, `{"ok":true}`, true},
		{"success, fields in another order", http.StatusOK, `{"result":true,"ok":true}`, true},
		{"refusal", http.StatusBadRequest, `{"ok":false,"error_code":400,"description":"Bad Request: message text is empty"}`, false},
		{"proxy's error page", http.StatusBadGateway, `<html><body>502 Bad Gateway</body></html>`, false},
		{"empty answer", http.StatusOK, ``, false},
		{"short answer", http.StatusOK, `{}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tg, _ := answering(t, tt.status, tt.body)
			_, err := tg.Deliver(context.Background(), chatRef(900), core.Reply{Text: "hi"}, 0)
			if (err == nil) != tt.ok {
				t.Errorf("got %v, want success %v", err, tt.ok)
			}
			if err != nil && errors.Is(err, core.ErrUnreachable) {
				t.Errorf("got %v: no answer here says the chat is gone", err)
			}
		})
	}
}

// TestAnswersLeaveTheConnectionOpen: a successful answer is skipped, not
// read, yet the connection must serve the next call; a call that dials
// anew costs more than the whole call.
func TestAnswersLeaveTheConnectionOpen(t *testing.T) {
	long := `{"ok":true,"result":{"message_id":7,"date":1764000000,"chat":{"id":900,"type":"private"},"text":"` + strings.Repeat("ж", 3000) + `"}}`
	tg, api := answering(t, http.StatusOK, long)
	before := api.conns.Load() // getMe's
	for i := range 20 {
		if err := tg.Send(context.Background(), chatRef(900), core.Reply{Text: "hi"}); err != nil {
			t.Fatalf("send %d: %v", i, err)
		}
	}
	if n := api.conns.Load() - before; n > 1 {
		t.Errorf("20 sends one after another opened %d connections, want at most 1", n)
	}
}

// TestAnswerCutShortAfterOK: once Telegram has said the message went out,
// losing the rest of its answer must not make the bot send it again.
func TestAnswerCutShortAfterOK(t *testing.T) {
	tg, api := answeringWith(t, func(w http.ResponseWriter, _ int32) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n" + `{"ok":true,"result":{"mess`)
		buf.Flush()
	})
	if err := tg.Send(context.Background(), chatRef(900), core.Reply{Text: "hi"}); err != nil {
		t.Errorf("send: %v, want success", err)
	}
	if n := api.calls.Load(); n != 1 {
		t.Errorf("%d sendMessage calls, want 1: the message went out with the first", n)
	}
}

// TestGatewayErrorIsRetried: a gateway's JSON error without the Bot API's
// error_code is read by its HTTP status, so a 502 is tried again.
func TestGatewayErrorIsRetried(t *testing.T) {
	tg, api := answeringWith(t, func(w http.ResponseWriter, call int32) {
		if call == 1 {
			w.WriteHeader(http.StatusBadGateway)
			w.Write([]byte(`{"message":"upstream connect error"}`))
			return
		}
		w.Write([]byte(`{"ok":true,"result":{"message_id":8}}`))
	})
	if err := tg.Send(context.Background(), chatRef(900), core.Reply{Text: "hi"}); err != nil {
		t.Errorf("send: %v, want success on the second try", err)
	}
	if n := api.calls.Load(); n != 2 {
		t.Errorf("%d sendMessage calls, want 2", n)
	}
}

// TestUnencodableReplyIsRejected: a reply that cannot be encoded fails the
// same way every time, so the notifier must not retry it.
func TestUnencodableReplyIsRejected(t *testing.T) {
	tg, api := answeringWith(t, func(w http.ResponseWriter, _ int32) {
		w.Write([]byte(`{"ok":true,"result":{"message_id":8}}`))
	})
	r := core.Reply{Pin: &core.Pin{Point: core.Point{Lat: math.NaN(), Lon: 73.1}, Title: "Station"}}
	if _, err := tg.Deliver(context.Background(), chatRef(900), r, 0); !errors.Is(err, core.ErrRejected) {
		t.Errorf("got %v, want core.ErrRejected", err)
	}
	if n := api.calls.Load(); n != 0 {
		t.Errorf("%d calls made, want none", n)
	}
}
