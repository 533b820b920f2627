package core

import "time"

// Resident is what the bot knows about a person who writes to it. Without
// consent only the language is kept.
type Resident struct {
	Chat ChatRef `json:"chat"`
	Lang Lang    `json:"lang,omitempty"`
	// ConsentAt is when the resident agreed to the personal-data notice;
	// zero if they have not (yet).
	ConsentAt time.Time `json:"consent_at,omitzero"`
	// Declined is set when the resident saw the notice and said no.
	Declined bool `json:"declined,omitempty"`
	// HomeDistrict is the district the resident last looked up, kept only
	// with consent.
	HomeDistrict string `json:"home_district,omitempty"`
	// Subscriptions are the districts whose alerts the resident receives.
	Subscriptions []string `json:"subscriptions,omitempty"`
	// Blocked is set when a chief stopped the resident from reporting.
	Blocked *ReportBlock `json:"blocked,omitempty"`
	// Unreachable is set when delivery failed because the resident blocked
	// the bot; it is cleared when they write again.
	Unreachable bool `json:"unreachable,omitempty"`
	// Created is when the resident consented first; zero without consent.
	Created time.Time `json:"created,omitzero"`
}

// Consented reports whether the resident agreed to have personal data
// stored.
func (r *Resident) Consented() bool { return !r.ConsentAt.IsZero() }

// Subscribed reports whether the resident receives alerts for district.
func (r *Resident) Subscribed(district string) bool {
	for _, d := range r.Subscriptions {
		if d == district {
			return true
		}
	}
	return false
}

// Conversation is where a chat stands in its flow, persisted between
// messages so that a restart does not lose it.
type Conversation struct {
	// State is the flow state machine's current state.
	State string `json:"state"`
	// Gen counts the sets of choices offered. A choice button carries the
	// generation it was offered in, so a button from an older set is
	// recognised as stale instead of being read against the newer set.
	Gen int `json:"gen,omitempty"`
	// Street is a street typed without a house number, kept so that a
	// house number typed next completes the address. Kept only with
	// consent.
	Street string `json:"street,omitempty"`
	// Draft is a notice a chief is composing.
	Draft *Notice `json:"draft,omitempty"`
	// AnswerTo is the notice a resident is answering.
	AnswerTo uint64 `json:"answer_to,omitempty"`
	// Report is the concern a resident is reporting.
	Report *Ticket `json:"report,omitempty"`
	// Poll is the poll being answered.
	Poll *PollProgress `json:"poll,omitempty"`
	// Ticket is the ticket being written about.
	Ticket uint64 `json:"ticket,omitempty"`
	// Back is the state /forget interrupted: answering its question "no"
	// returns there, with what was kept for it (a report being written),
	// since nothing was to be deleted.
	Back    string    `json:"back,omitempty"`
	Updated time.Time `json:"updated"`
}

// Session is everything the flows need about one chat: who it is and where
// its conversation stands.
type Session struct {
	Resident     Resident
	Conversation Conversation
}

// Change is the outcome of handling one inbound message. Storage applies it
// in one transaction, together with marking the message handled.
type Change struct {
	// Inbound is the handled message; its record is removed from the queue
	// of pending updates in the same transaction.
	Inbound Inbound
	// Session, when not nil, replaces the chat's stored session.
	Session *Session
	// Forget deletes everything stored about the chat, except the record
	// that the update was handled and a chief's block on reporting: the
	// resident and conversation, subscriptions, the messages queued to
	// them or about their tickets, the time they last wrote and the
	// messages sent to them remembered by the messenger's id. Their
	// tickets are erased (Ticket.Erase) and stay. Of the rest of the
	// change only Outbox and Unlink are applied.
	Forget bool
	// Unlink, with Forget, moves poll answer sets away from the resident's
	// pseudonyms to random keys, so that they still count in results but
	// nobody can find them from the chat any more; their free texts,
	// which may name the writer, are deleted.
	Unlink []AnswerRef
	// Outbox holds messages to others that the update causes (a ticket
	// routed to an inspector); they are enqueued in the same transaction.
	Outbox []OutboxItem
	// Notice, when not nil, is a notice to store (new or changed), with its
	// ID already reserved.
	Notice *Notice
	// Tickets are tickets to store (new or changed), with their IDs
	// already reserved.
	Tickets []Ticket
	// Block, when not nil, stops a resident from reporting.
	Block *ReportBlock
	// Answers, when not nil, replaces the stored answer set with the same
	// poll and key.
	Answers *AnswerSet
	// CancelNotice, when not zero, cancels that notice and withdraws its
	// items not yet delivered.
	CancelNotice uint64
	// Leave, when not nil, replaces the recorded leave of its staff
	// member; one with a zero Until clears it.
	Leave *Leave
}

// Recipient is a chat to send a message to, with the language to write in.
type Recipient struct {
	Chat ChatRef
	Lang Lang
	// District is the first of the districts asked for that the chat
	// subscribes to.
	District string
}
