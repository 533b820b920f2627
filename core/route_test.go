package core_test

import (
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

func TestAssigneeAndMayHandle(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	later := now.Add(72 * time.Hour)
	city := func(inspAway, deputyAway bool) *core.City {
		c := &core.City{
			Precincts: []core.Precinct{{ID: "p1", Chief: "c1"}, {ID: "p2", Chief: "c2"}},
			Districts: []core.District{{ID: "d1", Precinct: "p1", Inspector: "i1"}, {ID: "d2", Precinct: "p1", Inspector: "i2"}},
			Staff: []core.Staff{
				{ID: "i1", Role: core.RoleInspector, TelegramID: 1}, {ID: "i2", Role: core.RoleInspector, TelegramID: 2},
				{ID: "c1", Role: core.RoleChief, TelegramID: 3}, {ID: "c2", Role: core.RoleChief, TelegramID: 4}, {ID: "a1", Role: core.RoleAdmin, TelegramID: 5},
			},
		}
		if inspAway {
			c.Staff[0].Absence = core.Absence{Until: later, Deputy: "i2"}
		}
		if deputyAway {
			c.Staff[1].Absence = core.Absence{Until: later}
		}
		c.Index()
		return c
	}
	tests := []struct {
		name                 string
		inspAway, deputyAway bool
		at                   time.Time
		district             string
		want                 string
	}{
		{"inspector", false, false, now, "d1", "i1"},
		{"deputy while away", true, false, now, "d1", "i2"},
		{"back after the leave", true, false, later, "d1", "i1"},
		{"chief when the deputy is away too", true, true, now, "d1", "c1"},
		{"unknown district", false, false, now, "d9", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := city(tt.inspAway, tt.deputyAway).Assignee(tt.district, tt.at)
			if id := staffID(got); id != tt.want {
				t.Errorf("Assignee = %q, want %q", id, tt.want)
			}
		})
	}

	// Nobody reachable at the district: the chief, then an admin.
	c := city(false, false)
	c.Staff[0].TelegramID = 0
	c.Index()
	if got := staffID(c.Assignee("d1", now)); got != "c1" {
		t.Errorf("unreachable inspector: Assignee = %q, want the chief c1", got)
	}
	c.Staff[2].Absence = core.Absence{Until: later}
	c.Index()
	if got := staffID(c.Assignee("d1", now)); got != "a1" {
		t.Errorf("chief away too: Assignee = %q, want the admin a1", got)
	}

	c = city(false, false)
	may := []struct {
		actor string
		want  bool
	}{{"i1", true}, {"i2", false}, {"c1", true}, {"c2", false}, {"a1", true}, {"nobody", false}}
	for _, m := range may {
		if got := c.MayHandle(c.StaffMember(m.actor), "p1", "i1"); got != m.want {
			t.Errorf("MayHandle(%s) = %v, want %v", m.actor, got, m.want)
		}
	}
}

func staffID(s *core.Staff) string {
	if s == nil {
		return ""
	}
	return s.ID
}

func TestStaffByChat(t *testing.T) {
	city := &core.City{Staff: []core.Staff{
		{ID: "tg", TelegramID: 42},
		{ID: "both", TelegramID: 43, WhatsApp: "77001112233"},
		{ID: "wa", WhatsApp: "77001112244"},
	}}
	city.Index()
	for _, tc := range []struct {
		chat core.ChatRef
		from string
		want string
		to   core.ChatRef
	}{
		{core.ChatRef{Channel: core.Telegram, ID: "42"}, "42", "tg", core.ChatRef{Channel: core.Telegram, ID: "42"}},
		{core.ChatRef{Channel: core.WhatsApp, ID: "77001112233"}, "77001112233", "both", core.ChatRef{Channel: core.Telegram, ID: "43"}},
		{core.ChatRef{Channel: core.WhatsApp, ID: "77001112244"}, "77001112244", "wa", core.ChatRef{Channel: core.WhatsApp, ID: "77001112244"}},
		{core.ChatRef{Channel: core.WhatsApp, ID: "42"}, "42", "", core.ChatRef{}},         // a Telegram id is not a number
		{core.ChatRef{Channel: core.Telegram, ID: "x"}, "77001112244", "", core.ChatRef{}}, // nor the reverse
	} {
		s := city.StaffByChat(tc.chat, tc.from)
		got := ""
		if s != nil {
			got = s.ID
		}
		if got != tc.want {
			t.Errorf("StaffByChat(%v, %q) = %q, want %q", tc.chat, tc.from, got, tc.want)
			continue
		}
		if to, ok := city.StaffChat(s); s != nil && (!ok || to != tc.to) {
			t.Errorf("%s.Chat() = %v, %v; want %v", got, to, ok, tc.to)
		}
	}
}

func TestStaffChatOnRunningChannels(t *testing.T) {
	city := &core.City{Staff: []core.Staff{{ID: "both", TelegramID: 43, WhatsApp: "77001112233"}, {ID: "tg", TelegramID: 42}},
		Precincts: []core.Precinct{{ID: "p1", DutyChat: -100}}}
	city.Index()
	city.UseChannels(core.WhatsApp) // Telegram is off
	if chat, ok := city.StaffChat(city.StaffMember("both")); !ok || chat.Channel != core.WhatsApp {
		t.Errorf("with Telegram off, staff on both are written to on %v, %v; want WhatsApp", chat, ok)
	}
	if city.Reachable(city.StaffMember("tg")) {
		t.Error("staff on Telegram alone are reachable with Telegram off")
	}
	if _, ok := city.DutyChat(city.Precinct("p1")); ok {
		t.Error("a Telegram duty chat is used with Telegram off")
	}
}
