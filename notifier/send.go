package notifier

import (
	"context"
	"errors"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// sendTimeout bounds one request. It also bounds shutdown: requests in
// flight are finished, not cut off, so their outcome is known and recorded.
const sendTimeout = 30 * time.Second

// send delivers one item and records the outcome in storage, then reports
// it to the run loop.
func (l *lane) send(parent context.Context, e entry) {
	o := outcome{e: e}
	defer func() {
		l.done <- o
		<-l.slots
	}()
	ctx, cancel := context.WithTimeout(context.WithoutCancel(parent), sendTimeout)
	defer cancel()
	log := l.log.With().Uint64("item", e.id).Logger()

	it, err := l.store.OutboxItem(ctx, e.id)
	if errors.Is(err, core.ErrNotFound) {
		return // delivered or given up on meanwhile
	}
	if err != nil {
		log.Error().Err(err).Msg("load outbox item")
		o.retry, o.retryAt = true, l.clock.Now().Add(backoff(1))
		return
	}

	err = l.sender.Deliver(ctx, it.Chat, it.Reply)
	switch wait, limited := isRateLimit(err); {
	case err == nil:
		if err := l.store.OutboxSent(ctx, e.id); err != nil {
			// Delivered but not recorded: it will be sent again after a
			// restart. Nothing better can be done without the disk.
			log.Error().Err(err).Msg("record delivery")
		}
	case limited:
		// Not the item's fault: it goes back as it was, and the lane pauses.
		o.pause, o.retry, o.retryAt = wait, true, l.clock.Now()
	case errors.Is(err, core.ErrUnreachable):
		dropped, serr := l.store.MarkUnreachable(ctx, it.Chat, err.Error())
		if serr != nil {
			log.Error().Err(serr).Msg("mark recipient unreachable")
		}
		log.Info().Str("chat", it.Chat.String()).Int("dropped", len(dropped)).Msg("recipient unreachable; subscriptions dropped")
		o.dropped = dropped
	case errors.Is(err, core.ErrRejected):
		log.Warn().Err(err).Msg("message rejected; dead-lettered")
		if err := l.store.OutboxFailed(ctx, e.id, err.Error()); err != nil {
			log.Error().Err(err).Msg("dead-letter outbox item")
		}
	default:
		l.retryLater(ctx, it, err, &o)
	}
}

// retryLater schedules another attempt after a transient failure (5xx, a
// timeout, a reset connection), or gives up after the last attempt.
func (l *lane) retryLater(ctx context.Context, it core.OutboxItem, cause error, o *outcome) {
	log := l.log.With().Uint64("item", it.ID).Logger()
	it.Attempts++
	it.LastErr = cause.Error()
	if it.Attempts >= l.max {
		log.Warn().Err(cause).Int("attempts", it.Attempts).Msg("delivery failed for good; dead-lettered")
		if err := l.store.OutboxFailed(ctx, it.ID, it.LastErr); err != nil {
			log.Error().Err(err).Msg("dead-letter outbox item")
		}
		return
	}
	it.NotBefore = l.clock.Now().Add(backoff(it.Attempts))
	log.Info().Err(cause).Int("attempts", it.Attempts).Time("retry_at", it.NotBefore).Msg("delivery failed; will retry")
	if err := l.store.OutboxRetry(ctx, it); err != nil {
		log.Error().Err(err).Msg("reschedule outbox item")
	}
	o.retry, o.retryAt = true, it.NotBefore
}
