package main

import (
	"fmt"
	"io"
	"os"

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
	}
	if n := len(s.pollSecret); n > 0 && n < minPollSecret {
		return s, fmt.Errorf("BEATBOT_POLL_SECRET has %d characters; use at least %d, e.g. from `openssl rand -hex 32`", n, minPollSecret)
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
