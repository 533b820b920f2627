package whatsapptest_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

func TestAuthAndRouting(t *testing.T) {
	srv := newServer(t)
	body, _ := json.Marshal(textMsg(alice, "hi"))
	tests := []struct {
		name       string
		method     string
		path       string
		token      string
		wantStatus int
		wantCode   int
		wantMsg    string
	}{
		{"wrong token", http.MethodPost, "/" + testPhoneID + "/messages", "guess", 401, 190, "Invalid OAuth access token."},
		{"no token", http.MethodPost, "/" + testPhoneID + "/messages", "", 401, 190, "Invalid OAuth access token."},
		{"wrong phone id", http.MethodPost, "/999/messages", testToken, 400, 100, "Object with ID '999' does not exist"},
		{"unknown edge", http.MethodPost, "/" + testPhoneID + "/calls", testToken, 400, 100, "Unsupported post request"},
		{"get messages", http.MethodGet, "/" + testPhoneID + "/messages", testToken, 400, 100, "Unsupported get request"},
		{"right", http.MethodPost, "/" + testPhoneID + "/messages", testToken, 200, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, a, raw, err := call(testCtx(t), tt.method, srv.URL()+tt.path, tt.token, "application/json", body)
			if err != nil {
				t.Fatal(err)
			}
			if status != tt.wantStatus || a.Error.Code != tt.wantCode || !strings.Contains(a.Error.Message, tt.wantMsg) {
				t.Errorf("got %d %s, want %d code %d %q", status, raw, tt.wantStatus, tt.wantCode, tt.wantMsg)
			}
			if status != 200 && (a.Error.TraceID == "" || a.Error.Type == "") {
				t.Errorf("got %s, want type and fbtrace_id", raw)
			}
		})
	}
	if got := len(srv.AllSent()); got != 1 {
		t.Errorf("got %d sent, want only the authorized message", got)
	}
	if got := len(srv.Calls()); got != len(tests) {
		t.Errorf("got %d calls, want %d", got, len(tests))
	}
}

func TestSuccessAnswerLikeMeta(t *testing.T) {
	srv := newServer(t)
	ctx := testCtx(t)
	body, _ := json.Marshal(textMsg(alice, "Hello"))
	status, _, raw, err := call(ctx, http.MethodPost, srv.URL()+"/"+testPhoneID+"/messages", testToken, "application/json", body)
	if err != nil || status != 200 {
		t.Fatalf("got %d %s %v, want 200", status, raw, err)
	}
	id := srv.Sent(alice)[0].ID
	want := `{"messaging_product":"whatsapp","contacts":[{"input":"` + alice + `","wa_id":"` + alice + `"}],"messages":[{"id":"` + id + `"}]}`
	if string(raw) != want {
		t.Errorf("got %s, want %s", raw, want)
	}
	if !strings.HasPrefix(id, "wamid.") {
		t.Errorf("got id %q, want a wamid", id)
	}
	if _, a := send(t, srv, templateMsg(alice, "reminder", "ru", "x")); a.Messages[0].MessageStatus != "accepted" {
		t.Errorf("got %+v, want message_status accepted for a template", a.Messages)
	}
}

func TestReadReceipt(t *testing.T) {
	srv := newServer(t)
	tests := []struct {
		name string
		msg  obj
		want int
	}{
		{"read", obj{"messaging_product": "whatsapp", "status": "read", "message_id": "wamid.ABC"}, 200},
		{"not a wamid", obj{"messaging_product": "whatsapp", "status": "read", "message_id": "42"}, 400},
		{"other status", obj{"messaging_product": "whatsapp", "status": "seen", "message_id": "wamid.ABC"}, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if status, a := send(t, srv, tt.msg); status != tt.want {
				t.Errorf("got %d %+v, want %d", status, a.Error, tt.want)
			}
		})
	}
	if got := srv.AllSent(); len(got) != 0 {
		t.Errorf("got %d sent, want read receipts not recorded as messages", len(got))
	}
}
