package flows_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/flows"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/rs/zerolog"
)

// recordingSender stands in for a messenger: it keeps what each chat was
// sent, in order, and signals every send.
type recordingSender struct {
	mu     sync.Mutex
	sent   map[core.ChatRef][]core.Reply
	signal chan struct{}
}

func newRecordingSender() *recordingSender {
	return &recordingSender{sent: map[core.ChatRef][]core.Reply{}, signal: make(chan struct{}, 1)}
}

func (s *recordingSender) Send(_ context.Context, chat core.ChatRef, r core.Reply) error {
	s.mu.Lock()
	s.sent[chat] = append(s.sent[chat], r)
	s.mu.Unlock()
	select {
	case s.signal <- struct{}{}:
	default:
	}
	return nil
}

// waitFor blocks until cond holds over the sent replies, or fails after a
// deadline.
func (s *recordingSender) waitFor(t *testing.T, cond func(map[core.ChatRef][]core.Reply) bool) {
	t.Helper()
	deadline := time.After(15 * time.Second)
	for {
		s.mu.Lock()
		ok := cond(s.sent)
		s.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-s.signal:
		case <-deadline:
			t.Fatal("timed out waiting for replies")
		}
	}
}

func TestDispatcherKeepsEachChatInOrder(t *testing.T) {
	h := newHarness(t)
	sender := newRecordingSender()
	d := flows.NewDispatcher(flows.DispatcherConfig{Recorder: h.db, Engine: h.engine, Log: zerolog.Nop(), Workers: 4})
	d.Register(core.Telegram, sender)
	ctx, cancel := context.WithCancel(context.Background())
	defer func() { cancel(); d.Wait(context.Background()) }()
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}

	// Each chat sends a fixed script; the replies only make sense if the
	// updates were handled in order.
	script := []core.Inbound{
		{Kind: core.KindCommand, Command: "start"},
		{Kind: core.KindButton, Data: "lang:en"},
		{Kind: core.KindButton, Data: "consent:yes"},
		{Kind: core.KindButton, Data: "m:find"},
		{Kind: core.KindText, Text: "Erubaeva 15"},
	}
	const chats = 40
	var wg sync.WaitGroup
	for c := range chats {
		wg.Add(1)
		go func() {
			defer wg.Done()
			chat := core.ChatRef{Channel: core.Telegram, ID: fmt.Sprint(9000 + c)}
			for i, in := range script {
				in.Chat = chat
				in.Key = fmt.Sprintf("telegram:u:%d-%d", c, i)
				if err := d.Accept(ctx, in); err != nil {
					t.Errorf("accept: %v", err)
				}
			}
			// A redelivered update is dropped.
			if err := d.Accept(ctx, core.Inbound{Key: fmt.Sprintf("telegram:u:%d-0", c), Chat: chat, Kind: core.KindCommand, Command: "start"}); err != nil {
				t.Errorf("accept duplicate: %v", err)
			}
		}()
	}
	wg.Wait()

	// start(1) + lang(2) + consent(2) + find(1) + answer(2) = 8 replies.
	sender.waitFor(t, func(sent map[core.ChatRef][]core.Reply) bool {
		if len(sent) < chats {
			return false
		}
		for _, rs := range sent {
			if len(rs) < 8 {
				return false
			}
		}
		return true
	})
	sender.mu.Lock()
	defer sender.mu.Unlock()
	for chat, rs := range sender.sent {
		if len(rs) != 8 {
			t.Errorf("%s got %d replies, want 8", chat, len(rs))
		}
		mustContain(t, rs[7:], "Your district:")
	}
	pending, err := h.db.Pending(ctx)
	if err != nil || len(pending) != 0 {
		t.Errorf("pending after handling = %d, %v; want none", len(pending), err)
	}
}

func TestDispatcherReplaysPendingUpdatesFirst(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	// Updates recorded by a run that crashed before handling them.
	for i, in := range []core.Inbound{
		{Kind: core.KindCommand, Command: "start"},
		{Kind: core.KindButton, Data: "lang:kk"},
	} {
		in.Chat, in.Key = h.chat, fmt.Sprintf("telegram:u:%d", i)
		if _, err := h.db.Record(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	sender := newRecordingSender()
	d := flows.NewDispatcher(flows.DispatcherConfig{Recorder: h.db, Engine: h.engine, Log: zerolog.Nop()})
	d.Register(core.Telegram, sender)
	runCtx, cancel := context.WithCancel(ctx)
	defer func() { cancel(); d.Wait(context.Background()) }()
	if err := d.Start(runCtx); err != nil {
		t.Fatal(err)
	}
	if err := d.Accept(runCtx, core.Inbound{Key: "telegram:u:2", Chat: h.chat, Kind: core.KindButton, Data: "consent:yes"}); err != nil {
		t.Fatal(err)
	}
	sender.waitFor(t, func(sent map[core.ChatRef][]core.Reply) bool { return len(sent[h.chat]) >= 5 })
	sender.mu.Lock()
	defer sender.mu.Unlock()
	mustContain(t, sender.sent[h.chat], "Тілді таңдаңыз", "Тіл: қазақша.", "Келісіміңіз сақталды")
}

// gatedSender is a messenger whose sends wait until the gate opens.
type gatedSender struct {
	*recordingSender
	gate chan struct{}
}

func (s gatedSender) Send(ctx context.Context, chat core.ChatRef, r core.Reply) error {
	select {
	case <-s.gate:
	case <-ctx.Done():
		return ctx.Err()
	}
	return s.recordingSender.Send(ctx, chat, r)
}

// open opens the gate, once.
func (s gatedSender) open() {
	select {
	case <-s.gate:
	default:
		close(s.gate)
	}
}

func commits(t *testing.T, h *harness) uint64 {
	t.Helper()
	st, err := h.db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st.Commits
}

// An update handled as it arrives is recorded in the commit of its
// outcome: one commit, not two, and nothing left in the inbox.
func TestAcceptBatchRecordsUpdatesWithTheirOutcome(t *testing.T) {
	h := newHarness(t)
	sender := newRecordingSender()
	// Long enough that a slow machine never records an update by itself.
	d := flows.NewDispatcher(flows.DispatcherConfig{Recorder: h.db, Engine: h.engine, Log: zerolog.Nop(), AdmitWait: time.Minute})
	d.Register(core.Telegram, sender)
	ctx, cancel := context.WithCancel(context.Background())
	defer func() { cancel(); d.Wait(context.Background()) }()
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	start := core.Inbound{Key: "telegram:1:u:1", Chat: h.chat, Kind: core.KindCommand, Command: "start"}
	before := commits(t, h)
	if err := d.AcceptBatch(ctx, []core.Inbound{start, start}); err != nil {
		t.Fatal(err)
	}
	sender.waitFor(t, func(sent map[core.ChatRef][]core.Reply) bool { return len(sent[h.chat]) == 1 })
	if n := commits(t, h) - before; n != 1 {
		t.Errorf("arrival and outcome took %d commits, want 1", n)
	}
	if pending, err := h.db.Pending(ctx); err != nil || len(pending) != 0 {
		t.Errorf("pending = %v, %v; want none", pending, err)
	}
	// Offered again, as after a lost confirmation: recorded, so dropped.
	if err := d.AcceptBatch(ctx, []core.Inbound{start}); err != nil {
		t.Fatal(err)
	}
	lang := core.Inbound{Key: "telegram:1:u:2", Chat: h.chat, Kind: core.KindButton, Data: "lang:en"}
	if err := d.AcceptBatch(ctx, []core.Inbound{lang}); err != nil {
		t.Fatal(err)
	}
	sender.waitFor(t, func(sent map[core.ChatRef][]core.Reply) bool { return len(sent[h.chat]) >= 3 })
	sender.mu.Lock()
	defer sender.mu.Unlock()
	if got := len(sender.sent[h.chat]); got != 3 {
		t.Errorf("got %d replies, want /start's one and the language's two", got)
	}
}

// Updates no worker takes in time are recorded before AcceptBatch returns,
// so a crash then loses nothing, and are handled once a worker is free.
func TestAcceptBatchRecordsUpdatesWaitingForAWorker(t *testing.T) {
	h := newHarness(t)
	ctx, d, sender := busyDispatcher(t, h, &afterAdmit{DB: h.db})
	other := core.ChatRef{Channel: core.Telegram, ID: "1002"}
	waiting := []core.Inbound{
		{Key: "telegram:1:u:2", Chat: other, Kind: core.KindCommand, Command: "start"},
		{Key: "telegram:1:u:3", Chat: h.chat, Kind: core.KindButton, Data: "lang:en"},
	}
	if err := d.AcceptBatch(ctx, waiting); err != nil {
		t.Fatal(err)
	}
	pending, err := h.db.Pending(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, in := range pending {
		keys = append(keys, in.Key)
	}
	if fmt.Sprint(keys) != "[telegram:1:u:2 telegram:1:u:3]" {
		t.Fatalf("recorded while waiting for a worker: %v, want both updates in order", keys)
	}

	sender.open()
	sender.waitFor(t, func(sent map[core.ChatRef][]core.Reply) bool {
		return len(sent[h.chat]) == 3 && len(sent[other]) == 1
	})
	// Handled, they leave the inbox, and are duplicates from then on.
	awaitNoPending(t, h)
	if err := d.AcceptBatch(ctx, waiting); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond)
	sender.mu.Lock()
	defer sender.mu.Unlock()
	if len(sender.sent[h.chat]) != 3 || len(sender.sent[other]) != 1 {
		t.Errorf("updates offered again were handled again: %d and %d replies", len(sender.sent[h.chat]), len(sender.sent[other]))
	}
}

// An update offered again, after an AcceptBatch that failed while a worker
// had it, is not handed over twice, and is recorded before the second
// AcceptBatch returns.
func TestAcceptBatchOfferedAgainWhileQueued(t *testing.T) {
	h := newHarness(t)
	rec := &afterAdmit{DB: h.db}
	ctx, d, sender := busyDispatcher(t, h, rec)
	other := core.ChatRef{Channel: core.Telegram, ID: "1002"}
	queued := []core.Inbound{{Key: "telegram:1:u:2", Chat: other, Kind: core.KindCommand, Command: "start"}}
	failOffer(t, ctx, d, rec, queued)
	if err := d.AcceptBatch(ctx, queued); err != nil {
		t.Fatal(err)
	}
	pending, err := h.db.Pending(ctx)
	if err != nil || len(pending) != 1 || pending[0].Key != queued[0].Key {
		t.Fatalf("pending = %v, %v; want the update offered twice, once", pending, err)
	}

	sender.open()
	sender.waitFor(t, func(sent map[core.ChatRef][]core.Reply) bool { return len(sent[other]) >= 1 })
	awaitNoPending(t, h)
	answeredOnce(t, sender, other)
}

// afterAdmit is the real storage, with a way to run something right after
// Admit, such as an adapter giving up at that moment.
type afterAdmit struct {
	*storage.DB
	fn atomic.Pointer[func()]
}

// then makes fn run after each Admit; nil runs nothing.
func (r *afterAdmit) then(fn func()) {
	if fn == nil {
		r.fn.Store(nil)
		return
	}
	r.fn.Store(&fn)
}

func (r *afterAdmit) Admit(ctx context.Context, ins []core.Inbound) ([]core.Inbound, error) {
	out, err := r.DB.Admit(ctx, ins)
	if fn := r.fn.Load(); fn != nil {
		(*fn)()
	}
	return out, err
}

// An update offered again after a failed AcceptBatch is not handed over
// again even when its worker finishes it between the second offer's
// Admit, which still finds it new, and the hand-over.
func TestAcceptBatchOfferedAgainWhileFinishing(t *testing.T) {
	h := newHarness(t)
	rec := &afterAdmit{DB: h.db}
	ctx, d, sender := busyDispatcher(t, h, rec)
	other := core.ChatRef{Channel: core.Telegram, ID: "1002"}
	queued := []core.Inbound{{Key: "telegram:1:u:2", Chat: other, Kind: core.KindCommand, Command: "start"}}
	failOffer(t, ctx, d, rec, queued)
	// Offered again: right after its Admit, the worker handles the update
	// to the end.
	rec.then(func() {
		rec.then(nil)
		sender.open()
		sender.waitFor(t, func(sent map[core.ChatRef][]core.Reply) bool { return len(sent[other]) >= 1 })
		time.Sleep(50 * time.Millisecond) // for the worker to finish
	})
	if err := d.AcceptBatch(ctx, queued); err != nil {
		t.Fatal(err)
	}
	answeredOnce(t, sender, other)
	if pending, err := h.db.Pending(ctx); err != nil || len(pending) != 0 {
		t.Errorf("pending = %v, %v; want none", pending, err)
	}
}

// busyDispatcher starts a dispatcher with one worker on rec, whose sends
// wait until sender.open, and keeps the worker busy with a first update.
func busyDispatcher(t *testing.T, h *harness, rec flows.Recorder) (context.Context, *flows.Dispatcher, gatedSender) {
	t.Helper()
	sender := gatedSender{newRecordingSender(), make(chan struct{})}
	d := flows.NewDispatcher(flows.DispatcherConfig{Recorder: rec, Engine: h.engine, Log: zerolog.Nop(), Workers: 1})
	d.Register(core.Telegram, sender)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() { sender.open(); cancel(); d.Wait(context.Background()) })
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if err := d.AcceptBatch(ctx, []core.Inbound{{Key: "telegram:1:u:1", Chat: h.chat, Kind: core.KindCommand, Command: "start"}}); err != nil {
		t.Fatal(err)
	}
	return ctx, d, sender
}

// awaitNoPending waits until no recorded update waits to be handled.
func awaitNoPending(t *testing.T, h *harness) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		pending, err := h.db.Pending(context.Background())
		if err == nil && len(pending) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("still pending after handling: %v, %v", pending, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// failOffer offers batch to d and has it fail as an adapter stopping right
// after the admission would make it, so that the batch is offered again.
func failOffer(t *testing.T, ctx context.Context, d *flows.Dispatcher, rec *afterAdmit, batch []core.Inbound) {
	t.Helper()
	gone, stop := context.WithCancel(ctx)
	defer stop()
	rec.then(stop)
	defer rec.then(nil)
	if err := d.AcceptBatch(gone, batch); err == nil {
		t.Fatal("AcceptBatch with a done context succeeded; want an error, so the batch is offered again")
	}
}

// answeredOnce checks, after a moment for any second answer to come, that
// chat got exactly one reply.
func answeredOnce(t *testing.T, sender gatedSender, chat core.ChatRef) {
	t.Helper()
	time.Sleep(100 * time.Millisecond)
	sender.mu.Lock()
	defer sender.mu.Unlock()
	if n := len(sender.sent[chat]); n != 1 {
		t.Errorf("the update offered twice was answered %d times, want once", n)
	}
}
