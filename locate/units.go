package locate

// Residents often add where they are inside the house: "Ерубаева 12 кв 5",
// "д. 12, кв. 5", "12 үй, 5 пәтер", "12 Erubaev St, apt 5". A flat, an
// office, a room, an entrance or a floor does not help find the district,
// and its number, being last, would be taken for the house. dropUnits
// removes these parts before the house is looked for.
//
// A unit is a unit word with its number, after a number that may be the
// house: the word first ("кв. 5", "кв5", "apt 5а", "оф. 3/1"), or the
// number first, as Kazakh puts it ("5 пәтер", "5-пәтер", "3-ші қабат",
// "2-й подъезд"). A unit word with no number before it may be a name and
// is left alone, and so is one with no number of its own after the house
// ("Ерубаева 12 кв" finds nothing): with the word first, a bare letter
// would be a house letter ("12к", "12 п"), and with the number first,
// "15 кв" might have been the house.
//
// A building part ("корп. 2", "к. 2", "к2") is dropped too, and becomes
// the house's "/2", as the directory writes it ("12/2"), unless the house
// already has a letter or part. An outbuilding ("стр. 2", "строение 2") is
// dropped without a trace: the directory has no way to write it, and
// reading it as "/2" could miss a range listing 12/2 by itself, while
// house 12 stands on the same plot and so in the same district.

// unit is what a unit word names.
type unit uint8

const (
	unitNone     unit = iota
	unitInside        // a flat, office, room, entrance or floor, or an outbuilding: dropped
	unitBuilding      // корпус: the house's building part
)

// unitWords maps the skeletons of unit words to what they name.
var unitWords = func() map[string]unit {
	m := make(map[string]unit)
	for u, list := range map[unit][]string{
		unitInside: {
			"кв", "квартира", "оф", "офис", "ком", "комн", "комната",
			"под", "подъезд", "эт", "этаж", "стр", "строение",
			"пәтер", "п", "кеңсе", "кіреберіс", "қабат",
			"apt", "apartment", "flat", "office", "suite", "room",
			"entrance", "floor", "fl",
		},
		unitBuilding: {"к", "корп", "корпус", "bldg", "building"},
	} {
		for _, s := range list {
			m[skeleton(s)] = u
		}
	}
	return m
}()

// ordinals are the skeletons of the endings of ordinal numbers: "3-й",
// "3-ші", "3rd".
var ordinals = func() map[string]bool {
	m := make(map[string]bool)
	for _, s := range []string{"й", "ий", "ый", "ой", "ші", "шы", "інші", "ыншы", "st", "nd", "rd", "th"} {
		m[skeleton(s)] = true
	}
	return m
}()

// dropUnits removes the units from q's tokens, and keeps the number of the
// first building part in q.building. A building part after a flat or an
// office is not the house's: "кв. 5, к. 2" is a room. What stood between
// the tokens kept is the strongest separator of the run, as in
// words.split.
func (q *query) dropUnits() {
	q.building = ""
	out, nums, pend, inside := 0, 0, sepGlued, false
	for i := 0; i < len(q.list); {
		t := q.list[i]
		if nums > 0 && !t.num {
			u, num, n := q.unitAt(i) // "кв 5": the word, then its number
			if u == unitNone {
				if k := q.numberBefore(out, i); k >= 0 { // "5 пәтер"
					u, num, n = unitWords[string(q.skel(i))], k, 1
					pend = max(pend, q.list[k].sep)
					out, nums = k, nums-1
				}
			}
			if u != unitNone {
				if d := q.list[num]; u == unitBuilding && !inside && q.building == "" && d.rawEnd-d.rawOff <= 3 {
					q.building = q.text[d.rawOff:d.rawEnd] // as "/" allows in core.ParseHouse
				}
				inside = inside || u == unitInside
				pend = max(pend, t.sep)
				i += n
				continue
			}
		}
		t.sep = max(t.sep, pend)
		pend = sepGlued
		if t.num {
			nums++
		}
		q.list[out] = t
		out++
		i++
	}
	q.list = q.list[:out]
}

// unitAt reports whether a unit word followed by its number starts at
// token i: what it names, where its number is, and how many tokens the
// unit spans. The number may carry a letter or a part of its own: "кв 5а",
// "оф. 3/1".
func (q *query) unitAt(i int) (u unit, num, n int) {
	u = unitWords[string(q.skel(i))]
	if u == unitNone || i+1 >= len(q.list) {
		return unitNone, 0, 0
	}
	if t := q.list[i+1]; !t.num || t.sep > sepSpace {
		return unitNone, 0, 0
	}
	end := i + 2
	if end < len(q.list) {
		t := q.list[end]
		// A letter that starts the next unit ("кв5к2") is not this number's.
		letter := t.single && t.sep <= sepHyphen && !(end+1 < len(q.list) && q.list[end+1].num && unitWords[string(q.skel(end))] != unitNone)
		if letter || t.num && t.sep == sepSlash {
			end++
		}
	}
	return u, i + 1, end - i
}

// numberBefore reports whether token i is a unit word whose number came
// before it, as the kept tokens q.list[:out] end: the number's index in
// them, or -1. A number before that one, the house, is required. One
// letter is no such word, nor is a type word.
func (q *query) numberBefore(out, i int) int {
	t := q.list[i]
	if t.single || t.sep > sepSpace || unitWords[string(q.skel(i))] == unitNone {
		return -1 // "15к" is a lettered house
	}
	if _, isType := typeWords[string(q.skel(i))]; isType {
		return -1 // "8 Marta 5 str" is a street
	}
	k := out - 1
	if k > 0 && q.list[k].sep <= sepHyphen && q.list[k-1].num && ordinals[string(q.skel(k))] {
		k-- // "3-ші қабат"
	}
	if k < 1 || !q.list[k].num {
		return -1
	}
	for _, t := range q.list[:k] {
		if t.num {
			return k
		}
	}
	return -1
}
