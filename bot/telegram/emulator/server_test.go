package emulator_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/go-telegram/bot"
)

func TestGetMeThroughClient(t *testing.T) {
	srv := newServer(t)
	b, err := bot.New(srv.Token(), bot.WithServerURL(srv.URL())) // calls getMe
	if err != nil {
		t.Fatalf("bot.New: %v", err)
	}
	me, err := b.GetMe(testCtx(t))
	if err != nil {
		t.Fatalf("getMe: %v", err)
	}
	if !me.IsBot || me.Username != "beatbot_test_bot" || me.ID != 123456 || me.ID != b.ID() {
		t.Errorf("got %+v, want bot beatbot_test_bot with the token's id %d", me, b.ID())
	}
}

func TestRouting(t *testing.T) {
	tests := []struct {
		name     string
		path     string
		status   int
		wantDesc string
	}{
		{"known method", "/bot" + testToken + "/getMe", http.StatusOK, ""},
		{"method case ignored", "/bot" + testToken + "/GETME", http.StatusOK, ""},
		{"wrong token", "/bot999:nope/getMe", http.StatusUnauthorized, "Unauthorized"},
		{"unknown method", "/bot" + testToken + "/sendDice", http.StatusNotFound, "Not Found"},
		{"no method", "/bot" + testToken + "/", http.StatusNotFound, "Not Found"},
		{"not the API", "/favicon.ico", http.StatusNotFound, "Not Found"},
	}
	srv := newServer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := http.Post(srv.URL()+tt.path, "application/json", strings.NewReader("{}"))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var r apiResponse
			if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
				t.Fatalf("decode: %v", err)
			}
			if resp.StatusCode != tt.status || r.OK != (tt.status == http.StatusOK) || r.Description != tt.wantDesc {
				t.Errorf("got %d ok=%v %q, want %d %q", resp.StatusCode, r.OK, r.Description, tt.status, tt.wantDesc)
			}
			if !r.OK && r.ErrorCode != tt.status {
				t.Errorf("got error_code %d, want %d", r.ErrorCode, tt.status)
			}
		})
	}
	calls := srv.Calls()
	if countCalls(calls, "getMe") != 2 || countCalls(calls, "sendDice") != 1 {
		t.Errorf("got calls %+v, want two getMe and the unknown sendDice recorded", calls)
	}
}

func TestRequestEncodings(t *testing.T) {
	markup := `{"inline_keyboard":[[{"text":"Go","callback_data":"go","copy_text":{"text":""}}]]}`
	tests := []struct {
		name        string
		contentType string
		body        string
	}{
		{"JSON", "application/json", `{"chat_id":501,"text":"hi","reply_markup":` + markup + `}`},
		{"url-encoded", "application/x-www-form-urlencoded", url.Values{"chat_id": {"501"}, "text": {"hi"}, "reply_markup": {markup}}.Encode()},
		{"multipart", "multipart/form-data; boundary=XX", "--XX\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n501\r\n" +
			"--XX\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhi\r\n" +
			"--XX\r\nContent-Disposition: form-data; name=\"reply_markup\"\r\n\r\n" + markup + "\r\n--XX--\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t)
			resp, err := http.Post(srv.URL()+"/bot"+testToken+"/sendMessage", tt.contentType, strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("got status %d, want 200", resp.StatusCode)
			}
			call := srv.Calls()[0]
			if call.Params["chat_id"] != "501" || call.Params["text"] != "hi" || !strings.Contains(call.Params["reply_markup"], `"callback_data":"go"`) {
				t.Errorf("got params %v, want chat_id, text and reply_markup JSON", call.Params)
			}
			sent, err := srv.WaitSent(testCtx(t), 501, 1)
			if err != nil {
				t.Fatal(err)
			}
			if b, ok := sent[0].ReplyMarkup.InlineButton("Go"); !ok || b.CallbackData != "go" {
				t.Errorf("got %+v, want button Go → go", sent[0].ReplyMarkup)
			}
		})
	}
}

func TestWaitSentBlocksUntilSent(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := testCtx(t)
	errs := make(chan error, 1)
	go func() {
		for _, text := range []string{"one", "two"} {
			if _, err := b.SendMessage(context.Background(), &bot.SendMessageParams{ChatID: alice.ID, Text: text}); err != nil {
				errs <- err
				return
			}
		}
		errs <- nil
	}()
	sent, err := srv.WaitSent(ctx, alice.ID, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(sent) != 2 || sent[0].Text != "one" || sent[1].Text != "two" {
		t.Errorf("got %+v, want one and two", sent)
	}
	if err := <-errs; err != nil {
		t.Fatal(err)
	}
	short, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := srv.WaitSent(short, alice.ID, 3); err == nil {
		t.Errorf("got no error waiting for a third message, want the context's")
	}
}
