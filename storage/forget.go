package storage

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/beatbot-kz/beatbot/core"
	bolt "go.etcd.io/bbolt"
)

// forget deletes in tx what the file keeps about chat, as core.Change.Forget
// describes; seq is the update being handled, whose earlier entries of the
// chat in the inbox are leftovers. Later ones are the resident's next
// messages, handled afterwards as a new resident's. unlink are the
// resident's poll answers, which only the flows can find.
func (db *DB) forget(tx *bolt.Tx, chat core.ChatRef, seq uint64, unlink []core.AnswerRef) error {
	key := []byte(chat.String())
	residents := tx.Bucket(bucketResidents)
	var old core.Resident
	if err := get(residents, key, &old); err != nil && !errors.Is(err, core.ErrNotFound) {
		return err
	}
	if err := setSubscriptions(tx, chat, old.Subscriptions, nil); err != nil {
		return err
	}
	if old.Blocked != nil {
		// A chief's block is the police's record of abuse, not the
		// resident's data to withdraw; forgetting must not lift it.
		if err := put(residents, key, core.Resident{Chat: chat, Blocked: old.Blocked}); err != nil {
			return err
		}
	} else if err := residents.Delete(key); err != nil {
		return err
	}
	for _, b := range [][]byte{bucketConversations, bucketLastInbound} {
		if err := tx.Bucket(b).Delete(key); err != nil {
			return err
		}
	}
	ids, err := db.eraseTickets(tx, chat, core.ActionWithdrawn)
	if err != nil {
		return err
	}
	cancelled := func(c *batchCounts) { c.Cancelled++ }
	if _, err := withdraw(tx, bucketOutboxByChat, []byte(chat.String()+"\x00"),
		func(core.OutboxItem) bool { return true }, "", cancelled); err != nil {
		return err
	}
	for _, step := range []func() error{
		func() error { return dropTicketItems(tx, ids) },
		func() error { return forgetDead(tx, chat, ids) },
		func() error { return forgetOutboxKeys(tx, chat, ids) },
		func() error { return forgetSent(tx, chat, ids) },
		func() error { return forgetInbox(tx, chat, seq) },
		func() error { return unlinkAnswers(tx, unlink) },
		func() error { return moveFanOuts(tx, chat) },
	} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// eraseTickets erases the personal data of every ticket chat reported
// (core.Ticket.Erase) and returns their ids' prefixes of item keys,
// "ticket:<id>:".
func (db *DB) eraseTickets(tx *bolt.Tx, chat core.ChatRef, action string) ([]string, error) {
	prefix := []byte(chat.String() + "\x00")
	var keys [][]byte
	c := tx.Bucket(bucketTicketsByReporter).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k[len(prefix):]))
	}
	now := db.now()
	var out []string
	for _, k := range keys {
		var t core.Ticket
		if err := get(tx.Bucket(bucketTickets), k, &t); err != nil {
			return nil, err
		}
		t.Erase(now, action)
		if err := putTicket(tx, t); err != nil {
			return nil, err
		}
		out = append(out, ticketItemPrefix(t.ID))
	}
	return out, nil
}

// ticketItemPrefix starts the keys of the outbox items about a ticket: its
// card, photos and place, and the messages relayed on it.
func ticketItemPrefix(id uint64) string { return "ticket:" + strconv.FormatUint(id, 10) + ":" }

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// dropTicketItems withdraws the pending items about the tickets whose item
// prefixes are given: a card not yet delivered carries the reporter's
// name, text, photos and place. Nothing indexes items by ticket, so the
// outbox is scanned, the values only searched until one may match.
func dropTicketItems(tx *bolt.Tx, prefixes []string) error {
	if len(prefixes) == 0 {
		return nil
	}
	needles := make([][]byte, len(prefixes))
	for i, p := range prefixes {
		needles[i] = []byte(`"key":"` + p)
	}
	type victim struct {
		id []byte
		it core.OutboxItem
	}
	var victims []victim
	err := tx.Bucket(bucketOutbox).ForEach(func(k, v []byte) error {
		for _, n := range needles {
			if !bytes.Contains(v, n) {
				continue
			}
			var it core.OutboxItem
			if json.Unmarshal(v, &it) == nil && hasAnyPrefix(it.Key, prefixes) {
				victims = append(victims, victim{bytes.Clone(k), it})
			}
			break
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, v := range victims {
		if err := drop(tx, v.id, v.it, "", func(c *batchCounts) { c.Cancelled++ }); err != nil {
			return err
		}
	}
	return nil
}

// forgetDead deletes the dead letters to chat or about its tickets.
func forgetDead(tx *bolt.Tx, chat core.ChatRef, prefixes []string) error {
	return deleteWhere(tx.Bucket(bucketDead), func(_, v []byte) bool {
		var it core.OutboxItem
		return json.Unmarshal(v, &it) == nil && (it.Chat == chat || hasAnyPrefix(it.Key, prefixes))
	})
}

// forgetOutboxKeys forgets the idempotency keys that name chat: those of
// alerts, notices and poll invitations end with it. A resident forgotten
// is new, and may be invited again. The keys of the items about the
// tickets whose item prefixes are given go too: they tie the ticket's
// messages to each other for 30 days, after its reporter is gone.
func forgetOutboxKeys(tx *bolt.Tx, chat core.ChatRef, prefixes []string) error {
	suffix := []byte(":" + chat.String())
	keys, byTime := tx.Bucket(bucketOutboxKeys), tx.Bucket(bucketOutboxKeysByTime)
	var stamped [][]byte
	err := keys.ForEach(func(k, v []byte) error {
		if (bytes.HasSuffix(k, suffix) || hasAnyPrefix(string(k), prefixes)) && len(v) == 8 {
			stamped = append(stamped, append(bytes.Clone(v), k...))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, sk := range stamped {
		if err := keys.Delete(sk[8:]); err != nil {
			return err
		}
		if err := byTime.Delete(sk); err != nil {
			return err
		}
	}
	return nil
}

// forgetSent forgets the messages remembered by the messenger's id that
// were sent to chat, or that were about the tickets whose item prefixes
// are given: a ticket's card to staff on WhatsApp holds the reporter's
// name and words. chat may be zero, for tickets erased by retention.
func forgetSent(tx *bolt.Tx, chat core.ChatRef, prefixes []string) error {
	if chat == (core.ChatRef{}) && len(prefixes) == 0 {
		return nil
	}
	ids := map[string]bool{}
	err := deleteWhere(tx.Bucket(bucketSent), func(k, v []byte) bool {
		var m sentMessage
		if json.Unmarshal(v, &m) == nil && (chat != (core.ChatRef{}) && m.Chat == chat || hasAnyPrefix(m.Key, prefixes)) {
			ids[string(k)] = true
			return true
		}
		return false
	})
	if err != nil || len(ids) == 0 {
		return err
	}
	return deleteWhere(tx.Bucket(bucketSentByTime), func(k, _ []byte) bool { return len(k) > 8 && ids[string(k[8:])] })
}

// forgetInbox deletes the chat's updates recorded before seq and never
// handled.
func forgetInbox(tx *bolt.Tx, chat core.ChatRef, seq uint64) error {
	return deleteWhere(tx.Bucket(bucketInbox), func(k, v []byte) bool {
		var in core.Inbound
		return json.Unmarshal(v, &in) == nil && in.Chat == chat && (seq == 0 || in.Seq < seq)
	})
}

// unlinkAnswers moves each answer set to a random key, which nothing
// derives from the chat, and deletes the free texts.
func unlinkAnswers(tx *bolt.Tx, refs []core.AnswerRef) error {
	answers, texts := tx.Bucket(bucketPollAnswers), tx.Bucket(bucketPollTexts)
	for _, r := range refs {
		if r.TextKey != "" {
			for q := range core.MaxQuestions {
				if err := texts.Delete(textRecordKey(r.Poll, q, r.TextKey)); err != nil {
					return err
				}
			}
		}
		old := answersKey(r.Poll, r.Key)
		v := answers.Get(old)
		if v == nil {
			continue
		}
		v = bytes.Clone(v)
		if err := answers.Put(answersKey(r.Poll, randomKey()), v); err != nil {
			return err
		}
		if err := answers.Delete(old); err != nil {
			return err
		}
	}
	return nil
}

// randomKey is a key shaped like a pseudonym that nobody can derive.
func randomKey() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}

// moveFanOuts rewrites the cursor of a notice's fan-out that stopped at
// chat. The fan-out resumes after the cursor, compared as a string, so the
// subscriber of the notice's districts just before chat (read in this
// transaction, chat's own entries already gone) resumes at the same place
// without naming chat; with none before it, the fan-out starts over, and
// the items' keys keep anyone from getting it twice. Any string derived
// from chat (chat with its last digit lowered, say) would still give the
// number away.
func moveFanOuts(tx *bolt.Tx, chat core.ChatRef) error {
	b := tx.Bucket(bucketNotices)
	var changed []core.Notice
	err := b.ForEach(func(_, v []byte) error {
		if !bytes.Contains(v, []byte(chat.String())) {
			return nil
		}
		var n core.Notice
		if json.Unmarshal(v, &n) == nil && n.FanOut != nil && n.FanOut.After == chat.String() {
			n.FanOut.After = subscriberBefore(tx, n.Districts, n.FanOut.After)
			changed = append(changed, n)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, n := range changed {
		if err := putNotice(tx, n); err != nil {
			return err
		}
	}
	return nil
}

// subscriberBefore returns the greatest chat below chat that subscribes to
// any of districts, or "" if there is none.
func subscriberBefore(tx *bolt.Tx, districts []string, chat string) string {
	c := tx.Bucket(bucketSubscribers).Cursor()
	best := ""
	for _, d := range districts {
		prefix := []byte(d + "\x00")
		k, _ := c.Seek(append(bytes.Clone(prefix), chat...))
		if k == nil {
			k, _ = c.Last()
		} else {
			k, _ = c.Prev()
		}
		if k != nil && bytes.HasPrefix(k, prefix) && string(k[len(prefix):]) > best {
			best = string(k[len(prefix):])
		}
	}
	return best
}

// deleteWhere deletes the entries of b that match. Matches are collected
// first: deleting under a bbolt cursor can skip entries.
func deleteWhere(b *bolt.Bucket, match func(k, v []byte) bool) error {
	var keys [][]byte
	if err := b.ForEach(func(k, v []byte) error {
		if match(k, v) {
			keys = append(keys, bytes.Clone(k))
		}
		return nil
	}); err != nil {
		return err
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}
