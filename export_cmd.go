package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/beatbot-kz/beatbot/configs"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
)

const exportUsage = `Usage:
  beatbot export tickets [-config FILE] -from DATE -to DATE [-precinct ID]
                         [-format csv|json] [-o FILE]

Exports the tickets created from the first to the last day given
(inclusive, YYYY-MM-DD in city.time_zone) for precinct reporting: code,
category, district, precinct, assignee, status, the times created,
accepted and resolved (RFC 3339, in city.time_zone), the resident's
verdict and rating. It works while the bot runs, from a snapshot.

The export is for statistics, so it names no one who did not want to be
named: no chat or phone number ever, no text, address or place; the
reporter's name only for a ticket not sent anonymously. Flags may be
written -from or --from.

Flags:
`

// exportCommand runs `beatbot export tickets …`.
func exportCommand(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	if len(args) == 0 || isFlag(args[0]) || args[0] != "tickets" {
		fmt.Fprint(stdout, exportUsage)
		return errors.New("export: want what to export: tickets")
	}
	fs := flag.NewFlagSet("beatbot export tickets", flag.ContinueOnError)
	fs.SetOutput(stdout)
	configPath := fs.String("config", defaultConfig, "city configuration `file` (YAML)")
	fromFlag := fs.String("from", "", "first `day` of tickets created, e.g. 2026-11-01 (required)")
	toFlag := fs.String("to", "", "last `day` of tickets created, inclusive, e.g. 2026-11-30 (required)")
	precinct := fs.String("precinct", "", "only the tickets of this precinct `id`")
	format := fs.String("format", "csv", "`format`: csv or json")
	out := fs.String("o", "", "write the export to `file` instead of standard output")
	fs.Usage = func() {
		fmt.Fprint(stdout, exportUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("export tickets: unexpected arguments %q", fs.Args())
	}
	if *format != "csv" && *format != "json" {
		return fmt.Errorf("export tickets: -format %q: want csv or json", *format)
	}
	env, err := loadEnv(getenv)
	if err != nil {
		return err
	}
	city, _, err := configs.Load(*configPath)
	if err != nil {
		return err
	}
	from, err := parseDay("-from", *fromFlag, city.Location)
	if err != nil {
		return err
	}
	to, err := parseDay("-to", *toFlag, city.Location)
	if err != nil {
		return err
	}
	if to.Before(from) {
		return fmt.Errorf("export tickets: -to %s is before -from %s", *toFlag, *fromFlag)
	}
	f := ticketFilter{from: from, until: to.AddDate(0, 0, 1), precinct: *precinct}
	rows, err := exportedTickets(ctx, env.dataPath, city, f)
	if err != nil {
		return err
	}
	if len(rows) == 0 && f.precinct != "" && city.Precinct(f.precinct) == nil {
		// Unknown to the city file and to every ticket: a typo, most
		// likely. (A precinct since removed from the file still exports.)
		return fmt.Errorf("export tickets: -precinct %q: no such precinct in %s", f.precinct, *configPath)
	}
	return writeOut(*out, stdout, func(w io.Writer) error {
		if *format == "json" {
			return writeTicketsJSON(w, rows)
		}
		return writeTicketsCSV(w, rows)
	})
}

// parseDay reads a flag's YYYY-MM-DD as the start of that day in loc.
func parseDay(flagName, s string, loc *time.Location) (time.Time, error) {
	if s == "" {
		return time.Time{}, fmt.Errorf("export tickets: %s is required: a day such as 2026-11-01", flagName)
	}
	d, err := time.ParseInLocation(time.DateOnly, s, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("export tickets: %s %q: want a day such as 2026-11-01", flagName, s)
	}
	return d, nil
}

// ticketFilter picks the tickets created in [from, until), of precinct
// unless it is empty.
type ticketFilter struct {
	from, until time.Time
	precinct    string
}

// exportedTickets reads the tickets from a snapshot of the data file, so
// that the running bot is not disturbed, and turns those f picks into
// rows, oldest first.
//
// The snapshot holds every resident's personal data, so it is staged
// beside the data file, in a directory of the user's alone (0700, the
// copy 0600), as private as the data file and on its disk, never in the
// shared temporary directory; it is removed when the rows are read.
func exportedTickets(ctx context.Context, dataPath string, city *core.City, f ticketFilter) ([]ticketRow, error) {
	if _, err := os.Stat(dataPath); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("export tickets: no data file at %s (BEATBOT_DATA): %w", dataPath, err)
	}
	dir, err := os.MkdirTemp(filepath.Dir(dataPath), "."+filepath.Base(dataPath)+".export-")
	if err != nil {
		return nil, fmt.Errorf("export tickets: stage a copy of %s: %w", dataPath, err)
	}
	defer os.RemoveAll(dir)
	copyPath := filepath.Join(dir, "beatbot.db")
	if _, _, err := snapshot(ctx, dataPath, copyPath); err != nil {
		return nil, fmt.Errorf("export tickets: %w", err)
	}
	// The copy is the export's own: opening it may migrate it, never the
	// bot's file.
	db, err := storage.Open(copyPath, storage.Options{})
	if err != nil {
		return nil, fmt.Errorf("export tickets: %w", err)
	}
	defer db.Close()
	all, err := db.AllTickets(ctx)
	if err != nil {
		return nil, fmt.Errorf("export tickets: %w", err)
	}
	var rows []ticketRow
	for _, t := range all {
		if t.Created.Before(f.from) || !t.Created.Before(f.until) || f.precinct != "" && t.Precinct != f.precinct {
			continue
		}
		rows = append(rows, newTicketRow(&t, city.Location))
	}
	return rows, nil
}

// ticketRow is one exported ticket. It has no field for the reporter's
// chat: the export is for statistics and never needs to reach anyone.
type ticketRow struct {
	Code      string `json:"code"`
	Category  string `json:"category"`
	District  string `json:"district"`
	Precinct  string `json:"precinct"`
	Assignee  string `json:"assignee"`
	Status    string `json:"status"`
	Anonymous bool   `json:"anonymous"`
	// ReporterName is empty for an anonymous ticket, always.
	ReporterName string `json:"reporter_name,omitempty"`
	Created      string `json:"created"`
	Accepted     string `json:"accepted,omitempty"`
	Resolved     string `json:"resolved,omitempty"`
	// Solved is the resident's verdict after resolution, if they gave one.
	Solved *bool `json:"solved,omitempty"`
	// Rating is the resident's 1 to 5, 0 for none.
	Rating int `json:"rating,omitempty"`
}

func newTicketRow(t *core.Ticket, loc *time.Location) ticketRow {
	r := ticketRow{
		Code: t.Code, Category: t.Category, District: t.District, Precinct: t.Precinct,
		Assignee: t.Assignee, Status: string(t.Status), Anonymous: t.Anonymous,
		Created: stamp(t.Created, loc), Accepted: stamp(t.Accepted, loc), Resolved: stamp(t.Resolved, loc),
		Solved: t.Solved, Rating: t.Rating,
	}
	if !t.Anonymous {
		r.ReporterName = t.ReporterName
	}
	return r
}

// stamp formats t in loc, or "" for no time.
func stamp(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format(time.RFC3339)
}

var ticketColumns = []string{"code", "category", "district", "precinct", "assignee", "status", "anonymous",
	"reporter_name", "created", "accepted", "resolved", "solved", "rating"}

// writeTicketsCSV writes a header and one line per ticket.
func writeTicketsCSV(w io.Writer, rows []ticketRow) error {
	c := csv.NewWriter(w)
	if err := c.Write(ticketColumns); err != nil {
		return fmt.Errorf("export tickets: %w", err)
	}
	for _, r := range rows {
		solved, rating := "", ""
		if r.Solved != nil {
			solved = strconv.FormatBool(*r.Solved)
		}
		if r.Rating != 0 {
			rating = strconv.Itoa(r.Rating)
		}
		line := []string{r.Code, r.Category, r.District, r.Precinct, r.Assignee, r.Status, strconv.FormatBool(r.Anonymous),
			r.ReporterName, r.Created, r.Accepted, r.Resolved, solved, rating}
		for i := range line {
			line[i] = defuse(line[i])
		}
		if err := c.Write(line); err != nil {
			return fmt.Errorf("export tickets: %w", err)
		}
	}
	c.Flush()
	if err := c.Error(); err != nil {
		return fmt.Errorf("export tickets: %w", err)
	}
	return nil
}

// writeTicketsJSON writes the rows as one JSON array.
func writeTicketsJSON(w io.Writer, rows []ticketRow) error {
	if rows == nil {
		rows = []ticketRow{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(rows); err != nil {
		return fmt.Errorf("export tickets: %w", err)
	}
	return nil
}

// defuse keeps a spreadsheet from running a cell as a formula: a name is
// what the resident's messenger profile says, and may start with =, +, -
// or @ (as polls.TextsCSV does for free texts).
func defuse(s string) string {
	if s != "" && slices.Contains([]byte("=+-@\t\r"), s[0]) {
		return "'" + s
	}
	return s
}

// writeOut runs write on path (created for the bot's user alone: exports
// may hold names), or on stdout when path is empty.
func writeOut(path string, stdout io.Writer, write func(io.Writer) error) (err error) {
	if path == "" {
		return write(stdout)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("export tickets: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("export tickets: %w", cerr)
		}
	}()
	return write(f)
}
