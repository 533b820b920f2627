package configs_test

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/configs"
	"github.com/beatbot-kz/beatbot/core"
)

// pollTests lists one rule of poll files per row, as loadTests does for
// city files. The fixtures are in testdata/polls/ and are loaded against
// testCity; TestLoadPollReportsNothingElse checks that a fixture's rows
// account for every problem it produces.
var pollTests = []problemCase{
	// The poll's own fields.
	{"invalid id", "fields.yaml", `fields.yaml: id: invalid id "test 2026": want 1 to 32 letters, digits, '-', '_' or '.', starting with a letter or digit`, false},
	{"invalid series", "fields.yaml", `fields.yaml: series: invalid id "a/b": want 1 to 32 letters, digits, '-', '_' or '.', starting with a letter or digit`, false},
	{"no title", "fields.yaml", `fields.yaml: title: required, in ru, kk and en`, false},
	{"intro without kk", "fields.yaml", `fields.yaml: intro: missing kk translation`, false},
	{"invitation with kz for kk", "fields.yaml", `fields.yaml: invitation: missing kk translation`, false},
	{"unknown language key", "fields.yaml", `fields.yaml: invitation.kz: unknown language "kz" (want ru, kk or en)`, false},
	{"title too long", "dates.yaml", `dates.yaml: title.en: 1025 characters: at most 1024`, false},
	{"date in day.month.year", "fields.yaml", `fields.yaml: opens: invalid date "01.11.2026": want a date such as 2026-11-01 (the start of that day in city.time_zone), or an RFC 3339 time such as "2026-11-01T09:00:00+05:00"`, false},
	{"no closing date", "fields.yaml", `fields.yaml: closes: required: a date such as 2026-11-01 (the start of that day in city.time_zone), or an RFC 3339 time such as "2026-11-01T09:00:00+05:00"`, false},
	{"closes before opens", "dates.yaml", `dates.yaml: closes: 2026-10-01 is not after opens 2026-11-01: a poll takes answers from opens until closes`, false},
	{"unknown district", "fields.yaml", `fields.yaml: districts[1]: unknown district id "d9"`, false},
	{"district twice", "fields.yaml", `fields.yaml: districts[2]: district "d1" is listed twice`, false},
	{"unknown precinct", "fields.yaml", `fields.yaml: precincts[1]: unknown precinct id "p9"`, false},
	{"precinct without districts", "fields.yaml", `fields.yaml: precincts[0]: precinct "p3" has no districts, so the poll would reach nobody there`, false},

	// Questions.
	{"no questions", "dates.yaml", `dates.yaml: questions: required: 1 to 40 questions`, false},
	{"too many questions", "many.yaml", `many.yaml: questions: 41 questions: a poll has at most 40`, false},
	{"invalid question id", "questions.yaml", `questions.yaml: questions[0].id: invalid id "night walk": want 1 to 32 letters, digits, '-', '_' or '.', starting with a letter or digit`, false},
	{"unknown kind", "questions.yaml", `questions.yaml: questions[1].kind: unknown kind "choice" (want single, multi, scale, yesno or text)`, false},
	{"duplicate question", "questions.yaml", `questions.yaml: questions[2].id: duplicate id "lighting" (first used at questions[1])`, false},
	{"question id end", "questions.yaml", `questions.yaml: questions[3].id: "end" is reserved: a skip to "end" ends the poll`, false},
	{"no kind", "questions.yaml", `questions.yaml: questions[4].kind: required: single, multi, scale, yesno or text`, false},
	{"no question text", "questions.yaml", `questions.yaml: questions[5].text: required, in ru, kk and en`, false},
	{"question text too long", "questions.yaml", `questions.yaml: questions[14].text.ru: 1033 characters: at most 1024`, false},
	{"options of yesno", "questions.yaml", `questions.yaml: questions[6].options: a yesno question takes no options: they are always yes and no`, false},
	{"options of scale", "questions.yaml", `questions.yaml: questions[7].options: a scale question takes no options: it is answered 1 to 5 (label the ends with low and high)`, false},
	{"options of text", "questions.yaml", `questions.yaml: questions[8].options: a text question takes no options: it is answered in the resident's own words`, false},
	{"one option", "questions.yaml", `questions.yaml: questions[9].options: 1 option: a single question has 2 to 10`, false},
	{"eleven options", "questions.yaml", `questions.yaml: questions[10].options: 11 options: a multi question has 2 to 10`, false},
	{"duplicate option", "questions.yaml", `questions.yaml: questions[11].options[1].id: duplicate id "a" (first used at questions[11].options[0])`, false},
	{"invalid option id", "questions.yaml", `questions.yaml: questions[11].options[2].id: invalid id "c c": want 1 to 32 letters, digits, '-', '_' or '.', starting with a letter or digit`, false},
	{"no option text", "questions.yaml", `questions.yaml: questions[11].options[3].text: required, in ru, kk and en`, false},
	{"option text too long", "questions.yaml", `questions.yaml: questions[11].options[4].text.ru: 70 characters: at most 64, as Telegram shows longer buttons badly; shorten it`, false},
	{"short label too long", "questions.yaml", `questions.yaml: questions[11].options[4].short.ru: 22 characters: at most 20, the most a WhatsApp button shows`, false},
	{"same option text", "questions.yaml", `questions.yaml: questions[11].options[5].text: same as questions[11].options[0] in ru, en: residents could not tell them apart`, false},
	{"labels off a scale", "questions.yaml", `questions.yaml: questions[12].low: only a scale question has low and high labels`, false},
	{"high without low", "questions.yaml", `questions.yaml: questions[13].low: required with high: label both ends of the scale, or neither`, false},

	// Skips.
	{"scale value out of range", "skips.yaml", `skips.yaml: questions[0].skip.0: unknown scale value "0" (want "1" to "5")`, false},
	{"skip on multi", "skips.yaml", `skips.yaml: questions[1].skip: a multi question cannot skip: a resident may tick several options that lead different ways`, false},
	{"skip on text", "skips.yaml", `skips.yaml: questions[2].skip: a text question cannot skip: a typed answer matches no key`, false},
	{"unknown yesno key", "skips.yaml", `skips.yaml: questions[3].skip.maybe: unknown option "maybe" (want one of: yes, no)`, false},
	{"unknown target", "skips.yaml", `skips.yaml: questions[3].skip.no: unknown question "q9"`, false},
	{"skip backwards", "skips.yaml", `skips.yaml: questions[4].skip.x: question "d" comes before this one (questions[3]): a skip goes forward only, or the poll would loop`, false},
	{"skip to itself", "skips.yaml", `skips.yaml: questions[4].skip.y: "e" is this question: a skip goes forward only, or the poll would loop`, false},
	{"skip nowhere", "skips.yaml", `skips.yaml: questions[5].skip.yes: required: the id of a later question, or "end"`, false},

	// YAML.
	{"unknown poll field", "unknown_fields.yaml", `unknown_fields.yaml:6: question: unknown field (want one of: closes, districts, id, intro, invitation, opens, precincts, questions, series, title)`, false},
	{"unknown question field", "unknown_fields.yaml", `unknown_fields.yaml:11: questions[0].skips: unknown field (want one of: high, id, kind, low, optional, options, skip, text)`, false},
	{"unknown option field", "unknown_fields.yaml", `unknown_fields.yaml:17: questions[1].options[1].label: unknown field (want one of: id, short, text)`, false},

	// Warnings.
	{"long option without short", "warnings.yaml", `warnings.yaml: questions[2].options[1].text.en: 24 characters and no short: WhatsApp buttons show at most 20; add short`, true},
	{"question skipped by every answer", "warnings.yaml", `warnings.yaml: questions[1]: question "contacted" is never asked: every path skips it`, true},
	{"question after the end", "warnings.yaml", `warnings.yaml: questions[3]: question "never" is never asked: every path skips it`, true},
}

// testCity is the city the poll fixtures are loaded against: precinct p1
// with districts d1 and d2, p2 with d3, and p3 with none, in zone.
func testCity(t *testing.T, zone string) *core.City {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	city := &core.City{
		Location:  loc,
		Precincts: []core.Precinct{{ID: "p1"}, {ID: "p2"}, {ID: "p3"}},
		Districts: []core.District{{ID: "d1", Precinct: "p1"}, {ID: "d2", Precinct: "p1"}, {ID: "d3", Precinct: "p2"}},
	}
	city.Index()
	return city
}

// pollProblems loads a fixture of testdata/polls and splits its error and
// warnings into lines, without the directory.
func pollProblems(t *testing.T, file string) (errs, warns []string) {
	t.Helper()
	const dir = "testdata/polls/"
	poll, warnings, err := configs.LoadPoll(dir+file, testCity(t, "Asia/Almaty"))
	for _, w := range warnings {
		warns = append(warns, strings.TrimPrefix(w.String(), dir))
	}
	if err == nil {
		if poll == nil {
			t.Fatalf("LoadPoll(%s) returned neither a poll nor an error", file)
		}
		return nil, warns
	}
	if poll != nil {
		t.Errorf("LoadPoll(%s) returned a poll with an error", file)
	}
	if !errors.Is(err, configs.ErrInvalid) {
		t.Errorf("LoadPoll(%s): errors.Is(%v, ErrInvalid) = false", file, err)
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		errs = append(errs, strings.TrimPrefix(line, dir))
	}
	return errs, warns
}

func TestLoadPoll(t *testing.T) { checkProblems(t, pollTests, pollProblems) }

// TestLoadPollReportsNothingElse checks that each fixture produces exactly
// the problems its rows expect, and the valid poll none.
func TestLoadPollReportsNothingElse(t *testing.T) {
	checkNothingElse(t, pollTests, []string{"valid.yaml", "citywide.yaml", "precinct.yaml"}, pollProblems)
}

func TestLoadPollMissingFile(t *testing.T) {
	_, _, err := configs.LoadPoll("testdata/polls/no-such-poll.yaml", testCity(t, "Asia/Almaty"))
	if !errors.Is(err, fs.ErrNotExist) || errors.Is(err, configs.ErrInvalid) {
		t.Errorf("got %v, want fs.ErrNotExist and not ErrInvalid", err)
	}
}
