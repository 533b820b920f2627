package polls_test

import (
	"errors"
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
				{Q: 4, Text: `=HYPERLINK("http://evil.example","тык")`},
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
				{Q: 4, Text: "-1, или \"+2\"\nвторая строка"},
				{Q: 9, Text: "no such question"},
			}},
		{Key: "d4", District: "d1", Answers: []core.Answer{{Q: 4, Text: "@SUM(A1)"}}},
		{Key: "e5", District: "d1", Answers: []core.Answer{{Q: 4, Text: "\t+7 777"}}},
		{Key: "f6", District: "d1", Answers: []core.Answer{{Q: 4, Skipped: true}}},
		{Key: "g7", District: "d1", Answers: []core.Answer{{Q: 4, Text: "Темно, 2+2 фонаря = мало"}}},
	}
	want := `key,district,done,started,updated,where,what,safe,police,say
a1,d1,true,2025-03-01T05:00:00Z,2025-03-01T05:03:00Z,street,noise|drunks|dark,4,yes,"'=HYPERLINK(""http://evil.example"",""тык"")"
b2,d2,false,2025-03-01T05:00:00Z,,park,skipped,,,
c3,d2,true,2025-03-01T05:00:00Z,2025-03-01T05:00:00Z,,,,no,"'-1, или ""+2""
вторая строка"
d4,d1,false,,,,,,,'@SUM(A1)
e5,d1,false,,,,,,,'	+7 777
f6,d1,false,,,,,,,skipped
g7,d1,false,,,,,,,"Темно, 2+2 фонаря = мало"
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

func TestCSVDefusesFormulas(t *testing.T) {
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
			w := polls.NewCSV(&b, p)
			s := core.AnswerSet{Key: "k", Answers: []core.Answer{{Q: 0, Text: tt.text}}}
			if err := w.Write(&s); err != nil {
				t.Fatal(err)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			lines := strings.SplitN(b.String(), "\n", 2)
			got := strings.TrimSuffix(strings.TrimPrefix(lines[1], "k,,false,,,"), "\n")
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCSVEmpty(t *testing.T) {
	var b strings.Builder
	if err := polls.NewCSV(&b, testPoll()).Flush(); err != nil {
		t.Fatal(err)
	}
	if b.Len() != 0 {
		t.Errorf("got %q, want nothing before the first set", b.String())
	}
}

var errDiskFull = errors.New("disk full")

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestCSVWriteError(t *testing.T) {
	w := polls.NewCSV(failingWriter{}, testPoll())
	s := set("d1", true)
	if err := w.Write(&s); err != nil {
		t.Fatalf("Write: got %v, want the error at Flush", err)
	}
	if err := w.Flush(); !errors.Is(err, errDiskFull) {
		t.Errorf("Flush: got %v, want %v", err, errDiskFull)
	}
}
