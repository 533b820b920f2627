package storage_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
)

func TestRecordBatchSkipsDuplicates(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "beatbot.db")
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	earlier, err := db.Record(ctx, inbound("telegram:u:5", "earlier"))
	if err != nil {
		t.Fatal(err)
	}

	got, err := db.RecordBatch(ctx, []core.Inbound{
		inbound("telegram:u:9", "a"),
		inbound("telegram:u:5", "redelivered"), // recorded before
		inbound("telegram:u:2", "b"),           // a lower id that is new
		inbound("telegram:u:9", "repeat"),      // earlier in this batch
		inbound("telegram:u:10", "c"),
	})
	if err != nil {
		t.Fatalf("record batch: %v", err)
	}
	if g := texts(got); !slices.Equal(g, []string{"a", "b", "c"}) {
		t.Fatalf("recorded %q, want [a b c]", g)
	}
	prev := earlier.Seq
	for _, in := range got {
		if in.Seq <= prev {
			t.Errorf("%s has seq %d, want > %d: seqs follow the batch's order", in.Key, in.Seq, prev)
		}
		if in.Received.IsZero() {
			t.Errorf("%s has no Received stamp", in.Key)
		}
		prev = in.Seq
	}

	// A batch of duplicates only records nothing and is no error.
	again, err := db.RecordBatch(ctx, []core.Inbound{inbound("telegram:u:2", "x"), inbound("telegram:u:10", "y")})
	if err != nil || len(again) != 0 {
		t.Fatalf("record redelivered batch: got %d recorded, %v; want 0, nil", len(again), err)
	}
	if _, err := db.Record(ctx, inbound("telegram:u:10", "z")); !errors.Is(err, core.ErrDuplicate) {
		t.Errorf("record a key from a batch: got %v, want ErrDuplicate", err)
	}

	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db = storagetest.MustOpenPath(t, path, storage.Options{})
	pending, err := db.Pending(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if g := texts(pending); !slices.Equal(g, []string{"earlier", "a", "b", "c"}) {
		t.Fatalf("pending after reopen = %q, want [earlier a b c]", g)
	}
	for i, in := range pending[1:] {
		if in.Seq != got[i].Seq || in.Key != got[i].Key {
			t.Errorf("pending[%d] = %s seq %d, want %s seq %d", i+1, in.Key, in.Seq, got[i].Key, got[i].Seq)
		}
	}
}

func TestRecordBatchRejectsEmptyKey(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	_, err := db.RecordBatch(ctx, []core.Inbound{inbound("telegram:u:1", "a"), inbound("", "b")})
	if err == nil {
		t.Fatal("record batch with an empty key: got nil error")
	}
	// All or nothing: the valid update was not recorded either.
	if pending, _ := db.Pending(ctx); len(pending) != 0 {
		t.Fatalf("pending = %q after a failed batch, want none", texts(pending))
	}
	if got, err := db.RecordBatch(ctx, nil); err != nil || len(got) != 0 {
		t.Fatalf("record empty batch: got %d, %v; want 0, nil", len(got), err)
	}
}

// TestConcurrentRecordsShareCommits records from many goroutines at once,
// as webhook requests do, with redeliveries among them: each key is
// recorded exactly once, and a duplicate does not disturb the others
// sharing its commit.
func TestConcurrentRecordsShareCommits(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	const n = 200
	var wg sync.WaitGroup
	var mu sync.Mutex
	recorded, dups := 0, 0
	for i := range 2 * n {
		wg.Go(func() {
			_, err := db.Record(ctx, inbound(fmt.Sprintf("telegram:u:%d", i%n), "x"))
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				recorded++
			case errors.Is(err, core.ErrDuplicate):
				dups++
			default:
				t.Errorf("record: %v", err)
			}
		})
	}
	wg.Wait()
	if recorded != n || dups != n {
		t.Fatalf("recorded %d, duplicates %d; want %d each", recorded, dups, n)
	}
	pending, err := db.Pending(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != n {
		t.Fatalf("%d pending, want %d", len(pending), n)
	}
}
