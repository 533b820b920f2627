// Package metrics exposes the bot's figures to Prometheus at /metrics,
// and its liveness and readiness at /healthz and /readyz.
//
// The figures come three ways: the engine and dispatcher report each
// update and poll answer as it is handled (Handled, Answered); the
// messenger clients' HTTP transports report each API call (Transport);
// and what is stored (tickets, breaches, the outbox, commits) is read from
// storage when Prometheus scrapes, and kept a few seconds, since reading
// it walks every ticket.
package metrics

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// StatsSource is the storage the stored figures are read from.
type StatsSource interface {
	Stats(ctx context.Context) (storage.Stats, error)
}

// Queue is the outbox's view of what it holds in memory.
type Queue interface {
	// Depth counts the items waiting in memory for delivery.
	Depth() int
	// AwaitingWindow counts the items waiting for a messaging window.
	AwaitingWindow() int
}

// Metrics holds the bot's collectors. Build one per running bot: tests
// run several bots in one process, each with its own registry.
type Metrics struct {
	reg     *prometheus.Registry
	updates *prometheus.CounterVec
	latency *prometheus.HistogramVec
	calls   *prometheus.CounterVec
	sends   *prometheus.CounterVec
	answers *prometheus.CounterVec

	mu     sync.Mutex
	checks []check
}

type check struct {
	name string
	fn   func(ctx context.Context) error
}

// New returns the bot's metrics, reading stored figures from store and
// the outbox's in-memory queue from queue (nil: not reported).
func New(store StatsSource, queue Queue) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		updates: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "beatbot_updates_total",
			Help: "Updates handled, by channel and kind (text, command, location, button, photo, unsupported).",
		}, []string{"channel", "kind"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "beatbot_update_duration_seconds",
			Help: "Time from a worker taking an update to its last reply sent, by channel.",
			// From a millisecond (a cached answer) to the 20 s bound on
			// handling one update.
			Buckets: []float64{.001, .0025, .005, .01, .02, .05, .1, .25, .5, 1, 2.5, 5, 10, 20},
		}, []string{"channel"}),
		calls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "beatbot_api_calls_total",
			Help: "Messenger API calls, by channel, method and result (ok, 429, 403, 4xx, 5xx, error for no answer).",
		}, []string{"channel", "method", "result"}),
		sends: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "beatbot_sends_total",
			Help: "Messages sent to the messengers, by channel and result (ok, 429, 403, 4xx, 5xx, error for no answer).",
		}, []string{"channel", "result"}),
		answers: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "beatbot_poll_answers_total",
			Help: "Poll answers committed, by poll.",
		}, []string{"poll"}),
	}
	m.reg.MustRegister(m.updates, m.latency, m.calls, m.sends, m.answers,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		&stored{src: store, queue: queue})
	return m
}

// Handled counts an update and how long it took; the dispatcher calls it.
func (m *Metrics) Handled(in core.Inbound, took time.Duration) {
	m.updates.WithLabelValues(string(in.Chat.Channel), string(in.Kind)).Inc()
	m.latency.WithLabelValues(string(in.Chat.Channel)).Observe(took.Seconds())
}

// Answered counts a poll answer; the engine calls it.
func (m *Metrics) Answered(poll string) {
	m.answers.WithLabelValues(poll).Inc()
}

// Ready adds a readiness check: /readyz fails while any check fails.
func (m *Metrics) Ready(name string, fn func(ctx context.Context) error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.checks = append(m.checks, check{name, fn})
}

// Handler serves /metrics, /healthz and /readyz.
func (m *Metrics) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", m.readyz)
	return mux
}

// readyTimeout bounds the readiness checks together.
const readyTimeout = 3 * time.Second

func (m *Metrics) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
	defer cancel()
	m.mu.Lock()
	checks := append([]check(nil), m.checks...)
	m.mu.Unlock()
	status, body := http.StatusOK, ""
	for _, c := range checks {
		if err := c.fn(ctx); err != nil {
			status = http.StatusServiceUnavailable
			body += c.name + ": " + err.Error() + "\n"
		} else {
			body += c.name + ": ok\n"
		}
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}
