package metrics_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/metrics"
	"github.com/beatbot-kz/beatbot/storage"
)

func get(t *testing.T, srv *httptest.Server, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// The handler serves the counters fed to it, the stored figures read from
// a real data file, and readiness that fails once storage is closed.
func TestHandler(t *testing.T) {
	ctx := context.Background()
	db, err := storage.Open(filepath.Join(t.TempDir(), "beatbot.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tk := core.Ticket{ID: 1, Code: "KRG-0001", Reporter: core.ChatRef{Channel: core.Telegram, ID: "7"}, Status: core.TicketNew, Created: time.Now(),
		Escalated: []string{"accept@1"}}
	if err := db.SaveTicket(ctx, tk, nil); err != nil {
		t.Fatal(err)
	}
	m := metrics.New(db, nil)
	m.Ready("storage", db.Ping)
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()

	m.Handled(core.Inbound{Chat: core.ChatRef{Channel: core.Telegram, ID: "7"}, Kind: core.KindCommand}, 3*time.Millisecond)
	m.Handled(core.Inbound{Chat: core.ChatRef{Channel: core.Telegram, ID: "7"}, Kind: core.KindCommand}, 30*time.Millisecond)
	m.Answered("safety-2026-q4")
	code, body := get(t, srv, "/metrics")
	if code != http.StatusOK {
		t.Fatalf("/metrics: %d", code)
	}
	for _, want := range []string{
		`beatbot_updates_total{channel="telegram",kind="command"} 2`,
		`beatbot_update_duration_seconds_count{channel="telegram"} 2`,
		`beatbot_update_duration_seconds_bucket{channel="telegram",le="0.005"} 1`,
		`beatbot_poll_answers_total{poll="safety-2026-q4"} 1`,
		`beatbot_tickets{status="new"} 1`,
		`beatbot_tickets{status="resolved"} 0`,
		`beatbot_sla_breaches_total{target="accept"} 1`,
		`beatbot_outbox_depth 0`,
		"beatbot_storage_commits_total",
		"beatbot_storage_file_bytes",
		"process_resident_memory_bytes",
		"go_goroutines",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}

	if code, _ := get(t, srv, "/healthz"); code != http.StatusOK {
		t.Errorf("/healthz: %d", code)
	}
	if code, body := get(t, srv, "/readyz"); code != http.StatusOK || !strings.Contains(body, "storage: ok") {
		t.Errorf("/readyz with storage open: %d %q", code, body)
	}
	db.Close()
	if code, body := get(t, srv, "/readyz"); code != http.StatusServiceUnavailable || !strings.Contains(body, "storage: ") || strings.Contains(body, "storage: ok") {
		t.Errorf("/readyz with storage closed: %d %q, want 503 naming storage", code, body)
	}
	if code, _ := get(t, srv, "/healthz"); code != http.StatusOK {
		t.Errorf("/healthz with storage closed: %d; the process is alive", code)
	}
}

// The transport counts API calls by method and result, counts sends, keeps
// the token out of every label, and makes readiness fail after calls in a
// row go unanswered.
func TestTransport(t *testing.T) {
	status := http.StatusOK
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(status)
	}))
	defer api.Close()
	m := metrics.New(nil, nil)
	client := &http.Client{Transport: m.Transport(core.Telegram, nil)}
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()

	call := func(method string) {
		resp, err := client.Get(api.URL + "/bot123:SECRET-TOKEN/" + method)
		if err == nil {
			resp.Body.Close()
		}
	}
	call("sendMessage")
	status = http.StatusTooManyRequests
	call("sendMessage")
	status = http.StatusForbidden
	call("sendPhoto")
	status = http.StatusBadGateway
	call("getUpdates")
	call("getUpdates")
	if code, _ := get(t, srv, "/readyz"); code != http.StatusOK {
		t.Errorf("/readyz after two failed calls: %d, want 200", code)
	}
	call("getUpdates")
	if code, body := get(t, srv, "/readyz"); code != http.StatusServiceUnavailable || !strings.Contains(body, "telegram: the last 3 getUpdates calls failed") {
		t.Errorf("/readyz after three failed calls: %d %q", code, body)
	} else if strings.Contains(body, "SECRET") {
		t.Errorf("/readyz reveals the token: %q", body)
	}
	_, body := get(t, srv, "/metrics")
	for _, want := range []string{
		`beatbot_api_calls_total{channel="telegram",method="sendMessage",result="ok"} 1`,
		`beatbot_api_calls_total{channel="telegram",method="sendMessage",result="429"} 1`,
		`beatbot_api_calls_total{channel="telegram",method="sendPhoto",result="403"} 1`,
		`beatbot_api_calls_total{channel="telegram",method="getUpdates",result="5xx"} 3`,
		`beatbot_sends_total{channel="telegram",result="ok"} 1`,
		`beatbot_sends_total{channel="telegram",result="429"} 1`,
		`beatbot_sends_total{channel="telegram",result="403"} 1`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if strings.Contains(body, "SECRET") {
		t.Error("/metrics reveals the token")
	}

	status = http.StatusOK
	call("getUpdates")
	if code, _ := get(t, srv, "/readyz"); code != http.StatusOK {
		t.Errorf("/readyz after the API answered again: %d", code)
	}
}
