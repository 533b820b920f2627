package whatsapp

import (
	"context"
	"errors"
	"fmt"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/rs/zerolog"
)

// Unreachables marks recipients the messenger cannot reach: their alerts
// stop and their queued bulk messages are withdrawn. storage.DB
// implements it.
type Unreachables interface {
	// MarkUnreachable returns how many queued items it withdrew.
	MarkUnreachable(ctx context.Context, chat core.ChatRef, reason string) (int, error)
}

// Resender queues again a message that failed after it was sent.
// storage.DB implements it.
type Resender interface {
	// SentMessage returns a message Deliver remembered, or
	// core.ErrNotFound.
	SentMessage(ctx context.Context, wamid string) (core.ChatRef, core.Reply, error)
	// CloseWindow forgets when the chat last wrote.
	CloseWindow(ctx context.Context, chat core.ChatRef) error
	EnqueueOutbox(ctx context.Context, items []core.OutboxItem) (int, error)
}

// StatusPolicy is the StatusHandler the bot runs with. Meta accepts a
// message and reports only later, in a status, that it failed: a
// recipient who cannot receive it is marked unreachable, as a refusal at
// sending would; a message refused for the 24-hour window is logged, since
// the window check before sending should have caught it; anything else is
// logged for an operator.
type StatusPolicy struct {
	Store Unreachables
	// Resend sends again a message Meta refused after taking it; nil
	// only logs such refusals.
	Resend Resender
	// Wake tells the outbox that a message was queued again.
	Wake func()
	// City tells staff from residents: a staff member is never marked
	// unreachable, which would withdraw their queued ticket cards; it is
	// an alarm instead. It holds the directory in force, which a reload
	// replaces. Nil treats everyone as a resident.
	City *core.CityHolder
	Log  zerolog.Logger
}

// staff returns the staff member writing from chat, or nil.
func (p StatusPolicy) staff(chat core.ChatRef) *core.Staff {
	if p.City == nil {
		return nil
	}
	return p.City.Load().StaffByChat(chat, chat.ID)
}

// Status acts on one delivery status.
func (p StatusPolicy) Status(ctx context.Context, s Status) error {
	if s.Status != "failed" {
		return nil
	}
	// The wamid encodes the recipient's number: logged as its digest,
	// which is also how storage keys it.
	id := core.Digest(s.MessageID)
	log := p.Log.With().Str("wamid", id).Int("code", s.Code).Str("title", s.Title).Logger()
	switch s.Code {
	case codeUndeliverable, codeNotAllowed:
		if staff := p.staff(s.Chat); staff != nil {
			log.Error().Str("staff", staff.ID).Msg("WhatsApp cannot deliver to a staff member: check their number and app")
			return nil
		}
		n, err := p.Store.MarkUnreachable(ctx, s.Chat, fmt.Sprintf("whatsapp %d: %s", s.Code, s.Title))
		if err != nil {
			return fmt.Errorf("whatsapp: mark a recipient unreachable: %w", err)
		}
		log.Info().Int("withdrawn", n).Msg("WhatsApp could not deliver; recipient marked unreachable")
	case codeReengagement:
		return p.resend(ctx, s, log)
	default:
		log.Warn().Msg("WhatsApp reports a failed delivery")
	}
	return nil
}

// resend queues again a message Meta refused, after taking it, as outside
// the 24-hour window: the window is marked closed, so the message goes as
// its template, or waits for the person to write.
func (p StatusPolicy) resend(ctx context.Context, s Status, log zerolog.Logger) error {
	id := core.Digest(s.MessageID)
	if p.Resend == nil {
		log.Warn().Msg("WhatsApp refused a message outside the 24-hour window")
		return nil
	}
	chat, r, err := p.Resend.SentMessage(ctx, s.MessageID)
	if errors.Is(err, core.ErrNotFound) {
		log.Warn().Msg("WhatsApp refused a message outside the 24-hour window; it is not remembered, so it is lost")
		return nil
	}
	if err != nil {
		return fmt.Errorf("whatsapp: resend %s: %w", id, err)
	}
	if err := p.Resend.CloseWindow(ctx, chat); err != nil {
		return fmt.Errorf("whatsapp: resend %s: %w", id, err)
	}
	item := core.OutboxItem{Key: "resend:" + id, Chat: chat, Reply: r, Priority: core.PriorityNormal,
		ToStaff: p.staff(chat) != nil}
	if _, err := p.Resend.EnqueueOutbox(ctx, []core.OutboxItem{item}); err != nil {
		return fmt.Errorf("whatsapp: resend %s: %w", id, err)
	}
	if p.Wake != nil {
		p.Wake()
	}
	log.Info().Msg("WhatsApp refused a message outside the 24-hour window; queued again for a template or the window")
	return nil
}
