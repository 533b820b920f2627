package locate_test

import (
	"fmt"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locate"
	"github.com/paulmach/orb"
)

func ExampleIndex_Address() {
	city := &core.City{
		Precincts: []core.Precinct{{ID: "P1"}},
		Districts: []core.District{
			{ID: "D1", Precinct: "P1", Addresses: []core.AddressRange{
				{Street: "s1", Houses: []core.HouseRange{{From: 1, To: 35, Parity: core.OddHouses}}},
			}},
			{ID: "D2", Precinct: "P1", Addresses: []core.AddressRange{
				{Street: "s1", Houses: []core.HouseRange{{From: 2, To: 40, Parity: core.EvenHouses}}},
			}},
		},
		Streets: []core.Street{
			{ID: "s1", Name: core.Text{core.Russian: "ул. Ерубаева", core.Kazakh: "Ерубаев көшесі"}},
		},
	}
	city.Index()
	ix, err := locate.New(city)
	if err != nil {
		panic(err)
	}
	for _, text := range []string{"Erubayeva 12", "Ерубаев көшесі, 13 үй", "ерубаево", "Ленина 5"} {
		r := ix.Address(text)
		fmt.Printf("%q: street %q, house %v (%v):", text, r.Street, r.House, r.HasHouse)
		for _, m := range r.Matches {
			fmt.Printf(" %s exact=%v found=%v", m.Street.Name[core.Russian], m.Exact, m.HouseFound)
			for _, d := range m.Districts {
				fmt.Printf(" %s", d.ID)
			}
		}
		fmt.Println()
	}
	// Output:
	// "Erubayeva 12": street "erubaeva", house 12 (true): ул. Ерубаева exact=true found=true D2
	// "Ерубаев көшесі, 13 үй": street "erubaev", house 13 (true): ул. Ерубаева exact=true found=true D1
	// "ерубаево": street "erubaevo", house 0 (false): ул. Ерубаева exact=false found=false D1 D2
	// "Ленина 5": street "lenina", house 5 (true):
}

func ExampleIndex_District() {
	square := func(west, south, east, north float64) orb.Polygon {
		return orb.Polygon{{{west, south}, {east, south}, {east, north}, {west, north}, {west, south}}}
	}
	city := &core.City{
		Precincts: []core.Precinct{{ID: "P1", Location: core.Point{Lat: 49.80, Lon: 73.10}}},
		Districts: []core.District{
			{ID: "D1", Precinct: "P1", Boundary: orb.MultiPolygon{square(73.0, 49.7, 73.1, 49.8)}},
			{ID: "D2", Precinct: "P1", Boundary: orb.MultiPolygon{square(73.1, 49.7, 73.2, 49.8)}},
		},
	}
	city.Index()
	ix, err := locate.New(city)
	if err != nil {
		panic(err)
	}
	p := core.Point{Lat: 49.75, Lon: 73.15}
	precinct, metres := ix.NearestPrecinct(p)
	fmt.Println(ix.District(p).ID, precinct.ID, int(metres))
	fmt.Println(ix.District(core.Point{Lat: 49.75, Lon: 73.1}).ID, "(on the border)")
	fmt.Println(ix.District(core.Point{Lat: 50, Lon: 73}) == nil)
	// Output:
	// D2 P1 6618
	// D1 (on the border)
	// true
}
