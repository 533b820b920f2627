package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime/pprof"
	"sync"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram"
	"github.com/beatbot-kz/beatbot/configs"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/flows"
	"github.com/beatbot-kz/beatbot/locate"
	"github.com/beatbot-kz/beatbot/metrics"
	"github.com/beatbot-kz/beatbot/notifier"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/jonboulle/clockwork"
	"github.com/rs/zerolog"
)

// errNoToken explains how to get a token; it is what a newcomer sees first.
var errNoToken = errors.New(`TELEGRAM_BOT_TOKEN is not set.

To get a token:
  1. Open Telegram and start a chat with @BotFather.
  2. Send /newbot and follow the steps (a name, then a username ending in "bot").
  3. BotFather answers with a token like 123456789:AAE...; keep it secret.

Then run:
  TELEGRAM_BOT_TOKEN=<your token> go run .

To validate the city configuration without a token:
  go run . check -config ` + defaultConfig)

// shutdownTimeout bounds a graceful stop: finishing the updates in hand,
// closing the HTTP servers and then the admin listener, all against one
// deadline; only closing storage comes after. Give the process at least this long to stop
// (Docker's stop_grace_period, Kubernetes' terminationGracePeriodSeconds).
const shutdownTimeout = 25 * time.Second

// The packages fit together as main wires them.
var (
	_ flows.Sender            = (*telegram.Telegram)(nil)
	_ notifier.Sender         = (*telegram.Telegram)(nil)
	_ telegram.Acceptor       = (*flows.Dispatcher)(nil)
	_ flows.Store             = (*storage.DB)(nil)
	_ flows.Recorder          = (*storage.DB)(nil)
	_ notifier.Store          = (*storage.DB)(nil)
	_ notifier.AudienceStore  = (*storage.DB)(nil)
	_ notifier.NoticeStore    = (*storage.DB)(nil)
	_ notifier.TicketStore    = (*storage.DB)(nil)
	_ notifier.RetentionStore = (*storage.DB)(nil)
)

// seenRetention is how long update ids are remembered for deduplication:
// Telegram keeps an unconfirmed update for 24 hours, so a week is ample.
const seenRetention = 7 * 24 * time.Hour

// outboxKeyRetention is how long the keys of sent items are remembered, so
// that nothing enqueued twice within it is sent twice.
const outboxKeyRetention = 30 * 24 * time.Hour

// lastInboundRetention is how long the time of a chat's last message is
// kept: past WhatsApp's 24-hour window it no longer changes anything.
const lastInboundRetention = 48 * time.Hour

// serve runs the bot until ctx is cancelled, then stops in order: intake
// first, then the workers, then storage.
func serve(ctx context.Context, configPath string, getenv func(string) string, stdout io.Writer) error {
	holdHangups()
	env, err := loadEnv(getenv)
	if err != nil {
		return err
	}
	if env.token == "" && !env.whatsApp.on() {
		return errNoToken
	}
	if path := getenv("BEATBOT_CPU_PROFILE"); path != "" {
		// For measuring the bot under load (cmd/loadtest -profile).
		stop, err := cpuProfile(path)
		if err != nil {
			return err
		}
		defer stop()
	}
	return runBot(ctx, configPath, env, nil, newLogger(stdout, env))
}

// cpuProfile writes a CPU profile of the process to path until stop.
func cpuProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("BEATBOT_CPU_PROFILE: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("BEATBOT_CPU_PROFILE: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// runBot runs the bot with the settings given, on clock (nil: the real
// one), until ctx is cancelled. The playground runs it on the emulator
// and a clock it can move forward.
func runBot(ctx context.Context, configPath string, env settings, clock clockwork.Clock, log zerolog.Logger) error {
	if clock == nil {
		clock = clockwork.NewRealClock()
	}
	// SIGHUP never stops the bot. One sent while it starts waits here
	// (the channel holds one) and reloads once the reloader runs, which
	// an edit made after the configuration was loaded needs; one during
	// shutdown is dropped. Deferred first, it stays caught until the end.
	hup, stopHangup := onHangup()
	defer stopHangup()
	// Taken before loading: an edit made meanwhile is reloaded.
	stamp := configStamp(configPath)
	city, warnings, err := configs.Load(configPath)
	if err != nil {
		return err
	}
	for _, w := range warnings {
		log.Warn().Str("warning", w.String()).Msg("configuration")
	}
	index, err := locate.New(city)
	if err != nil {
		return fmt.Errorf("build district index for %s: %w", configPath, err)
	}
	// Everything that runs holds the city in force through cities, which
	// a reload replaces whole.
	cities := core.NewCityHolder(city)
	db, err := storage.Open(env.dataPath, storage.Options{Now: clock.Now})
	if err != nil {
		return err
	}
	defer func() {
		if err := db.Close(); err != nil {
			log.Error().Err(err).Msg("close storage")
		}
	}()
	stopAdmin, err := startAdmin(env, db, log)
	if err != nil {
		return err
	}
	// The admin listener stops after the workers, within the same
	// shutdownTimeout (zero before the shutdown began: a failed start).
	var shutdownDeadline time.Time
	defer func() { stopAdmin(shutdownDeadline) }()

	if err := importPolls(ctx, db, city, log); err != nil {
		return err
	}
	if env.pollSecret == "" {
		log.Warn().Msg("BEATBOT_POLL_SECRET is not set: safety polls are turned off until it is")
	}

	// The outbox is built before the engine, which wakes it; its senders
	// are added once the adapters exist, before it runs.
	senders := map[core.Channel]notifier.Sender{}
	photos := map[core.Channel]notifier.PhotoSource{}
	outbox := notifier.New(notifier.Config{Store: db, City: city, Senders: senders, Log: log, Photos: photos, Clock: clock})
	notices := notifier.NewNotices(notifier.NoticesConfig{Store: db, Cities: cities, Log: log, Wake: outbox.Wake, Clock: clock})
	m := metrics.New(db, outbox)
	m.Ready("storage", db.Ping)
	engine := flows.New(flows.Config{Store: db, City: city, Cities: cities, Index: index, Log: log, OnOutbox: outbox.Wake, OnNotice: notices.Kick, Now: clock.Now,
		PollSecret: []byte(env.pollSecret), OnAnswer: m.Answered})
	dispatcher := flows.NewDispatcher(flows.DispatcherConfig{Recorder: db, Engine: engine, Log: log, Handled: m.Handled})
	ch, err := openChannels(ctx, env, cities, db, dispatcher, outbox.Wake, m, log)
	if err != nil {
		return err
	}
	var running []core.Channel
	for c, s := range ch.senders() {
		dispatcher.Register(c, s)
		senders[c] = s
		running = append(running, c)
	}
	// Staff are written to only on channels that run. The city is not
	// shared yet: the engine and the outbox start below.
	city.UseChannels(running...)
	// The leaves admins recorded are laid over the configured city; the
	// open tickets it routes elsewhere (staff who left the configuration,
	// districts given another inspector or precinct while the bot was
	// stopped) are rerouted.
	if moved, err := engine.Install(ctx, city, index); errors.Is(err, flows.ErrRerouteIncomplete) {
		// The city is in force; one ticket that cannot move now must
		// not keep the bot from starting.
		log.Error().Err(err).Int("tickets_rerouted", moved).Msg("some tickets not rerouted; retried at the next reload or start")
	} else if err != nil {
		return err
	} else if moved > 0 {
		log.Info().Int("tickets_rerouted", moved).Msg("tickets the configuration routes elsewhere rerouted")
	}
	warnUnreachable(cities.Load(), log)
	if ch.wa != nil {
		photos[core.WhatsApp] = ch.wa
	}
	if ch.tg != nil {
		photos[core.Telegram] = ch.tg
	}
	scheduler, err := newScheduler(db, cities, outbox, clock, log)
	if err != nil {
		return err
	}
	m.Ready("scheduler", scheduler.Ready)

	// Workers and background tasks outlive ctx: on a signal, intake stops
	// first and they finish what they hold before storage closes.
	workCtx, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	var background sync.WaitGroup
	var srv, ops *http.Server
	defer func() {
		log.Info().Msg("shutting down")
		shutdownDeadline = time.Now().Add(shutdownTimeout)
		shutdownCtx, cancel := context.WithDeadline(context.WithoutCancel(ctx), shutdownDeadline)
		defer cancel()
		for _, s := range []*http.Server{srv, ops} {
			if s == nil {
				continue
			}
			if err := s.Shutdown(shutdownCtx); err != nil {
				log.Warn().Err(err).Msg("http server shutdown")
			}
		}
		stopWork()
		if err := dispatcher.Wait(shutdownCtx); err != nil {
			log.Error().Err(err).Msg("updates still in hand at the deadline stay pending for the next start")
		}
		stopped := make(chan struct{})
		go func() { background.Wait(); close(stopped) }()
		select {
		case <-stopped:
		case <-shutdownCtx.Done():
			log.Error().Msg("deliveries still in flight at the deadline; they are retried after the next start")
		}
		log.Info().Msg("stopped")
	}()

	if err := dispatcher.Start(workCtx); err != nil {
		return err
	}
	for _, run := range []func(context.Context) error{outbox.Run, scheduler.Run, notices.Run} {
		background.Add(1)
		go func() {
			defer background.Done()
			if err := run(workCtx); err != nil {
				log.Error().Err(err).Msg("background task stopped")
			}
		}()
	}
	// Webhooks are served only after the pending updates are queued, so
	// that new ones come after them.
	if mux := ch.webhooks(env); mux != nil {
		if srv, err = listen("BEATBOT_HTTP_ADDR", env.httpAddr, mux, log); err != nil {
			return err
		}
	}
	if env.opsAddr != "" {
		if ops, err = listen("BEATBOT_OPS_ADDR", env.opsAddr, m.Handler(), log); err != nil {
			return err
		}
	}
	// Reloads stop with intake; one under way finishes before storage
	// closes.
	reload := &reloader{path: configPath, engine: engine, scheduler: scheduler, db: db, channels: running, wake: outbox.Wake, log: log,
		stamp: stamp}
	background.Add(1)
	go func() {
		defer background.Done()
		reload.run(ctx, workCtx, hup, env.configWatch)
	}()
	log.Info().Str("config", configPath).Str("data", env.dataPath).Str("city", city.Name.In(core.English)).
		Bool("telegram", ch.tg != nil).Bool("whatsapp", ch.wa != nil).Msg("beatbot started")
	return ch.run(ctx)
}

// listen starts an HTTP server on addr, which the environment variable
// setting names. It returns once the port is bound, so a taken port fails
// the start instead of a later request.
func listen(setting, addr string, h http.Handler, log zerolog.Logger) (*http.Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s %q: %w", setting, addr, err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error().Err(err).Msg("http server")
		}
	}()
	log.Info().Str("addr", ln.Addr().String()).Str("setting", setting).Msg("listening")
	return srv, nil
}

// newScheduler schedules the city's alerts, its backups and the
// housekeeping.
func newScheduler(db *storage.DB, cities *core.CityHolder, outbox *notifier.Outbox, clock clockwork.Clock, log zerolog.Logger) (*notifier.Scheduler, error) {
	city := cities.Load()
	s := notifier.NewScheduler(clock, city.Location, log)
	if err := s.Set(alertJobs, alerts(db, city, outbox.Wake)); err != nil {
		return nil, err
	}
	if err := s.Add("escalate overdue tickets", "*/5 * * * *", notifier.EscalationJob(db, cities, log, outbox.Wake)); err != nil {
		return nil, err
	}
	// At night, when the bot is quiet: it reads every ticket.
	if err := s.Add("erase personal data of closed tickets", "30 3 * * *", notifier.RetentionJob(db, func() time.Duration { return cities.Load().Retention.ClosedTickets }, log)); err != nil {
		return nil, err
	}
	if b := city.Backups; b.Dir != "" {
		if err := s.Add("backup", b.Schedule, backupJob(db, b, log)); err != nil {
			return nil, err
		}
	}
	housekeeping := []struct {
		name, spec string
		run        notifier.JobFunc
	}{
		{"purge seen updates", "@hourly", func(ctx context.Context, at time.Time) error {
			_, err := db.PurgeSeen(ctx, at.Add(-seenRetention))
			return err
		}},
		{"purge outbox keys", "@daily", func(ctx context.Context, at time.Time) error {
			_, err := db.PurgeOutboxKeys(ctx, at.Add(-outboxKeyRetention))
			return err
		}},
		{"purge sent messages", "@hourly", func(ctx context.Context, at time.Time) error {
			_, err := db.PurgeSent(ctx, at.Add(-lastInboundRetention))
			return err
		}},
		{"purge last messages", "@hourly", func(ctx context.Context, at time.Time) error {
			_, err := db.PurgeLastInbound(ctx, at.Add(-lastInboundRetention))
			return err
		}},
		{"purge dead letters", "@daily", func(ctx context.Context, at time.Time) error {
			_, err := db.PurgeDead(ctx, at.Add(-outboxKeyRetention))
			return err
		}},
	}
	for _, h := range housekeeping {
		if err := s.Add(h.name, h.spec, h.run); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// alertJobs is the scheduler's group of the city's alerts, which a reload
// replaces.
const alertJobs = "alerts"

// alerts are the jobs of a city's scheduled alerts.
func alerts(db *storage.DB, city *core.City, wake func()) []notifier.Job {
	jobs := make([]notifier.Job, 0, len(city.Alerts))
	for _, a := range city.Alerts {
		jobs = append(jobs, notifier.Job{Name: "alert " + a.ID, Spec: a.Cron, Run: notifier.AlertJob(db, city, a, wake)})
	}
	return jobs
}
