package core

import "time"

// Delivery holds how the notifier paces and times what the bot sends on its
// own initiative. The configuration loader fills in defaults for zero
// values.
type Delivery struct {
	// QuietHours is when non-urgent messages wait; the zero value means
	// none.
	QuietHours QuietHours
	// Limits are per channel; a channel without an entry uses
	// DefaultLimits for it.
	Limits map[Channel]Limits
	// MaxAttempts is how many times a failing item is tried before it is
	// given up on.
	MaxAttempts int
}

// QuietHours is a daily window in the city's time zone, such as 22:00 to
// 08:00, that may span midnight.
type QuietHours struct {
	// From and To are offsets from local midnight; equal means no window.
	From, To time.Duration
}

// Contains reports whether the local time of t falls in the window.
func (q QuietHours) Contains(t time.Time) bool {
	if q.From == q.To {
		return false
	}
	d := sinceMidnight(t)
	if q.From < q.To {
		return d >= q.From && d < q.To
	}
	return d >= q.From || d < q.To
}

// End returns when the window containing t ends, or t if it is outside
// the window.
func (q QuietHours) End(t time.Time) time.Time {
	if !q.Contains(t) {
		return t
	}
	y, m, d := t.Date()
	end := time.Date(y, m, d, 0, 0, 0, 0, t.Location()).Add(q.To)
	if !end.After(t) {
		end = time.Date(y, m, d+1, 0, 0, 0, 0, t.Location()).Add(q.To)
	}
	return end
}

func sinceMidnight(t time.Time) time.Duration {
	h, m, s := t.Clock()
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(s)*time.Second + time.Duration(t.Nanosecond())
}

// Limits are a channel's delivery rate limits.
type Limits struct {
	// Rate is the most messages per second across all chats.
	Rate float64
	// PerChat is the least time between two messages to one private chat.
	PerChat time.Duration
	// PerGroup is the least time between two messages to one group chat.
	PerGroup time.Duration
	// PaidBroadcast asks Telegram for paid broadcasting (allow_paid_broadcast),
	// which lifts the rate to up to 1,000 messages per second for a fee.
	PaidBroadcast bool
}

// DefaultLimits returns the messenger's published limits for ch: for
// Telegram 30 messages per second, one per second per chat and 20 per minute
// per group; for WhatsApp Cloud API 80 messages per second per number.
func DefaultLimits(ch Channel) Limits {
	switch ch {
	case WhatsApp:
		return Limits{Rate: 80, PerChat: time.Second, PerGroup: 3 * time.Second}
	}
	return Limits{Rate: 30, PerChat: time.Second, PerGroup: 3 * time.Second}
}

// ScheduledAlert is a recurring message to the subscribers of some
// districts, from the city's configuration: "lock your windows and doors
// before you leave".
type ScheduledAlert struct {
	ID string
	// Cron is a standard five-field cron expression in the city's time
	// zone, e.g. "0 18 * 6-8 5" for 18:00 on Fridays in summer.
	Cron string
	// Districts are the target districts; empty means all.
	Districts []string
	Text      Text
	// Urgent alerts are delivered during quiet hours.
	Urgent bool
}
