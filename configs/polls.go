package configs

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// pollDoc is a poll file; README.md documents it. Dates are kept as text
// so that their problems are reported in our words rather than yaml's.
type pollDoc struct {
	ID         string        `yaml:"id"`
	Series     string        `yaml:"series"`
	Title      core.Text     `yaml:"title"`
	Intro      core.Text     `yaml:"intro"`
	Invitation core.Text     `yaml:"invitation"`
	Opens      string        `yaml:"opens"`
	Closes     string        `yaml:"closes"`
	Districts  []string      `yaml:"districts"`
	Precincts  []string      `yaml:"precincts"`
	Questions  []questionDoc `yaml:"questions"`
}

// questionDoc is one entry of a poll's "questions".
type questionDoc struct {
	ID       string            `yaml:"id"`
	Kind     core.QuestionKind `yaml:"kind"`
	Text     core.Text         `yaml:"text"`
	Options  []optionDoc       `yaml:"options"`
	Low      core.Text         `yaml:"low"`
	High     core.Text         `yaml:"high"`
	Optional bool              `yaml:"optional"`
	Skip     map[string]string `yaml:"skip"`
}

// optionDoc is one entry of a question's "options".
type optionDoc struct {
	ID    string    `yaml:"id"`
	Text  core.Text `yaml:"text"`
	Short core.Text `yaml:"short"`
}

// maxPollText is the longest title, intro, invitation or question text, in
// characters: a question is one message, and a poll is meant to be quick.
const maxPollText = 1024

// LoadPoll reads, parses and validates the poll file at path against city:
// the districts and precincts it names must exist there, and its dates are
// read in city.Location. city need not be indexed; nil is an error.
//
// It returns the poll and warnings, such as an option text too long for a
// WhatsApp button. If the poll has fatal problems, the poll is nil and the
// error is a *ValidationError listing all of them, each naming the file and
// the field; it matches ErrInvalid with errors.Is. An unreadable file is
// reported as the underlying error, wrapped.
func LoadPoll(path string, city *core.City) (*core.Poll, []Warning, error) {
	if city == nil {
		return nil, nil, fmt.Errorf("configs: load poll %s: no city to check it against", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("configs: load poll: %w", err)
	}
	c := &checker{file: path}
	p := c.poll(data, city)
	if err := c.err(); err != nil {
		return nil, c.warns, err
	}
	return p, c.warns, nil
}

// polls loads the poll files the city file lists, relative to dir. Each
// poll file's problems name that file; duplicates name the city file's
// field.
func (c *checker) polls(paths []string, dir string, city *core.City) []core.Poll {
	var out []core.Poll
	first := map[string]string{}
	for i, p := range paths {
		field := index("polls", i)
		if strings.TrimSpace(p) == "" {
			c.errorf(field, "required: the path of a poll file, relative to this file")
			continue
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			c.errorf(field, "%v", err)
			continue
		}
		pc := &checker{file: p}
		poll := pc.poll(data, city)
		c.errs = append(c.errs, pc.errs...)
		c.warns = append(c.warns, pc.warns...)
		if poll == nil {
			continue
		}
		if at, dup := first[poll.ID]; dup && poll.ID != "" {
			c.errorf(field, "duplicate poll id %q (first used at %s): give each run of a poll its own id, and the runs the same series", poll.ID, at)
			continue
		}
		first[poll.ID] = field
		out = append(out, *poll)
	}
	return out
}

// poll parses and checks one poll file. It returns nil only if the file
// cannot be parsed; otherwise the poll, which is valid only if no problem
// was recorded.
func (c *checker) poll(data []byte, city *core.City) *core.Poll {
	var doc pollDoc
	if !c.parse(data, &doc) {
		return nil
	}
	loc := city.Location
	if loc == nil {
		loc = time.UTC // city.time_zone is reported already
	}
	p := &core.Poll{
		ID: doc.ID, Series: doc.Series, Title: doc.Title, Intro: doc.Intro, Invitation: doc.Invitation,
	}
	c.id("id", doc.ID)
	if doc.Series != "" {
		c.id("series", doc.Series)
	}
	c.text("title", doc.Title, true)
	c.text("intro", doc.Intro, false)
	c.text("invitation", doc.Invitation, false)
	for _, f := range []struct {
		name string
		t    core.Text
	}{{"title", doc.Title}, {"intro", doc.Intro}, {"invitation", doc.Invitation}} {
		c.maxLen(f.name, f.t, maxPollText, "")
	}
	c.dates(&doc, p, loc)
	p.Districts = c.audience(&doc, city)
	p.Questions = c.questions(doc.Questions)
	if len(c.errs) == 0 {
		c.unreachable(p.Questions)
	}
	return p
}

// dates reads opens and closes in loc. Whether the poll has closed
// already depends on when the file is read, not on the file, so that is
// for `beatbot check` and the bot's start to say.
func (c *checker) dates(doc *pollDoc, p *core.Poll, loc *time.Location) {
	opens, okOpens := c.moment("opens", doc.Opens, loc)
	closes, okCloses := c.moment("closes", doc.Closes, loc)
	p.Opens, p.Closes = opens, closes
	switch {
	case !okOpens || !okCloses:
	case !closes.After(opens):
		c.errorf("closes", "%s is not after opens %s: a poll takes answers from opens until closes", doc.Closes, doc.Opens)
	}
}

// moment parses a date, meaning the start of that day in loc, or an RFC
// 3339 time.
func (c *checker) moment(field, s string, loc *time.Location) (time.Time, bool) {
	const want = `a date such as 2026-11-01 (the start of that day in city.time_zone), or an RFC 3339 time such as "2026-11-01T09:00:00+05:00"`
	if s == "" {
		c.errorf(field, "required: %s", want)
		return time.Time{}, false
	}
	if t, err := time.ParseInLocation(time.DateOnly, s, loc); err == nil {
		return t, true
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.In(loc), true
	}
	c.errorf(field, "invalid date %q: want %s", s, want)
	return time.Time{}, false
}

// audience checks the districts and precincts a poll targets and returns
// its districts in the city's order: those listed and those of the
// precincts listed. None listed means the whole city, an empty list.
func (c *checker) audience(doc *pollDoc, city *core.City) []string {
	districts := collect("districts", len(city.Districts), func(i int) string { return city.Districts[i].ID })
	precincts := collect("precincts", len(city.Precincts), func(i int) string { return city.Precincts[i].ID })
	want := map[string]bool{}
	for _, id := range c.refList("districts", "district", doc.Districts, districts) {
		want[id] = id != ""
	}
	for i, id := range c.refList("precincts", "precinct", doc.Precincts, precincts) {
		if id == "" {
			continue
		}
		n := 0
		for _, d := range city.Districts {
			if d.Precinct == id {
				want[d.ID] = true
				n++
			}
		}
		if n == 0 {
			c.errorf(index("precincts", i), "precinct %q has no districts, so the poll would reach nobody there", id)
		}
	}
	var out []string
	for _, d := range city.Districts {
		if want[d.ID] {
			want[d.ID] = false // a duplicate district id is reported in the city file
			out = append(out, d.ID)
		}
	}
	return out
}
