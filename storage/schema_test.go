package storage

import (
	"errors"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "beatbot.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchemaVersion, u64(SchemaVersion+1))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	if db, err := Open(path, Options{}); !errors.Is(err, ErrSchemaTooNew) {
		if db != nil {
			db.Close()
		}
		t.Fatalf("open newer file: got %v, want ErrSchemaTooNew", err)
	}
}

func TestMigrateIsIdempotent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "beatbot.db")
	for i := 0; i < 2; i++ {
		db, err := Open(path, Options{})
		if err != nil {
			t.Fatalf("open #%d: %v", i+1, err)
		}
		var v []byte
		db.bolt.View(func(tx *bolt.Tx) error {
			v = append(v, tx.Bucket(bucketMeta).Get(keySchemaVersion)...)
			return nil
		})
		if got := u64(SchemaVersion); string(v) != string(got) {
			t.Errorf("open #%d: schema version bytes %x, want %x", i+1, v, got)
		}
		db.Close()
	}
}
