package storage

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// A restore that found no data file must not replace one a starting bot
// created meanwhile.
func TestInstallNewKeepsAFileThatAppeared(t *testing.T) {
	dir := t.TempDir()
	tmp, path := filepath.Join(dir, "beatbot.db.tmp"), filepath.Join(dir, "beatbot.db")
	if err := os.WriteFile(tmp, []byte("restored"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("the bot's"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := installNew(tmp, path); !errors.Is(err, ErrInUse) {
		t.Errorf("install over a file that appeared: got %v, want ErrInUse", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "the bot's" {
		t.Errorf("the file that appeared now holds %q", b)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := installNew(tmp, path); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "restored" {
		t.Errorf("installed file holds %q, want the restored one", b)
	}
	if _, err := os.Stat(tmp); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temporary file left after install: %v", err)
	}
}
