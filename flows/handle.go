package flows

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// handle runs one update to the end even if ctx is cancelled meanwhile: a
// half-handled update would be handled again after restart and the resident
// would see some replies twice. While storage fails the update is retried
// in place, which keeps the chat's order; after the last attempt it is
// dropped with an apology.
func (d *Dispatcher) handle(parent context.Context, in core.Inbound) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(parent), handleTimeout)
	defer cancel()
	start := time.Now()
	// Lines name the update, not the chat: an error about a ticket must
	// never tie an anonymous reporter to it.
	log := d.log.With().Str("update", in.Key).Logger()
	var replies []core.Reply
	for attempt := 1; ; attempt++ {
		var err error
		replies, err = d.engine.Handle(ctx, in)
		if err == nil {
			d.recorded(in)
			break
		}
		if attempt == handleAttempts {
			log.Error().Err(err).Int("attempts", attempt).Msg("update failed; dropped")
			if err := d.engine.Drop(ctx, in); err != nil {
				log.Error().Err(err).Msg("drop failed update; it stays pending")
			} else {
				d.recorded(in)
			}
			break
		}
		if errors.Is(err, core.ErrConflict) {
			// Someone changed the same ticket meanwhile: work the update
			// out again from the record as it is now.
			log.Debug().Err(err).Msg("update conflicted; handling it again")
			continue
		}
		log.Warn().Err(err).Int("attempt", attempt).Msg("update failed; retrying")
		time.Sleep(time.Duration(attempt) * 200 * time.Millisecond)
	}
	d.send(ctx, in, replies)
	d.handled(in, time.Since(start))
	// queued is the wait before handling: recording, the chat's earlier
	// updates, a free worker (and on WhatsApp the way from the sender).
	log.Debug().Str("kind", string(in.Kind)).Dur("queued", start.Sub(in.Received)).Dur("took", time.Since(start)).Int("replies", len(replies)).Msg("update handled")
}

// send hands the replies to the chat's channel. A panic in an adapter is
// logged, not allowed to take the bot down.
func (d *Dispatcher) send(ctx context.Context, in core.Inbound, replies []core.Reply) {
	log := d.log.With().Str("update", in.Key).Logger()
	defer func() {
		if p := recover(); p != nil {
			log.Error().Str("panic", fmt.Sprint(p)).Bytes("stack", debug.Stack()).Msg("sending replies panicked")
		}
	}()
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
}
