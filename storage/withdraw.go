package storage

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	bolt "go.etcd.io/bbolt"
)

// indexItem adds an outbox item to, or removes it from, the indexes by chat
// and by batch.
func indexItem(tx *bolt.Tx, it core.OutboxItem, add bool) error {
	for _, ix := range []struct {
		bucket []byte
		key    string
	}{{bucketOutboxByChat, it.Chat.String()}, {bucketOutboxByBatch, it.Batch}} {
		if ix.key == "" {
			continue
		}
		b := tx.Bucket(ix.bucket)
		k := append([]byte(ix.key+"\x00"), u64(it.ID)...)
		var err error
		if add {
			err = b.Put(k, nil)
		} else {
			err = b.Delete(k)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// withdraw gives up the pending items whose keys in index start with p
// and that match keep: they leave the outbox, for the dead letters with
// reason unless it is empty, and count is applied to their batch. It
// returns how many were withdrawn.
func withdraw(tx *bolt.Tx, index, p []byte, keep func(core.OutboxItem) bool, reason string, count func(*batchCounts)) (int, error) {
	var ids [][]byte
	c := tx.Bucket(index).Cursor()
	for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, _ = c.Next() {
		ids = append(ids, bytes.Clone(k[len(k)-8:]))
	}
	out := tx.Bucket(bucketOutbox)
	n := 0
	for _, id := range ids {
		var it core.OutboxItem
		if err := get(out, id, &it); err != nil {
			return n, fmt.Errorf("withdraw item %d: %w", binary.BigEndian.Uint64(id), err)
		}
		if !keep(it) {
			continue
		}
		if err := drop(tx, id, it, reason, count); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// drop removes the pending item it, stored under id, from the outbox and
// its indexes; with a reason it is kept among the dead letters, and count
// is applied to its batch.
func drop(tx *bolt.Tx, id []byte, it core.OutboxItem, reason string, count func(*batchCounts)) error {
	if err := tx.Bucket(bucketOutbox).Delete(id); err != nil {
		return err
	}
	if err := indexItem(tx, it, false); err != nil {
		return err
	}
	if reason != "" {
		it.LastErr = reason
		if err := put(tx.Bucket(bucketDead), id, it); err != nil {
			return err
		}
	}
	if it.Batch != "" {
		return updateBatch(tx, it.Batch, count)
	}
	return nil
}

// withdrawBulk withdraws a chat's pending bulk items (alerts, notices),
// when the resident unsubscribed from everything.
func withdrawBulk(tx *bolt.Tx, chat core.ChatRef) error {
	_, err := withdraw(tx, bucketOutboxByChat, []byte(chat.String()+"\x00"),
		func(it core.OutboxItem) bool { return it.Priority == core.PriorityBulk },
		"unsubscribed", func(c *batchCounts) { c.Cancelled++ })
	return err
}

// PurgeDead forgets dead letters created before cutoff, and the counts of
// finished batches last changed before it. Dead letters may hold what
// residents wrote, so they are not kept for ever.
func (db *DB) PurgeDead(ctx context.Context, cutoff time.Time) (int, error) {
	n := 0
	err := db.update(ctx, func(tx *bolt.Tx) error {
		var old [][]byte
		dead := tx.Bucket(bucketDead)
		if err := dead.ForEach(func(k, v []byte) error {
			var it core.OutboxItem
			if json.Unmarshal(v, &it) != nil || it.Created.Before(cutoff) {
				old = append(old, bytes.Clone(k))
			}
			return nil
		}); err != nil {
			return err
		}
		for _, k := range old {
			if err := dead.Delete(k); err != nil {
				return err
			}
		}
		n = len(old)
		var done [][]byte
		batches := tx.Bucket(bucketBatches)
		if err := batches.ForEach(func(k, v []byte) error {
			var c batchCounts
			if json.Unmarshal(v, &c) == nil && c.Updated.Before(cutoff) &&
				c.Enqueued == c.Sent+c.Unreachable+c.Failed+c.Cancelled {
				done = append(done, bytes.Clone(k))
			}
			return nil
		}); err != nil {
			return err
		}
		for _, k := range done {
			if err := batches.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return n, fmt.Errorf("storage: purge dead letters before %s: %w", cutoff.Format(time.RFC3339), err)
	}
	return n, nil
}
