package locate_test

import (
	"slices"
	"testing"

	"github.com/beatbot-kz/beatbot/configs"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locate"
)

// TestExampleCityNames checks matching on real names: those of the example
// Karaganda configuration. Every name and alias of a street, in every
// language, must find that street and no other.
func TestExampleCityNames(t *testing.T) {
	city, _, err := configs.Load("../configs/example/city.yaml")
	if err != nil {
		t.Fatalf("load example city: %v", err)
	}
	ix := newIndex(t, city)
	for _, s := range city.Streets {
		var names []string
		for _, l := range core.Langs {
			names = append(names, s.Name[l])
		}
		for _, name := range append(names, s.Aliases...) {
			if name == "" {
				continue
			}
			r := ix.Address(name + ", 1")
			if got := streetIDs(r.Matches); !slices.Equal(got, []string{s.ID}) || !r.Matches[0].Exact {
				t.Errorf("Address(%q) = %v, want [%s] exactly", name+", 1", got, s.ID)
			}
		}
	}
}

func TestExampleCityQueries(t *testing.T) {
	city, _, err := configs.Load("../configs/example/city.yaml")
	if err != nil {
		t.Fatalf("load example city: %v", err)
	}
	ix := newIndex(t, city)
	tests := []struct {
		text string
		want string
	}{
		{"Терешкова 5", "tereshkovoy"},
		{"бул. Мира 3", "bulvar-mira"},
		{"Bulvar Mira 3", "bulvar-mira"},
		{"Бейбітшілік бульвары 3", "bulvar-mira"},
		{"Степной 2, 5", "stepnoy-2"},
		{"Stepnoi-2 5", "stepnoy-2"},
		{"мкр Степной-4", "stepnoy-4"},
		{"Сары Арка 10", "saryarka"},
		{"Sary-Arka 10", "saryarka"},
		{"Нуркена Абдирова 20", "abdirova"},
		{"Nurken Abdirov avenue 20", "abdirova"},
		{"Абдиров 20", "abdirova"},
		{"Казыбек би 7", "kazybek-bi"},
		{"Qazybek bi 7", "kazybek-bi"},
		{"Букетова 12", "buketova"},
		{"Бөкетов 12", "buketova"},
		{"Yerubayev Street 40", "erubaeva"},
		{"Ерубаева, 40", "erubaeva"},
		{"Жамбыла 1", "zhambyla"},
		{"Jambyl 1", "zhambyla"},
		{"Мустафина 3", "mustafina"},
		{"Мұстафин 3", "mustafina"},
		{"Мустафино 3", "mustafina"},
		{"Пушкино 3", "pushkina"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := streetIDs(ix.Address(tt.text).Matches); !slices.Equal(got, []string{tt.want}) {
				t.Errorf("Address(%q) = %v, want [%s]", tt.text, got, tt.want)
			}
		})
	}
}

// TestExampleCityPrefix checks that the start of several names offers them
// all, for the resident to choose.
func TestExampleCityPrefix(t *testing.T) {
	city, _, err := configs.Load("../configs/example/city.yaml")
	if err != nil {
		t.Fatalf("load example city: %v", err)
	}
	ix := newIndex(t, city)
	all := []string{"stepnoy-1", "stepnoy-2", "stepnoy-3", "stepnoy-4"}
	tests := []struct {
		text     string
		want     []string
		hasHouse bool
	}{
		{"Степной 35", all, true},
		{"Степной", all, false},
		{"мкр. Stepnoi, 5", all, true},
		{"Сте 5", nil, true}, // too short to mean anything
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			r := ix.Address(tt.text)
			got := streetIDs(r.Matches)
			slices.Sort(got)
			if !slices.Equal(got, tt.want) || r.HasHouse != tt.hasHouse {
				t.Errorf("Address(%q) = %v (house %v), want %v (house %v)", tt.text, got, r.HasHouse, tt.want, tt.hasHouse)
			}
			for _, m := range r.Matches {
				if m.Exact {
					t.Errorf("prefix match %s reported as exact", m.Street.ID)
				}
			}
		})
	}
}

func streetIDs(ms []locate.StreetMatch) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Street.ID)
	}
	return out
}

// TestExampleCityUnits checks that flats, offices and building parts after
// the house leave the house, and so the district, as it is.
func TestExampleCityUnits(t *testing.T) {
	city, _, err := configs.Load("../configs/example/city.yaml")
	if err != nil {
		t.Fatalf("load example city: %v", err)
	}
	ix := newIndex(t, city)
	tests := []struct {
		text     string
		street   string
		house    string // House.String()
		found    bool   // HouseFound
		district string
	}{
		{"Ерубаева 12 кв 5", "erubaeva", "12", true, "krg-d06"},
		{"ул. Ерубаева, д. 40, кв. 12", "erubaeva", "40", true, "krg-d02"},
		{"Ерубаева 40-12", "erubaeva", "40", true, "krg-d02"},
		{"Ерубаев көшесі 40 үй, 12 пәтер", "erubaeva", "40", true, "krg-d02"},
		{"40 Yerubayev Street, apt 12", "erubaeva", "40", true, "krg-d02"},
		{"Stepnoi-2 35 kv 5", "stepnoy-2", "35", true, "krg-d08"},
		// No street "Степной": 2 is the name's, 15 the house.
		{"Степной 2-15", "stepnoy-2", "15", true, "krg-d07"},
		// 51/2 is listed on its own; a flat 2 of house 51 is not it.
		{"Гоголя 51 корп. 2", "gogolya", "51/2", true, "krg-d02"},
		{"Гоголя 51 к2, кв. 7", "gogolya", "51/2", true, "krg-d02"},
		{"Гоголя 51 кв 2", "gogolya", "51", false, "krg-d02"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			r := ix.Address(tt.text)
			if got := streetIDs(r.Matches); !slices.Equal(got, []string{tt.street}) {
				t.Fatalf("Address(%q) = %v, want [%s]", tt.text, got, tt.street)
			}
			m := r.Matches[0]
			if !r.HasHouse || r.House.String() != tt.house {
				t.Errorf("House = %v (%v), want %s", r.House, r.HasHouse, tt.house)
			}
			if m.HouseFound != tt.found || !slices.Equal(ids(m.Districts...), []string{tt.district}) {
				t.Errorf("HouseFound, Districts = %v, %v, want %v, [%s]", m.HouseFound, ids(m.Districts...), tt.found, tt.district)
			}
		})
	}
}
