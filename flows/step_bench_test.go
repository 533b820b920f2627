package flows_test

import (
	"context"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/flows"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
	"github.com/rs/zerolog"
)

// BenchmarkStep measures one step of a conversation as the engine takes
// it: a resident at the menu presses "My inspector". It reads the session,
// runs the state machine, and commits the new state (durably) before
// returning the prompt. Sequentially each step waits for its own commit;
// in parallel, as the dispatcher's workers do, steps share commits.
//
//	go test ./flows -run '^$' -bench Step
func BenchmarkStep(b *testing.B) {
	for _, workers := range []int{1, 32, flows.DefaultWorkers} {
		b.Run(fmt.Sprintf("workers_%d", workers), func(b *testing.B) {
			city, index := example()
			db := storagetest.MustOpen(b, storage.Options{})
			engine := flows.New(flows.Config{Store: db, City: city, Index: index, Log: zerolog.Nop()})
			ctx := context.Background()
			const chats = 1000
			for i := range chats {
				chat := core.ChatRef{Channel: core.Telegram, ID: fmt.Sprint(20_000_000 + i)}
				in, err := db.Record(ctx, core.Inbound{Key: fmt.Sprintf("setup:%d", i), Chat: chat, Kind: core.KindText})
				if err != nil {
					b.Fatal(err)
				}
				s := core.Session{Resident: core.Resident{Lang: core.Russian, ConsentAt: time.Now()}, Conversation: core.Conversation{State: "menu"}}
				if err := db.Apply(ctx, core.Change{Inbound: in, Session: &s}); err != nil {
					b.Fatal(err)
				}
			}
			var seq atomic.Int64
			b.SetParallelism(max(1, workers/runtime.GOMAXPROCS(0))) // goroutines = parallelism × GOMAXPROCS
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					n := seq.Add(1)
					chat := core.ChatRef{Channel: core.Telegram, ID: fmt.Sprint(20_000_000 + n%chats)}
					in, err := db.Record(ctx, core.Inbound{Key: fmt.Sprintf("press:%d", n), Chat: chat, From: chat.ID, Kind: core.KindButton, Data: "m:find"})
					if err != nil {
						b.Error(err)
						return
					}
					if _, err := engine.Handle(ctx, in); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}
