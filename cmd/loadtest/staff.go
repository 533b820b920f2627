package main

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/go-telegram/bot/models"
)

// ticketCode finds a ticket's code in a message, e.g. KRG-0042.
var ticketCode = regexp.MustCompile(`\b[A-Z]{2,5}-[0-9]{4,}\b`)

// officer plays an inspector: takes each ticket card as it arrives,
// accepts the ticket, replies to the resident and resolves it.
type officer struct {
	a       *actor
	k       *killer
	timeout time.Duration

	queue []card
	seen  map[uint64]bool

	// handled counts tickets taken through all three actions; updates
	// counts the officer's updates; errors the replies that never came
	// without a kill to explain it.
	handled, updates, errors int
	// total counts the tickets all officers handled.
	total *atomic.Int64
}

// card is a ticket as an officer first sees it.
type card struct {
	id   uint64
	code string
}

func newOfficer(srv *emulator.Server, r *router, chat int64, k *killer, timeout time.Duration) *officer {
	return &officer{
		a:       &actor{srv: srv, user: models.User{ID: chat, FirstName: "Officer", LanguageCode: "ru"}, in: r.listen(chat, 100_000)},
		k:       k,
		timeout: timeout,
		seen:    map[uint64]bool{},
	}
}

// note queues the ticket of a card the officer has not seen yet.
func (o *officer) note(m emulator.Sent) {
	if m.ReplyMarkup == nil || m.Method != "sendMessage" {
		return
	}
	code := ticketCode.FindString(m.Text)
	for _, row := range m.ReplyMarkup.InlineKeyboard {
		for _, b := range row {
			rest, ok := strings.CutPrefix(b.CallbackData, "tk:")
			if !ok {
				continue
			}
			_, arg, _ := strings.Cut(rest, ":")
			id, err := strconv.ParseUint(arg, 10, 64)
			if err != nil || o.seen[id] || code == "" {
				continue
			}
			o.seen[id] = true
			o.queue = append(o.queue, card{id, code})
		}
	}
}

// onboard takes the officer through /start, Russian and consent.
func (o *officer) onboard(ctx context.Context, r *router) error {
	out := converse(ctx, r, o.a, onboarding, 0, o.k, o.timeout)
	if out.err != nil {
		return fmt.Errorf("officer %d: %w", o.a.chat(), out.err)
	}
	return nil
}

// run works through the cards until no card has come for quiet and done
// reports true.
func (o *officer) run(ctx context.Context, done func() bool, quiet time.Duration) {
	idle := time.NewTimer(quiet)
	defer idle.Stop()
	for {
		for len(o.queue) > 0 {
			c := o.queue[0]
			o.queue = o.queue[1:]
			o.work(ctx, c)
			if ctx.Err() != nil {
				return
			}
		}
		select {
		case m := <-o.a.in:
			o.note(m.Sent)
			idle.Reset(quiet)
		case <-idle.C:
			if done() {
				return
			}
			idle.Reset(quiet)
		case <-ctx.Done():
			return
		}
	}
}

// work takes one ticket through accept, a reply and resolve.
func (o *officer) work(ctx context.Context, c card) {
	id := strconv.FormatUint(c.id, 10)
	actions := []func() int64{
		func() int64 { return o.a.srv.PressButton(o.a.chat(), o.a.user, 1, "tk:a:"+id) },
		func() int64 { return o.a.srv.PressButton(o.a.chat(), o.a.user, 1, "tk:r:"+id) },
		func() int64 {
			return o.a.srv.SendText(o.a.chat(), o.a.user, "Здравствуйте! Зайду сегодня вечером, будьте дома.")
		},
		func() int64 { return o.a.srv.PressButton(o.a.chat(), o.a.user, 1, "tk:s:"+id) },
		func() int64 {
			return o.a.srv.SendText(o.a.chat(), o.a.user, "Замок заменён управляющей компанией.")
		},
	}
	for _, act := range actions {
		kills := o.k.count()
		act()
		o.updates++
		if !o.await(ctx, c.code) && o.k.count() == kills && ctx.Err() == nil {
			o.errors++
			if o.errors <= 3 {
				fmt.Fprintf(os.Stderr, "officer %d: no answer about %s within %s\n", o.a.chat(), c.code, o.timeout)
			}
		}
	}
	o.handled++
	o.total.Add(1)
}

// await waits for the bot's answer about the ticket with code, queueing
// any new card that comes meanwhile.
func (o *officer) await(ctx context.Context, code string) bool {
	deadline := time.NewTimer(o.timeout)
	defer deadline.Stop()
	for {
		select {
		case m := <-o.a.in:
			o.note(m.Sent)
			if m.Method == "sendMessage" && strings.Contains(m.Text, code) {
				return true
			}
		case <-deadline.C:
			return false
		case <-ctx.Done():
			return false
		}
	}
}

// staffWork is all officers' work in one run.
type staffWork struct {
	officers []*officer
	wg       sync.WaitGroup
	handled  atomic.Int64

	mu       sync.Mutex
	finished bool      // the residents are done
	expected int       // tickets the residents were told about
	deadline time.Time // for the cards still to come
}

// done reports whether the officers may stop: the residents are done, and
// every ticket they were told about is handled or the wait is over. Cards
// come through the outbox, whose retries after a fault can outlast an
// officer's quiet spell.
func (w *staffWork) done() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.finished && (w.handled.Load() >= int64(w.expected) || time.Now().After(w.deadline))
}

// startStaff onboards every officer with a Telegram account and sets the
// inspectors to work. Chiefs see copies of cards but leave them to the
// inspectors.
func startStaff(ctx context.Context, srv *emulator.Server, r *router, f *cityFacts, k *killer, timeout time.Duration) (*staffWork, error) {
	w := &staffWork{}
	for _, chat := range f.staff {
		o := newOfficer(srv, r, chat, k, timeout)
		o.total = &w.handled
		if err := o.onboard(ctx, r); err != nil {
			return nil, err
		}
		if slices.Contains(f.inspectors, chat) {
			w.officers = append(w.officers, o)
		} else {
			r.forget(chat)
		}
	}
	for _, o := range w.officers {
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			o.run(ctx, w.done, 3*time.Second)
		}()
	}
	return w, nil
}

// wait tells the officers the residents are done, having been told about
// expected tickets, and waits until the officers have handled as many, or
// until deadline (and a last quiet spell).
func (w *staffWork) wait(expected int, deadline time.Time) (handled, updates, errors int) {
	w.mu.Lock()
	w.finished, w.expected, w.deadline = true, expected, deadline
	w.mu.Unlock()
	w.wg.Wait()
	for _, o := range w.officers {
		handled += o.handled
		updates += o.updates
		errors += o.errors
	}
	return handled, updates, errors
}
