package telegram

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// Send delivers one reply to a chat, as the immediate answer to a
// resident. A 429 from Telegram is waited out (its retry_after) and
// retried; other errors are returned, wrapping the library's sentinels
// (bot.ErrorForbidden when the resident blocked the bot).
func (t *Telegram) Send(ctx context.Context, chat core.ChatRef, r core.Reply) error {
	return t.send(ctx, chat, r, t.retry, false)
}

// Deliver sends one reply with a single attempt per API call, for the
// notifier, which paces and retries itself. Failures are classified as
// the notifier expects: *core.RateLimitError for a 429, core.ErrUnreachable
// when the user blocked the bot, core.ErrRejected for a request Telegram
// refuses; anything else is transient.
func (t *Telegram) Deliver(ctx context.Context, chat core.ChatRef, r core.Reply) error {
	return classify(t.send(ctx, chat, r, once, t.cfg.PaidBroadcast))
}

// caller makes one API call, possibly retrying it.
type caller func(ctx context.Context, method string, fn func() error) error

func once(_ context.Context, _ string, fn func() error) error { return fn() }

func (t *Telegram) send(ctx context.Context, chat core.ChatRef, r core.Reply, call caller, paid bool) error {
	id, err := strconv.ParseInt(chat.ID, 10, 64)
	if chat.Channel != core.Telegram || err != nil {
		return fmt.Errorf("telegram: send to %s: %w: not a Telegram chat", chat, core.ErrRejected)
	}
	if r.Text != "" {
		parts := split(r.Text, core.MaxTextLen)
		for i, part := range parts {
			p := &bot.SendMessageParams{ChatID: id, Text: part, AllowPaidBroadcast: paid}
			if i == len(parts)-1 && r.Pin == nil {
				p.ReplyMarkup = markup(r)
			}
			if err := call(ctx, "sendMessage", func() error { _, err := t.bot.SendMessage(ctx, p); return err }); err != nil {
				return fmt.Errorf("telegram: send message to %s: %w", chat, err)
			}
		}
	}
	if r.Pin != nil {
		p := &bot.SendVenueParams{
			ChatID: id, Latitude: r.Pin.Point.Lat, Longitude: r.Pin.Point.Lon,
			Title: r.Pin.Title, Address: r.Pin.Address, ReplyMarkup: markup(r), AllowPaidBroadcast: paid,
		}
		if err := call(ctx, "sendVenue", func() error { _, err := t.bot.SendVenue(ctx, p); return err }); err != nil {
			return fmt.Errorf("telegram: send venue to %s: %w", chat, err)
		}
	}
	return nil
}

// classify maps the library's errors onto core's delivery errors. The
// library's 429 error does not wrap, so errors.As is the only safe test.
func classify(err error) error {
	var tooMany *bot.TooManyRequestsError
	var migrate *bot.MigrateError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &tooMany):
		return &core.RateLimitError{RetryAfter: time.Duration(tooMany.RetryAfter) * time.Second, Err: err}
	case errors.Is(err, bot.ErrorForbidden):
		return fmt.Errorf("%w: %w", core.ErrUnreachable, err)
	case errors.Is(err, core.ErrRejected):
		return err
	case errors.Is(err, bot.ErrorBadRequest), errors.Is(err, bot.ErrorNotFound), errors.As(err, &migrate):
		return fmt.Errorf("%w: %w", core.ErrRejected, err)
	}
	return err
}

// markup renders a reply's buttons. Telegram takes one markup per message:
// inline buttons win over a location request, which wins over removing the
// keyboard. Flows never ask for two at once.
func markup(r core.Reply) models.ReplyMarkup {
	switch {
	case len(r.Buttons) > 0:
		rows := make([][]models.InlineKeyboardButton, 0, len(r.Buttons))
		for _, row := range r.Buttons {
			var out []models.InlineKeyboardButton
			for _, b := range row {
				out = append(out, models.InlineKeyboardButton{Text: b.Label, CallbackData: b.Data})
			}
			rows = append(rows, out)
		}
		return &models.InlineKeyboardMarkup{InlineKeyboard: rows}
	case r.RequestLocation != "":
		return &models.ReplyKeyboardMarkup{
			Keyboard:        [][]models.KeyboardButton{{{Text: r.RequestLocation, RequestLocation: true}}},
			ResizeKeyboard:  true,
			OneTimeKeyboard: true,
		}
	case r.RemoveKeyboard:
		return &models.ReplyKeyboardRemove{RemoveKeyboard: true}
	}
	return nil
}

// retry calls fn until it succeeds, fails with anything but a 429, or has
// been retried MaxRetries times. The library's 429 error does not wrap, so
// it is matched with errors.As, which also sees through our own wrapping.
func (t *Telegram) retry(ctx context.Context, method string, fn func() error) error {
	for attempt := 0; ; attempt++ {
		err := fn()
		var tooMany *bot.TooManyRequestsError
		if !errors.As(err, &tooMany) || attempt >= t.cfg.MaxRetries {
			return err
		}
		wait := time.Duration(max(tooMany.RetryAfter, 1)) * time.Second
		t.log.Warn().Str("method", method).Dur("retry_after", wait).Msg("rate limited by Telegram; waiting")
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting %s after 429: %w", wait, ctx.Err())
		case <-time.After(wait):
		}
	}
}

// split cuts text into pieces of at most n characters, at line breaks where
// possible, so an over-long text is sent whole rather than refused.
func split(text string, n int) []string {
	if utf8.RuneCountInString(text) <= n {
		return []string{text}
	}
	var parts []string
	runes := []rune(text)
	for len(runes) > n {
		cut := n
		for i := n; i > n/2; i-- {
			if runes[i-1] == '\n' {
				cut = i
				break
			}
		}
		parts = append(parts, string(runes[:cut]))
		runes = runes[cut:]
	}
	return append(parts, string(runes))
}
