package locate_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locate"
	"github.com/paulmach/orb"
)

func TestDistrict(t *testing.T) {
	ix := newIndex(t, testCity())
	tests := []struct {
		name     string
		lon, lat float64
		want     string // "" for none
	}{
		{"inside", 73.02, 49.82, "D01"},
		{"inside, listed first", 73.12, 49.82, "D02"},
		{"border shared by D01 and D02 goes to the smaller id", 73.10, 49.85, "D01"},
		{"corner shared by D01 and D02", 73.10, 49.80, "D01"},
		{"outer border", 73.00, 49.85, "D01"},
		{"in a hole, filled by another district", 73.05, 49.85, "D03"},
		{"on a hole's edge, which belongs to the hole", 73.04, 49.85, "D03"},
		{"in a hole nobody fills", 73.15, 49.85, ""},
		{"multipolygon, first piece", 73.25, 49.85, "D04"},
		{"multipolygon, island", 73.45, 49.85, "D04"},
		{"between the pieces of a multipolygon", 73.35, 49.85, ""},
		{"outside every district", 74.0, 50.0, ""},
		{"just outside", 73.0, 49.7999999, ""},
		{"not a number", math.NaN(), 49.85, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ix.District(core.Point{Lat: tt.lat, Lon: tt.lon})
			if g := ids(got)[0]; g != tt.want {
				t.Errorf("District(%v, %v) = %q, want %q", tt.lon, tt.lat, g, tt.want)
			}
		})
	}
}

// TestDistrictTiling checks the index against a scan of all districts of the
// national grid, whose districts share their borders: every random point
// lies in exactly one district, and the index finds it.
func TestDistrictTiling(t *testing.T) {
	c := nationalDistricts()
	ix := newIndex(t, c)
	rng := rand.New(rand.NewPCG(5, 6))
	for range 1000 {
		p := core.Point{Lat: natSouth + rng.Float64()*(natNorth-natSouth), Lon: natWest + rng.Float64()*(natEast-natWest)}
		var want []string
		for _, d := range c.Districts {
			if contains(d.Boundary, p) {
				want = append(want, d.ID)
			}
		}
		got := ix.District(p)
		if len(want) != 1 || got == nil || got.ID != want[0] {
			t.Fatalf("District(%v) = %v; districts containing it: %v", p, ids(got), want)
		}
	}
}

// contains is a plain ray-casting test, independent of the index.
func contains(mp orb.MultiPolygon, p core.Point) bool {
	in := func(r orb.Ring) bool {
		c := false
		for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
			a, b := r[i], r[j]
			if (a[1] > p.Lat) != (b[1] > p.Lat) && p.Lon < (b[0]-a[0])*(p.Lat-a[1])/(b[1]-a[1])+a[0] {
				c = !c
			}
		}
		return c
	}
	for _, poly := range mp {
		if in(poly[0]) && !slices.ContainsFunc(poly[1:], in) {
			return true
		}
	}
	return false
}

func TestNearestPrecinct(t *testing.T) {
	c := testCity()
	c.Precincts = append(c.Precincts, core.Precinct{ID: "P0", Location: c.Precincts[1].Location})
	ix := newIndex(t, c)
	tests := []struct {
		name string
		p    core.Point
		want string
	}{
		{"at a precinct", core.Point{Lat: 49.85, Lon: 73.05}, "P1"},
		{"nearer the first", core.Point{Lat: 49.9, Lon: 73.1}, "P1"},
		{"equally far from two: smaller id", core.Point{Lat: 49.85, Lon: 73.3}, "P0"},
		{"far away", core.Point{Lat: -33.9, Lon: 151.2}, "P0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, dist := ix.NearestPrecinct(tt.p)
			if got == nil || got.ID != tt.want {
				t.Fatalf("NearestPrecinct(%v) = %v, want %s", tt.p, got, tt.want)
			}
			if want := tt.p.DistanceTo(got.Location); dist != want {
				t.Errorf("distance = %v, want %v", dist, want)
			}
		})
	}
}

func TestNearestPrecinctNone(t *testing.T) {
	c := testCity()
	c.Precincts, c.Districts = nil, nil
	if got, dist := newIndex(t, c).NearestPrecinct(core.Point{Lat: 49.8, Lon: 73.1}); got != nil || dist != 0 {
		t.Errorf("NearestPrecinct = %v, %v; want nil, 0", got, dist)
	}
}

// TestNearestPrecinctMatchesScan compares the index with a scan of all
// precincts, for points near and far, across the antimeridian and the poles.
func TestNearestPrecinctMatchesScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	c := &core.City{}
	for i := range 1000 {
		lat, lon := 40+rng.Float64()*15, 46+rng.Float64()*41
		if i%10 == 0 { // a few anywhere on Earth
			lat, lon = rng.Float64()*180-90, rng.Float64()*360-180
		}
		c.Precincts = append(c.Precincts, core.Precinct{ID: strconv.Itoa(i), Location: core.Point{Lat: lat, Lon: lon}})
	}
	c.Index()
	ix := newIndex(t, c)
	for range 1000 {
		p := core.Point{Lat: rng.Float64()*180 - 90, Lon: rng.Float64()*360 - 180}
		got, dist := ix.NearestPrecinct(p)
		want, wantDist := (*core.Precinct)(nil), math.Inf(1)
		for i := range c.Precincts {
			q := &c.Precincts[i]
			if d := p.DistanceTo(q.Location); d < wantDist || d == wantDist && q.ID < want.ID {
				want, wantDist = q, d
			}
		}
		if got != want || dist != wantDist {
			t.Fatalf("NearestPrecinct(%v) = %v at %v m, want %v at %v m", p, got.ID, dist, want.ID, wantDist)
		}
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name    string
		corrupt func(c *core.City)
		want    error
	}{
		{"unknown street", func(c *core.City) { c.Districts[0].Addresses[0].Street = "nope" }, locate.ErrUnknownStreet},
		{"unknown precinct", func(c *core.City) { c.Districts[1].Precinct = "P9" }, locate.ErrUnknownPrecinct},
		{"duplicate district", func(c *core.City) { c.Districts[2].ID = "D01" }, locate.ErrDuplicateID},
		{"duplicate street", func(c *core.City) { c.Streets[1].ID = c.Streets[0].ID }, locate.ErrDuplicateID},
		{"duplicate precinct", func(c *core.City) { c.Precincts[1].ID = "P1" }, locate.ErrDuplicateID},
		{"ring of two points", func(c *core.City) { c.Districts[2].Boundary[0][0] = orb.Ring{{73, 49}, {73.1, 49}} }, locate.ErrBoundary},
		{"polygon without rings", func(c *core.City) { c.Districts[2].Boundary[0] = orb.Polygon{} }, locate.ErrBoundary},
		{"coordinate not a number", func(c *core.City) { c.Districts[2].Boundary[0][0][1][0] = math.NaN() }, locate.ErrBoundary},
		{"precinct off the globe", func(c *core.City) { c.Precincts[0].Location.Lat = 91 }, locate.ErrBoundary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := testCity()
			tt.corrupt(c)
			c.Index()
			if _, err := locate.New(c); !errors.Is(err, tt.want) {
				t.Errorf("New = %v, want %v", err, tt.want)
			}
		})
	}
}
