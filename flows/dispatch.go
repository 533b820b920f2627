package flows

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"sync"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/rs/zerolog"
)

// Recorder durably queues updates as they arrive.
type Recorder interface {
	// Record stores an update and returns it with its Seq set, or
	// core.ErrDuplicate if its key was seen before.
	Record(ctx context.Context, in core.Inbound) (core.Inbound, error)
	// Pending returns recorded updates not yet handled, oldest first.
	Pending(ctx context.Context) ([]core.Inbound, error)
}

// Sender delivers replies on one channel. Implementations retry what the
// messenger asks them to retry (429) and return other errors.
type Sender interface {
	Send(ctx context.Context, chat core.ChatRef, r core.Reply) error
}

// Dispatcher sits between the messenger adapters and the Engine. Accept
// records an update before the adapter acknowledges it; workers then handle
// each chat's updates one at a time and in order, and different chats in
// parallel, by hashing chats onto a fixed set of queues.
type Dispatcher struct {
	rec     Recorder
	engine  *Engine
	log     zerolog.Logger
	seed    maphash.Seed
	queues  []chan core.Inbound
	senders map[core.Channel]Sender
	done    chan struct{}
	wg      sync.WaitGroup
}

// DispatcherConfig configures a Dispatcher.
type DispatcherConfig struct {
	Recorder Recorder
	Engine   *Engine
	Log      zerolog.Logger
	// Workers is the number of chats handled in parallel; zero means 8.
	Workers int
	// QueueLen is each worker's backlog before Accept blocks; zero means 256.
	QueueLen int
}

// handleTimeout bounds the handling of one update, replies included, so a
// hung messenger cannot stall a chat forever, and lets an update in progress
// finish during shutdown.
const handleTimeout = 60 * time.Second

// NewDispatcher returns a Dispatcher; register the senders, then Start it.
func NewDispatcher(cfg DispatcherConfig) *Dispatcher {
	if cfg.Workers <= 0 {
		cfg.Workers = 8
	}
	if cfg.QueueLen <= 0 {
		cfg.QueueLen = 256
	}
	d := &Dispatcher{
		rec: cfg.Recorder, engine: cfg.Engine, log: cfg.Log,
		seed: maphash.MakeSeed(), senders: map[core.Channel]Sender{},
		queues: make([]chan core.Inbound, cfg.Workers), done: make(chan struct{}),
	}
	for i := range d.queues {
		d.queues[i] = make(chan core.Inbound, cfg.QueueLen)
	}
	return d
}

// Register sets the sender for a channel. Call it before Start.
func (d *Dispatcher) Register(ch core.Channel, s Sender) { d.senders[ch] = s }

// Start queues the updates left pending by an earlier run, then starts the
// workers. Call it before any adapter accepts updates, so that old updates
// are handled before new ones. Workers stop when ctx is done.
func (d *Dispatcher) Start(ctx context.Context) error {
	pending, err := d.rec.Pending(ctx)
	if err != nil {
		return fmt.Errorf("flows: start dispatcher: %w", err)
	}
	for _, q := range d.queues {
		d.wg.Add(1)
		go d.work(ctx, q)
	}
	go func() {
		d.wg.Wait()
		close(d.done)
	}()
	if len(pending) > 0 {
		d.log.Info().Int("updates", len(pending)).Msg("handling updates left pending by the last run")
	}
	for _, in := range pending {
		if err := d.enqueue(ctx, in); err != nil {
			return fmt.Errorf("flows: start dispatcher: %w", err)
		}
	}
	return nil
}

// Wait blocks until the workers have stopped after ctx is done.
func (d *Dispatcher) Wait() { <-d.done }

// Accept records an update durably and queues it. It returns nil for a
// duplicate, which is dropped. When Accept returns nil the update will be
// handled, after a restart if need be, so the adapter may acknowledge it.
func (d *Dispatcher) Accept(ctx context.Context, in core.Inbound) error {
	rec, err := d.rec.Record(ctx, in)
	if errors.Is(err, core.ErrDuplicate) {
		d.log.Debug().Str("update", in.Key).Msg("duplicate update ignored")
		return nil
	}
	if err != nil {
		return fmt.Errorf("flows: accept %s: %w", in.Key, err)
	}
	return d.enqueue(ctx, rec)
}

func (d *Dispatcher) enqueue(ctx context.Context, in core.Inbound) error {
	q := d.queues[maphash.String(d.seed, in.Chat.String())%uint64(len(d.queues))]
	select {
	case q <- in:
		return nil
	case <-d.done:
		return nil // recorded; handled on the next start
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (d *Dispatcher) work(ctx context.Context, q <-chan core.Inbound) {
	defer d.wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case in := <-q:
			d.handle(ctx, in)
		}
	}
}

// handle runs one update to the end even if ctx is cancelled meanwhile: a
// half-handled update would be handled again after restart and the resident
// would see some replies twice.
func (d *Dispatcher) handle(ctx context.Context, in core.Inbound) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), handleTimeout)
	defer cancel()
	start := time.Now()
	log := d.log.With().Str("update", in.Key).Str("chat", in.Chat.String()).Logger()
	replies, err := d.engine.Handle(ctx, in)
	if err != nil {
		log.Error().Err(err).Msg("handle update")
	}
	s := d.senders[in.Chat.Channel]
	if s == nil {
		log.Error().Str("channel", string(in.Chat.Channel)).Msg("no sender for channel; replies dropped")
		return
	}
	for _, r := range replies {
		if err := s.Send(ctx, in.Chat, r); err != nil {
			log.Warn().Err(err).Msg("send reply")
		}
	}
	log.Debug().Str("kind", string(in.Kind)).Dur("took", time.Since(start)).Int("replies", len(replies)).Msg("update handled")
}
