package metrics

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// Transport wraps next (nil: http.DefaultTransport) so that every call to
// a messenger's API is counted by method and result, and every message
// sent also by result alone. It reads only the last element of the path:
// Telegram puts the bot's token in the path, and it must never reach a
// label.
//
// It also makes the channel part of readiness: /readyz fails while the
// last calls of any one API method all failed (no answer, or a 5xx), so
// a broken getUpdates shows even while sends still go through.
func (m *Metrics) Transport(ch core.Channel, next http.RoundTripper) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	t := &transport{m: m, ch: string(ch), next: next, methods: map[string]*health{}}
	m.Ready(string(ch), t.ready)
	return t
}

// unreachableAfter is how many API calls in a row must fail before a
// channel counts as unreachable: one lost call is no outage.
const unreachableAfter = 3

type transport struct {
	m    *Metrics
	ch   string
	next http.RoundTripper

	mu      sync.Mutex
	methods map[string]*health
}

// health is how one API method has been answering.
type health struct {
	failures int
	lastOK   time.Time
}

func (t *transport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(r)
	res := "error"
	if err == nil {
		res = result(resp.StatusCode)
	}
	method := apiMethod(r.URL.Path)
	t.mu.Lock()
	h := t.methods[method]
	if h == nil {
		h = &health{}
		t.methods[method] = h
	}
	if res == "error" || res == "5xx" {
		h.failures++
	} else {
		h.failures, h.lastOK = 0, time.Now()
	}
	t.mu.Unlock()
	t.m.calls.WithLabelValues(t.ch, method, res).Inc()
	if isSend(t.ch, method) {
		t.m.sends.WithLabelValues(t.ch, res).Inc()
	}
	return resp, err
}

// ready fails while the channel's API has not answered the last calls.
// Its message names no URL: Telegram's carry the token.
func (t *transport) ready(context.Context) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	var failing []string
	for method, h := range t.methods {
		if h.failures < unreachableAfter {
			continue
		}
		since := "never answered"
		if !h.lastOK.IsZero() {
			since = "last answered " + time.Since(h.lastOK).Round(time.Second).String() + " ago"
		}
		failing = append(failing, fmt.Sprintf("the last %d %s calls failed (%s)", h.failures, method, since))
	}
	if len(failing) == 0 {
		return nil
	}
	slices.Sort(failing)
	return errors.New(strings.Join(failing, "; "))
}

// result names an HTTP status for the labels.
func result(code int) string {
	switch {
	case code >= 200 && code < 300:
		return "ok"
	case code == http.StatusTooManyRequests, code == http.StatusForbidden:
		return strconv.Itoa(code)
	case code >= 500:
		return "5xx"
	}
	return "4xx"
}

// apiMethod is the API method a path calls: Telegram's sendMessage,
// getUpdates…, WhatsApp's messages, media. Anything else (a media id, a
// file path) is "other", which keeps the label's values few.
func apiMethod(p string) string {
	m := path.Base(p)
	if len(m) == 0 || len(m) > 40 {
		return "other"
	}
	for _, r := range m {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return "other"
		}
	}
	return m
}

// isSend reports whether method sends a message to someone.
func isSend(ch, method string) bool {
	switch core.Channel(ch) {
	case core.WhatsApp:
		return method == "messages"
	default:
		return len(method) > 4 && method[:4] == "send"
	}
}
