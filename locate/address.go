package locate

import (
	"cmp"
	"slices"
	"sync"

	"github.com/beatbot-kz/beatbot/core"
)

// AddressResult is what a resident's typed address was understood as.
type AddressResult struct {
	// Street is the street part of the text as matched: its key, the
	// transliterated skeleton without type words ("erubaeva"). For logs
	// and tests.
	Street string
	// House is the house number found in the text, if HasHouse.
	House    core.House
	HasHouse bool
	// Matches are the streets the text may mean, best first. Empty: no
	// street matched. More than one: the resident chooses.
	Matches []StreetMatch
}

// StreetMatch is a street an address may mean, with the districts that
// serve it.
type StreetMatch struct {
	// Street is the street, in the City the Index was built from.
	Street *core.Street
	// Exact reports a match of a name or alias as normalised, not one
	// found by tolerating typos.
	Exact bool
	// HouseFound reports that a house was given and lies in one of the
	// street's ranges.
	HouseFound bool
	// Districts are, if HouseFound, the districts whose ranges hold the
	// house (normally one); otherwise all districts with a range on the
	// street, for the resident to choose from. Sorted by id.
	Districts []*core.District
}

// Address reads free-form text a resident typed, in Russian, Kazakh or
// Latin letters ("ул. Ерубаева, д. 12", "Erubaev kóshesi 12"), and finds the
// streets it may mean and the districts that hold the house. A flat,
// office, entrance or floor after the house is ignored ("Ерубаева 12, кв.
// 5", "12-5"), and a корпус is the house's building part ("12 корп. 2" is
// 12/2).
//
// Names match after transliteration, without type words ("ул.", "көшесі",
// "avenue"), and with the Russian genitive equal to the Kazakh nominative
// ("Ерубаева" = "Ерубаев"). Only if no name matches so are names within one
// typo (two for names of nine letters or more) considered, and only the
// closest of those. A name that only starts with the text ("Степной" for
// Степной-1 … Степной-4) is offered before typos are tried. A type word in
// the text prefers streets of that type. See query for how the house number
// is told from the street's name.
func (ix *Index) Address(text string) AddressResult {
	if len(text) > maxQuery {
		return AddressResult{}
	}
	q := queries.Get().(*query)
	defer queries.Put(q)
	q.parse(text)

	found := ix.names.exact(q.found[:0], q.key)
	res := AddressResult{Street: string(q.key), House: q.house, HasHouse: q.hasHouse}
	if len(found) == 0 && len(q.alt) > 0 {
		// "Степной 2": no street "Степной", so "2" is part of the name;
		// "Степной 2-15": and 15 is the house.
		if found = ix.names.exact(found, q.alt); len(found) > 0 {
			res = AddressResult{Street: string(q.alt), House: q.altHouse, HasHouse: q.altHasHouse}
		}
	}
	if len(found) == 0 {
		found = ix.names.prefix(found, q.key)
	}
	if len(found) == 0 {
		found = ix.names.typo(found, q.key)
	}
	res.Matches = ix.matches(found, q.kind, res.House, res.HasHouse)
	q.found = found
	return res
}

// queries recycles the buffers of parsed queries: Address is called for
// every message, and they would otherwise be most of its garbage.
var queries = sync.Pool{New: func() any { return new(query) }}

// matches turns candidates into the best matches: those of the best rank,
// once per street, of the kind asked for if any are, with the streets
// holding the house first.
func (ix *Index) matches(found []candidate, k kind, h core.House, hasHouse bool) []StreetMatch {
	if len(found) == 0 {
		return nil
	}
	slices.SortFunc(found, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.street, b.street))
	})
	best := found[0].rank
	n := 0
	for _, c := range found {
		if c.rank == best && (n == 0 || found[n-1].street != c.street) {
			found[n] = c
			n++
		}
	}
	found = found[:n]
	if k != kindNone && slices.ContainsFunc(found, func(c candidate) bool { return ix.names.kinds[c.street]&(1<<k) != 0 }) {
		found = slices.DeleteFunc(found, func(c candidate) bool { return ix.names.kinds[c.street]&(1<<k) == 0 })
	}
	out := make([]StreetMatch, len(found))
	buf := make([]*core.District, ix.refCount(found))
	for i, c := range found {
		out[i] = ix.match(buf, c.street, c.rank, h, hasHouse)
		buf = buf[len(out[i].Districts):]
	}
	slices.SortStableFunc(out, func(a, b StreetMatch) int {
		switch {
		case a.HouseFound == b.HouseFound:
			return 0
		case a.HouseFound:
			return -1
		}
		return 1
	})
	return out
}

// refCount returns how many address ranges the streets have: room enough
// for their districts.
func (ix *Index) refCount(found []candidate) int {
	n := 0
	for _, c := range found {
		n += len(ix.refsOf(c.street))
	}
	return n
}

// match describes street s with the districts holding house h, if hasHouse
// and any do, or else all districts with a range on s. The districts are
// written to buf, which has room for one per range of s.
func (ix *Index) match(buf []*core.District, s int32, rank int8, h core.House, hasHouse bool) StreetMatch {
	m := StreetMatch{Street: &ix.city.Streets[s], Exact: rank <= rankStem}
	refs := ix.refsOf(s)
	if hasHouse {
		m.Districts = ix.districts(buf, refs, &h)
		m.HouseFound = len(m.Districts) > 0
	}
	if !m.HouseFound {
		m.Districts = ix.districts(buf, refs, nil)
	}
	return m
}

// districts writes to buf the districts of refs, once each and in id order
// as refs are, keeping only those whose ranges hold h unless h is nil. The
// result's capacity ends with it, so that appending to it cannot overwrite
// the next street's districts.
func (ix *Index) districts(buf []*core.District, refs []rangeRef, h *core.House) []*core.District {
	n, last := 0, int32(-1)
	for _, r := range refs {
		if r.district != last && (h == nil || holds(r.houses, *h)) {
			buf[n] = &ix.city.Districts[r.district]
			n, last = n+1, r.district
		}
	}
	return buf[:n:n]
}

func holds(houses []core.HouseRange, h core.House) bool {
	for _, r := range houses {
		if r.Contains(h) {
			return true
		}
	}
	return false
}
