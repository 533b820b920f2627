package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/beatbot-kz/beatbot/configs"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/go-telegram/bot/models"
)

// TestExportTickets exports the tickets of the running bot as CSV and
// JSON: the anonymous report carries no identity, the named one its
// reporter's name, and neither a chat.
func TestExportTickets(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	data := filepath.Join(t.TempDir(), "beatbot.db")
	startBot(t, srv, data, nil)
	const anonID, namedID = 880011223344, 880011223355
	anon := &resident{t: t, srv: srv, user: models.User{ID: anonID, FirstName: "Айгерім", LastName: "Сәтбаева", LanguageCode: "kk"}}
	mustSay(t, reportKk(t, anon, true), "KRG-0001 өтінішіңіз тіркелді")
	named := &resident{t: t, srv: srv, user: models.User{ID: namedID, FirstName: "=Дана", LastName: "Ахметова", LanguageCode: "kk"}}
	mustSay(t, reportKk(t, named, false), "KRG-0002 өтінішіңіз тіркелді")

	city, _, err := configs.Load(defaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	today := time.Now().In(city.Location)
	day := func(d int) string { return today.AddDate(0, 0, d).Format(time.DateOnly) }
	export := func(args ...string) string {
		t.Helper()
		var out bytes.Buffer
		args = append([]string{"beatbot", "export", "tickets", "-from", day(-1), "--to", day(1)}, args...)
		if err := run(t.Context(), args, envOf(map[string]string{"BEATBOT_DATA": data}), &out); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		for _, identity := range []string{"880011223344", "880011223355", "telegram:", "Сәтбаева", "Айгерім"} {
			if strings.Contains(out.String(), identity) {
				t.Errorf("%v: the export holds %q:\n%s", args, identity, out.String())
			}
		}
		return out.String()
	}

	lines, err := csv.NewReader(strings.NewReader(export())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 3 || strings.Join(lines[0], ",") != strings.Join(ticketColumns, ",") {
		t.Fatalf("CSV export:\n%v\nwant a header and two tickets", lines)
	}
	col := map[string]int{}
	for i, c := range lines[0] {
		col[c] = i
	}
	first, second := lines[1], lines[2]
	if first[col["code"]] != "KRG-0001" || first[col["anonymous"]] != "true" || first[col["reporter_name"]] != "" {
		t.Errorf("anonymous ticket exported as %v", first)
	}
	// A name that looks like a formula is defused for spreadsheets.
	if second[col["code"]] != "KRG-0002" || second[col["reporter_name"]] != "'=Дана Ахметова" {
		t.Errorf("named ticket exported as %v, want its reporter's name", second)
	}
	created, err := time.Parse(time.RFC3339, first[col["created"]])
	if err != nil {
		t.Fatal(err)
	}
	if _, offset := created.Zone(); offset != func() int { _, o := today.Zone(); return o }() {
		t.Errorf("created %s is not in the city's time zone", first[col["created"]])
	}
	if first[col["category"]] == "" || first[col["district"]] == "" || first[col["precinct"]] == "" || first[col["status"]] != "new" || first[col["assignee"]] == "" {
		t.Errorf("ticket exported without its routing: %v", first)
	}

	var tickets []map[string]any
	if err := json.Unmarshal([]byte(export("-format", "json")), &tickets); err != nil {
		t.Fatal(err)
	}
	if len(tickets) != 2 {
		t.Fatalf("JSON export has %d tickets, want 2", len(tickets))
	}
	if _, ok := tickets[0]["reporter_name"]; ok || tickets[0]["anonymous"] != true {
		t.Errorf("anonymous ticket in JSON: %v", tickets[0])
	}
	if tickets[1]["reporter_name"] != "=Дана Ахметова" {
		t.Errorf("named ticket in JSON: %v", tickets[1])
	}

	precinct := first[col["precinct"]]
	other := city.Precincts[0].ID
	if other == precinct {
		other = city.Precincts[1].ID
	}
	if got := export("-precinct", precinct); strings.Count(got, "\n") != 3 {
		t.Errorf("export of %s:\n%s\nwant both tickets", precinct, got)
	}
	if got := export("-precinct", other); strings.Count(got, "\n") != 1 {
		t.Errorf("export of %s:\n%s\nwant the header alone", other, got)
	}
	file := filepath.Join(t.TempDir(), "tickets.csv")
	if got := export("-o", file); got != "" {
		t.Errorf("export to a file wrote %q to standard output", got)
	}
	if b, err := os.ReadFile(file); err != nil || strings.Count(string(b), "\n") != 3 {
		t.Errorf("export file: %q, %v; want both tickets", b, err)
	}
	if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("export file mode %v, %v; want 0600: it may hold names", st.Mode(), err)
	}
	var out bytes.Buffer
	err = run(t.Context(), []string{"beatbot", "export", "tickets", "-from", day(2), "-to", day(3), "-format", "json"}, envOf(map[string]string{"BEATBOT_DATA": data}), &out)
	if err != nil || strings.TrimSpace(out.String()) != "[]" {
		t.Errorf("export of days to come: %q, %v; want []", out.String(), err)
	}
	err = run(t.Context(), []string{"beatbot", "export", "tickets", "-from", day(-1), "-to", day(1), "-precinct", "p-none"}, envOf(map[string]string{"BEATBOT_DATA": data}), &out)
	if err == nil || !strings.Contains(err.Error(), `"p-none"`) {
		t.Errorf("export of an unknown precinct: got %v, want an error naming it", err)
	}
}

func TestExportTicketsChecksItsFlags(t *testing.T) {
	env := envOf(map[string]string{"BEATBOT_DATA": filepath.Join(t.TempDir(), "beatbot.db")})
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"nothing to export", []string{}, "want what to export: tickets"},
		{"export what", []string{"residents"}, "want what to export: tickets"},
		{"no from", []string{"tickets", "-to", "2026-11-30"}, "-from is required"},
		{"no to", []string{"tickets", "-from", "2026-11-01"}, "-to is required"},
		{"not a date", []string{"tickets", "-from", "1 November", "-to", "2026-11-30"}, `-from "1 November": want a day such as 2026-11-01`},
		{"no such day", []string{"tickets", "-from", "2026-11-01", "-to", "2026-11-31"}, `-to "2026-11-31"`},
		{"backwards", []string{"tickets", "-from", "2026-11-30", "-to", "2026-11-01"}, "-to 2026-11-01 is before -from 2026-11-30"},
		{"format", []string{"tickets", "-from", "2026-11-01", "-to", "2026-11-30", "-format", "xlsx"}, `-format "xlsx": want csv or json`},
		{"arguments", []string{"tickets", "-from", "2026-11-01", "-to", "2026-11-30", "extra"}, "unexpected arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(t.Context(), append([]string{"beatbot", "export"}, tt.args...), env, &out)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error with %q", err, tt.want)
			}
		})
	}
}

// The export's copy of the data file holds everyone's personal data: it
// is staged beside the data file, never in the shared temporary
// directory, and nothing of it stays.
func TestExportStagesBesideTheDataFile(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "beatbot.db")
	db, err := storage.Open(data, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	// A shared temporary directory the export may not use.
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "not-here"))
	var out bytes.Buffer
	args := []string{"beatbot", "export", "tickets", "-from", "2026-11-01", "-to", "2026-11-30"}
	if err := run(t.Context(), args, envOf(map[string]string{"BEATBOT_DATA": data}), &out); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "beatbot.db" {
			t.Errorf("%s left beside the data file after the export", e.Name())
		}
	}
}
