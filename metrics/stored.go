package metrics

import (
	"context"
	"sync"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/prometheus/client_golang/prometheus"
)

// statsTTL is how long stored figures are kept between scrapes: reading
// them walks every ticket, and several scrapers should not each pay.
const statsTTL = 5 * time.Second

var (
	descTickets = prometheus.NewDesc("beatbot_tickets", "Stored tickets, by status.", []string{"status"}, nil)
	descBreach  = prometheus.NewDesc("beatbot_sla_breaches_total",
		"Service-level breaches escalated to a chief, by target (accept, resolve), over the stored tickets.", []string{"target"}, nil)
	descOutbox       = prometheus.NewDesc("beatbot_outbox_depth", "Messages stored in the outbox, waiting for delivery.", nil, nil)
	descOutboxAge    = prometheus.NewDesc("beatbot_outbox_oldest_age_seconds", "Age of the oldest message waiting in the outbox; 0 when none waits.", nil, nil)
	descOutboxMemory = prometheus.NewDesc("beatbot_outbox_queued", "Outbox messages loaded in memory for delivery.", nil, nil)
	descWindow       = prometheus.NewDesc("beatbot_outbox_awaiting_window",
		"Outbox messages waiting for the person to write first (WhatsApp's 24-hour window); one that keeps rising means a template is missing.", nil, nil)
	descCommits = prometheus.NewDesc("beatbot_storage_commits_total", "Write transactions committed (one fsync each) since the start.", nil, nil)
	descFile    = prometheus.NewDesc("beatbot_storage_file_bytes", "Size of the data file.", nil, nil)
	descErr     = prometheus.NewDesc("beatbot_storage_stats_errors_total", "Failed reads of the stored figures.", nil, nil)
)

// stored collects the figures read from storage at scrape time.
type stored struct {
	src   StatsSource
	queue Queue

	mu     sync.Mutex
	at     time.Time
	last   storage.Stats
	errors float64
}

func (s *stored) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descTickets, descBreach, descOutbox, descOutboxAge, descOutboxMemory, descWindow, descCommits, descFile, descErr} {
		ch <- d
	}
}

func (s *stored) Collect(ch chan<- prometheus.Metric) {
	st, errs := s.stats()
	ch <- prometheus.MustNewConstMetric(descErr, prometheus.CounterValue, errs)
	if s.queue != nil {
		ch <- prometheus.MustNewConstMetric(descOutboxMemory, prometheus.GaugeValue, float64(s.queue.Depth()))
		ch <- prometheus.MustNewConstMetric(descWindow, prometheus.GaugeValue, float64(s.queue.AwaitingWindow()))
	}
	if st.Tickets == nil {
		return // never read
	}
	for _, status := range []core.TicketStatus{core.TicketNew, core.TicketAccepted, core.TicketReopened, core.TicketResolved, core.TicketRejected} {
		ch <- prometheus.MustNewConstMetric(descTickets, prometheus.GaugeValue, float64(st.Tickets[status]), string(status))
	}
	for _, target := range []string{"accept", "resolve"} {
		ch <- prometheus.MustNewConstMetric(descBreach, prometheus.CounterValue, float64(st.Breaches[target]), target)
	}
	ch <- prometheus.MustNewConstMetric(descOutbox, prometheus.GaugeValue, float64(st.Outbox))
	age := 0.0
	if !st.OutboxOldest.IsZero() {
		age = max(0, time.Since(st.OutboxOldest).Seconds())
	}
	ch <- prometheus.MustNewConstMetric(descOutboxAge, prometheus.GaugeValue, age)
	ch <- prometheus.MustNewConstMetric(descCommits, prometheus.CounterValue, float64(st.Commits))
	ch <- prometheus.MustNewConstMetric(descFile, prometheus.GaugeValue, float64(st.FileBytes))
}

// stats returns the stored figures, read again when older than statsTTL;
// after a failed read, the last good ones.
func (s *stored) stats() (storage.Stats, float64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.src == nil || time.Since(s.at) < statsTTL {
		return s.last, s.errors
	}
	ctx, cancel := context.WithTimeout(context.Background(), readyTimeout)
	defer cancel()
	st, err := s.src.Stats(ctx)
	if err != nil {
		s.errors++
		return s.last, s.errors
	}
	s.last, s.at = st, time.Now()
	return st, s.errors
}
