package flows_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/flows"
	"github.com/rs/zerolog"
)

// subButtons lists the districts offered to subscribe to, in order.
func subButtons(rs []core.Reply) []string {
	var out []string
	for _, data := range buttons(rs) {
		if d, ok := strings.CutPrefix(data, "sub:"); ok {
			out = append(out, d)
		}
	}
	return out
}

func TestAlertsMenuAddsASubscription(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.English, true)
	h.location(49.8250, 73.0880) // lives in district 02

	r := h.press("m:alerts")
	mustContain(t, r, "no subscriptions")
	if !slices.Contains(buttons(r), "m:alerts_add") {
		t.Fatalf("alerts buttons = %v, want m:alerts_add", buttons(r))
	}
	r = h.press("m:alerts_add")
	mustContain(t, r, "Choose a district")
	mustNotContain(t, r, "Not every district")
	want := []string{"krg-d02", "krg-d01", "krg-d03", "krg-d04", "krg-d05", "krg-d06", "krg-d07", "krg-d08"}
	if got := subButtons(r); !slices.Equal(got, want) {
		t.Fatalf("offered %v, want %v: the home district first, then the city's", got, want)
	}
	d05 := h.city.District("krg-d05")
	inspector := h.city.StaffMember(d05.Inspector).Name.In(core.English)
	if l := labels(r); !slices.Contains(l, d05.Name.In(core.English)+" — "+inspector) {
		t.Errorf("labels %v lack the district with its inspector", l)
	}
	if slices.Contains(buttons(r), "m:find") {
		t.Errorf("buttons %v: every district fits, no need to find one", buttons(r))
	}

	mustContain(t, h.press("sub:krg-d05"), "Done: you will receive alerts", d05.Name.In(core.English))
	if s := h.session(); !slices.Equal(s.Resident.Subscriptions, []string{"krg-d05"}) {
		t.Fatalf("subscriptions = %v, want [krg-d05]", s.Resident.Subscriptions)
	}
	r = h.press("m:alerts")
	if b := buttons(r); !slices.Contains(b, "unsub:krg-d05") || !slices.Contains(b, "m:alerts_add") {
		t.Fatalf("alerts buttons = %v, want to remove krg-d05 and to add", b)
	}
	r = h.press("m:alerts_add")
	if got := subButtons(r); len(got) != 7 || slices.Contains(got, "krg-d05") {
		t.Fatalf("offered %v, want the 7 districts not subscribed", got)
	}

	for _, d := range want {
		h.press("sub:" + d)
	}
	r = h.press("m:alerts_add")
	mustContain(t, r, "every district")
	if got := subButtons(r); len(got) != 0 {
		t.Errorf("offered %v with every district subscribed", got)
	}
}

func TestAddingAnAlertNeedsConsent(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Russian, false)
	mustContain(t, h.press("m:alerts_add"), "не дали согласия", "/privacy")
	// A forged subscription asks for consent too.
	mustContain(t, h.press("sub:krg-d01"), "не дали согласия")
	if s := h.session(); len(s.Resident.Subscriptions) != 0 {
		t.Errorf("subscriptions = %v, want none without consent", s.Resident.Subscriptions)
	}
}

// TestAddingAnAlertInABigCity offers no more districts than fit on a phone
// screen, and shows the way to find the resident's own.
func TestAddingAnAlertInABigCity(t *testing.T) {
	for _, tt := range []struct {
		lang core.Lang
		hint string
	}{
		{core.Russian, "Здесь показаны не все участки. Чтобы найти свой, нажмите «👮 Мой участковый»"},
		{core.Kazakh, "Мұнда барлық учаске көрсетілмеген. Өз учаскеңізді табу үшін «👮 Менің учаскелік инспекторым» батырмасын басып"},
		{core.English, "Not every district is listed here. To find yours, press “👮 My inspector”"},
	} {
		t.Run(string(tt.lang), func(t *testing.T) {
			h := newBigCityHarness(t, 12) // 20 districts
			h.onboard(tt.lang, true)
			r := h.press("m:alerts_add")
			mustContain(t, r, tt.hint)
			got := subButtons(r)
			if len(got) != 16 || got[0] != "krg-d01" || got[15] != "krg-x08" {
				t.Fatalf("offered %v, want the first 16 districts", got)
			}
			if !slices.Contains(buttons(r), "m:find") {
				t.Fatalf("buttons %v lack m:find", buttons(r))
			}
			h.press("m:find")
			if s := h.session(); s.Conversation.State != "find" {
				t.Errorf("after m:find: state %q, want find", s.Conversation.State)
			}
		})
	}
}

// newBigCityHarness runs the example city with extra districts added to
// its second precinct.
func newBigCityHarness(t *testing.T, extra int) *harness {
	t.Helper()
	h := newHarness(t)
	city, index := example()
	big := *city
	big.Districts = slices.Clone(city.Districts)
	for i := range extra {
		big.Districts = append(big.Districts, core.District{
			ID: fmt.Sprintf("krg-x%02d", i+1), Precinct: "krg-p2", Inspector: city.Districts[0].Inspector,
			Name: core.Text{core.Russian: fmt.Sprintf("Участок X%d", i+1), core.English: fmt.Sprintf("District X%d", i+1)},
		})
	}
	big.Index()
	h.city = &big
	h.engine = flows.New(flows.Config{Store: h.db, City: &big, Index: index, Log: zerolog.Nop(), Now: func() time.Time { return h.now }})
	return h
}
