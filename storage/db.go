package storage

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// DB is an open beatbot data file. It is safe for concurrent use.
type DB struct {
	bolt    *bolt.DB
	path    string
	now     func() time.Time
	tickets ticketIDs
	// commits counts committed read-write transactions, for operators:
	// with fsync the dearest thing the bot does. lastTx tells a batch's
	// first call from the others, which share its commit.
	commits atomic.Uint64
	lastTx  atomic.Pointer[bolt.Tx]
	// group shares commits among concurrent writes (see groupCommit).
	group groupCommit
	// polls keeps decoded polls (see Poll).
	polls pollCache
	// inboxSeq is the last sequence number given to an update (see
	// Admit); the inbox bucket's own sequence keeps the highest stored.
	inboxSeq atomic.Uint64
}

// Options tune Open. The zero value is ready to use.
type Options struct {
	// Now is the clock used to stamp records; nil means time.Now.
	Now func() time.Time
	// OpenTimeout bounds the wait for the file lock held by another process;
	// zero means one second, so a second bot on the same file fails fast
	// instead of hanging.
	OpenTimeout time.Duration
}

// Open opens or creates the data file at path, creating its directory, and
// migrates it to the current schema.
func Open(path string, opts Options) (*DB, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.OpenTimeout == 0 {
		opts.OpenTimeout = time.Second
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("storage: create directory for %s: %w", path, err)
	}
	b, err := openLocked(path, opts.OpenTimeout)
	if err != nil {
		return nil, err
	}
	db := &DB{bolt: b, path: path, now: opts.Now}
	if err := db.migrate(); err != nil {
		_ = b.Close()
		return nil, fmt.Errorf("storage: migrate %s: %w", path, err)
	}
	err = b.View(func(tx *bolt.Tx) error {
		db.inboxSeq.Store(tx.Bucket(bucketInbox).Sequence())
		return nil
	})
	if err != nil {
		_ = b.Close()
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	return db, nil
}

// openAttempts bounds how often openLocked starts over because the file
// at the path was replaced while it opened: once per restore that ran
// meanwhile, so a few are plenty.
const openAttempts = 5

// openLocked opens the data file at path with bbolt and its exclusive
// lock, making sure that the file locked is the one at path.
//
// bbolt opens the file first and only then waits for its lock. A restore
// (see Restore) holds a lock on the old file while it renames the new one
// over path: a bot started meanwhile would get the lock on the old file,
// by then only named path+".bak", and run on it. So the file at path is
// noted before bbolt opens it (created if missing, so that there is one
// to note) and looked at again once bbolt holds the lock: if path still
// names the same file, bbolt opened that one, since a path only ever
// moves on to a new file; if not, it starts over.
func openLocked(path string, timeout time.Duration) (*bolt.DB, error) {
	for range openAttempts {
		before, err := statOrCreate(path)
		if err != nil {
			return nil, err
		}
		b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout})
		if errors.Is(err, berrors.ErrTimeout) {
			err = ErrInUse
		}
		if err != nil {
			return nil, fmt.Errorf("storage: open %s: %w", path, err)
		}
		after, err := os.Stat(path)
		if err == nil && os.SameFile(before, after) {
			return b, nil
		}
		_ = b.Close()
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("storage: open %s: %w", path, err)
		}
	}
	return nil, fmt.Errorf("storage: open %s: the file was replaced %d times while it was being opened; is a restore running in a loop?", path, openAttempts)
}

// statOrCreate describes the file at path, creating it empty (for the
// bot's user alone) if there is none; bbolt initialises an empty file.
func statOrCreate(path string) (os.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	return st, nil
}

// Close closes the file. Calls in progress finish first.
func (db *DB) Close() error {
	if err := db.bolt.Close(); err != nil {
		return fmt.Errorf("storage: close %s: %w", db.path, err)
	}
	return nil
}

// Path returns the file's path.
func (db *DB) Path() string { return db.path }

// Check verifies the file's internal consistency (free pages, page
// references). Tests call it after each run; it reads the whole file.
func (db *DB) Check() error {
	return db.bolt.View(func(tx *bolt.Tx) error {
		if err := check(tx); err != nil {
			return fmt.Errorf("storage: check %s: %w", db.path, err)
		}
		return nil
	})
}

// update runs fn in a read-write transaction unless ctx is already done.
// The context is not consulted once the transaction runs: a commit that has
// started is allowed to finish, so no change is half-applied.
func (db *DB) update(ctx context.Context, fn func(*bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return db.bolt.Update(db.counted(fn))
}

// batch runs fn in a read-write transaction shared with other concurrent
// batch calls, so that many small writes cost one commit (one fsync),
// without waiting for company (see groupCommit). fn may run more than
// once and must not have effects outside tx.
func (db *DB) batch(ctx context.Context, fn func(*bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return db.groupCommit(fn)
}

// counted wraps fn so that its transaction's commit is counted once, however
// many batched calls share it. Write transactions never overlap in bbolt,
// so comparing with the last one seen is enough.
func (db *DB) counted(fn func(*bolt.Tx) error) func(*bolt.Tx) error {
	return func(tx *bolt.Tx) error {
		if db.lastTx.Swap(tx) != tx {
			tx.OnCommit(func() { db.commits.Add(1) })
		}
		return fn(tx)
	}
}

// view runs fn in a read-only transaction unless ctx is already done.
func (db *DB) view(ctx context.Context, fn func(*bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return db.bolt.View(fn)
}
