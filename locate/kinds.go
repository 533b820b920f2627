package locate

// kind is the kind of thoroughfare a type word names. A resident who writes
// "пр. Абая" means the avenue even if there is also a street of Abay.
type kind uint8

const (
	kindNone kind = iota
	kindStreet
	kindAvenue
	kindBoulevard
	kindLane
	kindMicrodistrict
	kindHighway
	kindSquare
)

// typeWords maps the skeletons of type words, and of two-word type phrases
// joined by a space, to the kind they name.
var typeWords = func() map[string]kind {
	m := make(map[string]kind)
	for k, list := range map[kind][]string{
		kindStreet: {
			"ул", "улица", "көше", "көшесі", "көш",
			"street", "st", "str", "ulitsa", "ulica",
		},
		kindAvenue: {
			"пр", "пр-т", "просп", "проспект", "даңғылы", "даңғ", "даң",
			"avenue", "ave", "av", "prospect", "prosp",
		},
		kindBoulevard: {"бул", "б-р", "бульвар", "бульвары", "boulevard", "blvd"},
		kindLane:      {"пер", "переулок", "тұйық", "тупик", "lane", "ln"},
		kindMicrodistrict: {
			"мкр", "мкрн", "м-н", "микрорайон", "шағын ауданы", "шағынауданы",
			"ықшам ауданы", "ықшамауданы", "ықшамаудан", "microdistrict", "md",
		},
		kindHighway: {"шоссе", "тас жолы", "highway", "hwy"},
		kindSquare:  {"пл", "площадь", "алаңы", "square", "sq"},
	} {
		for _, s := range list {
			m[skeleton(s)] = k
		}
	}
	return m
}()

// houseWords are the skeletons of the words that may stand next to a house
// number: "д. 12", "дом 12", "12 үй", "house 12".
var houseWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, s := range []string{"д", "дом", "үй", "house", "no", "номер"} {
		m[skeleton(s)] = true
	}
	return m
}()

// skeleton spells s the way texts are split and spelled, its words joined
// by spaces, so that the word lists above can be written as people write
// them: "көшесі" also stands for "koshesi", "проспект" for "prospekt".
func skeleton(s string) string {
	var w words
	w.split(s)
	var out []byte
	for i := range w.list {
		if i > 0 {
			out = append(out, ' ')
		}
		out = append(out, w.skel(i)...)
	}
	return string(out)
}
