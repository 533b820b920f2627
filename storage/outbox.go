package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	bolt "go.etcd.io/bbolt"
)

// Outbox buckets (schema 2).
var (
	// bucketOutbox: big-endian item id → JSON core.OutboxItem, the items
	// waiting for delivery. An item is deleted when delivered.
	bucketOutbox = []byte("outbox")
	// bucketOutboxKeys: item key → big-endian unix nanoseconds when
	// enqueued. Kept after delivery, so that enqueueing the same key again
	// (a schedule firing twice) sends nothing twice.
	bucketOutboxKeys = []byte("outbox_keys")
	// bucketOutboxKeysByTime: unix nanoseconds + key → empty, for purging.
	bucketOutboxKeysByTime = []byte("outbox_keys_by_time")
	// bucketDead: item id → JSON core.OutboxItem with LastErr: items given
	// up on, kept for inspection.
	bucketDead = []byte("dead_letters")
	// bucketBatches: batch name → JSON batchCounts.
	bucketBatches = []byte("batches")
	// bucketOutboxByChat: chat ref + 0x00 + id → empty (schema 5), so a
	// resident's pending items are found without a scan.
	bucketOutboxByChat = []byte("outbox_by_chat")
	// bucketOutboxByBatch: batch + 0x00 + id → empty (schema 5), so a
	// cancelled notice's pending items are found without a scan.
	bucketOutboxByBatch = []byte("outbox_by_batch")
)

// batchCounts is the stored form of a batch's delivery report.
type batchCounts struct {
	Enqueued    int       `json:"enqueued"`
	Sent        int       `json:"sent"`
	Unreachable int       `json:"unreachable"`
	Failed      int       `json:"failed"`
	Cancelled   int       `json:"cancelled,omitempty"`
	Updated     time.Time `json:"updated,omitzero"`
}

// EnqueueOutbox stores items for delivery in one transaction and returns
// how many were new: an item whose Key was enqueued before is skipped.
func (db *DB) EnqueueOutbox(ctx context.Context, items []core.OutboxItem) (int, error) {
	var added int
	err := db.update(ctx, func(tx *bolt.Tx) error {
		var err error
		added, err = db.enqueue(tx, items)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("storage: enqueue %d outbox items: %w", len(items), err)
	}
	return added, nil
}

// enqueue stores items in tx; Apply and EnqueueOutbox share it.
func (db *DB) enqueue(tx *bolt.Tx, items []core.OutboxItem) (int, error) {
	out := tx.Bucket(bucketOutbox)
	keys := tx.Bucket(bucketOutboxKeys)
	byTime := tx.Bucket(bucketOutboxKeysByTime)
	batches := map[string]int{}
	now := db.now()
	stamp := u64(uint64(now.UnixNano()))
	added := 0
	cancelled := map[string]int{}
	for _, it := range items {
		if it.Key == "" {
			return added, fmt.Errorf("outbox item to %s: empty key", it.Chat.Channel)
		}
		key := []byte(it.Key)
		if keys.Get(key) != nil {
			continue
		}
		if !subscribed(tx, it) {
			// Neither the item nor its key is stored: both name the chat,
			// which may have just been forgotten.
			if it.Batch != "" {
				cancelled[it.Batch]++
			}
			continue
		}
		if err := keys.Put(key, stamp); err != nil {
			return added, err
		}
		if err := byTime.Put(append(bytes.Clone(stamp), key...), nil); err != nil {
			return added, err
		}
		id, err := out.NextSequence()
		if err != nil {
			return added, err
		}
		it.ID = id
		if it.Created.IsZero() {
			it.Created = now
		}
		if err := put(out, u64(id), it); err != nil {
			return added, err
		}
		if err := indexItem(tx, it, true); err != nil {
			return added, err
		}
		if it.Batch != "" {
			batches[it.Batch]++
		}
		added++
	}
	for batch, n := range batches {
		if err := updateBatch(tx, batch, func(c *batchCounts) { c.Enqueued += n }); err != nil {
			return added, err
		}
	}
	// Counted as queued and withdrawn, so the author's delivery report
	// still adds up to the audience the fan-out read.
	for batch, n := range cancelled {
		if err := updateBatch(tx, batch, func(c *batchCounts) { c.Enqueued += n; c.Cancelled += n }); err != nil {
			return added, err
		}
	}
	return added, nil
}

// subscribed reports whether a bulk delivery to a district's subscribers
// (a notice, an alert, a poll invitation: a bulk item naming its District)
// may still be queued: its chat must still subscribe to that district. The
// audience of a fan-out is read once and queued over many commits, so a
// resident who unsubscribed, was marked unreachable or was forgotten
// meanwhile is checked here, in the transaction that would queue them.
// Other items are not deliveries to an audience and always pass.
func subscribed(tx *bolt.Tx, it core.OutboxItem) bool {
	if it.Priority != core.PriorityBulk || it.District == "" {
		return true
	}
	return tx.Bucket(bucketSubscribers).Get(subscriberKey(it.District, it.Chat)) != nil
}

// PendingOutbox returns up to limit undelivered items with an id above
// after, in id order. The notifier pages through it at start and then
// picks up what is new.
func (db *DB) PendingOutbox(ctx context.Context, after uint64, limit int) ([]core.OutboxItem, error) {
	var items []core.OutboxItem
	err := db.view(ctx, func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketOutbox).Cursor()
		for k, v := c.Seek(u64(after + 1)); k != nil && len(items) < limit; k, v = c.Next() {
			var it core.OutboxItem
			if err := json.Unmarshal(v, &it); err != nil {
				// Unreadable: skipped, so it cannot stop the others.
				continue
			}
			items = append(items, it)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storage: list outbox after %d: %w", after, err)
	}
	return items, nil
}

// OutboxItem returns the undelivered item id, or core.ErrNotFound if it
// was delivered or given up on meanwhile.
func (db *DB) OutboxItem(ctx context.Context, id uint64) (core.OutboxItem, error) {
	var it core.OutboxItem
	err := db.view(ctx, func(tx *bolt.Tx) error {
		return get(tx.Bucket(bucketOutbox), u64(id), &it)
	})
	if err != nil {
		return it, fmt.Errorf("storage: load outbox item %d: %w", id, err)
	}
	return it, nil
}

// OutboxSent records the delivery of item id: it is deleted, so it can
// never be sent again, and its batch counts it as sent.
func (db *DB) OutboxSent(ctx context.Context, id uint64) error {
	return db.finish(ctx, id, "", func(c *batchCounts) { c.Sent++ })
}

// OutboxRetry stores an item's new attempt count, error and NotBefore
// after a failed delivery that is worth retrying.
func (db *DB) OutboxRetry(ctx context.Context, it core.OutboxItem) error {
	err := db.batch(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketOutbox)
		if b.Get(u64(it.ID)) == nil {
			return core.ErrNotFound
		}
		return put(b, u64(it.ID), it)
	})
	if err != nil {
		return fmt.Errorf("storage: reschedule outbox item %d: %w", it.ID, err)
	}
	return nil
}

// OutboxFailed gives up on item id: it moves to the dead letters with the
// reason, and its batch counts it as failed.
func (db *DB) OutboxFailed(ctx context.Context, id uint64, reason string) error {
	return db.finish(ctx, id, reason, func(c *batchCounts) { c.Failed++ })
}

// finish removes item id from the outbox and counts it in its batch. A
// non-empty reason means it was given up on: it goes to the dead letters.
func (db *DB) finish(ctx context.Context, id uint64, reason string, count func(*batchCounts)) error {
	err := db.batch(ctx, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketOutbox)
		var it core.OutboxItem
		if err := get(b, u64(id), &it); err != nil {
			return err
		}
		if err := b.Delete(u64(id)); err != nil {
			return err
		}
		if err := indexItem(tx, it, false); err != nil {
			return err
		}
		if reason != "" {
			it.LastErr = reason
			if err := put(tx.Bucket(bucketDead), u64(id), it); err != nil {
				return err
			}
		}
		if it.Batch == "" {
			return nil
		}
		return updateBatch(tx, it.Batch, count)
	})
	if err != nil {
		return fmt.Errorf("storage: finish outbox item %d: %w", id, err)
	}
	return nil
}

// MarkUnreachable records that chat cannot be reached (the resident blocked
// the bot): its subscriptions are dropped and its undelivered items given
// up on; it returns how many.
func (db *DB) MarkUnreachable(ctx context.Context, chat core.ChatRef, reason string) (int, error) {
	var dropped int
	err := db.update(ctx, func(tx *bolt.Tx) error {
		key := []byte(chat.String())
		var r core.Resident
		err := get(tx.Bucket(bucketResidents), key, &r)
		if err != nil && !errors.Is(err, core.ErrNotFound) {
			return err
		}
		if err == nil {
			if err := setSubscriptions(tx, chat, r.Subscriptions, nil); err != nil {
				return err
			}
			r.Subscriptions, r.Unreachable = nil, true
			if err := put(tx.Bucket(bucketResidents), key, r); err != nil {
				return err
			}
		}
		n, err := withdraw(tx, bucketOutboxByChat, []byte(chat.String()+"\x00"), func(core.OutboxItem) bool { return true },
			reason, func(c *batchCounts) { c.Unreachable++ })
		if err != nil {
			return err
		}
		dropped = n
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("storage: mark a %s chat unreachable: %w", chat.Channel, err)
	}
	return dropped, nil
}

// DeliveryReport returns what became of a batch's items.
func (db *DB) DeliveryReport(ctx context.Context, batch string) (core.DeliveryReport, error) {
	var c batchCounts
	err := db.view(ctx, func(tx *bolt.Tx) error {
		return get(tx.Bucket(bucketBatches), []byte(batch), &c)
	})
	if err != nil {
		return core.DeliveryReport{}, fmt.Errorf("storage: delivery report of %s: %w", batch, err)
	}
	return core.DeliveryReport{
		Sent: c.Sent, Unreachable: c.Unreachable, Failed: c.Failed, Cancelled: c.Cancelled,
		Pending: c.Enqueued - c.Sent - c.Unreachable - c.Failed - c.Cancelled,
	}, nil
}

func updateBatch(tx *bolt.Tx, batch string, fn func(*batchCounts)) error {
	b := tx.Bucket(bucketBatches)
	var c batchCounts
	if err := get(b, []byte(batch), &c); err != nil && !errors.Is(err, core.ErrNotFound) {
		return err
	}
	fn(&c)
	c.Updated = time.Now()
	return put(b, []byte(batch), c)
}

// PurgeOutboxKeys forgets the keys of items enqueued before cutoff, so the
// idempotency set does not grow forever. Schedules must not re-fire
// further back than the retention.
func (db *DB) PurgeOutboxKeys(ctx context.Context, cutoff time.Time) (int, error) {
	n, err := db.purgeByTime(ctx, bucketOutboxKeys, bucketOutboxKeysByTime, cutoff)
	if err != nil {
		return n, fmt.Errorf("storage: purge outbox keys before %s: %w", cutoff.Format(time.RFC3339), err)
	}
	return n, nil
}
