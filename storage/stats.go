package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	bolt "go.etcd.io/bbolt"
)

// Stats are figures for operators about the data file.
type Stats struct {
	// Commits counts the write transactions committed since Open; each is
	// one fsync, however many changes it carries.
	Commits uint64
	// FileBytes is the data file's size.
	FileBytes int64
	// Tickets counts the stored tickets by status.
	Tickets map[core.TicketStatus]int
	// Breaches counts the service-level breaches escalated, by target
	// ("accept", "resolve"), over the stored tickets.
	Breaches map[string]int
	// Outbox counts the messages waiting for delivery, and OutboxOldest is
	// when the oldest of them was queued (zero when none waits).
	Outbox       int
	OutboxOldest time.Time
}

// statsChunk is how many records Stats reads per read transaction. A
// read transaction held open stops the file from growing (bbolt remaps it
// only when no reader holds it), and every writer then waits: figures
// for operators must never stall residents, so they are read in short
// pieces, each its own snapshot.
const statsChunk = 1000

// Stats gathers the figures. It reads every ticket's status, so a caller
// that asks often should keep the answer for a while. The figures come
// from several short snapshots, not one: a ticket changed meanwhile may
// be counted in its old or its new state.
func (db *DB) Stats(ctx context.Context) (Stats, error) {
	s := Stats{Commits: db.commits.Load(), Tickets: map[core.TicketStatus]int{}, Breaches: map[string]int{}}
	if fi, err := os.Stat(db.path); err == nil {
		s.FileBytes = fi.Size()
	}
	var tk struct {
		Status    core.TicketStatus `json:"status"`
		Escalated []string          `json:"escalated"`
	}
	err := db.chunks(ctx, bucketTickets, func(k, v []byte) error {
		tk.Status, tk.Escalated = "", tk.Escalated[:0]
		if err := json.Unmarshal(v, &tk); err != nil {
			return fmt.Errorf("ticket %x: %w", k, err)
		}
		s.Tickets[tk.Status]++
		for _, b := range tk.Escalated {
			target, _, _ := strings.Cut(b, "@") // "accept@<since>"
			s.Breaches[target]++
		}
		return nil
	})
	if err == nil {
		err = db.chunks(ctx, bucketOutbox, func(k, v []byte) error {
			if s.Outbox == 0 {
				var it core.OutboxItem
				if err := json.Unmarshal(v, &it); err != nil {
					return fmt.Errorf("outbox item %x: %w", k, err)
				}
				s.OutboxOldest = it.Created
			}
			s.Outbox++
			return nil
		})
	}
	if err != nil {
		return s, fmt.Errorf("storage: stats of %s: %w", db.path, err)
	}
	return s, nil
}

// chunks calls fn for every record of bucket in key order, statsChunk
// records per read transaction.
func (db *DB) chunks(ctx context.Context, bucket []byte, fn func(k, v []byte) error) error {
	var after []byte
	for {
		n := 0
		err := db.view(ctx, func(tx *bolt.Tx) error {
			c := tx.Bucket(bucket).Cursor()
			k, v := c.First()
			if after != nil {
				k, v = c.Seek(after)
				if k != nil && bytes.Equal(k, after) {
					k, v = c.Next()
				}
			}
			for ; k != nil && n < statsChunk; k, v = c.Next() {
				if err := fn(k, v); err != nil {
					return err
				}
				after = append(after[:0], k...)
				n++
			}
			return nil
		})
		if err != nil || n < statsChunk {
			return err
		}
	}
}

// Ping checks that the file is open and readable, for a readiness probe.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.view(ctx, func(tx *bolt.Tx) error { return nil }); err != nil {
		return fmt.Errorf("storage: %s: %w", db.path, err)
	}
	return nil
}
