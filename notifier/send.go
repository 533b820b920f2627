package notifier

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/rs/zerolog"
)

// sendTimeout bounds one request. It also bounds shutdown: requests in
// flight are finished, not cut off, so their outcome is known and recorded.
const sendTimeout = 15 * time.Second

// giveUpAfter is how old an item must be before transient failures (an
// outage of the messenger or the network) make the notifier give up on it:
// an outage of hours must not lose a ticket.
const giveUpAfter = 24 * time.Hour

// send delivers one item and records the outcome in storage, then reports
// it to the run loop.
func (l *lane) send(parent context.Context, e entry) {
	o := outcome{e: e}
	defer func() {
		l.markHeld(e.id, o.held)
		l.done <- o
		<-l.slots
	}()
	ctx, cancel := context.WithTimeout(context.WithoutCancel(parent), sendTimeout)
	defer cancel()
	log := l.log.With().Uint64("item", e.id).Logger()

	it, err := l.store.OutboxItem(ctx, e.id)
	if errors.Is(err, core.ErrNotFound) {
		return // delivered, withdrawn or given up on meanwhile
	}
	if err != nil {
		log.Error().Err(err).Msg("load outbox item")
		o.retry, o.retryAt = true, l.clock.Now().Add(backoff(1))
		return
	}

	log = withSubject(log, it)

	done, err := l.deliver(ctx, it)
	switch wait, limited := isRateLimit(err); {
	case err == nil:
		if err := l.store.OutboxSent(ctx, e.id); err != nil {
			// Delivered but not recorded: it will be sent again after a
			// restart. Nothing better can be done without the disk.
			log.Error().Err(err).Msg("record delivery")
		}
	case limited:
		// Not the item's fault: it goes back, and the lane pauses.
		it.Parts = done
		if err := l.store.OutboxRetry(ctx, it); err != nil {
			log.Error().Err(err).Msg("record partial delivery")
		}
		o.pause, o.retry, o.retryAt = wait, true, l.clock.Now()
	case errors.Is(err, core.ErrUnreachable) && (it.ToStaff || it.Group):
		// Staff and duty chats are not residents who left: an alarm.
		log.Error().Err(err).Str("chat", it.Chat.String()).Msg("a staff or duty chat refuses the bot's messages; dead-lettered")
		l.fail(ctx, it.ID, err.Error())
	case errors.Is(err, core.ErrUnreachable):
		n, serr := l.store.MarkUnreachable(ctx, it.Chat, err.Error())
		if serr != nil {
			log.Error().Err(serr).Msg("mark recipient unreachable")
		}
		// The item names the chat in storage; a resident's chat (a phone
		// number on WhatsApp) stays out of the logs.
		log.Info().Int("dropped", n).Msg("recipient unreachable; subscriptions dropped")
	case errors.Is(err, core.ErrRejected):
		log.Warn().Err(err).Msg("message rejected; dead-lettered")
		l.fail(ctx, it.ID, err.Error())
	case errors.Is(err, core.ErrNeedsTemplate):
		it.Parts = done
		l.awaitWindow(ctx, it, err, &o)
	case errors.Is(err, core.ErrSentAsTemplate):
		// The template went; the message follows when the window opens.
		it.Parts, it.Reply.Template = done, ""
		l.awaitWindow(ctx, it, err, &o)
	default:
		it.Parts = done
		l.retryLater(ctx, it, err, &o)
	}
}

// deliver calls the sender, turning a panic in it into an error that
// dead-letters the item instead of crashing the bot in a loop.
func (l *lane) deliver(ctx context.Context, it core.OutboxItem) (done int, err error) {
	defer func() {
		if p := recover(); p != nil {
			l.log.Error().Uint64("item", it.ID).Str("panic", fmt.Sprint(p)).Bytes("stack", debug.Stack()).Msg("sender panicked")
			done, err = it.Parts, fmt.Errorf("%w: sender panicked: %v", core.ErrRejected, p)
		}
	}()
	// An adapter that keeps what it sent keeps it with the item, so that
	// erasing a ticket finds it, and keeps nothing of an item withdrawn
	// while it was being sent.
	ctx = core.WithItem(ctx, core.ItemRef{ID: it.ID, Key: it.Key})
	return l.sender.Deliver(ctx, it.Chat, l.withPhoto(ctx, it), it.Parts)
}

// withPhoto replaces a photo reference of another messenger with the
// photo itself, fetched from that messenger. If that fails the reference
// stays, and the adapter says a photo came through another messenger:
// the message must not wait for a picture.
func (l *lane) withPhoto(ctx context.Context, it core.OutboxItem) core.Reply {
	r := it.Reply
	if r.Photo == "" || core.PhotoChannel(r.Photo) == l.ch || it.Parts > 0 {
		// Parts > 0: the picture's slot, the first call, is done already.
		return r
	}
	src := l.photos[core.PhotoChannel(r.Photo)]
	if src == nil {
		return r
	}
	data, err := src.Photo(ctx, r.Photo)
	if err != nil {
		l.log.Warn().Err(err).Uint64("item", it.ID).Msg("fetch a photo from another messenger; sending a note instead")
		return r
	}
	r.Image, r.Photo = data, ""
	return r
}

func (l *lane) fail(ctx context.Context, id uint64, reason string) {
	if err := l.store.OutboxFailed(ctx, id, reason); err != nil {
		l.log.Error().Err(err).Uint64("item", id).Msg("dead-letter outbox item")
	}
}

// markHeld records whether item id now waits for a messaging window.
func (l *lane) markHeld(id uint64, held bool) {
	l.heldMu.Lock()
	defer l.heldMu.Unlock()
	if held {
		if l.held == nil {
			l.held = map[uint64]bool{}
		}
		l.held[id] = true
	} else {
		delete(l.held, id)
	}
}

// heldCount is how many items wait for a messaging window.
func (l *lane) heldCount() int {
	l.heldMu.Lock()
	defer l.heldMu.Unlock()
	return len(l.held)
}

// windowWait is how often an item that needs the recipient to write first
// is tried again; windowGiveUp is how long it may wait.
const (
	windowWait   = time.Hour
	windowGiveUp = 7 * 24 * time.Hour
)

// awaitWindow holds an item the messenger will not take until the
// recipient writes again, for want of an approved template: it is not
// lost, and it is not a failure of the messenger either.
func (l *lane) awaitWindow(ctx context.Context, it core.OutboxItem, cause error, o *outcome) {
	log := l.log.With().Uint64("item", it.ID).Str("template", it.Reply.Template).Logger()
	o.held = true
	now := l.clock.Now()
	if now.Sub(it.Created) > windowGiveUp {
		log.Warn().Err(cause).Msg("the recipient did not write for a week and no template can carry the message; dead-lettered")
		l.fail(ctx, it.ID, cause.Error())
		return
	}
	it.NotBefore = now.Add(windowWait)
	it.LastErr = cause.Error()
	log.Warn().Err(cause).Time("retry_at", it.NotBefore).
		Msg("message waits for the recipient to write: configure an approved template for its kind to send it now")
	if err := l.store.OutboxRetry(ctx, it); err != nil {
		log.Error().Err(err).Msg("reschedule outbox item")
	}
	o.retry, o.retryAt = true, it.NotBefore
}

// retryLater schedules another attempt after a transient failure (5xx, a
// timeout, a reset connection). It gives up only on an item that has
// failed MaxAttempts times and is older than giveUpAfter.
func (l *lane) retryLater(ctx context.Context, it core.OutboxItem, cause error, o *outcome) {
	log := l.log.With().Uint64("item", it.ID).Logger()
	it.Attempts++
	it.LastErr = cause.Error()
	now := l.clock.Now()
	if it.Attempts >= l.max && now.Sub(it.Created) > giveUpAfter {
		log.Warn().Err(cause).Int("attempts", it.Attempts).Msg("delivery failed for good; dead-lettered")
		l.fail(ctx, it.ID, it.LastErr)
		return
	}
	it.NotBefore = now.Add(backoff(it.Attempts))
	log.Info().Err(cause).Int("attempts", it.Attempts).Time("retry_at", it.NotBefore).Msg("delivery failed; will retry")
	if err := l.store.OutboxRetry(ctx, it); err != nil {
		log.Error().Err(err).Msg("reschedule outbox item")
	}
	o.retry, o.retryAt = true, it.NotBefore
}

// withSubject adds what an item is about to its log lines: the ticket for
// a message about one, the batch (a notice, an alert) for a bulk message.
// Never the key whole: bulk keys end with the recipient's chat.
func withSubject(log zerolog.Logger, it core.OutboxItem) zerolog.Logger {
	c := log.With()
	if rest, ok := strings.CutPrefix(it.Key, "ticket:"); ok {
		if id, _, ok := strings.Cut(rest, ":"); ok {
			c = c.Str("ticket", id)
		}
	}
	if it.Batch != "" {
		c = c.Str("batch", it.Batch)
	}
	return c.Logger()
}
