package locate_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
)

// FuzzAddress checks that Address never panics and that its results are
// consistent, whatever a resident sends.
func FuzzAddress(f *testing.F) {
	ix := newIndex(f, testCity())
	for _, s := range []string{
		"ул. Ерубаева, д. 12", "Ерубаев көшесі 12 үй", "Bukhar-Zhyrau 5/1", "мкр Степной-2, 15",
		"23 мкр 5", "д.12", "12-а", ",,,", "----", "ё", "Қ", "\x00\xff", "🙂 12", "й\u0306", "12/", "/12",
		"Ерубаева 12, под. 2, эт. 5, кв. 48", "12кв5к2", "12/1-5а", "Степной 2-15", "12 үй, 3-ші қабат",
		"12, 1st floor", "д. 12, корпус 2", "кв 5", "5-", "-5", "1-2-3-4",
		strings.Repeat("а", 300) + " 5", strings.Repeat("1 ", 100), strings.Repeat("1 кв ", 80),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r := ix.Address(text)
		for i, m := range r.Matches {
			if m.Street == nil {
				t.Fatalf("match %d has no street", i)
			}
			if m.HouseFound && !r.HasHouse {
				t.Errorf("match %d found a house, but there is none", i)
			}
			if m.Exact != r.Matches[0].Exact {
				t.Errorf("exact and typo matches mixed: %v", r.Matches)
			}
			if i > 0 && m.HouseFound && !r.Matches[i-1].HouseFound {
				t.Errorf("match %d holds the house but comes after one that does not", i)
			}
			if !slices.IsSortedFunc(m.Districts, func(a, b *core.District) int { return strings.Compare(a.ID, b.ID) }) ||
				len(slices.Compact(ids(m.Districts...))) != len(m.Districts) {
				t.Errorf("match %d: districts %v not sorted by id or repeated", i, ids(m.Districts...))
			}
		}
	})
}
