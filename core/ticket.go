package core

import (
	"fmt"
	"time"
)

// TicketStatus is where a ticket stands.
type TicketStatus string

// Ticket statuses. A ticket starts new, is accepted by its inspector, and
// ends resolved or rejected; a resident may reopen a resolved ticket within
// ReopenWindow, which puts it back to the inspector.
const (
	TicketNew      TicketStatus = "new"
	TicketAccepted TicketStatus = "accepted"
	TicketResolved TicketStatus = "resolved"
	TicketRejected TicketStatus = "rejected"
	TicketReopened TicketStatus = "reopened"
)

// Open reports whether the ticket still waits for the police.
func (s TicketStatus) Open() bool {
	return s == TicketNew || s == TicketAccepted || s == TicketReopened
}

// ReopenWindow is how long after resolution a resident may say "not
// solved" and reopen a ticket.
const ReopenWindow = 7 * 24 * time.Hour

// Ticket is a resident's report of a concern, routed to the inspector of
// the place it is about.
type Ticket struct {
	ID uint64 `json:"id"`
	// Version counts the ticket's stored changes. Storage refuses a change
	// made to an older version with ErrConflict, so two people acting on a
	// ticket at once cannot undo each other; the loser is handled again.
	Version int `json:"version"`
	// Code is the human-friendly id, e.g. "KRG-0042".
	Code     string `json:"code"`
	Category string `json:"category"`
	Text     string `json:"text"`
	// Location is where it happened, if the resident shared it.
	Location *Point `json:"location,omitempty"`
	// Address is what the resident typed, if they typed one.
	Address  string   `json:"address,omitempty"`
	District string   `json:"district,omitempty"`
	Precinct string   `json:"precinct,omitempty"`
	Photos   []string `json:"photos,omitempty"`
	// Anonymous tickets never show staff who reported them.
	Anonymous bool `json:"anonymous,omitempty"`
	// Reporter is the resident's chat, for relaying replies. It is never
	// shown to staff.
	Reporter ChatRef `json:"reporter"`
	// ReporterName is shown to staff only when the ticket is not
	// anonymous and the resident consented.
	ReporterName string `json:"reporter_name,omitempty"`
	Lang         Lang   `json:"lang"`
	// Assignee is the staff id of who handles it now.
	Assignee string `json:"assignee"`
	// Inspector is the inspector the configuration named for the
	// ticket's district when it was last routed there (created,
	// transferred, reopened or rerouted), whoever the route gave it to
	// then (a deputy during a leave, the chief). A ticket moves when its
	// district gets another inspector, not when a leave starts or ends
	// (City.Rerouted). Empty for tickets stored before it was kept, and
	// for tickets of no known district.
	Inspector string       `json:"inspector,omitempty"`
	Status    TicketStatus `json:"status"`
	Created   time.Time    `json:"created"`
	Accepted  time.Time    `json:"accepted,omitzero"`
	Resolved  time.Time    `json:"resolved,omitzero"`
	// Solved and Rating are the resident's verdict after resolution.
	Solved *bool `json:"solved,omitempty"`
	Rating int   `json:"rating,omitempty"`
	// Escalated records the service-level breaches already escalated, so
	// each is escalated once: "accept", "resolve".
	Escalated []string      `json:"escalated,omitempty"`
	History   []TicketEvent `json:"history"`
	// Erased is when the reporter's personal data were erased from the
	// ticket (see Erase); zero while they are kept.
	Erased time.Time `json:"erased,omitzero"`
}

// TicketEvent is one entry of a ticket's history.
type TicketEvent struct {
	At time.Time `json:"at"`
	// Actor is a staff id, or "resident" or "system".
	Actor  string       `json:"actor"`
	Action string       `json:"action"`
	Status TicketStatus `json:"status,omitempty"`
	Note   string       `json:"note,omitempty"`
}

// Ticket actions recorded in the history.
const (
	ActionCreated     = "created"
	ActionAccepted    = "accepted"
	ActionReplied     = "replied"
	ActionAnswered    = "answered"
	ActionResolved    = "resolved"
	ActionRejected    = "rejected"
	ActionTransferred = "transferred"
	ActionReopened    = "reopened"
	ActionRated       = "rated"
	ActionEscalated   = "escalated"
	ActionReassigned  = "reassigned"
	// ActionConfirmed is the resident saying the problem is solved;
	// ActionNotSolved them saying it is not, too late to reopen.
	ActionConfirmed       = "confirmed_solved"
	ActionNotSolved       = "not_solved"
	ActionBlockedReporter = "blocked_reporter"
	// ActionWithdrawn is the reporter asking the bot to forget them
	// (/forget); ActionExpired the retention of closed tickets running
	// out. Both erase the ticket's personal data.
	ActionWithdrawn = "reporter_withdrew"
	ActionExpired   = "personal_data_expired"
)

// TicketCode formats a ticket id with the city's code: "KRG-0042".
func TicketCode(city string, id uint64) string {
	return fmt.Sprintf("%s-%04d", city, id)
}

// Record appends an event to the history and applies its status.
func (t *Ticket) Record(at time.Time, actor, action string, status TicketStatus, note string) {
	if status != "" {
		t.Status = status
	}
	t.History = append(t.History, TicketEvent{At: at, Actor: actor, Action: action, Status: status, Note: note})
}

// Category is a kind of concern residents report.
type Category struct {
	ID   string
	Name Text
	// AcceptWithin and ResolveWithin are the service levels: a ticket not
	// accepted or resolved in time is escalated to the chief.
	AcceptWithin  time.Duration
	ResolveWithin time.Duration
}

// Absence is a staff member's leave, during which their tickets go to a
// deputy.
type Absence struct {
	// Until is the end of the leave; zero means not away.
	Until time.Time
	// Deputy is the staff id who stands in; empty means the chief.
	Deputy string
	// Recorded is set when an admin recorded this leave in the bot (a
	// core.Leave), rather than the configuration.
	Recorded bool
}

// Away reports whether the absence covers at.
func (a Absence) Away(at time.Time) bool { return !a.Until.IsZero() && at.Before(a.Until) }

// Limits against abuse of the report flow.
type AbuseLimits struct {
	// ReportsPerDay is how many tickets one resident may create in 24
	// hours.
	ReportsPerDay int
	// MessagesPerMinute is how many messages one chat may send in a
	// minute before the bot stops answering for a while.
	MessagesPerMinute int
}

// Retention bounds how long the bot keeps personal data it no longer
// needs.
type Retention struct {
	// ClosedTickets is how long after a ticket was closed (resolved or
	// rejected) its personal data are kept; then they are erased (see
	// Ticket.Erase). Zero means they are never erased, which a loaded
	// configuration never has.
	ClosedTickets time.Duration
}

// ReportBlock stops a resident from reporting, set by a chief with a
// reason. The resident is not told who blocked them.
type ReportBlock struct {
	Chat   ChatRef   `json:"chat"`
	Reason string    `json:"reason"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

// codeNotes are the actions whose history notes are codes the bot wrote (a
// district, a staff id, a reason, a rating), not anybody's own words.
var codeNotes = map[string]bool{
	ActionTransferred: true, ActionReassigned: true, ActionRejected: true, ActionRated: true,
}

// Erase removes from the ticket everything that identifies its reporter
// or that they wrote or sent: the chat (so nothing more can reach them),
// the profile name, the text, the typed address, the exact place, the
// photos, and every free-text note of the history (the conversation with
// the police, the resolution, a block's reason), which may quote or name
// them. What remains serves statistics and the police's record of their
// own work: the code, category, district, precinct, assignee, status,
// dates, the anonymity and language chosen, the verdict and rating, and
// who did what when. action (ActionWithdrawn or ActionExpired) is recorded
// as the system's at at.
func (t *Ticket) Erase(at time.Time, action string) {
	t.Reporter = ChatRef{}
	t.ReporterName = ""
	t.Text = ""
	t.Address = ""
	t.Location = nil
	t.Photos = nil
	for i := range t.History {
		if !codeNotes[t.History[i].Action] {
			t.History[i].Note = ""
		}
	}
	t.Erased = at
	t.Record(at, "system", action, "", "")
}

// Linked reports whether the ticket still knows its reporter's chat, so
// that news of it can reach them.
func (t *Ticket) Linked() bool { return !t.Reporter.IsZero() }

// ClosedAt is when a closed ticket was closed: the time of the latest
// event that set its status. It is zero for an open ticket.
func (t *Ticket) ClosedAt() time.Time {
	if t.Status.Open() {
		return time.Time{}
	}
	for i := len(t.History) - 1; i >= 0; i-- {
		if t.History[i].Status == t.Status {
			return t.History[i].At
		}
	}
	return t.Resolved
}
