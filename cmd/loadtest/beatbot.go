package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/go-telegram/bot/models"
	"golang.org/x/time/rate"
)

// replyTimeout bounds the wait for one update's replies; a crash run
// waits less, since a reply lost to a kill never comes.
const (
	replyTimeout      = 30 * time.Second
	crashReplyTimeout = 10 * time.Second
)

// measureBeatbot runs the beatbot binary on a fresh data file against an
// emulator, with its inspectors at work, and drives the residents'
// conversations through it; with kills, it kills and restarts the bot
// along the way and then checks that nothing was lost.
func measureBeatbot(ctx context.Context, o options, dir string) (result, *crashReport, error) {
	config, err := copyConfig(o.config, dir)
	if err != nil {
		return result{}, nil, err
	}
	facts, err := loadCity(config)
	if err != nil {
		return result{}, nil, err
	}
	srv := emulator.New(token)
	defer srv.Close()
	for _, chat := range facts.dutyChats {
		srv.AddChat(models.Chat{ID: chat, Type: models.ChatTypeSupergroup, Title: "Duty desk"})
	}
	data := filepath.Join(dir, "beatbot.db")
	if o.notice > 0 {
		if err := seedNotice(ctx, data, o.notice); err != nil {
			return result{}, nil, err
		}
	}
	if o.stored > 0 {
		var districts []string
		for _, d := range facts.city.Districts {
			districts = append(districts, d.ID)
		}
		if err := seedResidents(ctx, data, o.stored, districts); err != nil {
			return result{}, nil, err
		}
	}
	var meter noticeMeter
	meter.watch(srv, o.notice)
	r := newRouter(srv)

	ops, err := freePort()
	if err != nil {
		return result{}, nil, err
	}
	p := &botProcess{bin: o.bot, config: config, data: data, srv: srv, ops: ops}
	if o.profile != "" {
		p.env = append(p.env, "BEATBOT_CPU_PROFILE="+o.profile)
	}
	if o.botLog != "" {
		p.env, p.logs = append(p.env, "BEATBOT_LOG_LEVEL="+o.botLog), true
	}
	if err := p.start(ctx); err != nil {
		return result{}, nil, err
	}
	defer p.stop()

	var k *killer
	timeout := replyTimeout
	if o.kills > 0 {
		k = &killer{p: p, kills: o.kills, every: o.killEvery, rng: rand.New(rand.NewPCG(o.seed, 1))}
		timeout = crashReplyTimeout
	} else if o.notice > 0 {
		// Without kills the notice goes out alone first, so its rate is
		// measured against the limit, not shared with the conversations.
		wctx, cancel := context.WithTimeout(ctx, time.Duration(o.notice/100+30)*time.Second)
		err := srv.Wait(wctx, func([]emulator.Call) bool { _, n := meter.rate(); return n >= o.notice })
		cancel()
		if err != nil {
			_, n := meter.rate()
			return result{}, nil, fmt.Errorf("the notice reached %d of %d residents: %w", n, o.notice, err)
		}
	}
	staff, err := startStaff(ctx, srv, r, facts, k, timeout)
	if err != nil {
		return result{}, nil, err
	}
	if o.faults > 0 {
		injectFaults(srv, o.faults)
	}

	stopKills := make(chan struct{})
	killed := make(chan error, 1)
	if k != nil {
		go func() { killed <- k.run(ctx, stopKills) }()
	}
	l := &load{srv: srv, r: r, residents: o.residents, concurrency: o.concurrency, steps: conversations(o.report, o.poll),
		dupRate: o.faults, k: k, timeout: timeout, points: facts.points, pace: pace(o.rate)}
	cpuBefore := p.cpuSeconds()
	t := l.drive(ctx)
	close(stopKills)
	if k != nil {
		if err := <-killed; err != nil {
			return result{}, nil, err
		}
	}
	// Cards and the three messages each handled ticket brings its
	// reporter come through the outbox, whose retries after faults back
	// off for 2, 4, 8… seconds: the waits end as soon as all are in.
	// Both waits share one deadline.
	deadline := time.Now().Add(outboxWait)
	handled, staffUpdates, staffErrors := staff.wait(t.reports, deadline)
	if k == nil {
		awaitSent(ctx, srv, o.residents, t.replies+3*handled, deadline)
	}
	quiet(ctx, r, 2*time.Second)

	res := summarize(t.latencies, t.elapsed, t.errors+staffErrors)
	res.Interrupted = t.interrupted
	end := summarize(t.sendToReply, 0, 0)
	res.SendP50Ms, res.SendP99Ms = end.P50Ms, end.P99Ms
	res.Steps = steps(t.byStep)
	res.PollsTaken = t.polls
	res.TicketsHandled, res.StaffUpdates = handled, staffUpdates
	res.NoticeRate, _ = meter.rate()
	res.NoticeLimit = facts.city.Delivery.Limits[core.Telegram].Rate
	res.PeakRSSMB = p.rss()
	res.AnonRSSMB, res.FileRSSMB = p.memory()
	if k == nil {
		if cpu := p.cpuSeconds() - cpuBefore; cpu > 0 && len(t.latencies) > 0 {
			res.CPUSeconds = cpu
			res.CPUMsPerUpdate = 1000 * cpu / float64(len(t.latencies))
			res.Cores = runtime.NumCPU()
			res.CapacityPerSecond = float64(res.Cores) * 1000 / res.CPUMsPerUpdate
		}
		commits, written := p.storageFigures()
		res.Commits, res.WrittenMB = int(commits), written/(1<<20)
		if all := len(t.latencies) + staffUpdates; all > 0 {
			res.CommitsPerUpdate = commits / float64(all)
			res.WrittenKBPerUpdate = written / 1024 / float64(all)
		}
		// Every reply beyond those the conversations cause, and the three
		// messages each handled ticket brings its reporter, answered an
		// update twice.
		res.ExtraReplies = sentTotal(srv, o.residents) - t.replies - 3*handled
		if res.ExtraReplies < 0 {
			fmt.Fprintf(os.Stderr, "%d messages about handled tickets had not reached their residents after %s\n", -res.ExtraReplies, outboxWait)
		}
		return res, nil, nil
	}

	c := &crashReport{Kills: int(k.count())}
	for _, chat := range probe(ctx, srv, r, o.residents, o.concurrency, replyTimeout) {
		c.Stuck++
		c.problem("resident %d got no answer to /start after the run", chat)
	}
	if err := p.stop(); err != nil {
		c.problem("the bot exited with %v after SIGTERM", err)
	}
	if err := checkCrash(ctx, data, srv, facts, o.residents, o.notice, c); err != nil {
		return result{}, nil, err
	}
	return res, c, nil
}

// pace returns a limiter offering updates at perSecond, or nil for as
// fast as the bot answers.
func pace(perSecond float64) *rate.Limiter {
	if perSecond <= 0 {
		return nil
	}
	return rate.NewLimiter(rate.Limit(perSecond), 1)
}

// injectFaults makes the emulator misbehave as Telegram and the network
// sometimes do, at rate per call: getUpdates fails with 500 or 502 or its
// connection drops; sends meet 429 with retry_after, 500, 502, a dropped
// connection or a slow answer; callback answers are slow. Residents'
// updates are delivered twice at the same rate. A connection is dropped
// before Telegram acts on the call: one dropped after it would make any
// retry a duplicate, which the Bot API gives no way to avoid.
func injectFaults(srv *emulator.Server, rate float64) {
	slow := emulator.Fault{Delay: 200 * time.Millisecond}
	srv.SetFaultRate("getUpdates", rate, emulator.Fault{Code: 500}, emulator.Fault{Code: 502}, emulator.Fault{Drop: true})
	for _, m := range []string{"sendMessage", "sendVenue"} {
		srv.SetFaultRate(m, rate, emulator.Fault{Code: 429, RetryAfter: 1}, emulator.Fault{Code: 500}, emulator.Fault{Code: 502},
			emulator.Fault{Drop: true}, slow)
	}
	srv.SetFaultRate("answerCallbackQuery", rate, slow)
}

// outboxWait bounds the wait for the cards and messages still in the
// outbox when the residents are done.
const outboxWait = time.Minute

// awaitSent waits until the bot has sent the residents at least want
// messages, or for at most d.
func awaitSent(ctx context.Context, srv *emulator.Server, residents, want int, deadline time.Time) {
	for sentTotal(srv, residents) < want && time.Now().Before(deadline) {
		select {
		case <-ctx.Done():
			return
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// sentTotal counts the messages the bot sent to the residents.
func sentTotal(srv *emulator.Server, residents int) int {
	n := 0
	for i := range residents {
		n += len(srv.Sent(firstChat + int64(i)))
	}
	return n
}
