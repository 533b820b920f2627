package storage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// lockProbe is how long Verify, BackupIdle and Restore wait for a data
// file's lock: a running bot holds it for good, so waiting longer only
// delays the answer.
const lockProbe = 300 * time.Millisecond

// BackupInfo describes a verified backup file.
type BackupInfo struct {
	// Path is the backup file.
	Path string
	// Size is its length in bytes.
	Size int64
	// Schema is the schema version of the data in it.
	Schema uint64
	// Tickets is how many tickets it holds, for a person to check that
	// it is the file they expect.
	Tickets int
}

// Snapshot is a consistent view of the whole data file, as of the moment
// it was taken, while writers go on.
type Snapshot struct {
	tx *bolt.Tx
}

// Size is the snapshot's length in bytes: WriteTo writes exactly this
// many when it succeeds.
func (s Snapshot) Size() int64 { return s.tx.Size() }

// WriteTo writes the snapshot to w as a complete data file.
func (s Snapshot) WriteTo(w io.Writer) (int64, error) { return s.tx.WriteTo(w) }

// Snapshot calls fn with a snapshot of the data file. The bot keeps
// running meanwhile; only a write that must grow the file waits for fn to
// return, so fn should not linger. fn's writes fail once ctx is done,
// which ends a backup nobody waits for any more.
func (db *DB) Snapshot(ctx context.Context, fn func(Snapshot) error) error {
	return db.view(ctx, func(tx *bolt.Tx) error {
		return fn(Snapshot{tx: tx})
	})
}

// Backup writes a consistent copy of the data file to w while the bot
// runs, and returns the number of bytes written.
func (db *DB) Backup(ctx context.Context, w io.Writer) (int64, error) {
	var n int64
	err := db.Snapshot(ctx, func(s Snapshot) error {
		var err error
		n, err = s.WriteTo(ctxWriter{ctx, w})
		return err
	})
	if err != nil {
		return n, fmt.Errorf("storage: back up %s: %w", db.path, err)
	}
	return n, nil
}

// BackupFile writes a consistent copy of the data file to path while the
// bot runs: through path+".tmp", synced, verified and then renamed, so
// that path is only ever a complete, verified backup.
func (db *DB) BackupFile(ctx context.Context, path string) (BackupInfo, error) {
	return writeVerified(path, nil, func(f *os.File) error {
		_, err := db.Backup(ctx, f)
		return err
	})
}

// BackupIdle copies the data file at dataPath, on which no bot runs, to
// path as BackupFile does. The file is opened read-only and never
// migrated, so a backup taken before an upgrade holds the old schema. It
// returns ErrInUse if a bot holds the file: ask the bot for the backup.
func BackupIdle(ctx context.Context, dataPath, path string) (BackupInfo, error) {
	src, err := openReadOnly(dataPath)
	if err != nil {
		return BackupInfo{}, err
	}
	defer src.Close()
	return writeVerified(path, nil, func(f *os.File) error {
		return src.View(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(ctxWriter{ctx, f})
			return err
		})
	})
}

// SaveBackup writes the backup read from r (as served by a running bot)
// to path as BackupFile does: a short or damaged stream never becomes
// path.
func SaveBackup(path string, r io.Reader) (BackupInfo, error) {
	return writeVerified(path, nil, func(f *os.File) error {
		_, err := io.Copy(f, r)
		return err
	})
}

// openReadOnly opens a data file for reading without a write lock, so
// that it can be read beside other readers but not beside a bot.
func openReadOnly(path string) (*bolt.DB, error) {
	// bbolt would try to initialise an empty file, which read-only fails
	// with a puzzling "bad file descriptor".
	if st, err := os.Stat(path); err == nil && st.Size() == 0 {
		return nil, fmt.Errorf("storage: open %s: %w: empty file", path, ErrNotDataFile)
	}
	b, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: lockProbe})
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return nil, fmt.Errorf("storage: open %s: %w", path, ErrInUse)
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	case err != nil:
		return nil, fmt.Errorf("storage: open %s: %w: %w", path, ErrNotDataFile, err)
	}
	return b, nil
}

// writeVerified writes path through a temporary file beside it: fill
// writes the data, which is synced, verified, and only then put in place
// by install (nil: renamed over path). On any error the temporary file is
// removed and path is left as it was.
func writeVerified(path string, install func(tmp, path string) error, fill func(*os.File) error) (info BackupInfo, err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return info, fmt.Errorf("storage: create directory for %s: %w", path, err)
	}
	tmp := path + ".tmp"
	// Backups hold residents' personal data: only the bot's user reads
	// them.
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return info, fmt.Errorf("storage: write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if err := fill(f); err != nil {
		return info, fmt.Errorf("storage: write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return info, fmt.Errorf("storage: sync %s: %w", tmp, err)
	}
	if err := f.Close(); err != nil {
		return info, fmt.Errorf("storage: close %s: %w", tmp, err)
	}
	if info, err = Verify(tmp); err != nil {
		return info, err
	}
	if install == nil {
		install = os.Rename
	}
	if err := install(tmp, path); err != nil {
		return info, fmt.Errorf("storage: write %s: %w", path, err)
	}
	info.Path = path
	return info, syncDir(filepath.Dir(path))
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("storage: sync directory %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("storage: sync directory %s: %w", dir, err)
	}
	return nil
}

// ctxWriter fails writes once ctx is done, so that a snapshot nobody
// waits for releases its transaction (and with it the file's growth).
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
