package whatsapp

import (
	"context"
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

// StatusPolicy is the StatusHandler the bot runs with. Meta accepts a
// message and reports only later, in a status, that it failed: a
// recipient who cannot receive it is marked unreachable, as a refusal at
// sending would; a message refused for the 24-hour window is logged, since
// the window check before sending should have caught it; anything else is
// logged for an operator.
type StatusPolicy struct {
	Store Unreachables
	// City tells staff from residents: a staff member is never marked
	// unreachable, which would withdraw their queued ticket cards; it is
	// an alarm instead. Nil treats everyone as a resident.
	City *core.City
	Log  zerolog.Logger
}

// Status acts on one delivery status.
func (p StatusPolicy) Status(ctx context.Context, s Status) error {
	if s.Status != "failed" {
		return nil
	}
	log := p.Log.With().Str("wamid", s.MessageID).Int("code", s.Code).Str("title", s.Title).Logger()
	switch s.Code {
	case codeUndeliverable, codeNotAllowed:
		if p.City != nil && p.City.StaffByChat(s.Chat, s.Chat.ID) != nil {
			log.Error().Str("staff", p.City.StaffByChat(s.Chat, s.Chat.ID).ID).Msg("WhatsApp cannot deliver to a staff member: check their number and app")
			return nil
		}
		n, err := p.Store.MarkUnreachable(ctx, s.Chat, fmt.Sprintf("whatsapp %d: %s", s.Code, s.Title))
		if err != nil {
			return fmt.Errorf("whatsapp: mark a recipient unreachable: %w", err)
		}
		log.Info().Int("withdrawn", n).Msg("WhatsApp could not deliver; recipient marked unreachable")
		log.Debug().Str("chat", s.Chat.String()).Msg("recipient marked unreachable")
	case codeReengagement:
		log.Warn().Msg("WhatsApp refused a message outside the 24-hour window")
	default:
		log.Warn().Msg("WhatsApp reports a failed delivery")
	}
	return nil
}
