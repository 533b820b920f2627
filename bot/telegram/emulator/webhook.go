package emulator

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"slices"

	"github.com/go-telegram/bot/models"
)

// webhookState is what setWebhook stored.
type webhookState struct {
	url            string
	secret         string
	maxConnections int
	lastErrorDate  int
	lastErrorMsg   string
}

// secretToken is Telegram's rule for secret_token.
var secretToken = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

// setWebhook stores the webhook. Unlike Telegram it accepts http:// URLs,
// since test servers rarely have certificates. An empty url removes it.
func (s *Server) setWebhook(req *request) (any, *apiError) {
	p := req.params
	if p["url"] != "" {
		u, err := url.Parse(p["url"])
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return nil, badRequest("bad webhook: An HTTPS URL must be provided for webhook")
		}
	}
	if p.has("secret_token") && !secretToken.MatchString(p["secret_token"]) {
		return nil, badRequest("bad webhook: secret token contains unallowed characters")
	}
	maxConn := p.int("max_connections")
	if maxConn == 0 {
		maxConn = 40
	}
	if maxConn < 1 || maxConn > 100 {
		return nil, badRequest("bad webhook: max_connections must be between 1 and 100")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.has("allowed_updates") {
		if apiErr := s.updates.setAllowedLocked(p["allowed_updates"]); apiErr != nil {
			return nil, apiErr
		}
	}
	if p.bool("drop_pending_updates") {
		s.updates.pending = nil
	}
	s.webhook = webhookState{url: p["url"], secret: p["secret_token"], maxConnections: maxConn}
	s.notifyLocked() // blocked getUpdates calls now answer 409
	return true, nil
}

func (s *Server) deleteWebhook(req *request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if req.params.bool("drop_pending_updates") {
		s.updates.pending = nil
	}
	s.webhook = webhookState{}
	return true, nil
}

func (s *Server) getWebhookInfo(*request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	info := models.WebhookInfo{
		URL:                s.webhook.url,
		PendingUpdateCount: len(s.updates.pending),
		LastErrorDate:      s.webhook.lastErrorDate,
		LastErrorMessage:   s.webhook.lastErrorMsg,
	}
	if s.webhook.url != "" {
		info.MaxConnections = s.webhook.maxConnections
	}
	info.AllowedUpdates = slices.Sorted(maps.Keys(s.updates.allowed))
	return info, nil
}

// DeliverWebhook posts the pending updates, one at a time and in order, to
// the webhook the bot set, with its secret token, as Telegram does. An
// update answered with 2xx is confirmed; on any other answer it stays
// queued, getWebhookInfo reports the error, and DeliverWebhook returns the
// number delivered so far with an error wrapping ErrWebhookRejected. It
// returns ErrNoWebhook when no webhook is set.
func (s *Server) DeliverWebhook(ctx context.Context) (int, error) {
	delivered := 0
	for {
		s.mu.Lock()
		hook := s.webhook
		var next *queuedUpdate
		for len(s.updates.pending) > 0 && next == nil {
			if u := s.updates.pending[0]; s.updates.allowedLocked(u.kind) {
				next = u
			} else {
				s.updates.pending = s.updates.pending[1:]
			}
		}
		s.mu.Unlock()
		if hook.url == "" {
			return delivered, ErrNoWebhook
		}
		if next == nil {
			return delivered, nil
		}
		status, err := PostRaw(ctx, hook.url, hook.secret, next.raw)
		s.mu.Lock()
		if err == nil && status/100 == 2 {
			if i := indexOf(s.updates.pending, next); i >= 0 {
				s.updates.pending = append(s.updates.pending[:i:i], s.updates.pending[i+1:]...)
			}
			s.notifyLocked()
			s.mu.Unlock()
			delivered++
			continue
		}
		s.webhook.lastErrorDate = int(s.now().Unix())
		if err != nil {
			s.webhook.lastErrorMsg = "Connection refused"
		} else {
			s.webhook.lastErrorMsg = fmt.Sprintf("Wrong response from the webhook: %d %s", status, http.StatusText(status))
		}
		s.mu.Unlock()
		if err != nil {
			return delivered, fmt.Errorf("emulator: deliver update %d: %w", next.id, err)
		}
		return delivered, fmt.Errorf("emulator: deliver update %d: status %d: %w", next.id, status, ErrWebhookRejected)
	}
}

func indexOf(list []*queuedUpdate, u *queuedUpdate) int {
	for i, x := range list {
		if x == u {
			return i
		}
	}
	return -1
}

// PostUpdate posts u as JSON to a bot's webhook URL the way Telegram does,
// with the X-Telegram-Bot-Api-Secret-Token header when secret is not
// empty, and returns the HTTP status the bot answered.
func PostUpdate(ctx context.Context, hookURL, secret string, u models.Update) (int, error) {
	body, err := json.Marshal(&u)
	if err != nil {
		return 0, fmt.Errorf("emulator: encode update %d: %w", u.ID, err)
	}
	return PostRaw(ctx, hookURL, secret, body)
}

// PostRaw posts body as a webhook request, like PostUpdate, so a test can
// send malformed JSON.
func PostRaw(ctx context.Context, hookURL, secret string, body []byte) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hookURL, bytes.NewReader(body))
	if err != nil {
		return 0, fmt.Errorf("emulator: post webhook: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, fmt.Errorf("emulator: post webhook: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, nil
}
