package configs

import (
	"github.com/beatbot-kz/beatbot/core"
)

// ids maps each id of one kind of record to the field path where it is
// first used, so that a duplicate can point at the original.
type ids map[string]string

// collect indexes the ids of n records, read by id(i), under path. It
// reports nothing: each record's own check does, in file order.
func collect(path string, n int, id func(int) string) ids {
	seen := make(ids, n)
	for i := range n {
		if _, dup := seen[id(i)]; !dup && id(i) != "" {
			seen[id(i)] = index(path, i)
		}
	}
	return seen
}

// known is every id in the file, for checking references.
type known struct {
	precincts, districts, streets, staff ids
	// roles holds the role of each staff id (of its first record).
	roles map[string]core.Role
}

// build turns doc into a City, recording every problem on the way.
func (c *checker) build(doc *fileDoc, dir string) *core.City {
	city := &core.City{
		Code:    doc.City.Code,
		Name:    doc.City.Name,
		Contact: core.Contact{Name: doc.City.Contact.Name, Phone: doc.City.Contact.Phone},
	}
	c.code("city.code", doc.City.Code)
	c.text("city.name", doc.City.Name, true)
	city.Location = c.timeZone("city.time_zone", doc.City.TimeZone)
	city.Languages = c.languages("city.languages", doc.City.Languages)
	if len(doc.City.Emergency) == 0 {
		c.errorf("city.emergency", "at least one number is required, e.g. 102 (police) and 112")
	}
	for i, e := range doc.City.Emergency {
		field := index("city.emergency", i)
		c.emergencyNumber(join(field, "number"), e.Number)
		c.text(join(field, "name"), e.Name, true)
		city.Emergency = append(city.Emergency, core.EmergencyNumber{Number: e.Number, Name: e.Name})
	}
	c.text("city.contact.name", doc.City.Contact.Name, true)
	c.phone("city.contact.phone", doc.City.Contact.Phone, true)

	// Ids first, so that references can point forwards; then each section
	// in the order of the file.
	k := &known{
		precincts: collect("precincts", len(doc.Precincts), func(i int) string { return doc.Precincts[i].ID }),
		districts: collect("districts", len(doc.Districts), func(i int) string { return doc.Districts[i].ID }),
		streets:   collect("streets", len(doc.Streets), func(i int) string { return doc.Streets[i].ID }),
		staff:     collect("staff", len(doc.Staff), func(i int) string { return doc.Staff[i].ID }),
		roles:     make(map[string]core.Role, len(doc.Staff)),
	}
	for i := len(doc.Staff) - 1; i >= 0; i-- {
		k.roles[doc.Staff[i].ID] = doc.Staff[i].Role
	}
	city.Precincts = c.precincts(doc.Precincts, k)
	city.Districts = c.districts(doc.Districts, dir, k)
	city.Streets = c.streets(doc.Streets, k)
	city.Staff = c.staff(doc.Staff, k, city.Location)
	city.Categories = c.categories(doc.Categories)
	city.Abuse = c.abuse(&doc.Abuse)
	city.Retention = c.retention(&doc.Retention)
	city.Delivery = c.delivery(&doc.Delivery)
	city.Alerts = c.alerts(doc.Alerts, k.districts, city.Location, city.Delivery.QuietHours)
	city.Polls = c.polls(doc.Polls, dir, city)
	city.WhatsAppTemplates = c.templates(doc.WhatsApp.Templates)
	city.Backups = c.backups(&doc.Backups, city.Location)

	// Finally the rules that span sections.
	c.coverage(city)
	c.overlaps(city.Districts)
	c.farFromPrecinct(city)
	c.addressOverlaps(city.Districts)
	return city
}

// ownID checks the id of the record at field against the index of its kind.
func (c *checker) ownID(seen ids, field, id string) {
	if !c.id(join(field, "id"), id) {
		return
	}
	if first := seen[id]; first != field {
		c.errorf(join(field, "id"), "duplicate id %q (first used at %s)", id, first)
	}
}

// ref checks a reference to a record of another kind.
func (c *checker) ref(field, kind, id string, seen ids) bool {
	switch {
	case id == "":
		c.errorf(field, "required: the id of a %s", kind)
		return false
	case seen[id] == "":
		c.errorf(field, "unknown %s id %q", kind, id)
		return false
	}
	return true
}

// coverage checks that every officer has something to do and every
// territory someone to serve it.
func (c *checker) coverage(city *core.City) {
	served := map[string]bool{}
	chiefs := map[string]bool{}
	hasDistricts := map[string]bool{}
	usedStreets := map[string]bool{}
	for _, d := range city.Districts {
		served[d.Inspector] = true
		hasDistricts[d.Precinct] = true
		for _, a := range d.Addresses {
			usedStreets[a.Street] = true
		}
	}
	for _, p := range city.Precincts {
		chiefs[p.Chief] = true
	}
	for i, s := range city.Staff {
		switch {
		case s.Role == core.RoleInspector && !served[s.ID]:
			c.errorf(index("staff", i), "inspector %q serves no district: name them as some district's inspector, or change their role", s.ID)
		case s.Role == core.RoleChief && !chiefs[s.ID]:
			c.warnf(index("staff", i), "chief %q runs no precinct", s.ID)
		}
	}
	for i, p := range city.Precincts {
		if !hasDistricts[p.ID] {
			c.warnf(index("precincts", i), "precinct %q has no districts", p.ID)
		}
	}
	for i, d := range city.Districts {
		if len(d.Addresses) == 0 {
			c.warnf(index("districts", i), "district %q lists no addresses: residents can find it only by location", d.ID)
		}
	}
	for i, s := range city.Streets {
		if !usedStreets[s.ID] {
			c.warnf(index("streets", i), "street %q is in no district's addresses, so residents typing it get no answer", s.ID)
		}
	}
}
