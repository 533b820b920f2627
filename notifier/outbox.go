package notifier

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/jonboulle/clockwork"
	"github.com/rs/zerolog"
)

// Sender delivers one message with a single attempt per messenger call,
// skipping the first done calls (delivered by an earlier attempt), and
// returns how many calls are done. Implementations classify failures:
// *core.RateLimitError for "slow down", core.ErrUnreachable when the
// recipient blocked the bot or is gone, core.ErrRejected when the message
// itself was refused; anything else is taken as transient and retried.
type Sender interface {
	Deliver(ctx context.Context, chat core.ChatRef, r core.Reply, done int) (int, error)
}

// Store is the outbox storage the notifier needs.
type Store interface {
	PendingOutbox(ctx context.Context, after uint64, limit int) ([]core.OutboxItem, error)
	OutboxItem(ctx context.Context, id uint64) (core.OutboxItem, error)
	OutboxSent(ctx context.Context, id uint64) error
	OutboxRetry(ctx context.Context, it core.OutboxItem) error
	OutboxFailed(ctx context.Context, id uint64, reason string) error
	MarkUnreachable(ctx context.Context, chat core.ChatRef, reason string) (int, error)
}

// Config configures an Outbox.
type Config struct {
	Store Store
	// City supplies the delivery limits, quiet hours and time zone.
	City *core.City
	// Senders deliver per channel; the map is read when Run starts. Items
	// for a channel without a sender stay in storage until one is
	// configured.
	Senders map[core.Channel]Sender
	// Clock drives quiet hours, backoff and scheduling; nil means the real
	// clock.
	Clock clockwork.Clock
	Log   zerolog.Logger
	// PollInterval is how often storage is checked for new items when no
	// Wake came; zero means one second.
	PollInterval time.Duration
	// Photos fetch photos taken on one messenger (by core.PhotoChannel)
	// so they can be shown on another, such as a WhatsApp resident's
	// photo on a Telegram inspector's ticket card. Without one, the
	// receiving adapter says a photo came through another messenger.
	Photos map[core.Channel]PhotoSource
}

// PhotoSource fetches the bytes of a photo from the messenger that has it.
type PhotoSource interface {
	// Photo returns the photo's bytes, or an error when it is gone or
	// cannot be fetched now; the message then goes without it.
	Photo(ctx context.Context, ref string) ([]byte, error)
}

// Outbox delivers the items of storage's outbox.
type Outbox struct {
	cfg Config
	// mu guards lanes, which Run fills and Depth reads.
	mu    sync.Mutex
	lanes map[core.Channel]*lane
	wake  chan struct{}
	last  uint64 // the highest item id loaded
	wg    sync.WaitGroup
}

// loadPage is how many items are read from storage at a time.
const loadPage = 1000

// New returns an Outbox; Run starts it.
func New(cfg Config) *Outbox {
	if cfg.Clock == nil {
		cfg.Clock = clockwork.NewRealClock()
	}
	if cfg.PollInterval == 0 {
		cfg.PollInterval = time.Second
	}
	return &Outbox{cfg: cfg, lanes: map[core.Channel]*lane{}, wake: make(chan struct{}, 1)}
}

// Wake tells the outbox that new items were stored, so they go out now
// rather than at the next poll. It never blocks.
func (o *Outbox) Wake() {
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

// Depth returns how many items wait in memory for delivery, on all
// channels; items in flight are not counted.
func (o *Outbox) Depth() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	n := 0
	for _, l := range o.lanes {
		n += int(l.depth.Load())
	}
	return n
}

// AwaitingWindow returns how many items wait now because the messenger
// takes them only within its window since the person last wrote (or in an
// approved template none is configured for). It is a gauge for
// operators: one that keeps rising means a template is missing from the
// configuration, or staff on WhatsApp do not write to the bot.
func (o *Outbox) AwaitingWindow() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	n := 0
	for _, l := range o.lanes {
		n += l.heldCount()
	}
	return n
}

// Run delivers until ctx is done, then waits for the requests in flight to
// finish and be recorded. It starts a lane for each sender in the
// configuration's map as it is then, so senders may be added after New.
func (o *Outbox) Run(ctx context.Context) error {
	o.mu.Lock()
	for ch, s := range o.cfg.Senders {
		o.lanes[ch] = newLane(ch, s, o.cfg)
	}
	o.mu.Unlock()
	for _, l := range o.lanes {
		o.wg.Add(1)
		go func() {
			defer o.wg.Done()
			l.run(ctx)
		}()
	}
	defer o.wg.Wait()
	tick := o.cfg.Clock.NewTicker(o.cfg.PollInterval)
	defer tick.Stop()
	for {
		if err := o.load(ctx); err != nil && ctx.Err() == nil {
			o.cfg.Log.Error().Err(err).Msg("load outbox")
		}
		select {
		case <-ctx.Done():
			return nil
		case <-o.wake:
		case <-tick.Chan():
		}
	}
}

// load hands the items stored since the last load to their lanes.
func (o *Outbox) load(ctx context.Context) error {
	for {
		items, err := o.cfg.Store.PendingOutbox(ctx, o.last, loadPage)
		if err != nil {
			return fmt.Errorf("notifier: load outbox after %d: %w", o.last, err)
		}
		byLane := map[core.Channel][]entry{}
		for _, it := range items {
			o.last = max(o.last, it.ID)
			if _, ok := o.lanes[it.Chat.Channel]; !ok {
				o.cfg.Log.Warn().Uint64("item", it.ID).Str("channel", string(it.Chat.Channel)).Msg("no sender for channel; item waits")
				continue
			}
			byLane[it.Chat.Channel] = append(byLane[it.Chat.Channel], newEntry(it))
		}
		for ch, es := range byLane {
			select {
			case o.lanes[ch].incoming <- es:
			case <-ctx.Done():
				return nil
			}
		}
		if len(items) < loadPage {
			return nil
		}
	}
}
