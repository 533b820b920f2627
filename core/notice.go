package core

import "time"

// Notice is a neighbourhood notice a precinct chief (or an admin) sends to
// the residents subscribed to some districts: now, once at a set time, or on
// a recurring schedule.
type Notice struct {
	ID uint64 `json:"id"`
	// Author is the staff id of who wrote it; AuthorChat is where the
	// delivery reports go.
	Author     string  `json:"author"`
	AuthorChat ChatRef `json:"author_chat"`
	// Lang is the author's language, for the delivery reports.
	Lang Lang `json:"lang,omitempty"`
	// Districts are the target districts, all within the author's
	// jurisdiction when it was confirmed.
	Districts []string `json:"districts"`
	Text      string   `json:"text"`
	// Photo is a messenger file reference to send with the text.
	Photo  string `json:"photo,omitempty"`
	Urgent bool   `json:"urgent,omitempty"`
	// At is when a one-off notice goes; zero means at once.
	At time.Time `json:"at,omitzero"`
	// Cron makes the notice recurring, in the city's time zone.
	Cron string `json:"cron,omitempty"`
	// LastRun is the scheduled time of the latest delivery.
	LastRun   time.Time `json:"last_run,omitzero"`
	Cancelled bool      `json:"cancelled,omitempty"`
	Created   time.Time `json:"created"`
	// Reports lists the deliveries whose report to the author is still
	// owed, by batch name.
	Reports []string `json:"reports,omitempty"`
	// Poll, when set, makes the notice an invitation to take that poll:
	// each recipient gets the poll's invitation in their own language
	// instead of Text.
	Poll string `json:"poll,omitempty"`
	// Invited counts the invitations queued per district, for the poll's
	// response rate.
	Invited map[string]int `json:"invited,omitempty"`
	// FanOut is a delivery being queued, chunk by chunk, so that a large
	// audience never needs one huge transaction and a crash midway resumes
	// where it stopped.
	FanOut *FanOut `json:"fan_out,omitempty"`
}

// FanOut is the progress of queueing one delivery of a notice.
type FanOut struct {
	// At is the delivery's scheduled time.
	At time.Time `json:"at"`
	// After is the last recipient queued, as a chat ref string; recipients
	// are queued in that order.
	After string `json:"after,omitempty"`
	// Queued counts the items queued so far.
	Queued int `json:"queued,omitempty"`
}

// Active reports whether the notice may still be delivered.
func (n *Notice) Active() bool {
	return !n.Cancelled && (n.Cron != "" || n.LastRun.IsZero())
}

// Batch names the outbox batch of the delivery scheduled for at.
func (n *Notice) Batch(at time.Time) string {
	return "notice:" + itoa(n.ID) + ":" + itoa(uint64(at.Unix()))
}

func itoa(v uint64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return string(b[i:])
		}
	}
}
