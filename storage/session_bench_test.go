package storage_test

import (
	"context"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
)

// BenchmarkSessions measures the storage of one update: reading a chat's
// session, and committing an update's outcome (Apply: the session and the
// inbox entry, durably), alone and with 32 writers sharing commits.
//
//	go test ./storage -run '^$' -bench Sessions
func BenchmarkSessions(b *testing.B) {
	ctx := context.Background()
	const chats = 10_000
	setup := func(b *testing.B) *storage.DB {
		db := storagetest.MustOpen(b, storage.Options{})
		var ins []core.Inbound
		for i := range chats {
			ins = append(ins, core.Inbound{Key: fmt.Sprintf("s:%d", i), Chat: chatN(i), Kind: core.KindText})
		}
		ins, err := db.RecordBatch(ctx, ins)
		if err != nil {
			b.Fatal(err)
		}
		for _, in := range ins {
			s := session()
			if err := db.Apply(ctx, core.Change{Inbound: in, Session: &s}); err != nil {
				b.Fatal(err)
			}
		}
		return db
	}
	b.Run("read", func(b *testing.B) {
		db := setup(b)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := db.Session(ctx, chatN(i%chats)); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	for _, writers := range []int{1, 32} {
		b.Run(fmt.Sprintf("apply_%d_writers", writers), func(b *testing.B) {
			db := setup(b)
			var seq atomic.Int64
			b.SetParallelism(max(1, writers/runtime.GOMAXPROCS(0))) // goroutines = parallelism × GOMAXPROCS
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					n := seq.Add(1)
					in, err := db.Record(ctx, core.Inbound{Key: fmt.Sprintf("u:%d", n), Chat: chatN(int(n) % chats), Kind: core.KindText})
					if err != nil {
						b.Error(err)
						return
					}
					s := session()
					if err := db.Apply(ctx, core.Change{Inbound: in, Session: &s}); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}

func chatN(i int) core.ChatRef {
	return core.ChatRef{Channel: core.Telegram, ID: fmt.Sprint(30_000_000 + i)}
}

func session() core.Session {
	return core.Session{Resident: core.Resident{Lang: core.Russian, ConsentAt: time.Now(), HomeDistrict: "krg-d02"},
		Conversation: core.Conversation{State: "menu"}}
}
