package locate

import (
	"fmt"
	"math"

	"github.com/beatbot-kz/beatbot/core"
)

// indexPrecincts checks the precinct locations and indexes them.
func (ix *Index) indexPrecincts() error {
	for i, p := range ix.city.Precincts {
		loc := p.Location
		if !finite(loc.Lat) || !finite(loc.Lon) || math.Abs(loc.Lat) > 90 || math.Abs(loc.Lon) > 180 {
			return fmt.Errorf("precinct %q: location %v: %w", p.ID, loc, ErrBoundary)
		}
		pt := [2]float64{loc.Lon, loc.Lat}
		ix.precincts.Insert(pt, pt, int32(i))
	}
	return nil
}

// NearestPrecinct returns the precinct whose location is closest to p as
// the crow flies, and the distance in metres; nil if the city has none. Of
// precincts equally far, the one with the smallest id.
func (ix *Index) NearestPrecinct(p core.Point) (*core.Precinct, float64) {
	ps := ix.city.Precincts
	if !finite(p.Lat) || !finite(p.Lon) {
		return nil, 0
	}
	best, bestDist := -1, math.Inf(1)
	// The tree yields precincts nearest first as long as the distance it is
	// given for a box never exceeds the distance to anything inside.
	ix.precincts.Nearby(
		func(min, max [2]float64, i int32, item bool) float64 {
			if item {
				return p.DistanceTo(ps[i].Location)
			}
			return boxDistance(p, min, max)
		},
		func(_, _ [2]float64, i int32, dist float64) bool {
			if dist > bestDist {
				return false
			}
			if best < 0 || dist < bestDist || ps[i].ID < ps[best].ID {
				best, bestDist = int(i), dist
			}
			return true
		},
	)
	if best < 0 {
		return nil, 0
	}
	return &ps[best], bestDist
}

// earthRadius is the radius core.Point.DistanceTo uses, derived from it so
// that bounds and distances agree: a quarter meridian is πR/2.
var earthRadius = core.Point{}.DistanceTo(core.Point{Lat: 90}) / (math.Pi / 2)

// boxDistance returns a lower bound of the distance in metres from p to any
// point of the box [min, max] (lon/lat). It is the haversine formula with
// each term at its least over the box: the nearest latitude, the nearest
// longitude (either way round), and the smaller cosine of the box's
// latitudes. Rounding is absorbed by a hair's margin.
func boxDistance(p core.Point, min, max [2]float64) float64 {
	const rad = math.Pi / 180
	dLat := math.Max(0, math.Max(min[1]-p.Lat, p.Lat-max[1]))
	dLon := 0.0
	if p.Lon < min[0] || p.Lon > max[0] {
		dLon = math.Min(math.Mod(min[0]-p.Lon+360, 360), math.Mod(p.Lon-max[0]+360, 360))
	}
	hav := func(deg float64) float64 { s := math.Sin(deg * rad / 2); return s * s }
	cos := math.Min(math.Cos(min[1]*rad), math.Cos(max[1]*rad))
	h := hav(dLat) + math.Cos(p.Lat*rad)*cos*hav(math.Min(dLon, 180))
	return 2 * earthRadius * math.Asin(math.Min(1, math.Sqrt(h))) * (1 - 1e-9)
}
