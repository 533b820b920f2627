package flows_test

import (
	"slices"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
)

func TestOnboardingAndFindByLocation(t *testing.T) {
	h := newHarness(t)

	r := h.command("start")
	if got, want := buttons(r), []string{"lang:kk", "lang:ru", "lang:en"}; !slices.Equal(got, want) {
		t.Fatalf("language buttons = %v, want %v", got, want)
	}
	r = h.press("lang:ru")
	mustContain(t, r, "Язык: русский.", "Бот хранит")
	if got, want := buttons(r), []string{"consent:yes", "consent:no"}; !slices.Equal(got, want) {
		t.Fatalf("consent buttons = %v, want %v", got, want)
	}
	r = h.press("consent:yes")
	mustContain(t, r, "Согласие сохранено", "Чем могу помочь?")
	if s := h.session(); !s.Resident.ConsentAt.Equal(h.now) || s.Resident.Lang != core.Russian {
		t.Fatalf("resident after consent = %+v", s.Resident)
	}

	r = h.press("m:find")
	if len(r) != 1 || r[0].RequestLocation == "" {
		t.Fatalf("find prompt = %+v, want a location request", r)
	}

	r = h.location(49.8250, 73.0880)
	mustContain(t, r, "[pin Участковый пункт полиции «Новый город»]", "Участок №2", "Образец: Дмитрий Ковалёв",
		"старший лейтенант полиции", "+7 7212 00 11 02", "Пн, ср, пт 18:00–20:00", "улица Ерубаева, 40")
	if !r[0].RemoveKeyboard || r[0].Pin == nil {
		t.Errorf("first reply = %+v, want the precinct pin removing the location keyboard", r[0])
	}
	if !slices.Contains(buttons(r), "sub:krg-d02") {
		t.Errorf("buttons = %v, want a subscribe button for krg-d02", buttons(r))
	}
	s := h.session()
	if s.Resident.HomeDistrict != "krg-d02" || s.Conversation.State != "menu" {
		t.Errorf("after the answer: home %q state %q, want krg-d02 and menu", s.Resident.HomeDistrict, s.Conversation.State)
	}
}

func TestFindByAddress(t *testing.T) {
	tests := []struct {
		name     string
		lang     core.Lang
		address  string
		district string
		want     []string
	}{
		{"russian with type words", core.Russian, "ул. Ерубаева, д. 15", "krg-d05", []string{"Ваш участок:"}},
		{"kazakh form", core.Kazakh, "Ерубаев көшесі 15", "krg-d05", []string{"Сіздің учаскеңіз:", "Учаскелік полиция инспекторы"}},
		{"latin", core.English, "erubaeva 15", "krg-d05", []string{"Your district:", "District inspector"}},
		{"lettered house", core.Russian, "Ерубаева 62А", "krg-d02", nil},
		{"odd side of an avenue", core.Kazakh, "Бухар-Жырау 63", "krg-d02", nil},
		{"even side of an avenue", core.English, "bukhar zhyrau 64", "krg-d03", nil},
		{"split house", core.Russian, "Гоголя 51/2", "krg-d02", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.onboard(tt.lang, true)
			h.press("m:find")
			r := h.text(tt.address)
			mustContain(t, r, tt.want...)
			d := h.city.District(tt.district)
			mustContain(t, r, d.Name.In(tt.lang))
			if got := h.session().Resident.HomeDistrict; got != tt.district {
				t.Errorf("home district = %q, want %q", got, tt.district)
			}
		})
	}
}

func TestAmbiguousStreetThenPick(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Kazakh, true)
	h.press("m:find")

	r := h.text("Степной 35")
	mustContain(t, r, "Бірнеше көше сәйкес келеді")
	got := labels(r)
	for _, want := range []string{"Степной-1 шағын ауданы", "Степной-2 шағын ауданы"} {
		if !slices.Contains(got, want) {
			t.Fatalf("choices %v do not offer %q", got, want)
		}
	}
	if s := h.session(); s.Conversation.State != "find_pick" {
		t.Fatalf("conversation = %+v, want find_pick", s.Conversation)
	}
	// The button labelled Stepnoy-2 carries the street and the house.
	data := buttons(r)[slices.Index(got, "Степной-2 шағын ауданы")]
	r = h.press(data)
	mustContain(t, r, h.city.District("krg-d08").Name.In(core.Kazakh))
	if s := h.session(); s.Conversation.State != "menu" {
		t.Errorf("after the pick: %+v, want menu", s.Conversation)
	}
}

func TestHouseOutsideEveryRange(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.English, true)
	h.press("m:find")
	r := h.text("Erubaeva 999")
	mustContain(t, r, "House 999", "not in our address list")
	var districts []string
	for _, b := range buttons(r) {
		if b != "m:home" {
			districts = append(districts, b)
		}
	}
	if len(districts) < 2 {
		t.Fatalf("offered %v, want the street's districts", districts)
	}
	r = h.press(districts[0])
	mustContain(t, r, "Your district:")
}

func TestOlderChoicesAreStale(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Russian, true)
	h.press("m:find")
	streets := buttons(h.text("Степной 35"))
	districts := buttons(h.text("Ерубаева 999"))
	// A button from the first set, pressed after the second was offered,
	// must not be read against the second set.
	r := h.press(streets[0])
	mustContain(t, r, "кнопка уже неактивна")
	mustNotContain(t, r, "Ваш участок:")
	// The current set still works.
	mustContain(t, h.press(districts[0]), "Ваш участок:")
}

func TestCorrectedHouseAfterOutOfRange(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.English, true)
	h.press("m:find")
	mustContain(t, h.text("Erubaeva 999"), "not in our address list")
	mustContain(t, h.text("15"), h.city.District("krg-d05").Name.In(core.English))
}

func TestStreetWithoutHouseThenHouse(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Russian, true)
	h.press("m:find")
	r := h.text("Ерубаева")
	mustContain(t, r, "Напишите номер дома")
	r = h.text("15")
	mustContain(t, r, h.city.District("krg-d05").Name.In(core.Russian))
}

func TestAddressTypedAtTheMenu(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Russian, true)
	r := h.text("Ерубаева 15")
	mustContain(t, r, "Ваш участок:")
	r = h.text("просто так")
	mustContain(t, r, "Выберите пункт меню")
	if !slices.Contains(buttons(r), "m:find") {
		t.Errorf("buttons %v, want the menu", buttons(r))
	}
}

func TestUnknownStreet(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Kazakh, true)
	h.press("m:find")
	r := h.text("Қиял көшесі 5")
	mustContain(t, r, "көше табылмады")
	if s := h.session(); s.Conversation.State != "find" {
		t.Errorf("state %q, want find so the resident can try again", s.Conversation.State)
	}
}

func TestPointOutsideTheCity(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Russian, true)
	h.press("m:find")
	r := h.location(51.1694, 71.4491) // Astana
	mustContain(t, r, "за пределами", "Ближайший пункт полиции", "Дежурная часть", "км")
	if got := h.session().Resident.HomeDistrict; got != "" {
		t.Errorf("home district = %q, want none", got)
	}
}

func TestMultiPolygonPartInsideAHole(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.English, true)
	for _, tt := range []struct {
		lat, lon float64
		district string
	}{
		{49.7950, 73.1050, "krg-d07"},
		{49.7930, 73.1160, "krg-d08"},
	} {
		r := h.location(tt.lat, tt.lon)
		mustContain(t, r, h.city.District(tt.district).Name.In(core.English))
	}
}

func TestDeclinedResidentStoresNothingButLanguage(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Russian, false)

	r := h.press("m:find")
	if len(r) != 1 || r[0].RequestLocation != "" {
		t.Fatalf("find prompt for a declined resident = %+v, want no location request", r)
	}
	r = h.location(49.8250, 73.0880)
	mustContain(t, r, "геолокацию я не использую")

	r = h.text("Ерубаева 15")
	mustContain(t, r, "Ваш участок:")
	r = h.press("sub:krg-d05")
	mustContain(t, r, "не дали согласия")

	// Typing part of an address keeps nothing of it either.
	h.text("Ерубаева")
	h.text("Степной 35")
	s := h.session()
	want := core.Resident{Chat: h.chat, Lang: core.Russian, Declined: true}
	if g := s.Resident; g.Chat != want.Chat || g.Lang != want.Lang || !g.Declined || g.HomeDistrict != "" ||
		len(g.Subscriptions) != 0 || !g.ConsentAt.IsZero() || !g.Created.IsZero() {
		t.Errorf("declined resident stored %+v, want only the language", g)
	}
	if c := s.Conversation; c.Street != "" {
		t.Errorf("declined resident's conversation keeps %+v, want no address", c)
	}
}

func TestSubscribeAndUnsubscribe(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.English, true)
	h.location(49.8250, 73.0880)

	r := h.press("sub:krg-d02")
	mustContain(t, r, "Done: you will receive alerts")
	r = h.press("sub:krg-d02")
	mustContain(t, r, "already subscribed")
	chats, err := h.db.Subscribers(t.Context(), "krg-d02")
	if err != nil || len(chats) != 1 || chats[0] != h.chat {
		t.Fatalf("subscribers = %v, %v; want [%s]", chats, err, h.chat)
	}

	r = h.press("m:alerts")
	if !slices.Contains(buttons(r), "unsub:krg-d02") {
		t.Fatalf("alerts buttons = %v, want unsub:krg-d02", buttons(r))
	}
	r = h.press("unsub:krg-d02")
	mustContain(t, r, "You unsubscribed")
	if chats, _ := h.db.Subscribers(t.Context(), "krg-d02"); len(chats) != 0 {
		t.Errorf("subscribers after unsubscribe = %v, want none", chats)
	}
	mustContain(t, h.press("m:alerts"), "no subscriptions")

	// Withdrawing consent drops the district and the subscriptions.
	h.press("sub:krg-d02")
	h.command("privacy")
	mustContain(t, h.press("consent:no"), "Consent withdrawn")
	if s := h.session(); s.Resident.HomeDistrict != "" || len(s.Resident.Subscriptions) != 0 {
		t.Errorf("after withdrawal: %+v", s.Resident)
	}
	if chats, _ := h.db.Subscribers(t.Context(), "krg-d02"); len(chats) != 0 {
		t.Errorf("subscribers after withdrawal = %v, want none", chats)
	}
}

func TestStopUnsubscribesFromEverything(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Kazakh, true)
	h.press("sub:krg-d01")
	h.press("sub:krg-d02")
	mustContain(t, h.command("stop"), "Барлық хабарландырулардан шықтыңыз")
	if s := h.session(); len(s.Resident.Subscriptions) != 0 {
		t.Fatalf("subscriptions after /stop = %v", s.Resident.Subscriptions)
	}
	for _, d := range []string{"krg-d01", "krg-d02"} {
		if chats, _ := h.db.Subscribers(t.Context(), d); len(chats) != 0 {
			t.Errorf("subscribers of %s = %v, want none", d, chats)
		}
	}
	mustContain(t, h.command("stop"), "жазылым жоқ")
}
