package telegram

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		n     int
		parts int
	}{
		{"short", "hello", 10, 1},
		{"exact", strings.Repeat("я", 10), 10, 1},
		{"cyrillic over", strings.Repeat("я", 25), 10, 3},
		{"emoji count twice", strings.Repeat("🚨", 6), 10, 2},
		{"lines", strings.Repeat("line\n", 10), 12, 5},
		{"words", strings.Repeat("word ", 10), 12, 5},
		{"blank pieces dropped", "abc" + strings.Repeat(" ", 30), 10, 1},
		{"empty", "", 10, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := split(tt.text, tt.n)
			if len(parts) != tt.parts {
				t.Fatalf("split into %d parts %q, want %d", len(parts), parts, tt.parts)
			}
			for _, p := range parts {
				if units := len(utf16.Encode([]rune(p))); units > tt.n {
					t.Errorf("part %q is %d UTF-16 units, over %d", p, units, tt.n)
				}
				if strings.TrimSpace(p) == "" {
					t.Errorf("blank part %q", p)
				}
			}
			if joined := strings.Join(parts, ""); strings.TrimSpace(joined) != strings.TrimSpace(tt.text) {
				t.Errorf("parts lose text: %q", joined)
			}
		})
	}
}
