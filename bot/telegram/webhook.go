package telegram

import (
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"time"

	"github.com/rs/zerolog"
)

// maxWebhookBody bounds a webhook request; real updates are a few KB.
const maxWebhookBody = 1 << 20

var secretPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

func checkWebhook(rawURL, secret string) error {
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return fmt.Errorf("%w: TELEGRAM_WEBHOOK_URL must be an https:// URL", ErrConfig)
	}
	if !secretPattern.MatchString(secret) {
		return fmt.Errorf("%w: TELEGRAM_WEBHOOK_SECRET must be 1–256 characters of A-Z, a-z, 0-9, _ and -", ErrConfig)
	}
	return nil
}

// WebhookPath is the path of the webhook URL, where WebhookHandler must be
// mounted.
func (t *Telegram) WebhookPath() string {
	u, err := url.Parse(t.cfg.WebhookURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// WebhookHandler receives updates posted by Telegram. Unlike the library's
// own handler it answers honestly, because Telegram retries on anything but
// 2xx: 401 for a wrong secret, 400 for a body that is not an update, 500 if
// the update could not be recorded (so it comes again), and 200 only once
// the update is stored durably.
func (t *Telegram) WebhookHandler() http.Handler {
	secret := []byte(t.cfg.WebhookSecret)
	// Scanners hit public webhooks all day: a few lines a minute suffice.
	intruders := t.log.Sample(&zerolog.BurstSampler{Burst: 5, Period: time.Minute})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		got := []byte(r.Header.Get("X-Telegram-Bot-Api-Secret-Token"))
		if subtle.ConstantTimeCompare(got, secret) != 1 {
			intruders.Warn().Str("remote", r.RemoteAddr).Msg("webhook request with a wrong secret token")
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, maxWebhookBody+1))
		if err != nil || len(body) > maxWebhookBody {
			http.Error(w, "unreadable or oversized body", http.StatusBadRequest)
			return
		}
		var u update
		if err := json.Unmarshal(body, &u); err != nil || u.ID == 0 {
			http.Error(w, "body is not a Telegram update", http.StatusBadRequest)
			return
		}
		if err := t.accept(r.Context(), &u); err != nil {
			t.log.Error().Err(err).Int64("update_id", u.ID).Msg("webhook update not recorded")
			http.Error(w, "not recorded, retry later", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}
