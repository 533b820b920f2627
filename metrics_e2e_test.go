package main

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/go-telegram/bot/models"
)

// scrape reads one of the bot's ops endpoints.
func scrape(t *testing.T, addr, path string) (int, string) {
	t.Helper()
	resp, err := http.Get("http://" + addr + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// metricValue finds a sample in Prometheus's text format; -1 when absent.
func metricValue(body, sample string) float64 {
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(sample) + ` ([0-9.e+]+)$`).FindStringSubmatch(body)
	if m == nil {
		return -1
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	return v
}

// waitMetric scrapes until sample reaches at least want; stored figures
// are read again only every few seconds.
func waitMetric(t *testing.T, addr, sample string, want float64) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		_, body := scrape(t, addr, "/metrics")
		if metricValue(body, sample) >= want {
			return body
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never reached %v; last scrape:\n%s", sample, want, body)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// TestMetricsAndHealth scrapes the running bot over HTTP while a resident
// talks to it and reports a concern: the counters move with the traffic,
// the ticket appears by status, and the bot is alive and ready; while the
// Bot API fails, readiness names Telegram.
func TestMetricsAndHealth(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	srv.AddChat(models.Chat{ID: dutyChatP1, Type: models.ChatTypeSupergroup, Title: "Duty desk"})
	ops := freeAddr(t)
	startBot(t, srv, filepath.Join(t.TempDir(), "beatbot.db"), map[string]string{"BEATBOT_OPS_ADDR": ops})

	// The ops listener opens once the bot has started.
	for deadline := time.Now().Add(15 * time.Second); ; {
		resp, err := http.Get("http://" + ops + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("/healthz: %d", resp.StatusCode)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/healthz never answered: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if code, body := scrape(t, ops, "/readyz"); code != http.StatusOK || !strings.Contains(body, "storage: ok") ||
		!strings.Contains(body, "scheduler: ok") || !strings.Contains(body, "telegram: ok") {
		t.Errorf("/readyz: %d %q", code, body)
	}
	_, before := scrape(t, ops, "/metrics")
	if v := metricValue(before, `beatbot_updates_total{channel="telegram",kind="command"}`); v > 0 {
		t.Errorf("commands counted before any was sent: %v", v)
	}

	res := &resident{t: t, srv: srv, user: models.User{ID: 704, FirstName: "R", LanguageCode: "kk"}}
	mustSay(t, reportKk(t, res, false), "KRG-0001")
	body := waitMetric(t, ops, `beatbot_tickets{status="new"}`, 1)
	for sample, want := range map[string]float64{
		`beatbot_updates_total{channel="telegram",kind="command"}`:  1,
		`beatbot_updates_total{channel="telegram",kind="button"}`:   7,
		`beatbot_updates_total{channel="telegram",kind="text"}`:     1,
		`beatbot_updates_total{channel="telegram",kind="location"}`: 1,
		`beatbot_update_duration_seconds_count{channel="telegram"}`: 10,
	} {
		if got := metricValue(body, sample); got != want {
			t.Errorf("%s = %v, want %v", sample, got, want)
		}
	}
	body = waitMetric(t, ops, `beatbot_sends_total{channel="telegram",result="ok"}`, 14)
	if v := metricValue(body, "beatbot_storage_commits_total"); v < 1 {
		t.Errorf("commits %v after a conversation", v)
	}

	// The Bot API answers every getUpdates with a 502: the bot is alive
	// but not ready, and says why.
	srv.SetFaultRate("getUpdates", 1, emulator.Fault{Code: 502})
	// The poll in progress ends with this message; the next ones fail.
	res.say("/start", 1)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for {
		code, body := scrape(t, ops, "/readyz")
		if code == http.StatusServiceUnavailable && strings.Contains(body, "getUpdates calls failed") {
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("/readyz still %d %q while getUpdates fails", code, body)
		case <-time.After(200 * time.Millisecond):
		}
	}
	if code, _ := scrape(t, ops, "/healthz"); code != http.StatusOK {
		t.Errorf("/healthz while the Bot API fails: %d; the process is alive", code)
	}
	if _, body := scrape(t, ops, "/metrics"); metricValue(body, `beatbot_api_calls_total{channel="telegram",method="getUpdates",result="5xx"}`) < 3 {
		t.Errorf("failed getUpdates not counted")
	}
}
