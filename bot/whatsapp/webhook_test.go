package whatsapp_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/whatsapp"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/rs/zerolog"
)

const (
	hookSecret  = "app-secret-5e1b0c9d4f2a7e3b8c6d"
	hookVerify  = "verify-token-a41f09c2"
	hookPhoneID = "109876543210987"
)

// hookNow is the adapter's clock, shortly after the sample timestamps.
var hookNow = time.Date(2024, 6, 10, 12, 0, 0, 0, time.UTC)

// hookInbox is the Acceptor: it records what it gets and fails when fail
// says so.
type hookInbox struct {
	mu   sync.Mutex
	got  []core.Inbound
	fail func(core.Inbound) error
}

func (b *hookInbox) Accept(_ context.Context, in core.Inbound) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.fail != nil {
		if err := b.fail(in); err != nil {
			return err
		}
	}
	b.got = append(b.got, in)
	return nil
}

func (b *hookInbox) messages() []core.Inbound {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]core.Inbound(nil), b.got...)
}

// hookStatuses is the StatusHandler: it records statuses and answers err.
type hookStatuses struct {
	mu  sync.Mutex
	got []whatsapp.Status
	err error
}

func (h *hookStatuses) Status(_ context.Context, s whatsapp.Status) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.got = append(h.got, s)
	return h.err
}

func (h *hookStatuses) statuses() []whatsapp.Status {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]whatsapp.Status(nil), h.got...)
}

// hookLog is a log sink safe for the server's goroutines.
type hookLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *hookLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// newHookServer serves the adapter's webhook over real HTTP. On cleanup it
// checks that no secret reached the log, which it keeps at debug level.
func newHookServer(tb testing.TB, acc whatsapp.Acceptor, st whatsapp.StatusHandler) *httptest.Server {
	tb.Helper()
	logs := &hookLog{}
	cfg := whatsapp.Config{
		Token: "graph-token-unused-here", PhoneNumberID: hookPhoneID, AppSecret: hookSecret, VerifyToken: hookVerify,
		Acceptor: acc, Log: zerolog.New(logs).Level(zerolog.DebugLevel), Now: func() time.Time { return hookNow },
	}
	if st != nil {
		cfg.Statuses = st
	}
	wa, err := whatsapp.New(cfg)
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	srv := httptest.NewServer(wa.WebhookHandler())
	tb.Cleanup(func() {
		srv.Close()
		logs.mu.Lock()
		defer logs.mu.Unlock()
		for _, secret := range []string{hookSecret, hookVerify} {
			if strings.Contains(logs.buf.String(), secret) {
				tb.Errorf("log contains a secret: %s", logs.buf.String())
			}
		}
	})
	return srv
}

// signHook returns the X-Hub-Signature-256 value Meta sends with body.
func signHook(body []byte, secret string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// postHook posts body with the signature sig (none if empty) and returns
// the status code.
func postHook(tb testing.TB, srv *httptest.Server, body io.Reader, sig string) int {
	tb.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL, body)
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if sig != "" {
		req.Header.Set("X-Hub-Signature-256", sig)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		tb.Fatalf("POST: %v", err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// postSigned posts body signed with the app secret.
func postSigned(tb testing.TB, srv *httptest.Server, body []byte) int {
	tb.Helper()
	return postHook(tb, srv, bytes.NewReader(body), signHook(body, hookSecret))
}

func hookSample(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func TestWebhookVerify(t *testing.T) {
	srv := newHookServer(t, &hookInbox{}, nil)
	tests := []struct {
		name   string
		query  url.Values
		status int
	}{
		{"right token", url.Values{"hub.mode": {"subscribe"}, "hub.verify_token": {hookVerify}, "hub.challenge": {"1158201444"}}, http.StatusOK},
		{"wrong token", url.Values{"hub.mode": {"subscribe"}, "hub.verify_token": {"guess"}, "hub.challenge": {"1"}}, http.StatusForbidden},
		{"token prefix", url.Values{"hub.mode": {"subscribe"}, "hub.verify_token": {hookVerify[:5]}, "hub.challenge": {"1"}}, http.StatusForbidden},
		{"no token", url.Values{"hub.mode": {"subscribe"}, "hub.challenge": {"1"}}, http.StatusForbidden},
		{"wrong mode", url.Values{"hub.mode": {"unsubscribe"}, "hub.verify_token": {hookVerify}, "hub.challenge": {"1"}}, http.StatusForbidden},
		{"no mode", url.Values{"hub.verify_token": {hookVerify}, "hub.challenge": {"1"}}, http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := srv.Client().Get(srv.URL + "?" + tt.query.Encode())
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status {
				t.Fatalf("status: got %d, want %d", resp.StatusCode, tt.status)
			}
			if tt.status == http.StatusOK && string(body) != tt.query.Get("hub.challenge") {
				t.Errorf("body: got %q, want the challenge %q", body, tt.query.Get("hub.challenge"))
			}
			if tt.status != http.StatusOK && strings.Contains(string(body), hookVerify) {
				t.Errorf("refusal reveals the token: %q", body)
			}
		})
	}
}
