package whatsapptest_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/whatsapp/whatsapptest"
)

func TestFailNext(t *testing.T) {
	executedDrop := whatsapptest.Dropped
	executedDrop.Executed = true
	tests := []struct {
		name       string
		fault      whatsapptest.Fault
		wantStatus int // 0: a transport error
		wantCode   int
		wantSent   int // messages recorded by the failed call
	}{
		{"throughput", whatsapptest.Throughput, 429, 130429, 0},
		{"pair rate limit", whatsapptest.PairRateLimit, 400, 131056, 0},
		{"re-engagement", whatsapptest.ReEngagement, 400, 131047, 0},
		{"undeliverable", whatsapptest.Undeliverable, 400, 131026, 0},
		{"server error", whatsapptest.ServerError, 500, 131000, 0},
		{"bad gateway page", whatsapptest.BadGateway, 502, 0, 0},
		{"dropped", whatsapptest.Dropped, 0, 0, 0},
		{"sent but answer lost", executedDrop, 0, 0, 1},
		{"slow", whatsapptest.Slow(50 * time.Millisecond), 200, 0, 1},
	}
	body, _ := json.Marshal(textMsg(alice, "hi"))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t)
			srv.FailNext(1, tt.fault)
			start := time.Now()
			status, a, raw, err := call(testCtx(t), http.MethodPost, srv.URL()+"/"+testPhoneID+"/messages", testToken, "application/json", body)
			if d := time.Since(start); d < tt.fault.Delay {
				t.Errorf("answered after %v, want at least %v", d, tt.fault.Delay)
			}
			switch {
			case tt.wantStatus == 0 && err == nil:
				t.Errorf("got %d %s, want a transport error", status, raw)
			case tt.wantStatus != 0 && (err != nil || status != tt.wantStatus || a.Error.Code != tt.wantCode):
				t.Errorf("got %d %s %v, want %d code %d", status, raw, err, tt.wantStatus, tt.wantCode)
			case tt.wantCode != 0 && (a.Error.ErrorData.Details == "" || !strings.Contains(a.Error.Message, whatsapptest.Title(tt.wantCode))):
				t.Errorf("got %+v, want Meta's message and details", a.Error)
			}
			if got := len(srv.Sent(alice)); got != tt.wantSent {
				t.Errorf("got %d sent, want %d", got, tt.wantSent)
			}
			// The fault is used up: the retry goes through.
			if status, a := send(t, srv, textMsg(alice, "hi")); status != 200 {
				t.Errorf("retry: got %d %+v, want 200", status, a.Error)
			}
		})
	}
}

func TestFaultScope(t *testing.T) {
	const bob = "77029876543"
	srv := newServer(t)
	toBob := whatsapptest.Undeliverable
	toBob.To = bob
	upload := whatsapptest.ServerError
	upload.Upload = true
	srv.FailNext(2, toBob)
	srv.FailNext(1, upload)
	var statuses []int
	for _, to := range []string{alice, bob, alice, bob, bob} {
		status, _ := send(t, srv, textMsg(to, "hi"))
		statuses = append(statuses, status)
	}
	if want := []int{200, 400, 200, 400, 200}; !slices.Equal(statuses, want) {
		t.Errorf("got %v, want %v: only bob's first two fail, uploads untouched", statuses, want)
	}
	if status, _, _ := uploadFile(t, srv, "image/png", pngBytes); status != 500 {
		t.Errorf("upload: got %d, want the upload fault", status)
	}
}

func TestSetFaultRateIsSeeded(t *testing.T) {
	failures := func(seed uint64) []int {
		srv := newServer(t, whatsapptest.WithSeed(seed))
		srv.SetFaultRate(0.3, whatsapptest.Throughput)
		var failed []int
		for i := range 100 {
			if status, _ := send(t, srv, textMsg(alice, "hi")); status != 200 {
				failed = append(failed, i)
			}
		}
		srv.SetFaultRate(0, whatsapptest.Fault{})
		if status, _ := send(t, srv, textMsg(alice, "hi")); status != 200 {
			t.Errorf("after rate 0: got %d, want 200", status)
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

func TestOutsideWindow(t *testing.T) {
	srv := newServer(t)
	srv.OutsideWindow(alice)
	tests := []struct {
		name string
		msg  obj
		want int
	}{
		{"text", textMsg(alice, "hi"), 131047},
		{"buttons", buttonsMsg(alice, "Pick", "A"), 131047},
		{"template", templateMsg(alice, "reminder", "ru", "x"), 0},
		{"other number", textMsg("77029876543", "hi"), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, a := send(t, srv, tt.msg); a.Error.Code != tt.want {
				t.Errorf("got %+v, want code %d", a.Error, tt.want)
			}
		})
	}
	srv.InsideWindow(alice)
	if status, _ := send(t, srv, textMsg(alice, "hi")); status != 200 {
		t.Errorf("inside the window again: got %d, want 200", status)
	}
}

func TestTemplates(t *testing.T) {
	srv := newServer(t)
	srv.AddTemplate("ticket_update", "ru", 2)
	tests := []struct {
		name string
		msg  obj
		want int
	}{
		{"registered", templateMsg(alice, "ticket_update", "ru", "#1", "closed"), 0},
		{"other language", templateMsg(alice, "ticket_update", "kk", "#1", "closed"), 132001},
		{"unknown name", templateMsg(alice, "hello_world", "ru"), 132001},
		{"missing parameter", templateMsg(alice, "ticket_update", "ru", "#1"), 132000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, a := send(t, srv, tt.msg); a.Error.Code != tt.want {
				t.Errorf("got %+v, want code %d", a.Error, tt.want)
			}
		})
	}
}
