package configs_test

import (
	"reflect"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/configs"
	"github.com/beatbot-kz/beatbot/core"
)

// defaultCategoryIDs are the ids README.md promises, in menu order, when
// "categories" is absent.
var defaultCategoryIDs = []string{"burglary", "theft", "fraud", "disorder", "noise", "drugs", "online", "roads", "other"}

// defaultAbuse is what README.md promises when "abuse" is absent.
var defaultAbuse = core.AbuseLimits{ReportsPerDay: 5, MessagesPerMinute: 30}

// loadQuietly loads a fixture that must load without a warning.
func loadQuietly(t *testing.T, file string) *core.City {
	t.Helper()
	city, warnings, err := configs.Load("testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warnings {
		t.Errorf("warning: %s", w)
	}
	return city
}

func categoryIDs(cs []core.Category) []string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	return ids
}

// TestDefaults checks that a city leaving out categories, abuse and every
// leave gets the documented defaults.
func TestDefaults(t *testing.T) {
	city := loadQuietly(t, "valid.yaml")
	if got := categoryIDs(city.Categories); !reflect.DeepEqual(got, defaultCategoryIDs) {
		t.Errorf("got categories %v, want %v", got, defaultCategoryIDs)
	}
	for _, c := range city.Categories {
		if c.AcceptWithin != 24*time.Hour || c.ResolveWithin != 7*24*time.Hour {
			t.Errorf("category %s: got service levels %s and %s, want 24h and 168h", c.ID, c.AcceptWithin, c.ResolveWithin)
		}
		for _, l := range core.Langs {
			if n := utf8.RuneCountInString(c.Name[l]); n == 0 || n > 40 {
				t.Errorf("category %s: %s name %q has %d characters, want 1 to 40", c.ID, l, c.Name[l], n)
			}
		}
		if city.Category(c.ID) == nil {
			t.Errorf("category %s is not indexed", c.ID)
		}
	}
	if got := city.Category("burglary"); got == nil || got.Name[core.Kazakh] != "Пәтер ұрлығы" {
		t.Errorf("got burglary %+v, want the kk name Пәтер ұрлығы", got)
	}
	if city.Abuse != defaultAbuse {
		t.Errorf("got abuse %+v, want %+v", city.Abuse, defaultAbuse)
	}
	if want := 365 * 24 * time.Hour; city.Retention.ClosedTickets != want {
		t.Errorf("got retention of closed tickets %s, want a year", city.Retention.ClosedTickets)
	}
	for _, s := range city.Staff {
		if s.Absence != (core.Absence{}) {
			t.Errorf("staff %s: got absence %+v, want none", s.ID, s.Absence)
		}
	}

	// Each load builds its own default set: changing one city's names
	// must not show in another's.
	city.Categories[0].Name[core.English] = "changed"
	if again := loadQuietly(t, "valid.yaml"); again.Categories[0].Name[core.English] != "Flat burglary" {
		t.Errorf("a second load sees the first city's change: %q", again.Categories[0].Name[core.English])
	}
}

func TestCategories(t *testing.T) {
	city := loadQuietly(t, "reporting.yaml")
	want := []core.Category{
		{ID: "burglary", Name: core.Text{core.Russian: "Квартирная кража", core.Kazakh: "Пәтер ұрлығы", core.English: "Flat burglary"},
			AcceptWithin: 12 * time.Hour, ResolveWithin: 168 * time.Hour},
		{ID: "noise", Name: core.Text{core.Russian: "Шум", core.Kazakh: "Шу", core.English: "Noise"},
			AcceptWithin: 90 * time.Minute, ResolveWithin: 168 * time.Hour},
		{ID: "lost", Name: core.Text{core.Russian: "Потерянные вещи", core.Kazakh: "Жоғалған заттар", core.English: "Lost property"},
			AcceptWithin: 48 * time.Hour, ResolveWithin: 48 * time.Hour},
		{ID: "other", Name: core.Text{core.Russian: "Другое", core.Kazakh: "Басқа", core.English: "Other"},
			AcceptWithin: 24 * time.Hour, ResolveWithin: 168 * time.Hour},
	}
	if !reflect.DeepEqual(city.Categories, want) {
		t.Errorf("got %+v, want %+v", city.Categories, want)
	}
	if got := city.Category("lost"); got == nil || got.AcceptWithin != 48*time.Hour {
		t.Errorf("Category(lost) = %+v, want the lost property category", got)
	}
	if got := city.Category("theft"); got != nil {
		t.Errorf("Category(theft) = %+v: a listed set replaces the defaults, want nil", got)
	}
}

func TestAbuse(t *testing.T) {
	tests := []struct {
		file string
		want core.AbuseLimits
	}{
		{"valid.yaml", defaultAbuse},
		{"reporting.yaml", core.AbuseLimits{ReportsPerDay: 1, MessagesPerMinute: 600}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			if got := loadQuietly(t, tt.file).Abuse; got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestAbsence(t *testing.T) {
	city := loadQuietly(t, "reporting.yaml")
	almaty, err := time.LoadLocation("Asia/Almaty")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		staff string
		want  core.Absence
	}{
		// A deputy without a date is kept for the next leave.
		{"c1", core.Absence{Deputy: "i1"}},
		// A date is the start of that day in the city's zone.
		{"i1", core.Absence{Until: time.Date(2026, time.December, 15, 0, 0, 0, 0, almaty), Deputy: "i2"}},
		// An RFC 3339 time keeps its instant, shown in the city's zone.
		{"i2", core.Absence{Until: time.Date(2026, time.December, 20, 3, 30, 0, 0, time.UTC), Deputy: "c1"}},
		// Away without a deputy: the chief takes the tickets.
		{"a1", core.Absence{Until: time.Date(2026, time.December, 31, 0, 0, 0, 0, almaty)}},
	}
	for _, tt := range tests {
		t.Run(tt.staff, func(t *testing.T) {
			s := city.StaffMember(tt.staff)
			if s == nil {
				t.Fatalf("no staff %s", tt.staff)
			}
			got := s.Absence
			if !got.Until.Equal(tt.want.Until) || got.Deputy != tt.want.Deputy {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
			if !got.Until.IsZero() && got.Until.Location() != city.Location {
				t.Errorf("got until in %s, want the city's zone %s", got.Until.Location(), city.Location)
			}
		})
	}

	// The leave ends at the start of the day: away the evening before,
	// back at midnight.
	i1 := city.StaffMember("i1").Absence
	if eve := time.Date(2026, time.December, 14, 23, 59, 0, 0, almaty); !i1.Away(eve) {
		t.Errorf("i1 not away at %s, want away", eve)
	}
	if day := time.Date(2026, time.December, 15, 0, 0, 0, 0, almaty); i1.Away(day) {
		t.Errorf("i1 away at %s, want back", day)
	}
}
