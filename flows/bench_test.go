package flows_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/flows"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
	"github.com/rs/zerolog"
)

// BenchmarkCreateTicket measures creating and routing tickets as the bot
// runs: residents press "send" on a finished report; the poller hands the
// presses to the dispatcher in batches, as getUpdates returns them, and
// each batch is recorded (fsynced) before it would be confirmed; the
// dispatcher's workers handle them, and each ticket, with its card queued
// to the inspector, is committed before the confirmation with its number
// is sent. The clock stops when every resident has that confirmation.
//
//   - intake_batch_100: the poller gets up to 100 updates per getUpdates,
//     as under load.
//   - intake_batch_1: one update per getUpdates, as when they trickle in.
//   - handling_only: the presses are recorded before the clock starts and
//     replayed from the inbox by Dispatcher.Start: the cost of intake is
//     the difference to intake_batch_100.
//
// Run it with:
//
//	go test ./flows -run '^$' -bench CreateTicket -benchtime 3000x
func BenchmarkCreateTicket(b *testing.B) {
	b.Run("intake_batch_100", func(b *testing.B) { benchCreateTicket(b, 100) })
	b.Run("intake_batch_1", func(b *testing.B) { benchCreateTicket(b, 1) })
	b.Run("handling_only", func(b *testing.B) { benchCreateTicket(b, 0) })
}

// benchCreateTicket accepts the presses in batches of batchSize; zero
// records them all before the clock starts.
func benchCreateTicket(b *testing.B, batchSize int) {
	city, index := example()
	db := storagetest.MustOpen(b, storage.Options{})
	engine := flows.New(flows.Config{Store: db, City: city, Index: index, Log: zerolog.Nop()})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	// Residents waiting at the confirmation step, and their "send" presses
	// as the adapter converts them. Setting them up shares commits, to keep
	// the run short.
	presses := make([]core.Inbound, b.N)
	setups := make([]core.Inbound, b.N)
	for i := range presses {
		chat := core.ChatRef{Channel: core.Telegram, ID: fmt.Sprint(10_000_000 + i)}
		setups[i] = core.Inbound{Key: fmt.Sprintf("setup:%d", i), Chat: chat, Kind: core.KindText}
		presses[i] = core.Inbound{Key: fmt.Sprintf("send:%d", i), Chat: chat, From: chat.ID, Kind: core.KindButton, Data: "rs:send"}
	}
	setups, err := db.RecordBatch(ctx, setups)
	if err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	var wg sync.WaitGroup
	var next atomic.Int64
	for range 32 {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(setups); i = int(next.Add(1)) - 1 {
				s := core.Session{
					Resident: core.Resident{Lang: core.Russian, ConsentAt: now},
					Conversation: core.Conversation{State: "report_confirm", Report: &core.Ticket{
						Category: "burglary", Text: "Дверь вскрыта.", District: "krg-d02", Precinct: "krg-p1",
					}},
				}
				if err := db.Apply(ctx, core.Change{Inbound: setups[i], Session: &s}); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	if b.Failed() {
		return
	}
	if batchSize == 0 {
		if _, err := db.RecordBatch(ctx, presses); err != nil {
			b.Fatal(err)
		}
	}

	sender := &confirmations{want: int64(b.N), done: make(chan struct{})}
	d := flows.NewDispatcher(flows.DispatcherConfig{Recorder: db, Engine: engine, Log: zerolog.Nop()})
	d.Register(core.Telegram, sender)

	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	if err := d.Start(ctx); err != nil {
		b.Fatal(err)
	}
	var intake time.Duration
	if batchSize > 0 {
		// One goroutine, as the poller: a batch is recorded before the
		// next is asked for.
		for lo := 0; lo < len(presses); lo += batchSize {
			if err := d.AcceptBatch(ctx, presses[lo:min(lo+batchSize, len(presses))]); err != nil {
				b.Fatal(err)
			}
		}
		intake = time.Since(start)
	}
	select {
	case <-sender.done:
	case <-time.After(5 * time.Minute):
		b.Fatalf("%d of %d tickets confirmed after 5 minutes", sender.n.Load(), b.N)
	}
	elapsed := time.Since(start)
	b.StopTimer()
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "tickets/s")
	if batchSize > 0 {
		b.ReportMetric(float64(b.N)/intake.Seconds(), "recorded/s")
	}

	cancel()
	if err := d.Wait(context.Background()); err != nil {
		b.Fatal(err)
	}
	if all, _ := db.AllTickets(context.Background()); len(all) != b.N {
		b.Fatalf("%d tickets stored, want %d", len(all), b.N)
	}
}

// confirmations is a Sender that counts the replies telling a resident
// their ticket's number, and closes done when it has seen want of them.
type confirmations struct {
	n    atomic.Int64
	want int64
	done chan struct{}
}

func (c *confirmations) Send(_ context.Context, _ core.ChatRef, r core.Reply) error {
	if strings.Contains(r.Text, "KRG-") && c.n.Add(1) == c.want {
		close(c.done)
	}
	return nil
}
