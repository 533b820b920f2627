package configs

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/beatbot-kz/beatbot/core"
)

// Load reads, parses and validates the city file at path, and the GeoJSON
// boundary files and poll files it references (relative to the file's
// directory); polls are checked as LoadPoll checks them.
//
// It returns the city, already indexed, and warnings: findings that do not
// stop the bot but deserve a look, such as overlapping districts. If the
// configuration has fatal problems, the city is nil and the error is a
// *ValidationError listing all of them, each naming its file and field; it
// matches ErrInvalid with errors.Is. An unreadable city file is reported
// as the underlying error, wrapped (errors.Is(err, fs.ErrNotExist) works).
func Load(path string) (*core.City, []Warning, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("configs: load city: %w", err)
	}
	c := &checker{file: path}
	var doc fileDoc
	if !c.parse(data, &doc) {
		return nil, nil, c.err()
	}
	city := c.build(&doc, filepath.Dir(path))
	if err := c.err(); err != nil {
		return nil, c.warns, err
	}
	city.Index()
	return city, c.warns, nil
}

// Summary counts what a city configuration holds, for `beatbot check`.
type Summary struct {
	Precincts, Districts, Staff, Streets int
	// Addresses is the number of house ranges over all districts.
	Addresses int
	// Alerts is the number of scheduled alerts.
	Alerts int
	// Categories is the number of report categories: nine when the file
	// leaves them to the default set.
	Categories int
	// Polls is the number of polls the city file lists.
	Polls int
}

// Summarize counts the records of c.
func Summarize(c *core.City) Summary {
	return Summary{
		Precincts:  len(c.Precincts),
		Districts:  len(c.Districts),
		Staff:      len(c.Staff),
		Streets:    len(c.Streets),
		Addresses:  c.AddressCount(),
		Alerts:     len(c.Alerts),
		Categories: len(c.Categories),
		Polls:      len(c.Polls),
	}
}
