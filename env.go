package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

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
	// opsAddr serves /metrics, /healthz and /readyz (BEATBOT_OPS_ADDR);
	// empty means none.
	opsAddr   string
	logFormat string // BEATBOT_LOG_FORMAT: json or console
	logLevel  zerolog.Level
	// pollSecret keys residents' pseudonyms in polls
	// (BEATBOT_POLL_SECRET); empty turns polls off.
	pollSecret string
	whatsApp   whatsAppSettings
	// configWatch is how often the configuration's files are looked at
	// for changes to reload (BEATBOT_CONFIG_WATCH); zero reloads on
	// SIGHUP only.
	configWatch time.Duration
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

// defaultOpsAddr is where /metrics, /healthz and /readyz are served by
// default: loopback, so nothing is exposed until an operator chooses to
// (BEATBOT_OPS_ADDR=:9180 in a container, where Prometheus scrapes from
// another host). "off" serves none.
const defaultOpsAddr = "127.0.0.1:9180"

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
		opsAddr:       or(getenv("BEATBOT_OPS_ADDR"), defaultOpsAddr),
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
	if s.opsAddr == "off" {
		s.opsAddr = ""
	}
	if err := checkAdminAddr(s.adminAddr, s.adminRemote); err != nil {
		return s, err
	}
	if s.logFormat != "json" && s.logFormat != "console" {
		return s, fmt.Errorf("BEATBOT_LOG_FORMAT %q: want json or console", s.logFormat)
	}
	if w := getenv("BEATBOT_CONFIG_WATCH"); w != "" && w != "off" {
		d, err := time.ParseDuration(w)
		if err != nil || d < time.Second {
			return s, fmt.Errorf("BEATBOT_CONFIG_WATCH %q: want a duration of at least 1s, such as 30s, or off", w)
		}
		s.configWatch = d
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
