package storage

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// Restore replaces the data file at dataPath with the backup at src, and
// returns what it installed. It refuses with ErrInUse while a bot holds
// dataPath, and with ErrNotDataFile or ErrSchemaTooNew unless src is a
// beatbot data file this build can run on; dataPath is then untouched.
//
// The backup is copied beside dataPath and verified there, the old file
// is kept as dataPath+".bak" (replacing an older one), and the copy is
// renamed over dataPath: at every moment dataPath is either the old file
// or the new one, never a missing or partial file that a starting bot
// would take for a fresh, empty city.
func Restore(src, dataPath string) (BackupInfo, error) {
	in, err := os.Open(src)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("storage: restore: %w", err)
	}
	defer in.Close()
	old, err := os.Stat(dataPath)
	switch {
	case errors.Is(err, os.ErrNotExist):
		old = nil
	case err != nil:
		return BackupInfo{}, fmt.Errorf("storage: restore over %s: %w", dataPath, err)
	}
	if old != nil {
		if st, err := in.Stat(); err == nil && os.SameFile(st, old) {
			return BackupInfo{}, fmt.Errorf("storage: restore %s: it is the data file itself", src)
		}
		// A shared lock, held until the new file is in place, tells a
		// running bot (which holds an exclusive one) and keeps one from
		// starting on the old file meanwhile.
		lock, err := openReadOnly(dataPath)
		switch {
		case errors.Is(err, ErrInUse):
			return BackupInfo{}, fmt.Errorf("storage: restore over %s: %w: stop the bot first", dataPath, ErrInUse)
		case err == nil:
			defer lock.Close()
		}
		// Any other error means the old file is damaged, which may be why
		// it is being restored; nobody holds it, so it can be replaced.
	}
	install := func(tmp, path string) error {
		if old == nil {
			return installNew(tmp, path)
		}
		if err := keep(path, path+".bak"); err != nil {
			return err
		}
		return os.Rename(tmp, path)
	}
	info, err := writeVerified(dataPath, install, func(f *os.File) error {
		_, err := io.Copy(f, in)
		return err
	})
	if err != nil {
		return info, fmt.Errorf("storage: restore %s: %w", src, err)
	}
	return info, nil
}

// installNew gives tmp the name path, which had no file when the restore
// began, without replacing one that appeared since: a bot started
// meanwhile has created path and may hold it, and renaming over it
// would swap its file from under it. A hard link fails if path exists;
// a file system without them gets a rename after a last look.
func installNew(tmp, path string) error {
	err := os.Link(tmp, path)
	switch {
	case err == nil:
		return os.Remove(tmp)
	case errors.Is(err, os.ErrExist):
		return fmt.Errorf("%s appeared during the restore (a bot started?): %w: stop the bot and restore again", path, ErrInUse)
	}
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s appeared during the restore (a bot started?): %w: stop the bot and restore again", path, ErrInUse)
	}
	return os.Rename(tmp, path)
}

// keep makes bak a second name of path, or failing that (a file system
// without hard links) a copy, so that path itself stays in place.
func keep(path, bak string) error {
	if err := os.Remove(bak); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("storage: keep %s as %s: %w", path, bak, err)
	}
	if err := os.Link(path, bak); err == nil {
		return nil
	}
	in, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("storage: keep %s as %s: %w", path, bak, err)
	}
	defer in.Close()
	out, err := os.OpenFile(bak, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("storage: keep %s as %s: %w", path, bak, err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("storage: keep %s as %s: %w", path, bak, err)
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return fmt.Errorf("storage: keep %s as %s: %w", path, bak, err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("storage: keep %s as %s: %w", path, bak, err)
	}
	return nil
}
