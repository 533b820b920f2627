package whatsapp

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// Meta's error codes the adapter acts on.
const (
	codeThroughput    = 130429 // over the number's messages per second
	codePairRate      = 131056 // too many messages to one person
	codeReengagement  = 131047 // more than 24 hours since the person wrote
	codeUndeliverable = 131026 // not on WhatsApp, or cannot receive
	codeNotAllowed    = 131030 // not on a test number's allowed list
	codeRateApp       = 4      // the app's call rate
	codeRateUser      = 80007  // the business account's rate
	codeTokenExpired  = 190
)

// throughputPause is how long the channel pauses after a throughput
// error: Meta gives no retry-after, and its limit is per second.
const throughputPause = 2 * time.Second

// classify maps a Graph API failure onto the errors the notifier acts on:
// *core.RateLimitError pauses the channel, core.ErrUnreachable drops a
// recipient, core.ErrRejected dead-letters the message, anything else is
// retried later. Too many messages to one person (131056) is retried later
// for that message alone, not paused for all.
func classify(err error) error {
	var api *APIError
	if !errors.As(err, &api) {
		return err
	}
	switch {
	case api.Status == http.StatusTooManyRequests || api.Code == codeThroughput || api.Code == codeRateApp || api.Code == codeRateUser:
		return &core.RateLimitError{RetryAfter: throughputPause, Err: err}
	case api.Code == codePairRate:
		return err
	case api.Code == codeReengagement:
		return fmt.Errorf("%w: %w", core.ErrNeedsTemplate, err)
	case api.Code == codeUndeliverable || api.Code == codeNotAllowed:
		return fmt.Errorf("%w: %w", core.ErrUnreachable, err)
	case api.Status == http.StatusUnauthorized || api.Code == codeTokenExpired:
		return err // the token: retried while an operator fixes it
	case api.Status/100 == 4:
		return fmt.Errorf("%w: %w", core.ErrRejected, err)
	}
	return err
}
