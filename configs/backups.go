package configs

import (
	"strings"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// The defaults of the "backups" section, as README.md documents them.
const (
	// defaultBackupSchedule is 03:00, when the bot is quietest.
	defaultBackupSchedule = "0 3 * * *"
	defaultBackupKeep     = 7
	maxBackupKeep         = 1000
)

// backupsDoc is the optional "backups" section.
type backupsDoc struct {
	Dir      string        `yaml:"dir"`
	Schedule string        `yaml:"schedule"`
	Keep     optional[int] `yaml:"keep"`
}

// backups checks the "backups" section and fills in its defaults. Without
// a dir, scheduled backups are off; a schedule or keep without one is a
// mistake, not a wish for no backups.
func (c *checker) backups(doc *backupsDoc, loc *time.Location) core.Backups {
	dir := strings.TrimSpace(doc.Dir)
	spec := strings.TrimSpace(doc.Schedule)
	if dir == "" {
		if spec != "" || doc.Keep.set {
			c.errorf("backups.dir", "required with schedule or keep: the directory for the backups, e.g. /data/backups (leave the section out to have no scheduled backups)")
		}
		return core.Backups{}
	}
	b := core.Backups{Dir: dir, Schedule: defaultBackupSchedule, Keep: defaultBackupKeep}
	if spec != "" {
		if _, sched := c.cron("backups.schedule", spec, "backups", loc); sched != nil {
			b.Schedule = spec
		}
	}
	if n := doc.Keep; n.set {
		if n.v < 1 || n.v > maxBackupKeep {
			c.errorf("backups.keep", "%d is out of range: want 1 to %d", n.v, maxBackupKeep)
		} else {
			b.Keep = n.v
		}
	}
	return b
}
