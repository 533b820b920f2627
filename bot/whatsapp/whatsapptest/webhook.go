package whatsapptest

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Defaults of the optional Webhook fields.
const (
	DefaultDisplayPhoneNumber = "77000000000"
	DefaultBusinessAccountID  = "102290129340398"
)

// Webhook plays Meta calling the bot's webhook: each method builds a
// payload shaped like Meta's, signs it with AppSecret and posts it to URL.
// The message methods return the new message's wamid, and an error that is
// a *StatusError when the bot answered other than 2xx. A Webhook is safe
// for concurrent use and must not be copied after first use.
type Webhook struct {
	// URL is the bot's webhook endpoint.
	URL string
	// AppSecret signs the payloads (X-Hub-Signature-256).
	AppSecret string
	// PhoneNumberID is the business number's id, in value.metadata.
	PhoneNumberID string
	// DisplayPhoneNumber is the business number as residents see it; ""
	// means DefaultDisplayPhoneNumber.
	DisplayPhoneNumber string
	// BusinessAccountID is the entry id; "" means DefaultBusinessAccountID.
	BusinessAccountID string
	// Client posts the payloads; nil means http.DefaultClient.
	Client *http.Client
	// Now dates the payloads; nil means time.Now.
	Now func() time.Time

	mu     sync.Mutex
	posted map[string][]byte // wamid → payload, for Replay
}

// inboundCounter keeps wamids unique across Webhooks.
var inboundCounter atomic.Int64

// Sign returns the X-Hub-Signature-256 value for body: "sha256=" and the
// hex HMAC-SHA256 of the body with AppSecret.
func (h *Webhook) Sign(body []byte) string {
	mac := hmac.New(sha256.New, []byte(h.AppSecret))
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// Post posts body as a webhook request with the signature header set to
// signature ("" sends none), for tests of bad input: a wrong signature,
// malformed JSON, an oversized body. The caller closes the response body.
func (h *Webhook) Post(ctx context.Context, body []byte, signature string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.URL, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("whatsapptest: post webhook: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "facebookexternalua")
	if signature != "" {
		req.Header.Set("X-Hub-Signature-256", signature)
	}
	resp, err := h.client().Do(req)
	if err != nil {
		return nil, fmt.Errorf("whatsapptest: post webhook: %w", err)
	}
	return resp, nil
}

// Verify performs Meta's subscription handshake, a GET with hub.mode,
// hub.verify_token and hub.challenge, and returns the bot's status and
// answer, which should be 200 and the challenge.
func (h *Webhook) Verify(ctx context.Context, verifyToken, challenge string) (int, string, error) {
	q := url.Values{"hub.mode": {"subscribe"}, "hub.verify_token": {verifyToken}, "hub.challenge": {challenge}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, h.URL+"?"+q.Encode(), nil)
	if err != nil {
		return 0, "", fmt.Errorf("whatsapptest: verify webhook: %w", err)
	}
	resp, err := h.client().Do(req)
	if err != nil {
		return 0, "", fmt.Errorf("whatsapptest: verify webhook: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	if err != nil {
		return resp.StatusCode, "", fmt.Errorf("whatsapptest: verify webhook: %w", err)
	}
	return resp.StatusCode, string(body), nil
}

// Replay posts the payload of an earlier message again, byte for byte and
// with the same signature, as Meta does when it retries. It returns an
// error wrapping ErrUnknownMessage for a wamid this Webhook never posted.
func (h *Webhook) Replay(ctx context.Context, wamid string) error {
	h.mu.Lock()
	body, ok := h.posted[wamid]
	h.mu.Unlock()
	if !ok {
		return fmt.Errorf("whatsapptest: replay %s: %w", wamid, ErrUnknownMessage)
	}
	return h.deliver(ctx, body)
}

// Payload returns the bytes posted for a message, as the bot received them.
func (h *Webhook) Payload(wamid string) ([]byte, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	body, ok := h.posted[wamid]
	return body, ok
}

func (h *Webhook) client() *http.Client {
	if h.Client != nil {
		return h.Client
	}
	return http.DefaultClient
}

func (h *Webhook) now() time.Time {
	if h.Now != nil {
		return h.Now()
	}
	return time.Now()
}

func (h *Webhook) timestamp() string { return strconv.FormatInt(h.now().Unix(), 10) }

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// envelope wraps one change value in Meta's payload.
func (h *Webhook) envelope(v value) payload {
	v.MessagingProduct = "whatsapp"
	v.Metadata = metadata{DisplayPhoneNumber: orDefault(h.DisplayPhoneNumber, DefaultDisplayPhoneNumber), PhoneNumberID: h.PhoneNumberID}
	return payload{Object: "whatsapp_business_account", Entry: []entry{{
		ID:      orDefault(h.BusinessAccountID, DefaultBusinessAccountID),
		Changes: []change{{Value: v, Field: "messages"}},
	}}}
}

// send completes a resident's message, posts it and keeps it for Replay.
func (h *Webhook) send(ctx context.Context, from, name string, m inMessage) (string, error) {
	raw := fmt.Sprintf("%s\x15\x02\x00\x12\x18\x143EB0%012X", from, inboundCounter.Add(1))
	m.ID = "wamid.HBgL" + base64.StdEncoding.EncodeToString([]byte(raw))
	m.From, m.Timestamp = from, h.timestamp()
	c := contact{WaID: from}
	c.Profile.Name = name
	body, err := json.Marshal(h.envelope(value{Contacts: []contact{c}, Messages: []inMessage{m}}))
	if err != nil {
		return "", fmt.Errorf("whatsapptest: encode %s message: %w", m.Type, err)
	}
	h.mu.Lock()
	if h.posted == nil {
		h.posted = map[string][]byte{}
	}
	h.posted[m.ID] = body
	h.mu.Unlock()
	return m.ID, h.deliver(ctx, body)
}

// deliver posts a signed payload and checks the bot took it.
func (h *Webhook) deliver(ctx context.Context, body []byte) error {
	resp, err := h.Post(ctx, body, h.Sign(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode/100 != 2 {
		return &StatusError{StatusCode: resp.StatusCode, Body: string(answer)}
	}
	return nil
}
