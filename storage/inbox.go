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

// Record durably queues an update that has arrived and returns it with its
// Seq set. It returns core.ErrDuplicate if an update with the same Key was
// recorded before (and not yet purged): the messenger redelivered it.
//
// Adapters call Record before they acknowledge an update to the messenger,
// so an update is never lost between the two.
func (db *DB) Record(ctx context.Context, in core.Inbound) (core.Inbound, error) {
	if in.Key == "" {
		return in, fmt.Errorf("storage: record update for %s: empty key", in.Chat)
	}
	err := db.update(ctx, func(tx *bolt.Tx) error {
		seen := tx.Bucket(bucketSeen)
		key := []byte(in.Key)
		if seen.Get(key) != nil {
			return core.ErrDuplicate
		}
		now := db.now()
		if in.Received.IsZero() {
			in.Received = now
		}
		stamp := u64(uint64(now.UnixNano()))
		if err := seen.Put(key, stamp); err != nil {
			return err
		}
		if err := tx.Bucket(bucketSeenByTime).Put(append(stamp, key...), nil); err != nil {
			return err
		}
		inbox := tx.Bucket(bucketInbox)
		seq, err := inbox.NextSequence()
		if err != nil {
			return err
		}
		in.Seq = seq
		data, err := json.Marshal(in)
		if err != nil {
			return err
		}
		return inbox.Put(u64(seq), data)
	})
	if err != nil {
		return in, fmt.Errorf("storage: record update %s: %w", in.Key, err)
	}
	return in, nil
}

// Pending returns the recorded updates not yet handled, oldest first. After
// a crash or restart they are handled again, in this order.
func (db *DB) Pending(ctx context.Context) ([]core.Inbound, error) {
	var out []core.Inbound
	err := db.view(ctx, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketInbox).ForEach(func(k, v []byte) error {
			var in core.Inbound
			if err := json.Unmarshal(v, &in); err != nil {
				return fmt.Errorf("decode inbox item %d: %w", binary.BigEndian.Uint64(k), err)
			}
			out = append(out, in)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("storage: list pending updates: %w", err)
	}
	return out, nil
}

// PurgeSeen forgets the keys of updates first seen before cutoff and
// returns how many were forgotten. Messengers stop redelivering after a
// while (Telegram keeps updates for 24 hours), so the set need not grow
// forever.
func (db *DB) PurgeSeen(ctx context.Context, cutoff time.Time) (int, error) {
	n, err := db.purgeByTime(ctx, bucketSeen, bucketSeenByTime, cutoff)
	if err != nil {
		return n, fmt.Errorf("storage: purge seen updates before %s: %w", cutoff.Format(time.RFC3339), err)
	}
	return n, nil
}

// purgeByTime deletes the keys of set stamped before cutoff, using byTime,
// whose keys are a big-endian unix-nanosecond stamp followed by the key.
func (db *DB) purgeByTime(ctx context.Context, set, byTime []byte, cutoff time.Time) (int, error) {
	limit := u64(uint64(cutoff.UnixNano()))
	n := 0
	err := db.update(ctx, func(tx *bolt.Tx) error {
		keys, index := tx.Bucket(set), tx.Bucket(byTime)
		// Collect first: deleting under a bbolt cursor can skip items.
		var old [][]byte
		c := index.Cursor()
		for k, _ := c.First(); k != nil && bytes.Compare(k[:8], limit) < 0; k, _ = c.Next() {
			old = append(old, k)
		}
		for _, k := range old {
			if err := keys.Delete(k[8:]); err != nil {
				return err
			}
			if err := index.Delete(k); err != nil {
				return err
			}
		}
		n = len(old)
		return nil
	})
	return n, err
}
