package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/go-telegram/bot/models"
)

// allowedUpdates are the update types the bot asks for.
var allowedUpdates = []string{models.AllowedUpdateMessage, models.AllowedUpdateCallbackQuery}

// poll long-polls getUpdates until ctx is done. It asks for the next batch,
// which confirms the previous one to Telegram, only after the Acceptor has
// recorded every update of that batch: a crash at any moment loses
// nothing, since an unconfirmed update is delivered again. The Acceptor
// records most updates in the commit of their outcome and the rest of the
// batch in one commit (see flows.Dispatcher.AcceptBatch), so intake costs
// an update rarely costs a commit for its arrival alone.
//
// go-telegram/bot's own loop confirms an update as soon as it is handed to a
// worker, before it is recorded, so the library is used here for sending
// only.
func (t *Telegram) poll(ctx context.Context) error {
	var offset int64
	failures := 0
	var answer bytes.Buffer // reused: answers are tens of kilobytes under load
	for {
		updates, err := t.getUpdates(ctx, offset, &answer)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			failures++
			wait := retryWait(err, failures)
			t.log.Warn().Err(err).Dur("retry_in", wait).Msg("getUpdates failed")
			if !sleep(ctx, wait) {
				return nil
			}
			continue
		}
		failures = 0
		if len(updates) == 0 {
			continue
		}
		ins := make([]core.Inbound, 0, len(updates))
		var callbacks []string
		for _, u := range updates {
			if in, ok := t.read(u); ok {
				ins = append(ins, in)
				if u.CallbackQuery != nil {
					callbacks = append(callbacks, u.CallbackQuery.ID)
				}
			}
		}
		if !t.acceptUntilRecorded(ctx, ins) {
			return nil // not confirmed: Telegram delivers the batch again
		}
		for _, id := range callbacks {
			t.answerCallback(id)
		}
		offset = updates[len(updates)-1].ID + 1
	}
}

// acceptUntilRecorded hands a batch to the Acceptor, retrying the whole
// batch while storage fails, and reports false if ctx ended first.
func (t *Telegram) acceptUntilRecorded(ctx context.Context, ins []core.Inbound) bool {
	if len(ins) == 0 {
		return true
	}
	for attempt := 1; ; attempt++ {
		err := t.cfg.Acceptor.AcceptBatch(ctx, ins)
		if err == nil {
			return true
		}
		if ctx.Err() != nil {
			return false
		}
		wait := backoffWait(attempt)
		t.log.Error().Err(err).Str("first", ins[0].Key).Int("updates", len(ins)).Dur("retry_in", wait).Msg("updates not recorded; retrying")
		if !sleep(ctx, wait) {
			return false
		}
	}
}

type getUpdatesResponse struct {
	OK          bool      `json:"ok"`
	Result      []*update `json:"result"`
	ErrorCode   int       `json:"error_code"`
	Description string    `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

// apiError is an error answer of the Bot API to our own calls.
type apiError struct {
	Code        int
	Description string
	RetryAfter  time.Duration
}

func (e *apiError) Error() string {
	return fmt.Sprintf("bot api error %d: %s", e.Code, e.Description)
}

// getUpdates makes one long-poll call, reading the answer into buf. The
// updates returned do not refer to buf.
func (t *Telegram) getUpdates(ctx context.Context, offset int64, buf *bytes.Buffer) ([]*update, error) {
	resp, err := t.call(ctx, "getUpdates", map[string]any{
		"offset":          offset,
		"timeout":         int(t.cfg.PollTimeout / time.Second),
		"allowed_updates": allowedUpdates,
	})
	if err != nil {
		return nil, fmt.Errorf("telegram: %w", err)
	}
	defer resp.Body.Close()
	buf.Reset()
	if _, err := buf.ReadFrom(io.LimitReader(resp.Body, 64<<20)); err != nil {
		return nil, t.redact(fmt.Errorf("telegram: read getUpdates answer: %w", err))
	}
	data := buf.Bytes()
	var r getUpdatesResponse
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, t.redact(fmt.Errorf("telegram: getUpdates answered HTTP %d with a body that is not JSON: %w", resp.StatusCode, err))
	}
	if !r.OK {
		return nil, t.redact(&apiError{Code: r.ErrorCode, Description: r.Description, RetryAfter: time.Duration(r.Parameters.RetryAfter) * time.Second})
	}
	return r.Result, nil
}

// retryWait is how long to wait after a failed getUpdates: what a 429
// asks for, otherwise an exponential backoff.
func retryWait(err error, failures int) time.Duration {
	var ae *apiError
	if errors.As(err, &ae) && ae.RetryAfter > 0 {
		return ae.RetryAfter
	}
	return backoffWait(failures)
}

// backoffWait grows from 100 ms to 30 s.
func backoffWait(attempt int) time.Duration {
	return min(100*time.Millisecond<<min(attempt-1, 9), 30*time.Second)
}

// sleep waits for d or ctx, and reports whether ctx is still live.
func sleep(ctx context.Context, d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-timer.C:
		return true
	}
}
