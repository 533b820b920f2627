package storage

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// Concurrent writes share commits; one that fails or panics gets its own
// error and takes nothing of the others with it.
func TestGroupCommit(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "beatbot.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	bucket := []byte("group_test")
	if err := db.update(context.Background(), func(tx *bolt.Tx) error {
		_, err := tx.CreateBucket(bucket)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	errBad := errors.New("bad write")
	before := db.commits.Load()
	const writers = 200
	var wg sync.WaitGroup
	errs := make([]error, writers)
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = db.batch(context.Background(), func(tx *bolt.Tx) error {
				if err := tx.Bucket(bucket).Put(fmt.Appendf(nil, "k%03d", i), []byte("v")); err != nil {
					return err
				}
				switch i % 50 {
				case 7:
					return errBad // after writing: the write must vanish
				case 13:
					panic("a bug in one write")
				}
				return nil
			})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		switch i % 50 {
		case 7:
			if !errors.Is(err, errBad) {
				t.Errorf("write %d: got %v, want its own error", i, err)
			}
		case 13:
			if err == nil {
				t.Errorf("write %d panicked but reported no error", i)
			}
		default:
			if err != nil {
				t.Errorf("write %d: %v", i, err)
			}
		}
	}
	err = db.view(context.Background(), func(tx *bolt.Tx) error {
		for i := range writers {
			got := tx.Bucket(bucket).Get(fmt.Appendf(nil, "k%03d", i))
			if want := i%50 != 7 && i%50 != 13; (got != nil) != want {
				t.Errorf("key %d stored: %v, want %v", i, got != nil, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := db.commits.Load() - before; n >= writers {
		t.Errorf("%d writes took %d commits: none shared", writers, n)
	} else {
		t.Logf("%d writes, %d commits", writers, n)
	}
}

// chunks visits every record once, in order, across its short read
// transactions, however the count falls against the chunk size.
func TestChunks(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "beatbot.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, n := range []int{0, 1, statsChunk - 1, statsChunk, statsChunk + 1, 2*statsChunk + 7} {
		bucket := fmt.Appendf(nil, "chunks_%d", n)
		err := db.update(context.Background(), func(tx *bolt.Tx) error {
			b, err := tx.CreateBucket(bucket)
			if err != nil {
				return err
			}
			for i := range n {
				if err := b.Put(fmt.Appendf(nil, "%06d", i), []byte("v")); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		var seen []string
		if err := db.chunks(context.Background(), bucket, func(k, v []byte) error {
			seen = append(seen, string(k))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(seen) != n {
			t.Errorf("%d records: visited %d", n, len(seen))
			continue
		}
		for i, k := range seen {
			if want := fmt.Sprintf("%06d", i); k != want {
				t.Errorf("%d records: record %d is %s, want %s", n, i, k, want)
				break
			}
		}
	}
}
