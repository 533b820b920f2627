package flows_test

import (
	"context"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/configs"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/flows"
	"github.com/beatbot-kz/beatbot/locate"
	"github.com/rs/zerolog"
)

// loadExample loads a fresh copy of the example city, changed by change
// before it is shared, as a reload would read an edited file.
func loadExample(t *testing.T, change func(*core.City)) (*core.City, *locate.Index) {
	t.Helper()
	city, _, err := configs.Load(exampleCity)
	if err != nil {
		t.Fatal(err)
	}
	if change != nil {
		change(city)
		city.Index()
	}
	index, err := locate.New(city)
	if err != nil {
		t.Fatal(err)
	}
	return city, index
}

// away sends /away with its arguments.
func (h *harness) away(args string) []core.Reply {
	return h.send(core.Inbound{Kind: core.KindCommand, Command: "away", Text: args})
}

func (h *harness) leaves() []core.Leave {
	h.t.Helper()
	ls, err := h.db.Leaves(context.Background())
	if err != nil {
		h.t.Fatal(err)
	}
	return ls
}

// TestStaffCommandsAreForAdminsOnly: a resident and an inspector get the
// same polite refusal, which names nobody, and change nothing.
func TestStaffCommandsAreForAdminsOnly(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.English, true)
	insp := h.as(inspectorD02)
	insp.onboard(core.English, true)
	chief := h.as(chiefNovyGorod)
	chief.onboard(core.English, true)
	for _, who := range []*harness{h, insp, chief} {
		for _, r := range [][]core.Reply{who.command("staff"), who.away("s-i02 2026-12-20 s-i01"), who.away("s-i04 off")} {
			if got := texts(r); got != "This command is for the bot's administrators.\n" {
				t.Errorf("chat %s got %q, want the refusal alone", who.chat.ID, got)
			}
		}
	}
	if ls := h.leaves(); len(ls) != 0 {
		t.Errorf("leaves after refused commands = %+v, want none", ls)
	}
}

func TestStaffListsDistrictsAndWhoIsAway(t *testing.T) {
	h := newHarness(t)
	admin := h.as(adminKRG)
	admin.onboard(core.English, true)
	r := admin.command("staff")
	mustContain(t, r, "👮 Staff by district:",
		"District 1 — Zhambyl, Michurin and Pushkin streets: Sample: Aset Nurlanov (s-i01)",
		"Sample: Nurlan Zhaksybekov (s-i04) → tickets now go to Sample: Aigerim Sadykova (s-i03)",
		"Away:\n• Sample: Nurlan Zhaksybekov (s-i04) — until 15.12.2026, deputy Sample: Aigerim Sadykova (s-i03)")
	mustNotContain(t, r, "recorded in the bot")

	admin.away("s-i02 2026-12-20")
	mustContain(t, admin.command("staff"),
		"Sample: Dmitry Kovalyov (s-i02) → tickets now go to Sample: Yerlan Saparov (s-c1)",
		"• Sample: Dmitry Kovalyov (s-i02) — until 20.12.2026, deputy the chief (recorded in the bot)")
}

func TestAwayValidation(t *testing.T) {
	h := newHarness(t)
	admin := h.as(adminKRG)
	admin.onboard(core.English, true)
	tests := []struct{ args, want string }{
		{"", "Write: /away STAFF DATE DEPUTY"},
		{"s-i02", "Write: /away STAFF DATE DEPUTY"},
		{"s-i02 2026-12-20 s-i01 extra", "Write: /away STAFF DATE DEPUTY"},
		{"s-x9 2026-12-20", "There is no staff member “s-x9”"},
		{"s-a1 2026-12-20", "Sample: Zhanna Bekova (s-a1) is not a police officer"},
		{"s-i02 20-12-2026", "I do not understand the date “20-12-2026”"},
		{"s-i02 2026-02-30", "I do not understand the date"},
		{"s-i02 2026-11-25", "25.11.2026 has already begun"},
		{"s-i02 2028-01-01", "01.01.2028 is more than a year away"},
		{"s-i02 2026-12-20 s-x9", "There is no staff member “s-x9”"},
		{"s-i02 2026-12-20 s-i02", "cannot be their own deputy"},
		{"s-i02 2026-12-20 s-c1", "Sample: Yerlan Saparov (s-c1) cannot stand in: the deputy must be a district inspector"},
		{"s-i02 2026-12-20 s-a1", "cannot stand in"},
		{"s-i02 2026-12-20 s-i04", "Sample: Nurlan Zhaksybekov (s-i04) is away too, until 15.12.2026"},
		{"s-i02 off", "Sample: Dmitry Kovalyov (s-i02) is not recorded as away"},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			mustContain(t, admin.away(tt.args), tt.want)
		})
	}
	if ls := h.leaves(); len(ls) != 0 {
		t.Errorf("leaves after refused commands = %+v, want none", ls)
	}
	// Russian too, and the other way of writing a date.
	ru := h.as(adminKRG)
	ru.command("language")
	ru.press("lang:ru")
	mustContain(t, ru.away("s-i02 30.02.2026"), "Не понимаю дату «30.02.2026»")
	mustContain(t, ru.away("s-i02 20.12.2026 s-i01"), "✅ Образец: Дмитрий Ковалёв (s-i02) отсутствует до 20.12.2026")
}

// TestAwayRoutesTicketsAndSurvivesARestart: a leave recorded by /away
// routes the next report to the deputy, is still in force in an engine
// started afresh on the same file, and /away off ends it; ending a leave
// of the configuration holds until the configuration names another one.
func TestAwayRoutesTicketsAndSurvivesARestart(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	admin := h.as(adminKRG)
	admin.onboard(core.English, true)
	mustContain(t, admin.away("s-i02 2026-12-20 s-i01"),
		"✅ Sample: Dmitry Kovalyov (s-i02) is away until 20.12.2026. New tickets go to Sample: Aset Nurlanov (s-i01).")
	h.onboard(core.Russian, true)
	h.report(false, 49.8250, 73.0880) // district 02
	if got := h.ticket(1).Assignee; got != "s-i01" {
		t.Fatalf("report during the leave went to %q, want the deputy s-i01", got)
	}

	// A restart: a new engine on the same file, given the configured city.
	city, index := loadExample(t, nil)
	restarted := flows.New(flows.Config{Store: h.db, City: city, Index: index, Log: zerolog.Nop(), Now: func() time.Time { return h.now }})
	if _, err := restarted.Install(ctx, city, index); err != nil {
		t.Fatal(err)
	}
	if a := restarted.City().StaffMember("s-i02").Absence; !a.Away(h.now) || a.Deputy != "s-i01" || !a.Recorded {
		t.Fatalf("after a restart s-i02's absence = %+v, want the recorded leave", a)
	}
	h.engine, admin.engine = restarted, restarted

	mustContain(t, admin.away("s-i02 off"), "✅ Sample: Dmitry Kovalyov (s-i02) is back")
	h.report(false, 49.8250, 73.0880)
	if got := h.ticket(2).Assignee; got != "s-i02" {
		t.Errorf("report after the leave ended went to %q, want s-i02", got)
	}
	if ls := h.leaves(); len(ls) != 0 {
		t.Errorf("leaves after /away off = %+v, want none", ls)
	}

	// s-i04 is away by the configuration; ending it early routes district
	// 04 to them again, and survives a reload of the same file.
	mustContain(t, admin.away("s-i04 off"), "is back")
	h.report(false, 49.8250, 73.1450)
	if got := h.ticket(3).Assignee; got != "s-i04" {
		t.Errorf("report after the configured leave was ended went to %q, want s-i04", got)
	}
	if _, err := restarted.Install(ctx, city, index); err != nil {
		t.Fatal(err)
	}
	if restarted.City().StaffMember("s-i04").Absence.Away(h.now) {
		t.Error("a reload of the same file brought back the leave /away ended")
	}
	// The file now names another leave: it applies.
	later, laterIndex := loadExample(t, func(c *core.City) {
		c.StaffMember("s-i04").Absence.Until = time.Date(2027, 1, 10, 0, 0, 0, 0, c.Location)
	})
	if _, err := restarted.Install(ctx, later, laterIndex); err != nil {
		t.Fatal(err)
	}
	if !restarted.City().StaffMember("s-i04").Absence.Away(h.now) {
		t.Error("a new leave in the configuration is masked by an old /away off")
	}
}
