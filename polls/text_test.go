package polls

import (
	"image/color"
	"strings"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// TestFontCovers makes sure no reader gets tofu boxes: every letter of the
// Russian and Kazakh alphabets, and the signs charts use, has a glyph in
// the exact face charts draw with (the font cache would otherwise fall
// back to another face without saying so).
func TestFontCovers(t *testing.T) {
	const letters = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ" +
		"аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя" +
		"0123456789%<.,:;-–—№«»…·"
	if !font.DefaultCache.Has(chartFont) {
		t.Fatalf("font %s is not in the cache", chartFont.Name())
	}
	face := font.DefaultCache.Lookup(chartFont, 12)
	for _, r := range letters {
		if i, err := face.Face.GlyphIndex(nil, r); err != nil || i == 0 {
			t.Errorf("%s has no glyph for %q (U+%04X): %v", chartFont.Name(), r, r, err)
		}
	}
}

func TestWrap(t *testing.T) {
	sty := style(20, color.Black)
	w := func(s string) vg.Length { return width(sty, s) }
	max := w("Қауіпсіз емес түнде")
	tests := []struct {
		name  string
		in    string
		lines int
		want  string
	}{
		{"fits", "Не знаю", 2, "Не знаю"},
		{"spaces collapse", "  Не   знаю ", 1, "Не знаю"},
		{"wraps at words", "Қауіпсіз емес түнде көшеде жарық жоқ", 2, "Қауіпсіз емес түнде\nкөшеде жарық жоқ"},
		{"shortened at a word", "Қауіпсіз емес түнде көшеде жарық жоқ", 1, "Қауіпсіз емес…"},
		{"last line shortened", "Қауіпсіз емес түнде көшеде жарық жоқ болғанда ұрлық көп", 2,
			"Қауіпсіз емес түнде\nкөшеде жарық…"},
		{"empty", "", 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrap(sty, tt.in, max, tt.lines)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for _, line := range strings.Split(got, "\n") {
				if w(line) > max {
					t.Errorf("line %q is %v wide, more than %v", line, w(line), max)
				}
			}
		})
	}
}

// TestWrapKeepsWords checks that text is never cut inside a word without
// an ellipsis showing it, whatever the width.
func TestWrapKeepsWords(t *testing.T) {
	sty := style(22, color.Black)
	in := "Антиобщественное поведение подростков в подъездах и во дворах жилых домов"
	words := map[string]bool{}
	for _, w := range strings.Fields(in) {
		words[w] = true
	}
	for max := vg.Length(40); max < 900; max += 37 {
		for lines := 1; lines <= 3; lines++ {
			got := wrap(sty, in, max, lines)
			if n := strings.Count(got, "\n") + 1; n > lines {
				t.Errorf("max %v: got %d lines, want at most %d", max, n, lines)
			}
			for _, line := range strings.Split(got, "\n") {
				fields := strings.Fields(line)
				for i, f := range fields {
					if i == len(fields)-1 && strings.HasSuffix(f, ellipsis) {
						continue // a word that ends in "…" says it was cut
					}
					if !words[f] {
						t.Errorf("max %v, %d lines: %q is no whole word of the text", max, lines, f)
					}
				}
			}
		}
	}
}
