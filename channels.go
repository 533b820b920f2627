package main

import (
	"context"
	"net/http"

	"github.com/beatbot-kz/beatbot/bot/telegram"
	"github.com/beatbot-kz/beatbot/bot/whatsapp"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/flows"
	"github.com/beatbot-kz/beatbot/metrics"
	"github.com/beatbot-kz/beatbot/notifier"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/rs/zerolog"
)

// channels are the messenger adapters the environment turns on: Telegram
// with TELEGRAM_BOT_TOKEN, WhatsApp with WHATSAPP_TOKEN and its fellows.
// Both share one storage, one dispatcher and one outbox.
type channels struct {
	tg *telegram.Telegram
	wa *whatsapp.WhatsApp
}

// sender is what an adapter is to the dispatcher and the notifier.
type sender interface {
	flows.Sender
	notifier.Sender
}

var (
	_ sender = (*telegram.Telegram)(nil)
	_ sender = (*whatsapp.WhatsApp)(nil)

	_ notifier.PhotoSource = (*telegram.Telegram)(nil)
	_ notifier.PhotoSource = (*whatsapp.WhatsApp)(nil)

	_ whatsapp.Acceptor     = (*flows.Dispatcher)(nil)
	_ whatsapp.Window       = (*storage.DB)(nil)
	_ whatsapp.Unreachables = (*storage.DB)(nil)
	_ whatsapp.Resender     = (*storage.DB)(nil)
	_ whatsapp.SentLog      = (*storage.DB)(nil)
)

func openChannels(ctx context.Context, env settings, cities *core.CityHolder, db *storage.DB, d *flows.Dispatcher, wake func(), m *metrics.Metrics, log zerolog.Logger) (channels, error) {
	counted := func(ch core.Channel) func(http.RoundTripper) http.RoundTripper {
		return func(rt http.RoundTripper) http.RoundTripper { return m.Transport(ch, rt) }
	}
	var ch channels
	// What the adapters take from the city is fixed at start: a reload
	// changes neither the pacing nor the templates.
	city := cities.Load()
	if env.token != "" {
		tg, err := telegram.New(ctx, telegram.Config{
			Token:         env.token,
			APIURL:        env.telegramAPI,
			WebhookURL:    env.webhookURL,
			WebhookSecret: env.webhookSecret,
			PaidBroadcast: city.Delivery.Limits[core.Telegram].PaidBroadcast,
			Acceptor:      d,
			WrapTransport: counted(core.Telegram),
			Log:           log,
		})
		if err != nil {
			return ch, err
		}
		ch.tg = tg
	}
	if wa := env.whatsApp; wa.on() {
		adapter, err := whatsapp.New(whatsapp.Config{
			Token:         wa.token,
			PhoneNumberID: wa.phoneNumberID,
			AppSecret:     wa.appSecret,
			VerifyToken:   wa.verifyToken,
			APIURL:        wa.apiURL,
			Templates:     city.WhatsAppTemplates,
			Window:        db,
			Acceptor:      d,
			Statuses:      whatsapp.StatusPolicy{Store: db, Resend: db, Wake: wake, City: cities, Log: log},
			Sent:          db,
			WrapTransport: counted(core.WhatsApp),
			Log:           log,
		})
		if err != nil {
			return ch, err
		}
		ch.wa = adapter
	}
	return ch, nil
}

func (ch channels) senders() map[core.Channel]sender {
	out := map[core.Channel]sender{}
	if ch.tg != nil {
		out[core.Telegram] = ch.tg
	}
	if ch.wa != nil {
		out[core.WhatsApp] = ch.wa
	}
	return out
}

// webhooks routes the webhook requests of the channels that take them, or
// returns nil when none does (Telegram long-polls).
func (ch channels) webhooks(env settings) http.Handler {
	mux := http.NewServeMux()
	served := false
	if ch.tg != nil && env.webhookURL != "" {
		mux.Handle("POST "+ch.tg.WebhookPath(), ch.tg.WebhookHandler())
		served = true
	}
	if ch.wa != nil {
		mux.Handle(env.whatsApp.webhookPath, ch.wa.WebhookHandler())
		served = true
	}
	if !served {
		return nil
	}
	return mux
}

// run receives updates until ctx is done: Telegram's long polling, if on;
// webhooks need nothing more than the HTTP server.
func (ch channels) run(ctx context.Context) error {
	if ch.tg != nil {
		return ch.tg.Run(ctx)
	}
	<-ctx.Done()
	return nil
}
