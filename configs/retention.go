package configs

import (
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// The default and bounds of retention.closed_tickets_days, as README.md
// documents them. The least is well past core.ReopenWindow, during which a
// resident may still reopen a resolved ticket; the most is ten years.
const (
	defaultClosedTicketsDays = 365
	minClosedTicketsDays     = 30
	maxClosedTicketsDays     = 3650
)

// retention checks the "retention" section and fills in its default.
func (c *checker) retention(doc *retentionDoc) core.Retention {
	days := c.bounded("retention.closed_tickets_days", doc.ClosedTicketsDays, defaultClosedTicketsDays, minClosedTicketsDays, maxClosedTicketsDays)
	return core.Retention{ClosedTickets: time.Duration(days) * 24 * time.Hour}
}
