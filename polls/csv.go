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

// Cells that are not an answer's value.
const (
	// Skipped is the cell of a question that the resident passed over,
	// told apart from an empty cell: a question never reached.
	Skipped = "skipped"
	// Written is the cell of a free-text question that was answered: the
	// text itself is exported apart, by TextsCSV.
	Written = "written"
)

// CSV writes answer sets as CSV, one row per set, for analysis in a
// spreadsheet: key, district, done, started, updated (RFC 3339, UTC), then
// one column per question, headed by its id. A cell holds the chosen
// option's id (single, yes/no), the chosen ids joined by "|" (multiple),
// the number (scale), Written (free text), Skipped, or nothing for a
// question not answered. Answers that do not fit the definition, or come
// out of question order, are left empty, as Tally ignores them.
//
// A free text is never written here, even while an answer still carries
// it: next to the other answers and the key, a text that names a street
// or a neighbour would tell whose answers the row holds.
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
	last := -1
	for _, a := range s.Answers {
		if a.Q > last && a.Q < len(c.poll.Questions) {
			row[len(csvFixed)+a.Q] = c.cell(&c.poll.Questions[a.Q], a)
			last = a.Q
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
		if a.Written || a.Text != "" {
			return Written
		}
	}
	return ""
}

// TextsCSV writes the free-text answers of a poll as CSV, one row per
// text: question (its id), district, text. The rows carry no key, so they
// cannot be matched to the answer sets of CSV, and storage hands the texts
// over by question and pseudonym, not in the order they were written, so
// neither can their order be matched to the sets' dates.
//
// Texts are typed by residents and opened by staff in Excel or
// LibreOffice, which run a cell starting with = + - @ as a formula: such a
// cell (and one starting with a tab or carriage return, which some
// spreadsheets strip before looking) gets a leading apostrophe.
type TextsCSV struct {
	w      *csv.Writer
	poll   *core.Poll
	header bool
	row    [3]string
}

// NewTextsCSV returns a TextsCSV writing p's free texts to w; the header
// is written with the first row, so an export of no texts is empty.
func NewTextsCSV(w io.Writer, p *core.Poll) *TextsCSV {
	return &TextsCSV{w: csv.NewWriter(w), poll: p}
}

// Write writes t as one row, and the header before the first. A text of
// another poll, of a question out of range or not a free-text one, or an
// empty one, is skipped: data may be older than the definition. Output is
// buffered: call Flush when done. The error wraps the writer's; it never
// quotes the text.
func (c *TextsCSV) Write(t core.PollText) error {
	if t.Poll != c.poll.ID || t.Text == "" || uint(t.Q) >= uint(len(c.poll.Questions)) {
		return nil
	}
	q := &c.poll.Questions[t.Q]
	if q.Kind != core.FreeText {
		return nil
	}
	if !c.header {
		if err := c.w.Write([]string{"question", "district", "text"}); err != nil {
			return fmt.Errorf("polls: write texts csv header: %w", err)
		}
		c.header = true
	}
	c.row = [3]string{q.ID, t.District, defuse(t.Text)}
	if err := c.w.Write(c.row[:]); err != nil {
		return fmt.Errorf("polls: write text of %s: %w", q.ID, err)
	}
	return nil
}

// Flush writes any buffered rows and returns the first error of any Write
// or of the flush itself.
func (c *TextsCSV) Flush() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return fmt.Errorf("polls: flush texts csv: %w", err)
	}
	return nil
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
