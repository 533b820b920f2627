// Package storagetest opens real storage files for tests.
package storagetest

import (
	"path/filepath"
	"testing"

	"github.com/beatbot-kz/beatbot/storage"
)

// MustOpen opens a fresh data file in tb's temporary directory. At cleanup
// it checks the file's consistency and closes it.
func MustOpen(tb testing.TB, opts storage.Options) *storage.DB {
	tb.Helper()
	return MustOpenPath(tb, filepath.Join(tb.TempDir(), "beatbot.db"), opts)
}

// MustOpenPath is MustOpen on a given path, for tests that reopen a file.
func MustOpenPath(tb testing.TB, path string, opts storage.Options) *storage.DB {
	tb.Helper()
	db, err := storage.Open(path, opts)
	if err != nil {
		tb.Fatalf("open storage: %v", err)
	}
	tb.Cleanup(func() {
		if err := db.Check(); err != nil {
			tb.Errorf("storage consistency: %v", err)
		}
		if err := db.Close(); err != nil {
			tb.Errorf("close storage: %v", err)
		}
	})
	return db
}
