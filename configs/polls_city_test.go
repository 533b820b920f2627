package configs_test

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/configs"
	"github.com/beatbot-kz/beatbot/core"
)

// TestLoadPollValid checks what a valid poll becomes: dates in the city's
// zone, skips as given, yes/no options filled in, scales without options.
func TestLoadPollValid(t *testing.T) {
	city := testCity(t, "Asia/Almaty")
	p, warnings, err := configs.LoadPoll("testdata/polls/valid.yaml", city)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warnings {
		t.Errorf("warning: %s", w)
	}
	if p.ID != "test-2026" || p.Series != "test" || p.Title[core.Kazakh] != "Сауалнама" || p.Intro[core.English] != "About a minute." ||
		p.Invitation[core.Russian] != "Пройдите опрос." {
		t.Errorf("got poll %q of series %q, title %v, intro %v, invitation %v", p.ID, p.Series, p.Title, p.Intro, p.Invitation)
	}
	if want := time.Date(2026, time.November, 1, 0, 0, 0, 0, city.Location); !p.Opens.Equal(want) || p.Opens.Location() != city.Location {
		t.Errorf("got opens %s, want %s", p.Opens, want)
	}
	if want := time.Date(2027, time.March, 1, 0, 0, 0, 0, time.UTC); !p.Closes.Equal(want) || p.Closes.Location() != city.Location {
		t.Errorf("got closes %s, want %s shown in %s", p.Closes, want, city.Location)
	}
	var kinds []core.QuestionKind
	for _, q := range p.Questions {
		kinds = append(kinds, q.Kind)
	}
	if want := []core.QuestionKind{core.Scale, core.SingleChoice, core.MultiChoice, core.YesNo, core.SingleChoice, core.FreeText}; !slices.Equal(kinds, want) {
		t.Fatalf("got kinds %v, want %v", kinds, want)
	}
	scale, lighting, knows, contacted, comment := p.Questions[0], p.Questions[1], p.Questions[3], p.Questions[4], p.Questions[5]
	if scale.Options != nil || scale.Low[core.English] != "Not at all" || scale.High[core.English] != "Very" {
		t.Errorf("got scale options %v, low %v, high %v, want no options and both labels", scale.Options, scale.Low, scale.High)
	}
	if got := lighting.Options[1]; got.ID != "poor" || got.Short[core.Russian] != "Плохое" {
		t.Errorf("got option %+v, want poor with a short label", got)
	}
	if !reflect.DeepEqual(knows.Options, core.YesNoOptions) {
		t.Errorf("got yes/no options %v, want %v", knows.Options, core.YesNoOptions)
	}
	knows.Options[0].Text[core.English] = "changed"
	if core.YesNoOptions[0].Text[core.English] != "Yes" {
		t.Errorf("changing a poll's yes/no options changed core.YesNoOptions")
	}
	for _, tt := range []struct {
		q     core.Question
		skips map[string]string
	}{
		{scale, map[string]string{"5": "worries"}},
		{knows, map[string]string{"no": "comment", "yes": "contacted"}},
		{contacted, map[string]string{"no": "end"}},
		{comment, nil},
	} {
		if !maps.Equal(tt.q.Skips, tt.skips) {
			t.Errorf("question %s: got skips %v, want %v", tt.q.ID, tt.q.Skips, tt.skips)
		}
	}
	if !comment.Optional || knows.Optional {
		t.Errorf("got optional %v for comment and %v for knows, want true and false", comment.Optional, knows.Optional)
	}
	// The skips work as the poll runs them: "no" to knows jumps to the
	// comment, "no" to contacted ends the poll.
	if got := p.Next(3, core.Answer{Q: 3, Options: 1 << 1}); got != 5 {
		t.Errorf("after knows: no, got question %d, want 5", got)
	}
	if got := p.Next(4, core.Answer{Q: 4, Options: 1 << 1}); got != len(p.Questions) {
		t.Errorf("after contacted: no, got question %d, want the end", got)
	}
}

// TestLoadPollZone checks that dates are read in the city's time zone.
func TestLoadPollZone(t *testing.T) {
	var opens []time.Time
	for _, zone := range []string{"Asia/Almaty", "Europe/Moscow"} {
		city := testCity(t, zone)
		p, _, err := configs.LoadPoll("testdata/polls/valid.yaml", city)
		if err != nil {
			t.Fatal(err)
		}
		if want := time.Date(2026, time.November, 1, 0, 0, 0, 0, city.Location); !p.Opens.Equal(want) {
			t.Errorf("%s: got opens %s, want %s", zone, p.Opens, want)
		}
		opens = append(opens, p.Opens)
	}
	if opens[0].Equal(opens[1]) {
		t.Errorf("opens is %s in both zones, want the start of the day in each", opens[0])
	}
}

// TestLoadPollAudience checks that precincts add their districts, in the
// city's order, and that neither means the whole city.
func TestLoadPollAudience(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"citywide.yaml", nil},
		{"precinct.yaml", []string{"d1", "d2"}},
		{"valid.yaml", []string{"d2", "d3"}}, // d2, and p2's d3
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p, _, err := configs.LoadPoll("testdata/polls/"+tt.file, testCity(t, "Asia/Almaty"))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(p.Districts, tt.want) {
				t.Errorf("got districts %v, want %v", p.Districts, tt.want)
			}
		})
	}
}

// TestLoadCityPolls checks that the city file's polls reach core.City in
// the order listed.
func TestLoadCityPolls(t *testing.T) {
	city := loadQuietly(t, "polls/city.yaml")
	var got []string
	for _, p := range city.Polls {
		got = append(got, p.ID+":"+strings.Join(p.Districts, ","))
	}
	if want := []string{"citywide-2026:", "precinct-2026:d1,d2"}; !slices.Equal(got, want) {
		t.Errorf("got polls %v, want %v", got, want)
	}
	if s := configs.Summarize(city); s.Polls != 2 {
		t.Errorf("Summarize counts %d polls, want 2", s.Polls)
	}
}
