package notifier_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram"
	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/notifier"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
	"github.com/jonboulle/clockwork"
	"github.com/rs/zerolog"
)

const token = "7100000001:AAE-notifier-test-0123456789abcdef"

// rig is a running Outbox over real storage, delivering through the real
// Telegram adapter to the fake Bot API.
type rig struct {
	t     testing.TB
	srv   *emulator.Server
	db    *storage.DB
	city  *core.City
	out   *notifier.Outbox
	clock clockwork.Clock
	stop  func()
}

type rigOption func(*core.City, *notifier.Config)

func withLimits(l core.Limits) rigOption {
	return func(c *core.City, _ *notifier.Config) { c.Delivery.Limits[core.Telegram] = l }
}

func withClock(clock clockwork.Clock) rigOption {
	return func(_ *core.City, cfg *notifier.Config) { cfg.Clock = clock }
}

func withQuietHours(from, to time.Duration) rigOption {
	return func(c *core.City, _ *notifier.Config) { c.Delivery.QuietHours = core.QuietHours{From: from, To: to} }
}

func newRig(t testing.TB, opts ...rigOption) *rig {
	t.Helper()
	almaty, err := time.LoadLocation("Asia/Almaty")
	if err != nil {
		t.Fatal(err)
	}
	city := &core.City{Location: almaty, Delivery: core.Delivery{
		MaxAttempts: 10,
		Limits:      map[core.Channel]core.Limits{core.Telegram: {Rate: 1000}},
	}}
	srv := emulator.New(token)
	t.Cleanup(srv.Close)
	r := &rig{t: t, srv: srv, city: city, db: storagetest.MustOpen(t, storage.Options{})}
	r.start(opts...)
	t.Cleanup(func() {
		if r.stop != nil {
			r.stop()
		}
	})
	return r
}

// start runs a new Outbox on the rig's storage, as a restarted bot would.
func (r *rig) start(opts ...rigOption) {
	r.t.Helper()
	tg, err := telegram.New(context.Background(), telegram.Config{Token: token, APIURL: r.srv.URL(), Log: zerolog.Nop()})
	if err != nil {
		r.t.Fatal(err)
	}
	cfg := notifier.Config{Store: r.db, City: r.city, Senders: map[core.Channel]notifier.Sender{core.Telegram: tg},
		Log: zerolog.Nop(), PollInterval: 20 * time.Millisecond}
	for _, o := range opts {
		o(r.city, &cfg)
	}
	if cfg.Clock == nil {
		cfg.Clock = clockwork.NewRealClock()
	}
	r.clock = cfg.Clock
	r.out = notifier.New(cfg)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.out.Run(ctx) }()
	r.stop = func() {
		cancel()
		if err := <-done; err != nil {
			r.t.Errorf("outbox run: %v", err)
		}
		r.stop = nil
	}
}

func chat(id int64) core.ChatRef {
	return core.ChatRef{Channel: core.Telegram, ID: strconv.FormatInt(id, 10)}
}

// enqueue stores items and wakes the outbox.
func (r *rig) enqueue(items ...core.OutboxItem) {
	r.t.Helper()
	if _, err := r.db.EnqueueOutbox(context.Background(), items); err != nil {
		r.t.Fatal(err)
	}
	r.out.Wake()
}

// broadcast builds a bulk notice to chats first..first+n-1.
func broadcast(batch string, first int64, n int) []core.OutboxItem {
	items := make([]core.OutboxItem, n)
	for i := range items {
		id := first + int64(i)
		items[i] = core.OutboxItem{
			Key: fmt.Sprintf("%s:%d", batch, id), Chat: chat(id), Batch: batch, Priority: core.PriorityBulk,
			Reply: core.Reply{Text: fmt.Sprintf("notice %s to %d", batch, id)},
		}
	}
	return items
}

// waitReport waits until batch has no pending items.
func (r *rig) waitReport(batch string) core.DeliveryReport {
	r.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		rep, err := r.db.DeliveryReport(context.Background(), batch)
		if err == nil && rep.Done() {
			return rep
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("batch %s not done within 60s: %+v, %v", batch, rep, err)
		}
		time.Sleep(10 * time.Millisecond) // polling storage with a deadline
	}
}

// sentTo counts the messages each chat received.
func (r *rig) sentTo(first int64, n int) map[int64]int {
	counts := map[int64]int{}
	for i := range n {
		id := first + int64(i)
		counts[id] = len(r.srv.Sent(id))
	}
	return counts
}
