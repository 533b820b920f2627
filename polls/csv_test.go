package polls_test

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/polls"
)

func TestCSV(t *testing.T) {
	almaty := time.FixedZone("Asia/Almaty", 5*60*60)
	started := time.Date(2025, 3, 1, 10, 0, 0, 0, almaty)
	sets := []core.AnswerSet{
		{Key: "a1", District: "d1", Done: true, Started: started, Updated: started.Add(3 * time.Minute),
			Answers: []core.Answer{
				{Q: 0, Options: 1 << 1},
				{Q: 1, Options: 0b1101},
				{Q: 2, Value: 4},
				{Q: 3, Options: 1},
				{Q: 4, Written: true},
			}},
		{Key: "b2", District: "d2", Started: started,
			Answers: []core.Answer{
				{Q: 0, Options: 1 << 2},
				{Q: 1, Skipped: true},
			}},
		{Key: "c3", District: "d2", Done: true, Started: started, Updated: started,
			Answers: []core.Answer{
				{Q: 0, Options: 1 << 5},          // an option since removed
				{Q: 2, Value: core.ScaleMax + 1}, // off the scale
				{Q: 3, Options: 1 << 1},
				{Q: 4, Text: "=HYPERLINK(\"http://evil.example\")"}, // in flight
				{Q: 9, Text: "no such question"},
			}},
		{Key: "d4", District: "d1", Answers: []core.Answer{{Q: 4, Written: true, Text: "ул. Абая, 12"}}},
		{Key: "e5", District: "d1", Answers: []core.Answer{{Q: 4}}},
		{Key: "f6", District: "d1", Answers: []core.Answer{{Q: 4, Skipped: true}}},
		{Key: "g7", District: "d1", Answers: []core.Answer{
			{Q: 2, Value: 3}, {Q: 2, Value: 5}, {Q: 3, Options: 1}, {Q: 0, Options: 1}, // out of order
		}},
	}
	want := `key,district,done,started,updated,where,what,safe,police,say
a1,d1,true,2025-03-01T05:00:00Z,2025-03-01T05:03:00Z,street,noise|drunks|dark,4,yes,written
b2,d2,false,2025-03-01T05:00:00Z,,park,skipped,,,
c3,d2,true,2025-03-01T05:00:00Z,2025-03-01T05:00:00Z,,,,no,written
d4,d1,false,,,,,,,written
e5,d1,false,,,,,,,
f6,d1,false,,,,,,,skipped
g7,d1,false,,,,,3,yes,
`
	var b strings.Builder
	w := polls.NewCSV(&b, testPoll())
	for i := range sets {
		if err := w.Write(&sets[i]); err != nil {
			t.Fatalf("Write %s: %v", sets[i].Key, err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatalf("Flush: %v", err)
	}
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTextsCSV(t *testing.T) {
	texts := []core.PollText{
		{Poll: "p1", Q: 4, District: "d1", Text: "Темно, 2+2 фонаря = мало"},
		{Poll: "p1", Q: 4, District: "d2", Text: `=HYPERLINK("http://evil.example","тык")`},
		{Poll: "p1", Q: 4, District: "d2", Text: "-1, или \"+2\"\nвторая строка"},
		{Poll: "p1", Q: 0, District: "d1", Text: "not a free-text question"},
		{Poll: "p1", Q: 9, District: "d1", Text: "no such question"},
		{Poll: "p1", Q: -1, District: "d1", Text: "no such question"},
		{Poll: "p0", Q: 4, District: "d1", Text: "another poll"},
		{Poll: "p1", Q: 4, District: "d1"},
		{Poll: "p1", Q: 4, District: "d1", Text: "@SUM(A1)"},
	}
	want := `question,district,text
say,d1,"Темно, 2+2 фонаря = мало"
say,d2,"'=HYPERLINK(""http://evil.example"",""тык"")"
say,d2,"'-1, или ""+2""
вторая строка"
say,d1,'@SUM(A1)
`
	var b strings.Builder
	w := polls.NewTextsCSV(&b, testPoll())
	for _, text := range texts {
		if err := w.Write(text); err != nil {
			t.Fatalf("Write: %v", err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatalf("Flush: %v", err)
	}
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTextsCSVDefusesFormulas(t *testing.T) {
	p := &core.Poll{ID: "p", Questions: []core.Question{{ID: "say", Kind: core.FreeText}}}
	tests := []struct{ text, want string }{
		{"=1+1", "'=1+1"},
		{"+77011234567", "'+77011234567"},
		{"-", "'-"},
		{"@A1", "'@A1"},
		{"\tx", "'\tx"},
		{"\rx", "\"'\rx\""},
		{"a=1", "a=1"},
		{"'quoted", "'quoted"},
		{" =1", "\" =1\""}, // a leading space already keeps it text
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var b strings.Builder
			w := polls.NewTextsCSV(&b, p)
			if err := w.Write(core.PollText{Poll: "p", District: "d", Text: tt.text}); err != nil {
				t.Fatal(err)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			lines := strings.SplitN(b.String(), "\n", 2)
			got := strings.TrimSuffix(strings.TrimPrefix(lines[1], "say,d,"), "\n")
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCSVEmpty(t *testing.T) {
	tests := []struct {
		name  string
		flush func(w io.Writer) error
	}{
		{"sets", func(w io.Writer) error { return polls.NewCSV(w, testPoll()).Flush() }},
		{"texts", func(w io.Writer) error {
			c := polls.NewTextsCSV(w, testPoll())
			if err := c.Write(core.PollText{Poll: "p1", Q: 0, Text: "not free text"}); err != nil {
				return err
			}
			return c.Flush()
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := tt.flush(&b); err != nil {
				t.Fatal(err)
			}
			if b.Len() != 0 {
				t.Errorf("got %q, want nothing before the first row", b.String())
			}
		})
	}
}

var errDiskFull = errors.New("disk full")

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

// flusher is what CSV and TextsCSV have in common.
type flusher interface{ Flush() error }

func TestCSVWriteError(t *testing.T) {
	s := set("d1", true)
	tests := []struct {
		name  string
		write func(w io.Writer) (flusher, error)
	}{
		{"sets", func(w io.Writer) (flusher, error) {
			c := polls.NewCSV(w, testPoll())
			return c, c.Write(&s)
		}},
		{"texts", func(w io.Writer) (flusher, error) {
			c := polls.NewTextsCSV(w, testPoll())
			return c, c.Write(core.PollText{Poll: "p1", Q: 4, Text: "x"})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := tt.write(failingWriter{})
			if err != nil {
				t.Fatalf("Write: got %v, want the error at Flush", err)
			}
			if err := c.Flush(); !errors.Is(err, errDiskFull) {
				t.Errorf("Flush: got %v, want %v", err, errDiskFull)
			}
		})
	}
}
