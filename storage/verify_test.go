package storage

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// boltFile writes a bbolt file at path, changed by fn.
func boltFile(t *testing.T, path string, fn func(*bolt.Tx) error) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Update(fn); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestVerify(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	db, err := Open(good, Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	// Enough data that cutting the file short cuts into its pages.
	boltFile(t, good, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put([]byte("filler"), make([]byte, 64<<10))
	})
	data, _ := os.ReadFile(good)

	newer := filepath.Join(dir, "newer.db")
	os.WriteFile(newer, data, 0o600)
	boltFile(t, newer, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchemaVersion, u64(SchemaVersion+1))
	})
	foreign := filepath.Join(dir, "foreign.db")
	boltFile(t, foreign, func(tx *bolt.Tx) error {
		_, err := tx.CreateBucket([]byte("someone else's"))
		return err
	})
	truncated := filepath.Join(dir, "truncated.db")
	os.WriteFile(truncated, data[:len(data)/2], 0o600)
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	text := filepath.Join(dir, "text.db")
	os.WriteFile(text, []byte("hello"), 0o600)

	tests := []struct {
		name string
		path string
		want error
	}{
		{"good", good, nil},
		{"newer schema", newer, ErrSchemaTooNew},
		{"another program's bbolt file", foreign, ErrNotDataFile},
		{"truncated", truncated, ErrNotDataFile},
		{"empty", empty, ErrNotDataFile},
		{"text", text, ErrNotDataFile},
		{"missing", filepath.Join(dir, "missing.db"), os.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info, err := Verify(tt.path)
			if tt.want == nil && err != nil || !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if tt.want == nil && info.Schema != SchemaVersion {
				t.Errorf("schema %d, want %d", info.Schema, SchemaVersion)
			}
		})
	}
}
