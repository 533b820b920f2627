package flows_test

import (
	"context"
	"fmt"
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

// BenchmarkCreateTicket measures creating and routing tickets: residents
// press "send" on a finished report, and each ticket, with its card queued
// to the inspector, is committed (fsynced) before the confirmation is
// returned. Several chats are handled at once, as the dispatcher's workers
// do. Run it with:
//
//	go test ./flows -run '^$' -bench CreateTicket -benchtime 5000x
func BenchmarkCreateTicket(b *testing.B) {
	for _, workers := range []int{8, 16, 32} {
		b.Run(fmt.Sprintf("workers_%d", workers), func(b *testing.B) { benchCreateTicket(b, workers) })
	}
}

func benchCreateTicket(b *testing.B, benchWorkers int) {
	city, index := example()
	db := storagetest.MustOpen(b, storage.Options{})
	engine := flows.New(flows.Config{Store: db, City: city, Index: index, Log: zerolog.Nop()})
	ctx := context.Background()

	// Residents waiting at the confirmation step, with their "send" press
	// recorded as the adapter would.
	presses := make([]core.Inbound, b.N)
	now := time.Now()
	for i := range presses {
		chat := core.ChatRef{Channel: core.Telegram, ID: fmt.Sprint(10_000_000 + i)}
		setup, err := db.Record(ctx, core.Inbound{Key: fmt.Sprintf("setup:%d", i), Chat: chat, Kind: core.KindText})
		if err != nil {
			b.Fatal(err)
		}
		s := core.Session{
			Resident: core.Resident{Lang: core.Russian, ConsentAt: now},
			Conversation: core.Conversation{State: "report_confirm", Report: &core.Ticket{
				Category: "burglary", Text: "Дверь вскрыта.", District: "krg-d02", Precinct: "krg-p1",
			}},
		}
		if err := db.Apply(ctx, core.Change{Inbound: setup, Session: &s}); err != nil {
			b.Fatal(err)
		}
		presses[i], err = db.Record(ctx, core.Inbound{Key: fmt.Sprintf("send:%d", i), Chat: chat, From: chat.ID, Kind: core.KindButton, Data: "rs:send"})
		if err != nil {
			b.Fatal(err)
		}
	}

	b.ReportAllocs()
	b.ResetTimer()
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range benchWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(presses) {
					return
				}
				replies, err := engine.Handle(ctx, presses[i])
				if err != nil || len(replies) == 0 {
					b.Errorf("handle: %v, %d replies", err, len(replies))
					return
				}
			}
		}()
	}
	wg.Wait()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "tickets/s")
	b.StopTimer()
	if all, _ := db.AllTickets(ctx); len(all) != b.N {
		b.Fatalf("%d tickets stored, want %d", len(all), b.N)
	}
}
