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

// Send delivers one reply to a chat. A 429 from Telegram is waited out (its
// retry_after) and retried; other errors are returned, wrapping the
// library's sentinels (bot.ErrorForbidden when the resident blocked the
// bot).
func (t *Telegram) Send(ctx context.Context, chat core.ChatRef, r core.Reply) error {
	id, err := strconv.ParseInt(chat.ID, 10, 64)
	if chat.Channel != core.Telegram || err != nil {
		return fmt.Errorf("telegram: send to %s: not a Telegram chat", chat)
	}
	if r.Text != "" {
		parts := split(r.Text, core.MaxTextLen)
		for i, part := range parts {
			p := &bot.SendMessageParams{ChatID: id, Text: part}
			if i == len(parts)-1 && r.Pin == nil {
				p.ReplyMarkup = markup(r)
			}
			if err := t.retry(ctx, "sendMessage", func() error { _, err := t.bot.SendMessage(ctx, p); return err }); err != nil {
				return fmt.Errorf("telegram: send message to %s: %w", chat, err)
			}
		}
	}
	if r.Pin != nil {
		p := &bot.SendVenueParams{
			ChatID: id, Latitude: r.Pin.Point.Lat, Longitude: r.Pin.Point.Lon,
			Title: r.Pin.Title, Address: r.Pin.Address, ReplyMarkup: markup(r),
		}
		if err := t.retry(ctx, "sendVenue", func() error { _, err := t.bot.SendVenue(ctx, p); return err }); err != nil {
			return fmt.Errorf("telegram: send venue to %s: %w", chat, err)
		}
	}
	return nil
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
