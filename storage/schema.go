package storage

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	"github.com/beatbot-kz/beatbot/core"

	bolt "go.etcd.io/bbolt"
)

// Bucket names. Keys are described next to each.
var (
	// bucketMeta holds file-wide values such as the schema version.
	bucketMeta = []byte("meta")
	// bucketResidents: chat ref ("telegram:42") → JSON core.Resident.
	bucketResidents = []byte("residents")
	// bucketConversations: chat ref → JSON core.Conversation.
	bucketConversations = []byte("conversations")
	// bucketSubscribers: district id + 0x00 + chat ref → empty. It indexes
	// Resident.Subscriptions so a district's audience is one prefix scan.
	bucketSubscribers = []byte("subscribers")
	// bucketInbox: big-endian sequence → JSON core.Inbound, the updates that
	// were recorded but not yet handled.
	bucketInbox = []byte("inbox")
	// bucketSeen: update key → big-endian unix nanoseconds when first seen.
	bucketSeen = []byte("seen")
	// bucketSeenByTime: big-endian unix nanoseconds + update key → empty,
	// so old entries of bucketSeen can be purged without a full scan.
	bucketSeenByTime = []byte("seen_by_time")
	// bucketLastInbound: chat ref → big-endian unix nanoseconds of its
	// latest message (schema 7).
	bucketLastInbound = []byte("last_inbound")
)

var keySchemaVersion = []byte("schema_version")

// migrations[i] moves a file from schema version i to i+1. Append only:
// never edit a migration that has shipped.
var migrations = []func(*bolt.Tx) error{
	// 0 → 1: the first schema.
	func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketResidents, bucketConversations, bucketSubscribers, bucketInbox, bucketSeen, bucketSeenByTime} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		return nil
	},
	// 1 → 2: the outbox of messages the bot sends on its own initiative.
	func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketOutbox, bucketOutboxKeys, bucketOutboxKeysByTime, bucketDead, bucketBatches} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		return nil
	},
	// 2 → 3: chiefs' notices.
	func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(bucketNotices)
		return err
	},
	// 3 → 4: residents' tickets and their indexes.
	func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketTickets, bucketTicketsByReporter, bucketTicketsByAssignee, bucketTicketsByPrecinct, bucketTicketsOpen} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		return nil
	},
	// 4 → 5: the outbox indexed by chat and by batch.
	func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketOutboxByChat, bucketOutboxByBatch} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		return tx.Bucket(bucketOutbox).ForEach(func(k, v []byte) error {
			var it core.OutboxItem
			if err := json.Unmarshal(v, &it); err != nil {
				return nil // unreadable items are skipped when loaded, too
			}
			return indexItem(tx, it, true)
		})
	},
	// 5 → 6: safety polls and their pseudonymous answers.
	func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketPolls, bucketPollAnswers, bucketPollTexts} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		return nil
	},
	// 6 → 7: when each chat last wrote, for WhatsApp's 24-hour window.
	func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(bucketLastInbound)
		return err
	},
	// 7 → 8: messages sent, by the messenger's id, for late failures.
	func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketSent, bucketSentByTime} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		return nil
	},
	// 8 → 9: leaves admins record in the bot (/away).
	func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(bucketLeaves)
		return err
	},
}

// SchemaVersion is the schema this build writes.
var SchemaVersion = uint64(len(migrations))

// migrate brings the file to SchemaVersion in one transaction, so a crash
// mid-migration leaves the old schema intact.
func (db *DB) migrate() error {
	return db.bolt.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return fmt.Errorf("create bucket %s: %w", bucketMeta, err)
		}
		var v uint64
		if b := meta.Get(keySchemaVersion); b != nil {
			v = binary.BigEndian.Uint64(b)
		}
		if v > SchemaVersion {
			return fmt.Errorf("%w: file has version %d, this build knows %d", ErrSchemaTooNew, v, SchemaVersion)
		}
		for ; v < SchemaVersion; v++ {
			if err := migrations[v](tx); err != nil {
				return fmt.Errorf("schema %d to %d: %w", v, v+1, err)
			}
		}
		return meta.Put(keySchemaVersion, u64(v))
	})
}

func u64(v uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], v)
	return b[:]
}
