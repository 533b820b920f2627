package telegram

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

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

// maxCaptionLen is Telegram's limit on a photo's caption, in UTF-16 code
// units.
const maxCaptionLen = 1024

// send renders r as up to three kinds of message, in this order: the photo
// (with the text as caption when it fits), the text, the venue. The markup
// goes on the last message sent, the only one a keyboard can follow.
func (t *Telegram) send(ctx context.Context, chat core.ChatRef, r core.Reply, call caller, paid bool) error {
	id, err := strconv.ParseInt(chat.ID, 10, 64)
	if chat.Channel != core.Telegram || err != nil {
		return fmt.Errorf("telegram: send to %s: %w: not a Telegram chat", chat, core.ErrRejected)
	}
	text := strings.TrimSpace(r.Text) != ""
	if r.Photo != "" {
		// A text too long for a caption follows the photo as messages,
		// so that it is never cut.
		p := &bot.SendPhotoParams{ChatID: id, Photo: &models.InputFileString{Data: r.Photo}, AllowPaidBroadcast: paid}
		if text && textLen(r.Text) <= maxCaptionLen {
			p.Caption, text = r.Text, false
		}
		if !text && r.Pin == nil {
			p.ReplyMarkup = markup(r)
		}
		if err := call(ctx, "sendPhoto", func() error { _, err := t.bot.SendPhoto(ctx, p); return err }); err != nil {
			return t.redact(fmt.Errorf("telegram: send photo to %s: %w", chat, err))
		}
	}
	if text {
		parts := split(r.Text, core.MaxTextLen)
		for i, part := range parts {
			p := &bot.SendMessageParams{ChatID: id, Text: part, AllowPaidBroadcast: paid}
			if i == len(parts)-1 && r.Pin == nil {
				p.ReplyMarkup = markup(r)
			}
			if err := call(ctx, "sendMessage", func() error { _, err := t.bot.SendMessage(ctx, p); return err }); err != nil {
				return t.redact(fmt.Errorf("telegram: send message to %s: %w", chat, err))
			}
		}
	}
	if r.Pin != nil {
		p := &bot.SendVenueParams{
			ChatID: id, Latitude: r.Pin.Point.Lat, Longitude: r.Pin.Point.Lon,
			Title: r.Pin.Title, Address: r.Pin.Address, ReplyMarkup: markup(r), AllowPaidBroadcast: paid,
		}
		if err := call(ctx, "sendVenue", func() error { _, err := t.bot.SendVenue(ctx, p); return err }); err != nil {
			return t.redact(fmt.Errorf("telegram: send venue to %s: %w", chat, err))
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

// split cuts text into pieces Telegram accepts: at most n UTF-16 code
// units each (Telegram counts an emoji as two), cut after a line break
// where possible, else after a space, and never a blank piece.
func split(text string, n int) []string {
	runes := []rune(text)
	var parts []string
	for len(runes) > 0 {
		end, units := 0, 0
		for end < len(runes) {
			w := max(utf16.RuneLen(runes[end]), 1)
			if units+w > n {
				break
			}
			units += w
			end++
		}
		cut := end
		if end < len(runes) {
			cut = breakPoint(runes[:end])
		}
		if part := string(runes[:cut]); strings.TrimSpace(part) != "" {
			parts = append(parts, part)
		}
		runes = runes[cut:]
	}
	return parts
}

// textLen is the length of s as Telegram counts it, in UTF-16 code units.
func textLen(s string) int {
	n := 0
	for _, r := range s {
		n += max(utf16.RuneLen(r), 1)
	}
	return n
}

// breakPoint returns where to cut runes: after the last line break in its
// second half, else after the last space there, else at its end.
func breakPoint(runes []rune) int {
	for _, sep := range []rune{'\n', ' '} {
		for i := len(runes); i > len(runes)/2; i-- {
			if runes[i-1] == sep {
				return i
			}
		}
	}
	return len(runes)
}
