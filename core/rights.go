package core

import "time"

// PersonalData is what storage holds about one chat, keyed by it or
// pointing to it, for the resident to see (/mydata) and to decide what
// forgetting them must reach. Poll answers are not in it: they are kept
// under pseudonyms that only the flows, holding the secret, can compute.
type PersonalData struct {
	// Stored reports whether a resident or conversation record exists.
	Stored bool
	// Tickets are the tickets still linked to the chat, newest first.
	Tickets []Ticket
	// LastInbound is when the chat last wrote, kept for a messenger's
	// messaging window; zero if not kept.
	LastInbound time.Time
	// Queued counts the messages waiting in the outbox to the chat.
	Queued int
	// Sent counts the messages to the chat remembered by the messenger's
	// id, for a late report that one failed.
	Sent int
}

// Empty reports whether nothing is stored about the chat.
func (p *PersonalData) Empty() bool {
	return !p.Stored && len(p.Tickets) == 0 && p.LastInbound.IsZero() && p.Queued == 0 && p.Sent == 0
}
