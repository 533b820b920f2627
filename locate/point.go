package locate

import (
	"fmt"
	"math"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// area is one polygon of a district's boundary. Polygons are indexed one by
// one, not per district, so that a district in two distant pieces does not
// claim the whole box around both.
type area struct {
	district int32
	polygon  orb.Polygon
}

// indexAreas checks the district boundaries and indexes their polygons by
// bounding box.
func (ix *Index) indexAreas() error {
	for d := range ix.city.Districts {
		dist := &ix.city.Districts[d]
		for i, p := range dist.Boundary {
			if err := checkPolygon(p); err != nil {
				return fmt.Errorf("district %q: polygon %d: %w", dist.ID, i, err)
			}
			b := p.Bound()
			ix.areaTree.Insert(b.Min, b.Max, int32(len(ix.areas)))
			ix.areas = append(ix.areas, area{int32(d), p})
		}
	}
	return nil
}

// checkPolygon rejects what would make containment meaningless or panic:
// a polygon without an outer ring, a ring of fewer than three points, a
// coordinate that is not a finite number.
func checkPolygon(p orb.Polygon) error {
	if len(p) == 0 {
		return fmt.Errorf("no rings: %w", ErrBoundary)
	}
	for i, r := range p {
		if len(r) < 3 {
			return fmt.Errorf("ring %d: %d points: %w", i, len(r), ErrBoundary)
		}
		for _, pt := range r {
			if !finite(pt[0]) || !finite(pt[1]) {
				return fmt.Errorf("ring %d: point %v: %w", i, pt, ErrBoundary)
			}
		}
	}
	return nil
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// District returns the district whose boundary contains p, or nil. A point
// on a border shared by several districts belongs to the one with the
// smallest id. A point in a hole, or on its edge, is not in the district
// with the hole but in the one that fills it, if any.
func (ix *Index) District(p core.Point) *core.District {
	if !finite(p.Lat) || !finite(p.Lon) {
		return nil // NaN compares false, which both the tree and orb read as "inside"
	}
	pt := orb.Point{p.Lon, p.Lat}
	best := int32(-1)
	ix.areaTree.Search(pt, pt, func(_, _ [2]float64, i int32) bool {
		a := &ix.areas[i]
		if (best < 0 || ix.rank[a.district] < ix.rank[best]) && planar.PolygonContains(a.polygon, pt) {
			best = a.district
		}
		return true
	})
	if best < 0 {
		return nil
	}
	return &ix.city.Districts[best]
}
