package whatsapp

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/rs/zerolog"
)

// maxWebhookBody bounds a webhook request; Meta's are a few KB.
const maxWebhookBody = 1 << 20

// signatureHeader carries "sha256=" and the hex HMAC-SHA256 of the raw body
// keyed with the app secret.
const signatureHeader = "X-Hub-Signature-256"

// WebhookHandler receives Meta's webhook. A GET is the subscription check:
// it answers hub.challenge when hub.verify_token is the configured token,
// 403 otherwise. A POST must be signed with the app secret (401 if not),
// at most 1 MiB (413) and JSON (400). Because Meta redelivers anything but
// a 200 for days, the POST is answered 200 only once every message in it
// is stored, and 500 if one is not; messages stored before the failure
// come again and are dropped by key. Delivery statuses are advisory: a
// StatusHandler's error is logged and the answer is still 200.
//
// Nothing it logs or answers contains the app secret, the verify token
// (which travels in the query, so the URL is never logged) or a phone
// number above debug level.
func (w *WhatsApp) WebhookHandler() http.Handler {
	// Scanners hit public webhooks all day: a few lines a minute suffice.
	intruders := w.log.Sample(&zerolog.BurstSampler{Burst: 5, Period: time.Minute})
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet:
			w.verifyWebhook(rw, r, intruders)
		case http.MethodPost:
			w.receiveWebhook(rw, r, intruders)
		default:
			rw.Header().Set("Allow", "GET, POST")
			http.Error(rw, "method not allowed", http.StatusMethodNotAllowed)
		}
	})
}

// verifyWebhook answers Meta's subscription check.
func (w *WhatsApp) verifyWebhook(rw http.ResponseWriter, r *http.Request, intruders zerolog.Logger) {
	q := r.URL.Query()
	token, want := []byte(q.Get("hub.verify_token")), []byte(w.cfg.VerifyToken)
	if q.Get("hub.mode") != "subscribe" || len(want) == 0 || subtle.ConstantTimeCompare(token, want) != 1 {
		intruders.Warn().Str("remote", r.RemoteAddr).Msg("webhook verification with a wrong token or mode")
		http.Error(rw, "forbidden", http.StatusForbidden)
		return
	}
	// The challenge is echoed as is: plain text keeps a browser from
	// running it.
	rw.Header().Set("Content-Type", "text/plain; charset=utf-8")
	rw.Header().Set("X-Content-Type-Options", "nosniff")
	_, _ = io.WriteString(rw, q.Get("hub.challenge"))
	w.log.Info().Msg("webhook verified")
}

// receiveWebhook handles one POST of messages and statuses.
func (w *WhatsApp) receiveWebhook(rw http.ResponseWriter, r *http.Request, intruders zerolog.Logger) {
	body, code := readBody(rw, r)
	if code != http.StatusOK {
		http.Error(rw, http.StatusText(code), code)
		return
	}
	if !validSignature(r.Header.Get(signatureHeader), body, w.cfg.AppSecret) {
		intruders.Warn().Str("remote", r.RemoteAddr).Msg("webhook request with a missing or wrong signature")
		http.Error(rw, "unauthorized", http.StatusUnauthorized)
		return
	}
	d, err := w.readWebhook(body)
	if err != nil {
		w.log.Warn().Err(err).Msg("webhook body is not a WhatsApp payload")
		http.Error(rw, "body is not a WhatsApp webhook payload", http.StatusBadRequest)
		return
	}
	for _, note := range d.ignored {
		w.log.Debug().Str("reason", note).Msg("webhook content ignored")
	}
	for _, in := range d.messages {
		if err := w.cfg.Acceptor.Accept(r.Context(), in); err != nil && !errors.Is(err, core.ErrDuplicate) {
			err = fmt.Errorf("whatsapp: accept message %s: %w", in.Key, err)
			w.log.Error().Err(err).Msg("webhook message not recorded")
			http.Error(rw, "not recorded, retry later", http.StatusInternalServerError)
			return
		}
	}
	for _, s := range d.statuses {
		w.reportStatus(r.Context(), s)
	}
	rw.WriteHeader(http.StatusOK)
}

// readBody reads at most maxWebhookBody bytes. A body announced as larger
// is refused unread.
func readBody(rw http.ResponseWriter, r *http.Request) ([]byte, int) {
	if r.ContentLength > maxWebhookBody {
		return nil, http.StatusRequestEntityTooLarge
	}
	body, err := io.ReadAll(http.MaxBytesReader(rw, r.Body, maxWebhookBody))
	if _, tooLarge := errors.AsType[*http.MaxBytesError](err); tooLarge {
		return nil, http.StatusRequestEntityTooLarge
	}
	if err != nil {
		return nil, http.StatusBadRequest
	}
	return body, http.StatusOK
}

// validSignature checks header against the HMAC-SHA256 of body keyed with
// secret, in constant time.
func validSignature(header string, body []byte, secret string) bool {
	sig, ok := strings.CutPrefix(header, "sha256=")
	got, err := hex.DecodeString(sig)
	if !ok || err != nil || len(got) != sha256.Size || secret == "" {
		return false
	}
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return hmac.Equal(got, mac.Sum(nil))
}

// readWebhook decodes an authenticated body. A panic while decoding is logged and
// the body skipped, as the Telegram adapter does: it would fail the same
// way on every one of Meta's redeliveries.
func (w *WhatsApp) readWebhook(body []byte) (d decoded, err error) {
	defer func() {
		if p := recover(); p != nil {
			w.log.Error().Str("panic", fmt.Sprint(p)).Bytes("stack", debug.Stack()).Msg("webhook body could not be read; skipped")
			d, err = decoded{}, nil
		}
	}()
	return decode(body, w.cfg.PhoneNumberID, w.cfg.Now())
}

// reportStatus passes a delivery status on, or logs it when nobody listens.
func (w *WhatsApp) reportStatus(ctx context.Context, s Status) {
	if w.cfg.Statuses == nil {
		w.log.Debug().Str("wamid", core.Digest(s.MessageID)).Str("status", s.Status).Int("code", s.Code).Msg("delivery status")
		return
	}
	if err := w.cfg.Statuses.Status(ctx, s); err != nil {
		err = fmt.Errorf("whatsapp: handle status %s of %s: %w", s.Status, core.Digest(s.MessageID), err)
		w.log.Warn().Err(err).Msg("delivery status not handled")
	}
}
