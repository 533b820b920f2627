package core

// Backups is when the bot backs up its data file, and where to.
type Backups struct {
	// Dir is where the backups go; empty turns scheduled backups off. A
	// relative path is relative to the data file's directory, so that
	// backups land on the data volume, not beside a read-only city file.
	Dir string
	// Schedule is a five-field cron expression in the city's time zone.
	Schedule string
	// Keep is how many backups are kept; older ones are removed.
	Keep int
}
