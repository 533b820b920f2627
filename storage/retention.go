package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	bolt "go.etcd.io/bbolt"
)

// eraseChunk is how many tickets one commit of EraseClosedTickets erases:
// small enough that the bot's own commits never wait long behind it.
const eraseChunk = 256

// EraseClosedTickets erases the personal data (core.Ticket.Erase) of the
// tickets closed before cutoff whose data are still kept, and returns how
// many it erased. The tickets stay, for statistics.
//
// Candidates are found in a read transaction, which does not hold up
// writers, and erased in small commits that each read their tickets again:
// one reopened meanwhile is left alone.
func (db *DB) EraseClosedTickets(ctx context.Context, cutoff time.Time) (int, error) {
	var ids [][]byte
	err := db.view(ctx, func(tx *bolt.Tx) error {
		ids = nil
		erased := []byte(`"erased":`)
		return tx.Bucket(bucketTickets).ForEach(func(k, v []byte) error {
			if bytes.Contains(v, erased) {
				return nil
			}
			var t core.Ticket
			if err := json.Unmarshal(v, &t); err != nil {
				return fmt.Errorf("decode ticket %x: %w", k, err)
			}
			if due(&t, cutoff) {
				ids = append(ids, bytes.Clone(k))
			}
			return nil
		})
	})
	if err != nil {
		return 0, fmt.Errorf("storage: find tickets closed before %s: %w", cutoff.Format(time.RFC3339), err)
	}
	n := 0
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), eraseChunk)]
		ids = ids[len(chunk):]
		done := 0
		err := db.update(ctx, func(tx *bolt.Tx) error {
			done = 0
			now := db.now()
			// The messages remembered of their cards to staff (WhatsApp's,
			// for 48 hours) hold the text and the name too.
			var prefixes []string
			for _, k := range chunk {
				var t core.Ticket
				if err := get(tx.Bucket(bucketTickets), k, &t); err != nil {
					return err
				}
				if !due(&t, cutoff) {
					continue
				}
				t.Erase(now, core.ActionExpired)
				if err := putTicket(tx, t); err != nil {
					return err
				}
				prefixes = append(prefixes, ticketItemPrefix(t.ID))
				done++
			}
			return forgetSent(tx, core.ChatRef{}, prefixes)
		})
		if err != nil {
			return n, fmt.Errorf("storage: erase tickets closed before %s: %w", cutoff.Format(time.RFC3339), err)
		}
		n += done
	}
	return n, nil
}

// due reports whether t's personal data are due for erasure at cutoff.
func due(t *core.Ticket, cutoff time.Time) bool {
	return t.Erased.IsZero() && !t.Status.Open() && t.ClosedAt().Before(cutoff)
}
