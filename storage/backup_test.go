package storage_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
)

// saveTickets stores n new tickets and returns their codes.
func saveTickets(t *testing.T, db *storage.DB, n int) []string {
	t.Helper()
	ctx := context.Background()
	var codes []string
	for range n {
		id, err := db.NextTicketID(ctx)
		if err != nil {
			t.Fatal(err)
		}
		code := core.TicketCode("KRG", id)
		tk := core.Ticket{ID: id, Code: code, Reporter: chat, Precinct: "p1", Status: core.TicketNew, Created: time.Now()}
		if err := db.SaveTicket(ctx, tk, nil); err != nil {
			t.Fatal(err)
		}
		codes = append(codes, code)
	}
	return codes
}

// ticketCodes opens the data file at path, lists its tickets' codes,
// checks the file and closes it.
func ticketCodes(t *testing.T, path string) []string {
	t.Helper()
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Check(); err != nil {
		t.Error(err)
	}
	all, err := db.AllTickets(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, tk := range all {
		codes = append(codes, tk.Code)
	}
	return codes
}

func TestBackupFileRestoresEveryTicket(t *testing.T) {
	dir := t.TempDir()
	db := storagetest.MustOpenPath(t, filepath.Join(dir, "live.db"), storage.Options{})
	want := saveTickets(t, db, 70) // more than one block of ids
	info, err := db.BackupFile(context.Background(), filepath.Join(dir, "backups", "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	if info.Tickets != len(want) || info.Schema != storage.SchemaVersion || info.Size == 0 {
		t.Errorf("backup info %+v, want %d tickets at schema %d", info, len(want), storage.SchemaVersion)
	}
	if _, err := os.Stat(info.Path + ".tmp"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temporary file left behind: %v", err)
	}
	if st, err := os.Stat(info.Path); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("backup file mode: %v, %v; want 0600", st.Mode(), err)
	}

	restored := filepath.Join(dir, "restored", "beatbot.db")
	if _, err := storage.Restore(info.Path, restored); err != nil {
		t.Fatal(err)
	}
	if got := ticketCodes(t, restored); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("restored tickets %v, want %v", got, want)
	}
}

func TestBackupIdle(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "beatbot.db")
	db, err := storage.Open(data, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := saveTickets(t, db, 3)
	if _, err := storage.BackupIdle(context.Background(), data, filepath.Join(dir, "b.db")); !errors.Is(err, storage.ErrInUse) {
		t.Errorf("backup of a file a bot holds: got %v, want ErrInUse", err)
	}
	db.Close()
	info, err := storage.BackupIdle(context.Background(), data, filepath.Join(dir, "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	if got := ticketCodes(t, info.Path); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("backup holds %v, want %v", got, want)
	}
	if _, err := storage.BackupIdle(context.Background(), filepath.Join(dir, "none.db"), filepath.Join(dir, "c.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("backup of a missing file: got %v, want ErrNotExist", err)
	}
}

func TestSaveBackupRefusesAShortStream(t *testing.T) {
	dir := t.TempDir()
	db := storagetest.MustOpenPath(t, filepath.Join(dir, "live.db"), storage.Options{})
	saveTickets(t, db, 100)
	var full bytes.Buffer
	if _, err := db.Backup(context.Background(), &full); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "b.db")
	for _, n := range []int{0, 100, full.Len() / 2, full.Len() - 4096} {
		_, err := storage.SaveBackup(out, bytes.NewReader(full.Bytes()[:n]))
		if !errors.Is(err, storage.ErrNotDataFile) {
			t.Errorf("%d of %d bytes: got %v, want ErrNotDataFile", n, full.Len(), err)
		}
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("%d bytes: a failed backup left %s", n, out)
		}
	}
	if _, err := storage.SaveBackup(out, &full); err != nil {
		t.Fatalf("whole stream: %v", err)
	}
}

func TestBackupStopsWhenCancelled(t *testing.T) {
	dir := t.TempDir()
	db := storagetest.MustOpenPath(t, filepath.Join(dir, "live.db"), storage.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := db.BackupFile(ctx, filepath.Join(dir, "b.db")); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled backup: got %v, want context.Canceled", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("cancelled backup left files: %v", entries)
	}
}

func TestRestore(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "backup.db")
	{
		db, err := storage.Open(src, storage.Options{})
		if err != nil {
			t.Fatal(err)
		}
		saveTickets(t, db, 2)
		db.Close()
	}
	data := filepath.Join(dir, "data", "beatbot.db")
	live, err := storage.Open(data, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	old := saveTickets(t, live, 5)

	// While a bot holds the file, nothing changes.
	if _, err := storage.Restore(src, data); !errors.Is(err, storage.ErrInUse) {
		t.Errorf("restore over a running bot's file: got %v, want ErrInUse", err)
	}
	live.Close()
	if got := ticketCodes(t, data); len(got) != len(old) {
		t.Fatalf("after a refused restore the file has %d tickets, want %d", len(got), len(old))
	}

	// Not a data file: refused, nothing changes.
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, bytes.Repeat([]byte("not bbolt "), 1000), 0o600)
	if _, err := storage.Restore(junk, data); !errors.Is(err, storage.ErrNotDataFile) {
		t.Errorf("restore of junk: got %v, want ErrNotDataFile", err)
	}
	if _, err := storage.Restore(data, data); err == nil {
		t.Error("restore of the data file over itself: got nil error")
	}
	if got := ticketCodes(t, data); len(got) != len(old) {
		t.Fatalf("after a refused restore the file has %d tickets, want %d", len(got), len(old))
	}

	info, err := storage.Restore(src, data)
	if err != nil {
		t.Fatal(err)
	}
	if info.Tickets != 2 || info.Path != data {
		t.Errorf("restore info %+v, want 2 tickets at %s", info, data)
	}
	if got := ticketCodes(t, data); len(got) != 2 {
		t.Errorf("restored file has %d tickets, want 2", len(got))
	}
	if got := ticketCodes(t, data+".bak"); len(got) != len(old) {
		t.Errorf("the kept old file has %d tickets, want %d", len(got), len(old))
	}
	if entries, _ := os.ReadDir(filepath.Dir(data)); len(entries) != 2 {
		t.Errorf("data directory holds %v, want the file and its .bak", entries)
	}
}

// A bot that starts while a restore replaces its data file must end up on
// the restored file, not on the old one (kept as .bak): bbolt opens the
// file before it waits for the lock, so Open must notice that the path
// names another file by the time the lock is its own.
func TestOpenAfterPathReplacedWhileWaitingForLock(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "beatbot.db")
	restored := filepath.Join(dir, "restored.db")
	{
		db, err := storage.Open(restored, storage.Options{})
		if err != nil {
			t.Fatal(err)
		}
		saveTickets(t, db, 2)
		db.Close()
	}
	// The lock holder stands in for the restore's own lock on the old file.
	holder, err := storage.Open(data, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	saveTickets(t, holder, 5)

	type result struct {
		db  *storage.DB
		err error
	}
	opened := make(chan result, 1)
	go func() {
		db, err := storage.Open(data, storage.Options{OpenTimeout: 10 * time.Second})
		opened <- result{db, err}
	}()
	// Let the second Open open the old file and wait for its lock.
	time.Sleep(300 * time.Millisecond)
	if err := os.Link(data, data+".bak"); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(restored, data); err != nil {
		t.Fatal(err)
	}
	holder.Close()

	r := <-opened
	if r.err != nil {
		t.Fatal(r.err)
	}
	all, err := r.db.AllTickets(context.Background())
	r.db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 {
		t.Errorf("the bot started during the restore runs on a file with %d tickets, want the restored file's 2 (5 is the old file)", len(all))
	}
}
