package configs_test

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/configs"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
	"github.com/peterstace/simplefeatures/geom"
	"github.com/robfig/cron/v3"
)

// exampleCity loads the example city, which must load without a warning.
func exampleCity(t *testing.T) *core.City {
	t.Helper()
	city, warnings, err := configs.Load("example/city.yaml")
	if err != nil {
		t.Fatalf("Load(example/city.yaml):\n%v", err)
	}
	for _, w := range warnings {
		t.Errorf("warning: %s", w)
	}
	return city
}

func TestExampleCity(t *testing.T) {
	city := exampleCity(t)
	if got := len(city.Precincts); got < 2 {
		t.Errorf("got %d precincts, want at least 2", got)
	}
	if got := len(city.Districts); got < 8 {
		t.Errorf("got %d districts, want at least 8", got)
	}
	for _, d := range city.Districts {
		if len(d.Addresses) == 0 {
			t.Errorf("district %s has no addresses", d.ID)
		}
		if city.Precinct(d.Precinct) == nil {
			t.Errorf("district %s: precinct %q not indexed", d.ID, d.Precinct)
		}
	}
	for _, s := range city.Staff {
		if !s.Sample || !strings.HasPrefix(s.Name[core.English], "Sample: ") {
			t.Errorf("staff %s is not clearly marked as a sample", s.ID)
		}
		// Real Telegram user ids have at most 52 bits: these can never
		// belong to somebody who happens to write to a demo bot.
		if s.TelegramID != 0 && s.TelegramID < 1<<52 {
			t.Errorf("staff %s: Telegram id %d could be a real user's", s.ID, s.TelegramID)
		}
	}
	dutyChats := 0
	for _, p := range city.Precincts {
		if p.DutyChat == 0 {
			continue
		}
		dutyChats++
		// Real group and supergroup ids have at most 13 digits (-100 and
		// the channel's number): a longer one can never reach a real chat.
		if p.DutyChat > -1e15 {
			t.Errorf("precinct %s: duty chat %d could be a real group's", p.ID, p.DutyChat)
		}
	}
	if dutyChats == 0 || dutyChats == len(city.Precincts) {
		t.Errorf("%d of %d precincts have a duty chat, want some but not all, to show the field is optional", dutyChats, len(city.Precincts))
	}
	if got, want := city.Delivery, defaultDelivery(); !reflect.DeepEqual(got, want) {
		t.Errorf("got delivery %+v, want the defaults it spells out, %+v", got, want)
	}
	if city.Abuse != defaultAbuse {
		t.Errorf("got abuse %+v, want the defaults it spells out, %+v", city.Abuse, defaultAbuse)
	}
	if want := 365 * 24 * time.Hour; city.Retention.ClosedTickets != want {
		t.Errorf("got retention of closed tickets %s, want the default it spells out, a year", city.Retention.ClosedTickets)
	}
}

// TestExampleCityCategories checks that the example spells out the default
// categories, with service levels of its own.
func TestExampleCityCategories(t *testing.T) {
	city := exampleCity(t)
	defaults, _, err := configs.Load("testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got := categoryIDs(city.Categories); !reflect.DeepEqual(got, defaultCategoryIDs) {
		t.Fatalf("got categories %v, want the default set %v", got, defaultCategoryIDs)
	}
	own := 0
	for i, c := range city.Categories {
		def := defaults.Categories[i]
		if !reflect.DeepEqual(c.Name, def.Name) {
			t.Errorf("category %s: got name %v, want the default %v", c.ID, c.Name, def.Name)
		}
		if c.AcceptWithin != def.AcceptWithin || c.ResolveWithin != def.ResolveWithin {
			own++
		}
	}
	if own == 0 {
		t.Errorf("every category has the default service levels, want some of the example's own")
	}
	for _, want := range []struct {
		id              string
		accept, resolve time.Duration
	}{
		{"burglary", 12 * time.Hour, 7 * 24 * time.Hour},
		{"noise", 24 * time.Hour, 3 * 24 * time.Hour},
		{"online", 48 * time.Hour, 14 * 24 * time.Hour},
	} {
		c := city.Category(want.id)
		if c == nil || c.AcceptWithin != want.accept || c.ResolveWithin != want.resolve {
			t.Errorf("category %s: got %+v, want accept within %s and resolve within %s", want.id, c, want.accept, want.resolve)
		}
	}
}

// TestExampleCityAbsence pins the sample leave that demonstrates routing to
// a deputy: one inspector away until a day in December 2026, standing in
// for whom is an inspector of the same precinct who is not away.
func TestExampleCityAbsence(t *testing.T) {
	city := exampleCity(t)
	var away []core.Staff
	for _, s := range city.Staff {
		if !s.Absence.Until.IsZero() {
			away = append(away, s)
		}
	}
	if len(away) != 1 {
		t.Fatalf("got %d staff with a leave, want 1", len(away))
	}
	s := away[0]
	until := s.Absence.Until
	if s.ID != "s-i04" || until.Location() != city.Location || until.Year() != 2026 || until.Month() != time.December ||
		until.Hour() != 0 || until.Minute() != 0 {
		t.Errorf("got %s away until %s, want s-i04 until the start of a day in December 2026 in %s", s.ID, until, city.Location)
	}
	deputy := city.StaffMember(s.Absence.Deputy)
	if deputy == nil || deputy.Role != core.RoleInspector || !deputy.Absence.Until.IsZero() {
		t.Fatalf("deputy %q of %s: got %+v, want an inspector who is not away", s.Absence.Deputy, s.ID, deputy)
	}
	precinct := map[string]string{}
	for _, d := range city.Districts {
		precinct[d.Inspector] = d.Precinct
	}
	if precinct[deputy.ID] != precinct[s.ID] {
		t.Errorf("deputy %s serves precinct %s, %s serves %s: want the same precinct", deputy.ID, precinct[deputy.ID], s.ID, precinct[s.ID])
	}
	if !s.Absence.Away(until.Add(-time.Minute)) || s.Absence.Away(until) {
		t.Errorf("%s: want away until %s and back from then", s.ID, until)
	}
}

// TestExampleCityAlerts checks that the example's alerts parse as the
// notifier will parse them, reach existing districts, and are short.
func TestExampleCityAlerts(t *testing.T) {
	city := exampleCity(t)
	if got := len(city.Alerts); got < 3 {
		t.Errorf("got %d alerts, want at least 3", got)
	}
	everywhere, targeted := 0, 0
	for _, a := range city.Alerts {
		if _, err := cron.ParseStandard(a.Cron); err != nil {
			t.Errorf("alert %s: cron %q: %v", a.ID, a.Cron, err)
		}
		if len(a.Districts) == 0 {
			everywhere++
		} else {
			targeted++
		}
		for _, id := range a.Districts {
			if city.District(id) == nil {
				t.Errorf("alert %s: district %q does not exist", a.ID, id)
			}
		}
		for _, l := range core.Langs {
			if n := utf8.RuneCountInString(a.Text[l]); n == 0 || n > 400 {
				t.Errorf("alert %s: %s text has %d characters, want 1 to 400", a.ID, l, n)
			}
		}
	}
	if everywhere == 0 || targeted == 0 {
		t.Errorf("got %d alerts to every district and %d to some, want both kinds", everywhere, targeted)
	}
}

// TestExampleCityTiles checks that the districts cover their area without
// gaps or overlaps: the union has no holes and its area is the sum of the
// districts' areas, and every point of a grid over it lies in exactly one
// district inside the union and in none outside.
func TestExampleCityTiles(t *testing.T) {
	city := exampleCity(t)
	var union geom.Geometry
	sum := 0.0
	for _, d := range city.Districts {
		g := toGeom(t, d.Boundary)
		sum += g.Area()
		u, err := geom.Union(union, g)
		if err != nil {
			t.Fatalf("union with %s: %v", d.ID, err)
		}
		union = u
	}
	poly, ok := union.AsPolygon()
	if !ok {
		t.Fatalf("union of the districts is a %s, want one Polygon", union.Type())
	}
	if n := poly.NumInteriorRings(); n != 0 {
		t.Errorf("union of the districts has %d holes: a gap between districts", n)
	}
	if got := union.Area(); math.Abs(got-sum) > 1e-9*got {
		t.Errorf("union area %g, sum of district areas %g: districts overlap", got, sum)
	}

	outline := orb.Polygon{toRing(poly.ExteriorRing())}
	env := union.Envelope()
	lo, _ := env.Min().XY()
	hi, _ := env.Max().XY()
	const n = 97 // odd steps keep sample points off the grid-aligned borders
	inside := 0
	for i := range n {
		for j := range n {
			pt := orb.Point{lo.X + (float64(i)+0.5)*(hi.X-lo.X)/n, lo.Y + (float64(j)+0.5)*(hi.Y-lo.Y)/n}
			want := 0
			if planar.PolygonContains(outline, pt) {
				want = 1
				inside++
			}
			if got := districtsAt(city, pt); len(got) != want {
				t.Errorf("point lon %.5f lat %.5f is in districts %v, want %d", pt.Lon(), pt.Lat(), got, want)
			}
		}
	}
	if inside < n*n/2 {
		t.Errorf("only %d of %d sample points fell inside the districts", inside, n*n)
	}
}

// TestExampleCityLookups pins the facts end-to-end tests rely on: which
// district a point or an address belongs to, the ambiguous street names,
// and the district with a hole and the one with an enclave.
func TestExampleCityLookups(t *testing.T) {
	city := exampleCity(t)
	points := []struct {
		lat, lon float64
		want     string
	}{
		{49.8250, 73.0880, "krg-d02"},
		{49.8250, 73.1450, "krg-d04"},
		{49.7950, 73.1050, "krg-d07"},
		{49.7930, 73.1160, "krg-d08"}, // in krg-d08's enclave, inside krg-d07's hole
	}
	for _, p := range points {
		got := districtsAt(city, orb.Point{p.lon, p.lat})
		if len(got) != 1 || got[0] != p.want {
			t.Errorf("point %.4f, %.4f: got districts %v, want [%s]", p.lat, p.lon, got, p.want)
		}
	}

	addresses := []struct {
		street, house, want string
	}{
		{"bukhar-zhyrau", "64", "krg-d03"},
		{"bukhar-zhyrau", "63", "krg-d02"},
		{"erubaeva", "15", "krg-d05"},
		{"erubaeva", "62А", "krg-d02"},
		{"gogolya", "51/2", "krg-d02"},
		{"stepnoy-2", "35", "krg-d08"},
		{"stepnoy-2", "12", "krg-d07"},
		{"abdirova", "20", "krg-d06"},
	}
	for _, a := range addresses {
		house, err := core.ParseHouse(a.house)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range city.Districts {
			for _, r := range d.Addresses {
				if r.Street == a.street && slicesContainsHouse(r.Houses, house) {
					got = append(got, d.ID)
				}
			}
		}
		if len(got) != 1 || got[0] != a.want {
			t.Errorf("%s %s: got districts %v, want [%s]", a.street, a.house, got, a.want)
		}
	}

	stepnoy := 0
	for _, s := range city.Streets {
		if strings.Contains(s.Name[core.Russian], "Степной") {
			stepnoy++
		}
	}
	if stepnoy < 2 {
		t.Errorf("got %d streets named Степной, want several for the choose-a-street path", stepnoy)
	}
	if d := city.District("krg-d07"); d == nil || len(d.Boundary) != 1 || len(d.Boundary[0]) != 2 {
		t.Errorf("krg-d07 should be one polygon with one hole")
	}
	if d := city.District("krg-d08"); d == nil || len(d.Boundary) != 2 {
		t.Errorf("krg-d08 should be a MultiPolygon of two polygons")
	}
}

func ExampleSummarize() {
	city, warnings, err := configs.Load("example/city.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	s := configs.Summarize(city)
	fmt.Printf("%s: %d precincts, %d districts, %d staff, %d streets, %d house ranges, %d alerts, %d categories, %d polls, %d warnings\n",
		city.Name.In(core.English), s.Precincts, s.Districts, s.Staff, s.Streets, s.Addresses, s.Alerts, s.Categories, s.Polls, len(warnings))
	// Output: Karaganda: 2 precincts, 8 districts, 11 staff, 31 streets, 54 house ranges, 4 alerts, 9 categories, 1 polls, 0 warnings
}

// districtsAt returns the ids of the districts containing pt.
func districtsAt(city *core.City, pt orb.Point) []string {
	var ids []string
	for _, d := range city.Districts {
		if planar.MultiPolygonContains(d.Boundary, pt) {
			ids = append(ids, d.ID)
		}
	}
	return ids
}

func slicesContainsHouse(ranges []core.HouseRange, h core.House) bool {
	for _, r := range ranges {
		if r.Contains(h) {
			return true
		}
	}
	return false
}

// toGeom converts an orb boundary for simplefeatures by way of GeoJSON.
func toGeom(t *testing.T, mp orb.MultiPolygon) geom.Geometry {
	t.Helper()
	data, err := geojson.NewGeometry(mp).MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	g, err := geom.UnmarshalGeoJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func toRing(ls geom.LineString) orb.Ring {
	seq := ls.Coordinates()
	r := make(orb.Ring, seq.Length())
	for i := range r {
		xy := seq.GetXY(i)
		r[i] = orb.Point{xy.X, xy.Y}
	}
	return r
}
