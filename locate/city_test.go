package locate_test

import (
	"testing"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locate"
	"github.com/paulmach/orb"
)

// testCity is a small city near Karaganda (lon 73.0–73.5, lat 49.8–49.9):
//
//	D01 lon 73.00–73.10 with a hole at 73.04–73.06 × 49.84–49.86 that D03 fills
//	D02 lon 73.10–73.20, sharing D01's east border, with a hole nobody fills
//	    at 73.14–73.16 × 49.84–49.86
//	D04 two pieces: lon 73.20–73.30 and an island at lon 73.40–73.50
//
// D02 comes first in the slice, so that "smallest id" and "first listed"
// differ.
func testCity() *core.City {
	c := &core.City{
		Code: "KRG",
		Precincts: []core.Precinct{
			{ID: "P1", Location: core.Point{Lat: 49.85, Lon: 73.05}},
			{ID: "P2", Location: core.Point{Lat: 49.85, Lon: 73.25}},
		},
		Districts: []core.District{
			{ID: "D02", Precinct: "P1", Boundary: orb.MultiPolygon{
				{box(73.10, 49.80, 73.20, 49.90), box(73.14, 49.84, 73.16, 49.86)},
			}},
			{ID: "D01", Precinct: "P1", Boundary: orb.MultiPolygon{
				{box(73.00, 49.80, 73.10, 49.90), box(73.04, 49.84, 73.06, 49.86)},
			}},
			{ID: "D03", Precinct: "P1", Boundary: orb.MultiPolygon{{box(73.04, 49.84, 73.06, 49.86)}}},
			{ID: "D04", Precinct: "P2", Boundary: orb.MultiPolygon{
				{box(73.20, 49.80, 73.30, 49.90)},
				{box(73.40, 49.80, 73.50, 49.90)},
			}},
		},
		Streets: []core.Street{
			street("erubaev", "ул. Ерубаева", "Ерубаев көшесі", "Erubaev St"),
			street("bukhar", "пр. Бухар-Жырау", "Бухар жырау даңғылы", "", "Советская"),
			street("stepnoy2", "мкр. Степной-2", "Степной-2 шағын ауданы", ""),
			street("stepnoy", "мкр. Степной", "Степной шағын ауданы", ""),
			street("mkr23", "микрорайон 23", "23 шағын ауданы", ""),
			street("abay-ave", "пр. Абая", "Абай даңғылы", "Abay Ave"),
			street("abay-st", "ул. Абая", "Абай көшесі", ""),
			street("sadovaya-1", "ул. Садовая", "", ""),
			street("sadovaya-2", "ул. Садовая", "", ""),
			street("zhambyl", "ул. Жамбыла", "Жамбыл көшесі", ""),
			street("dzhambul", "ул. Жамбула", "", ""),
			street("seifullin", "ул. Сейфуллина", "Сейфуллин көшесі", "", "Seifullin"),
			street("kabanbai", "ул. Кабанбай батыра", "Қабанбай батыр көшесі", ""),
			street("8marta", "ул. 8 Марта", "8 Наурыз көшесі", ""),
			street("novaya", "ул. Новая", "", ""),
		},
	}
	addr := func(district, street string, ranges ...string) {
		for i := range c.Districts {
			if c.Districts[i].ID != district {
				continue
			}
			a := core.AddressRange{Street: street}
			for _, r := range ranges {
				hr, err := core.ParseHouseRange(r)
				if err != nil {
					panic(err)
				}
				a.Houses = append(a.Houses, hr)
			}
			c.Districts[i].Addresses = append(c.Districts[i].Addresses, a)
		}
	}
	addr("D01", "erubaev", "1-35 odd")
	addr("D02", "erubaev", "2-40 even", "12А")
	addr("D02", "bukhar", "1-100")
	addr("D03", "stepnoy2", "1-50")
	addr("D04", "stepnoy2", "51-99")
	addr("D01", "stepnoy", "1-10")
	addr("D04", "mkr23", "1-30")
	addr("D01", "abay-ave", "1-100")
	addr("D02", "abay-st", "1-50")
	addr("D01", "sadovaya-1", "1-20")
	addr("D04", "sadovaya-2", "1-20")
	addr("D01", "zhambyl", "1-20")
	addr("D02", "dzhambul", "1-20")
	addr("D02", "seifullin", "1-20")
	addr("D03", "kabanbai", "1-20")
	addr("D04", "8marta", "1-20")
	c.Index()
	return c
}

// box returns the closed ring of a lon/lat rectangle.
func box(west, south, east, north float64) orb.Ring {
	return orb.Ring{{west, south}, {east, south}, {east, north}, {west, north}, {west, south}}
}

func street(id, ru, kk, en string, aliases ...string) core.Street {
	s := core.Street{ID: id, Name: core.Text{}, Aliases: aliases}
	for lang, name := range map[core.Lang]string{core.Russian: ru, core.Kazakh: kk, core.English: en} {
		if name != "" {
			s.Name[lang] = name
		}
	}
	return s
}

func newIndex(tb testing.TB, c *core.City) *locate.Index {
	tb.Helper()
	ix, err := locate.New(c)
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return ix
}

// ids returns the ids of districts, "" for nil.
func ids(ds ...*core.District) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		if d != nil {
			out[i] = d.ID
		}
	}
	return out
}
