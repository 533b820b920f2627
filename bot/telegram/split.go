package telegram

import (
	"strings"
	"unicode/utf16"
)

// split cuts text into pieces Telegram accepts: at most n UTF-16 code
// units each (Telegram counts an emoji as two), cut after a line break
// where possible, else after a space, and never a blank piece.
func split(text string, n int) []string {
	runes := []rune(text)
	var parts []string
	for len(runes) > 0 {
		end, units := 0, 0
		for end < len(runes) {
			w := max(utf16.RuneLen(runes[end]), 1)
			if units+w > n {
				break
			}
			units += w
			end++
		}
		cut := end
		if end < len(runes) {
			cut = breakPoint(runes[:end])
		}
		if part := string(runes[:cut]); strings.TrimSpace(part) != "" {
			parts = append(parts, part)
		}
		runes = runes[cut:]
	}
	return parts
}

// textLen is the length of s as Telegram counts it, in UTF-16 code units.
func textLen(s string) int {
	n := 0
	for _, r := range s {
		n += max(utf16.RuneLen(r), 1)
	}
	return n
}

// breakPoint returns where to cut runes: after the last line break in its
// second half, else after the last space there, else at its end.
func breakPoint(runes []rune) int {
	for _, sep := range []rune{'\n', ' '} {
		for i := len(runes); i > len(runes)/2; i-- {
			if runes[i-1] == sep {
				return i
			}
		}
	}
	return len(runes)
}
