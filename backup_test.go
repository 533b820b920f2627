package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/notifier"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/go-telegram/bot/models"
	"github.com/rs/zerolog"
)

// envOf is a getenv over a map.
func envOf(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// openTickets opens the data file at path, checks its consistency and
// returns its tickets by code; the file is closed again.
func openTickets(t *testing.T, path string) map[string]core.Ticket {
	t.Helper()
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Check(); err != nil {
		t.Errorf("%s: %v", path, err)
	}
	all, err := db.AllTickets(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]core.Ticket, len(all))
	for _, tk := range all {
		out[tk.Code] = tk
	}
	// The indexes were written in the same transactions as the tickets:
	// a consistent copy has each ticket in its precinct's index.
	precincts := map[string]bool{}
	for _, tk := range all {
		precincts[tk.Precinct] = true
	}
	indexed := 0
	for p := range precincts {
		list, err := db.TicketsByPrecinct(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		indexed += len(list)
	}
	if indexed != len(all) {
		t.Errorf("%s: %d tickets but %d in the precinct indexes", path, len(all), indexed)
	}
	return out
}

// TestBackupDuringWritesRestoresConsistently takes backups through the
// CLI and the admin endpoint while tickets are being written, restores
// each, and finds in it every ticket committed before the backup began.
func TestBackupDuringWritesRestoresConsistently(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data", "beatbot.db")
	vars := map[string]string{"BEATBOT_DATA": data, "BEATBOT_ADMIN_ADDR": "127.0.0.1:0"}
	env, err := loadEnv(envOf(vars))
	if err != nil {
		t.Fatal(err)
	}
	db, err := storage.Open(data, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	stopAdmin, err := startAdmin(env, db, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}

	var mu sync.Mutex
	var committed []string
	writers, stop := sync.WaitGroup{}, make(chan struct{})
	writeErr := make(chan error, 4)
	for range 4 {
		writers.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				ctx := context.Background()
				id, err := db.NextTicketID(ctx)
				if err != nil {
					writeErr <- err
					return
				}
				tk := core.Ticket{ID: id, Code: core.TicketCode("KRG", id), Precinct: "p1", Status: core.TicketNew,
					Reporter: core.ChatRef{Channel: core.Telegram, ID: strconv.FormatUint(id, 10)}, Created: time.Now()}
				if err := db.SaveTicket(ctx, tk, nil); err != nil {
					writeErr <- err
					return
				}
				mu.Lock()
				committed = append(committed, tk.Code)
				mu.Unlock()
			}
		})
	}
	// Each backup must hold at least what was committed when it began.
	type taken struct {
		file   string
		before []string
	}
	var backups []taken
	for i := range 3 {
		// Let some tickets in between the backups, counted, not timed.
		for {
			mu.Lock()
			n := len(committed)
			mu.Unlock()
			if n >= 30*(i+1) {
				break
			}
			select {
			case err := <-writeErr:
				t.Fatal(err)
			case <-time.After(time.Millisecond):
			}
		}
		mu.Lock()
		before := append([]string(nil), committed...)
		mu.Unlock()
		file := filepath.Join(dir, "backups", fmt.Sprintf("b%d.db", i))
		var out bytes.Buffer
		if err := run(t.Context(), []string{"beatbot", "backup", file}, envOf(vars), &out); err != nil {
			t.Fatalf("backup %d: %v", i, err)
		}
		if !strings.Contains(out.String(), "from the running bot") {
			t.Errorf("backup %d: %q, want it taken from the running bot", i, out.String())
		}
		backups = append(backups, taken{file, before})
	}
	close(stop)
	writers.Wait()
	stopAdmin(time.Time{})
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(adminFile(data)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("admin file left after the listener stopped: %v", err)
	}

	for i, b := range backups {
		restored := filepath.Join(dir, fmt.Sprintf("restored%d", i), "beatbot.db")
		var out bytes.Buffer
		if err := run(t.Context(), []string{"beatbot", "restore", b.file}, envOf(map[string]string{"BEATBOT_DATA": restored}), &out); err != nil {
			t.Fatalf("restore %d: %v", i, err)
		}
		got := openTickets(t, restored)
		t.Logf("backup %d: %d before, %d in it, %d at the end", i, len(b.before), len(got), len(committed))
		for _, code := range b.before {
			if _, ok := got[code]; !ok {
				t.Errorf("backup %d lacks %s, committed before it began", i, code)
			}
		}
		if len(got) < len(b.before) || len(got) > len(committed) {
			t.Errorf("backup %d holds %d tickets, want %d to %d", i, len(got), len(b.before), len(committed))
		}
	}
}

// TestBackupAndRestoreWithTheBot backs up the real bot while it runs,
// finds restore refused until it stops, and restores every ticket.
func TestBackupAndRestoreWithTheBot(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	data := filepath.Join(dir, "beatbot.db")
	bot := startBot(t, srv, data, nil)
	res := &resident{t: t, srv: srv, user: models.User{ID: 701, FirstName: "Айгерім", LanguageCode: "kk"}}
	mustSay(t, reportKk(t, res, false), "KRG-0001 өтінішіңіз тіркелді")

	env := envOf(map[string]string{"BEATBOT_DATA": data})
	backup := filepath.Join(dir, "backup.db")
	var out bytes.Buffer
	if err := run(t.Context(), []string{"beatbot", "backup", backup}, env, &out); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.Contains(got, "from the running bot") || !strings.Contains(got, "1 tickets") {
		t.Errorf("backup said %q, want 1 ticket from the running bot", got)
	}

	// The admin endpoint wants the token of the admin file.
	a := readAnnouncement(t, data)
	resp, err := http.Get(a.URL + "/admin/backup")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("backup without the token: got %s, want 401", resp.Status)
	}

	err = run(t.Context(), []string{"beatbot", "restore", backup}, env, &out)
	if !errors.Is(err, storage.ErrInUse) {
		t.Fatalf("restore while the bot runs: got %v, want ErrInUse", err)
	}

	bot.stop(t)
	out.Reset()
	// Stopped, the bot's file is backed up directly.
	if err := run(t.Context(), []string{"beatbot", "backup", filepath.Join(dir, "idle.db")}, env, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "from the data file") {
		t.Errorf("backup of a stopped bot said %q, want it read from the data file", out.String())
	}
	if err := run(t.Context(), []string{"beatbot", "restore", backup}, env, &out); err != nil {
		t.Fatal(err)
	}
	if got := openTickets(t, data); len(got) != 1 || got["KRG-0001"].Reporter.IsZero() {
		t.Errorf("restored tickets %v, want KRG-0001 whole", got)
	}
	if _, err := os.Stat(data + ".bak"); err != nil {
		t.Errorf("the replaced data file is not kept: %v", err)
	}
}

// readAnnouncement reads the admin file of the bot on data.
func readAnnouncement(t *testing.T, data string) adminAnnouncement {
	t.Helper()
	b, err := os.ReadFile(adminFile(data))
	if err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(adminFile(data))
	if st.Mode().Perm() != 0o600 {
		t.Errorf("admin file mode %v, want 0600: it holds the token", st.Mode())
	}
	var a adminAnnouncement
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAdminAddrMustBeLoopback(t *testing.T) {
	tests := []struct {
		addr   string
		remote string
		ok     bool
	}{
		{"127.0.0.1:9090", "", true},
		{"[::1]:9090", "", true},
		{"localhost:9090", "", true},
		{"off", "", true},
		{":9090", "", false},
		{"0.0.0.0:9090", "", false},
		{"10.0.0.5:9090", "", false},
		{"admin.example.kz:9090", "", false},
		{"0.0.0.0:9090", "1", true},
		{"127.0.0.1", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.addr+tt.remote, func(t *testing.T) {
			_, err := loadEnv(envOf(map[string]string{"BEATBOT_ADMIN_ADDR": tt.addr, "BEATBOT_ADMIN_ALLOW_REMOTE": tt.remote}))
			if (err == nil) != tt.ok {
				t.Errorf("got %v, want ok=%v", err, tt.ok)
			}
			if err != nil && !strings.Contains(err.Error(), "BEATBOT_ADMIN_ADDR") {
				t.Errorf("error %q does not name BEATBOT_ADMIN_ADDR", err)
			}
		})
	}
}

// TestScheduledBackupLandsBesideTheData: a relative backups.dir is taken
// from the data file's directory, not the working directory's.
func TestScheduledBackupLandsBesideTheData(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data", "beatbot.db")
	db, err := storage.Open(data, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	at := time.Date(2026, 11, 25, 3, 0, 0, 0, time.UTC)
	job := backupJob(db, core.Backups{Dir: "backups", Schedule: "0 3 * * *", Keep: 7}, zerolog.Nop())
	if err := job(t.Context(), at); err != nil {
		t.Fatal(err)
	}
	if _, err := storage.Verify(filepath.Join(filepath.Dir(data), "backups", notifier.BackupName(at))); err != nil {
		t.Error(err)
	}
}
