package locate

import (
	"unicode"
	"unicode/utf8"
)

// sep is what stood between a token and the one before it. The order is a
// priority: a run of separators counts as its strongest member, so
// "Степной - 2" is spaced while "Степной-2" is hyphenated.
type sep uint8

const (
	sepGlued  sep = iota // nothing: "12а", "д12", or the first token
	sepHyphen            // hyphens only: "Степной-2", "пр-т"
	sepSpace             // spaces, dots and other punctuation
	sepSlash             // "12/1"
	sepComma             // "Ерубаева, 12"
)

// token is one word or number of a text.
type token struct {
	off, end       int // skeleton: words.buf[off:end]
	rawOff, rawEnd int // the token as written: text[rawOff:rawEnd]
	sep            sep
	num            bool // ASCII digits only
	single         bool // one letter, such as a house suffix "а"
}

// words is a text split into tokens, each spelled as a skeleton (see
// translit.go). Letters and digits are separate tokens even when glued
// ("12а" is "12" and "а"); apostrophes and combining marks are dropped
// without splitting a word.
type words struct {
	text  string
	buf   []byte
	list  []token
	latin []byte // scratch: the current word in plain Latin
}

// split replaces w's tokens with those of text.
func (w *words) split(text string) {
	w.text, w.buf, w.list = text, w.buf[:0], w.list[:0]
	gap, start, startNum := sepGlued, -1, false
	for i, r := range text {
		isNum := r >= '0' && r <= '9'
		switch {
		case isNum || isLetterRune(r):
			if start >= 0 && isNum != startNum {
				w.push(start, i, startNum, gap)
				start, gap = -1, sepGlued
			}
			if start < 0 {
				start, startNum = i, isNum
				w.latin = w.latin[:0]
			}
			w.latin = appendLatin(w.latin, toLower(r))
		case r == '\'' || r == '’' || r == 'ʼ' || r == '`' || unicode.Is(unicode.Mn, r):
			// Part of the word: "Qazaqstan'", or a decomposed "й".
		default:
			if start >= 0 {
				w.push(start, i, startNum, gap)
				start, gap = -1, sepGlued
			}
			gap = max(gap, sepOf(r))
		}
	}
	if start >= 0 {
		w.push(start, len(w.text), startNum, gap)
	}
}

func (w *words) push(rawOff, rawEnd int, num bool, gap sep) {
	off := len(w.buf)
	w.buf = fold(w.buf, w.latin)
	w.list = append(w.list, token{
		off: off, end: len(w.buf), rawOff: rawOff, rawEnd: rawEnd, sep: gap, num: num,
		single: !num && utf8.RuneCountInString(w.text[rawOff:rawEnd]) == 1,
	})
}

// isLetterRune is unicode.IsLetter with the scripts of addresses first.
func isLetterRune(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	case r >= 'Ѐ' && r <= 'я':
		return true
	}
	return unicode.IsLetter(r)
}

// toLower is unicode.ToLower with the scripts of addresses first.
func toLower(r rune) rune {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r >= 'А' && r <= 'Я':
		return r + 'а' - 'А'
	case r >= 'Ѐ' && r <= 'Џ':
		return r + 'ѐ' - 'Ѐ'
	}
	return unicode.ToLower(r)
}

func sepOf(r rune) sep {
	switch r {
	case ',', ';':
		return sepComma
	case '/', '\\':
		return sepSlash
	case '-', '‐', '‑', '–', '—':
		return sepHyphen
	}
	return sepSpace
}

// skel returns the skeleton of token i.
func (w *words) skel(i int) []byte { return w.buf[w.list[i].off:w.list[i].end] }

// typeAt reports whether a type word or phrase ("ул.", "пр-т", "шағын
// ауданы") starts at token i, its kind and how many tokens it spans.
func (w *words) typeAt(i int) (kind, int) {
	if i+1 < len(w.list) {
		a, b := w.skel(i), w.skel(i+1)
		var pair [32]byte
		if len(a)+1+len(b) <= len(pair) {
			p := append(append(append(pair[:0], a...), ' '), b...)
			if k, ok := typeWords[string(p)]; ok {
				return k, 2
			}
		}
	}
	if k, ok := typeWords[string(w.skel(i))]; ok {
		return k, 1
	}
	return kindNone, 0
}

// onlyTypes reports whether the tokens [from, to) outside [skipFrom, skipTo)
// are all type words (or there are none).
func (w *words) onlyTypes(from, to, skipFrom, skipTo int) bool {
	for i := from; i < to; {
		if i >= skipFrom && i < skipTo {
			i = skipTo
			continue
		}
		_, n := w.typeAt(i)
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}

// appendKey appends the key of the tokens [from, to) outside [skipFrom,
// skipTo): their skeletons run together without type words, so "ул.
// Бухар-Жырау" and "бухаржырау" share "buharjirau". It also returns the
// kind the first type word named. A text of type words only keeps them, so that
// a street named "Бульвар" has a key.
func (w *words) appendKey(dst []byte, from, to, skipFrom, skipTo int) ([]byte, kind) {
	keepTypes := w.onlyTypes(from, to, skipFrom, skipTo)
	found, prevNum := kindNone, false
	start := len(dst)
	for i := from; i < to; {
		if i >= skipFrom && i < skipTo {
			i = skipTo
			continue
		}
		if k, n := w.typeAt(i); n > 0 {
			if found == kindNone {
				found = k
			}
			if !keepTypes {
				i += n
				continue
			}
		}
		if prevNum && w.list[i].num {
			dst = append(dst, ' ') // "мкр 23 5" is not "мкр 235"
		}
		for _, c := range w.skel(i) {
			dst = appendOnce(dst, start, c)
		}
		prevNum = w.list[i].num
		i++
	}
	return dst, found
}

// stem drops the endings by which the Russian genitive differs from the
// Kazakh nominative, so that "Ерубаева" and "Ерубаев", "Абая" and "Абай"
// share one stem ("erubaev", "aba"). At least three letters remain.
func stem(key []byte) []byte {
	n := len(key)
	if n > 3 && key[n-1] == 'a' {
		n--
	}
	if n > 3 && key[n-1] == 'i' {
		n--
	}
	return key[:n]
}
