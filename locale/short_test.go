package locale_test

import (
	"testing"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

func TestShortLabels(t *testing.T) {
	for _, tc := range []struct {
		key  locale.Key
		lang string
	}{
		{locale.MenuReport, "ru"}, {locale.MenuFind, "kk"}, {locale.SubscribeButton, "ru"}, {locale.TkRemind, "en"},
	} {
		full := locale.T(langOf(tc.lang), tc.key)
		short := locale.Short(full)
		if short == "" || utf8.RuneCountInString(short) > locale.MaxShort || utf8.RuneCountInString(short) >= utf8.RuneCountInString(full) {
			t.Errorf("Short(%q) = %q: want a label of at most %d characters", full, short, locale.MaxShort)
		}
	}
	// Every short label of every language fits.
	for _, k := range locale.Keys() {
		for _, l := range langs {
			if s := locale.Short(locale.T(l, k)); utf8.RuneCountInString(s) > locale.MaxShort {
				t.Errorf("%s in %s: short label %q is longer than %d", k, l, s, locale.MaxShort)
			}
		}
	}
	if got := locale.Short("no such label"); got != "" {
		t.Errorf("Short of an unknown label = %q", got)
	}
}

func langOf(s string) core.Lang { return core.Lang(s) }
