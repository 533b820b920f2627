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
