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

// PersonalData returns what the file holds about chat besides its
// session, in one read: for a resident asking what is stored about them,
// and for knowing whether there is anything to forget.
func (db *DB) PersonalData(ctx context.Context, chat core.ChatRef) (core.PersonalData, error) {
	var p core.PersonalData
	err := db.view(ctx, func(tx *bolt.Tx) error {
		p = core.PersonalData{}
		key := []byte(chat.String())
		p.Stored = tx.Bucket(bucketResidents).Get(key) != nil || tx.Bucket(bucketConversations).Get(key) != nil
		if v := tx.Bucket(bucketLastInbound).Get(key); len(v) == 8 {
			p.LastInbound = time.Unix(0, int64(binary.BigEndian.Uint64(v)))
		}
		prefix := []byte(chat.String() + "\x00")
		c := tx.Bucket(bucketOutboxByChat).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			p.Queued++
		}
		tickets := tx.Bucket(bucketTickets)
		c = tx.Bucket(bucketTicketsByReporter).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			var t core.Ticket
			if err := get(tickets, k[len(prefix):], &t); err != nil {
				return err
			}
			p.Tickets = append([]core.Ticket{t}, p.Tickets...) // newest first
		}
		// Kept for 48 hours at most, so the scan is short.
		return tx.Bucket(bucketSent).ForEach(func(_, v []byte) error {
			var m sentMessage
			if json.Unmarshal(v, &m) == nil && m.Chat == chat {
				p.Sent++
			}
			return nil
		})
	})
	if err != nil {
		return p, fmt.Errorf("storage: personal data of a %s chat: %w", chat.Channel, err)
	}
	return p, nil
}

// Walk calls fn with every record of the file: the bucket's name, the key
// and the value, which are valid only during the call. It is for audits
// and tests, such as checking that nothing about a forgotten resident is
// left anywhere; its output is the raw encoding.
func (db *DB) Walk(ctx context.Context, fn func(bucket string, key, value []byte) error) error {
	err := db.view(ctx, func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return walkBucket(string(name), b, fn)
		})
	})
	if err != nil {
		return fmt.Errorf("storage: walk %s: %w", db.path, err)
	}
	return nil
}

// walkBucket walks b and the buckets nested in it, named "outer/inner".
func walkBucket(name string, b *bolt.Bucket, fn func(bucket string, key, value []byte) error) error {
	return b.ForEach(func(k, v []byte) error {
		if v == nil {
			if inner := b.Bucket(k); inner != nil {
				return walkBucket(name+"/"+string(k), inner, fn)
			}
		}
		return fn(name, k, v)
	})
}
