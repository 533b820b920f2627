package notifier

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/rs/zerolog"
)

// backupStamp is the time in a backup's name: UTC, so that names sort in
// time order whatever the city's clocks do.
const backupStamp = "20060102T150405Z"

// BackupName is the file name of a backup taken at t, such as
// "beatbot-20261125T210000Z.db".
func BackupName(t time.Time) string {
	return "beatbot-" + t.UTC().Format(backupStamp) + ".db"
}

// backupTime parses a name made by BackupName; ok is false for any other.
func backupTime(name string) (t time.Time, ok bool) {
	stamp, prefixed := strings.CutPrefix(name, "beatbot-")
	stamp, suffixed := strings.CutSuffix(stamp, ".db")
	if !prefixed || !suffixed {
		return t, false
	}
	t, err := time.Parse(backupStamp, stamp)
	return t, err == nil
}

// BackupConfig configures BackupJob.
type BackupConfig struct {
	// Dir is the directory the backups go to; it is created if need be.
	Dir string
	// Keep is how many backups to keep: after each new one, the oldest
	// beyond Keep are removed. Files in Dir with other names are left
	// alone.
	Keep int
	// Save writes a complete, verified backup to path, or nothing there
	// at all (storage's (*DB).BackupFile).
	Save func(ctx context.Context, path string) error
	Log  zerolog.Logger
}

// BackupJob backs up the data file into cfg.Dir, named for the scheduled
// time, and then removes the backups beyond cfg.Keep. Old backups are
// removed only after a new one is written, so a failing backup never
// costs the ones that worked.
func BackupJob(cfg BackupConfig) JobFunc {
	return func(ctx context.Context, at time.Time) error {
		path := filepath.Join(cfg.Dir, BackupName(at))
		if err := cfg.Save(ctx, path); err != nil {
			return fmt.Errorf("notifier: scheduled backup: %w", err)
		}
		cfg.Log.Info().Str("file", path).Msg("scheduled backup written")
		removed, err := pruneBackups(cfg.Dir, cfg.Keep)
		for _, name := range removed {
			cfg.Log.Info().Str("file", filepath.Join(cfg.Dir, name)).Msg("old backup removed")
		}
		if err != nil {
			return fmt.Errorf("notifier: remove old backups: %w", err)
		}
		return nil
	}
}

// pruneBackups removes all but the keep newest backups in dir, and
// temporary files that a crash mid-backup left. It returns the names it
// removed.
func pruneBackups(dir string, keep int) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	type backup struct {
		name string
		at   time.Time
	}
	var backups []backup
	var removed []string
	var errs []error
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() {
			continue
		}
		if base, ok := strings.CutSuffix(name, ".tmp"); ok {
			// The job runs one at a time, so no backup is being written.
			if _, ours := backupTime(base); ours {
				if err := os.Remove(filepath.Join(dir, name)); err != nil {
					errs = append(errs, err)
				}
			}
			continue
		}
		if at, ok := backupTime(name); ok {
			backups = append(backups, backup{name, at})
		}
	}
	slices.SortFunc(backups, func(a, b backup) int { return b.at.Compare(a.at) })
	for _, b := range backups[min(keep, len(backups)):] {
		if err := os.Remove(filepath.Join(dir, b.name)); err != nil {
			errs = append(errs, err)
			continue
		}
		removed = append(removed, b.name)
	}
	return removed, errors.Join(errs...)
}
