package configs_test

import (
	"errors"
	"io/fs"
	"maps"
	"strings"
	"testing"

	"github.com/beatbot-kz/beatbot/configs"
)

// loadTests lists one validation rule per row. Each fixture in testdata/ is
// testdata/valid.yaml with deliberate mistakes; a fixture may serve several
// rows, and TestLoadReportsNothingElse checks that its rows account for
// every problem it produces.
var loadTests = []problemCase{
	// References.
	{"unknown precinct of district", "references.yaml", `testdata/references.yaml: districts[1].precinct: unknown precinct id "p9"`, false},
	{"unknown inspector of district", "references.yaml", `testdata/references.yaml: districts[1].inspector: unknown staff id "s-42"`, false},
	{"unknown chief of precinct", "references.yaml", `testdata/references.yaml: precincts[0].chief: unknown staff id "c9"`, false},
	{"unknown street of address", "references.yaml", `testdata/references.yaml: districts[1].addresses[0].street: unknown street id "second"`, false},

	// Duplicate ids.
	{"duplicate precinct", "duplicates.yaml", `testdata/duplicates.yaml: precincts[1].id: duplicate id "p1" (first used at precincts[0])`, false},
	{"duplicate district", "duplicates.yaml", `testdata/duplicates.yaml: districts[2].id: duplicate id "d1" (first used at districts[0])`, false},
	{"duplicate street", "duplicates.yaml", `testdata/duplicates.yaml: streets[1].id: duplicate id "first" (first used at streets[0])`, false},
	{"duplicate staff", "duplicates.yaml", `testdata/duplicates.yaml: staff[3].id: duplicate id "i2" (first used at staff[2])`, false},
	{"duplicate WhatsApp number", "whatsapp.yaml", `testdata/whatsapp.yaml: staff[1].whatsapp: WhatsApp number +7 7212 00 00 01 is already used by staff[0]`, false},
	{"malformed WhatsApp number", "whatsapp.yaml", `testdata/whatsapp.yaml: staff[2].whatsapp: invalid WhatsApp number "8 701 123": want +7 and 10 digits, e.g. "+7 701 000 00 00"`, false},
	{"WhatsApp template name", "whatsapp.yaml", `testdata/whatsapp.yaml: whatsapp.templates.notice.kk: invalid template name "Beatbot-Notice": Meta allows lower-case letters, digits and _, optionally followed by @ and Meta's language code, e.g. beatbot_notice@en_US`, false},
	{"WhatsApp template kind", "whatsapp.yaml", `testdata/whatsapp.yaml: whatsapp.templates.reminder: unknown kind "reminder" (want one of: alert, notice, poll, ticket)`, false},
	{"WhatsApp template language", "whatsapp.yaml", `testdata/whatsapp.yaml: whatsapp.templates.poll.de: unknown language "de" (want kk, ru or en)`, false},
	{"duplicate Telegram id", "duplicates.yaml", `testdata/duplicates.yaml: staff[3].telegram_id: Telegram user id 1 is already used by staff[1]`, false},

	// Polygons.
	{"unclosed ring", "polygons.yaml", `testdata/polygons.yaml: districts[2].boundary.coordinates[0]: ring is not closed: the last position [73.1 49.82] must repeat the first [73.1 49.8]`, false},
	{"fewer than 4 positions", "polygons.yaml", `testdata/polygons.yaml: districts[3].boundary.coordinates[0]: a ring needs at least 4 positions (the last repeating the first), got 3`, false},
	{"self-intersecting ring", "polygons.yaml", `testdata/polygons.yaml: districts[4].boundary.coordinates[0]: ring intersects itself`, false},
	{"hole outside shell", "polygons.yaml", `testdata/polygons.yaml: districts[5].boundary.coordinates: invalid polygon: polygon interior ring outside of exterior ring (at or near {73.2 49.9})`, false},
	{"position out of range", "polygons.yaml", `testdata/polygons.yaml: districts[6].boundary.coordinates[0][1]: lon 193.11, lat 49.8 out of range (lon -180…180, lat -90…90); GeoJSON positions are [lon, lat]`, false},
	{"position without latitude", "polygons.yaml", `testdata/polygons.yaml: districts[7].boundary.coordinates[0][1]: a position is [lon, lat], got [73.11]`, false},
	{"overlapping parts of a multipolygon", "polygons.yaml", `testdata/polygons.yaml: districts[8].boundary.coordinates: the polygons of a MultiPolygon must not overlap or share an edge: multipolygon child polygons touch at multiple points (at or near {73.1 49.8})`, false},
	{"lat and lon swapped", "swapped.yaml", `testdata/swapped.yaml: districts[0].boundary: lies 2824 km from its precinct "p1"; GeoJSON positions are [lon, lat]: are they swapped?`, true},
	{"overlapping districts", "overlap.yaml", `testdata/overlap.yaml: districts[0].boundary: overlaps district "d2" (districts[1]) by about 159580 m²`, true},

	// GeoJSON forms and files.
	{"geometry of the wrong type", "geojson.yaml", `testdata/geojson.yaml: districts[2].boundary.type: "LineString": want Polygon, MultiPolygon, Feature or FeatureCollection`, false},
	{"collection of two features", "geojson.yaml", `testdata/boundaries/two-features.geojson: features: want exactly one feature, got 2: a district is one (multi)polygon`, false},
	{"missing boundary file", "geojson.yaml", `testdata/geojson.yaml: districts[4].boundary_file: open testdata/boundaries/missing.geojson: no such file or directory`, false},
	{"boundary twice", "geojson.yaml", `testdata/geojson.yaml: districts[5]: set boundary or boundary_file, not both`, false},
	{"no boundary", "geojson.yaml", `testdata/geojson.yaml: districts[6].boundary: required: a GeoJSON Polygon or MultiPolygon, inline or as boundary_file`, false},
	{"invalid ring in a boundary file", "geojson.yaml", `testdata/boundaries/unclosed.geojson: coordinates[1][0]: ring is not closed: the last position [73.12 49.82] must repeat the first [73.12 49.8]`, false},
	{"collection of a bare geometry", "geojson.yaml", `testdata/geojson.yaml: districts[9].boundary.features[0].type: "Polygon": want Feature`, false},
	{"feature without geometry", "geojson.yaml", `testdata/geojson.yaml: districts[8].boundary.geometry: required: the feature's Polygon or MultiPolygon`, false},

	// Roles.
	{"inspector without district", "roles.yaml", `testdata/roles.yaml: staff[2]: inspector "i2" serves no district: name them as some district's inspector, or change their role`, false},
	{"district inspector not an inspector", "roles.yaml", `testdata/roles.yaml: districts[1].inspector: staff "a1" has role "admin", want "inspector"`, false},
	{"chief not a chief", "roles.yaml", `testdata/roles.yaml: precincts[0].chief: staff "i1" has role "inspector", want "chief"`, false},
	{"unknown role", "roles.yaml", `testdata/roles.yaml: staff[0].role: unknown role "officer" (want inspector, chief or admin)`, false},

	// House ranges.
	{"parity misspelt", "houses.yaml", `testdata/houses.yaml: districts[0].addresses[0].houses[0]: invalid house number: range "1-35 od": "od" is not odd or even`, false},
	{"range backwards", "houses.yaml", `testdata/houses.yaml: districts[0].addresses[0].houses[1]: invalid house number: range "9-1": want N-M with 0 < N <= M`, false},
	{"Latin letter", "houses.yaml", `testdata/houses.yaml: districts[0].addresses[0].houses[2]: invalid house number: range "12Z"`, false},
	{"not a number", "houses.yaml", `testdata/houses.yaml: districts[0].addresses[0].houses[3]: invalid house number: range "abc"`, false},
	{"ends against parity", "houses.yaml", `testdata/houses.yaml: districts[0].addresses[0].houses[4]: invalid house number: range "2-9 even": ends do not match the parity`, false},
	{"no houses", "houses.yaml", `testdata/houses.yaml: districts[1].addresses[0].houses: required: house numbers or ranges such as "1-35 odd", "2-40 even", "12А"`, false},

	// Translations.
	{"city name without kk", "translations.yaml", `testdata/translations.yaml: city.name: missing kk translation`, false},
	{"emergency name without en", "translations.yaml", `testdata/translations.yaml: city.emergency[0].name: missing en translation`, false},
	{"contact without name", "translations.yaml", `testdata/translations.yaml: city.contact.name: required, in ru, kk and en`, false},
	{"address with kz for kk", "translations.yaml", `testdata/translations.yaml: precincts[0].address: missing kk translation`, false},
	{"unknown language key", "translations.yaml", `testdata/translations.yaml: precincts[0].address.kz: unknown language "kz" (want ru, kk or en)`, false},
	{"district name in en only", "translations.yaml", `testdata/translations.yaml: districts[0].name: missing ru, kk translation`, false},
	{"street name with empty en", "translations.yaml", `testdata/translations.yaml: streets[0].name: missing en translation`, false},
	{"rank without kk", "translations.yaml", `testdata/translations.yaml: staff[0].rank: missing kk translation`, false},
	{"inspector without reception", "translations.yaml", `testdata/translations.yaml: staff[2].reception: required, in ru, kk and en`, false},

	// Values.
	{"city code", "fields.yaml", `testdata/fields.yaml: city.code: invalid city code "tst1": want 2 to 5 upper-case Latin letters, e.g. "KRG"`, false},
	{"unknown time zone", "fields.yaml", `testdata/fields.yaml: city.time_zone: unknown time zone "Asia/Karaganda": name an IANA zone such as "Asia/Almaty"`, false},
	{"missing time zone", "missing.yaml", `testdata/missing.yaml: city.time_zone: required, e.g. "Asia/Almaty"`, false},
	{"unknown language", "fields.yaml", `testdata/fields.yaml: city.languages[2]: unknown language "de" (want ru, kk or en)`, false},
	{"duplicate language", "fields.yaml", `testdata/fields.yaml: city.languages[3]: duplicate language "ru"`, false},
	{"no emergency numbers", "missing.yaml", `testdata/missing.yaml: city.emergency: at least one number is required, e.g. 102 (police) and 112`, false},
	{"emergency number with a letter", "fields.yaml", `testdata/fields.yaml: city.emergency[0].number: invalid number "1O2": want 2 to 6 digits such as "102", or +7 and 10 digits`, false},
	{"phone without +7", "fields.yaml", `testdata/fields.yaml: city.contact.phone: invalid phone "8 7212 00 00 01": want +7 and 10 digits, e.g. "+7 7212 41 00 00"`, false},
	{"phone too short", "fields.yaml", `testdata/fields.yaml: staff[2].phone: invalid phone "12345": want +7 and 10 digits, e.g. "+7 7212 41 00 00"`, false},
	{"inspector without phone", "missing.yaml", `testdata/missing.yaml: staff[1].phone: required, e.g. "+7 7212 41 00 00"`, false},
	{"negative Telegram id", "fields.yaml", `testdata/fields.yaml: staff[2].telegram_id: invalid Telegram user id -5: user ids are positive (0 means not on Telegram)`, false},
	{"duty chat of a user", "fields.yaml", `testdata/fields.yaml: precincts[0].duty_chat: invalid duty chat id 1001234567890: group and supergroup ids are negative, e.g. -1001234567890 (a positive id is a private chat with one user; 0 means none)`, false},
	{"id with a space", "fields.yaml", `testdata/fields.yaml: streets[1].id: invalid id "second street": want 1 to 32 letters, digits, '-', '_' or '.', starting with a letter or digit`, false},
	{"blank alias", "fields.yaml", `testdata/fields.yaml: streets[1].aliases[0]: empty alias`, false},
	{"no id", "missing.yaml", `testdata/missing.yaml: staff[3].id: required`, false},
	{"no precinct for a district", "missing.yaml", `testdata/missing.yaml: districts[1].precinct: required: the id of a precinct`, false},
	{"location out of range", "fields.yaml", `testdata/fields.yaml: precincts[0].location: lon 73.09, lat 99.81 out of range (lon -180…180, lat -90…90)`, false},
	{"no location", "missing.yaml", `testdata/missing.yaml: precincts[0].location: required: {lat: …, lon: …}`, false},

	// Delivery.
	{"quiet hours past midnight", "delivery.yaml", `testdata/delivery.yaml: delivery.quiet_hours.from: invalid time "24:00": want HH:MM from 00:00 to 23:59`, false},
	{"unknown field in quiet hours", "delivery.yaml", `testdata/delivery.yaml:56: delivery.quiet_hours.until: unknown field (want one of: from, to)`, false},
	{"quiet hours neither window nor off", "delivery_values.yaml", `testdata/delivery_values.yaml: delivery.quiet_hours: want {from: "HH:MM", to: "HH:MM"} or off, got "never"`, false},
	{"no attempts", "delivery.yaml", `testdata/delivery.yaml: delivery.max_attempts: 0 is out of range: want 1 to 100`, false},
	{"attempts as a word", "delivery_values.yaml", "testdata/delivery_values.yaml:56: cannot unmarshal !!str `ten` into int", false},
	{"rate over Telegram's limit", "delivery.yaml", `testdata/delivery.yaml: delivery.telegram.rate: 31 is over Telegram's limit of 30 messages per second (paid_broadcast: true lifts it to 1000)`, false},
	{"rate over the paid limit", "delivery_values.yaml", `testdata/delivery_values.yaml: delivery.telegram.rate: 1500 is over Telegram's paid broadcast limit of 1000 messages per second`, false},
	{"zero rate", "delivery_values.yaml", `testdata/delivery_values.yaml: delivery.whatsapp.rate: 0: want more than 0 messages per second`, false},
	{"bad duration", "delivery.yaml", `testdata/delivery.yaml: delivery.telegram.per_chat: invalid duration "1 sec": want a Go duration such as "1s", "1.5s" or "500ms"`, false},
	{"negative duration", "delivery.yaml", `testdata/delivery.yaml: delivery.whatsapp.per_group: negative duration -3s: want 0 (no pause) or more`, false},
	{"paid broadcast on WhatsApp", "delivery.yaml", `testdata/delivery.yaml: delivery.whatsapp.paid_broadcast: paid broadcasting is a Telegram feature: remove it here`, false},
	{"unknown channel", "delivery.yaml", `testdata/delivery.yaml:64: delivery.viber: unknown field (want one of: max_attempts, quiet_hours, telegram, whatsapp)`, false},

	// Scheduled alerts.
	{"unknown district in alert", "alerts.yaml", `testdata/alerts.yaml: alerts[0].districts[1]: unknown district id "d9"`, false},
	{"district twice in alert", "alerts.yaml", `testdata/alerts.yaml: alerts[2].districts[1]: district "d2" is listed twice`, false},
	{"duplicate alert id", "alerts.yaml", `testdata/alerts.yaml: alerts[1].id: duplicate id "doors" (first used at alerts[0])`, false},
	{"invalid alert id", "alerts.yaml", `testdata/alerts.yaml: alerts[6].id: invalid id "no cron": want 1 to 32 letters, digits, '-', '_' or '.', starting with a letter or digit`, false},
	{"cron field out of range", "alerts.yaml", `testdata/alerts.yaml: alerts[1].cron: invalid cron expression "0 18 * 13 5": end of range (13) above maximum (12): 13`, false},
	{"cron in words", "alerts.yaml", `testdata/alerts.yaml: alerts[2].cron: invalid cron expression "every friday": expected exactly 5 fields, found 2: [every friday]`, false},
	{"cron that never fires", "alerts.yaml", `testdata/alerts.yaml: alerts[3].cron: "0 12 30 2 *" never fires: no such date in the next five years`, false},
	{"cron with a time zone", "alerts.yaml", `testdata/alerts.yaml: alerts[4].cron: "CRON_TZ=Asia/Almaty 0 12 * * *": remove the time zone: alerts run in city.time_zone`, false},
	{"cron @every", "alerts.yaml", `testdata/alerts.yaml: alerts[5].cron: "@every 1h": @every counts from whenever the bot started; use five fields, @daily, @weekly or @monthly`, false},
	{"no cron", "alerts.yaml", `testdata/alerts.yaml: alerts[6].cron: required: a cron expression such as "0 18 * 6-8 5" (18:00 on Fridays, June to August)`, false},
	{"alert text without kk", "alerts.yaml", `testdata/alerts.yaml: alerts[1].text: missing kk translation`, false},
	{"alert without text", "alerts.yaml", `testdata/alerts.yaml: alerts[4].text: required, in ru, kk and en`, false},
	{"alert text too long", "alerts.yaml", `testdata/alerts.yaml: alerts[7].text.ru: 4097 characters: a message has at most 4096`, false},
	{"unknown field in alert", "alerts.yaml", `testdata/alerts.yaml:74: alerts[5].district: unknown field (want one of: cron, districts, id, text, urgent)`, false},
	{"alert twice a day", "alert_warnings.yaml", `testdata/alert_warnings.yaml: alerts[0].cron: "0 9,21 * * *" fires more than once a day (at 09:00 and 21:00 on 2026-01-01): residents will find that too often`, true},
	{"alert in quiet hours", "alert_warnings.yaml", `testdata/alert_warnings.yaml: alerts[1].cron: "30 23 * * 5" fires at 23:30, in the quiet hours 23:00–08:00, so it waits until 08:00: move it, or set urgent: true`, true},

	// Scheduled backups.
	{"backup schedule in words", "backups.yaml", `testdata/backups.yaml: backups.schedule: invalid cron expression "every night": expected exactly 5 fields, found 2: [every night]`, false},
	{"nothing to keep", "backups.yaml", `testdata/backups.yaml: backups.keep: 0 is out of range: want 1 to 1000`, false},
	{"backups without a dir", "backups_nodir.yaml", `testdata/backups_nodir.yaml: backups.dir: required with schedule or keep: the directory for the backups, e.g. /data/backups (leave the section out to have no scheduled backups)`, false},
	{"misspelt backups dir", "backups_nodir.yaml", `testdata/backups_nodir.yaml:54: backups.directory: unknown field (want one of: dir, keep, schedule)`, false},

	// Report categories.
	{"invalid category id", "categories.yaml", `testdata/categories.yaml: categories[0].id: invalid id "flat burglary": want 1 to 32 letters, digits, '-', '_' or '.', starting with a letter or digit`, false},
	{"duplicate category", "categories.yaml", `testdata/categories.yaml: categories[2].id: duplicate id "noise" (first used at categories[1])`, false},
	{"category without id", "categories.yaml", `testdata/categories.yaml: categories[3].id: required`, false},
	{"category name without kk", "categories.yaml", `testdata/categories.yaml: categories[4].name: missing kk translation`, false},
	{"service level in days", "categories.yaml", `testdata/categories.yaml: categories[1].accept_within: invalid duration "1d": want a Go duration in hours or minutes, such as "24h", "168h" (7 days) or "90m"`, false},
	{"service level under a minute", "categories.yaml", `testdata/categories.yaml: categories[2].accept_within: 30s is under a minute: want 1m or more`, false},
	{"zero service level", "categories.yaml", `testdata/categories.yaml: categories[3].resolve_within: 0s is under a minute: want 1m or more`, false},
	{"resolve before accept", "categories.yaml", `testdata/categories.yaml: categories[4].resolve_within: 24h is less than accept_within 48h: a ticket cannot be due for resolution before it is due for acceptance`, false},
	{"default resolve before accept", "categories.yaml", `testdata/categories.yaml: categories[5].resolve_within: 168h, the default, is less than accept_within 200h: a ticket cannot be due for resolution before it is due for acceptance`, false},
	{"unknown field in category", "categories.yaml", `testdata/categories.yaml:74: categories[5].sla: unknown field (want one of: accept_within, id, name, resolve_within)`, false},
	{"no categories", "categories_empty.yaml", `testdata/categories_empty.yaml: categories: at least one category is required: list them, or leave the section out for the default set`, false},
	{"category name too long in ru", "warnings.yaml", `testdata/warnings.yaml: categories[0].name.ru: 54 characters: a phone shows about 40 on a button and cuts the rest; shorten it`, true},
	{"category name too long in en", "warnings.yaml", `testdata/warnings.yaml: categories[0].name.en: 46 characters: a phone shows about 40 on a button and cuts the rest; shorten it`, true},

	// Abuse limits.
	{"no reports a day", "abuse.yaml", `testdata/abuse.yaml: abuse.reports_per_day: 0 is out of range: want 1 to 100`, false},
	{"too many messages a minute", "abuse.yaml", `testdata/abuse.yaml: abuse.messages_per_minute: 601 is out of range: want 5 to 600`, false},
	{"too few messages a minute", "abuse_values.yaml", `testdata/abuse_values.yaml: abuse.messages_per_minute: 4 is out of range: want 5 to 600`, false},
	{"reports a day as a word", "abuse_values.yaml", "testdata/abuse_values.yaml:54: cannot unmarshal !!str `ten` into int", false},
	{"unknown field in abuse", "abuse.yaml", `testdata/abuse.yaml:53: abuse.reports_per_hour: unknown field (want one of: messages_per_minute, reports_per_day)`, false},

	// Retention of personal data.
	{"retention under a month", "retention.yaml", `testdata/retention.yaml: retention.closed_tickets_days: 7 is out of range: want 30 to 3650`, false},
	{"unknown field in retention", "retention.yaml", `testdata/retention.yaml:53: retention.keep_forever: unknown field (want one of: closed_tickets_days)`, false},
	{"retention as words", "retention_values.yaml", "testdata/retention_values.yaml:54: cannot unmarshal !!str `a year` into int", false},

	// Staff absence.
	{"date in day.month.year", "absence.yaml", `testdata/absence.yaml: staff[1].away_until: invalid date "15.12.2026": want YYYY-MM-DD, e.g. 2026-12-15 (away up to the start of that day), or an RFC 3339 time such as "2026-12-15T09:00:00+05:00"`, false},
	{"time without a zone", "absence.yaml", `testdata/absence.yaml: staff[2].away_until: invalid date "2026-12-15T09:00": want YYYY-MM-DD, e.g. 2026-12-15 (away up to the start of that day), or an RFC 3339 time such as "2026-12-15T09:00:00+05:00"`, false},
	{"unknown deputy", "absence.yaml", `testdata/absence.yaml: staff[3].deputy: unknown staff id "s-42"`, false},
	{"own deputy", "absence.yaml", `testdata/absence.yaml: staff[2].deputy: "i2" is this staff member's own id: name someone else, or remove deputy so that the chief takes their tickets`, false},
	{"admin as an inspector's deputy", "absence.yaml", `testdata/absence.yaml: staff[1].deputy: staff "a1" has role "admin": the deputy of an inspector must be an inspector or a chief`, false},
	{"admin as a chief's deputy", "absence.yaml", `testdata/absence.yaml: staff[0].deputy: staff "a1" has role "admin": the deputy of a chief must be an inspector or a chief`, false},

	// Polls.
	{"error in a poll file", "polls/city_errors.yaml", `testdata/polls/district.yaml: districts[0]: unknown district id "d9"`, false},
	{"duplicate poll", "polls/city_errors.yaml", `testdata/polls/city_errors.yaml: polls[2]: duplicate poll id "citywide-2026" (first used at polls[0]): give each run of a poll its own id, and the runs the same series`, false},
	{"missing poll file", "polls/city_errors.yaml", `testdata/polls/city_errors.yaml: polls[3]: open testdata/polls/missing.yaml: no such file or directory`, false},
	{"blank poll path", "polls/city_errors.yaml", `testdata/polls/city_errors.yaml: polls[4]: required: the path of a poll file, relative to this file`, false},

	// YAML itself.
	{"unknown field in city", "unknown_fields.yaml", `testdata/unknown_fields.yaml:6: city.timezone: unknown field (want one of: code, contact, emergency, languages, name, time_zone)`, false},
	{"unknown field in location", "unknown_fields.yaml", `testdata/unknown_fields.yaml:16: precincts[0].location.alt: unknown field (want one of: lat, lon)`, false},
	{"unknown field in district", "unknown_fields.yaml", `testdata/unknown_fields.yaml:30: districts[1].inspektor: unknown field (want one of: addresses, boundary, boundary_file, id, inspector, name, precinct)`, false},
	{"unknown field in street", "unknown_fields.yaml", `testdata/unknown_fields.yaml:35: streets[0].alias: unknown field (want one of: aliases, id, name)`, false},
	{"unknown top-level field", "unknown_fields.yaml", `testdata/unknown_fields.yaml:36: comment: unknown field (want one of: abuse, alerts, backups, categories, city, delivery, districts, polls, precincts, retention, staff, streets, whatsapp)`, false},
	{"string for a list", "types.yaml", "testdata/types.yaml:31: cannot unmarshal !!str `2-10 even` into []string", false},
	{"houses lost to the type error", "types.yaml", `testdata/types.yaml: districts[1].addresses[0].houses: required: house numbers or ranges such as "1-35 odd", "2-40 even", "12А"`, false},
	{"string for a number", "types.yaml", "testdata/types.yaml:52: cannot unmarshal !!str `abc` into int64", false},
	// yaml.v3 numbers parser errors from 0, so line 3 is the 4th line,
	// where the unclosed flow mapping starts.
	{"syntax error", "syntax.yaml", `testdata/syntax.yaml:3: did not find expected ',' or '}'`, false},
	{"empty file", "empty.yaml", `testdata/empty.yaml: file is empty`, false},

	// Warnings that do not stop loading.
	{"chief without precinct", "warnings.yaml", `testdata/warnings.yaml: staff[4]: chief "c3" runs no precinct`, true},
	{"precinct without districts", "warnings.yaml", `testdata/warnings.yaml: precincts[1]: precinct "p2" has no districts`, true},
	{"district without addresses", "warnings.yaml", `testdata/warnings.yaml: districts[2]: district "d3" lists no addresses: residents can find it only by location`, true},
	{"street in no district", "warnings.yaml", `testdata/warnings.yaml: streets[1]: street "second" is in no district's addresses, so residents typing it get no answer`, true},
	{"houses in two districts", "warnings.yaml", `testdata/warnings.yaml: districts[1].addresses[0].houses[2]: houses "1-5" of street "first" are also in district "d1" (districts[0].addresses[0].houses[0])`, true},
}

// load loads a fixture and splits its error and warnings into lines.
func load(t *testing.T, file string) (errs, warns []string) {
	t.Helper()
	city, warnings, err := configs.Load("testdata/" + file)
	for _, w := range warnings {
		warns = append(warns, w.String())
	}
	if err == nil {
		if city == nil {
			t.Fatalf("Load(%s) returned neither a city nor an error", file)
		}
		return nil, warns
	}
	if city != nil {
		t.Errorf("Load(%s) returned a city with an error", file)
	}
	if !errors.Is(err, configs.ErrInvalid) {
		t.Errorf("Load(%s): errors.Is(%v, ErrInvalid) = false", file, err)
	}
	return strings.Split(err.Error(), "\n"), warns
}

func TestLoad(t *testing.T) { checkProblems(t, loadTests, load) }

// TestLoadReportsNothingElse checks that each fixture produces exactly the
// problems its rows expect: one per mistake, with no knock-on noise.
func TestLoadReportsNothingElse(t *testing.T) {
	checkNothingElse(t, loadTests, []string{"valid.yaml", "backups_defaults.yaml"}, load)
}

func TestLoadErrorTypes(t *testing.T) {
	_, _, err := configs.Load("testdata/references.yaml")
	var verr *configs.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("errors.As(%v, *ValidationError) = false", err)
	}
	if got, want := len(verr.Problems), 4; got != want {
		t.Errorf("got %d problems, want %d", got, want)
	}
	var ferr configs.FieldError
	if !errors.As(err, &ferr) {
		t.Fatalf("errors.As(%v, FieldError) = false", err)
	}
	want := configs.FieldError{File: "testdata/references.yaml", Field: "precincts[0].chief", Message: `unknown staff id "c9"`}
	if ferr != want {
		t.Errorf("got %+v, want %+v", ferr, want)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, _, err := configs.Load("testdata/no-such-city.yaml")
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("got %v, want fs.ErrNotExist", err)
	}
	if errors.Is(err, configs.ErrInvalid) {
		t.Errorf("got %v: a missing file is not an invalid configuration", err)
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"field error", configs.FieldError{File: "city.yaml", Field: "districts[3].inspector", Message: `unknown staff id "s-42"`}.Error(),
			`city.yaml: districts[3].inspector: unknown staff id "s-42"`},
		{"field error with line", configs.FieldError{File: "city.yaml", Line: 7, Field: "staf", Message: "unknown field"}.Error(),
			"city.yaml:7: staf: unknown field"},
		{"file error", configs.FieldError{File: "city.yaml", Message: "file is empty"}.Error(), "city.yaml: file is empty"},
		{"warning", configs.Warning{File: "city.yaml", Field: "districts[0].boundary", Message: "overlaps"}.String(),
			"city.yaml: districts[0].boundary: overlaps"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

// TestLoadDutyChat checks that duty chats reach core.Precinct: absent means
// 0, and precincts may share one chat without a warning.
func TestLoadDutyChat(t *testing.T) {
	tests := []struct {
		file string
		want map[string]int64
	}{
		{"valid.yaml", map[string]int64{"p1": 0}},
		{"duty_chat.yaml", map[string]int64{"p1": -1001234567890, "p2": -1001234567890}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			city, warnings, err := configs.Load("testdata/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range warnings {
				t.Errorf("warning: %s", w)
			}
			got := map[string]int64{}
			for _, p := range city.Precincts {
				got[p.ID] = p.DutyChat
			}
			if !maps.Equal(got, tt.want) {
				t.Errorf("got duty chats %v, want %v", got, tt.want)
			}
		})
	}
}
