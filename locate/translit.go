package locate

// Residents type the same street in Cyrillic, in Kazakh Cyrillic, in official
// Kazakh Latin and in whatever Latin their phone offers. Matching does not
// try to pick the right transliteration; it folds every spelling onto one
// coarse ASCII skeleton in two steps:
//
//  1. latin spells each letter in plain Latin (ж → "zh", ş → "sh", ә → "a");
//  2. fold merges what the schemes disagree on (zh/j, kh/h, y/i, ye/e, c/ts,
//     doubled letters).
//
// Both steps run on the directory's names and on queries alike, so a merge
// that loses a distinction can only make two names collide (the resident
// then chooses), never make a right spelling miss.

// cyrillicLatin spells the letters of the Cyrillic block U+0400–U+04FF,
// lower case only, indexed by r-0x400; "" for letters it does not know.
var cyrillicLatin = func() (t [0x100]string) {
	for r, s := range map[rune]string{
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
		'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
		'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
		'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
		'ы': "y", 'э': "e", 'ю': "yu", 'я': "ya",
		// Kazakh letters.
		'ә': "a", 'ғ': "g", 'қ': "k", 'ң': "n", 'ө': "o", 'ұ': "u", 'ү': "u",
		'һ': "h", 'і': "i",
		// Ukrainian letters, for residents whose keyboard has them.
		'ї': "i", 'є': "e", 'ґ': "g", 'ў': "u",
	} {
		t[r-0x400] = s
	}
	return t
}()

// latinExtra spells the Latin letters with diacritics of the Kazakh Latin
// alphabets (2017–2021) and a few that phone keyboards offer.
var latinExtra = map[rune]string{
	'ä': "a", 'á': "a", 'à': "a", 'â': "a", 'ə': "a",
	'ö': "o", 'ó': "o", 'ò': "o", 'ô': "o",
	'ü': "u", 'ū': "u", 'ú': "u", 'ù': "u", 'û': "u",
	'ı': "i", 'í': "i", 'ì': "i", 'î': "i", 'ï': "i",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e",
	'ý': "y", 'ñ': "n", 'ğ': "g",
	'ş': "sh", 'š': "sh", 'ç': "ch", 'č': "ch", 'ž': "zh",
}

// appendLatin appends the plain Latin spelling of the lower-case letter r.
// A letter of another script is kept as it is: it cannot match a Latin or
// Cyrillic name, but it must not vanish and let the rest match wrongly.
func appendLatin(dst []byte, r rune) []byte {
	switch {
	case r < 0x80:
		return append(dst, byte(r))
	case r == 'ъ' || r == 'ь':
		return dst // they only soften or separate, and transliterations drop them
	case r >= 0x400 && r < 0x500:
		if s := cyrillicLatin[r-0x400]; s != "" {
			return append(dst, s...)
		}
	default:
		if s, ok := latinExtra[r]; ok {
			return append(dst, s...)
		}
	}
	return append(dst, string(r)...)
}

// foldRules rewrite the spellings the Latin schemes disagree on, longest
// first; each says which letter it stands for.
var foldRules = [...]struct{ from, to string }{
	{"shch", "sh"}, {"sch", "sh"}, // щ
	{"zh", "j"},              // ж: zh, j
	{"kh", "h"},              // х: kh, h
	{"gh", "g"},              // ғ: gh, g
	{"ch", "ch"},             // ч, kept from the next rule
	{"c", "ts"},              // ц: c, ts
	{"ye", "e"}, {"yo", "e"}, // е, ё: ye, e
	{"y", "i"}, // й, ы: y, i; я: ya, ia
	{"x", "ks"},
	{"w", "v"},
	{"q", "k"}, // қ in Kazakh Latin
}

// foldFirst lists foldRules by their first letter.
var foldFirst = func() (t [128][]int) {
	for i, r := range foldRules {
		t[r.from[0]] = append(t[r.from[0]], i)
	}
	return t
}()

// fold appends the skeleton of the plain Latin word src to dst. A letter
// that repeats is written once ("Kassymov" = "Касымов"); digits always.
func fold(dst, src []byte) []byte {
	start := len(dst)
	for i := 0; i < len(src); {
		to, n := "", 0
		if c := src[i]; c < 128 {
			for _, r := range foldFirst[c] {
				if f := foldRules[r].from; len(src)-i >= len(f) && string(src[i:i+len(f)]) == f {
					to, n = foldRules[r].to, len(f)
					break
				}
			}
		}
		if n == 0 {
			dst = appendOnce(dst, start, src[i])
			i++
			continue
		}
		for j := 0; j < len(to); j++ {
			dst = appendOnce(dst, start, to[j])
		}
		i += n
	}
	return dst
}

// appendOnce appends c unless it is a letter that dst[start:] already ends
// with.
func appendOnce(dst []byte, start int, c byte) []byte {
	if len(dst) > start && dst[len(dst)-1] == c && isLetter(c) {
		return dst
	}
	return append(dst, c)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }
