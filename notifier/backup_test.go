package notifier_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/notifier"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
	"github.com/jonboulle/clockwork"
	"github.com/rs/zerolog"
)

// backupConfig backs db up into dir, keeping keep.
func backupConfig(db *storage.DB, dir string, keep int) notifier.BackupConfig {
	return notifier.BackupConfig{Dir: dir, Keep: keep, Log: zerolog.Nop(), Save: func(ctx context.Context, path string) error {
		_, err := db.BackupFile(ctx, path)
		return err
	}}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestScheduledBackupsKeepTheNewest runs daily backups at 03:00 in the
// city's time zone for five days on a fake clock, a ticket a day, and
// finds the three newest kept, each with the tickets of its day.
func TestScheduledBackupsKeepTheNewest(t *testing.T) {
	almaty, _ := time.LoadLocation("Asia/Almaty")
	local := func(day, h int) time.Time { return time.Date(2026, 11, day, h, 0, 0, 0, almaty) }
	clock := clockwork.NewFakeClockAt(local(20, 12))
	db := storagetest.MustOpen(t, storage.Options{Now: clock.Now})
	dir := filepath.Join(t.TempDir(), "backups")
	// Files of others, and a temporary file a crash left, in the same
	// directory: only ours are counted, and the leftover goes.
	os.MkdirAll(dir, 0o750)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("keep me"), 0o600)
	os.WriteFile(filepath.Join(dir, "beatbot-manual.db"), []byte("keep me"), 0o600)
	os.WriteFile(filepath.Join(dir, notifier.BackupName(local(1, 3))+".tmp"), []byte("half"), 0o600)

	s := notifier.NewScheduler(clock, almaty, zerolog.Nop())
	if err := s.Add("backup", "0 3 * * *", notifier.BackupJob(backupConfig(db, dir, 3))); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	ctxBg := context.Background()
	for day := 20; day < 25; day++ {
		// A ticket at noon, backed up at 03:00 the next day.
		id, _ := db.NextTicketID(ctxBg)
		if err := db.SaveTicket(ctxBg, core.Ticket{ID: id, Code: core.TicketCode("KRG", id), Status: core.TicketNew, Created: clock.Now()}, nil); err != nil {
			t.Fatal(err)
		}
		for range 24 {
			if err := clock.BlockUntilContext(ctx, 1); err != nil {
				t.Fatal(err)
			}
			clock.Advance(time.Hour)
		}
	}
	clock.BlockUntilContext(ctx, 1)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}

	want := []string{notifier.BackupName(local(23, 3)), notifier.BackupName(local(24, 3)), notifier.BackupName(local(25, 3)),
		"beatbot-manual.db", "notes.txt"}
	if got := dirNames(t, dir); !slices.Equal(got, want) {
		t.Fatalf("backups directory holds %v, want %v", got, want)
	}
	// Names are in UTC, so that they sort in time order.
	at := time.Date(2026, 11, 25, 3, 0, 0, 0, time.FixedZone("UTC+6", 6*3600))
	if got, want := notifier.BackupName(at), "beatbot-20261124T210000Z.db"; got != want {
		t.Errorf("name of a backup at %v: got %s, want %s", at, got, want)
	}
	for i, day := range []int{23, 24, 25} {
		info, err := storage.Verify(filepath.Join(dir, notifier.BackupName(local(day, 3))))
		if err != nil {
			t.Fatal(err)
		}
		if want := 3 + i; info.Tickets != want {
			t.Errorf("backup of %d November holds %d tickets, want %d", day, info.Tickets, want)
		}
	}
}

// TestFailedBackupKeepsTheOldOnes: a backup that fails removes nothing and
// leaves no file, and says why.
func TestFailedBackupKeepsTheOldOnes(t *testing.T) {
	db := storagetest.MustOpen(t, storage.Options{})
	dir := t.TempDir()
	job := notifier.BackupJob(backupConfig(db, dir, 1))
	day := time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)
	for i := range 2 {
		if err := job(context.Background(), day.AddDate(0, 0, i)); err != nil {
			t.Fatal(err)
		}
	}
	before := dirNames(t, dir)
	if len(before) != 1 {
		t.Fatalf("after two backups keeping one: %v", before)
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if err := job(cancelled, day.AddDate(0, 0, 2)); !errors.Is(err, context.Canceled) {
		t.Errorf("backup that cannot finish: got %v, want context.Canceled", err)
	}
	if got := dirNames(t, dir); !slices.Equal(got, before) {
		t.Errorf("after a failed backup the directory holds %v, want %v", got, before)
	}
}
