package flows

import (
	"context"
	"errors"
	"fmt"
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
	// RecordBatch stores many updates in one commit, all or none, and
	// returns the new ones in the order given with Seq set, leaving out
	// duplicates (seen before or repeated in the batch).
	RecordBatch(ctx context.Context, ins []core.Inbound) ([]core.Inbound, error)
	// Admit returns the updates not seen before, in order and without
	// repeats, with Seq set, without recording them: the change that
	// handles one records it when it is marked Unrecorded.
	Admit(ctx context.Context, ins []core.Inbound) ([]core.Inbound, error)
	// Pending returns recorded updates not yet handled, oldest first.
	Pending(ctx context.Context) ([]core.Inbound, error)
}

// Sender delivers replies on one channel. Implementations retry what the
// messenger asks them to retry (429) and return other errors.
type Sender interface {
	Send(ctx context.Context, chat core.ChatRef, r core.Reply) error
}

// Dispatcher sits between the messenger adapters and the Engine. Accept
// records an update before the adapter acknowledges it and never blocks
// after that. Workers then handle each chat's updates one at a time and in
// order, and different chats in parallel, taking chats in turn so that a
// busy or slow chat holds up nobody else.
type Dispatcher struct {
	rec     Recorder
	engine  *Engine
	log     zerolog.Logger
	workers int
	senders map[core.Channel]Sender
	handled func(core.Inbound, time.Duration)
	// admitWait is DispatcherConfig.AdmitWait.
	admitWait time.Duration

	mu     sync.Mutex
	cond   *sync.Cond
	queues map[core.ChatRef][]core.Inbound
	ready  []core.ChatRef // chats with updates and no worker on them
	// admitted holds the updates AcceptBatch handed over unrecorded, by
	// key, until the AcceptBatch that took them returns nil.
	admitted map[string]*admitted
	stopped  bool
	wg       sync.WaitGroup
	done     chan struct{}
}

// DispatcherConfig configures a Dispatcher.
type DispatcherConfig struct {
	// Recorder stores updates before they are acknowledged.
	Recorder Recorder
	// Engine handles them.
	Engine *Engine
	Log    zerolog.Logger
	// Workers is the number of chats handled in parallel; zero means
	// DefaultWorkers.
	Workers int
	// AdmitWait is how long AcceptBatch waits for the updates it hands
	// over to be recorded with their outcome before it records them
	// itself (see AcceptBatch); zero means 5 ms.
	AdmitWait time.Duration
	// Handled is called after each update is handled and its replies
	// sent, with the time that took, for metrics; nil means nobody is
	// told.
	Handled func(in core.Inbound, took time.Duration)
}

// DefaultWorkers is how many chats are handled in parallel by default.
// Handling mostly waits: on the commit, and on the messenger for each reply,
// which from Kazakhstan takes tens of milliseconds, so the workers bound
// the rate at about Workers / (time per update). Chats handled at the same
// time also share commits. With 32 the load harness saturated with updates
// queued for a worker (p50 260 ms) and a quarter of a commit per update;
// with 256 the same run handled 5–10% more updates a second at 0.19 commits
// each, with a p50 of 60 ms. An idle worker is a parked goroutine.
const DefaultWorkers = 256

// handleTimeout bounds the handling of one update, replies included, so a
// hung messenger cannot stall a chat forever. It is shorter than the
// shutdown budget, so an update in progress can finish during shutdown.
const handleTimeout = 20 * time.Second

// handleAttempts is how often an update is tried while storage fails
// before it is dropped with an apology.
const handleAttempts = 3

// NewDispatcher returns a Dispatcher; register the senders, then Start it.
func NewDispatcher(cfg DispatcherConfig) *Dispatcher {
	if cfg.Workers <= 0 {
		cfg.Workers = DefaultWorkers
	}
	if cfg.AdmitWait <= 0 {
		cfg.AdmitWait = defaultAdmitWait
	}
	if cfg.Handled == nil {
		cfg.Handled = func(core.Inbound, time.Duration) {}
	}
	d := &Dispatcher{
		rec: cfg.Recorder, engine: cfg.Engine, log: cfg.Log, workers: cfg.Workers, handled: cfg.Handled, admitWait: cfg.AdmitWait,
		senders: map[core.Channel]Sender{}, queues: map[core.ChatRef][]core.Inbound{}, admitted: map[string]*admitted{},
		done: make(chan struct{}),
	}
	d.cond = sync.NewCond(&d.mu)
	return d
}

// Register sets the sender for a channel. Call it before Start.
func (d *Dispatcher) Register(ch core.Channel, s Sender) { d.senders[ch] = s }

// Start queues the updates left pending by an earlier run, then starts the
// workers. Call it before any adapter accepts updates, so that old updates
// are handled before new ones. Workers stop when ctx is done, each after
// the update in hand.
func (d *Dispatcher) Start(ctx context.Context) error {
	pending, err := d.rec.Pending(ctx)
	if err != nil {
		return fmt.Errorf("flows: start dispatcher: %w", err)
	}
	if len(pending) > 0 {
		d.log.Info().Int("updates", len(pending)).Msg("handling updates left pending by the last run")
	}
	for _, in := range pending {
		d.enqueue(in)
	}
	for range d.workers {
		d.wg.Add(1)
		go d.work(ctx)
	}
	go func() {
		<-ctx.Done()
		d.mu.Lock()
		d.stopped = true
		d.mu.Unlock()
		d.cond.Broadcast()
		d.wg.Wait()
		close(d.done)
	}()
	return nil
}

// Wait blocks until the workers have stopped after the Start context is
// done, or until ctx is done.
func (d *Dispatcher) Wait(ctx context.Context) error {
	select {
	case <-d.done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("flows: waiting for workers: %w", ctx.Err())
	}
}

// Accept records an update durably and queues it. It returns nil for a
// duplicate, which is dropped. When Accept returns nil the update will be
// handled, after a restart if need be, so the adapter may acknowledge it;
// after recording, nothing can fail or block.
func (d *Dispatcher) Accept(ctx context.Context, in core.Inbound) error {
	rec, err := d.rec.Record(ctx, in)
	if errors.Is(err, core.ErrDuplicate) {
		d.log.Debug().Str("update", in.Key).Msg("duplicate update ignored")
		return nil
	}
	if err != nil {
		return fmt.Errorf("flows: accept %s: %w", in.Key, err)
	}
	d.enqueue(rec)
	return nil
}

// defaultAdmitWait bounds how long AcceptBatch waits for updates to be
// handled before it records them itself: about a commit and a turn's work
// when the bot is not busy. While it waits, later updates wait at the
// messenger, so it stays short.
const defaultAdmitWait = 5 * time.Millisecond

// AcceptBatch is Accept for the updates of one getUpdates answer; when it
// returns nil all of them are recorded and will be handled, so the
// adapter may confirm the batch, and on an error it may offer the whole
// batch again. Duplicates are dropped.
//
// Recording an update on arrival and its outcome after handling would
// cost two commits. Instead the new updates are handed to the workers at
// once, unrecorded, and each is recorded in the commit of its outcome.
// AcceptBatch waits for that up to AdmitWait, then records in one commit
// every update of the batch whose outcome is not committed yet, whether
// it waits for a worker or a worker has it.
func (d *Dispatcher) AcceptBatch(ctx context.Context, ins []core.Inbound) error {
	if len(ins) == 0 {
		return nil
	}
	fresh, err := d.rec.Admit(ctx, ins)
	if err != nil {
		return fmt.Errorf("flows: accept %d updates: %w", len(ins), err)
	}
	if dups := len(ins) - len(fresh); dups > 0 {
		d.log.Debug().Int("updates", len(ins)).Int("duplicates", dups).Msg("duplicate updates ignored")
	}
	if len(fresh) == 0 {
		return nil
	}
	adm := &admission{done: make(chan struct{})}
	batch := make([]*admitted, 0, len(fresh))
	d.mu.Lock()
	for _, in := range fresh {
		if a, ok := d.admitted[in.Key]; ok {
			// Offered again after a failed AcceptBatch: handed over
			// already, so not again, but recorded (under its first
			// number) unless its outcome is.
			batch = append(batch, a)
			continue
		}
		in.Unrecorded = true
		a := &admitted{in: in, batch: adm}
		d.admitted[in.Key] = a
		batch = append(batch, a)
		adm.left++
		d.enqueueLocked(in)
	}
	handedOver := adm.left > 0
	d.mu.Unlock()
	if handedOver {
		timer := time.NewTimer(d.admitWait)
		defer timer.Stop()
		select {
		case <-adm.done:
		case <-timer.C:
		case <-ctx.Done():
		}
	}
	var rest []core.Inbound
	d.mu.Lock()
	for _, a := range batch {
		if !a.recorded {
			rest = append(rest, a.in)
		}
	}
	d.mu.Unlock()
	if len(rest) > 0 {
		// An outcome committed since is left out: its key is recorded.
		if _, err := d.rec.RecordBatch(ctx, rest); err != nil {
			return fmt.Errorf("flows: accept %d updates: %w", len(ins), err)
		}
	}
	// All on disk: an offer from now on finds the keys recorded. Until
	// then an update stays here even once handled, so that an offer after
	// a failure cannot hand it over again.
	d.mu.Lock()
	for _, a := range batch {
		if d.admitted[a.in.Key] == a {
			delete(d.admitted, a.in.Key)
		}
	}
	d.mu.Unlock()
	return nil
}

// admitted is an update AcceptBatch handed over unrecorded.
type admitted struct {
	in core.Inbound
	// batch is the AcceptBatch call it came in.
	batch *admission
	// recorded says its outcome, or its drop, is committed, and with it
	// its key. Guarded by Dispatcher.mu.
	recorded bool
}

// admission counts the updates of one AcceptBatch call not yet recorded
// with their outcome.
type admission struct {
	left int // guarded by Dispatcher.mu
	done chan struct{}
}

// recorded notes that in, if admitted unrecorded, now is: the change
// handling it, or dropping it, committed.
func (d *Dispatcher) recorded(in core.Inbound) {
	if !in.Unrecorded {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	a, ok := d.admitted[in.Key]
	if !ok || a.recorded {
		return
	}
	a.recorded = true
	a.batch.left--
	if a.batch.left == 0 {
		close(a.batch.done)
	}
}

// enqueue adds in to its chat's queue, and the chat to the ready list
// unless a worker has it.
func (d *Dispatcher) enqueue(in core.Inbound) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.enqueueLocked(in)
}

// enqueueLocked is enqueue with d.mu held.
func (d *Dispatcher) enqueueLocked(in core.Inbound) {
	q, known := d.queues[in.Chat]
	d.queues[in.Chat] = append(q, in)
	if !known {
		d.ready = append(d.ready, in.Chat)
		d.cond.Signal()
	}
}

// next waits for a ready chat and takes its oldest update. The chat stays
// in queues, so enqueue does not list it again while a worker has it.
func (d *Dispatcher) next() (core.Inbound, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for len(d.ready) == 0 && !d.stopped {
		d.cond.Wait()
	}
	if d.stopped {
		return core.Inbound{}, false
	}
	chat := d.ready[0]
	d.ready = d.ready[1:]
	return d.queues[chat][0], true
}

// finish removes the handled update and puts the chat back in line if it
// has more.
func (d *Dispatcher) finish(chat core.ChatRef) {
	d.mu.Lock()
	defer d.mu.Unlock()
	q := d.queues[chat][1:]
	if len(q) == 0 {
		delete(d.queues, chat)
		return
	}
	d.queues[chat] = q
	d.ready = append(d.ready, chat)
	d.cond.Signal()
}

func (d *Dispatcher) work(ctx context.Context) {
	defer d.wg.Done()
	for {
		in, ok := d.next()
		if !ok {
			return
		}
		d.handle(ctx, in)
		d.finish(in.Chat)
	}
}
