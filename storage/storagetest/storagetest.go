// Package storagetest opens real storage files for tests and searches
// them.
package storagetest

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
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

// Find scans every record of every bucket in db for each of needles, in
// keys and in values, and returns where it found them, one line per hit:
// "bucket key=… : needle". It looks at the raw bytes, so a needle is found
// however the record encodes it, as long as it is stored as written.
func Find(tb testing.TB, db *storage.DB, needles ...string) []string {
	tb.Helper()
	var hits []string
	err := db.Walk(context.Background(), func(bucket string, key, value []byte) error {
		for _, n := range needles {
			if n == "" {
				continue
			}
			if bytes.Contains(key, []byte(n)) || bytes.Contains(value, []byte(n)) {
				hits = append(hits, fmt.Sprintf("%s key=%q: %q", bucket, key, n))
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatalf("scan storage: %v", err)
	}
	return hits
}

// MustNotFind fails tb for every place in db where one of needles occurs.
func MustNotFind(tb testing.TB, db *storage.DB, needles ...string) {
	tb.Helper()
	for _, hit := range Find(tb, db, needles...) {
		tb.Errorf("still stored: %s", hit)
	}
}

// Derived returns s with the forms in which it may hide in a record: as
// written, JSON-escaped, and base64-encoded (both alphabets, at each of
// the three alignments, less the characters its neighbours change), as
// inside a WhatsApp message id, which encodes the sender's number. Search
// for a phone number with Find(tb, db, Derived(number)...).
func Derived(s string) []string {
	out := []string{s}
	if j, err := json.Marshal(s); err == nil && string(j[1:len(j)-1]) != s {
		out = append(out, string(j[1:len(j)-1]))
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding} {
		for pad := range 3 {
			b := enc.EncodeToString(append(make([]byte, pad), s...))
			// The first ceil(pad*8/6) characters carry the padding's bits
			// and those of s; the last group may carry a neighbour's.
			from, to := (pad*8+5)/6, (pad+len(s))/3*4
			if to-from >= 8 {
				out = append(out, b[from:to])
			}
		}
	}
	return out
}
