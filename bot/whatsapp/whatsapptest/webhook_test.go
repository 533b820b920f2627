package whatsapptest_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/beatbot-kz/beatbot/bot/whatsapp/whatsapptest"
)

const appSecret = "app-secret"

// strictHook answers like the webhook the bot should have: 413 over 64 KiB,
// 401 on a bad signature (checked here with crypto/hmac, independently of
// the fake), 400 on bad JSON; it passes the raw bodies it took to got.
func strictHook(t *testing.T, got chan<- []byte) *whatsapptest.Webhook {
	t.Helper()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 64<<10))
		if err != nil {
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			return
		}
		mac := hmac.New(sha256.New, []byte(appSecret))
		mac.Write(body)
		want := "sha256=" + hex.EncodeToString(mac.Sum(nil))
		if !hmac.Equal([]byte(r.Header.Get("X-Hub-Signature-256")), []byte(want)) {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		if !json.Valid(body) {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		got <- body
	}))
	t.Cleanup(ts.Close)
	return &whatsapptest.Webhook{URL: ts.URL, AppSecret: appSecret, PhoneNumberID: testPhoneID}
}

// inbound is the part of Meta's payload the tests look at.
type inbound struct {
	Object string `json:"object"`
	Entry  []struct {
		Changes []struct {
			Field string `json:"field"`
			Value struct {
				Metadata struct {
					PhoneNumberID string `json:"phone_number_id"`
				} `json:"metadata"`
				Contacts []struct {
					Profile struct{ Name string } `json:"profile"`
					WaID    string                `json:"wa_id"`
				} `json:"contacts"`
				Messages []map[string]json.RawMessage `json:"messages"`
				Statuses []map[string]json.RawMessage `json:"statuses"`
			} `json:"value"`
		} `json:"changes"`
	} `json:"entry"`
}

func TestWebhookPayloads(t *testing.T) {
	got := make(chan []byte, 1)
	hook := strictHook(t, got)
	ctx := testCtx(t)
	tests := []struct {
		name string
		post func() (string, error)
		typ  string
		part string // the type's object, as JSON
	}{
		{"text", func() (string, error) { return hook.Text(ctx, alice, "Aigerim", "Hello") }, "text", `{"body":"Hello"}`},
		{"button", func() (string, error) { return hook.Button(ctx, alice, "Aigerim", "yes", "Yes") }, "interactive",
			`{"type":"button_reply","button_reply":{"id":"yes","title":"Yes"}}`},
		{"list", func() (string, error) { return hook.ListReply(ctx, alice, "Aigerim", "r1", "Medeu") }, "interactive",
			`{"type":"list_reply","list_reply":{"id":"r1","title":"Medeu"}}`},
		{"location", func() (string, error) { return hook.Location(ctx, alice, "Aigerim", 43.25, 76.95) }, "location",
			`{"latitude":43.25,"longitude":76.95}`},
		{"image", func() (string, error) { return hook.Image(ctx, alice, "Aigerim", "555", "Pothole") }, "image", ""},
		{"sticker", func() (string, error) { return hook.Sticker(ctx, alice, "Aigerim") }, "sticker", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wamid, err := tt.post()
			if err != nil {
				t.Fatalf("post: %v", err)
			}
			var p inbound
			if err := json.Unmarshal(<-got, &p); err != nil {
				t.Fatal(err)
			}
			v := p.Entry[0].Changes[0].Value
			if p.Object != "whatsapp_business_account" || p.Entry[0].Changes[0].Field != "messages" ||
				v.Metadata.PhoneNumberID != testPhoneID || v.Contacts[0].WaID != alice || v.Contacts[0].Profile.Name != "Aigerim" {
				t.Fatalf("got %+v, want Meta's envelope", p)
			}
			m := v.Messages[0]
			if string(m["id"]) != `"`+wamid+`"` || string(m["from"]) != `"`+alice+`"` || string(m["type"]) != `"`+tt.typ+`"` || m["timestamp"] == nil {
				t.Errorf("got %v, want id %s from %s of type %s", m, wamid, alice, tt.typ)
			}
			if part := m[tt.typ]; part == nil || (tt.part != "" && string(part) != tt.part) {
				t.Errorf("got %s %s, want %s", tt.typ, part, tt.part)
			}
		})
	}
}

func TestWebhookStatus(t *testing.T) {
	got := make(chan []byte, 1)
	hook := strictHook(t, got)
	if err := hook.Status(testCtx(t), alice, "wamid.OUT1", "failed", 131047); err != nil {
		t.Fatal(err)
	}
	var p inbound
	_ = json.Unmarshal(<-got, &p)
	st := p.Entry[0].Changes[0].Value.Statuses[0]
	var errs []struct {
		Code      int
		Title     string
		ErrorData struct{ Details string } `json:"error_data"`
	}
	_ = json.Unmarshal(st["errors"], &errs)
	if string(st["id"]) != `"wamid.OUT1"` || string(st["status"]) != `"failed"` || string(st["recipient_id"]) != `"`+alice+`"` ||
		len(errs) != 1 || errs[0].Code != 131047 || errs[0].Title != "Re-engagement message" || errs[0].ErrorData.Details == "" {
		t.Errorf("got %v with errors %+v, want a failed 131047 status", st, errs)
	}
}

func TestWebhookSigningAndReplay(t *testing.T) {
	got := make(chan []byte, 2)
	hook := strictHook(t, got)
	ctx := testCtx(t)
	wamid, err := hook.Text(ctx, alice, "Aigerim", "Pothole on Abay")
	if err != nil {
		t.Fatal(err)
	}
	first := <-got
	if err := hook.Replay(ctx, wamid); err != nil {
		t.Fatal(err)
	}
	if again := <-got; !bytes.Equal(first, again) {
		t.Errorf("got %s on replay, want %s byte for byte", again, first)
	}
	if err := hook.Replay(ctx, "wamid.NEVER"); !errors.Is(err, whatsapptest.ErrUnknownMessage) {
		t.Errorf("got %v, want ErrUnknownMessage", err)
	}

	tests := []struct {
		name      string
		body      []byte
		signature string
		want      int
	}{
		{"signed", first, hook.Sign(first), 200},
		{"no signature", first, "", 401},
		{"other secret", first, (&whatsapptest.Webhook{AppSecret: "other"}).Sign(first), 401},
		{"bare hex", first, hook.Sign(first)[len("sha256="):], 401},
		{"malformed JSON", []byte(`{"object":`), hook.Sign([]byte(`{"object":`)), 400},
		{"oversized", bytes.Repeat([]byte(" "), 100<<10), "sha256=00", 413},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := hook.Post(ctx, tt.body, tt.signature)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("got %d, want %d", resp.StatusCode, tt.want)
			}
			if tt.want == 200 {
				<-got
			}
		})
	}
	bad := &whatsapptest.Webhook{URL: hook.URL, AppSecret: "wrong"}
	var se *whatsapptest.StatusError
	if _, err := bad.Text(ctx, alice, "Aigerim", "hi"); !errors.As(err, &se) || se.StatusCode != 401 {
		t.Errorf("got %v, want a *StatusError with 401", err)
	}
}

func TestPress(t *testing.T) {
	srv := newServer(t)
	got := make(chan []byte, 1)
	hook := strictHook(t, got)
	ctx := testCtx(t)
	send(t, srv, buttonsMsg(alice, "Pick", "Yes", "No"))
	send(t, srv, listMsg(alice, "Districts", "Almaly", "Medeu"))
	sent := srv.Sent(alice)
	tests := []struct {
		name  string
		sent  whatsapptest.Sent
		title string
		want  string // the interactive object; "" for ErrNoButton
	}{
		{"button", sent[0], "No", `{"type":"button_reply","button_reply":{"id":"b1","title":"No"}}`},
		{"list row", sent[1], "Medeu", `{"type":"list_reply","list_reply":{"id":"r1","title":"Medeu","description":"row Medeu"}}`},
		{"no such title", sent[0], "Maybe", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := hook.Press(ctx, alice, "Aigerim", tt.sent, tt.title)
			if tt.want == "" {
				if !errors.Is(err, whatsapptest.ErrNoButton) {
					t.Errorf("got %v, want ErrNoButton", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var p inbound
			_ = json.Unmarshal(<-got, &p)
			m := p.Entry[0].Changes[0].Value.Messages[0]
			var c struct{ From, ID string }
			_ = json.Unmarshal(m["context"], &c)
			if string(m["interactive"]) != tt.want || c.ID != tt.sent.ID || c.From != whatsapptest.DefaultDisplayPhoneNumber {
				t.Errorf("got %s with context %+v, want %s in reply to %s", m["interactive"], c, tt.want, tt.sent.ID)
			}
		})
	}
}

func TestVerify(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("hub.mode") != "subscribe" || q.Get("hub.verify_token") != "vt" {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		_, _ = io.WriteString(w, q.Get("hub.challenge"))
	}))
	defer ts.Close()
	hook := &whatsapptest.Webhook{URL: ts.URL}
	if status, body, err := hook.Verify(testCtx(t), "vt", "1158201444"); err != nil || status != 200 || body != "1158201444" {
		t.Errorf("got %d %q %v, want the challenge", status, body, err)
	}
	if status, _, _ := hook.Verify(testCtx(t), "guess", "1"); status != 403 {
		t.Errorf("got %d, want 403", status)
	}
}
