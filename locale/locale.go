package locale

import (
	"fmt"

	"github.com/beatbot-kz/beatbot/core"
)

// Key names one text of the catalog.
type Key string

// T returns the text for key in lang, formatted with args as by
// fmt.Sprintf. An unknown key returns the key itself, so a missing text
// shows up in tests rather than as an empty message.
func T(lang core.Lang, key Key, args ...any) string {
	t, ok := catalog[key]
	if !ok {
		return string(key)
	}
	s := t.In(lang)
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// Text returns key in every language, for texts shown before a resident
// has chosen one.
func Text(key Key) core.Text { return catalog[key] }

// Keys returns every key in the catalog, for tests.
func Keys() []Key {
	keys := make([]Key, 0, len(catalog))
	for k := range catalog {
		keys = append(keys, k)
	}
	return keys
}
