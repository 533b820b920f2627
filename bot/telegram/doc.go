// Package telegram connects beatbot to Telegram through the Bot API, using
// github.com/go-telegram/bot for its types and its less frequent calls. The
// hot paths are the adapter's own: getUpdates with lean update types, and
// the sends and callback answers as JSON bodies (see post).
//
// It translates Telegram updates into core.Inbound values and hands them to
// an Acceptor, which records them durably before the update is
// acknowledged (by the next getUpdates call, or by the webhook's 200), and it
// renders core.Reply values as Telegram messages. It knows nothing about the
// conversations themselves.
//
// The bot token is a secret: it is only ever part of request URLs, which
// the library strips from its errors, and never logged.
package telegram
