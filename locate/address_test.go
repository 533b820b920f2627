package locate_test

import (
	"slices"
	"sync"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locate"
)

// match is what a test expects of one StreetMatch.
type match struct {
	street    string
	exact     bool
	found     bool
	districts []string
}

func TestAddress(t *testing.T) {
	ix := newIndex(t, testCity())
	h := func(n int, suffix string) *core.House { return &core.House{Number: n, Suffix: suffix} }
	erubaev12 := []match{{"erubaev", true, true, []string{"D02"}}}
	tests := []struct {
		text   string
		street string      // AddressResult.Street
		house  *core.House // nil: HasHouse false
		want   []match
	}{
		// The examples: all of them mean Ерубаева 12.
		{"Ерубаева 12", "erubaeva", h(12, ""), erubaev12},
		{"ул. Ерубаева, д. 12", "erubaeva", h(12, ""), erubaev12},
		{"Ерубаев көшесі 12", "erubaev", h(12, ""), erubaev12},
		{"erubaeva 12", "erubaeva", h(12, ""), erubaev12},
		{"ЕРУБАЕВА 12", "erubaeva", h(12, ""), erubaev12},
		{"улица Ерубаева дом 12", "erubaeva", h(12, ""), erubaev12},
		{"Erubayeva 12", "erubaeva", h(12, ""), erubaev12},
		{"Ерубаево 12", "erubaevo", h(12, ""), []match{{"erubaev", false, true, []string{"D02"}}}},
		// Type and house words in three languages.
		{"Erubaev street, house 12", "erubaev", h(12, ""), erubaev12},
		{"Erubaev st. 12", "erubaev", h(12, ""), erubaev12},
		{"Ерубаев көш. 12 үй", "erubaev", h(12, ""), erubaev12},
		{"Erubaev kóshesi 12", "erubaev", h(12, ""), erubaev12},
		{"12 Erubaev St", "erubaev", h(12, ""), erubaev12},
		{"Алматы, Ерубаева 12", "erubaeva", h(12, ""), erubaev12},
		{"ерубаева д12", "erubaeva", h(12, ""), erubaev12},
		{"ерубаева,12", "erubaeva", h(12, ""), erubaev12},
		// House numbers.
		{"Ерубаева 12А", "erubaeva", h(12, "а"), erubaev12},
		{"Ерубаева 12a", "erubaeva", h(12, "а"), erubaev12},
		{"Ерубаева 12 а", "erubaeva", h(12, "а"), erubaev12},
		{"Ерубаева 12-а", "erubaeva", h(12, "а"), erubaev12},
		{"Ерубаева 12/1", "erubaeva", h(12, "/1"), erubaev12},
		{"Ерубаева д. 12/1", "erubaeva", h(12, "/1"), erubaev12},
		{"Ерубаева 13", "erubaeva", h(13, ""), []match{{"erubaev", true, true, []string{"D01"}}}},
		// Flats, offices, entrances and floors are dropped with their number.
		{"Ерубаева 12 кв 5", "erubaeva", h(12, ""), erubaev12},
		{"Ерубаева 12, кв. 5", "erubaeva", h(12, ""), erubaev12},
		{"ул Ерубаева дом 12 квартира 5", "erubaeva", h(12, ""), erubaev12},
		{"Ерубаева 12кв5", "erubaeva", h(12, ""), erubaev12},
		{"Ерубаева 12 кв 5а", "erubaeva", h(12, ""), erubaev12},
		{"Ерубаева 12А, кв. 5", "erubaeva", h(12, "а"), erubaev12},
		{"Ерубаева 12/1 кв 5", "erubaeva", h(12, "/1"), erubaev12},
		{"Ерубаева 12, оф. 301", "erubaeva", h(12, ""), erubaev12},
		{"Ерубаева 12 офис 3/1", "erubaeva", h(12, ""), erubaev12},
		{"Ерубаева 12, под. 2, эт. 5, кв. 48", "erubaeva", h(12, ""), erubaev12},
		{"Ерубаева 12 подъезд 2 этаж 5 комната 7", "erubaeva", h(12, ""), erubaev12},
		{"Ерубаева 12, комн. 7", "erubaeva", h(12, ""), erubaev12},
		{"Ерубаева 12, 2-й подъезд", "erubaeva", h(12, ""), erubaev12},
		{"Ерубаев көшесі 12 үй, 5 пәтер", "erubaev", h(12, ""), erubaev12},
		{"Ерубаев көшесі 12, п. 5", "erubaev", h(12, ""), erubaev12},
		{"Ерубаев көшесі 12, 5-пәтер, 3-қабат, 2-кіреберіс", "erubaev", h(12, ""), erubaev12},
		{"Ерубаев көшесі 12, 3-ші қабат", "erubaev", h(12, ""), erubaev12},
		{"Ерубаев көшесі 12, кеңсе 4", "erubaev", h(12, ""), erubaev12},
		{"12 Erubaev St, apt. 5", "erubaev", h(12, ""), erubaev12},
		{"Erubaev street 12, apartment 5", "erubaev", h(12, ""), erubaev12},
		{"Erubaev St 12 flat 5", "erubaev", h(12, ""), erubaev12},
		{"Erubaev St 12, office 3, suite 4", "erubaev", h(12, ""), erubaev12},
		{"Erubaev St 12, entrance 2, floor 3", "erubaev", h(12, ""), erubaev12},
		{"Erubaev St 12, fl. 3", "erubaev", h(12, ""), erubaev12},
		{"Erubaev St 12, 3rd floor", "erubaev", h(12, ""), erubaev12},
		{"д. 12, кв. 5", "", h(12, ""), nil},
		{"23 мкр 5 кв 7", "23", h(5, ""), []match{{"mkr23", true, true, []string{"D04"}}}},
		// A number hyphenated to the house is a flat, unless the first
		// number may be a name: then it is tried as one.
		{"Ерубаева 12-5", "erubaeva", h(12, ""), erubaev12},
		{"Ерубаева, 12-5", "erubaeva", h(12, ""), erubaev12},
		{"Ерубаева 12а-5", "erubaeva", h(12, "а"), erubaev12},
		{"Ерубаева 12/1-5а", "erubaeva", h(12, "/1"), erubaev12},
		{"мкр Степной-2, 15-3", "stepnoi2", h(15, ""), []match{{"stepnoy2", true, true, []string{"D03"}}}},
		{"Степной 2-15", "stepnoi", h(2, ""), []match{{"stepnoy", true, true, []string{"D01"}}}},
		{"Степной-2-15", "stepnoi2", h(15, ""), []match{{"stepnoy2", true, true, []string{"D03"}}}},
		{"мкр 23-5", "23", h(5, ""), []match{{"mkr23", true, true, []string{"D04"}}}},
		// A building part is the house's "/N"; an outbuilding is dropped.
		{"Ерубаева 12 корп. 2", "erubaeva", h(12, "/2"), erubaev12},
		{"Ерубаева 12 к2", "erubaeva", h(12, "/2"), erubaev12},
		{"Ерубаева 12 к. 2", "erubaeva", h(12, "/2"), erubaev12},
		{"Ерубаева д. 12, корпус 2, кв. 5", "erubaeva", h(12, "/2"), erubaev12},
		{"Ерубаева 12к2кв5", "erubaeva", h(12, "/2"), erubaev12},
		{"Ерубаева 12, кв. 5, к. 2", "erubaeva", h(12, ""), erubaev12}, // a room
		{"Ерубаева 12А корп. 2", "erubaeva", h(12, "а"), erubaev12},
		{"Ерубаева 12 стр. 2", "erubaeva", h(12, ""), erubaev12},
		{"Ерубаева 12, строение 2", "erubaeva", h(12, ""), erubaev12},
		// Not units: a house letter, a unit word with no house before it.
		{"Ерубаева 12к", "erubaeva", h(12, "к"), erubaev12},
		{"Ерубаева 12 п", "erubaeva", h(12, "п"), erubaev12},
		{"Степной-2 15к", "stepnoi2", h(15, "к"), []match{{"stepnoy2", true, true, []string{"D03"}}}},
		{"кв 5", "kv", h(5, ""), nil},
		// Out of range: every district on the street, for the resident to pick.
		{"Ерубаева 99", "erubaeva", h(99, ""), []match{{"erubaev", true, false, []string{"D01", "D02"}}}},
		{"Ерубаева 0", "erubaeva", nil, []match{{"erubaev", true, false, []string{"D01", "D02"}}}},
		{"Ерубаева 123456", "erubaeva", nil, []match{{"erubaev", true, false, []string{"D01", "D02"}}}},
		// No house: every district on the street.
		{"Ерубаева", "erubaeva", nil, []match{{"erubaev", true, false, []string{"D01", "D02"}}}},
		{"ул. Ерубаева,", "erubaeva", nil, []match{{"erubaev", true, false, []string{"D01", "D02"}}}},
		// Transliteration, hyphens and spaces.
		{"Бухар-Жырау 5", "buharjirau", h(5, ""), []match{{"bukhar", true, true, []string{"D02"}}}},
		{"Bukhar-Zhyrau 5", "buharjirau", h(5, ""), []match{{"bukhar", true, true, []string{"D02"}}}},
		{"Buhar-Jyrau 5", "buharjirau", h(5, ""), []match{{"bukhar", true, true, []string{"D02"}}}},
		{"бухар жырау 5", "buharjirau", h(5, ""), []match{{"bukhar", true, true, []string{"D02"}}}},
		{"пр-т Бухаржырау, 5", "buharjirau", h(5, ""), []match{{"bukhar", true, true, []string{"D02"}}}},
		{"Бұқар жырау даңғылы 5", "bukarjirau", h(5, ""), []match{{"bukhar", false, true, []string{"D02"}}}},
		{"Советская 5", "sovetskaia", h(5, ""), []match{{"bukhar", true, true, []string{"D02"}}}},
		{"Qabanbai batyr 7", "kabanbaibatir", h(7, ""), []match{{"kabanbai", true, true, []string{"D03"}}}},
		{"Kabanbay batyra 7", "kabanbaibatira", h(7, ""), []match{{"kabanbai", true, true, []string{"D03"}}}},
		{"Қабанбай батыр көшесі 7", "kabanbaibatir", h(7, ""), []match{{"kabanbai", true, true, []string{"D03"}}}},
		{"Seyfullina 3", "seifulina", h(3, ""), []match{{"seifullin", true, true, []string{"D02"}}}},
		{"Сейфулина 3", "seifulina", h(3, ""), []match{{"seifullin", true, true, []string{"D02"}}}},
		// Numbers in names.
		{"мкр Степной-2, 15", "stepnoi2", h(15, ""), []match{{"stepnoy2", true, true, []string{"D03"}}}},
		{"Степной-2 60", "stepnoi2", h(60, ""), []match{{"stepnoy2", true, true, []string{"D04"}}}},
		{"Степной 2 15", "stepnoi2", h(15, ""), []match{{"stepnoy2", true, true, []string{"D03"}}}},
		{"Степной-2", "stepnoi2", nil, []match{{"stepnoy2", true, false, []string{"D03", "D04"}}}},
		{"Степной 2", "stepnoi", h(2, ""), []match{{"stepnoy", true, true, []string{"D01"}}}},
		{"Stepnoy-2 shagyn audany, 15 uy", "stepnoi2", h(15, ""), []match{{"stepnoy2", true, true, []string{"D03"}}}},
		{"23 мкр 5", "23", h(5, ""), []match{{"mkr23", true, true, []string{"D04"}}}},
		{"мкр. 23, д. 5", "23", h(5, ""), []match{{"mkr23", true, true, []string{"D04"}}}},
		{"микрорайон 23", "23", nil, []match{{"mkr23", true, false, []string{"D04"}}}},
		{"8 Марта 5", "8marta", h(5, ""), []match{{"8marta", true, true, []string{"D04"}}}},
		{"8 Марта", "8marta", nil, []match{{"8marta", true, false, []string{"D04"}}}},
		// Ambiguous: equally good streets, those holding the house first.
		{"Абая 10", "abaia", h(10, ""), []match{
			{"abay-ave", true, true, []string{"D01"}},
			{"abay-st", true, true, []string{"D02"}},
		}},
		{"Абая 70", "abaia", h(70, ""), []match{
			{"abay-ave", true, true, []string{"D01"}},
			{"abay-st", true, false, []string{"D02"}},
		}},
		{"Садовая 5", "sadovaia", h(5, ""), []match{
			{"sadovaya-1", true, true, []string{"D01"}},
			{"sadovaya-2", true, true, []string{"D04"}},
		}},
		// A type word settles it.
		{"пр. Абая 10", "abaia", h(10, ""), []match{{"abay-ave", true, true, []string{"D01"}}}},
		{"Абай көшесі 10", "abai", h(10, ""), []match{{"abay-st", true, true, []string{"D02"}}}},
		{"Abay avenue 10", "abai", h(10, ""), []match{{"abay-ave", true, true, []string{"D01"}}}},
		// A wrong type word is ignored rather than losing the street.
		{"пер. Ерубаева 12", "erubaeva", h(12, ""), erubaev12},
		// Exact matches hide typo matches; typo matches at equal distance tie.
		{"Жамбыла 5", "jambila", h(5, ""), []match{{"zhambyl", true, true, []string{"D01"}}}},
		{"Жамбула 5", "jambula", h(5, ""), []match{{"dzhambul", true, true, []string{"D02"}}}},
		{"Жамбала 5", "jambala", h(5, ""), []match{
			{"zhambyl", false, true, []string{"D01"}},
			{"dzhambul", false, true, []string{"D02"}},
		}},
		// A street with no houses in any district.
		{"Новая 3", "novaia", h(3, ""), []match{{"novaya", true, false, []string{}}}},
		// Nothing to find.
		{"", "", nil, nil},
		{"   ", "", nil, nil},
		{"12", "12", nil, nil},
		{"д. 12", "", h(12, ""), nil},
		{"ул.", "ul", nil, nil},
		{"привет", "privet", nil, nil},
		{"Москва 5", "moskva", h(5, ""), nil},
		{"Абв 5", "abv", h(5, ""), nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := ix.Address(tt.text)
			if got.Street != tt.street {
				t.Errorf("Street = %q, want %q", got.Street, tt.street)
			}
			if tt.house == nil && got.HasHouse {
				t.Errorf("House = %v, want none", got.House)
			}
			if tt.house != nil && (!got.HasHouse || got.House != *tt.house) {
				t.Errorf("House = %v (%v), want %v", got.House, got.HasHouse, *tt.house)
			}
			if g := matches(got.Matches); !slices.EqualFunc(g, tt.want, equalMatch) {
				t.Errorf("Matches = %v, want %v", g, tt.want)
			}
		})
	}
}

func matches(ms []locate.StreetMatch) []match {
	var out []match
	for _, m := range ms {
		out = append(out, match{m.Street.ID, m.Exact, m.HouseFound, ids(m.Districts...)})
	}
	return out
}

func equalMatch(a, b match) bool {
	return a.street == b.street && a.exact == b.exact && a.found == b.found && slices.Equal(a.districts, b.districts)
}

func TestLookup(t *testing.T) {
	ix := newIndex(t, testCity())
	tests := []struct {
		name   string
		street string
		house  *core.House
		want   *match // nil: not found
	}{
		{"house in range", "erubaev", &core.House{Number: 12}, &match{"erubaev", true, true, []string{"D02"}}},
		{"lettered house", "erubaev", &core.House{Number: 12, Suffix: "а"}, &match{"erubaev", true, true, []string{"D02"}}},
		{"house out of range", "erubaev", &core.House{Number: 99}, &match{"erubaev", true, false, []string{"D01", "D02"}}},
		{"no house", "erubaev", nil, &match{"erubaev", true, false, []string{"D01", "D02"}}},
		{"no ranges", "novaya", nil, &match{"novaya", true, false, []string{}}},
		{"unknown street", "forged", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ix.Lookup(tt.street, tt.house)
			if ok != (tt.want != nil) {
				t.Fatalf("Lookup ok = %v, want %v", ok, tt.want != nil)
			}
			if ok && !equalMatch(matches([]locate.StreetMatch{got})[0], *tt.want) {
				t.Errorf("Lookup = %v, want %v", matches([]locate.StreetMatch{got})[0], *tt.want)
			}
		})
	}
}

// TestConcurrentUse lets the race detector watch several goroutines share
// one Index, as the bot's workers do.
func TestConcurrentUse(t *testing.T) {
	ix := newIndex(t, testCity())
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				texts := []string{"Ерубаева 12", "Жамбала 5", "Степной 2 15", "Абая 70"}
				if r := ix.Address(texts[(g+i)%len(texts)]); len(r.Matches) == 0 {
					t.Errorf("Address(%q) found nothing", texts[(g+i)%len(texts)])
				}
				if d := ix.District(core.Point{Lat: 49.85, Lon: 73.02}); d == nil || d.ID != "D01" {
					t.Errorf("District = %v, want D01", ids(d))
				}
				if p, _ := ix.NearestPrecinct(core.Point{Lat: 49.85, Lon: 73.02}); p == nil || p.ID != "P1" {
					t.Errorf("NearestPrecinct = %v, want P1", p)
				}
			}
		})
	}
	wg.Wait()
}
