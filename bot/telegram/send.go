package telegram

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// Send delivers one reply to a chat, as the immediate answer to a
// resident. A 429 from Telegram is waited out (its retry_after) and
// retried; other errors are returned, wrapping the library's sentinels
// (bot.ErrorForbidden when the resident blocked the bot).
func (t *Telegram) Send(ctx context.Context, chat core.ChatRef, r core.Reply) error {
	_, err := t.send(ctx, chat, r, t.retry, false, 0)
	return err
}

// Deliver sends a reply for the notifier, which paces and retries itself:
// one attempt per API call, starting after the first done calls (a retry
// must not send the photo of a photo-and-text reply again). It returns how
// many calls of the reply are now done. Failures are classified as the
// notifier expects: *core.RateLimitError for a 429, core.ErrUnreachable when
// the user blocked the bot or the chat is gone, core.ErrRejected for a
// request Telegram refuses; anything else is transient.
func (t *Telegram) Deliver(ctx context.Context, chat core.ChatRef, r core.Reply, done int) (int, error) {
	n, err := t.send(ctx, chat, r, once, t.cfg.PaidBroadcast, done)
	return n, classify(err)
}

// caller makes one API call, possibly retrying it.
type caller func(ctx context.Context, method string, fn func() error) error

func once(_ context.Context, _ string, fn func() error) error { return fn() }

// maxCaptionLen is Telegram's limit on a photo's caption, in UTF-16 code
// units.
const maxCaptionLen = 1024

// apiCall is one Bot API call of a reply.
type apiCall struct {
	method string
	do     func(ctx context.Context) error
}

// send makes the calls of r from the skip-th on and returns how many are
// done.
func (t *Telegram) send(ctx context.Context, chat core.ChatRef, r core.Reply, call caller, paid bool, skip int) (int, error) {
	calls, err := t.calls(chat, r, paid)
	if err != nil {
		return skip, err
	}
	for i := skip; i < len(calls); i++ {
		c := calls[i]
		if err := call(ctx, c.method, func() error { return c.do(ctx) }); err != nil {
			return i, t.redact(fmt.Errorf("telegram: %s to %s: %w", c.method, chat, err))
		}
	}
	return max(skip, len(calls)), nil
}

// calls renders r as Bot API calls: the picture, the text (as a caption
// when it fits, else as messages after the picture), the venue. The reply's
// buttons go on the last call. The calls depend on r alone, so a retry of
// the same reply skips exactly the calls already done.
//
// The picture is r.Image, uploaded, or else the photo r.Photo names. A
// reply with both is a flow's mistake, since both would take Text as their
// caption: the Image takes precedence, the Photo is not sent, and a warning
// is logged.
func (t *Telegram) calls(chat core.ChatRef, r core.Reply, paid bool) ([]apiCall, error) {
	id, err := strconv.ParseInt(chat.ID, 10, 64)
	if chat.Channel != core.Telegram || err != nil {
		return nil, fmt.Errorf("telegram: send to %s: %w: not a Telegram chat", chat, core.ErrRejected)
	}
	var calls []apiCall
	text := strings.TrimSpace(r.Text) != ""
	if strings.HasPrefix(r.Photo, foreignPhoto) && len(r.Image) == 0 {
		// A photo sent through WhatsApp: its media id means nothing here.
		// A note takes the photo's place, with the text it would have
		// had as its caption, so the calls are the same as with the
		// photo and a retry's count of calls done still holds.
		note := locale.T(replyLang(r), locale.PhotoElsewhere)
		if text && textLen(r.Text) <= maxCaptionLen {
			note, text = note+"\n\n"+r.Text, false
		}
		p := &bot.SendMessageParams{ChatID: id, Text: note, AllowPaidBroadcast: paid}
		if !text && r.Pin == nil {
			p.ReplyMarkup = markup(r)
		}
		calls = append(calls, apiCall{"sendMessage", func(ctx context.Context) error { return t.post(ctx, "sendMessage", p) }})
		r.Photo = ""
	}
	if len(r.Image) > 0 || r.Photo != "" {
		if len(r.Image) > 0 && r.Photo != "" {
			t.log.Warn().Msg("reply has both an image and a photo; sending the image only")
		}
		p := &bot.SendPhotoParams{ChatID: id, AllowPaidBroadcast: paid}
		if text && textLen(r.Text) <= maxCaptionLen {
			p.Caption, text = r.Text, false
		}
		if !text && r.Pin == nil {
			p.ReplyMarkup = markup(r)
		}
		calls = append(calls, apiCall{"sendPhoto", func(ctx context.Context) error {
			q := *p // each attempt needs its own reader over the image
			q.Photo = picture(r)
			_, err := t.bot.SendPhoto(ctx, &q)
			return err
		}})
	}
	if text {
		parts := split(r.Text, core.MaxTextLen)
		for i, part := range parts {
			p := &bot.SendMessageParams{ChatID: id, Text: part, AllowPaidBroadcast: paid}
			if i == len(parts)-1 && r.Pin == nil {
				p.ReplyMarkup = markup(r)
			}
			calls = append(calls, apiCall{"sendMessage", func(ctx context.Context) error { return t.post(ctx, "sendMessage", p) }})
		}
	}
	if r.Pin != nil {
		p := &bot.SendVenueParams{
			ChatID: id, Latitude: r.Pin.Point.Lat, Longitude: r.Pin.Point.Lon,
			Title: r.Pin.Title, Address: r.Pin.Address, ReplyMarkup: markup(r), AllowPaidBroadcast: paid,
		}
		calls = append(calls, apiCall{"sendVenue", func(ctx context.Context) error { return t.post(ctx, "sendVenue", p) }})
	}
	return calls, nil
}

// foreignPhoto prefixes the photo reference of another messenger
// (WhatsApp's media ids, "wa:…"), which Telegram cannot send.
const foreignPhoto = core.WhatsAppMedia

func replyLang(r core.Reply) core.Lang {
	if r.Lang != "" {
		return r.Lang
	}
	return core.DefaultLang
}

// imageFilename names an uploaded Image; Telegram reads the format from
// the content, and core.Reply.Image is a PNG.
const imageFilename = "chart.png"

// picture is the photo of r for one sendPhoto attempt: a fresh upload of
// r.Image, since an attempt consumes its reader, or else r.Photo's file_id.
func picture(r core.Reply) models.InputFile {
	if len(r.Image) > 0 {
		return &models.InputFileUpload{Filename: imageFilename, Data: bytes.NewReader(r.Image)}
	}
	return &models.InputFileString{Data: r.Photo}
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
	case errors.Is(err, bot.ErrorForbidden), errors.Is(err, bot.ErrorBadRequest) && strings.Contains(err.Error(), "chat not found"):
		// Blocked, deactivated, or a chat that no longer exists.
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

// retry calls fn until it succeeds, fails with a refusal (anything but a
// 429 or a transient failure), or has been retried MaxRetries times. A 429
// waits its retry_after; a transient failure a short, doubling pause. The
// library's 429 error does not wrap, so it is matched with errors.As, which
// also sees through our own wrapping.
func (t *Telegram) retry(ctx context.Context, method string, fn func() error) error {
	for attempt := 0; ; attempt++ {
		err := fn()
		if err == nil || attempt >= t.cfg.MaxRetries || ctx.Err() != nil {
			return err
		}
		var tooMany *bot.TooManyRequestsError
		var wait time.Duration
		switch {
		case errors.As(err, &tooMany):
			wait = time.Duration(max(tooMany.RetryAfter, 1)) * time.Second
			t.log.Warn().Str("method", method).Dur("retry_after", wait).Msg("rate limited by Telegram; waiting")
		case transient(err):
			wait = transientWait << attempt
			t.log.Warn().Err(err).Str("method", method).Dur("retry_in", wait).Msg("Bot API call failed; retrying")
		default:
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting %s to retry %s: %w", wait, method, ctx.Err())
		case <-time.After(wait):
		}
	}
}

// transientWait is the first pause before retrying a call that failed for
// no reason of its own; it doubles with each attempt.
const transientWait = 250 * time.Millisecond

// transient reports whether err is a failure of the network or of
// Telegram's servers (no answer, a 5xx, a proxy's HTML error page) rather
// than Telegram refusing the call: worth another try. A call whose answer
// was lost after Telegram carried it out is sent twice by the retry; the
// Bot API has no idempotency key to prevent that, and a reply sent twice
// is better than a reply lost.
func transient(err error) bool {
	var tooMany *bot.TooManyRequestsError
	var migrate *bot.MigrateError
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded),
		errors.As(err, &tooMany), errors.As(err, &migrate),
		errors.Is(err, bot.ErrorForbidden), errors.Is(err, bot.ErrorBadRequest), errors.Is(err, bot.ErrorUnauthorized),
		errors.Is(err, bot.ErrorNotFound), errors.Is(err, bot.ErrorConflict), errors.Is(err, core.ErrRejected):
		return false
	}
	// The library reports other API errors as "error response from
	// telegram for method M, CODE description": only 5xx codes are
	// Telegram's own trouble.
	msg := err.Error()
	if i := strings.Index(msg, "error response from telegram"); i >= 0 {
		fields := strings.Fields(msg[i:])
		for _, f := range fields {
			if code, err := strconv.Atoi(f); err == nil {
				return code >= 500
			}
		}
		return false
	}
	return true
}
