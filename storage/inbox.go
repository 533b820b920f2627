package storage

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	bolt "go.etcd.io/bbolt"
)

// Record durably queues an update that has arrived and returns it with its
// Seq set. It returns core.ErrDuplicate if an update with the same Key was
// recorded before (and not yet purged): the messenger redelivered it.
//
// Adapters call Record before they acknowledge an update to the messenger,
// so an update is never lost between the two. Concurrent calls (webhook
// requests) share one commit, and so one fsync.
func (db *DB) Record(ctx context.Context, in core.Inbound) (core.Inbound, error) {
	if in.Key == "" {
		return in, fmt.Errorf("storage: record an update from %s: empty key", in.Chat.Channel)
	}
	out, err := db.record(ctx, []core.Inbound{in}, db.batch)
	if err == nil && len(out) == 0 {
		err = core.ErrDuplicate
	}
	if err != nil {
		return in, fmt.Errorf("storage: record update %s: %w", in.Key, err)
	}
	return out[0], nil
}

// RecordBatch is Record for many updates, such as one getUpdates answer,
// in a single transaction: either all of them are recorded or, on an
// error, none. It returns the updates it recorded, in the order given,
// with Seq set in that order; duplicates are left out, both those
// recorded before and repeats within ins after the first. So a result
// shorter than ins means duplicates, not a failure, and an empty result
// is not an error. Updates numbered by Admit keep their Seq; the change
// of one handled meanwhile recorded its key, so it is left out too.
//
// It shares the group commit with the updates being handled: when no
// commit runs it commits at once, and otherwise it joins the next one
// rather than adding its own fsync after it.
func (db *DB) RecordBatch(ctx context.Context, ins []core.Inbound) ([]core.Inbound, error) {
	out, err := db.record(ctx, ins, db.batch)
	if err != nil {
		return nil, fmt.Errorf("storage: record %d updates: %w", len(ins), err)
	}
	return out, nil
}

// Admit returns the updates of ins whose keys were not seen before, in
// the order given and without repeats, numbered (Seq) and stamped
// (Received) as Record would, but without recording them. Each must then
// be recorded before the messenger is told it arrived: by the change that
// handles it, when it is marked Unrecorded (see Apply), or by RecordBatch.
// Handling an update as it arrives and recording it with its outcome
// costs one commit instead of two; RecordBatch covers the updates not
// handled soon enough.
//
// Admit only reads: a caller admitting the same update twice before
// either is recorded must drop the second itself.
func (db *DB) Admit(ctx context.Context, ins []core.Inbound) ([]core.Inbound, error) {
	for _, in := range ins {
		if in.Key == "" {
			return nil, fmt.Errorf("storage: admit an update from %s: empty key", in.Chat.Channel)
		}
	}
	out := make([]core.Inbound, 0, len(ins))
	err := db.view(ctx, func(tx *bolt.Tx) error {
		seen := tx.Bucket(bucketSeen)
		now := db.now()
		for _, in := range ins {
			if seen.Get([]byte(in.Key)) != nil || slices.ContainsFunc(out, func(o core.Inbound) bool { return o.Key == in.Key }) {
				continue
			}
			if in.Received.IsZero() {
				in.Received = now
			}
			in.Seq = db.inboxSeq.Add(1)
			out = append(out, in)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storage: admit %d updates: %w", len(ins), err)
	}
	return out, nil
}

// record appends the updates of ins whose keys are new to the inbox, in a
// transaction run by commit (db.update or db.batch), and returns them.
// Duplicates are skipped rather than returned as an error, which would
// make bbolt roll back and replay a whole shared batch.
func (db *DB) record(ctx context.Context, ins []core.Inbound, commit func(context.Context, func(*bolt.Tx) error) error) ([]core.Inbound, error) {
	for _, in := range ins {
		if in.Key == "" {
			return nil, fmt.Errorf("update from %s: empty key", in.Chat.Channel)
		}
	}
	if len(ins) == 0 {
		return nil, nil
	}
	var out []core.Inbound
	err := commit(ctx, func(tx *bolt.Tx) error {
		// A batched fn may run again (when a partner fails): start over.
		out = make([]core.Inbound, 0, len(ins))
		seen, byTime, inbox := tx.Bucket(bucketSeen), tx.Bucket(bucketSeenByTime), tx.Bucket(bucketInbox)
		now := db.now()
		for _, in := range ins {
			key := []byte(in.Key)
			// Keys put earlier in this transaction are visible here, so a
			// repeat within ins is caught too.
			if seen.Get(key) != nil {
				continue
			}
			if in.Received.IsZero() {
				in.Received = now
			}
			if err := markSeen(seen, byTime, key, now); err != nil {
				return err
			}
			if in.Seq == 0 {
				in.Seq = db.inboxSeq.Add(1)
			}
			in.Unrecorded = false
			if in.Seq > inbox.Sequence() {
				if err := inbox.SetSequence(in.Seq); err != nil {
					return err
				}
			}
			data, err := json.Marshal(in)
			if err != nil {
				return err
			}
			if err := inbox.Put(u64(in.Seq), data); err != nil {
				return err
			}
			if err := noteInbound(tx, in); err != nil {
				return err
			}
			out = append(out, in)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// markSeen records that the update with key arrived at now.
func markSeen(seen, byTime *bolt.Bucket, key []byte, now time.Time) error {
	stamp := u64(uint64(now.UnixNano()))
	if err := seen.Put(key, stamp); err != nil {
		return err
	}
	return byTime.Put(append(stamp, key...), nil)
}

// recordHandled records the key of an update admitted unrecorded, in the
// transaction of the change that handles it, and with note when the chat
// last wrote (see noteInbound). If RecordBatch got there first, the key
// is there and the update's inbox entry, which the change deletes, was
// its record.
func (db *DB) recordHandled(tx *bolt.Tx, in core.Inbound, note bool) error {
	seen := tx.Bucket(bucketSeen)
	key := []byte(in.Key)
	if seen.Get(key) != nil {
		return nil
	}
	if err := markSeen(seen, tx.Bucket(bucketSeenByTime), key, db.now()); err != nil {
		return err
	}
	if !note {
		return nil
	}
	return noteInbound(tx, in)
}

// noteInbound records when a chat last wrote, for messengers that let the
// bot write freely only for a while after that (WhatsApp's 24 hours). It is
// kept only where it matters, and purged once it no longer does.
func noteInbound(tx *bolt.Tx, in core.Inbound) error {
	if in.Chat.Channel != core.WhatsApp {
		return nil
	}
	b := tx.Bucket(bucketLastInbound)
	key := []byte(in.Chat.String())
	at := uint64(in.Received.UnixNano())
	if old := b.Get(key); old != nil && binary.BigEndian.Uint64(old) >= at {
		return nil
	}
	return b.Put(key, u64(at))
}

// LastInbound returns when chat last wrote to the bot, or the zero time if
// it never did (or not since this was recorded).
func (db *DB) LastInbound(ctx context.Context, chat core.ChatRef) (time.Time, error) {
	var at time.Time
	err := db.view(ctx, func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketLastInbound).Get([]byte(chat.String())); v != nil {
			at = time.Unix(0, int64(binary.BigEndian.Uint64(v)))
		}
		return nil
	})
	if err != nil {
		return at, fmt.Errorf("storage: last message of a %s chat: %w", chat.Channel, err)
	}
	return at, nil
}

// PurgeLastInbound forgets when chats last wrote, for those who last wrote
// before cutoff: once the messaging window is long closed, the time says
// nothing the bot needs, and it is personal data.
func (db *DB) PurgeLastInbound(ctx context.Context, cutoff time.Time) (int, error) {
	n := 0
	err := db.update(ctx, func(tx *bolt.Tx) error {
		n = 0
		b := tx.Bucket(bucketLastInbound)
		var old [][]byte
		err := b.ForEach(func(k, v []byte) error {
			if int64(binary.BigEndian.Uint64(v)) < cutoff.UnixNano() {
				old = append(old, bytes.Clone(k))
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, k := range old {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		n = len(old)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("storage: purge last messages before %s: %w", cutoff.Format(time.RFC3339), err)
	}
	return n, nil
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
