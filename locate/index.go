package locate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/tidwall/rtree"
)

// Index finds districts by a point or a typed address. It is built once by
// New, is read-only afterwards and so is safe for concurrent use. It points
// into the City it was built from, which must not change after New.
type Index struct {
	city *core.City
	// byID lists district numbers (indexes into city.Districts) in id
	// order, and rank is its inverse: results list districts in id order,
	// and a point on a shared border goes to the first.
	byID []int32
	rank []int32

	areas     []area
	areaTree  rtree.RTreeG[int32] // bounding boxes of areas
	precincts rtree.RTreeG[int32] // precinct locations

	streets map[string]int32 // street id → number in city.Streets
	// refs lists, street by street and in district id order, the address
	// ranges of the districts: street i has refs[refStart[i]:refStart[i+1]].
	refs     []rangeRef
	refStart []int32
	names    names
}

// rangeRef is a district's address range on one street. It holds the
// houses themselves, not the path to them, to spare a lookup three memory
// reads.
type rangeRef struct {
	district int32
	houses   []core.HouseRange
}

// New builds the index over city. It returns an error wrapping
// ErrDuplicateID, ErrUnknownPrecinct, ErrUnknownStreet or ErrBoundary if the
// directory is inconsistent.
func New(city *core.City) (*Index, error) {
	ix := &Index{city: city}
	for _, build := range []func() error{ix.indexIDs, ix.indexAreas, ix.indexPrecincts, ix.indexRanges} {
		if err := build(); err != nil {
			return nil, fmt.Errorf("locate: %w", err)
		}
	}
	ix.names = newNames(city.Streets)
	return ix, nil
}

// indexIDs checks that ids are unique and that districts name existing
// precincts, and orders the districts by id.
func (ix *Index) indexIDs() error {
	c := ix.city
	precincts := make(map[string]bool, len(c.Precincts))
	for _, p := range c.Precincts {
		if precincts[p.ID] {
			return fmt.Errorf("precinct %q: %w", p.ID, ErrDuplicateID)
		}
		precincts[p.ID] = true
	}
	ix.streets = make(map[string]int32, len(c.Streets))
	for i, s := range c.Streets {
		if _, dup := ix.streets[s.ID]; dup {
			return fmt.Errorf("street %q: %w", s.ID, ErrDuplicateID)
		}
		ix.streets[s.ID] = int32(i)
	}
	ix.byID = make([]int32, len(c.Districts))
	for i := range ix.byID {
		ix.byID[i] = int32(i)
	}
	slices.SortFunc(ix.byID, func(a, b int32) int {
		return strings.Compare(c.Districts[a].ID, c.Districts[b].ID)
	})
	ix.rank = make([]int32, len(c.Districts))
	for r, d := range ix.byID {
		ix.rank[d] = int32(r)
		if r > 0 && c.Districts[ix.byID[r-1]].ID == c.Districts[d].ID {
			return fmt.Errorf("district %q: %w", c.Districts[d].ID, ErrDuplicateID)
		}
		if !precincts[c.Districts[d].Precinct] {
			return fmt.Errorf("district %q: precinct %q: %w", c.Districts[d].ID, c.Districts[d].Precinct, ErrUnknownPrecinct)
		}
	}
	return nil
}

// indexRanges lists the address ranges of each street, in district id
// order.
func (ix *Index) indexRanges() error {
	c := ix.city
	ix.refStart = make([]int32, len(c.Streets)+1)
	for _, d := range ix.byID {
		for j, a := range c.Districts[d].Addresses {
			s, ok := ix.streets[a.Street]
			if !ok {
				return fmt.Errorf("district %q: address %d: street %q: %w", c.Districts[d].ID, j, a.Street, ErrUnknownStreet)
			}
			ix.refStart[s+1]++
		}
	}
	for i := 1; i < len(ix.refStart); i++ {
		ix.refStart[i] += ix.refStart[i-1]
	}
	ix.refs = make([]rangeRef, ix.refStart[len(c.Streets)])
	next := slices.Clone(ix.refStart)
	for _, d := range ix.byID {
		for _, a := range c.Districts[d].Addresses {
			s := ix.streets[a.Street]
			ix.refs[next[s]] = rangeRef{d, a.Houses}
			next[s]++
		}
	}
	return nil
}

// Lookup resolves a street the resident chose from buttons, by id, and
// finds the districts holding house, or all districts on the street if
// house is nil or on none of its ranges. It reports false for an unknown
// street id, which a forged button can carry.
func (ix *Index) Lookup(streetID string, house *core.House) (StreetMatch, bool) {
	s, ok := ix.streets[streetID]
	if !ok {
		return StreetMatch{}, false
	}
	var h core.House
	if house != nil {
		h = *house
	}
	return ix.match(make([]*core.District, len(ix.refsOf(s))), s, rankKey, h, house != nil), true
}

// refsOf returns the address ranges on street s.
func (ix *Index) refsOf(s int32) []rangeRef { return ix.refs[ix.refStart[s]:ix.refStart[s+1]] }
