package locale_test

import (
	"regexp"
	"slices"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// TestCatalogComplete checks every text exists in every language with the
// same placeholders in the same order, so no language can get a broken or
// missing message.
func TestCatalogComplete(t *testing.T) {
	for _, key := range locale.Keys() {
		text := locale.Text(key)
		want := verb.FindAllString(text[core.English], -1)
		for _, lang := range []core.Lang{core.Russian, core.Kazakh, core.English} {
			s := text[lang]
			if s == "" {
				t.Errorf("%s: no %s text", key, lang)
				continue
			}
			if got := verb.FindAllString(s, -1); !slices.Equal(got, want) {
				t.Errorf("%s: %s placeholders %q, want %q as in en", key, lang, got, want)
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
	}
	for _, tt := range tests {
		if got := locale.T(tt.lang, tt.key, tt.args...); got != tt.want {
			t.Errorf("T(%q, %q) = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
}

func TestNativeNames(t *testing.T) {
	for _, l := range core.Langs {
		if locale.NativeName(l) == "" {
			t.Errorf("no native name for %s", l)
		}
	}
}
