package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/notifier"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/rs/zerolog"
)

const backupUsage = `Usage:
  beatbot backup FILE    write a consistent copy of the data file to FILE
  beatbot restore FILE   replace the data file with the backup FILE

backup works while the bot runs: it asks the running bot for a snapshot
over its admin endpoint (BEATBOT_ADMIN_ADDR, announced in the file
BEATBOT_DATA.admin); with no bot running it reads the data file itself.
Either way FILE appears only once it is complete and verified.

restore refuses while a bot runs on the data file: stop it first. FILE
must be a consistent beatbot data file of this version or older; the
replaced data file is kept as BEATBOT_DATA.bak.

Both use BEATBOT_DATA (default ./data/beatbot.db).
`

// backupCommand runs `beatbot backup FILE` and `beatbot restore FILE`.
func backupCommand(ctx context.Context, cmd string, args []string, getenv func(string) string, stdout io.Writer) error {
	fs := flag.NewFlagSet("beatbot "+cmd, flag.ContinueOnError)
	fs.SetOutput(stdout)
	fs.Usage = func() { fmt.Fprint(stdout, backupUsage) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("%s: want one FILE, got %q", cmd, fs.Args())
	}
	env, err := loadEnv(getenv)
	if err != nil {
		return err
	}
	file := fs.Arg(0)
	if cmd == "restore" {
		info, err := storage.Restore(file, env.dataPath)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "restored %s to %s: %s, %d tickets, schema %d; the previous data file, if any, is %s\n",
			file, env.dataPath, formatSize(info.Size), info.Tickets, info.Schema, env.dataPath+".bak")
		return nil
	}
	info, from, err := snapshot(ctx, env.dataPath, file)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backup of %s written to %s from %s: %s, %d tickets, schema %d\n",
		env.dataPath, file, from, formatSize(info.Size), info.Tickets, info.Schema)
	return nil
}

// snapshot writes a verified, consistent copy of the data file to dst and
// says where it came from: the data file itself when no bot holds it, else
// the bot that does, over its admin endpoint.
func snapshot(ctx context.Context, dataPath, dst string) (storage.BackupInfo, string, error) {
	if _, err := os.Stat(dataPath); errors.Is(err, os.ErrNotExist) {
		return storage.BackupInfo{}, "", fmt.Errorf("no data file at %s (BEATBOT_DATA): %w", dataPath, err)
	}
	info, err := storage.BackupIdle(ctx, dataPath, dst)
	if !errors.Is(err, storage.ErrInUse) {
		return info, "the data file", err
	}
	info, err = fetchBackup(ctx, dataPath, dst)
	return info, "the running bot", err
}

// fetchBackup asks the bot holding dataPath for a backup, and writes it to
// dst.
func fetchBackup(ctx context.Context, dataPath, dst string) (storage.BackupInfo, error) {
	file := adminFile(dataPath)
	data, err := os.ReadFile(file)
	if errors.Is(err, os.ErrNotExist) {
		return storage.BackupInfo{}, fmt.Errorf("backup %s: %w, and no admin endpoint is announced in %s (BEATBOT_ADMIN_ADDR=off, or a bot older than this command?)", dataPath, storage.ErrInUse, file)
	}
	if err != nil {
		return storage.BackupInfo{}, fmt.Errorf("backup %s: read the admin file: %w", dataPath, err)
	}
	var a adminAnnouncement
	if err := json.Unmarshal(data, &a); err != nil || a.URL == "" || a.Token == "" {
		return storage.BackupInfo{}, fmt.Errorf("backup %s: the admin file %s is not one the bot wrote", dataPath, file)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, a.URL+"/admin/backup", nil)
	if err != nil {
		return storage.BackupInfo{}, fmt.Errorf("backup %s: admin file %s: %w", dataPath, file, err)
	}
	req.Header.Set("Authorization", "Bearer "+a.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return storage.BackupInfo{}, fmt.Errorf("backup %s: ask the running bot: %w", dataPath, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return storage.BackupInfo{}, fmt.Errorf("backup %s: the bot at %s answered %s: %s", dataPath, a.URL, resp.Status, msg)
	}
	// A body shorter than its Content-Length fails the copy, so a cut-off
	// transfer never becomes dst.
	info, err := storage.SaveBackup(dst, resp.Body)
	if err != nil {
		return info, fmt.Errorf("backup %s from the running bot: %w", dataPath, err)
	}
	return info, nil
}

// formatSize writes a byte count for people.
func formatSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}

// backupJob backs up db on the city's schedule. A relative directory is
// taken from the data file's, so that backups land on the data volume.
func backupJob(db *storage.DB, b core.Backups, log zerolog.Logger) notifier.JobFunc {
	dir := b.Dir
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(filepath.Dir(db.Path()), dir)
	}
	return notifier.BackupJob(notifier.BackupConfig{
		Dir:  dir,
		Keep: b.Keep,
		Log:  log,
		Save: func(ctx context.Context, path string) error {
			_, err := db.BackupFile(ctx, path)
			return err
		},
	})
}
