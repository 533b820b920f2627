package storage

import (
	"fmt"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// maxGroup bounds the writes one group commit carries, so that one
// transaction stays small however many wait.
const maxGroup = 1000

// groupCommit shares commits among concurrent writers without making any
// wait for company: a write arriving while no commit runs is committed at
// once, and writes arriving during a commit go together in the next one.
// Under light load a write costs one fsync and no delay; under heavy load
// groups grow by themselves, so the fsync rate stops bounding the rate of
// writes. bbolt's own Batch instead holds every write for a fixed window
// (it was 2 ms here), which at light load is pure latency, twice per
// update (recording it, then its outcome).
type groupCommit struct {
	mu      sync.Mutex
	pending []*groupCall
	running bool
}

type groupCall struct {
	fn   func(*bolt.Tx) error
	done chan error
}

// commit runs fn in a write transaction shared with the other writes
// pending with it, and returns fn's error or the commit's. Like bbolt's
// Batch, fn may run more than once and must have no effect outside tx:
// when one write of a group fails, the group is rolled back, the failed
// write is run alone for its own error, and the others again without it.
func (db *DB) groupCommit(fn func(*bolt.Tx) error) error {
	c := &groupCall{fn: fn, done: make(chan error, 1)}
	g := &db.group
	g.mu.Lock()
	g.pending = append(g.pending, c)
	if !g.running {
		g.running = true
		go db.commitGroups()
	}
	g.mu.Unlock()
	return <-c.done
}

// commitGroups commits the pending writes, group after group, until none
// is left.
func (db *DB) commitGroups() {
	g := &db.group
	for {
		g.mu.Lock()
		n := min(len(g.pending), maxGroup)
		if n == 0 {
			g.running = false
			g.mu.Unlock()
			return
		}
		calls := g.pending[:n:n]
		g.pending = g.pending[n:]
		if len(g.pending) == 0 {
			g.pending = nil // let the old array go
		}
		g.mu.Unlock()
		db.commitGroup(calls)
	}
}

// commitGroup commits calls together, setting each one's result.
func (db *DB) commitGroup(calls []*groupCall) {
	for len(calls) > 0 {
		failed := -1
		err := db.bolt.Update(db.counted(func(tx *bolt.Tx) error {
			for i, c := range calls {
				if err := safely(c.fn, tx); err != nil {
					failed = i
					return err
				}
			}
			return nil
		}))
		if failed < 0 {
			for _, c := range calls {
				c.done <- err // nil, or the commit's own failure
			}
			return
		}
		c := calls[failed]
		c.done <- db.bolt.Update(db.counted(func(tx *bolt.Tx) error { return safely(c.fn, tx) }))
		calls = append(calls[:failed:failed], calls[failed+1:]...)
	}
}

// safely runs fn, turning a panic into an error: one write's bug must not
// take down the writes sharing its commit, nor the committer.
func safely(fn func(*bolt.Tx) error, tx *bolt.Tx) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("storage: write panicked: %v", p)
		}
	}()
	return fn(tx)
}
