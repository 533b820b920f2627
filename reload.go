package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/beatbot-kz/beatbot/configs"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/flows"
	"github.com/beatbot-kz/beatbot/locate"
	"github.com/beatbot-kz/beatbot/notifier"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/rs/zerolog"
)

// reloader puts an edited city configuration in force without a restart,
// on SIGHUP or when the configuration's files change. A configuration
// that does not load is refused whole, and the city in force stays.
type reloader struct {
	path      string
	engine    *flows.Engine
	scheduler *notifier.Scheduler
	db        *storage.DB
	// channels are the messengers the bot runs on, set on every city.
	channels []core.Channel
	wake     func()
	log      zerolog.Logger
	// stamp sums up the configuration's files as last seen by the watch
	// (configStamp), first as they were before the start's load.
	stamp string
	// mu makes one reload at a time: a signal during a file change's
	// reload waits for it.
	mu sync.Mutex
}

// errReloadRefused marks a configuration that was not put in force.
var errReloadRefused = errors.New("configuration refused; the one in force stays")

// reload loads the configuration again and, if it is valid, puts it in
// force: the district index, the staff's channels, the polls it lists and
// its alerts' schedules are built from it before the switch, so nothing
// runs on half of it. Open tickets the change moves to other staff are
// rerouted (flows.Engine.Install).
func (r *reloader) reload(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	city, warnings, err := configs.Load(r.path)
	if err != nil {
		// configs.Load names the file and the field of every problem.
		return fmt.Errorf("%w: %w", errReloadRefused, err)
	}
	index, err := locate.New(city)
	if err != nil {
		return fmt.Errorf("%w: build district index for %s: %w", errReloadRefused, r.path, err)
	}
	for _, w := range warnings {
		r.log.Warn().Str("warning", w.String()).Msg("configuration")
	}
	city.UseChannels(r.channels...)
	fixedAtStart(r.engine.City(), city, r.log)
	if err := importPolls(ctx, r.db, city, r.log); err != nil {
		return fmt.Errorf("%w: %w", errReloadRefused, err)
	}
	if err := r.scheduler.Set(alertJobs, alerts(r.db, city, r.wake)); err != nil {
		return fmt.Errorf("%w: %w", errReloadRefused, err)
	}
	moved, err := r.engine.Install(ctx, city, index)
	warnUnreachable(city, r.log)
	if err != nil {
		// The city is in force; the tickets not moved yet still route
		// elsewhere, so the next Install (reload, leave or start) moves
		// them.
		return fmt.Errorf("configuration %s in force, but rerouting tickets failed: %w", r.path, err)
	}
	r.log.Info().Str("config", r.path).Int("tickets_rerouted", moved).Msg("configuration reloaded")
	return nil
}

// fixedAtStart warns about changes a running bot does not take: the
// outbox's pacing and quiet hours, the adapters' templates, the schedules'
// time zone, the flood limit and the tickets' code are set at start.
func fixedAtStart(old, next *core.City, log zerolog.Logger) {
	var changed []string
	if old.Code != next.Code {
		changed = append(changed, "city.code")
	}
	if old.Location.String() != next.Location.String() {
		changed = append(changed, "city.time_zone")
	}
	if !reflect.DeepEqual(old.Delivery, next.Delivery) {
		changed = append(changed, "delivery")
	}
	if !reflect.DeepEqual(old.WhatsAppTemplates, next.WhatsAppTemplates) {
		changed = append(changed, "whatsapp.templates")
	}
	if old.Abuse.MessagesPerMinute != next.Abuse.MessagesPerMinute {
		changed = append(changed, "abuse.messages_per_minute")
	}
	if len(changed) > 0 {
		log.Warn().Str("fields", strings.Join(changed, ", ")).Msg("configuration changes that take effect at the next restart")
	}
}

// warnUnreachable names the staff the bot cannot write to.
func warnUnreachable(city *core.City, log zerolog.Logger) {
	for _, s := range city.Staff {
		if !city.Reachable(&s) {
			log.Warn().Str("staff", s.ID).Msg("staff member is on no channel the bot runs on; tickets go to their deputy or chief")
		}
	}
}

// holdHangups keeps SIGHUP from ending the process from now on: an
// operator who sends it to reload a bot that is still starting, or
// already stopping, must not kill it midway. The bot's own channel
// (onHangup) gets the signals while it runs; this one, never read and
// never stopped, only keeps SIGHUP caught before and after that.
func holdHangups() {
	signal.Notify(make(chan os.Signal, 1), syscall.SIGHUP)
}

// onHangup returns a channel of SIGHUPs, which no longer stop the
// process, and a func to stop delivering them there (see holdHangups for
// the process's default).
func onHangup() (<-chan os.Signal, func()) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	return hup, func() { signal.Stop(hup) }
}

// run reloads on each signal from hup, and when watch is positive on a
// change of the configuration's files seen by looking every watch, until
// ctx is done. Reloads run under work, which outlives ctx until storage
// closes.
func (r *reloader) run(ctx, work context.Context, hup <-chan os.Signal, watch time.Duration) {
	var tick <-chan time.Time
	if watch > 0 {
		t := time.NewTicker(watch)
		defer t.Stop()
		tick = t.C
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-work.Done():
			return
		case <-hup:
			r.log.Info().Str("config", r.path).Msg("SIGHUP: reloading the configuration")
		case <-tick:
			stamp := configStamp(r.path)
			if stamp == r.stamp {
				continue
			}
			r.stamp = stamp
			r.log.Info().Str("config", r.path).Msg("configuration files changed: reloading")
		}
		if err := r.reload(work); err != nil {
			r.log.Error().Err(err).Str("config", r.path).Msg("reload")
		}
	}
}

// configStamp sums up the names, sizes and times of change of the
// configuration's files: the city file and the YAML and GeoJSON files
// beside and below it, which it may refer to.
func configStamp(path string) string {
	var b strings.Builder
	_ = filepath.WalkDir(filepath.Dir(path), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".yaml", ".yml", ".geojson", ".json":
		default:
			return nil
		}
		if info, err := d.Info(); err == nil {
			fmt.Fprintf(&b, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
		}
		return nil
	})
	return b.String()
}
