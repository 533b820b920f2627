package main

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beatbot-kz/beatbot/storage"
	"github.com/rs/zerolog"
)

// Whatever lies at the temporary admin file's name (a file left behind,
// readable by all; a planted symbolic link), the token ends up only in a
// regular admin file of mode 0600, and never goes through a link.
func TestAnnounceKeepsTheTokenPrivate(t *testing.T) {
	tests := []struct {
		name  string
		plant func(t *testing.T, tmp, victim string)
	}{
		{"file left behind", func(t *testing.T, tmp, _ string) {
			if err := os.WriteFile(tmp, []byte("left over"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(tmp, 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"symbolic link", func(t *testing.T, tmp, victim string) {
			if err := os.Symlink(victim, tmp); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			file := adminFile(filepath.Join(dir, "beatbot.db"))
			victim := filepath.Join(dir, "victim")
			if err := os.WriteFile(victim, []byte("untouched"), 0o644); err != nil {
				t.Fatal(err)
			}
			tt.plant(t, file+".tmp", victim)
			if err := announce(file, adminAnnouncement{URL: "http://127.0.0.1:1", Token: "secret"}); err != nil {
				t.Fatal(err)
			}
			if b, _ := os.ReadFile(victim); string(b) != "untouched" {
				t.Errorf("the link's target now holds %q: the token went through the link", b)
			}
			st, err := os.Lstat(file)
			if err != nil {
				t.Fatal(err)
			}
			if st.Mode() != 0o600 {
				t.Errorf("admin file mode %v, want a regular file of mode 0600", st.Mode())
			}
		})
	}
}

// The listener's bound address is what counts: one not on loopback is
// refused unless remote access is allowed, whatever the name resolved to.
func TestAdminListenerMustBindLoopback(t *testing.T) {
	data := filepath.Join(t.TempDir(), "beatbot.db")
	db, err := storage.Open(data, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tests := []struct {
		addr   string
		remote bool
		ok     bool
	}{
		{"127.0.0.1:0", false, true},
		{"localhost:0", false, true},
		{"0.0.0.0:0", false, false},
		{"0.0.0.0:0", true, true},
	}
	for _, tt := range tests {
		env := settings{dataPath: data, adminAddr: tt.addr, adminRemote: tt.remote}
		stop, err := startAdmin(env, db, zerolog.Nop())
		if (err == nil) != tt.ok {
			t.Errorf("startAdmin on %s (remote allowed: %v): got %v, want ok=%v", tt.addr, tt.remote, err, tt.ok)
		}
		if err != nil {
			if !strings.Contains(err.Error(), "BEATBOT_ADMIN_ADDR") {
				t.Errorf("error %q does not name BEATBOT_ADMIN_ADDR", err)
			}
			if _, err := os.Stat(adminFile(data)); err == nil {
				t.Errorf("admin file announced for a refused listener on %s", tt.addr)
			}
			continue
		}
		stop(time.Time{})
	}
}

// saveBigTickets stores n tickets of about 4 KiB each.
func saveBigTickets(t *testing.T, db *storage.DB, n int) {
	t.Helper()
	ctx := context.Background()
	text := strings.Repeat("a report of some length ", 170)
	for range n {
		id, err := db.NextTicketID(ctx)
		if err != nil {
			t.Fatal(err)
		}
		tk := core.Ticket{ID: id, Code: core.TicketCode("KRG", id), Text: text, Precinct: "p1", Status: core.TicketNew,
			Reporter: core.ChatRef{Channel: core.Telegram, ID: strconv.FormatUint(id, 10)}, Created: time.Now()}
		if err := db.SaveTicket(ctx, tk, nil); err != nil {
			t.Fatal(err)
		}
	}
}

// A client that reads a backup slowly must not hold up the bot's writes,
// even those that grow the file: the bot copies its snapshot aside at
// disk speed and serves the copy.
func TestSlowBackupClientDoesNotStallWriters(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "beatbot.db")
	db, err := storage.Open(data, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	saveBigTickets(t, db, 2000)
	stop, err := startAdmin(settings{dataPath: data, adminAddr: "127.0.0.1:0"}, db, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	defer stop(time.Time{})
	a := readAnnouncement(t, data)
	req, err := http.NewRequestWithContext(t.Context(), "GET", a.URL+"/admin/backup", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+a.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	// The client reads a little, then nothing for a while.
	if _, err := io.ReadFull(resp.Body, make([]byte, 4096)); err != nil {
		t.Fatal(err)
	}
	wrote := make(chan struct{})
	go func() {
		defer close(wrote)
		saveBigTickets(t, db, 4000) // grows the file well past its map
	}()
	select {
	case <-wrote:
	case <-time.After(20 * time.Second):
		t.Error("writes that grow the file waited for a slow backup client")
	}
	resp.Body.Close()
	<-wrote
	// Nothing of the copy stays beside the data file.
	stop(time.Time{})
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "beatbot.db" {
			t.Errorf("%s left beside the data file after the backup", e.Name())
		}
	}
}

// The admin listener stops by the deadline it is given, the end of the
// bot's shutdown, even with a client stalled in the middle of a backup.
func TestAdminStopsByItsDeadline(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "beatbot.db")
	db, err := storage.Open(data, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	saveBigTickets(t, db, 2000)
	stop, err := startAdmin(settings{dataPath: data, adminAddr: "127.0.0.1:0"}, db, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	a := readAnnouncement(t, data)
	req, err := http.NewRequestWithContext(t.Context(), "GET", a.URL+"/admin/backup", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+a.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if _, err := io.ReadFull(resp.Body, make([]byte, 4096)); err != nil {
		t.Fatal(err)
	}
	begin := time.Now()
	stop(begin.Add(300 * time.Millisecond))
	// The bound is loose, for busy CI machines: without the deadline the
	// stop would wait for the stalled client's write deadline, a minute.
	if took := time.Since(begin); took > 10*time.Second {
		t.Errorf("the admin listener took %v to stop, given 300ms", took)
	}
	// The stalled client gets a cut-off copy, never a whole one.
	if _, err := io.Copy(io.Discard, resp.Body); err == nil {
		t.Error("the stalled client read the whole backup after the listener stopped")
	}
}
