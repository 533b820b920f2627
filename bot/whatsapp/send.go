package whatsapp

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// window is how long after a person's last message a business may write
// to them freely; margin keeps clear of its edge, since Meta's clock and
// ours differ and a message may wait in the outbox.
const (
	window = 24 * time.Hour
	margin = 10 * time.Minute
)

// maxRetries is how often Send retries after Meta asks it to slow down.
const maxRetries = 3

// Send delivers one reply to a chat as the immediate answer to its
// message, which opened the 24-hour window. A throughput limit is waited
// out, and a transient failure (no answer, a 5xx) retried after a short
// pause; either way only the calls not yet made are made again. A call
// whose answer was lost after Meta sent the message is sent twice: the
// Cloud API has no idempotency key, and a reply twice beats a reply lost.
func (w *WhatsApp) Send(ctx context.Context, chat core.ChatRef, r core.Reply) error {
	done := 0
	for attempt := 0; ; attempt++ {
		n, err := w.send(ctx, chat, r, done, false)
		done = n
		if err = classify(err); err == nil || attempt == maxRetries || ctx.Err() != nil {
			return err
		}
		var rl *core.RateLimitError
		var wait time.Duration
		switch {
		case errors.As(err, &rl):
			wait = rl.RetryAfter << attempt
		case transient(err):
			wait = transientWait << attempt
		default:
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
}

// transientWait is the first pause before retrying a call that failed for
// no reason of its own; it doubles with each attempt.
const transientWait = 250 * time.Millisecond

// transient reports whether a classified send error is a failure of the
// network or of Meta's servers rather than a refusal: worth another try.
func transient(err error) bool {
	for _, refusal := range []error{core.ErrUnreachable, core.ErrRejected, core.ErrNeedsTemplate, core.ErrSentAsTemplate,
		context.Canceled, context.DeadlineExceeded} {
		if errors.Is(err, refusal) {
			return false
		}
	}
	return true
}

// Deliver sends a reply for the notifier, which paces and retries itself:
// one attempt per call, starting after the first done calls. Outside the
// 24-hour window a message the bot sends on its own goes as the approved
// template configured for its kind, or waits (core.ErrNeedsTemplate).
// Failures are classified as the notifier expects.
func (w *WhatsApp) Deliver(ctx context.Context, chat core.ChatRef, r core.Reply, done int) (int, error) {
	open, err := w.inWindow(ctx, chat)
	if err != nil {
		return done, err
	}
	if !open {
		return w.deliverTemplate(ctx, chat, r, done)
	}
	n, err := w.send(ctx, chat, r, done, true)
	var api *APIError
	if errors.As(err, &api) && api.Code == codeReengagement {
		// Meta's clock says the window closed after all.
		return w.deliverTemplate(ctx, chat, r, n)
	}
	return n, classify(err)
}

// inWindow reports whether chat wrote within the last 24 hours.
func (w *WhatsApp) inWindow(ctx context.Context, chat core.ChatRef) (bool, error) {
	if w.cfg.Window == nil {
		return true, nil
	}
	last, err := w.cfg.Window.LastInbound(ctx, chat)
	if err != nil {
		return false, fmt.Errorf("whatsapp: messaging window: %w", err)
	}
	return w.cfg.Now().Sub(last) < window-margin, nil
}

// maxTemplateText is the most of a message's text put in a template's
// parameter: Meta counts the template's own words too, up to 1,024.
const maxTemplateText = 900

// deliverTemplate sends r's text in the approved template for its kind
// and language. A reply of text alone that fits is delivered so. Anything
// more (buttons, a place, a picture, a longer text) gets the template as
// a notice, and the reply itself waits for the window that the person's
// answer opens: core.ErrSentAsTemplate.
func (w *WhatsApp) deliverTemplate(ctx context.Context, chat core.ChatRef, r core.Reply, done int) (int, error) {
	name, code := template(w.cfg.Templates[r.Template][lang(r)], lang(r))
	if name == "" {
		return done, fmt.Errorf("whatsapp: %s message: %w", or(r.Template, "reply"), core.ErrNeedsTemplate)
	}
	// Meta refuses a parameter with line breaks, tabs or runs of spaces.
	text := strings.Join(strings.Fields(r.Text), " ")
	if text == "" && r.Pin != nil {
		text = r.Pin.Title + ", " + r.Pin.Address
	}
	if strings.TrimSpace(text) == "" {
		// A picture alone (a ticket's photo): a template has nothing to
		// say for it, and Meta refuses an empty parameter. It waits for
		// the window; the card's own text goes as a template.
		return done, fmt.Errorf("whatsapp: a message without text: %w", core.ErrNeedsTemplate)
	}
	whole := done == 0 && fits(text, maxTemplateText) && len(r.Buttons) == 0 && r.Pin == nil &&
		r.Photo == "" && r.Image == nil && r.RequestLocation == ""
	msg := outMessage(chat.ID, "template", map[string]any{
		"name":     name,
		"language": map[string]any{"code": code},
		"components": []map[string]any{{
			"type":       "body",
			"parameters": []map[string]any{{"type": "text", "text": clip(text, maxTemplateText)}},
		}},
	})
	if _, err := w.sendMessage(ctx, msg); err != nil {
		return done, classify(fmt.Errorf("whatsapp: template %s: %w", name, err))
	}
	if !whole {
		return done, fmt.Errorf("whatsapp: template %s: %w", name, core.ErrSentAsTemplate)
	}
	return len(render(chat.ID, r)), nil
}

// template splits a configured template, "name" or "name@language code"
// (Meta's code, such as en_US, where it differs from ours).
func template(configured string, l core.Lang) (name, code string) {
	name, code, found := strings.Cut(configured, "@")
	if !found {
		code = string(l)
	}
	return name, code
}

// send makes the calls of r from the skip-th on and returns how many are
// done. Errors leave the number out: they are logged and stored.
func (w *WhatsApp) send(ctx context.Context, chat core.ChatRef, r core.Reply, skip int, remember bool) (int, error) {
	if chat.Channel != core.WhatsApp || chat.ID == "" {
		return skip, fmt.Errorf("whatsapp: send to a %s chat: %w", chat.Channel, core.ErrRejected)
	}
	calls := render(chat.ID, r)
	for i := skip; i < len(calls); i++ {
		c := calls[i]
		if c.image != nil {
			id, err := w.upload(ctx, c.image)
			if err != nil {
				return i, fmt.Errorf("whatsapp: upload: %w", err)
			}
			c.msg["image"].(map[string]any)["id"] = id
		}
		wamid, err := w.sendMessage(ctx, c.msg)
		if err != nil {
			return i, fmt.Errorf("whatsapp: send %s: %w", c.msg["type"], err)
		}
		if remember && wamid != "" && w.cfg.Sent != nil {
			item, _ := core.ItemFrom(ctx)
			if err := w.cfg.Sent.RememberSent(ctx, wamid, chat, r, item); err != nil {
				w.log.Warn().Err(err).Msg("remember a sent message")
			}
		}
	}
	return max(skip, len(calls)), nil
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
