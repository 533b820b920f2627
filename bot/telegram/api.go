package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/go-telegram/bot"
)

// maxAnswer bounds the answer to a call read into memory. A sent message
// comes back whole, which for a long text with buttons is a few kilobytes.
const maxAnswer = 1 << 20

// okPrefix starts every successful answer of the Bot API.
const okPrefix = `{"ok":true,`

// answer is the part of a Bot API answer the bot reads: whether the call
// was carried out and, if not, why. The result (the sent message, for a
// send) is not needed and left undecoded.
type answer struct {
	OK          bool   `json:"ok"`
	ErrorCode   int    `json:"error_code"`
	Description string `json:"description"`
	Parameters  struct {
		RetryAfter      int `json:"retry_after"`
		MigrateToChatID int `json:"migrate_to_chat_id"`
	} `json:"parameters"`
}

// post makes one Bot API call with params, one of the library's *Params
// structs, as a JSON body, and reads from the answer only whether it
// succeeded.
//
// The bot's hot calls (sendMessage, sendVenue, answerCallbackQuery) go
// through here rather than through go-telegram/bot, which builds a
// multipart form for every call through a pipe and a goroutine, and
// decodes every answer twice, the second time into a full models.Message
// the bot throws away. That was a fifth of the bot's processor time under
// load, by profile. Telegram takes a JSON body for any call without an
// upload, so sendPhoto with a picture still goes through the library.
//
// Failures are the library's errors for the same answers (bot.ErrorForbidden,
// *bot.TooManyRequestsError and the rest), so callers classify both kinds of
// call alike.
func (t *Telegram) post(ctx context.Context, method string, params any) error {
	resp, err := t.call(ctx, method, params)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body := io.LimitReader(resp.Body, maxAnswer)
	var head [len(okPrefix)]byte
	n, err := io.ReadFull(body, head[:])
	if err == nil && resp.StatusCode == http.StatusOK && string(head[:]) == okPrefix {
		// Telegram writes "ok" first. Reading and decoding the sent
		// message only to skip it cost a twentieth of the bot's
		// processor time. The rest is drained (through io.Discard's
		// pooled buffer) so that the connection can be used again. The
		// call is done whatever happens to the rest: retrying it would
		// send the message twice.
		if _, err := io.Copy(io.Discard, body); err != nil {
			t.log.Debug().Err(err).Str("method", method).Msg("answer cut short after its ok; the call is done")
		}
		return nil
	}
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return fmt.Errorf("read the answer to %s: %w", method, err)
	}
	rest, err := io.ReadAll(body)
	if err != nil {
		return fmt.Errorf("read the answer to %s: %w", method, err)
	}
	data := append(head[:n:n], rest...)
	var a answer
	if err := json.Unmarshal(data, &a); err != nil {
		// A proxy's error page: the status says what happened.
		return fmt.Errorf("%s answered HTTP %d with a body that is not JSON: %w", method, resp.StatusCode, err)
	}
	if !a.OK {
		if a.ErrorCode == 0 {
			// A gateway's JSON error of its own: its status says what
			// happened, and a 5xx is worth another try.
			a.ErrorCode = resp.StatusCode
		}
		return failure(method, a)
	}
	return nil
}

// call posts params to method as a JSON body and returns the answer,
// whose body the caller must close. Its errors never show the token.
func (t *Telegram) call(ctx context.Context, method string, params any) (*http.Response, error) {
	payload, err := json.Marshal(params)
	if err != nil {
		// Such as a NaN coordinate: the same params fail every time.
		return nil, fmt.Errorf("encode %s: %w: %w", method, core.ErrRejected, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.cfg.APIURL+"/bot"+t.cfg.Token+"/"+method, bytes.NewReader(payload))
	if err != nil {
		return nil, t.redact(fmt.Errorf("%s: %w", method, err))
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := t.cfg.HTTPClient.Do(req)
	if err != nil {
		return nil, t.redact(fmt.Errorf("%s: %w", method, err))
	}
	return resp, nil
}

// failure is the error go-telegram/bot returns for the same failed call,
// so that classify and transient read both paths' errors alike.
func failure(method string, a answer) error {
	switch a.ErrorCode {
	case http.StatusForbidden:
		return fmt.Errorf("%w, %s", bot.ErrorForbidden, a.Description)
	case http.StatusBadRequest:
		if a.Parameters.MigrateToChatID != 0 {
			return &bot.MigrateError{
				Message:         fmt.Sprintf("%s: %s", bot.ErrorBadRequest, a.Description),
				MigrateToChatID: a.Parameters.MigrateToChatID,
			}
		}
		return fmt.Errorf("%w, %s", bot.ErrorBadRequest, a.Description)
	case http.StatusUnauthorized:
		return fmt.Errorf("%w, %s", bot.ErrorUnauthorized, a.Description)
	case http.StatusNotFound:
		return fmt.Errorf("%w, %s", bot.ErrorNotFound, a.Description)
	case http.StatusConflict:
		return fmt.Errorf("%w, %s", bot.ErrorConflict, a.Description)
	case http.StatusTooManyRequests:
		return &bot.TooManyRequestsError{
			Message:    fmt.Sprintf("%s, %s", bot.ErrorTooManyRequests, a.Description),
			RetryAfter: a.Parameters.RetryAfter,
		}
	}
	return fmt.Errorf("error response from telegram for method %s, %d %s", method, a.ErrorCode, a.Description)
}
