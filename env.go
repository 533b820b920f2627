package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/rs/zerolog"
)

// settings are what the environment configures: secrets and deployment
// choices, never the city itself.
type settings struct {
	token         string // TELEGRAM_BOT_TOKEN
	telegramAPI   string // TELEGRAM_API_URL
	webhookURL    string // TELEGRAM_WEBHOOK_URL
	webhookSecret string // TELEGRAM_WEBHOOK_SECRET
	dataPath      string // BEATBOT_DATA
	httpAddr      string // BEATBOT_HTTP_ADDR
	logFormat     string // BEATBOT_LOG_FORMAT: json or console
	logLevel      zerolog.Level
	// pollSecret keys residents' pseudonyms in polls
	// (BEATBOT_POLL_SECRET); empty turns polls off.
	pollSecret string
	whatsApp   whatsAppSettings
	// adminAddr is where the admin listener binds (BEATBOT_ADMIN_ADDR);
	// "off" means none. It must be loopback unless adminRemote
	// (BEATBOT_ADMIN_ALLOW_REMOTE=1).
	adminAddr   string
	adminRemote bool
}

// whatsAppSettings turn on the WhatsApp channel.
type whatsAppSettings struct {
	token         string // WHATSAPP_TOKEN
	phoneNumberID string // WHATSAPP_PHONE_NUMBER_ID
	appSecret     string // WHATSAPP_APP_SECRET
	verifyToken   string // WHATSAPP_VERIFY_TOKEN
	apiURL        string // WHATSAPP_API_URL
	webhookPath   string // WHATSAPP_WEBHOOK_PATH
}

// on reports whether any WhatsApp setting is given: then all the required
// ones must be, and the adapter says which are missing.
func (w whatsAppSettings) on() bool {
	return w.token != "" || w.phoneNumberID != "" || w.appSecret != "" || w.verifyToken != ""
}

// minPollSecret is the shortest poll secret accepted: a short one could
// be guessed, and with it every pseudonym traced back to its chat.
const minPollSecret = 16

func loadEnv(getenv func(string) string) (settings, error) {
	s := settings{
		token:         getenv("TELEGRAM_BOT_TOKEN"),
		telegramAPI:   getenv("TELEGRAM_API_URL"),
		webhookURL:    getenv("TELEGRAM_WEBHOOK_URL"),
		webhookSecret: getenv("TELEGRAM_WEBHOOK_SECRET"),
		dataPath:      or(getenv("BEATBOT_DATA"), "./data/beatbot.db"),
		httpAddr:      or(getenv("BEATBOT_HTTP_ADDR"), ":8080"),
		logFormat:     or(getenv("BEATBOT_LOG_FORMAT"), "json"),
		pollSecret:    getenv("BEATBOT_POLL_SECRET"),
		adminAddr:     or(getenv("BEATBOT_ADMIN_ADDR"), defaultAdminAddr),
		adminRemote:   getenv("BEATBOT_ADMIN_ALLOW_REMOTE") == "1",
		whatsApp: whatsAppSettings{
			token:         getenv("WHATSAPP_TOKEN"),
			phoneNumberID: getenv("WHATSAPP_PHONE_NUMBER_ID"),
			appSecret:     getenv("WHATSAPP_APP_SECRET"),
			verifyToken:   getenv("WHATSAPP_VERIFY_TOKEN"),
			apiURL:        getenv("WHATSAPP_API_URL"),
			webhookPath:   or(getenv("WHATSAPP_WEBHOOK_PATH"), "/whatsapp/webhook"),
		},
	}
	if p := s.whatsApp.webhookPath; !strings.HasPrefix(p, "/") {
		return s, fmt.Errorf("WHATSAPP_WEBHOOK_PATH %q: want a path such as /whatsapp/webhook", p)
	}
	if n := len(s.pollSecret); n > 0 && n < minPollSecret {
		return s, fmt.Errorf("BEATBOT_POLL_SECRET has %d characters; use at least %d, e.g. from `openssl rand -hex 32`", n, minPollSecret)
	}
	if err := checkAdminAddr(s.adminAddr, s.adminRemote); err != nil {
		return s, err
	}
	if s.logFormat != "json" && s.logFormat != "console" {
		return s, fmt.Errorf("BEATBOT_LOG_FORMAT %q: want json or console", s.logFormat)
	}
	level, err := zerolog.ParseLevel(or(getenv("BEATBOT_LOG_LEVEL"), "info"))
	if err != nil {
		return s, fmt.Errorf("BEATBOT_LOG_LEVEL: %w", err)
	}
	s.logLevel = level
	if s.webhookSecret != "" && s.webhookURL == "" {
		return s, fmt.Errorf("TELEGRAM_WEBHOOK_SECRET is set but TELEGRAM_WEBHOOK_URL is not: set both for webhook mode, or neither for long polling")
	}
	return s, nil
}

func newLogger(w io.Writer, s settings) zerolog.Logger {
	if s.logFormat == "console" {
		w = zerolog.ConsoleWriter{Out: w, NoColor: w != os.Stdout}
	}
	return zerolog.New(w).Level(s.logLevel).With().Timestamp().Logger()
}

func or(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
