package configs

import (
	"fmt"
	"strings"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// staff checks the staff list; leave dates are read in loc, the city's
// time zone.
func (c *checker) staff(docs []staffDoc, k *known, loc *time.Location) []core.Staff {
	out := make([]core.Staff, 0, len(docs))
	telegram := map[int64]string{}
	whatsapp := map[string]string{}
	for i, s := range docs {
		field := index("staff", i)
		c.ownID(k.staff, field, s.ID)
		switch {
		case s.Role == "":
			c.errorf(join(field, "role"), "required: inspector, chief or admin")
		case !s.Role.Valid():
			c.errorf(join(field, "role"), "unknown role %q (want inspector, chief or admin)", s.Role)
		}
		c.text(join(field, "name"), s.Name, true)
		c.text(join(field, "rank"), s.Rank, officer(s.Role))
		c.phone(join(field, "phone"), s.Phone, s.Role == core.RoleInspector)
		c.text(join(field, "reception"), s.Reception, s.Role == core.RoleInspector)
		switch first, dup := telegram[s.TelegramID]; {
		case s.TelegramID < 0:
			c.errorf(join(field, "telegram_id"), "invalid Telegram user id %d: user ids are positive (0 means not on Telegram)", s.TelegramID)
		case s.TelegramID > 0 && dup:
			c.errorf(join(field, "telegram_id"), "Telegram user id %d is already used by %s", s.TelegramID, first)
		case s.TelegramID > 0:
			telegram[s.TelegramID] = field
		}
		wa := c.whatsapp(join(field, "whatsapp"), s.WhatsApp)
		if first, dup := whatsapp[wa]; wa != "" && dup {
			c.errorf(join(field, "whatsapp"), "WhatsApp number %s is already used by %s", s.WhatsApp, first)
		} else if wa != "" {
			whatsapp[wa] = field
		}
		out = append(out, core.Staff{
			ID: s.ID, Role: s.Role, Name: s.Name, Rank: s.Rank, Phone: s.Phone,
			Reception: s.Reception, TelegramID: s.TelegramID, WhatsApp: wa, Sample: s.Sample,
			Absence: c.absence(field, s, k, loc),
		})
	}
	return out
}

// streets checks the street list.
func (c *checker) streets(docs []streetDoc, k *known) []core.Street {
	out := make([]core.Street, 0, len(docs))
	for i, s := range docs {
		field := index("streets", i)
		c.ownID(k.streets, field, s.ID)
		c.text(join(field, "name"), s.Name, true)
		for j, a := range s.Aliases {
			if strings.TrimSpace(a) == "" {
				c.errorf(index(join(field, "aliases"), j), "empty alias")
			}
		}
		out = append(out, core.Street{ID: s.ID, Name: s.Name, Aliases: s.Aliases})
	}
	return out
}

// precincts checks the precincts and their chiefs.
func (c *checker) precincts(docs []precinctDoc, k *known) []core.Precinct {
	out := make([]core.Precinct, 0, len(docs))
	for i, p := range docs {
		field := index("precincts", i)
		c.ownID(k.precincts, field, p.ID)
		c.text(join(field, "name"), p.Name, true)
		c.text(join(field, "address"), p.Address, true)
		c.phone(join(field, "phone"), p.Phone, true)
		loc := c.point(join(field, "location"), p.Location)
		if c.ref(join(field, "chief"), "staff", p.Chief, k.staff) {
			c.role(join(field, "chief"), p.Chief, k.roles[p.Chief], core.RoleChief)
		}
		// Several precincts may share one chat, such as the city's duty
		// desk, so duplicates are fine.
		if p.DutyChat > 0 {
			c.errorf(join(field, "duty_chat"), "invalid duty chat id %d: group and supergroup ids are negative, e.g. -1001234567890 (a positive id is a private chat with one user; 0 means none)", p.DutyChat)
		}
		out = append(out, core.Precinct{
			ID: p.ID, Name: p.Name, Address: p.Address, Phone: p.Phone, Location: loc, Chief: p.Chief,
			DutyChat: p.DutyChat,
		})
	}
	return out
}

// districts checks the districts: references, boundaries and addresses.
func (c *checker) districts(docs []districtDoc, dir string, k *known) []core.District {
	out := make([]core.District, 0, len(docs))
	for i, d := range docs {
		field := index("districts", i)
		c.ownID(k.districts, field, d.ID)
		c.ref(join(field, "precinct"), "precinct", d.Precinct, k.precincts)
		c.text(join(field, "name"), d.Name, true)
		if c.ref(join(field, "inspector"), "staff", d.Inspector, k.staff) {
			c.role(join(field, "inspector"), d.Inspector, k.roles[d.Inspector], core.RoleInspector)
		}
		out = append(out, core.District{
			ID:        d.ID,
			Precinct:  d.Precinct,
			Name:      d.Name,
			Inspector: d.Inspector,
			Boundary:  c.boundary(field, d, dir),
			Addresses: c.addresses(join(field, "addresses"), d.Addresses, k.streets),
		})
	}
	return out
}

// role checks that the staff member referenced at field has the role the
// reference needs.
func (c *checker) role(field, id string, got, want core.Role) {
	if got != want {
		c.errorf(field, "staff %q has role %s, want %q", id, roleName(got), string(want))
	}
}

func roleName(r core.Role) string {
	if r == "" {
		return "(none)"
	}
	return fmt.Sprintf("%q", string(r))
}
