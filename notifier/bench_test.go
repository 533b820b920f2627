package notifier_test

import (
	"bufio"
	"context"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// BenchmarkSustainedDelivery measures the delivery rate the outbox holds
// against the configured limit, through the real Telegram adapter and the
// fake Bot API, with every delivery recorded in bbolt. Run it alone:
//
//	go test ./notifier -run '^$' -bench SustainedDelivery -benchtime 1x
//
// The 30/s case takes one minute, as the limit is only measurable over
// time; the 1000/s case (paid broadcast) is compressed into ten seconds.
func BenchmarkSustainedDelivery(b *testing.B) {
	for _, tc := range []struct {
		name    string
		limits  core.Limits
		seconds float64
	}{
		{"paid_1000_per_s", core.Limits{Rate: 1000, PerChat: time.Second, PaidBroadcast: true}, 10},
		{"telegram_30_per_s", core.Limits{Rate: 30, PerChat: time.Second}, 60},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for i := range b.N {
				n := int(tc.limits.Rate * tc.seconds)
				r := newRig(b, withLimits(tc.limits))
				batch := "bench:" + strconv.Itoa(i)
				r.enqueue(broadcast(batch, 100_000, n)...)
				rep := r.waitReport(batch)
				if rep.Sent != n {
					b.Fatalf("report = %+v, want %d sent", rep, n)
				}
				var first, last time.Time
				for _, c := range r.srv.Calls() {
					if c.Method != "sendMessage" {
						continue
					}
					if first.IsZero() || c.At.Before(first) {
						first = c.At
					}
					if c.At.After(last) {
						last = c.At
					}
				}
				got := float64(n-1) / last.Sub(first).Seconds()
				b.ReportMetric(got, "msg/s")
				b.ReportMetric(100*got/tc.limits.Rate, "%_of_limit")
				r.stop()
			}
		})
	}
}

// BenchmarkQueuedRSS measures the process's resident memory with 100,000
// items waiting in the outbox (a city-wide notice), loaded and ordered.
//
//	go test ./notifier -run '^$' -bench QueuedRSS -benchtime 1x
func BenchmarkQueuedRSS(b *testing.B) {
	const n = 100_000
	for range b.N {
		// A slow channel, so the items stay queued while memory is read.
		r := newRig(b, withLimits(core.Limits{Rate: 1, PerChat: time.Second}))
		ctx := context.Background()
		for first := 0; first < n; first += 10_000 {
			if _, err := r.db.EnqueueOutbox(ctx, broadcast("rss", int64(1_000_000+first), 10_000)); err != nil {
				b.Fatal(err)
			}
		}
		r.out.Wake()
		deadline := time.Now().Add(time.Minute)
		for r.out.Depth() < n-100 {
			if time.Now().After(deadline) {
				b.Fatalf("only %d items queued after a minute", r.out.Depth())
			}
			time.Sleep(10 * time.Millisecond) // polling with a deadline
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(rssBytes(b))/(1<<20), "RSS_MB")
		b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap_MB")
		b.ReportMetric(float64(r.out.Depth()), "queued")
		r.stop()
	}
}

// rssBytes reads the process's resident set size from /proc.
func rssBytes(tb testing.TB) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		tb.Skipf("no /proc: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				tb.Fatal(err)
			}
			return kb << 10
		}
	}
	tb.Fatal("VmRSS not found")
	return 0
}

// BenchmarkTicketBehindBroadcast measures how long an urgent item (a
// ticket routed to an inspector) waits when it arrives behind a
// 100,000-recipient notice on a channel at Telegram's 30 messages a second.
//
//	go test ./notifier -run '^$' -bench TicketBehindBroadcast -benchtime 5x
func BenchmarkTicketBehindBroadcast(b *testing.B) {
	r := newRig(b, withLimits(core.Limits{Rate: 30, PerChat: time.Second}))
	ctx := context.Background()
	for first := 0; first < 100_000; first += 10_000 {
		if _, err := r.db.EnqueueOutbox(ctx, broadcast("big", int64(2_000_000+first), 10_000)); err != nil {
			b.Fatal(err)
		}
	}
	r.out.Wake()
	var total time.Duration
	for i := range b.N {
		id := int64(10 + i)
		start := time.Now()
		r.enqueue(core.OutboxItem{Key: "ticket:" + strconv.Itoa(i), Chat: chat(id), Priority: core.PriorityUrgent, Reply: core.Reply{Text: "new ticket"}})
		wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		if _, err := r.srv.WaitSent(wctx, id, 1); err != nil {
			b.Fatal(err)
		}
		cancel()
		total += time.Since(start)
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/ticket")
	b.ReportMetric(float64(r.out.Depth()), "bulk_queued")
}
