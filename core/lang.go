package core

import "strings"

// Lang is a user interface language, an ISO 639-1 code.
type Lang string

// The languages every user-facing text exists in.
const (
	Russian Lang = "ru"
	Kazakh  Lang = "kk"
	English Lang = "en"
)

// Langs lists the supported languages in the order they are offered.
var Langs = []Lang{Kazakh, Russian, English}

// DefaultLang is used before a resident has chosen a language and no better
// hint is known.
const DefaultLang = Russian

// Valid reports whether l is one of the supported languages.
func (l Lang) Valid() bool {
	switch l {
	case Russian, Kazakh, English:
		return true
	}
	return false
}

// LangFromHint maps a messenger's client language code (such as Telegram's
// "ru-RU" or "kk") to a supported language, or returns "" if none fits.
func LangFromHint(code string) Lang {
	code = strings.ToLower(code)
	if i := strings.IndexAny(code, "-_"); i >= 0 {
		code = code[:i]
	}
	if l := Lang(code); l.Valid() {
		return l
	}
	return ""
}

// Text is a string in several languages.
type Text map[Lang]string

// In returns the text in l, falling back to Russian, then to any language
// present, so a reader always sees something.
func (t Text) In(l Lang) string {
	if s := t[l]; s != "" {
		return s
	}
	if s := t[DefaultLang]; s != "" {
		return s
	}
	for _, l := range Langs {
		if s := t[l]; s != "" {
			return s
		}
	}
	return ""
}
