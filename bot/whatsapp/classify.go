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

// Pauses of the whole channel: Meta gives no retry-after. Its throughput
// limit is per second; the app's and the account's call limits are per
// hour; an account locked, unpaid or blocked waits for an operator.
const (
	throughputPause = 2 * time.Second
	callLimitPause  = time.Minute
	accountPause    = 10 * time.Minute
)

// accountCodes stop every message of the number, not one: dead-lettering
// each would empty the queue in seconds.
var accountCodes = map[int]bool{
	10: true, 200: true, 368: true, // permissions, policy block
	131031: true, 131042: true, 131048: true, // account locked, payment, spam rate
	133010: true, // number not registered
}

// templateCodes mean a template does not exist, is not approved in that
// language, or its parameters do not fit: a configuration to fix, while
// the message waits.
var templateCodes = map[int]bool{132000: true, 132001: true, 132005: true, 132007: true, 132012: true,
	132015: true, 132016: true, 132018: true}

// classify maps a Graph API failure onto the errors the notifier acts on:
// *core.RateLimitError pauses the channel (throughput, call limits, and an
// account that cannot send at all), core.ErrNeedsTemplate holds a message
// for the window or a fixed template, core.ErrUnreachable drops a
// recipient, core.ErrRejected dead-letters the message, anything else is
// retried later. Too many messages to one person (131056) is retried later
// for that message alone, not paused for all.
func classify(err error) error {
	var api *APIError
	if !errors.As(err, &api) {
		return err
	}
	switch {
	case api.Code == codeRateApp || api.Code == codeRateUser:
		return &core.RateLimitError{RetryAfter: callLimitPause, Err: err}
	case accountCodes[api.Code]:
		return &core.RateLimitError{RetryAfter: accountPause, Err: fmt.Errorf("the WhatsApp account cannot send (an operator must act): %w", err)}
	case templateCodes[api.Code]:
		return fmt.Errorf("%w: the template is missing or does not fit: %w", core.ErrNeedsTemplate, err)
	case api.Status == http.StatusTooManyRequests || api.Code == codeThroughput:
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
