package core

import (
	"errors"
	"fmt"
	"time"
)

// Priority orders outbox delivery: lower values go first.
type Priority uint8

// Outbox priorities.
const (
	// PriorityUrgent is for tickets routed to staff, replies in a ticket
	// and escalations: they jump ahead of everything else.
	PriorityUrgent Priority = iota
	// PriorityNormal is for status updates and delivery reports.
	PriorityNormal
	// PriorityBulk is for notices, scheduled alerts and poll invitations
	// sent to many residents.
	PriorityBulk
)

// OutboxItem is one message the bot sends on its own initiative, not as
// the immediate answer to a message. It is stored before anything else
// happens and deleted once delivered, so it survives crashes and outages.
type OutboxItem struct {
	// ID is assigned by storage and orders items of equal priority.
	ID uint64 `json:"id"`
	// Key makes enqueueing idempotent: a second item with the same key is
	// not stored. A scheduled alert uses "alert:<id>:<fire time>:<chat>",
	// so a schedule firing twice after a restart sends nothing twice.
	Key  string  `json:"key"`
	Chat ChatRef `json:"chat"`
	// Group marks a group chat, which has its own, lower rate limit.
	Group    bool     `json:"group,omitempty"`
	Reply    Reply    `json:"reply"`
	Priority Priority `json:"priority"`
	// Urgent items are delivered during quiet hours; others wait for the
	// morning.
	Urgent bool `json:"urgent,omitempty"`
	// NotBefore delays delivery: a scheduled send, a retry's backoff or
	// the end of quiet hours.
	NotBefore time.Time `json:"not_before,omitzero"`
	// Batch groups items for a delivery report, e.g. "notice:17".
	Batch string `json:"batch,omitempty"`
	// District is the district a bulk message reaches the recipient for;
	// a poll's invitations are counted by it. A bulk item with a District
	// is queued only while its chat still subscribes to that district, so
	// one who left (or was forgotten) during a long fan-out is not sent it.
	District string `json:"district,omitempty"`
	// ToStaff marks a message to a staff member or a duty chat: a refusal
	// from it is an alarm, not a resident leaving.
	ToStaff bool `json:"to_staff,omitempty"`
	// Parts counts the messenger calls of the reply already delivered
	// (a photo before its long text), so a retry sends only the rest.
	Parts    int       `json:"parts,omitempty"`
	Attempts int       `json:"attempts,omitempty"`
	LastErr  string    `json:"last_error,omitempty"`
	Created  time.Time `json:"created"`
}

// DeliveryReport counts what became of a batch's items.
type DeliveryReport struct {
	Sent        int
	Unreachable int
	Failed      int
	// Cancelled are items withdrawn before delivery: the notice was
	// cancelled or the resident unsubscribed.
	Cancelled int
	Pending   int
}

// Done reports whether every item of the batch reached a final state.
func (r DeliveryReport) Done() bool { return r.Pending == 0 }

// Delivery errors. Channel adapters wrap their messenger's errors in these
// so that the notifier can decide, without knowing the messenger, whether
// to retry, wait, give up on a recipient or give up on an item.
var (
	// ErrUnreachable is returned when the recipient cannot be reached any
	// more: they blocked the bot or deleted their account. Retrying is
	// pointless.
	ErrUnreachable = errors.New("recipient unreachable")
	// ErrRejected is returned when the messenger refused the message
	// itself (a bad request); the same message would be refused again.
	ErrRejected = errors.New("message rejected")
	// ErrNeedsTemplate is returned when a message may not go as it is
	// (WhatsApp's 24-hour window since the person last wrote is closed)
	// and no approved template is configured for its kind. It waits: the
	// window opens again when the person writes.
	ErrNeedsTemplate = errors.New("outside the messaging window and no template for the message")
	// ErrSentAsTemplate is returned when only an approved template could
	// go, standing in for a message it cannot carry whole (buttons, a
	// place, a picture, a long text): the message itself waits for the
	// window, which the person's answer opens. It must not send the
	// template again.
	ErrSentAsTemplate = errors.New("sent as a template; the message itself waits for the messaging window")
)

// RateLimitError is returned when the messenger asks the sender to slow
// down and retry after a while (Telegram's 429 with retry_after).
type RateLimitError struct {
	RetryAfter time.Duration
	Err        error
}

func (e *RateLimitError) Error() string {
	msg := fmt.Sprintf("rate limited, retry after %s", e.RetryAfter)
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the messenger's own error.
func (e *RateLimitError) Unwrap() error { return e.Err }
