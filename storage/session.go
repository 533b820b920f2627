package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/beatbot-kz/beatbot/core"
	bolt "go.etcd.io/bbolt"
)

// Session returns the stored session of chat. A chat never seen before gets
// a zero session (Resident.Created is zero) and no error.
func (db *DB) Session(ctx context.Context, chat core.ChatRef) (core.Session, error) {
	var s core.Session
	err := db.view(ctx, func(tx *bolt.Tx) error {
		key := []byte(chat.String())
		if err := get(tx.Bucket(bucketResidents), key, &s.Resident); err != nil && !errors.Is(err, core.ErrNotFound) {
			return err
		}
		if err := get(tx.Bucket(bucketConversations), key, &s.Conversation); err != nil && !errors.Is(err, core.ErrNotFound) {
			return err
		}
		return nil
	})
	if err != nil {
		return s, fmt.Errorf("storage: load the session of a %s chat: %w", chat.Channel, err)
	}
	s.Resident.Chat = chat
	return s, nil
}

// Resident returns the stored resident of chat, or core.ErrNotFound.
func (db *DB) Resident(ctx context.Context, chat core.ChatRef) (core.Resident, error) {
	var r core.Resident
	err := db.view(ctx, func(tx *bolt.Tx) error {
		return get(tx.Bucket(bucketResidents), []byte(chat.String()), &r)
	})
	if err != nil {
		return r, fmt.Errorf("storage: load the resident of a %s chat: %w", chat.Channel, err)
	}
	return r, nil
}

// Apply commits the outcome of handling one update in a single transaction:
// the new session (if any), the subscriber index, and the removal of the
// update from the queue of pending ones, or for an update admitted
// unrecorded (see Admit) the record of its arrival. When Apply returns nil
// the change is on disk and the bot may answer.
func (db *DB) Apply(ctx context.Context, ch core.Change) error {
	// Batched: the workers handling different chats share commits, which
	// is what lets thousands of updates a second each be durable before
	// their answer. A forget scans whole buckets: in a group it would hold
	// up every write of the group and, failing, roll them back; alone it
	// costs the others only its own run.
	commit := db.batch
	if ch.Forget {
		commit = db.update
	}
	err := commit(ctx, func(tx *bolt.Tx) error {
		if err := db.apply(tx, ch); err != nil {
			return err
		}
		if ch.Inbound.Unrecorded {
			// Last, so that a forget in this change leaves the key: it
			// names the update, not the resident. When it was the
			// resident's last message is not noted again after a forget.
			return db.recordHandled(tx, ch.Inbound, !ch.Forget)
		}
		return nil
	})
	if err != nil {
		// The chat is left out: with a ticket in the error it would tie an
		// anonymous reporter to their ticket in the logs.
		return fmt.Errorf("storage: apply update %s: %w", ch.Inbound.Key, err)
	}
	return nil
}

// apply writes ch in tx (see Apply).
func (db *DB) apply(tx *bolt.Tx, ch core.Change) error {
	chat := ch.Inbound.Chat
	if ch.Inbound.Seq != 0 {
		if err := tx.Bucket(bucketInbox).Delete(u64(ch.Inbound.Seq)); err != nil {
			return err
		}
	}
	if ch.Forget {
		if err := db.forget(tx, chat, ch.Inbound.Seq, ch.Unlink); err != nil {
			return err
		}
		_, err := db.enqueue(tx, ch.Outbox)
		return err
	}
	key := []byte(chat.String())
	var old core.Resident
	if err := get(tx.Bucket(bucketResidents), key, &old); err != nil && !errors.Is(err, core.ErrNotFound) {
		return err
	}
	if _, err := db.enqueue(tx, ch.Outbox); err != nil {
		return err
	}
	if ch.Notice != nil {
		if err := putNotice(tx, *ch.Notice); err != nil {
			return err
		}
	}
	for _, t := range ch.Tickets {
		if err := putTicket(tx, t); err != nil {
			return fmt.Errorf("ticket %d: %w", t.ID, err)
		}
	}
	if ch.Block != nil {
		if err := blockReporter(tx, *ch.Block); err != nil {
			return err
		}
	}
	if ch.Answers != nil {
		if err := putAnswers(tx, ch.Answers); err != nil {
			return err
		}
	}
	if ch.CancelNotice != 0 {
		if err := cancelNotice(tx, ch.CancelNotice); err != nil {
			return err
		}
	}
	if ch.Leave != nil {
		if err := putLeave(tx, *ch.Leave); err != nil {
			return err
		}
	}
	if ch.Session == nil {
		return nil
	}
	r := ch.Session.Resident
	r.Chat = chat
	// A block is set by a chief's change, never by the resident's own
	// session, which may have been read before the block.
	r.Blocked = old.Blocked
	if ch.Block != nil && ch.Block.Chat == chat {
		r.Blocked = ch.Block
	}
	if err := setSubscriptions(tx, chat, old.Subscriptions, r.Subscriptions); err != nil {
		return err
	}
	if old.Consented() && !r.Consented() {
		// Consent withdrawn: tickets stay for the police's work, but
		// no longer with the resident's name.
		if err := forgetReporterNames(tx, chat); err != nil {
			return err
		}
	}
	if len(old.Subscriptions) > 0 && len(r.Subscriptions) == 0 {
		// Unsubscribed from everything: alerts and notices still
		// queued for them are withdrawn too.
		if err := withdrawBulk(tx, chat); err != nil {
			return err
		}
	}
	if err := put(tx.Bucket(bucketResidents), key, r); err != nil {
		return err
	}
	return put(tx.Bucket(bucketConversations), key, ch.Session.Conversation)
}

// Subscribers returns the chats subscribed to alerts for district.
func (db *DB) Subscribers(ctx context.Context, district string) ([]core.ChatRef, error) {
	var out []core.ChatRef
	prefix := append([]byte(district), 0)
	err := db.view(ctx, func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketSubscribers).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			chat, err := core.ParseChatRef(string(k[len(prefix):]))
			if err != nil {
				return err
			}
			out = append(out, chat)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storage: list subscribers of %s: %w", district, err)
	}
	return out, nil
}

// setSubscriptions brings the subscriber index of chat from old to new.
func setSubscriptions(tx *bolt.Tx, chat core.ChatRef, old, new []string) error {
	b := tx.Bucket(bucketSubscribers)
	for _, d := range old {
		if !slices.Contains(new, d) {
			if err := b.Delete(subscriberKey(d, chat)); err != nil {
				return err
			}
		}
	}
	for _, d := range new {
		if !slices.Contains(old, d) {
			if err := b.Put(subscriberKey(d, chat), nil); err != nil {
				return err
			}
		}
	}
	return nil
}

func subscriberKey(district string, chat core.ChatRef) []byte {
	return []byte(district + "\x00" + chat.String())
}

// get decodes the JSON value at key into v, or returns core.ErrNotFound.
func get(b *bolt.Bucket, key []byte, v any) error {
	data := b.Get(key)
	if data == nil {
		return core.ErrNotFound
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("decode %q: %w", key, err)
	}
	return nil
}

func put(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %q: %w", key, err)
	}
	return b.Put(key, data)
}

// Audience returns the reachable residents subscribed to any of districts,
// each once, with their language: the recipients of a district alert.
func (db *DB) Audience(ctx context.Context, districts []string) ([]core.Recipient, error) {
	var out []core.Recipient
	err := db.view(ctx, func(tx *bolt.Tx) error {
		seen := map[string]bool{}
		residents := tx.Bucket(bucketResidents)
		c := tx.Bucket(bucketSubscribers).Cursor()
		for _, district := range districts {
			prefix := []byte(district + "\x00")
			for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
				key := string(k[len(prefix):])
				if seen[key] {
					continue
				}
				seen[key] = true
				var r core.Resident
				if err := get(residents, []byte(key), &r); err != nil {
					return fmt.Errorf("subscriber %s of %s: %w", key, district, err)
				}
				if r.Unreachable {
					continue
				}
				chat, err := core.ParseChatRef(key)
				if err != nil {
					return err
				}
				out = append(out, core.Recipient{Chat: chat, Lang: r.Lang, District: district})
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storage: audience of %d districts: %w", len(districts), err)
	}
	return out, nil
}

// blockReporter marks a resident as blocked from reporting.
func blockReporter(tx *bolt.Tx, b core.ReportBlock) error {
	residents := tx.Bucket(bucketResidents)
	key := []byte(b.Chat.String())
	var r core.Resident
	if err := get(residents, key, &r); err != nil {
		return fmt.Errorf("block a %s chat: %w", b.Chat.Channel, err)
	}
	r.Blocked = &b
	return put(residents, key, r)
}
