package configs

import (
	"errors"
	"fmt"
	"math"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/paulmach/orb"
	"github.com/peterstace/simplefeatures/geom"
)

// polygons checks each ring and polygon of mp: positions in range, rings of
// at least four positions and closed, no self-intersections, holes inside
// their shell, and polygons of a MultiPolygon apart from each other. single
// says the GeoJSON was a Polygon, whose rings are coordinates[r] rather than
// coordinates[p][r].
func (c *checker) polygons(src geoSource, mp orb.MultiPolygon, single bool) orb.MultiPolygon {
	if len(mp) == 0 {
		c.errorIn(src.file, 0, join(src.field, "coordinates"), "required: at least one polygon")
		return nil
	}
	valid := true
	for pi, p := range mp {
		path := join(src.field, "coordinates")
		if !single {
			path = index(path, pi)
		}
		if len(p) == 0 {
			c.errorIn(src.file, 0, path, "a polygon needs an outer ring")
			valid = false
			continue
		}
		ringsOK := true
		for ri, r := range p {
			if at, msg := ringProblem(r); msg != "" {
				c.errorIn(src.file, 0, index(path, ri)+at, msg)
				ringsOK = false
			}
		}
		if !ringsOK {
			valid = false
			continue
		}
		if err := toPolygon(p).Validate(); err != nil {
			c.errorIn(src.file, 0, path, "invalid polygon: "+rootCause(err).Error())
			valid = false
		}
	}
	if !valid {
		return nil
	}
	if err := toMultiPolygon(mp).Validate(); err != nil {
		c.errorIn(src.file, 0, join(src.field, "coordinates"),
			"the polygons of a MultiPolygon must not overlap or share an edge: "+rootCause(err).Error())
		return nil
	}
	return mp
}

// ringProblem describes what is wrong with one ring, or returns "". at is
// the index of the offending position, if it is one.
func ringProblem(r orb.Ring) (at, msg string) {
	for i, pt := range r {
		if msg := outOfRange(pt.Lon(), pt.Lat()); msg != "" {
			return index("", i), msg + "; GeoJSON positions are [lon, lat]"
		}
	}
	switch {
	case len(r) < 4:
		return "", fmt.Sprintf("a ring needs at least 4 positions (the last repeating the first), got %d", len(r))
	case !r.Closed():
		return "", fmt.Sprintf("ring is not closed: the last position %v must repeat the first %v", r[len(r)-1], r[0])
	}
	ls := toLineString(r)
	if err := ls.Validate(); err != nil {
		return "", "invalid ring: " + rootCause(err).Error()
	}
	if !ls.IsSimple() {
		return "", "ring intersects itself"
	}
	return "", ""
}

// rootCause strips simplefeatures' "validating polygon at index 0: …"
// wrappers, which repeat what the field path already says.
func rootCause(err error) error {
	for {
		inner := errors.Unwrap(err)
		if inner == nil {
			return err
		}
		err = inner
	}
}

func toLineString(r orb.Ring) geom.LineString {
	xy := make([]float64, 0, 2*len(r))
	for _, pt := range r {
		xy = append(xy, pt.Lon(), pt.Lat())
	}
	return geom.NewLineString(geom.NewSequence(xy, geom.DimXY))
}

func toPolygon(p orb.Polygon) geom.Polygon {
	rings := make([]geom.LineString, len(p))
	for i, r := range p {
		rings[i] = toLineString(r)
	}
	return geom.NewPolygon(rings)
}

func toMultiPolygon(mp orb.MultiPolygon) geom.MultiPolygon {
	polys := make([]geom.Polygon, len(mp))
	for i, p := range mp {
		polys[i] = toPolygon(p)
	}
	return geom.NewMultiPolygon(polys)
}

// metresPerDegree is the length of one degree of latitude, in metres.
const metresPerDegree = 6371008.8 * math.Pi / 180

// areaM2 returns the area of g in square metres, projecting lon/lat onto a
// plane at g's latitude: good to a fraction of a percent at city scale.
func areaM2(g geom.Geometry) float64 {
	env := g.Envelope()
	mid, ok := env.Center().XY()
	if !ok {
		return 0
	}
	kx := metresPerDegree * math.Cos(mid.Y*math.Pi/180)
	return g.Area(geom.WithTransform(func(xy geom.XY) geom.XY {
		return geom.XY{X: xy.X * kx, Y: xy.Y * metresPerDegree}
	}))
}

// overlapSlack is the overlap area, in m², below which two districts are
// taken to merely share a border drawn with rounding differences.
const overlapSlack = 1.0

// overlaps warns about districts whose territories overlap: a point there
// would find two inspectors.
func (c *checker) overlaps(districts []core.District) {
	shapes := make([]geom.Geometry, len(districts))
	for i, d := range districts {
		if d.Boundary != nil {
			shapes[i] = toMultiPolygon(d.Boundary).AsGeometry()
		}
	}
	for i := range districts {
		for j := i + 1; j < len(districts); j++ {
			a, b := shapes[i], shapes[j]
			if a.IsEmpty() || b.IsEmpty() || !a.Envelope().Intersects(b.Envelope()) {
				continue
			}
			field := join(index("districts", i), "boundary")
			both, err := geom.Intersection(a, b)
			if err != nil {
				c.warnf(field, "could not compare with district %q: %v", districts[j].ID, err)
				continue
			}
			if area := areaM2(both); area > overlapSlack {
				c.warnf(field, "overlaps district %q (districts[%d]) by about %.0f m²", districts[j].ID, j, area)
			}
		}
	}
}

// farDistance is how far, in metres, a district may lie from its precinct
// before it looks like a mistake.
const farDistance = 50_000

// farFromPrecinct warns about districts far from their precinct's office,
// the usual sign of GeoJSON positions written [lat, lon] instead of
// [lon, lat]: they are still in range, but in another part of the world.
func (c *checker) farFromPrecinct(city *core.City) {
	where := make(map[string]core.Point, len(city.Precincts))
	for _, p := range city.Precincts {
		where[p.ID] = p.Location
	}
	for i, d := range city.Districts {
		office, ok := where[d.Precinct]
		if d.Boundary == nil || !ok || office == (core.Point{}) || outOfRange(office.Lon, office.Lat) != "" {
			continue
		}
		centre := d.Boundary.Bound().Center()
		dist := office.DistanceTo(core.Point{Lat: centre.Lat(), Lon: centre.Lon()})
		if dist > farDistance {
			c.warnf(join(index("districts", i), "boundary"),
				"lies %.0f km from its precinct %q; GeoJSON positions are [lon, lat]: are they swapped?", dist/1000, d.Precinct)
		}
	}
}
