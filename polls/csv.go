package polls

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/bits"
	"strconv"
	"strings"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// Skipped is the cell of a question that the resident passed over, told
// apart from an empty cell: a question never reached.
const Skipped = "skipped"

// CSV writes answer sets as CSV, one row per set, for analysis in a
// spreadsheet: key, district, done, started, updated (RFC 3339, UTC), then
// one column per question, headed by its id. A cell holds the chosen
// option's id (single, yes/no), the chosen ids joined by "|" (multiple),
// the number (scale), the text (free text), Skipped, or nothing for a
// question not answered. Answers that do not fit the definition are left
// empty, as Tally ignores them.
//
// Free text is typed by residents and opened by staff in Excel or
// LibreOffice, which run a cell starting with = + - @ as a formula: such a
// cell (and one starting with a tab or carriage return, which some
// spreadsheets strip before looking) gets a leading apostrophe.
type CSV struct {
	w      *csv.Writer
	poll   *core.Poll
	header bool
	row    []string // reused by every Write
	sb     strings.Builder
}

// csvFixed are the columns before the questions.
var csvFixed = []string{"key", "district", "done", "started", "updated"}

// NewCSV returns a CSV writing p's answer sets to w; the header is written
// with the first row, so an export of no sets is empty.
func NewCSV(w io.Writer, p *core.Poll) *CSV {
	return &CSV{
		w:    csv.NewWriter(w),
		poll: p,
		row:  make([]string, len(csvFixed)+len(p.Questions)),
	}
}

// Write writes s as one row, and the header before the first. Output is
// buffered: call Flush when done. The error wraps the writer's.
func (c *CSV) Write(s *core.AnswerSet) error {
	if !c.header {
		h := append([]string(nil), csvFixed...)
		for i := range c.poll.Questions {
			h = append(h, c.poll.Questions[i].ID)
		}
		if err := c.w.Write(h); err != nil {
			return fmt.Errorf("polls: write csv header: %w", err)
		}
		c.header = true
	}
	row := c.row
	clear(row)
	row[0], row[1] = s.Key, s.District
	row[2] = strconv.FormatBool(s.Done)
	row[3], row[4] = timestamp(s.Started), timestamp(s.Updated)
	for _, a := range s.Answers {
		if a.Q >= 0 && a.Q < len(c.poll.Questions) {
			row[len(csvFixed)+a.Q] = c.cell(&c.poll.Questions[a.Q], a)
		}
	}
	if err := c.w.Write(row); err != nil {
		return fmt.Errorf("polls: write csv row %s: %w", s.Key, err)
	}
	return nil
}

// Flush writes any buffered rows and returns the first error of any Write
// or of the flush itself.
func (c *CSV) Flush() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return fmt.Errorf("polls: flush csv: %w", err)
	}
	return nil
}

// timestamp formats t in UTC, so that rows sort and compare as text; a
// zero time is left empty rather than shown as year 1.
func timestamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// cell formats one answer to q.
func (c *CSV) cell(q *core.Question, a core.Answer) string {
	if a.Skipped {
		return Skipped
	}
	switch q.Kind {
	case core.SingleChoice, core.YesNo:
		opts := options(q)
		if bits.OnesCount16(a.Options) != 1 || bits.Len16(a.Options) > len(opts) {
			return ""
		}
		return opts[bits.TrailingZeros16(a.Options)].ID
	case core.MultiChoice:
		opts := options(q)
		if a.Options == 0 || bits.Len16(a.Options) > len(opts) {
			return ""
		}
		c.sb.Reset()
		for o := a.Options; o != 0; o &= o - 1 {
			if c.sb.Len() > 0 {
				c.sb.WriteByte('|')
			}
			c.sb.WriteString(opts[bits.TrailingZeros16(o)].ID)
		}
		return c.sb.String()
	case core.Scale:
		if a.Value < 1 || a.Value > core.ScaleMax {
			return ""
		}
		return strconv.Itoa(a.Value)
	case core.FreeText:
		return defuse(a.Text)
	}
	return ""
}

// defuse keeps a spreadsheet from running text as a formula.
func defuse(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
