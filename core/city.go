package core

import (
	"strconv"
	"time"

	"github.com/paulmach/orb"
)

// City is the directory of one city's police: who serves which territory and
// how residents reach them. It is loaded from configuration and read-only
// while the bot runs; use the lookup maps rather than scanning the slices.
type City struct {
	// Code is a short upper-case prefix for human-friendly ids, e.g. "KRG".
	Code string
	// Name is the city's name per language.
	Name Text
	// Location is the time zone all schedules and dates are shown in.
	Location *time.Location
	// Languages are the interface languages residents may choose from.
	Languages []Lang
	// Emergency lists the numbers given to anyone who may be in danger.
	Emergency []EmergencyNumber
	// Contact is the city police's general line, given when no district
	// matches a resident's place.
	Contact Contact

	Precincts []Precinct
	Districts []District
	Staff     []Staff
	Streets   []Street

	// Delivery paces the notifier.
	Delivery Delivery
	// Categories are what residents can report, in menu order.
	Categories []Category
	// Abuse limits the report flow.
	Abuse AbuseLimits
	// Retention bounds how long personal data no longer needed are kept.
	Retention Retention
	// Alerts are the scheduled alerts to district subscribers.
	Alerts []ScheduledAlert
	// Polls are the polls defined in the configuration; they are imported
	// into storage at start.
	Polls []Poll
	// WhatsAppTemplates name the approved WhatsApp templates that carry
	// messages outside the 24-hour window: by kind (Reply.Template), then
	// language. Each takes the message's text as its one body parameter.
	WhatsAppTemplates map[string]map[Lang]string
	// Backups schedules backups of the data file; see Backups.
	Backups Backups

	precinctByID map[string]*Precinct
	districtByID map[string]*District
	staffByID    map[string]*Staff
	streetByID   map[string]*Street
	categoryByID map[string]*Category
	// staffByTelegram is looked up on every update, to recognise staff.
	staffByTelegram map[int64]*Staff
	staffByWhatsApp map[string]*Staff
	// channels are the messengers the bot runs on; nil means all.
	channels map[Channel]bool
	// configured are the absences the configuration records, by staff
	// id, when leaves recorded in the bot are laid over them (WithLeaves);
	// nil in a city as loaded, whose Staff hold them.
	configured map[string]Absence
	// leaves are the leaves admins recorded in the bot, by staff id, as
	// WithLeaves laid them over the configuration; AbsenceAt weighs them
	// at the time asked.
	leaves map[string][]Leave
}

// EmergencyNumber is a number to call in danger, e.g. 102 (police).
type EmergencyNumber struct {
	Number string
	Name   Text
}

// Contact is a public phone line with a name.
type Contact struct {
	Name  Text
	Phone string
}

// Precinct is a police station (участковый пункт полиции) that a chief runs
// and several districts belong to.
type Precinct struct {
	ID       string
	Name     Text
	Address  Text
	Phone    string
	Location Point
	// Chief is the staff id of the precinct's chief.
	Chief string
	// DutyChat is the Telegram id of the precinct's duty group chat, which
	// receives copies of tickets and residents' answers to notices; 0 means
	// none, and they go to the chief.
	DutyChat int64
}

// District is the territory one district inspector serves.
type District struct {
	ID       string
	Precinct string
	// Name is a short human description, e.g. "Mikrorayon Stepnoy-1".
	Name Text
	// Inspector is the staff id of the district inspector.
	Inspector string
	// Boundary is the district's territory, in lon/lat order as GeoJSON has it.
	Boundary orb.MultiPolygon
	// Addresses lists the houses of the district, street by street.
	Addresses []AddressRange
}

// AddressRange lists the houses of one street that belong to a district.
type AddressRange struct {
	// Street is a Street id.
	Street string
	Houses []HouseRange
}

// Street is a named thoroughfare (street, avenue, microdistrict) that
// residents type in addresses.
type Street struct {
	ID string
	// Name is the official name per language, shown to residents.
	Name Text
	// Aliases are other names residents use: old names, short forms,
	// transliterations. Matching also tolerates case, abbreviations and
	// small typos, so aliases only need genuinely different words.
	Aliases []string
}

// Role is what a staff member may do.
type Role string

// Staff roles.
const (
	RoleInspector Role = "inspector"
	RoleChief     Role = "chief"
	RoleAdmin     Role = "admin"
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	switch r {
	case RoleInspector, RoleChief, RoleAdmin:
		return true
	}
	return false
}

// Staff is a police officer or administrator who uses the bot.
type Staff struct {
	ID   string
	Role Role
	Name Text
	Rank Text
	// Phone is the officer's public work phone, given to residents.
	Phone string
	// Reception describes the public reception hours.
	Reception Text
	// TelegramID is the officer's Telegram user id; 0 if not on Telegram.
	TelegramID int64
	// WhatsApp is the officer's WhatsApp number, digits only with the
	// country code ("77011234567"); empty if not on WhatsApp.
	WhatsApp string
	// Sample marks invented people in the example configuration, so that a
	// demo can never be mistaken for a real officer.
	Sample bool
	// Absence is a leave during which a deputy takes the tickets.
	Absence Absence
}

// Index builds the lookup maps. Call it once after filling the slices and
// before the City is shared; the configuration loader does.
func (c *City) Index() {
	c.precinctByID = byID(c.Precincts, func(p *Precinct) string { return p.ID })
	c.districtByID = byID(c.Districts, func(d *District) string { return d.ID })
	c.staffByID = byID(c.Staff, func(s *Staff) string { return s.ID })
	c.streetByID = byID(c.Streets, func(s *Street) string { return s.ID })
	c.categoryByID = byID(c.Categories, func(k *Category) string { return k.ID })
	c.staffByTelegram = make(map[int64]*Staff, len(c.Staff))
	c.staffByWhatsApp = make(map[string]*Staff, len(c.Staff))
	for i := range c.Staff {
		if id := c.Staff[i].TelegramID; id != 0 {
			c.staffByTelegram[id] = &c.Staff[i]
		}
		if n := c.Staff[i].WhatsApp; n != "" {
			c.staffByWhatsApp[n] = &c.Staff[i]
		}
	}
}

// byID maps each item's id to the item.
func byID[T any](items []T, id func(*T) string) map[string]*T {
	m := make(map[string]*T, len(items))
	for i := range items {
		m[id(&items[i])] = &items[i]
	}
	return m
}

// Category returns the report category with the given id, or nil.
func (c *City) Category(id string) *Category { return c.categoryByID[id] }

// Precinct returns the precinct with the given id, or nil.
func (c *City) Precinct(id string) *Precinct { return c.precinctByID[id] }

// District returns the district with the given id, or nil.
func (c *City) District(id string) *District { return c.districtByID[id] }

// StaffMember returns the staff member with the given id, or nil.
func (c *City) StaffMember(id string) *Staff { return c.staffByID[id] }

// Street returns the street with the given id, or nil.
func (c *City) Street(id string) *Street { return c.streetByID[id] }

// StaffByTelegram returns the staff member with the given Telegram user id,
// or nil.
func (c *City) StaffByTelegram(id int64) *Staff {
	if id == 0 {
		return nil
	}

	return c.staffByTelegram[id]
}

// StaffByChat returns the staff member writing from a private chat on any
// channel (from is the sender's id there: a Telegram user id, a WhatsApp
// number), or nil for a resident.
func (c *City) StaffByChat(chat ChatRef, from string) *Staff {
	switch chat.Channel {
	case Telegram:
		id, err := strconv.ParseInt(from, 10, 64)
		if err != nil || id == 0 {
			return nil
		}
		return c.staffByTelegram[id]
	case WhatsApp:
		if from == "" {
			return nil
		}
		return c.staffByWhatsApp[from]
	}
	return nil
}

// UseChannels records the messengers the bot runs on, so that staff are
// written to on one of them; until it is called every channel counts.
// Call it before the City is shared.
func (c *City) UseChannels(chs ...Channel) {
	c.channels = make(map[Channel]bool, len(chs))
	for _, ch := range chs {
		c.channels[ch] = true
	}
}

// Runs reports whether the bot runs on ch.
func (c *City) Runs(ch Channel) bool { return c.channels == nil || c.channels[ch] }

// StaffChat returns the chat to write to a staff member in: Telegram where
// they have it and the bot runs on it, else WhatsApp likewise.
func (c *City) StaffChat(s *Staff) (ChatRef, bool) {
	switch {
	case s == nil:
		return ChatRef{}, false
	case s.TelegramID != 0 && c.Runs(Telegram):
		return ChatRef{Channel: Telegram, ID: strconv.FormatInt(s.TelegramID, 10)}, true
	case s.WhatsApp != "" && c.Runs(WhatsApp):
		return ChatRef{Channel: WhatsApp, ID: s.WhatsApp}, true
	}
	return ChatRef{}, false
}

// Reachable reports whether the bot can write to a staff member at all.
func (c *City) Reachable(s *Staff) bool {
	_, ok := c.StaffChat(s)
	return ok
}

// DutyChat returns a precinct's duty group chat, if it has one on a
// running channel (duty chats are Telegram groups).
func (c *City) DutyChat(p *Precinct) (ChatRef, bool) {
	if p == nil || p.DutyChat == 0 || !c.Runs(Telegram) {
		return ChatRef{}, false
	}
	return ChatRef{Channel: Telegram, ID: strconv.FormatInt(p.DutyChat, 10)}, true
}

// Jurisdiction returns the districts a staff member may send notices to:
// every district for an admin, the districts of the precincts they run for a
// chief, none for anyone else.
func (c *City) Jurisdiction(s *Staff) []string {
	var out []string
	for _, d := range c.Districts {
		if s.Role == RoleAdmin || s.Role == RoleChief && c.Precinct(d.Precinct) != nil && c.Precinct(d.Precinct).Chief == s.ID {
			out = append(out, d.ID)
		}
	}
	return out
}

// AddressCount returns the number of house ranges in all districts.
func (c *City) AddressCount() int {
	n := 0
	for _, d := range c.Districts {
		for _, a := range d.Addresses {
			n += len(a.Houses)
		}
	}
	return n
}
