// Package whatsapp is the WhatsApp Cloud API adapter: it takes residents'
// messages from Meta's webhook as core.Inbound values and sends
// channel-neutral core.Reply values as Graph API messages.
package whatsapp

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/rs/zerolog"
)

// DefaultAPIURL is Meta's Graph API, with the version the adapter speaks.
const DefaultAPIURL = "https://graph.facebook.com/v21.0"

// Acceptor takes updates for handling. flows.Dispatcher implements it.
type Acceptor interface {
	// Accept takes one message. When it returns nil the message is stored
	// durably (or was a duplicate) and will be handled even after a
	// crash, so the webhook may answer 200. It returns an error if the
	// message was not stored; Meta then delivers it again.
	Accept(ctx context.Context, in core.Inbound) error
}

// Status is a delivery status Meta reports for a message the bot sent.
type Status struct {
	// MessageID is the wamid of the message the status is about.
	MessageID string
	// Chat is the recipient.
	Chat core.ChatRef
	// Status is "sent", "delivered", "read" or "failed".
	Status string
	// Code and Title describe a failure, e.g. 131026 "Message
	// undeliverable".
	Code  int
	Title string
	// At is when Meta says the status changed.
	At time.Time
}

// StatusHandler learns what became of sent messages. A failed delivery
// feeds the notifier's error handling: an unreachable resident is marked
// so, a closed 24-hour window noted.
type StatusHandler interface {
	// Status acts on one status; an error is logged, and the webhook
	// still answers 200, since Meta would only send the status again.
	Status(ctx context.Context, s Status) error
}

// Config configures the adapter. Secrets come from the environment:
// WHATSAPP_TOKEN, WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_APP_SECRET,
// WHATSAPP_VERIFY_TOKEN, WHATSAPP_API_URL.
type Config struct {
	// Token is the Graph API access token. Required.
	Token string
	// PhoneNumberID is the business phone number's id. Required.
	PhoneNumberID string
	// AppSecret signs webhook requests (X-Hub-Signature-256). Required.
	AppSecret string
	// VerifyToken is what Meta must echo when the webhook is set up.
	// Required.
	VerifyToken string
	// APIURL is the Graph API base; empty means DefaultAPIURL. Set it for
	// a fake in tests.
	APIURL string
	// HTTPClient is used for all calls; nil means one with a 30 s timeout.
	HTTPClient *http.Client
	// WrapTransport, if set, wraps the default client's transport, e.g. to
	// count calls for metrics. It is not applied to a given HTTPClient.
	WrapTransport func(http.RoundTripper) http.RoundTripper
	// Templates name the approved message templates that carry messages
	// outside the 24-hour window, by kind (core.Reply.Template) and
	// language.
	Templates map[string]map[core.Lang]string
	// Window reports when a chat last wrote, for the 24-hour window; nil
	// means every chat is treated as inside it.
	Window Window
	// Acceptor stores inbound messages. Required.
	Acceptor Acceptor
	// Statuses learns of delivery statuses; nil means they are logged only.
	Statuses StatusHandler
	// Sent remembers the messages Deliver sent, by wamid, so that one Meta
	// later reports failed can be sent again; nil remembers nothing.
	Sent SentLog
	// Log receives the adapter's own lines; secrets never reach it.
	Log zerolog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// SentLog remembers sent messages by Meta's id for them. storage.DB
// implements it.
type SentLog interface {
	// RememberSent keeps the message, with the outbox item it delivered
	// (zero when not sent for one); an error is logged, never fatal to a
	// delivery that happened.
	RememberSent(ctx context.Context, wamid string, chat core.ChatRef, r core.Reply, item core.ItemRef) error
}

// Window reports when a chat last wrote to the bot: Meta lets a business
// write freely only within 24 hours of that.
type Window interface {
	// LastInbound returns the zero time for a chat that never wrote (or
	// not lately), and an error only when it cannot tell.
	LastInbound(ctx context.Context, chat core.ChatRef) (time.Time, error)
}

// WhatsApp is the running adapter. It implements the flows' and the
// notifier's senders.
type WhatsApp struct {
	cfg    Config
	client *http.Client
	log    zerolog.Logger
}

// New checks the configuration.
func New(cfg Config) (*WhatsApp, error) {
	var missing []string
	for name, v := range map[string]string{"WHATSAPP_TOKEN": cfg.Token, "WHATSAPP_PHONE_NUMBER_ID": cfg.PhoneNumberID,
		"WHATSAPP_APP_SECRET": cfg.AppSecret, "WHATSAPP_VERIFY_TOKEN": cfg.VerifyToken} {
		if v == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%w: %s not set", ErrConfig, strings.Join(missing, ", "))
	}
	if cfg.Acceptor == nil {
		return nil, fmt.Errorf("%w: no acceptor", ErrConfig)
	}
	if cfg.APIURL == "" {
		cfg.APIURL = DefaultAPIURL
	}
	cfg.APIURL = strings.TrimRight(cfg.APIURL, "/")
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	client := cfg.HTTPClient
	if client == nil {
		// One host, many senders at once: keep connections open, as the
		// default of two idle per host would dial for most messages. The
		// senders are the dispatcher's workers (flows.DefaultWorkers)
		// and the outbox's requests in flight (20 at 80 a second).
		transport := http.DefaultTransport.(*http.Transport).Clone()
		transport.MaxIdleConns, transport.MaxIdleConnsPerHost = 288, 288
		var rt http.RoundTripper = transport
		if cfg.WrapTransport != nil {
			rt = cfg.WrapTransport(rt)
		}
		client = &http.Client{Timeout: 30 * time.Second, Transport: rt}
	}
	return &WhatsApp{cfg: cfg, client: client, log: cfg.Log.With().Str("channel", "whatsapp").Logger()}, nil
}

// chat is the chat of a WhatsApp user id (their phone number, digits
// only).
func chat(waID string) core.ChatRef { return core.ChatRef{Channel: core.WhatsApp, ID: waID} }
