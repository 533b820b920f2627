package locale_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

var langs = []core.Lang{core.Russian, core.Kazakh, core.English}

// TestEveryKeyHasText reads the package's own source for the Key constants,
// so a key declared in a new file whose texts were never merged into the
// catalog fails here rather than showing residents its name.
func TestEveryKeyHasText(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	seen := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			spec, ok := n.(*ast.ValueSpec)
			if !ok {
				return true
			}
			if typ, ok := spec.Type.(*ast.Ident); !ok || typ.Name != "Key" {
				return true
			}
			for i, name := range spec.Names {
				var lit *ast.BasicLit
				if i < len(spec.Values) {
					lit, _ = spec.Values[i].(*ast.BasicLit)
				}
				if lit == nil || lit.Kind != token.STRING {
					t.Errorf("%s: want a string literal", name)
					continue
				}
				key, _ := strconv.Unquote(lit.Value)
				seen++
				if locale.Text(locale.Key(key)) == nil {
					t.Errorf("%s (%q) has no text in the catalog", name, key)
				}
			}
			return true
		})
	}
	if seen != len(locale.Keys()) {
		t.Errorf("%d Key constants, %d keys in the catalog", seen, len(locale.Keys()))
	}
}

// TestTypography checks the quotes and ellipses each language expects:
// «ёлочки» in Russian and Kazakh, never typewriter quotes or three dots.
func TestTypography(t *testing.T) {
	for _, key := range locale.Keys() {
		for _, lang := range langs {
			s := locale.Text(key)[lang]
			if strings.Contains(s, `"`) || strings.Contains(s, "...") {
				t.Errorf("%s: %s: typewriter quotes or dots in %q", key, lang, s)
			}
			if lang != core.English && strings.ContainsAny(s, "“”") {
				t.Errorf("%s: %s: English quotes in %q; use «»", key, lang, s)
			}
		}
	}
}

func TestT(t *testing.T) {
	tests := []struct {
		lang core.Lang
		key  locale.Key
		args []any
		want string
	}{
		{core.English, locale.Cancelled, nil, "Cancelled."},
		{core.Kazakh, locale.TooLong, []any{5000, 4096}, "Хабарлама тым ұзын: 5000 таңба, 4096 таңбадан аспауы керек."},
		{"", locale.Cancelled, nil, "Отменено."},
		{core.Russian, "no.such.key", nil, "no.such.key"},
		{core.Russian, locale.AddressNeedHouse, []any{"улица Ерубаева"},
			"Дома по адресу «улица Ерубаева» относятся к разным участкам. Напишите номер дома, например «12», или выберите участок:"},
		{core.Russian, locale.HouseOutOfRange, []any{"999", "улица Ерубаева"},
			"Дома 999 по адресу «улица Ерубаева» нет в нашем списке. Выберите один из участков по этому адресу:"},
		{core.Kazakh, locale.HouseOutOfRange, []any{"999", "Ерубаев көшесі"},
			"«Ерубаев көшесі», 999 үй мекенжай тізімімізде жоқ. Осы мекенжай қарайтын учаскелердің бірін таңдаңыз:"},
		{core.Russian, locale.MoreChoices, []any{3}, "…и ещё 3. Напишите адрес точнее."},
		{core.Kazakh, locale.Outside, []any{"«Жаңа қала» учаскелік полиция пункті", "Қарағанды, Ерубаев көшесі, 40",
			"+7 7212 00 10 00", locale.Km(core.Kazakh, 2420), "Кезекші бөлім", "+7 7212 00 00 01"},
			"Бұл нүкте қызмет көрсетілетін учаскелерден тыс.\n\nЕң жақын полиция пункті — 2,4 км жерде:\n" +
				"«Жаңа қала» учаскелік полиция пункті\nҚарағанды, Ерубаев көшесі, 40\n📞 +7 7212 00 10 00\n\nКезекші бөлім: +7 7212 00 00 01"},
	}
	for _, tt := range tests {
		if got := locale.T(tt.lang, tt.key, tt.args...); got != tt.want {
			t.Errorf("T(%q, %q) = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
}

func TestKm(t *testing.T) {
	tests := []struct {
		lang   core.Lang
		metres float64
		want   string
	}{
		{core.Russian, 2420, "2,4 км"},
		{core.Kazakh, 2450.1, "2,5 км"},
		{core.English, 2420, "2.4 km"},
		{"", 12000, "12,0 км"},
		{core.Russian, 1012345, "1012,3 км"},
		{core.English, 30, "0.1 km"},
		{core.Russian, -5, "0,1 км"},
		{core.Russian, math.NaN(), "0,1 км"},
	}
	for _, tt := range tests {
		if got := locale.Km(tt.lang, tt.metres); got != tt.want {
			t.Errorf("Km(%q, %v) = %q, want %q", tt.lang, tt.metres, got, tt.want)
		}
	}
}

func ExampleKm() {
	fmt.Println(locale.Km(core.Kazakh, 2420))
	fmt.Println(locale.Km(core.English, 2420))
	// Output:
	// 2,4 км
	// 2.4 km
}

func TestNativeNames(t *testing.T) {
	for _, l := range core.Langs {
		if locale.NativeName(l) == "" {
			t.Errorf("no native name for %s", l)
		}
	}
}

func TestDuration(t *testing.T) {
	tests := []struct {
		lang core.Lang
		d    time.Duration
		want string
	}{
		{core.Russian, 30 * time.Second, "1 мин"},
		{core.Russian, 45 * time.Minute, "45 мин"},
		{core.Kazakh, 24 * time.Hour, "24 сағ"},
		{core.English, 90 * time.Minute, "2 h"},
		{core.Russian, 7 * 24 * time.Hour, "7 сут."},
		{core.English, 50 * time.Hour, "3 days"},
	}
	for _, tt := range tests {
		if got := locale.Duration(tt.lang, tt.d); got != tt.want {
			t.Errorf("Duration(%s, %v) = %q, want %q", tt.lang, tt.d, got, tt.want)
		}
	}
}
