package storage

import (
	"context"
	"fmt"

	"github.com/beatbot-kz/beatbot/core"
	bolt "go.etcd.io/bbolt"
)

// bucketLeaves: staff id → JSON core.Leave, the leaves admins recorded
// in the bot (schema 9). One per staff member: a new one replaces it.
var bucketLeaves = []byte("leaves")

// Leaves returns the leaves admins recorded in the bot, by staff id in
// order.
func (db *DB) Leaves(ctx context.Context) ([]core.Leave, error) {
	var out []core.Leave
	err := db.view(ctx, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketLeaves).ForEach(func(k, _ []byte) error {
			var l core.Leave
			if err := get(tx.Bucket(bucketLeaves), k, &l); err != nil {
				return err
			}
			out = append(out, l)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("storage: list leaves: %w", err)
	}
	return out, nil
}

// putLeave replaces a staff member's recorded leave. A leave with no end
// (neither a leave nor the early end of one) clears it instead: it could
// never be in force.
func putLeave(tx *bolt.Tx, l core.Leave) error {
	if l.Staff == "" {
		return fmt.Errorf("leave without a staff id")
	}
	b := tx.Bucket(bucketLeaves)
	if l.Until.IsZero() {
		return b.Delete([]byte(l.Staff))
	}
	return put(b, []byte(l.Staff), l)
}
