package locate_test

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/paulmach/orb"
)

// The national directory: districts tile Kazakhstan's bounding box in a
// jittered grid, so neighbours share their borders exactly.
const (
	natCols, natRows        = 100, 60 // 6,000 districts
	natWest, natEast        = 46.0, 87.0
	natSouth, natNorth      = 40.0, 55.0
	natStreets              = 100_000
	natRangesPerStreet      = 10 // 1,000,000 house ranges
	natHoleEvery            = 7  // every 7th district has a hole, owned by its west neighbour
	natCellW, natCellH      = (natEast - natWest) / natCols, (natNorth - natSouth) / natRows
	natQueries, natPoints   = 4096, 4096
	natSeed1, natSeed2      = 2024, 11
	natMaxEdgePoints        = 4 // so a polygon has 8–20 vertices
	natJitter, natEdgeShift = 0.2, 0.1
)

// nationalCity is built once: generating it takes longer than indexing it.
var nationalCity = sync.OnceValue(func() *core.City {
	c := nationalDistricts()
	rng := rand.New(rand.NewPCG(natSeed1+1, natSeed2))
	for i := range natStreets {
		s, home := newStreet(rng, i)
		c.Streets = append(c.Streets, s)
		// A street runs through its home district and maybe the next one east.
		for r := range natRangesPerStreet {
			d := &c.Districts[home]
			if r >= natRangesPerStreet/2 && i%3 == 0 && home%natCols < natCols-1 {
				d = &c.Districts[home+1]
			}
			hr := core.HouseRange{From: 10*r + 1, To: 10*r + 10}
			if n := len(d.Addresses); n > 0 && d.Addresses[n-1].Street == s.ID {
				d.Addresses[n-1].Houses = append(d.Addresses[n-1].Houses, hr)
			} else {
				d.Addresses = append(d.Addresses, core.AddressRange{Street: s.ID, Houses: []core.HouseRange{hr}})
			}
		}
	}
	c.Index()
	return c
})

// nationalDistricts returns the national directory's precincts and
// districts, without streets.
func nationalDistricts() *core.City {
	rng := rand.New(rand.NewPCG(natSeed1, natSeed2))
	c := &core.City{Code: "KZ", Name: core.Text{core.Russian: "Казахстан"}}
	for i := range natCols * natRows / 4 {
		col, row := i*4%natCols, i*4/natCols
		c.Precincts = append(c.Precincts, core.Precinct{
			ID:       fmt.Sprintf("P%04d", i),
			Location: core.Point{Lat: natSouth + (float64(row)+0.5)*natCellH, Lon: natWest + (float64(col)+0.5)*natCellW},
		})
	}
	g := newGrid(rng)
	for i := range natCols * natRows {
		col, row := i%natCols, i/natCols
		d := core.District{
			ID:       fmt.Sprintf("D%05d", i),
			Precinct: fmt.Sprintf("P%04d", i/4),
			Boundary: orb.MultiPolygon{{g.cell(col, row)}},
		}
		if i%natHoleEvery == natHoleEvery-1 && col > 0 {
			hole := g.hole(col, row)
			d.Boundary[0] = append(d.Boundary[0], hole)
			west := &c.Districts[i-1]
			west.Boundary = append(west.Boundary, orb.Polygon{reversed(hole)})
		}
		c.Districts = append(c.Districts, d)
	}
	c.Index()
	return c
}

// grid holds the jittered corners of the cells and the points along their
// edges, shared by the two cells each edge separates.
type grid struct {
	corners     [][]orb.Point // [col][row], natCols+1 × natRows+1
	horiz, vert [][][]orb.Point
}

func newGrid(rng *rand.Rand) *grid {
	g := &grid{}
	jit := func(f float64) float64 { return (rng.Float64()*2 - 1) * f }
	for col := range natCols + 1 {
		var cs []orb.Point
		for row := range natRows + 1 {
			p := orb.Point{natWest + float64(col)*natCellW, natSouth + float64(row)*natCellH}
			if col > 0 && col < natCols && row > 0 && row < natRows {
				p[0] += jit(natJitter * natCellW)
				p[1] += jit(natJitter * natCellH)
			}
			cs = append(cs, p)
		}
		g.corners = append(g.corners, cs)
	}
	// edge returns the points along the edge a–b, nudged across it unless it
	// is the country's border; dim is the coordinate that runs across.
	edge := func(a, b orb.Point, dim int, border bool) []orb.Point {
		var pts []orb.Point
		n := 1 + rng.IntN(natMaxEdgePoints)
		for k := 1; k <= n; k++ {
			t := float64(k) / float64(n+1)
			p := orb.Point{a[0] + t*(b[0]-a[0]), a[1] + t*(b[1]-a[1])}
			if !border {
				p[dim] += jit(natEdgeShift * []float64{natCellW, natCellH}[dim])
			}
			pts = append(pts, p)
		}
		return pts
	}
	g.horiz = make([][][]orb.Point, natCols)
	g.vert = make([][][]orb.Point, natCols+1)
	for col := range natCols + 1 {
		for row := range natRows + 1 {
			if col < natCols {
				g.horiz[col] = append(g.horiz[col], edge(g.corners[col][row], g.corners[col+1][row], 1, row == 0 || row == natRows))
			}
			if row < natRows {
				g.vert[col] = append(g.vert[col], edge(g.corners[col][row], g.corners[col][row+1], 0, col == 0 || col == natCols))
			}
		}
	}
	return g
}

// cell returns the ring of a cell, counter-clockwise and closed.
func (g *grid) cell(col, row int) orb.Ring {
	r := orb.Ring{g.corners[col][row]}
	r = append(r, g.horiz[col][row]...)
	r = append(r, g.corners[col+1][row])
	r = append(r, g.vert[col+1][row]...)
	r = append(r, g.corners[col+1][row+1])
	r = append(r, reversed(g.horiz[col][row+1])...)
	r = append(r, g.corners[col][row+1])
	r = append(r, reversed(g.vert[col][row])...)
	return append(r, g.corners[col][row])
}

// hole returns a small square around the cell's nominal centre.
func (g *grid) hole(col, row int) orb.Ring {
	x, y := natWest+(float64(col)+0.5)*natCellW, natSouth+(float64(row)+0.5)*natCellH
	dx, dy := 0.1*natCellW, 0.1*natCellH
	return orb.Ring{{x - dx, y - dy}, {x - dx, y + dy}, {x + dx, y + dy}, {x + dx, y - dy}, {x - dx, y - dy}}
}

func reversed[T any](s []T) []T {
	out := make([]T, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}

// syllables make names that read as Kazakh or Russian surnames.
var syllables = strings.Fields(`
	ка ра ба жан нұр сұл тан бек ай ер ас қа өз тө ле ма ди сай мұ хан ғали бо та құл
	ым ше гер дос мен ал ты ор ын ес кен би сей ту ға ли ну рым жол бай әл ұл ки шо ден
	ах мет қан сә ид жү сіп ну рға зы ғар ман тай бол ат құ дай бер ген мұх тар са быр
	ғұл ом ар жа қып ше рі хат үсен ті лек ба қыт жі гер се рік ди ля ра ми ла ро за
	иван пет ров сер гей вла ди мир ни ко лай гор дей бори ан дре ми хай лов`)

// newName returns a surname-like name, e.g. "Жанбеков", with an ending
// that takes the Russian genitive "-а". Most names are unique, as they are
// within a city; a few repeat, as they do across the country.
func newName(rng *rand.Rand) string {
	var b strings.Builder
	for range 2 + rng.IntN(3) {
		b.WriteString(syllables[rng.IntN(len(syllables))])
	}
	b.WriteString([]string{"ов", "ев", "ин", "бай", "ұлы", "ова"}[rng.IntN(6)])
	r := []rune(b.String())
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// genitive is the Russian genitive used in street names: "улица Абая".
func genitive(name string) string {
	switch {
	case strings.HasSuffix(name, "ай"):
		return strings.TrimSuffix(name, "й") + "я"
	case strings.HasSuffix(name, "ұлы"), strings.HasSuffix(name, "а"):
		return name
	}
	return name + "а"
}

// newStreet returns street i and the district it starts in. One in twenty
// is a numbered microdistrict; three in ten have an old name as alias.
func newStreet(rng *rand.Rand, i int) (core.Street, int) {
	name := newName(rng)
	s := core.Street{
		ID: "S" + strconv.Itoa(i),
		Name: core.Text{
			core.Russian: "улица " + genitive(name),
			core.Kazakh:  name + " көшесі",
		},
	}
	if i%20 == 0 {
		n := strconv.Itoa(1 + rng.IntN(9))
		s.Name = core.Text{core.Russian: "мкр. " + name + "-" + n, core.Kazakh: name + "-" + n + " шағын ауданы"}
	}
	if rng.IntN(10) < 3 {
		s.Aliases = []string{genitive(newName(rng))}
	}
	return s, rng.IntN(natCols * natRows)
}
