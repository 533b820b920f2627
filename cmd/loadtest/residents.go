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
	"golang.org/x/time/rate"
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
	// pace, if set, holds each update until the offered rate allows it.
	pace *rate.Limiter
}

func (a *actor) chat() int64 { return a.user.ID }

// step is one update of a conversation and how many replies it brings;
// or, with poll set, the answers to a whole poll, as many as it asks.
type step struct {
	send    func(a *actor) int64
	replies int
	poll    bool
	// name says what the step is, for the latency of each kind of step.
	name string
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
	{send: say("/start"), replies: 1, name: "/start"},
	{send: press("lang:ru"), replies: 2, name: "language"},
	{send: press("consent:yes"), replies: 2, name: "consent"},
}

// findInspector finds the inspector by a shared location, then by an
// address.
var findInspector = []step{
	{send: press("m:find"), replies: 1, name: "find: menu"},
	{send: location(49.8250, 73.0880), replies: 2, name: "find: location"},
	{send: say("Ерубаева 15"), replies: 2, name: "find: address"},
}

// reportConcern reports a concern at home, with no photo, in the
// resident's name: the bot answers with the ticket's number.
var reportConcern = []step{
	{send: press("m:report"), replies: 1, name: "report: menu"},
	{send: press("rc:"), replies: 1, name: "report: category"},
	{send: func(a *actor) int64 {
		return a.srv.SendText(a.chat(), a.user, fmt.Sprintf("Load test report %d: the entrance door lock is broken again.", a.chat()))
	}, replies: 2, name: "report: text"}, // "where?", and the district found before as a choice
	{send: shareHome, replies: 2, name: "report: place"},
	{send: press("rf:done"), replies: 1, name: "report: no photo"},
	{send: press("ra:no"), replies: 1, name: "report: in my name"},
	{send: press("rs:send"), replies: 1, name: reportSent},
}

// takePoll opens the safety checklist from the menu (the only open poll
// starts at once) and answers every question it asks.
var takePoll = []step{
	{send: press("m:poll"), replies: 2, name: "poll: open"}, // the poll's introduction and its first question
	{poll: true},
}

// conversations returns what every resident does. The report comes last:
// what the inspector then does reaches the resident on its own time, and
// would mix with the replies of anything after it.
func conversations(report, poll bool) []step {
	steps := append(append([]step(nil), onboarding...), findInspector...)
	if poll {
		steps = append(steps, takePoll...)
	}
	if report {
		steps = append(steps, reportConcern...)
	}
	return steps
}

// maxPollAnswers bounds a poll's answers, against a bot that never ends it.
const maxPollAnswers = 40

// nextAnswer is the update that answers the question in the resident's
// last reply: the middle choice; for a multiple choice the first tick and
// then "done"; a line for free text. ok is false once the poll has ended
// (the last reply thanks rather than asks).
func nextAnswer(a *actor) (send func(*actor) int64, ok bool) {
	if len(a.last) == 0 {
		return nil, false
	}
	q := a.last[len(a.last)-1]
	var choices, ticks []string
	done, ticked := "", false
	if q.ReplyMarkup != nil {
		for _, row := range q.ReplyMarkup.InlineKeyboard {
			for _, b := range row {
				parts := strings.Split(b.CallbackData, ":") // pa:<gen>:<question>:<answer>
				if parts[0] != "pa" || len(parts) < 4 || parts[3] == "" {
					continue
				}
				switch {
				case parts[3] == "ok":
					done = b.CallbackData
				case parts[3][0] == 't':
					ticks = append(ticks, b.CallbackData)
					ticked = ticked || strings.HasPrefix(b.Text, "☑")
				case parts[3][0] == 'o', parts[3][0] == 'v':
					choices = append(choices, b.CallbackData)
				}
			}
		}
	}
	pressing := func(data string) func(*actor) int64 {
		return func(a *actor) int64 { return a.srv.PressButton(a.chat(), a.user, q.MessageID, data) }
	}
	switch {
	case len(ticks) > 0 && ticked && done != "":
		return pressing(done), true
	case len(ticks) > 0:
		return pressing(ticks[0]), true
	case len(choices) > 0:
		return pressing(choices[len(choices)/2]), true
	case strings.Contains(q.Text, "?"):
		return say("Во дворе стало спокойнее, спасибо участковому."), true
	}
	return nil, false
}

// outcome is what one conversation came to.
type outcome struct {
	latencies durations
	// sendToReply holds the same updates' latencies from the resident's
	// send, the time waiting at the messenger included.
	sendToReply durations
	// byStep holds the same latencies by the step's name.
	byStep map[string]durations
	// replies counts the replies the resident waited for and got; polls
	// counts polls answered to the end; reports the reports confirmed
	// with a ticket number.
	replies, polls, reports int
	// interrupted is set when a reply never came because the bot was
	// killed: the resident gave up, as a person might.
	interrupted bool
	err         error
}

// reportSent names the step that sends a report: its reply tells the
// resident the new ticket's number.
const reportSent = "report: send"

// converse plays one resident. With dupRate, an update is sometimes
// delivered twice, as Telegram may: the bot must answer it once. With a
// killer, a reply lost to a kill ends the conversation instead of failing
// it.
func converse(ctx context.Context, r *router, a *actor, steps []step, dupRate float64, k *killer, timeout time.Duration) outcome {
	var out outcome
	for i, s := range steps {
		if s.poll {
			if !answerPoll(ctx, r, a, dupRate, k, timeout, &out) {
				return out
			}
			continue
		}
		kills := k.count()
		if a.pace != nil {
			if err := a.pace.Wait(ctx); err != nil {
				out.err = err
				return out
			}
		}
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
				out.replies++
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
		took := lastAt.Sub(sent)
		if at, ok := r.deliveredAt(id); ok && !at.After(lastAt) {
			took = lastAt.Sub(at)
		}
		out.latencies = append(out.latencies, took)
		out.sendToReply = append(out.sendToReply, lastAt.Sub(sent))
		if s.name == reportSent {
			out.reports++
		}
		if s.name != "" {
			if out.byStep == nil {
				out.byStep = map[string]durations{}
			}
			out.byStep[s.name] = append(out.byStep[s.name], took)
		}
	}
	return out
}

// answerPoll answers questions until the poll ends, each answer an update
// with one reply, the last with two: the thanks and the menu. It returns
// false when the conversation ended early, as out says.
func answerPoll(ctx context.Context, r *router, a *actor, dupRate float64, k *killer, timeout time.Duration, out *outcome) bool {
	for range maxPollAnswers {
		send, ok := nextAnswer(a)
		if !ok {
			return true
		}
		part := converse(ctx, r, a, []step{{send: send, replies: 1, name: "poll: answer"}}, dupRate, k, timeout)
		out.latencies = append(out.latencies, part.latencies...)
		out.sendToReply = append(out.sendToReply, part.sendToReply...)
		if out.byStep == nil {
			out.byStep = map[string]durations{}
		}
		out.byStep["poll: answer"] = append(out.byStep["poll: answer"], part.byStep["poll: answer"]...)
		out.replies += part.replies
		if part.err != nil || part.interrupted {
			out.err, out.interrupted = part.err, part.interrupted
			return false
		}
		if _, more := nextAnswer(a); more {
			continue
		}
		// The thanks; the menu follows it.
		select {
		case <-a.in:
			out.replies++
			out.polls++
		case <-time.After(timeout):
			if k.count() == 0 {
				out.err = fmt.Errorf("resident %d: no menu after the poll's thanks within %s", a.chat(), timeout)
			} else {
				out.interrupted = true
			}
			return false
		case <-ctx.Done():
			out.err = ctx.Err()
			return false
		}
		return true
	}
	out.err = fmt.Errorf("resident %d: the poll did not end after %d answers", a.chat(), maxPollAnswers)
	return false
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
	// pace, if set, limits the residents' updates to an offered rate.
	pace *rate.Limiter
}

// tally is what a run of residents came to.
type tally struct {
	latencies   durations
	sendToReply durations
	// failed are the residents whose conversation failed.
	failed      []int64
	byStep      map[string]durations
	replies     int
	polls       int
	reports     int
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
			a := &actor{srv: l.srv, user: models.User{ID: chat, FirstName: "Resident", LanguageCode: "ru"}, in: l.r.listen(chat, 64), pace: l.pace}
			if len(l.points) > 0 {
				a.home = l.points[i%len(l.points)]
			}
			o := converse(ctx, l.r, a, l.steps, l.dupRate, l.k, l.timeout)
			l.r.forget(chat)
			mu.Lock()
			defer mu.Unlock()
			t.latencies = append(t.latencies, o.latencies...)
			t.sendToReply = append(t.sendToReply, o.sendToReply...)
			if t.byStep == nil {
				t.byStep = map[string]durations{}
			}
			for name, d := range o.byStep {
				t.byStep[name] = append(t.byStep[name], d...)
			}
			t.replies += o.replies
			t.polls += o.polls
			t.reports += o.reports
			if o.interrupted {
				t.interrupted++
			}
			if o.err != nil {
				t.failed = append(t.failed, chat)
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
