package configs

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"go.yaml.in/yaml/v3"
)

// The defaults of the "delivery" section, as README.md documents them.
const (
	defaultQuietFrom   = 22 * time.Hour
	defaultQuietTo     = 8 * time.Hour
	defaultMaxAttempts = 10
	maxMaxAttempts     = 100
)

// Messengers' published ceilings for messages per second. Telegram allows
// 30 across all chats, or up to 1,000 with paid broadcasting; WhatsApp
// Cloud API starts at 80 per number and is raised to at most 1,000.
const (
	telegramRate     = 30
	telegramPaidRate = 1000
	whatsAppMaxRate  = 1000
)

// clockPattern is a time of day, "HH:MM" from 00:00 to 23:59.
var clockPattern = regexp.MustCompile(`^([01][0-9]|2[0-3]):([0-5][0-9])$`)

// delivery checks the "delivery" section and fills in its defaults, so
// that the result always holds limits for every channel.
func (c *checker) delivery(doc *deliveryDoc) core.Delivery {
	d := core.Delivery{
		QuietHours:  c.quietHours("delivery.quiet_hours", &doc.QuietHours),
		MaxAttempts: defaultMaxAttempts,
	}
	if n := doc.MaxAttempts; n.set {
		if n.v < 1 || n.v > maxMaxAttempts {
			c.errorf("delivery.max_attempts", "%d is out of range: want 1 to %d", n.v, maxMaxAttempts)
		} else {
			d.MaxAttempts = n.v
		}
	}
	d.Limits = map[core.Channel]core.Limits{
		core.Telegram: c.limits("delivery.telegram", core.Telegram, doc.Telegram),
		core.WhatsApp: c.limits("delivery.whatsapp", core.WhatsApp, doc.WhatsApp),
	}
	return d
}

// quietHours reads delivery.quiet_hours: absent for the default window,
// the word off for none, or a mapping whose absent ends take the defaults.
func (c *checker) quietHours(field string, n *yaml.Node) core.QuietHours {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	q := core.QuietHours{From: defaultQuietFrom, To: defaultQuietTo}
	switch {
	case n.Kind == 0 || n.Tag == "!!null":
		return q
	case n.Kind == yaml.ScalarNode && n.Value == "off":
		return core.QuietHours{}
	case n.Kind == yaml.ScalarNode:
		c.errorf(field, `want {from: "HH:MM", to: "HH:MM"} or off, got %q`, n.Value)
		return q
	case n.Kind != yaml.MappingNode:
		c.errorf(field, `want {from: "HH:MM", to: "HH:MM"} or off`)
		return q
	}
	c.unknownFields(n, reflect.TypeFor[quietHoursDoc](), field)
	var doc quietHoursDoc
	if err := n.Decode(&doc); err != nil {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			c.yamlError(err.Error())
			return q
		}
		for _, msg := range te.Errors {
			c.yamlError(msg)
		}
	}
	if doc.From != "" {
		q.From = c.clock(join(field, "from"), doc.From, q.From)
	}
	if doc.To != "" {
		q.To = c.clock(join(field, "to"), doc.To, q.To)
	}
	return q
}

// clock parses a time of day into an offset from midnight, or records a
// problem and returns def.
func (c *checker) clock(field, s string, def time.Duration) time.Duration {
	m := clockPattern.FindStringSubmatch(s)
	if m == nil {
		c.errorf(field, "invalid time %q: want HH:MM from 00:00 to 23:59", s)
		return def
	}
	hour, _ := strconv.Atoi(m[1])
	minute, _ := strconv.Atoi(m[2])
	return time.Duration(hour)*time.Hour + time.Duration(minute)*time.Minute
}

// formatClock formats an offset from midnight as "HH:MM".
func formatClock(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute))
}

// limits checks one channel's entry, starting from the messenger's
// published limits.
func (c *checker) limits(field string, ch core.Channel, doc *limitsDoc) core.Limits {
	l := core.DefaultLimits(ch)
	if doc == nil {
		return l
	}
	if doc.PaidBroadcast && ch != core.Telegram {
		c.errorf(join(field, "paid_broadcast"), "paid broadcasting is a Telegram feature: remove it here")
	} else {
		l.PaidBroadcast = doc.PaidBroadcast
	}
	if r := doc.Rate; r.set {
		most, limit := rateLimit(ch, l.PaidBroadcast)
		switch {
		case !(r.v > 0): // NaN too
			c.errorf(join(field, "rate"), "%g: want more than 0 messages per second", r.v)
		case r.v > most:
			c.errorf(join(field, "rate"), "%g is over %s", r.v, limit)
		default:
			l.Rate = r.v
		}
	}
	l.PerChat = c.interval(join(field, "per_chat"), doc.PerChat, l.PerChat)
	l.PerGroup = c.interval(join(field, "per_group"), doc.PerGroup, l.PerGroup)
	return l
}

// rateLimit returns the highest rate ch allows and describes it.
func rateLimit(ch core.Channel, paid bool) (float64, string) {
	switch {
	case ch == core.WhatsApp:
		return whatsAppMaxRate, fmt.Sprintf("WhatsApp Cloud API's highest throughput, %d messages per second", whatsAppMaxRate)
	case paid:
		return telegramPaidRate, fmt.Sprintf("Telegram's paid broadcast limit of %d messages per second", telegramPaidRate)
	}
	return telegramRate, fmt.Sprintf("Telegram's limit of %d messages per second (paid_broadcast: true lifts it to %d)", telegramRate, telegramPaidRate)
}

// interval parses a pause between messages in Go's duration syntax, or
// records a problem and returns def; "" means def.
func (c *checker) interval(field, s string, def time.Duration) time.Duration {
	if s == "" {
		return def
	}
	d, err := time.ParseDuration(s)
	switch {
	case err != nil:
		c.errorf(field, `invalid duration %q: want a Go duration such as "1s", "1.5s" or "500ms"`, s)
		return def
	case d < 0:
		c.errorf(field, "negative duration %s: want 0 (no pause) or more", s)
		return def
	}
	return d
}
