package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	bolt "go.etcd.io/bbolt"
)

var (
	// bucketSent: core.Digest of the messenger's message id → JSON
	// sentMessage, for messages the bot sent on its own (schema 8). A
	// messenger may report only later that one failed (WhatsApp's
	// statuses); then it can be sent again. The id is kept as its digest:
	// a wamid encodes the recipient's number. Entries of older builds,
	// keyed by the id itself, are purged after 48 hours like the others.
	bucketSent = []byte("sent")
	// bucketSentByTime: big-endian unix nanoseconds + bucketSent key →
	// empty, for purging.
	bucketSentByTime = []byte("sent_by_time")
)

// sentMessage is what is kept of a sent message.
type sentMessage struct {
	Chat  core.ChatRef `json:"chat"`
	Reply core.Reply   `json:"reply"`
	// Key is the key of the outbox item it delivered, so that what is
	// kept of a ticket's card to staff goes when the ticket is erased.
	Key string `json:"key,omitempty"`
}

// RememberSent keeps a message the bot sent on its own under the
// messenger's id for it, until PurgeSent forgets it. item is the outbox
// item it delivered: if that is no longer in the outbox (withdrawn while
// it was being sent, as /forget does), nothing is kept, since the forget
// that withdrew it could not erase what was not yet written. A zero item
// is kept unconditionally.
func (db *DB) RememberSent(ctx context.Context, id string, chat core.ChatRef, r core.Reply, item core.ItemRef) error {
	key := []byte(core.Digest(id))
	err := db.batch(ctx, func(tx *bolt.Tx) error {
		if item.ID != 0 && tx.Bucket(bucketOutbox).Get(u64(item.ID)) == nil {
			return nil
		}
		if err := put(tx.Bucket(bucketSent), key, sentMessage{Chat: chat, Reply: r, Key: item.Key}); err != nil {
			return err
		}
		// Indexed by time as purgeByTime expects.
		return tx.Bucket(bucketSentByTime).Put(append(u64(uint64(db.now().UnixNano())), key...), nil)
	})
	if err != nil {
		return fmt.Errorf("storage: remember sent message: %w", err)
	}
	return nil
}

// SentMessage returns a remembered message, or core.ErrNotFound.
func (db *DB) SentMessage(ctx context.Context, id string) (core.ChatRef, core.Reply, error) {
	var m sentMessage
	err := db.view(ctx, func(tx *bolt.Tx) error { return get(tx.Bucket(bucketSent), []byte(core.Digest(id)), &m) })
	if err != nil {
		return m.Chat, m.Reply, fmt.Errorf("storage: sent message: %w", err)
	}
	return m.Chat, m.Reply, nil
}

// PurgeSent forgets the messages sent before cutoff.
func (db *DB) PurgeSent(ctx context.Context, cutoff time.Time) (int, error) {
	n, err := db.purgeByTime(ctx, bucketSent, bucketSentByTime, cutoff)
	if err != nil {
		return n, fmt.Errorf("storage: purge sent messages before %s: %w", cutoff.Format(time.RFC3339), err)
	}
	return n, nil
}

// CloseWindow forgets when chat last wrote: the messenger said its window
// is closed, whatever the bot's own record says.
func (db *DB) CloseWindow(ctx context.Context, chat core.ChatRef) error {
	err := db.update(ctx, func(tx *bolt.Tx) error { return tx.Bucket(bucketLastInbound).Delete([]byte(chat.String())) })
	if err != nil {
		return fmt.Errorf("storage: close window: %w", err)
	}
	return nil
}
