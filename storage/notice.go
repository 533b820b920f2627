package storage

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/beatbot-kz/beatbot/core"
	bolt "go.etcd.io/bbolt"
)

// bucketNotices: big-endian notice id → JSON core.Notice (schema 3).
var bucketNotices = []byte("notices")

// NextNoticeID reserves an id for a notice being confirmed. An id reserved
// but never used leaves a gap, which is harmless.
func (db *DB) NextNoticeID(ctx context.Context) (uint64, error) {
	var id uint64
	err := db.update(ctx, func(tx *bolt.Tx) error {
		var err error
		id, err = tx.Bucket(bucketNotices).NextSequence()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("storage: reserve notice id: %w", err)
	}
	return id, nil
}

// Notice returns the notice id, or core.ErrNotFound.
func (db *DB) Notice(ctx context.Context, id uint64) (core.Notice, error) {
	var n core.Notice
	err := db.view(ctx, func(tx *bolt.Tx) error {
		return get(tx.Bucket(bucketNotices), u64(id), &n)
	})
	if err != nil {
		return n, fmt.Errorf("storage: load notice %d: %w", id, err)
	}
	return n, nil
}

// Notices returns every notice, newest first.
func (db *DB) Notices(ctx context.Context) ([]core.Notice, error) {
	var out []core.Notice
	err := db.view(ctx, func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketNotices).Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			var n core.Notice
			if err := json.Unmarshal(v, &n); err != nil {
				return fmt.Errorf("decode notice %x: %w", k, err)
			}
			out = append(out, n)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storage: list notices: %w", err)
	}
	return out, nil
}

// UpdateNotice changes notice id inside one transaction: fn gets the
// notice as stored now, may change it, and returns items to queue with the
// change. A change computed from an older copy could undo a concurrent
// cancel; this cannot. fn returning an error changes nothing.
func (db *DB) UpdateNotice(ctx context.Context, id uint64, fn func(*core.Notice) ([]core.OutboxItem, error)) error {
	err := db.update(ctx, func(tx *bolt.Tx) error {
		var n core.Notice
		if err := get(tx.Bucket(bucketNotices), u64(id), &n); err != nil {
			return err
		}
		items, err := fn(&n)
		if err != nil {
			return err
		}
		if n.Poll != "" {
			countInvitations(tx, &n, items)
		}
		if err := putNotice(tx, n); err != nil {
			return err
		}
		_, err = db.enqueue(tx, items)
		return err
	})
	if err != nil {
		return fmt.Errorf("storage: update notice %d: %w", id, err)
	}
	return nil
}

// countInvitations adds to a poll invitation's counts the items about to
// be queued, by district. An item whose key was queued before (the same
// resident invited to the same poll by another run) is not queued again,
// and so not counted again; nor is one to a resident who left the
// district's subscribers meanwhile (see subscribed).
func countInvitations(tx *bolt.Tx, n *core.Notice, items []core.OutboxItem) {
	keys := tx.Bucket(bucketOutboxKeys)
	for _, it := range items {
		if it.District == "" || keys.Get([]byte(it.Key)) != nil || !subscribed(tx, it) {
			continue
		}
		if n.Invited == nil {
			n.Invited = map[string]int{}
		}
		n.Invited[it.District]++
	}
}

// cancelNotice marks a notice cancelled and withdraws its deliveries not
// yet made (held through quiet hours, say).
func cancelNotice(tx *bolt.Tx, id uint64) error {
	var n core.Notice
	if err := get(tx.Bucket(bucketNotices), u64(id), &n); err != nil {
		return fmt.Errorf("cancel notice %d: %w", id, err)
	}
	n.Cancelled = true
	n.FanOut = nil
	if err := putNotice(tx, n); err != nil {
		return err
	}
	_, err := withdraw(tx, bucketOutboxByBatch, []byte(fmt.Sprintf("notice:%d:", id)),
		func(core.OutboxItem) bool { return true }, "notice cancelled", func(c *batchCounts) { c.Cancelled++ })
	return err
}

func putNotice(tx *bolt.Tx, n core.Notice) error {
	if n.ID == 0 {
		return fmt.Errorf("notice without an id")
	}
	return put(tx.Bucket(bucketNotices), u64(n.ID), n)
}

// SaveNotice stores a notice as it is, for tools and tests; flows store
// notices with the change that confirms them.
func (db *DB) SaveNotice(ctx context.Context, n core.Notice) error {
	err := db.update(ctx, func(tx *bolt.Tx) error { return putNotice(tx, n) })
	if err != nil {
		return fmt.Errorf("storage: save notice %d: %w", n.ID, err)
	}
	return nil
}
