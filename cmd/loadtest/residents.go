package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/go-telegram/bot/models"
)

const token = "1000000002:loadtest-token-not-a-secret"

// firstChat is the first resident's user id: far from the example
// city's staff.
const firstChat = 8_000_000_000_000

// arrival is a message the bot sent and when the harness saw it.
type arrival struct {
	emulator.Sent
	at time.Time
}

// router passes each message the bot sends to the chat it is for, and
// remembers when the bot first took each update, so that latency runs
// from the update's arrival at the bot.
type router struct {
	mu        sync.Mutex
	chats     map[int64]chan arrival
	delivered map[int64]time.Time
	sends     atomic.Int64
}

func newRouter(srv *emulator.Server) *router {
	r := &router{chats: map[int64]chan arrival{}, delivered: map[int64]time.Time{}}
	srv.OnDelivered(func(id int64) {
		r.mu.Lock()
		if _, ok := r.delivered[id]; !ok {
			r.delivered[id] = time.Now()
		}
		r.mu.Unlock()
	})
	srv.OnSent(func(m emulator.Sent) {
		r.sends.Add(1)
		r.mu.Lock()
		ch := r.chats[m.ChatID]
		r.mu.Unlock()
		if ch != nil {
			select {
			case ch <- arrival{m, time.Now()}:
			default: // a chat that stopped listening
			}
		}
	})
	return r
}

func (r *router) listen(chat int64, size int) chan arrival {
	ch := make(chan arrival, size)
	r.mu.Lock()
	r.chats[chat] = ch
	r.mu.Unlock()
	return ch
}

func (r *router) forget(chat int64) {
	r.mu.Lock()
	delete(r.chats, chat)
	r.mu.Unlock()
}

// deliveredAt returns when the bot first took update id, and forgets it.
func (r *router) deliveredAt(id int64) (time.Time, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	t, ok := r.delivered[id]
	delete(r.delivered, id)
	return t, ok
}

// actor is one simulated person: a resident or an officer.
type actor struct {
	srv  *emulator.Server
	user models.User
	in   chan arrival
	// last holds the replies to the previous update: the buttons pressed
	// next are found there.
	last []emulator.Sent
	// home is where the resident lives and reports from.
	home core.Point
}

func (a *actor) chat() int64 { return a.user.ID }

// step is one update of a conversation and how many replies it brings.
type step struct {
	send    func(a *actor) int64
	replies int
}

func say(text string) func(*actor) int64 {
	return func(a *actor) int64 { return a.srv.SendText(a.chat(), a.user, text) }
}

func location(lat, lon float64) func(*actor) int64 {
	return func(a *actor) int64 { return a.srv.SendLocation(a.chat(), a.user, lat, lon) }
}

func shareHome(a *actor) int64 { return a.srv.SendLocation(a.chat(), a.user, a.home.Lat, a.home.Lon) }

// press presses the first button, in the replies to the previous update,
// whose callback data starts with prefix. If none has (its message was
// lost in a crash), it presses prefix itself, as a resident tapping an
// older message would, and the bot must cope.
func press(prefix string) func(*actor) int64 {
	return func(a *actor) int64 {
		for i := len(a.last) - 1; i >= 0; i-- {
			m := a.last[i]
			if m.ReplyMarkup == nil {
				continue
			}
			for _, row := range m.ReplyMarkup.InlineKeyboard {
				for _, b := range row {
					if strings.HasPrefix(b.CallbackData, prefix) {
						return a.srv.PressButton(a.chat(), a.user, m.MessageID, b.CallbackData)
					}
				}
			}
		}
		return a.srv.PressButton(a.chat(), a.user, 1, prefix)
	}
}

// onboarding is how every resident starts: Russian, and consent.
var onboarding = []step{
	{say("/start"), 1},
	{press("lang:ru"), 2},
	{press("consent:yes"), 2},
}

// findInspector finds the inspector by a shared location, then by an
// address.
var findInspector = []step{
	{press("m:find"), 1},
	{location(49.8250, 73.0880), 2},
	{say("Ерубаева 15"), 2},
}

// reportConcern reports a concern at home, with no photo, in the
// resident's name: the bot answers with the ticket's number.
var reportConcern = []step{
	{press("m:report"), 1},
	{press("rc:"), 1},
	{func(a *actor) int64 {
		return a.srv.SendText(a.chat(), a.user, fmt.Sprintf("Load test report %d: the entrance door lock is broken again.", a.chat()))
	}, 2}, // "where?", and the district found before as a choice
	{shareHome, 2},
	{press("rf:done"), 1},
	{press("ra:no"), 1},
	{press("rs:send"), 1},
}

// conversations returns what every resident does.
func conversations(report bool) []step {
	steps := append(append([]step(nil), onboarding...), findInspector...)
	if report {
		steps = append(steps, reportConcern...)
	}
	return steps
}

// outcome is what one conversation came to.
type outcome struct {
	latencies durations
	// interrupted is set when a reply never came because the bot was
	// killed: the resident gave up, as a person might.
	interrupted bool
	err         error
}

// converse plays one resident. With dupRate, an update is sometimes
// delivered twice, as Telegram may: the bot must answer it once. With a
// killer, a reply lost to a kill ends the conversation instead of failing
// it.
func converse(ctx context.Context, r *router, a *actor, steps []step, dupRate float64, k *killer, timeout time.Duration) outcome {
	var out outcome
	for i, s := range steps {
		kills := k.count()
		sent := time.Now()
		id := s.send(a)
		if dupRate > 0 && rand.Float64() < dupRate {
			_ = a.srv.Redeliver(id)
		}
		a.last = a.last[:0]
		var lastAt time.Time
		for got := 0; got < s.replies; got++ {
			select {
			case m := <-a.in:
				a.last = append(a.last, m.Sent)
				lastAt = m.at
			case <-time.After(timeout):
				if k.count() != kills {
					out.interrupted = true
					return out
				}
				out.err = fmt.Errorf("resident %d, step %d: no reply %d within %s", a.chat(), i+1, got+1, timeout)
				return out
			case <-ctx.Done():
				out.err = ctx.Err()
				return out
			}
		}
		if at, ok := r.deliveredAt(id); ok && !at.After(lastAt) {
			out.latencies = append(out.latencies, lastAt.Sub(at))
		} else {
			out.latencies = append(out.latencies, lastAt.Sub(sent))
		}
	}
	return out
}

// load is one run of residents.
type load struct {
	srv         *emulator.Server
	r           *router
	residents   int
	concurrency int
	steps       []step
	dupRate     float64
	k           *killer
	timeout     time.Duration
	// points are where residents live, one district after another.
	points []core.Point
}

// tally is what a run of residents came to.
type tally struct {
	latencies   durations
	elapsed     time.Duration
	errors      int
	interrupted int
}

// drive plays the residents, at most concurrency at a time.
func (l *load) drive(ctx context.Context) tally {
	var (
		mu     sync.Mutex
		t      tally
		wg     sync.WaitGroup
		tokens = make(chan struct{}, l.concurrency)
	)
	start := time.Now()
	for i := range l.residents {
		tokens <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-tokens; wg.Done() }()
			chat := firstChat + int64(i)
			a := &actor{srv: l.srv, user: models.User{ID: chat, FirstName: "Resident", LanguageCode: "ru"}, in: l.r.listen(chat, 64)}
			if len(l.points) > 0 {
				a.home = l.points[i%len(l.points)]
			}
			o := converse(ctx, l.r, a, l.steps, l.dupRate, l.k, l.timeout)
			l.r.forget(chat)
			mu.Lock()
			defer mu.Unlock()
			t.latencies = append(t.latencies, o.latencies...)
			if o.interrupted {
				t.interrupted++
			}
			if o.err != nil {
				t.errors++
				if t.errors <= 3 {
					fmt.Fprintln(os.Stderr, o.err)
				}
			}
		}()
	}
	wg.Wait()
	t.elapsed = time.Since(start)
	return t
}

// replies counts the replies a conversation causes.
func replies(steps []step) int {
	n := 0
	for _, s := range steps {
		n += s.replies
	}
	return n
}
