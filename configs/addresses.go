package configs

import (
	"errors"
	"fmt"

	"github.com/beatbot-kz/beatbot/core"
)

// addresses checks a district's address list: known streets and house
// ranges in the syntax core.ParseHouseRange reads.
func (c *checker) addresses(field string, docs []addressDoc, streets ids) []core.AddressRange {
	out := make([]core.AddressRange, 0, len(docs))
	for i, a := range docs {
		at := index(field, i)
		c.ref(join(at, "street"), "street", a.Street, streets)
		if len(a.Houses) == 0 {
			c.errorf(join(at, "houses"), `required: house numbers or ranges such as "1-35 odd", "2-40 even", "12А"`)
		}
		r := core.AddressRange{Street: a.Street}
		for j, h := range a.Houses {
			hr, err := core.ParseHouseRange(h)
			if err != nil {
				c.errorf(index(join(at, "houses"), j), "%s", houseProblem(err))
				continue
			}
			r.Houses = append(r.Houses, hr)
		}
		out = append(out, r)
	}
	return out
}

// houseRef is one house range of one district, and where it was written.
type houseRef struct {
	district int
	field    string
	houses   core.HouseRange
}

// addressOverlaps warns about houses listed in two districts: a resident
// typing such an address would be offered two inspectors.
func (c *checker) addressOverlaps(districts []core.District) {
	byStreet := map[string][]houseRef{}
	var order []string
	for di, d := range districts {
		for ai, a := range d.Addresses {
			if _, ok := byStreet[a.Street]; !ok {
				order = append(order, a.Street)
			}
			for hi, h := range a.Houses {
				field := index(join(index(join(index("districts", di), "addresses"), ai), "houses"), hi)
				byStreet[a.Street] = append(byStreet[a.Street], houseRef{district: di, field: field, houses: h})
			}
		}
	}
	for _, street := range order {
		refs := byStreet[street]
		for i, a := range refs {
			for _, b := range refs[i+1:] {
				if a.district == b.district || !shareHouse(a.houses, b.houses) {
					continue
				}
				c.warnf(b.field, "houses %q of street %q are also in district %q (%s)",
					b.houses.String(), street, districts[a.district].ID, a.field)
			}
		}
	}
}

// shareHouse reports whether some house belongs to both ranges.
func shareHouse(a, b core.HouseRange) bool {
	lo, hi := max(a.From, b.From), min(a.To, b.To)
	if lo > hi {
		return false
	}
	switch {
	case a.Suffix != "" && b.Suffix != "":
		return a.Suffix == b.Suffix
	case a.Suffix != "":
		return b.Contains(core.House{Number: a.From, Suffix: a.Suffix})
	case b.Suffix != "":
		return a.Contains(core.House{Number: b.From, Suffix: b.Suffix})
	}
	// Parity repeats every two numbers, so two candidates settle it.
	for n := lo; n <= hi && n < lo+2; n++ {
		h := core.House{Number: n}
		if a.Contains(h) && b.Contains(h) {
			return true
		}
	}
	return false
}

// houseProblem words a house range error for the configuration's author.
func houseProblem(err error) string {
	var he *core.HouseError
	if !errors.As(err, &he) {
		return err.Error()
	}
	msg := fmt.Sprintf("invalid house number: range %q", he.Input)
	if he.Reason != "" {
		msg += ": " + he.Reason
	}
	return msg
}
