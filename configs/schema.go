package configs

import (
	"github.com/beatbot-kz/beatbot/core"
	"go.yaml.in/yaml/v3"
)

// The types below mirror the YAML file one to one; README.md documents
// them. They stay unexported: the rest of beatbot sees only core.City.

// fileDoc is a whole city file.
type fileDoc struct {
	City      cityDoc       `yaml:"city"`
	Precincts []precinctDoc `yaml:"precincts"`
	Districts []districtDoc `yaml:"districts"`
	Streets   []streetDoc   `yaml:"streets"`
	Staff     []staffDoc    `yaml:"staff"`
	// Categories is a pointer so that an empty list, which is an error,
	// differs from an absent section, which means the default set.
	Categories *[]categoryDoc `yaml:"categories"`
	Abuse      abuseDoc       `yaml:"abuse"`
	Retention  retentionDoc   `yaml:"retention"`
	Delivery   deliveryDoc    `yaml:"delivery"`
	Alerts     []alertDoc     `yaml:"alerts"`
	// Polls are paths of poll files, relative to the city file.
	Polls    []string    `yaml:"polls"`
	WhatsApp whatsAppDoc `yaml:"whatsapp"`
	Backups  backupsDoc  `yaml:"backups"`
}

// whatsAppDoc is the "whatsapp" section.
type whatsAppDoc struct {
	// Templates: kind → language → approved template name.
	Templates map[string]map[core.Lang]string `yaml:"templates"`
}

// cityDoc is the "city" section.
type cityDoc struct {
	Code      string         `yaml:"code"`
	Name      core.Text      `yaml:"name"`
	TimeZone  string         `yaml:"time_zone"`
	Languages []core.Lang    `yaml:"languages"`
	Emergency []emergencyDoc `yaml:"emergency"`
	Contact   contactDoc     `yaml:"contact"`
}

// emergencyDoc is one entry of city.emergency.
type emergencyDoc struct {
	Number string    `yaml:"number"`
	Name   core.Text `yaml:"name"`
}

// contactDoc is city.contact.
type contactDoc struct {
	Name  core.Text `yaml:"name"`
	Phone string    `yaml:"phone"`
}

// precinctDoc is one entry of "precincts".
type precinctDoc struct {
	ID       string      `yaml:"id"`
	Name     core.Text   `yaml:"name"`
	Address  core.Text   `yaml:"address"`
	Phone    string      `yaml:"phone"`
	Location *core.Point `yaml:"location"`
	Chief    string      `yaml:"chief"`
	DutyChat int64       `yaml:"duty_chat"`
}

// districtDoc is one entry of "districts". Boundary is kept as a raw node
// because it holds GeoJSON, which orb/geojson decodes.
type districtDoc struct {
	ID           string       `yaml:"id"`
	Precinct     string       `yaml:"precinct"`
	Name         core.Text    `yaml:"name"`
	Inspector    string       `yaml:"inspector"`
	Boundary     yaml.Node    `yaml:"boundary"`
	BoundaryFile string       `yaml:"boundary_file"`
	Addresses    []addressDoc `yaml:"addresses"`
}

// addressDoc is one entry of a district's "addresses".
type addressDoc struct {
	Street string   `yaml:"street"`
	Houses []string `yaml:"houses"`
}

// streetDoc is one entry of "streets".
type streetDoc struct {
	ID      string    `yaml:"id"`
	Name    core.Text `yaml:"name"`
	Aliases []string  `yaml:"aliases"`
}

// staffDoc is one entry of "staff".
type staffDoc struct {
	ID         string    `yaml:"id"`
	Role       core.Role `yaml:"role"`
	Name       core.Text `yaml:"name"`
	Rank       core.Text `yaml:"rank"`
	Phone      string    `yaml:"phone"`
	Reception  core.Text `yaml:"reception"`
	TelegramID int64     `yaml:"telegram_id"`
	WhatsApp   string    `yaml:"whatsapp"`
	Sample     bool      `yaml:"sample"`
	// AwayUntil is a date or an RFC 3339 time, kept as text so that its
	// problems are reported in our words rather than yaml's.
	AwayUntil string `yaml:"away_until"`
	Deputy    string `yaml:"deputy"`
}

// categoryDoc is one entry of "categories". Durations are strings in Go's
// syntax ("24h", "90m"); empty means the default.
type categoryDoc struct {
	ID            string    `yaml:"id"`
	Name          core.Text `yaml:"name"`
	AcceptWithin  string    `yaml:"accept_within"`
	ResolveWithin string    `yaml:"resolve_within"`
}

// abuseDoc is the optional "abuse" section; absent fields take the
// defaults README.md gives.
type abuseDoc struct {
	ReportsPerDay     optional[int] `yaml:"reports_per_day"`
	MessagesPerMinute optional[int] `yaml:"messages_per_minute"`
}

// retentionDoc is the optional "retention" section; absent fields take
// the defaults README.md gives.
type retentionDoc struct {
	ClosedTicketsDays optional[int] `yaml:"closed_tickets_days"`
}

// deliveryDoc is the optional "delivery" section; absent fields take the
// defaults README.md gives.
type deliveryDoc struct {
	// QuietHours is kept as a raw node because it is either a mapping
	// (quietHoursDoc) or the word off.
	QuietHours  yaml.Node     `yaml:"quiet_hours"`
	MaxAttempts optional[int] `yaml:"max_attempts"`
	Telegram    *limitsDoc    `yaml:"telegram"`
	WhatsApp    *limitsDoc    `yaml:"whatsapp"`
}

// quietHoursDoc is delivery.quiet_hours when it is a mapping.
type quietHoursDoc struct {
	From string `yaml:"from"`
	To   string `yaml:"to"`
}

// limitsDoc is a channel's entry in "delivery". Durations are strings in
// Go's syntax ("1s", "500ms").
type limitsDoc struct {
	Rate          optional[float64] `yaml:"rate"`
	PaidBroadcast bool              `yaml:"paid_broadcast"`
	PerChat       string            `yaml:"per_chat"`
	PerGroup      string            `yaml:"per_group"`
}

// alertDoc is one entry of "alerts".
type alertDoc struct {
	ID        string    `yaml:"id"`
	Cron      string    `yaml:"cron"`
	Districts []string  `yaml:"districts"`
	Urgent    bool      `yaml:"urgent"`
	Text      core.Text `yaml:"text"`
}

// optional is a value that may be absent, so that an explicit zero is
// checked rather than taken for "use the default". Unlike a pointer, it
// stays unset when the value has the wrong type, which yaml reports
// already: the check of the value then adds no second, confusing problem.
type optional[T any] struct {
	v   T
	set bool
}

// UnmarshalYAML decodes the value; yaml does not call it for null.
func (o *optional[T]) UnmarshalYAML(n *yaml.Node) error {
	if err := n.Decode(&o.v); err != nil {
		return err
	}
	o.set = true
	return nil
}
