package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/go-telegram/bot/models"
)

const token = "1000000002:loadtest-token-not-a-secret"

// firstChat is the first resident's user id: far from the example
// city's staff.
const firstChat = 8_000_000_000_000

// replyTimeout bounds the wait for one update's replies.
const replyTimeout = 30 * time.Second

// router passes each message the bot sends to the resident it is for.
type router struct {
	mu    sync.Mutex
	chats map[int64]chan emulator.Sent
}

func newRouter(srv *emulator.Server) *router {
	r := &router{chats: map[int64]chan emulator.Sent{}}
	srv.OnSent(func(m emulator.Sent) {
		r.mu.Lock()
		ch := r.chats[m.ChatID]
		r.mu.Unlock()
		if ch != nil {
			select {
			case ch <- m:
			default: // a resident that stopped listening
			}
		}
	})
	return r
}

func (r *router) listen(chat int64) chan emulator.Sent {
	ch := make(chan emulator.Sent, 64)
	r.mu.Lock()
	r.chats[chat] = ch
	r.mu.Unlock()
	return ch
}

// step is one update of a conversation and how many replies it brings.
type step struct {
	send    func(srv *emulator.Server, chat int64, u models.User, last int) int64
	replies int
}

// conversation is what every resident does: onboarding in Russian, then
// finding their inspector by location and by address.
var conversation = []step{
	{func(s *emulator.Server, c int64, u models.User, _ int) int64 { return s.SendText(c, u, "/start") }, 1},
	{func(s *emulator.Server, c int64, u models.User, m int) int64 {
		return s.PressButton(c, u, m, "lang:ru")
	}, 2},
	{func(s *emulator.Server, c int64, u models.User, m int) int64 {
		return s.PressButton(c, u, m, "consent:yes")
	}, 2},
	{func(s *emulator.Server, c int64, u models.User, m int) int64 { return s.PressButton(c, u, m, "m:find") }, 1},
	{func(s *emulator.Server, c int64, u models.User, _ int) int64 {
		return s.SendLocation(c, u, 49.8250, 73.0880)
	}, 2},
	{func(s *emulator.Server, c int64, u models.User, _ int) int64 {
		return s.SendText(c, u, "Ерубаева 15")
	}, 2},
}

// converse plays one resident and returns the latency of each update.
// With faults, an update is sometimes delivered twice, as Telegram may:
// the bot must answer it once.
func converse(ctx context.Context, srv *emulator.Server, r *router, chat int64, steps []step, dupRate float64) (durations, error) {
	in := r.listen(chat)
	u := models.User{ID: chat, FirstName: "Resident", LanguageCode: "ru"}
	var lat durations
	last := 0
	for i, s := range steps {
		start := time.Now()
		id := s.send(srv, chat, u, last)
		if dupRate > 0 && rand.Float64() < dupRate {
			_ = srv.Redeliver(id)
		}
		for got := 0; got < s.replies; got++ {
			select {
			case m := <-in:
				last = m.MessageID
			case <-time.After(replyTimeout):
				return lat, fmt.Errorf("resident %d, step %d: no reply %d within %s", chat, i+1, got+1, replyTimeout)
			case <-ctx.Done():
				return lat, ctx.Err()
			}
		}
		lat = append(lat, time.Since(start))
	}
	return lat, nil
}

// drive plays n residents, at most concurrency at a time.
func drive(ctx context.Context, srv *emulator.Server, n, concurrency int, steps []step, dupRate float64) (durations, time.Duration, int) {
	r := newRouter(srv)
	var (
		mu     sync.Mutex
		all    durations
		errs   int
		wg     sync.WaitGroup
		tokens = make(chan struct{}, concurrency)
	)
	start := time.Now()
	for i := range n {
		tokens <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-tokens; wg.Done() }()
			lat, err := converse(ctx, srv, r, firstChat+int64(i), steps, dupRate)
			mu.Lock()
			all = append(all, lat...)
			if err != nil {
				errs++
				if errs <= 3 {
					fmt.Fprintln(os.Stderr, err)
				}
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return all, time.Since(start), errs
}

// measureBeatbot runs the beatbot binary on a fresh data file against an
// emulator and drives the conversation through it.
func measureBeatbot(ctx context.Context, o options, dir string) (result, error) {
	srv := emulator.New(token)
	defer srv.Close()
	cmd := exec.Command(o.bot, "run", "-config", o.config)
	cmd.Env = append(os.Environ(),
		"TELEGRAM_BOT_TOKEN="+token, "TELEGRAM_API_URL="+srv.URL(),
		"BEATBOT_DATA="+filepath.Join(dir, "beatbot.db"), "BEATBOT_LOG_LEVEL=warn", "BEATBOT_HTTP_ADDR=127.0.0.1:0")
	if o.profile != "" {
		cmd.Env = append(cmd.Env, "BEATBOT_CPU_PROFILE="+o.profile)
	}
	cmd.Stderr, cmd.Stdout = os.Stderr, nil
	if err := cmd.Start(); err != nil {
		return result{}, fmt.Errorf("start beatbot: %w", err)
	}
	defer func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
	}()
	// The bot is up once it polls for updates.
	wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	err := srv.Wait(wctx, func(calls []emulator.Call) bool {
		for _, c := range calls {
			if c.Method == "getUpdates" {
				return true
			}
		}
		return false
	})
	if err != nil {
		return result{}, fmt.Errorf("beatbot did not start polling: %w", err)
	}
	if o.faults > 0 {
		injectFaults(srv, o.faults)
	}
	lat, elapsed, errs := drive(ctx, srv, o.residents, o.concurrency, conversation, o.faults)
	res := summarize(lat, elapsed, errs)
	res.PeakRSSMB = peakRSS(cmd.Process.Pid)
	// Every reply the bot sent beyond those the conversation causes
	// answered an update twice.
	time.Sleep(500 * time.Millisecond)
	want := 0
	for _, s := range conversation {
		want += s.replies
	}
	res.ExtraReplies = sentTotal(srv, o.residents) - want*o.residents
	return res, nil
}

// injectFaults makes the emulator misbehave as Telegram sometimes does, at
// rate per call: getUpdates fails with 502, sendMessage is refused with a
// 429 and retry_after, callback answers are slow; and residents' updates
// are delivered twice at the same rate.
func injectFaults(srv *emulator.Server, rate float64) {
	srv.SetFaultRate("getUpdates", rate, emulator.Fault{Code: 502})
	srv.SetFaultRate("sendMessage", rate, emulator.Fault{Code: 429, RetryAfter: 1})
	srv.SetFaultRate("answerCallbackQuery", rate, emulator.Fault{Delay: 200 * time.Millisecond})
}

// sentTotal counts the messages the bot sent to the residents.
func sentTotal(srv *emulator.Server, residents int) int {
	n := 0
	for i := range residents {
		n += len(srv.Sent(firstChat + int64(i)))
	}
	return n
}

// peakRSS reads a process's peak resident memory, in MB (Linux).
func peakRSS(pid int) float64 {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			if err == nil {
				return kb / 1024
			}
		}
	}
	return 0
}
