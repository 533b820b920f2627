package telegram

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"runtime/debug"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/go-telegram/bot"
	"github.com/rs/zerolog"
)

// Acceptor takes updates for handling. flows.Dispatcher implements it.
type Acceptor interface {
	// Accept takes one update, as a webhook request brings it. When it
	// returns nil the update is stored durably (or was a duplicate) and
	// will be handled even after a crash, so the adapter may acknowledge
	// it to Telegram. It returns an error if the update was not stored.
	Accept(ctx context.Context, in core.Inbound) error
	// AcceptBatch takes the updates of one getUpdates answer, in order, and
	// stores them together. When it returns nil all are stored durably, so
	// the adapter may confirm the batch; on an error the whole batch must
	// be offered again (updates already stored are then duplicates).
	AcceptBatch(ctx context.Context, ins []core.Inbound) error
}

// maxConns is how many idle connections to the Bot API are kept open:
// enough for the dispatcher's workers (flows.DefaultWorkers) and the
// outbox's requests in flight (250 at paid broadcast's 1,000 a second), so
// that a busy bot does not dial and close connections all the time.
const maxConns = 512

// DefaultAPIURL is Telegram's own Bot API server.
const DefaultAPIURL = "https://api.telegram.org"

// Config configures the adapter.
type Config struct {
	// Token is the bot token from @BotFather. Required.
	Token string
	// APIURL is the Bot API server; empty means DefaultAPIURL. Set it for a
	// self-hosted Bot API server, or a fake one in tests.
	APIURL string
	// WebhookURL switches to webhook mode: Telegram posts updates to this
	// public HTTPS URL. Empty means long polling.
	WebhookURL string
	// WebhookSecret is checked on every webhook request. Required with
	// WebhookURL: 1–256 characters of A-Z, a-z, 0-9, _ and -.
	WebhookSecret string
	// PollTimeout is the long-polling wait; zero means 50 seconds.
	PollTimeout time.Duration
	// HTTPClient is used for all calls; nil means a client with a timeout
	// a little longer than PollTimeout.
	HTTPClient *http.Client
	// WrapTransport, if set, wraps the default client's transport, e.g. to
	// count calls for metrics. It is not applied to a given HTTPClient.
	WrapTransport func(http.RoundTripper) http.RoundTripper
	// MaxRetries is how often a send is retried after a 429; zero means 3.
	MaxRetries int
	// PaidBroadcast sets allow_paid_broadcast on the notifier's messages,
	// which lets Telegram deliver up to 1,000 per second for a fee.
	PaidBroadcast bool
	Acceptor      Acceptor
	Log           zerolog.Logger
}

// Telegram is the running adapter. It implements the flows' Sender.
type Telegram struct {
	cfg Config
	bot *bot.Bot
	log zerolog.Logger
	// username is the bot's @username, used to recognise "/cmd@username".
	username string
	// botID is the bot's user id; update ids are only unique per bot.
	botID int64
	// runCtx is the context New was given; it bounds background calls such
	// as answering button presses.
	runCtx context.Context
}

// New checks the configuration, connects to the Bot API and checks the token
// with getMe.
func New(ctx context.Context, cfg Config) (*Telegram, error) {
	if cfg.Token == "" {
		return nil, fmt.Errorf("%w: empty token", ErrConfig)
	}
	if cfg.APIURL == "" {
		cfg.APIURL = DefaultAPIURL
	}
	if _, err := url.ParseRequestURI(cfg.APIURL); err != nil {
		return nil, fmt.Errorf("%w: TELEGRAM_API_URL %q: %w", ErrConfig, cfg.APIURL, err)
	}
	if cfg.WebhookURL != "" {
		if err := checkWebhook(cfg.WebhookURL, cfg.WebhookSecret); err != nil {
			return nil, err
		}
	}
	if cfg.PollTimeout == 0 {
		cfg.PollTimeout = 50 * time.Second
	}
	if cfg.HTTPClient == nil {
		// Every call goes to one host, from many workers at once: the
		// default of two idle connections per host made most calls dial
		// anew (a tenth of the bot's time under load, by profile).
		transport := http.DefaultTransport.(*http.Transport).Clone()
		transport.MaxIdleConns, transport.MaxIdleConnsPerHost = maxConns, maxConns
		var rt http.RoundTripper = wholeBodies{transport}
		if cfg.WrapTransport != nil {
			rt = cfg.WrapTransport(rt)
		}
		cfg.HTTPClient = &http.Client{Timeout: cfg.PollTimeout + 10*time.Second, Transport: rt}
	}
	if cfg.MaxRetries == 0 {
		cfg.MaxRetries = 3
	}
	t := &Telegram{cfg: cfg, log: cfg.Log.With().Str("channel", "telegram").Logger(), runCtx: ctx}
	b, err := bot.New(cfg.Token,
		bot.WithServerURL(cfg.APIURL),
		bot.WithHTTPClient(cfg.PollTimeout, cfg.HTTPClient),
		bot.WithSkipGetMe(),
		bot.WithErrorsHandler(func(err error) { t.log.Warn().Err(t.redact(err)).Msg("bot api") }),
	)
	if err != nil {
		return nil, t.redact(fmt.Errorf("telegram: create client: %w", err))
	}
	t.bot = b
	me, err := b.GetMe(ctx)
	if err != nil {
		return nil, t.redact(fmt.Errorf("telegram: check token with getMe at %s: %w", cfg.APIURL, err))
	}
	t.username, t.botID = me.Username, me.ID
	t.log.Info().Str("bot", me.Username).Bool("webhook", cfg.WebhookURL != "").Msg("connected to the Bot API")
	return t, nil
}

// Run receives updates until ctx is done. In polling mode it removes any
// webhook and long-polls; in webhook mode it registers the webhook and
// waits, while WebhookHandler receives the updates.
func (t *Telegram) Run(ctx context.Context) error {
	t.setCommands(ctx)
	if t.cfg.WebhookURL != "" {
		_, err := t.bot.SetWebhook(ctx, &bot.SetWebhookParams{
			URL:            t.cfg.WebhookURL,
			SecretToken:    t.cfg.WebhookSecret,
			AllowedUpdates: allowedUpdates,
		})
		if err != nil && ctx.Err() == nil {
			return t.redact(fmt.Errorf("telegram: set webhook: %w", err))
		}
		<-ctx.Done()
		return nil
	}
	// A webhook left from an earlier run would make getUpdates fail with 409.
	if _, err := t.bot.DeleteWebhook(ctx, &bot.DeleteWebhookParams{}); err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return t.redact(fmt.Errorf("telegram: delete webhook before polling: %w", err))
	}
	return t.poll(ctx)
}

// accept converts and hands over one update, as the webhook receives it.
func (t *Telegram) accept(ctx context.Context, u *update) error {
	in, ok := t.read(u)
	if !ok {
		return nil
	}
	if err := t.cfg.Acceptor.Accept(ctx, in); err != nil {
		return err
	}
	if u.CallbackQuery != nil {
		t.answerCallback(u.CallbackQuery.ID)
	}
	return nil
}

// read converts an update and reports false for one the bot does not
// handle. A panic while converting is logged and the update skipped: it
// would fail the same way every time.
func (t *Telegram) read(u *update) (in core.Inbound, ok bool) {
	defer func() {
		if p := recover(); p != nil {
			t.log.Error().Int64("update_id", u.ID).Str("panic", fmt.Sprint(p)).Bytes("stack", debug.Stack()).Msg("update could not be read; skipped")
			in, ok = core.Inbound{}, false
		}
	}()
	in, ok = t.convert(u)
	if !ok {
		t.log.Debug().Int64("update_id", u.ID).Msg("update ignored")
	}
	return in, ok
}

// answerCallback stops the spinner on a pressed button. It runs in the
// background: it is cosmetic and must not slow down intake.
func (t *Telegram) answerCallback(id string) {
	go func() {
		ctx, cancel := context.WithTimeout(t.runCtx, 10*time.Second)
		defer cancel()
		if err := t.post(ctx, "answerCallbackQuery", &bot.AnswerCallbackQueryParams{CallbackQueryID: id}); err != nil && ctx.Err() == nil {
			t.log.Debug().Err(t.redact(err)).Msg("answer callback query")
		}
	}()
}
