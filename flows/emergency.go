package flows

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Emergency detection runs on every text message in every state, before
// anything else, so that a resident in danger sees 102/112 first. A false
// alarm costs one extra message; a miss costs far more. The lists below
// therefore err towards matching, and exclude only everyday words that a
// stem would otherwise catch.
//
// Words are compared after folding (see foldWord): lower case, ё→е, Kazakh
// letters to the Russian-keyboard look-alikes residents type without a
// Kazakh layout (қ→к, ө→о, ұ/ү→у, і→и, ә→а, ғ→г, ң→н, һ→х), Kazakh Latin
// letters likewise (ş→sh, q→k, ı→i…), and runs of three or more equal
// letters to one ("ПОМОГИИИТЕ"). Entries are written here in their usual
// spelling and folded at init, so "пышақ" also matches "пышак" and "pyshaq".
//
// Accepted false alarms: "помогите найти участкового", "help me find…",
// "нужна помощь", "срочно нужна справка", "fire station", "пожарная
// часть", "горит свет" (but not "не горит свет"), "help desk", "killing
// time", "стреляющая боль". "помогите найти" is kept on
// purpose: "помогите найти ребёнка" is an emergency.
// Deliberately not matched: theft in the past ("украли велосипед вчера",
// "ұрлап кетті"), bare "атты" (usually "named": "Айгерім атты қыз"; "мені
// атты" matches), "оружие" (gun-licence questions go to the inspector).

// emergencyStems match every word that starts with them.
var emergencyStems = []string{
	// Russian.
	"помоги", "спасит", "убив", "убь", "убий", "убил", "убит", "нож", "пырн",
	"зарез", "зареж", "изби", "побил", "удари", "бьет", "бьют", "стреля",
	"стрельб", "выстрел", "пистолет", "ружь", "вооруж", "ранил", "ранен",
	"насил", "изнасил", "напал", "напад", "граб", "ограб", "душит", "душат",
	"душил", "задуш", "угрожа", "похит", "похищ", "заложн", "маньяк", "взрыв",
	"бомб", "теракт", "заминир", "пожар", "подожг", "поджог", "поджег",
	"кровот", "умира", "сознани", "дерутс", "деретс", "вломил", "ломятс",
	"ломитс", "взламыва",
	// Kazakh. мылты covers мылтық and мылтығы, which fold apart.
	"көмектес", "құтқар", "пышақ", "пышағ", "өлтір", "зорл", "жәрдем",
	"жарылыс", "атыс", "мылты", "шабуыл", "шұғыл", "жарақат", "тұншы",
	"тонап", "сабап", "сабад",
	// Russian and Kazakh in Latin letters.
	"pomog", "spasit", "ubiva", "ubiyu", "ubyu", "ubye", "ubie", "ubyo",
	"ubil", "ubiys", "ubiis", "nozh", "izbi", "strelya", "strelba", "vystrel",
	"ranil", "ranen", "nasil", "iznasil", "napal", "napad", "grabya", "grabit",
	"ograb", "dushit", "dushat", "pozhar", "vzryv", "vzriv", "komektes",
	"qutqar", "pyshaq", "pyshag", "pishak", "pichak", "pychak", "öltir",
	"zorla", "jardem", "zhardem", "zharylys", "jarylys", "mylty", "milti",
	"shabuyl", "shabuil",
	// English.
	"help", "emergenc", "knif", "kniv", "gunm", "gunsh", "gunf", "gunpoint",
	"shoot", "stabb", "kill", "murder", "rape", "rapist", "attack", "assault",
	"firearm", "burning", "bleed", "unconscio", "kidnap", "abduct", "hostage",
	"bomb", "explod", "explos", "burglar", "intruder", "robbin", "robber",
	"robbed", "threat", "strangl", "urgent",
}

// emergencyWords match whole words only: they are too short, or too close
// to everyday words, to work as stems.
var emergencyWords = []string{
	// Russian.
	"спаси", "помощь", "помощи", "сос", "кровь", "крови", "кровью", "горит",
	"горят", "драка", "драки", "драку", "дракой", "срочно",
	// Kazakh: өрт (fire) is whole-word only, as орта (middle) and орталық
	// (centre) start the same once folded.
	"көмек", "көмекке", "өрт", "өртте", "өрттен", "өртке", "өртті", "өртеп",
	"өртеді", "өртенді", "өртеніп", "ұрып", "ұрды", "ұрады", "атып", "қан",
	"өліп", "кепілге",
	// Latin letters.
	"sos", "spasi", "pomosh", "pomoshch", "pomosch", "krov", "krovi",
	"byut", "byot", "komek", "uryp", "urdy", "atyp", "ört", "gun", "guns",
	"shot", "shots", "stab", "stabs", "fire", "fires", "blood", "bled",
	"dying", "choking", "breakin",
}

// everydayPrefixes are everyday words that an emergency stem would
// otherwise catch: a word starting with one of them never counts.
var everydayPrefixes = []string{
	"ножн", "ножк", // ножницы, ножной, ножка (scissors, foot, leg)
	"nozhn", "nozhk",
	"грабл",            // грабли (rake)
	"избира", "izbira", // избиратель (voter)
	"жәрдемақы", // benefit payment
	"jardemaq", "zhardemaq",
	"helpful",
}

// emergencyPairs are two consecutive words that together suggest danger.
var emergencyPairs = [][2]string{
	{"break", "in"}, {"break", "into"}, {"breaks", "in"}, {"broke", "in"},
	{"broke", "into"}, {"breaking", "in"}, {"breaking", "into"},
	{"жанып", "жатыр"},                                   // is burning
	{"мені", "атты"}, {"оны", "атты"}, {"бізді", "атты"}, // shot me/him/us
}

// everydayPairs are two consecutive words whose second would otherwise
// count: "не горит свет" is a broken lamp, not a fire, and residents thank
// the bot "за помощь" / "for your help".
var everydayPairs = [][2]string{
	{"не", "горит"}, {"не", "горят"},
	{"за", "помощь"}, {"your", "help"}, {"the", "help"},
}

// looksLikeEmergency reports whether text contains an emergency word or
// pair of words. It allocates nothing: each word is folded into a buffer on
// the stack as it is read, and looked up among the rules for its first
// letter.
func looksLikeEmergency(text string) bool {
	var bufs [2][maxFoldedWord]byte // this word and the previous one
	var prev []byte
	cur := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !inWord(r) {
			i += size
			continue
		}
		start, cyrillic, latin := i, false, false
		f := folder{buf: bufs[cur][:], whole: true}
		for ; i < len(text) && inWord(r); r, size = utf8.DecodeRuneInString(text[i:]) {
			cyrillic = cyrillic || isCyrillic(r)
			latin = latin || r < utf8.RuneSelf
			f.fold(r, false)
			i += size
		}
		word, whole := f.buf[:f.n], f.whole
		if cyrillic && latin { // rare: fold again with Latin look-alikes
			word, whole = foldWord(bufs[cur][:], text[start:i], true)
		}
		if len(word) == 0 {
			continue
		}
		if emergencyWord(prev, word, whole) {
			return true
		}
		prev, cur = word, 1-cur
	}
	return false
}

// emergencyWord reports whether word, folded, is an emergency word after
// prev. whole is false when word was too long to fold completely.
func emergencyWord(prev, word []byte, whole bool) bool {
	b := bucket(word)
	if b < 0 {
		return false
	}
	for _, r := range emergencyIndex[b] {
		var hit bool
		if r.whole {
			hit = whole && string(word) == r.text
		} else {
			hit = len(word) >= len(r.text) && string(word[:len(r.text)]) == r.text
		}
		if hit && (r.after == "" || string(prev) == r.after) {
			return !r.everyday
		}
	}
	return false
}

// maxFoldedWord bounds a folded word; longer words are matched by their
// beginning only, which is all a stem needs.
const maxFoldedWord = 64

// emergencyRule is one folded entry of the lists above.
type emergencyRule struct {
	text     string
	after    string // when set, the previous word must be this one
	whole    bool   // the whole word, not a stem
	everyday bool   // an exclusion: the word is not an emergency word
}

// emergencyIndex holds the rules by the first letter of their folded text
// (see bucket). Exclusions are added first, so that they shadow the stems.
var emergencyIndex = buildEmergencyIndex()

func buildEmergencyIndex() [32 + 26][]emergencyRule {
	var idx [32 + 26][]emergencyRule
	add := func(r emergencyRule) {
		b := bucket([]byte(r.text))
		if b < 0 {
			panic(fmt.Sprintf("flows: emergency entry %q starts with no letter once folded", r.text))
		}
		idx[b] = append(idx[b], r)
	}
	for _, s := range everydayPrefixes {
		add(emergencyRule{text: foldEntry(s), everyday: true})
	}
	for _, p := range everydayPairs {
		add(emergencyRule{text: foldEntry(p[1]), after: foldEntry(p[0]), whole: true, everyday: true})
	}
	for _, p := range emergencyPairs {
		add(emergencyRule{text: foldEntry(p[1]), after: foldEntry(p[0]), whole: true})
	}
	for _, s := range emergencyWords {
		add(emergencyRule{text: foldEntry(s), whole: true})
	}
	for _, s := range emergencyStems {
		add(emergencyRule{text: foldEntry(s)})
	}
	return idx
}

// foldEntry folds one list entry as looksLikeEmergency folds a word.
func foldEntry(s string) string {
	var buf [maxFoldedWord]byte
	w, _ := foldWord(buf[:], s, strings.ContainsFunc(s, isCyrillic))
	return string(w)
}

// bucket is the index in emergencyIndex for a folded word: а–я, then a–z,
// or -1 when it starts with neither.
func bucket(word []byte) int {
	if len(word) >= 2 && word[0] == 0xd0 && word[1] >= 0xb0 { // а–п
		return int(word[1] - 0xb0)
	}
	if len(word) >= 2 && word[0] == 0xd1 && word[1] <= 0x8f { // р–я
		return 16 + int(word[1]-0x80)
	}
	if len(word) >= 1 && word[0] >= 'a' && word[0] <= 'z' {
		return 32 + int(word[0]-'a')
	}
	return -1
}

func isCyrillic(r rune) bool { return r >= 0x400 && r <= 0x4ff }

// inWord reports whether r belongs to a word. Apostrophes do, so that
// "ub'yut" is one word; folding drops them.
func inWord(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	case r < utf8.RuneSelf:
		return r == '\''
	case isCyrillic(r), r == '’', r == 'ʼ':
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// foldWord writes word, folded, into buf and returns it; whole is false if
// buf was too small. cyrillic says whether word has a Cyrillic letter, in
// which case Latin look-alikes become Cyrillic.
func foldWord(buf []byte, word string, cyrillic bool) (folded []byte, whole bool) {
	f := folder{buf: buf, whole: true}
	for _, r := range word {
		f.fold(r, cyrillic)
	}
	return f.buf[:f.n], f.whole
}

// folder accumulates a folded word in buf.
type folder struct {
	buf      []byte
	n        int
	last     rune // the last rune put
	lastSize int  // its size in bytes
	run      int  // how many times in a row it was put
	whole    bool // false once buf is full
}

// latinLookalikes maps Latin letters to the Cyrillic ones they look like,
// for words that mix the two ("пoмогите" with a Latin o).
var latinLookalikes = [26]rune{
	//lint:ignore SA4000 indexed by letter, 'a' included
	'a' - 'a': 'а', 'b' - 'a': 'в', 'c' - 'a': 'с', 'e' - 'a': 'е',
	'h' - 'a': 'н', 'i' - 'a': 'и', 'k' - 'a': 'к', 'm' - 'a': 'м',
	'o' - 'a': 'о', 'p' - 'a': 'р', 't' - 'a': 'т', 'x' - 'a': 'х',
	'y' - 'a': 'у',
}

// fold puts r folded; cyrillic turns Latin look-alikes into Cyrillic.
func (f *folder) fold(r rune, cyrillic bool) {
	switch {
	case r >= 'а' && r <= 'я':
	case r >= 'А' && r <= 'Я':
		r += 'а' - 'А'
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		r |= 0x20
		if cyrillic {
			if c := latinLookalikes[r-'a']; c != 0 {
				r = c
			}
		} else if r == 'q' {
			r = 'k'
		}
	default:
		r = unicode.ToLower(r)
		switch r {
		case 'ё':
			r = 'е'
		case 'қ':
			r = 'к'
		case 'ө':
			r = 'о'
		case 'ұ', 'ү':
			r = 'у'
		case 'і':
			r = 'и'
		case 'ә':
			r = 'а'
		case 'ғ':
			r = 'г'
		case 'ң':
			r = 'н'
		case 'һ':
			r = 'х'
		case 'ä', 'á', 'à', 'â':
			r = 'a'
		case 'ö', 'ó', 'ô':
			r = 'o'
		case 'ü', 'ū', 'ú', 'û':
			r = 'u'
		case 'ı', 'í', 'ì', 'î':
			r = 'i'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'ğ':
			r = 'g'
		case 'ñ':
			r = 'n'
		case 'ş':
			f.put('s')
			r = 'h'
		case 'ç':
			f.put('c')
			r = 'h'
		case '\'', '’', 'ʼ':
			return
		case '\u0306': // combining breve: и + ̆ is й
			if f.last != 'и' || !f.whole {
				return
			}
			f.n -= f.lastSize
			f.last, r = 0, 'й'
		default:
			if unicode.Is(unicode.Mn, r) { // ё as е + ̈, and the like
				return
			}
		}
	}
	f.put(r)
}

// put appends r, keeping one of three or more equal letters in a row.
func (f *folder) put(r rune) {
	if !f.whole {
		return
	}
	if r == f.last {
		f.run++
	} else {
		f.last, f.run = r, 1
	}
	switch {
	case f.run == 3:
		f.n -= f.lastSize // three in a row: drop the second, keep one
		return
	case f.run > 3:
		return
	}
	size := utf8.RuneLen(r)
	if f.n+size > len(f.buf) {
		f.whole = false
		return
	}
	f.lastSize = size
	f.n += utf8.EncodeRune(f.buf[f.n:], r)
}
