package main

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/beatbot-kz/beatbot/notifier"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/rs/zerolog"
)

// The admin listener serves what only the machine's operator may ask of
// the running bot: for now GET /admin/backup, a consistent copy of the
// data file. It is separate from the webhook listener (which faces the
// internet) and binds to loopback only, unless BEATBOT_ADMIN_ALLOW_REMOTE
// says otherwise.
//
// A backup holds every resident's personal data, and loopback is open to
// every user of the machine, so each request must also carry a token. The
// bot writes the token and the listener's URL to the admin file beside the
// data file (BEATBOT_DATA + ".admin", mode 0600): whoever may read the data
// file may ask for a backup, nobody else, and the CLI finds the bot that
// holds its data file without being told a port.

// defaultAdminAddr is where the admin listener binds by default.
const defaultAdminAddr = "127.0.0.1:9181"

// adminShutdownTimeout bounds the admin listener's stop when no deadline
// is given; a backup in progress is cut short at once, since storage
// cannot close under it.
const adminShutdownTimeout = 5 * time.Second

// adminAnnouncement is the content of the admin file.
type adminAnnouncement struct {
	URL   string `json:"url"`
	Token string `json:"token"`
}

// adminFile is where the bot on dataPath announces its admin listener.
func adminFile(dataPath string) string { return dataPath + ".admin" }

// checkAdminAddr refuses to expose the admin listener beyond this machine
// unless allowed: addr must name a loopback address.
func checkAdminAddr(addr string, allowRemote bool) error {
	if addr == "off" {
		return nil
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("BEATBOT_ADMIN_ADDR %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); host == "localhost" || ip != nil && ip.IsLoopback() || allowRemote {
		return nil
	}
	return fmt.Errorf("BEATBOT_ADMIN_ADDR %q is not a loopback address: the admin listener hands out the whole data file; use 127.0.0.1:PORT, or set BEATBOT_ADMIN_ALLOW_REMOTE=1 if a firewall keeps it private", addr)
}

// listenAdmin binds the admin listener to addr. Unless allowRemote, the
// address bound must be a loopback one: checkAdminAddr trusts the name
// "localhost", which the machine's resolver might map elsewhere, so what
// counts is where the listener ended up.
func listenAdmin(addr string, allowRemote bool) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on BEATBOT_ADMIN_ADDR %q: %w", addr, err)
	}
	if allowRemote {
		return ln, nil
	}
	if tcp, ok := ln.Addr().(*net.TCPAddr); !ok || !tcp.IP.IsLoopback() {
		bound := ln.Addr().String()
		ln.Close()
		return nil, fmt.Errorf("BEATBOT_ADMIN_ADDR %q bound %s, which is not a loopback address: the admin listener hands out the whole data file; use 127.0.0.1:PORT, or set BEATBOT_ADMIN_ALLOW_REMOTE=1 if a firewall keeps it private", addr, bound)
	}
	return ln, nil
}

// startAdmin serves the admin endpoints for db on env.adminAddr and
// announces them in the admin file. stop ends the listener, cutting short
// any backup in progress, and removes the file; it returns by deadline
// (zero: adminShutdownTimeout from the call), closing connections still
// open then, so that it fits in the bot's shutdown.
func startAdmin(env settings, db *storage.DB, log zerolog.Logger) (stop func(deadline time.Time), err error) {
	clearStagedBackups(env.dataPath, log)
	if env.adminAddr == "off" {
		// A file left by an earlier run that crashed would send the CLI
		// to a listener that is not there.
		if err := os.Remove(adminFile(env.dataPath)); err != nil && !errors.Is(err, os.ErrNotExist) {
			log.Warn().Err(err).Msg("remove a stale admin file")
		}
		return func(time.Time) {}, nil
	}
	ln, err := listenAdmin(env.adminAddr, env.adminRemote)
	if err != nil {
		return nil, err
	}
	token, err := newAdminToken()
	if err != nil {
		ln.Close()
		return nil, err
	}
	file := adminFile(env.dataPath)
	if err := announce(file, adminAnnouncement{URL: "http://" + dialAddr(ln.Addr()), Token: token}); err != nil {
		ln.Close()
		return nil, err
	}
	base, cancel := context.WithCancel(context.Background())
	mux := http.NewServeMux()
	mux.Handle("GET /admin/backup", backupHandler(db, token, log))
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		// No server-wide write timeout: a backup of a large file may take
		// minutes; backupHandler sets one in proportion to its size.
		IdleTimeout:    60 * time.Second,
		MaxHeaderBytes: 16 << 10,
		BaseContext:    func(net.Listener) context.Context { return base },
	}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error().Err(err).Msg("admin server")
		}
	}()
	log.Info().Str("addr", ln.Addr().String()).Str("file", file).Msg("admin endpoint listening")
	return func(deadline time.Time) {
		cancel()
		if deadline.IsZero() {
			deadline = time.Now().Add(adminShutdownTimeout)
		}
		ctx, done := context.WithDeadline(context.Background(), deadline)
		defer done()
		if err := srv.Shutdown(ctx); err != nil {
			log.Warn().Err(err).Msg("admin server shutdown")
			srv.Close()
		}
		if err := os.Remove(file); err != nil && !errors.Is(err, os.ErrNotExist) {
			log.Warn().Err(err).Msg("remove the admin file")
		}
	}, nil
}

// backupStaging names the copies the admin endpoint stages beside the
// data file at dataPath; a glob pattern, for os.CreateTemp and for
// clearing those a crash left.
func backupStaging(dataPath string) string { return filepath.Base(dataPath) + ".admin-backup-*" }

// backupMinRate is the slowest a backup client may read: the response's
// write deadline is backupGrace plus its size at this rate, so a client
// that stalls is cut off rather than keeping a copy of the data file (and
// a connection) for good.
const (
	backupMinRate = 1 << 20 // bytes per second
	backupGrace   = time.Minute
)

// backupHandler serves a consistent copy of the data file. The snapshot
// is first copied to a file beside the data file (mode 0600, as private
// as the data file, on the same disk rather than a shared temporary
// directory) at disk speed, so that its read transaction, which holds up
// every write that grows the data file, ends before the client reads a
// byte; the copy is streamed from there and removed.
func backupHandler(db *storage.DB, token string, log zerolog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !authorized(r, token) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="beatbot admin"`)
			http.Error(w, "a valid token from the admin file is required", http.StatusUnauthorized)
			return
		}
		start := time.Now()
		f, size, err := stageBackup(r.Context(), db)
		if err != nil {
			log.Error().Err(err).Msg("backup over the admin endpoint failed")
			http.Error(w, "backup failed; see the bot's log", http.StatusInternalServerError)
			return
		}
		defer func() {
			f.Close()
			if err := os.Remove(f.Name()); err != nil {
				log.Warn().Err(err).Str("file", f.Name()).Msg("remove the backup's staged copy")
			}
		}()
		h := w.Header()
		h.Set("Content-Type", "application/octet-stream")
		// The length lets the client tell a cut-off copy from a whole one.
		h.Set("Content-Length", strconv.FormatInt(size, 10))
		h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, notifier.BackupName(start)))
		deadline := backupGrace + time.Duration(size/backupMinRate)*time.Second
		if err := http.NewResponseController(w).SetWriteDeadline(time.Now().Add(deadline)); err != nil {
			log.Warn().Err(err).Msg("backup over the admin endpoint: no write deadline")
		}
		n, err := io.Copy(ctxWriter{r.Context(), w}, f)
		if err != nil {
			log.Error().Err(err).Int64("bytes", n).Int64("size", size).Msg("backup over the admin endpoint cut short")
			// Headers are gone: break the connection so the client sees
			// a cut-off response, not a short file.
			panic(http.ErrAbortHandler)
		}
		log.Info().Int64("bytes", n).Dur("took", time.Since(start)).Msg("backup served over the admin endpoint")
	})
}

// stageBackup copies a snapshot of db to a new file beside it, readable
// by the bot's user alone, and returns the file, open at its start, with
// its size. The caller closes and removes it.
func stageBackup(ctx context.Context, db *storage.DB) (f *os.File, size int64, err error) {
	f, err = os.CreateTemp(filepath.Dir(db.Path()), backupStaging(db.Path()))
	if err != nil {
		return nil, 0, fmt.Errorf("stage a backup of %s: %w", db.Path(), err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if size, err = db.Backup(ctx, f); err != nil {
		return nil, 0, fmt.Errorf("stage a backup of %s in %s: %w", db.Path(), f.Name(), err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, 0, fmt.Errorf("stage a backup of %s in %s: %w", db.Path(), f.Name(), err)
	}
	return f, size, nil
}

// clearStagedBackups removes the staged copies (see backupHandler) that a
// bot which crashed while serving a backup left beside dataPath. Only the
// bot holding the data file stages them, so none is in use.
func clearStagedBackups(dataPath string, log zerolog.Logger) {
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(dataPath), backupStaging(dataPath)))
	for _, f := range left {
		if err := os.Remove(f); err != nil {
			log.Warn().Err(err).Str("file", f).Msg("remove a backup's staged copy left by an earlier run")
		}
	}
}

// authorized reports whether r carries the admin token.
func authorized(r *http.Request, token string) bool {
	const prefix = "Bearer "
	got := r.Header.Get("Authorization")
	if len(got) <= len(prefix) || got[:len(prefix)] != prefix {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(got[len(prefix):]), []byte(token)) == 1
}

func newAdminToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("admin token: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// announce writes the admin file, readable by the bot's user alone,
// through a temporary file so that a reader never sees half of it. The
// temporary file is a new one of a name nobody can guess ahead
// (os.CreateTemp: created exclusively, mode 0600), so that a file or a
// symbolic link planted in the directory can neither keep the token
// readable by others nor send it elsewhere.
func announce(file string, a adminAnnouncement) (err error) {
	data, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("write admin file %s: %w", file, err)
	}
	f, err := os.CreateTemp(filepath.Dir(file), filepath.Base(file)+".tmp*")
	if err != nil {
		return fmt.Errorf("write admin file %s: %w", file, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
			err = fmt.Errorf("write admin file %s: %w", file, err)
		}
	}()
	// CreateTemp's mode is 0600 already; this says so where it matters.
	if err := f.Chmod(0o600); err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, file)
}

// dialAddr is the address a local client dials to reach a listener: an
// unspecified host (0.0.0.0, allowed with BEATBOT_ADMIN_ALLOW_REMOTE)
// becomes loopback.
func dialAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return a.String()
	}
	loop := "127.0.0.1"
	if tcp.IP.To4() == nil {
		loop = "::1"
	}
	return net.JoinHostPort(loop, strconv.Itoa(tcp.Port))
}

// ctxWriter fails writes once ctx is done: a client that went away, or
// the admin listener stopping, ends the backup at once.
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
