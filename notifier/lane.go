package notifier

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/jonboulle/clockwork"
	"github.com/rs/zerolog"
	"golang.org/x/time/rate"
)

// lane delivers one channel's items. Its queue, pause and per-chat slots
// belong to its run goroutine alone; senders report back on done.
type lane struct {
	ch       core.Channel
	sender   Sender
	store    Store
	limits   core.Limits
	quiet    core.QuietHours
	loc      *time.Location
	clock    clockwork.Clock
	log      zerolog.Logger
	max      int // attempts before giving up
	limiter  *rate.Limiter
	slots    chan struct{} // requests in flight
	incoming chan []entry
	done     chan outcome

	q         *queue
	chatNext  map[string]time.Time
	pausedTil time.Time
	// depth mirrors q.len() for readers outside the run loop.
	depth atomic.Int64
	// held are the items waiting for a messaging window (or a template),
	// for operators: a gauge, not a count of attempts.
	heldMu sync.Mutex
	held   map[uint64]bool
	photos map[core.Channel]PhotoSource
}

// outcome is what became of one send, for the run loop to act on.
type outcome struct {
	e entry
	// retryAt puts the entry back, due then.
	retryAt time.Time
	retry   bool
	// pause stops the whole lane for a while (the messenger said 429).
	pause time.Duration
	// held is set when the item waits for the messaging window.
	held bool
}

func newLane(ch core.Channel, s Sender, cfg Config) *lane {
	lim := cfg.City.Delivery.Limits[ch]
	if lim.Rate <= 0 {
		lim = core.DefaultLimits(ch)
	}
	// Sending is waiting on the network: enough requests in flight to fill
	// the rate at a slow round trip of 250 ms, and at least a few.
	inflight := max(4, int(lim.Rate/4))
	return &lane{
		ch: ch, sender: s, store: cfg.Store, limits: lim, quiet: cfg.City.Delivery.QuietHours,
		loc: cfg.City.Location, clock: cfg.Clock, log: cfg.Log.With().Str("channel", string(ch)).Logger(),
		max: max(1, cfg.City.Delivery.MaxAttempts),
		// A burst of a hundredth of a second's worth: at high rates a
		// bucket of one loses the tokens that a late timer wake-up
		// earns, and at 30/s it is still one.
		limiter:  rate.NewLimiter(rate.Limit(lim.Rate), max(1, int(lim.Rate/100))),
		slots:    make(chan struct{}, inflight),
		incoming: make(chan []entry, 16),
		done:     make(chan outcome, inflight),
		q:        newQueue(),
		chatNext: map[string]time.Time{},
		photos:   cfg.Photos,
	}
}

// run delivers until ctx is done, then waits for the requests in flight.
func (l *lane) run(ctx context.Context) {
	defer l.drain()
	for {
		l.depth.Store(int64(l.q.len()))
		now := l.clock.Now()
		l.q.promote(now)
		if wait := l.pausedTil.Sub(now); wait > 0 {
			if !l.idle(ctx, l.clock.After(wait)) {
				return
			}
			continue
		}
		e, ok := l.q.pop()
		if !ok {
			var timer <-chan time.Time
			if due, ok := l.q.nextDue(); ok {
				timer = l.clock.After(due.Sub(now))
			}
			if !l.idle(ctx, timer) {
				return
			}
			continue
		}
		if until, hold := l.hold(e, now); hold {
			e.due = until
			l.q.push(e, now)
			continue
		}
		if !l.acquire(ctx) {
			l.q.push(e, now)
			return
		}
		if !l.waitToken(ctx) {
			l.q.push(e, now)
			<-l.slots
			return
		}
		// While waiting, a 429 may have paused the lane, and a more urgent
		// item may have come in: it takes the token.
		l.collect()
		now = l.clock.Now()
		l.q.push(e, now)
		if l.pausedTil.After(now) {
			<-l.slots
			continue
		}
		e, _ = l.q.pop()
		if until, hold := l.hold(e, now); hold {
			e.due = until
			l.q.push(e, now)
			<-l.slots
			continue
		}
		l.claimSlot(e, l.clock.Now())
		go l.send(ctx, e)
	}
}

// hold reports whether e must wait, and until when: quiet hours for a
// non-urgent item, or the chat's own rate limit.
func (l *lane) hold(e entry, now time.Time) (time.Time, bool) {
	if !e.urgent && l.quiet.Contains(now.In(l.loc)) {
		return l.quiet.End(now.In(l.loc)), true
	}
	if next, ok := l.chatNext[e.chat]; ok && next.After(now) {
		return next, true
	}
	return time.Time{}, false
}

// waitToken waits for the rate limiter's next token while taking in new
// entries and outcomes, so that loading a large backlog never waits on the
// rate. It reports false if ctx ended first.
func (l *lane) waitToken(ctx context.Context) bool {
	r := l.limiter.Reserve()
	d := r.Delay()
	if d == 0 {
		return true
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	for {
		select {
		case <-timer.C:
			return true
		case es := <-l.incoming:
			l.add(es)
		case o := <-l.done:
			l.apply(o)
		case <-ctx.Done():
			r.Cancel()
			return false
		}
	}
}

// claimSlot reserves the chat's next slot for e.
func (l *lane) claimSlot(e entry, now time.Time) {
	gap := l.limits.PerChat
	if e.group {
		gap = l.limits.PerGroup
	}
	if gap <= 0 {
		return
	}
	l.chatNext[e.chat] = now.Add(gap)
	if len(l.chatNext) > 4096 {
		for chat, next := range l.chatNext {
			if !next.After(now) {
				delete(l.chatNext, chat)
			}
		}
	}
}

// idle waits for new entries, an outcome, the timer or the end.
func (l *lane) idle(ctx context.Context, timer <-chan time.Time) bool {
	select {
	case <-ctx.Done():
		return false
	case es := <-l.incoming:
		l.add(es)
	case o := <-l.done:
		l.apply(o)
	case <-timer:
	}
	return true
}

// acquire waits for a free request slot, taking in news meanwhile.
func (l *lane) acquire(ctx context.Context) bool {
	for {
		select {
		case l.slots <- struct{}{}:
			return true
		case <-ctx.Done():
			return false
		case es := <-l.incoming:
			l.add(es)
		case o := <-l.done:
			l.apply(o)
		}
	}
}

// collect applies the outcomes already in, without waiting.
func (l *lane) collect() {
	for {
		select {
		case o := <-l.done:
			l.apply(o)
		default:
			return
		}
	}
}

func (l *lane) add(es []entry) {
	now := l.clock.Now()
	for _, e := range es {
		l.q.push(e, now)
	}
}

// apply acts on a finished send.
func (l *lane) apply(o outcome) {
	if o.pause > 0 {
		if until := l.clock.Now().Add(o.pause); until.After(l.pausedTil) {
			l.pausedTil = until
			l.log.Warn().Dur("retry_after", o.pause).Msg("rate limited by the messenger: pausing the channel")
		}
	}
	if o.retry {
		o.e.due = o.retryAt
		l.q.push(o.e, l.clock.Now())
	}
}

// drain waits for the requests in flight, so that their outcomes are
// recorded before storage closes.
func (l *lane) drain() {
	for range cap(l.slots) {
		for taken := false; !taken; {
			select {
			case l.slots <- struct{}{}:
				taken = true
			case <-l.done: // already recorded in storage
			}
		}
	}
}

// backoff returns the wait before attempt n+1 after a transient failure:
// exponential from 2 s, capped at 30 minutes, with jitter so that many
// failed items do not come back at once.
func backoff(attempts int) time.Duration {
	d := 2 * time.Second << min(attempts-1, 10)
	d = min(d, 30*time.Minute)
	return d/2 + rand.N(d/2+1)
}

// isRateLimit reports a 429 and its wait.
func isRateLimit(err error) (time.Duration, bool) {
	var rl *core.RateLimitError
	if !errors.As(err, &rl) {
		return 0, false
	}
	return max(rl.RetryAfter, time.Second), true
}
