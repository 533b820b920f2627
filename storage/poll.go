package storage

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/beatbot-kz/beatbot/core"
	bolt "go.etcd.io/bbolt"
)

var (
	// bucketPolls: poll id → JSON core.Poll (schema 6).
	bucketPolls = []byte("polls")
	// bucketPollAnswers: poll id + 0x00 + pseudonym → binary answer set
	// (see answers.go). Nothing in it names a resident.
	bucketPollAnswers = []byte("poll_answers")
	// bucketPollTexts: poll id + 0x00 + big-endian uint16 question + 0x00 +
	// text pseudonym → JSON core.PollText. A text is kept apart from its
	// answer set, under another pseudonym, so that a text naming a place
	// cannot be joined to the rest of what its writer answered.
	bucketPollTexts = []byte("poll_texts")
)

// SavePoll stores a poll's definition, new or changed. Texts, dates and
// districts of a poll with answers may change; its questions and their
// options may not (ErrPollChanged): a new version is a new poll of the
// same series.
func (db *DB) SavePoll(ctx context.Context, p core.Poll) error {
	err := db.update(ctx, func(tx *bolt.Tx) error {
		var old core.Poll
		switch err := get(tx.Bucket(bucketPolls), []byte(p.ID), &old); {
		case errors.Is(err, core.ErrNotFound):
		case err != nil:
			return err
		default:
			if n := countAnswers(tx, p.ID); n > 0 && !sameQuestions(&old, &p) {
				return fmt.Errorf("%w (%d answer sets); give the new version a new id and the same series", ErrPollChanged, n)
			}
		}
		p.Imported = db.now().UTC()
		return put(tx.Bucket(bucketPolls), []byte(p.ID), p)
	})
	if err != nil {
		return fmt.Errorf("storage: save poll %s: %w", p.ID, err)
	}
	return nil
}

// sameQuestions reports whether two versions of a poll ask the same
// questions with the same options in the same order, and skip alike: a
// changed skip would change which stored answers are on a resident's way.
func sameQuestions(a, b *core.Poll) bool {
	return slices.EqualFunc(a.Questions, b.Questions, func(x, y core.Question) bool {
		return x.ID == y.ID && x.Kind == y.Kind &&
			x.Optional == y.Optional && maps.Equal(x.Skips, y.Skips) &&
			slices.EqualFunc(x.Options, y.Options, func(o, p core.Option) bool { return o.ID == p.ID })
	})
}

// Poll returns a poll's definition, or core.ErrNotFound.
//
// Every answer reads its poll, and decoding a dozen questions in three
// languages was an eighth of the bot's time under load: a decoded poll is
// kept and handed out again while its stored bytes are unchanged. So the
// Poll returned shares its slices with other callers and must not be
// modified.
func (db *DB) Poll(ctx context.Context, id string) (core.Poll, error) {
	var p core.Poll
	err := db.view(ctx, func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketPolls).Get([]byte(id))
		if raw == nil {
			return core.ErrNotFound
		}
		if cached, ok := db.polls.get(id, raw); ok {
			p = cached
			return nil
		}
		if err := json.Unmarshal(raw, &p); err != nil {
			return fmt.Errorf("decode: %w", err)
		}
		db.polls.put(id, raw, p)
		return nil
	})
	if err != nil {
		return p, fmt.Errorf("storage: load poll %s: %w", id, err)
	}
	return p, nil
}

// pollCache keeps decoded polls with the bytes they were decoded from.
type pollCache struct {
	mu    sync.Mutex
	polls map[string]cachedPoll
}

type cachedPoll struct {
	raw  []byte
	poll core.Poll
}

// get returns the poll decoded from raw, if it is kept.
func (c *pollCache) get(id string, raw []byte) (core.Poll, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.polls[id]
	if !ok || !bytes.Equal(e.raw, raw) {
		return core.Poll{}, false
	}
	return e.poll, true
}

// put keeps p, decoded from raw; raw is copied, since bbolt's bytes are
// valid only inside their transaction.
func (c *pollCache) put(id string, raw []byte, p core.Poll) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.polls == nil {
		c.polls = map[string]cachedPoll{}
	}
	c.polls[id] = cachedPoll{raw: bytes.Clone(raw), poll: p}
}

// Polls returns every poll, the latest to open first. Like Poll, it hands
// out kept polls (the polls menu lists them on every visit), so the polls
// returned must not be modified.
func (db *DB) Polls(ctx context.Context) ([]core.Poll, error) {
	var out []core.Poll
	err := db.view(ctx, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPolls).ForEach(func(k, v []byte) error {
			id := string(k)
			p, ok := db.polls.get(id, v)
			if !ok {
				if err := json.Unmarshal(v, &p); err != nil {
					return fmt.Errorf("decode poll %s: %w", k, err)
				}
				db.polls.put(id, v, p)
			}
			out = append(out, p)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("storage: list polls: %w", err)
	}
	slices.SortStableFunc(out, func(a, b core.Poll) int { return b.Opens.Compare(a.Opens) })
	return out, nil
}

func answersKey(poll, key string) []byte {
	return append(append([]byte(poll), 0), key...)
}

// AnswerSet returns the answers stored under a pseudonym, with the texts
// stored under textKey (for the resident to see and change), or
// core.ErrNotFound.
func (db *DB) AnswerSet(ctx context.Context, poll, key, textKey string) (core.AnswerSet, error) {
	s := core.AnswerSet{Poll: poll, Key: key, TextKey: textKey}
	err := db.view(ctx, func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketPollAnswers).Get(answersKey(poll, key))
		if v == nil {
			return core.ErrNotFound
		}
		if err := decodeAnswers(v, &s, nil); err != nil {
			return err
		}
		texts := tx.Bucket(bucketPollTexts)
		for i, a := range s.Answers {
			if !a.Written || textKey == "" {
				continue
			}
			var t core.PollText
			if err := get(texts, textRecordKey(poll, a.Q, textKey), &t); err == nil {
				s.Answers[i].Text = t.Text
			}
		}
		return nil
	})
	if err != nil {
		return s, fmt.Errorf("storage: load answers to poll %s: %w", poll, err)
	}
	return s, nil
}

func textRecordKey(poll string, q int, textKey string) []byte {
	k := append([]byte(poll), 0)
	k = binary.BigEndian.AppendUint16(k, uint16(q))
	return append(append(k, 0), textKey...)
}

// putAnswers stores a set, and its free texts apart from it: a text no
// longer among the answers (skipped, or off the resident's way now) is
// deleted.
func putAnswers(tx *bolt.Tx, s *core.AnswerSet) error {
	if s.Poll == "" || s.Key == "" {
		return fmt.Errorf("storage: answer set without poll or key")
	}
	texts := tx.Bucket(bucketPollTexts)
	if s.TextKey != "" {
		for q := range core.MaxQuestions {
			if err := texts.Delete(textRecordKey(s.Poll, q, s.TextKey)); err != nil {
				return err
			}
		}
	}
	for _, a := range s.Answers {
		if a.Text == "" {
			continue
		}
		if s.TextKey == "" {
			return fmt.Errorf("storage: answer set of poll %s has a text but no text key", s.Poll)
		}
		t := core.PollText{Poll: s.Poll, Q: a.Q, District: s.District, Text: a.Text}
		if err := put(texts, textRecordKey(s.Poll, a.Q, s.TextKey), t); err != nil {
			return err
		}
	}
	return tx.Bucket(bucketPollAnswers).Put(answersKey(s.Poll, s.Key), encodeAnswers(s))
}

// EachPollText calls fn with every free-text answer to a poll, by question
// and then by pseudonym: an order that says nothing about who wrote which
// or when.
func (db *DB) EachPollText(ctx context.Context, poll string, fn func(core.PollText) error) error {
	err := db.view(ctx, func(tx *bolt.Tx) error {
		prefix := append([]byte(poll), 0)
		c := tx.Bucket(bucketPollTexts).Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			var t core.PollText
			if err := json.Unmarshal(v, &t); err != nil {
				return fmt.Errorf("decode text %x: %w", k, err)
			}
			if err := fn(t); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("storage: read texts of poll %s: %w", poll, err)
	}
	return nil
}

// SaveAnswers stores an answer set, replacing the one with the same poll
// and key. The flows store answers with the session through Apply; this is
// for imports and tests.
func (db *DB) SaveAnswers(ctx context.Context, sets ...core.AnswerSet) error {
	err := db.update(ctx, func(tx *bolt.Tx) error {
		for i := range sets {
			if err := putAnswers(tx, &sets[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("storage: save %d answer sets: %w", len(sets), err)
	}
	return nil
}

// EachAnswerSet calls fn with every answer set of a poll, in key order,
// inside one read transaction. The set passed to fn is reused for the next
// call: fn must copy what it keeps. An error from fn stops the walk and is
// returned.
func (db *DB) EachAnswerSet(ctx context.Context, poll string, fn func(*core.AnswerSet) error) error {
	err := db.view(ctx, func(tx *bolt.Tx) error {
		prefix := answersKey(poll, "")
		s := core.AnswerSet{Poll: poll}
		districts := map[string]string{}
		c := tx.Bucket(bucketPollAnswers).Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			s.Key = string(k[len(prefix):])
			if err := decodeAnswers(v, &s, districts); err != nil {
				return fmt.Errorf("answer set %s: %w", s.Key, err)
			}
			if err := fn(&s); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("storage: read answers to poll %s: %w", poll, err)
	}
	return nil
}

// CountAnswerSets returns how many residents answered a poll.
func (db *DB) CountAnswerSets(ctx context.Context, poll string) (int, error) {
	var n int
	err := db.view(ctx, func(tx *bolt.Tx) error {
		n = countAnswers(tx, poll)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("storage: count answers to poll %s: %w", poll, err)
	}
	return n, nil
}

func countAnswers(tx *bolt.Tx, poll string) int {
	prefix := answersKey(poll, "")
	n := 0
	c := tx.Bucket(bucketPollAnswers).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		n++
	}
	return n
}
