package storage

import (
	"encoding/binary"
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"
)

// Verify checks that the file at path is a complete, consistent beatbot
// data file that this build can run on, and describes it. It returns an
// error matching ErrNotDataFile for anything else, ErrSchemaTooNew for a
// file of a newer build, and ErrInUse if a bot holds the file.
func Verify(path string) (BackupInfo, error) {
	info := BackupInfo{Path: path}
	st, err := os.Stat(path)
	if err != nil {
		return info, fmt.Errorf("storage: verify %s: %w", path, err)
	}
	info.Size = st.Size()
	b, err := openReadOnly(path)
	if err != nil {
		return info, err
	}
	defer b.Close()
	err = b.View(func(tx *bolt.Tx) error {
		// A truncated file must be caught before anything reads past its
		// end: the pages there are mapped but not backed, and touching
		// them kills the process.
		if need := tx.Size(); need > info.Size {
			return fmt.Errorf("%w: truncated: %d bytes, its pages need %d", ErrNotDataFile, info.Size, need)
		}
		if err := check(tx); err != nil {
			return fmt.Errorf("%w: %w", ErrNotDataFile, err)
		}
		meta := tx.Bucket(bucketMeta)
		var v []byte
		if meta != nil {
			v = meta.Get(keySchemaVersion)
		}
		if len(v) != 8 {
			return fmt.Errorf("%w: no schema version: not written by beatbot", ErrNotDataFile)
		}
		info.Schema = binary.BigEndian.Uint64(v)
		if info.Schema > SchemaVersion {
			return fmt.Errorf("%w: file has version %d, this build knows %d", ErrSchemaTooNew, info.Schema, SchemaVersion)
		}
		if t := tx.Bucket(bucketTickets); t != nil {
			info.Tickets = t.Stats().KeyN
		}
		return nil
	})
	if err != nil {
		return info, fmt.Errorf("storage: verify %s: %w", path, err)
	}
	return info, nil
}

// check runs bbolt's consistency check and returns its first finding. It
// reads every finding, since the check stops only when they are read.
func check(tx *bolt.Tx) error {
	var first error
	for err := range tx.Check() {
		if first == nil {
			first = err
		}
	}
	return first
}
