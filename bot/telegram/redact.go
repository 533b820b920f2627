package telegram

import "strings"

// redactedError hides the bot token in an error's text while keeping the
// error chain for errors.Is and errors.As. The library puts response bodies
// in its errors, and a proxy that echoes the request path would otherwise
// print the token into the logs.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// redact returns err with every copy of the token (and of its secret part)
// replaced by "<token>".
func (t *Telegram) redact(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	clean := strings.ReplaceAll(msg, t.cfg.Token, "<token>")
	if _, secret, ok := strings.Cut(t.cfg.Token, ":"); ok && len(secret) >= 8 {
		clean = strings.ReplaceAll(clean, secret, "<token>")
	}
	if clean == msg {
		return err
	}
	return &redactedError{msg: clean, err: err}
}
