package configs

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // time zones must load in a scratch container too

	"github.com/beatbot-kz/beatbot/core"
)

// requiredLangs are the languages every user-facing text must have.
var requiredLangs = []core.Lang{core.Russian, core.Kazakh, core.English}

// text checks that t has a non-blank translation in every required
// language and nothing else. An absent optional text is fine.
func (c *checker) text(field string, t core.Text, required bool) {
	if len(t) == 0 {
		if required {
			c.errorf(field, "required, in ru, kk and en")
		}
		return
	}
	var missing []string
	for _, l := range requiredLangs {
		if strings.TrimSpace(t[l]) == "" {
			missing = append(missing, string(l))
		}
	}
	if len(missing) > 0 {
		c.errorf(field, "missing %s translation", strings.Join(missing, ", "))
	}
	for _, l := range sortedLangs(t) {
		if !l.Valid() {
			c.errorf(join(field, string(l)), "unknown language %q (want ru, kk or en)", l)
		}
	}
}

// sortedLangs returns the keys of t in a stable order.
func sortedLangs(t core.Text) []core.Lang {
	langs := make([]core.Lang, 0, len(t))
	for l := range t {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	return langs
}

var (
	idPattern   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$`)
	codePattern = regexp.MustCompile(`^[A-Z]{2,5}$`)
	// phoneChars are the separators allowed between the digits of a phone.
	phoneChars  = strings.NewReplacer(" ", "", "-", "", "(", "", ")", "", "\u00a0", "")
	phoneDigits = regexp.MustCompile(`^\+7[0-9]{10}$`)
	shortNumber = regexp.MustCompile(`^[0-9]{2,6}$`)
)

// id checks an id. Ids travel in button payloads, which Telegram limits to
// 64 bytes, so they are kept short and plain.
func (c *checker) id(field, id string) bool {
	switch {
	case id == "":
		c.errorf(field, "required")
		return false
	case !idPattern.MatchString(id):
		c.errorf(field, "invalid id %q: want 1 to 32 letters, digits, '-', '_' or '.', starting with a letter or digit", id)
		return false
	}
	return true
}

// phone loosely checks a Kazakhstan phone number: +7 and ten digits, with
// spaces, hyphens or brackets between them as people write them.
func (c *checker) phone(field, phone string, required bool) {
	if phone == "" {
		if required {
			c.errorf(field, "required, e.g. \"+7 7212 41 00 00\"")
		}
		return
	}
	if !phoneDigits.MatchString(phoneChars.Replace(phone)) {
		c.errorf(field, "invalid phone %q: want +7 and 10 digits, e.g. \"+7 7212 41 00 00\"", phone)
	}
}

// whatsapp checks a staff member's WhatsApp number and returns it as
// WhatsApp names chats: the digits with the country code, no "+".
func (c *checker) whatsapp(field, number string) string {
	if number == "" {
		return ""
	}
	digits := phoneChars.Replace(number)
	if !phoneDigits.MatchString(digits) {
		c.errorf(field, "invalid WhatsApp number %q: want +7 and 10 digits, e.g. \"+7 701 000 00 00\"", number)
		return ""
	}
	return strings.TrimPrefix(digits, "+")
}

// emergencyNumber accepts a short number such as 102 or a full phone.
func (c *checker) emergencyNumber(field, number string) {
	switch {
	case number == "":
		c.errorf(field, "required, e.g. \"102\"")
	case !shortNumber.MatchString(number) && !phoneDigits.MatchString(phoneChars.Replace(number)):
		c.errorf(field, "invalid number %q: want 2 to 6 digits such as \"102\", or +7 and 10 digits", number)
	}
}

// code checks the city code, the prefix of human-friendly ids.
func (c *checker) code(field, code string) {
	if !codePattern.MatchString(code) {
		c.errorf(field, "invalid city code %q: want 2 to 5 upper-case Latin letters, e.g. \"KRG\"", code)
	}
}

// timeZone loads an IANA time zone. "Local" is refused: it would depend on
// the machine the bot runs on.
func (c *checker) timeZone(field, name string) *time.Location {
	if name == "" {
		c.errorf(field, "required, e.g. \"Asia/Almaty\"")
		return nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil || name == "Local" {
		c.errorf(field, "unknown time zone %q: name an IANA zone such as \"Asia/Almaty\"", name)
		return nil
	}
	return loc
}

// languages checks the interface languages, defaulting to all supported.
func (c *checker) languages(field string, langs []core.Lang) []core.Lang {
	if len(langs) == 0 {
		return append([]core.Lang(nil), core.Langs...)
	}
	seen := make(map[core.Lang]bool, len(langs))
	for i, l := range langs {
		switch {
		case !l.Valid():
			c.errorf(index(field, i), "unknown language %q (want ru, kk or en)", l)
		case seen[l]:
			c.errorf(index(field, i), "duplicate language %q", l)
		}
		seen[l] = true
	}
	return langs
}

// point checks a position given as {lat, lon}.
func (c *checker) point(field string, p *core.Point) core.Point {
	if p == nil {
		c.errorf(field, "required: {lat: …, lon: …}")
		return core.Point{}
	}
	if msg := outOfRange(p.Lon, p.Lat); msg != "" {
		c.errorf(field, "%s", msg)
	}
	return *p
}

// outOfRange describes a position outside WGS 84 degrees, or returns "".
func outOfRange(lon, lat float64) string {
	if lon < -180 || lon > 180 || lat < -90 || lat > 90 || math.IsNaN(lon) || math.IsNaN(lat) {
		return fmt.Sprintf("lon %g, lat %g out of range (lon -180…180, lat -90…90)", lon, lat)
	}
	return ""
}
