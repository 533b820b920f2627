package storage

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	bolt "go.etcd.io/bbolt"
)

// Ticket buckets (schema 4).
var (
	// bucketTickets: big-endian id → JSON core.Ticket.
	bucketTickets = []byte("tickets")
	// bucketTicketsByReporter: chat ref + 0x00 + id → empty.
	bucketTicketsByReporter = []byte("tickets_by_reporter")
	// bucketTicketsByAssignee: staff id + 0x00 + id → empty.
	bucketTicketsByAssignee = []byte("tickets_by_assignee")
	// bucketTicketsByPrecinct: precinct id + 0x00 + id → empty.
	bucketTicketsByPrecinct = []byte("tickets_by_precinct")
	// bucketTicketsOpen: id → empty, for the tickets still open.
	bucketTicketsOpen = []byte("tickets_open")
)

var keyTicketSeq = []byte("ticket_seq")

// ticketIDBlock is how many ticket ids are reserved per commit. Ids
// reserved but unused at a restart leave a gap in the numbering, which
// costs nothing; a commit per ticket would halve how fast tickets can be
// created.
const ticketIDBlock = 64

// ticketIDs hands out reserved ticket ids.
type ticketIDs struct {
	mu        sync.Mutex
	next, end uint64
}

// NextTicketID reserves the id of a ticket being confirmed.
func (db *DB) NextTicketID(ctx context.Context) (uint64, error) {
	db.tickets.mu.Lock()
	defer db.tickets.mu.Unlock()
	if db.tickets.next == db.tickets.end {
		err := db.update(ctx, func(tx *bolt.Tx) error {
			meta := tx.Bucket(bucketMeta)
			var last uint64
			if b := meta.Get(keyTicketSeq); b != nil {
				last = binary.BigEndian.Uint64(b)
			}
			db.tickets.next, db.tickets.end = last+1, last+1+ticketIDBlock
			return meta.Put(keyTicketSeq, u64(last+ticketIDBlock))
		})
		if err != nil {
			db.tickets.next, db.tickets.end = 0, 0
			return 0, fmt.Errorf("storage: reserve ticket ids: %w", err)
		}
	}
	id := db.tickets.next
	db.tickets.next++
	return id, nil
}

// Ticket returns ticket id, or core.ErrNotFound.
func (db *DB) Ticket(ctx context.Context, id uint64) (core.Ticket, error) {
	var t core.Ticket
	err := db.view(ctx, func(tx *bolt.Tx) error {
		return get(tx.Bucket(bucketTickets), u64(id), &t)
	})
	if err != nil {
		return t, fmt.Errorf("storage: load ticket %d: %w", id, err)
	}
	return t, nil
}

// TicketsByReporter returns a resident's tickets, newest first.
func (db *DB) TicketsByReporter(ctx context.Context, chat core.ChatRef) ([]core.Ticket, error) {
	return db.ticketsIndexed(ctx, bucketTicketsByReporter, chat.String())
}

// TicketsByAssignee returns the tickets assigned to a staff member, newest
// first.
func (db *DB) TicketsByAssignee(ctx context.Context, staff string) ([]core.Ticket, error) {
	return db.ticketsIndexed(ctx, bucketTicketsByAssignee, staff)
}

// TicketsByPrecinct returns a precinct's tickets, newest first.
func (db *DB) TicketsByPrecinct(ctx context.Context, precinct string) ([]core.Ticket, error) {
	return db.ticketsIndexed(ctx, bucketTicketsByPrecinct, precinct)
}

// OpenTickets returns the tickets still open, oldest first.
func (db *DB) OpenTickets(ctx context.Context) ([]core.Ticket, error) {
	var out []core.Ticket
	err := db.view(ctx, func(tx *bolt.Tx) error {
		tickets := tx.Bucket(bucketTickets)
		return tx.Bucket(bucketTicketsOpen).ForEach(func(k, _ []byte) error {
			var t core.Ticket
			if err := get(tickets, k, &t); err != nil {
				return err
			}
			out = append(out, t)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("storage: list open tickets: %w", err)
	}
	return out, nil
}

// AllTickets returns every ticket, oldest first, for statistics.
func (db *DB) AllTickets(ctx context.Context) ([]core.Ticket, error) {
	var out []core.Ticket
	err := db.view(ctx, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketTickets).ForEach(func(k, v []byte) error {
			var t core.Ticket
			if err := json.Unmarshal(v, &t); err != nil {
				return fmt.Errorf("decode ticket %d: %w", binary.BigEndian.Uint64(k), err)
			}
			out = append(out, t)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("storage: list tickets: %w", err)
	}
	return out, nil
}

// ReportsSince counts the tickets chat created at or after since.
func (db *DB) ReportsSince(ctx context.Context, chat core.ChatRef, since time.Time) (int, error) {
	ts, err := db.TicketsByReporter(ctx, chat)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, t := range ts {
		if !t.Created.Before(since) {
			n++
		}
	}
	return n, nil
}

func (db *DB) ticketsIndexed(ctx context.Context, index []byte, key string) ([]core.Ticket, error) {
	var out []core.Ticket
	prefix := []byte(key + "\x00")
	err := db.view(ctx, func(tx *bolt.Tx) error {
		tickets := tx.Bucket(bucketTickets)
		c := tx.Bucket(index).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			var t core.Ticket
			if err := get(tickets, k[len(prefix):], &t); err != nil {
				return err
			}
			out = append(out, t)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storage: list tickets of %s: %w", key, err)
	}
	slices.Reverse(out)
	return out, nil
}

// putTicket stores a ticket and keeps its indexes in step with it.
func putTicket(tx *bolt.Tx, t core.Ticket) error {
	if t.ID == 0 {
		return errors.New("ticket without an id")
	}
	b := tx.Bucket(bucketTickets)
	key := u64(t.ID)
	var old core.Ticket
	if err := get(b, key, &old); err != nil && !errors.Is(err, core.ErrNotFound) {
		return err
	}
	if old.ID != 0 && old.Version != t.Version {
		return fmt.Errorf("ticket %s: version %d, stored %d: %w", t.Code, t.Version, old.Version, core.ErrConflict)
	}
	t.Version++
	for _, ix := range []struct {
		bucket   []byte
		old, new string
	}{
		{bucketTicketsByReporter, chatKey(old.Reporter), chatKey(t.Reporter)},
		{bucketTicketsByAssignee, old.Assignee, t.Assignee},
		{bucketTicketsByPrecinct, old.Precinct, t.Precinct},
	} {
		bucket := tx.Bucket(ix.bucket)
		if ix.old != ix.new && ix.old != "" && old.ID != 0 {
			if err := bucket.Delete(append([]byte(ix.old+"\x00"), key...)); err != nil {
				return err
			}
		}
		if ix.new != "" {
			if err := bucket.Put(append([]byte(ix.new+"\x00"), key...), nil); err != nil {
				return err
			}
		}
	}
	open := tx.Bucket(bucketTicketsOpen)
	if t.Status.Open() {
		if err := open.Put(key, nil); err != nil {
			return err
		}
	} else if err := open.Delete(key); err != nil {
		return err
	}
	return put(b, key, t)
}

// chatKey is a chat's index key, empty for no chat.
func chatKey(c core.ChatRef) string {
	if c.IsZero() {
		return ""
	}
	return c.String()
}

// SaveTicket stores a ticket's new state together with messages it causes
// (an escalation to the chief), in one transaction.
func (db *DB) SaveTicket(ctx context.Context, t core.Ticket, items []core.OutboxItem) error {
	err := db.update(ctx, func(tx *bolt.Tx) error {
		if err := putTicket(tx, t); err != nil {
			return err
		}
		_, err := db.enqueue(tx, items)
		return err
	})
	if err != nil {
		return fmt.Errorf("storage: save ticket %d: %w", t.ID, err)
	}
	return nil
}

// forgetReporterNames clears the reporter's name from every ticket of chat.
func forgetReporterNames(tx *bolt.Tx, chat core.ChatRef) error {
	prefix := []byte(chat.String() + "\x00")
	tickets := tx.Bucket(bucketTickets)
	var keys [][]byte
	c := tx.Bucket(bucketTicketsByReporter).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k[len(prefix):]))
	}
	for _, k := range keys {
		var t core.Ticket
		if err := get(tickets, k, &t); err != nil {
			return err
		}
		if t.ReporterName == "" {
			continue
		}
		t.ReporterName = ""
		t.Version++
		if err := put(tickets, k, t); err != nil {
			return err
		}
	}
	return nil
}
