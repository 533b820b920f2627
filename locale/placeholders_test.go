package locale_test

import (
	"fmt"
	"maps"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// verb matches the fmt verbs the catalog may use: flags, an optional
// explicit argument index, width, precision and the verb letter. Anything
// fancier (such as * widths) is left unmatched and so rejected by args.
var verb = regexp.MustCompile(`%([-+# 0]*)(?:\[([0-9]+)\])?([0-9]*(?:\.[0-9]+)?)([a-zA-Z%])`)

// args returns the arguments format uses, numbered from 1 as fmt numbers
// them, each with its verb (flags, width, precision and letter, without the
// index). A language may reorder arguments with %[n]s, so texts are
// compared by these, not by their verbs in order. args fails when an
// argument is used with two different verbs, when one is skipped, or when a
// % does not start a verb it understands.
func args(format string) (map[int]string, error) {
	used := map[int]string{}
	next := 1
	for _, m := range verb.FindAllStringSubmatch(format, -1) {
		flags, index, size, letter := m[1], m[2], m[3], m[4]
		if letter == "%" && flags+index+size == "" {
			continue
		}
		if index != "" {
			next, _ = strconv.Atoi(index)
		}
		v := flags + size + letter
		if prev, ok := used[next]; ok && prev != v {
			return nil, fmt.Errorf("argument %d used as %%%s and as %%%s", next, prev, v)
		}
		used[next] = v
		next++
	}
	if strings.Contains(verb.ReplaceAllString(format, ""), "%") {
		return nil, fmt.Errorf("a %% that starts no supported verb")
	}
	for n := 1; n <= len(used); n++ {
		if _, ok := used[n]; !ok {
			return nil, fmt.Errorf("argument %d is never used, but %v are", n, used)
		}
	}
	return used, nil
}

func TestArgs(t *testing.T) {
	tests := []struct {
		format  string
		want    map[int]string
		wantErr bool
	}{
		{"plain", map[int]string{}, false},
		{"100%% sure", map[int]string{}, false},
		{"%s and %d", map[int]string{1: "s", 2: "d"}, false},
		{"%[2]s, %[1]s", map[int]string{1: "s", 2: "s"}, false},
		{"%[2]s again %[2]s, then %[1]s", map[int]string{1: "s", 2: "s"}, false},
		{"%[2]d then %s", nil, true}, // %s is argument 3: 1 is skipped
		{"%[1]s %[1]d", nil, true},
		{"%.1f km", map[int]string{1: ".1f"}, false},
		{"%*d", nil, true},
		{"50 %", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			got, err := args(tt.format)
			if (err != nil) != tt.wantErr || !maps.Equal(got, tt.want) {
				t.Errorf("args(%q) = %v, %v; want %v, error %v", tt.format, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

// sample returns arguments that fit the verbs in used.
func sample(used map[int]string) []any {
	out := make([]any, len(used))
	for n, v := range used {
		switch v[len(v)-1] {
		case 'd':
			out[n-1] = 42
		case 'e', 'f', 'g':
			out[n-1] = 1.5
		default:
			out[n-1] = "x"
		}
	}
	return out
}

// TestCatalogComplete checks every text exists in every language and uses
// exactly the same arguments with the same verbs, in whatever order the
// language needs, so no language can get a broken or missing message.
func TestCatalogComplete(t *testing.T) {
	for _, key := range locale.Keys() {
		text := locale.Text(key)
		want, err := args(text[core.English])
		if err != nil {
			t.Errorf("%s: en: %v", key, err)
			continue
		}
		for _, lang := range langs {
			s := text[lang]
			if s == "" {
				t.Errorf("%s: no %s text", key, lang)
				continue
			}
			got, err := args(s)
			if err != nil {
				t.Errorf("%s: %s: %v", key, lang, err)
				continue
			}
			if !maps.Equal(got, want) {
				t.Errorf("%s: %s arguments %v, want %v as in en", key, lang, got, want)
				continue
			}
			if len(want) > 0 {
				if out := fmt.Sprintf(s, sample(want)...); strings.Contains(out, "%!") {
					t.Errorf("%s: %s formats badly: %q", key, lang, out)
				}
			}
		}
	}
}
