package locate

import "github.com/beatbot-kz/beatbot/core"

// maxQuery is the longest text, in bytes, read as an address: about 200
// Cyrillic letters. A longer message is a story, not an address.
const maxQuery = 400

// query is a resident's address text taken apart into a street and a house.
//
// Flats, offices, entrances and floors are dropped first, and a building
// part ("корп. 2") is kept for the house (units.go). The house is then the
// last number of the text, with what may belong to it: a letter ("12а",
// "12 а", "12-a"), a building part ("12/1"), and a house word before or
// after ("д. 12", "12 үй"). A number hyphenated to a word is part of the
// name ("Степной-2"), and so is a number next to nothing but type words
// ("микрорайон 23", "23 мкр"). A number hyphenated to the house is a flat
// ("Ерубаева 12-5"), unless the two numbers may be a name and a house
// ("Степной 2-15", tried second; "мкр 23-5"). If the last comma-separated
// part is a house alone, the street is the part before it ("мкр Степной-2,
// 15"); otherwise the street is in the last part ("Алматы, Ерубаева 12").
type query struct {
	words
	key      []byte // the street's key
	alt      []byte // the key with a bare house number read as part of the name, or empty
	kind     kind   // what the type words named, if any
	house    core.House
	hasHouse bool
	// altHouse is the house if alt is the street: after "Степной 2-15",
	// 15; otherwise none.
	altHouse    core.House
	altHasHouse bool
	building    string      // the number of a building part: "2" of "корп. 2"
	found       []candidate // scratch for Address
}

// parse fills q from text.
func (q *query) parse(text string) {
	q.split(text)
	q.dropUnits()
	from, end := q.lastPart(len(q.list)), len(q.list)
	to := q.flatAt(from, end)
	hFrom, hTo, bare := q.findHouse(from, to)
	if hFrom == from && hTo == to && from > 0 {
		// A house alone after a comma: the street is the part before.
		from, to = q.lastPart(from), from
		hFrom, hTo, bare = to, to, false
	}
	if bare && q.onlyTypes(from, to, hFrom, hTo) {
		// "микрорайон 23": the number is the name.
		q.hasHouse, q.house = false, core.House{}
		hFrom, hTo = to, to
	}
	q.key, q.kind = q.appendKey(q.key[:0], from, to, hFrom, hTo)
	// alt keeps its buffer: emptied, not nil, it allocates once per query
	// in the pool rather than once per address.
	q.alt, q.altHouse, q.altHasHouse = q.alt[:0], core.House{}, false
	if bare && q.hasHouse {
		q.alt, _ = q.appendKey(q.alt[:0], from, to, to, to)
		if to < end {
			h, err := core.ParseHouse(q.text[q.list[to].rawOff:q.list[end-1].rawEnd])
			q.altHouse, q.altHasHouse = h, err == nil
		}
	}
	if q.hasHouse && q.house.Suffix == "" && q.building != "" {
		q.house.Suffix = "/" + q.building
	}
}

// flatAt returns where a flat hyphenated to the house ends the tokens
// [from, to): the "5" of "12-5", "12а-5", "12/1-5а", or to if there is none.
// The number before the hyphen must be able to be the house: not
// hyphenated to a word ("Степной-2-15"), nor after type words alone ("мкр
// 23-5", where 23 is the name and 5 the house).
func (q *query) flatAt(from, to int) int {
	m := to - 1
	if m > from && q.list[m].single && q.list[m].sep == sepGlued {
		m-- // "5а"
	}
	if m <= from || !q.list[m].num || q.list[m].sep != sepHyphen {
		return to
	}
	n := m - 1
	if t := q.list[n]; n > from && q.list[n-1].num && (t.single && t.sep <= sepHyphen || t.num && t.sep == sepSlash) {
		n-- // "12а", "12/1"
	}
	switch t := q.list[n]; {
	case !t.num,
		n > from && t.sep == sepHyphen && !q.list[n-1].num,
		n > from && q.onlyTypes(from, n, n, n):
		return to
	}
	return m
}

// lastPart returns where the last comma-separated part before token to
// starts.
func (q *query) lastPart(to int) int {
	from := to - 1
	for from > 0 && q.list[from].sep != sepComma {
		from--
	}
	return max(from, 0)
}

// findHouse finds the house among the tokens [from, to), sets q.house and
// q.hasHouse, and returns the tokens it spans, or [to, to) if there is no
// number. bare reports a plain number with nothing around it, which might
// be part of the street's name instead.
func (q *query) findHouse(from, to int) (hFrom, hTo int, bare bool) {
	q.hasHouse, q.house = false, core.House{}
	n := to - 1
	for ; n >= from; n-- {
		t := q.list[n]
		glued := n > from && (t.sep == sepHyphen && !q.list[n-1].num || t.sep == sepSlash && q.list[n-1].num)
		if t.num && !glued {
			break
		}
	}
	if n < from {
		return to, to, false
	}
	hFrom, hTo, last := n, n+1, n
	if hTo < to {
		switch t := q.list[hTo]; {
		case t.num && t.sep == sepSlash, t.single && t.sep <= sepSpace:
			hTo, last = hTo+1, hTo
		}
	}
	h, err := core.ParseHouse(q.text[q.list[n].rawOff:q.list[last].rawEnd])
	if err != nil && last != n {
		// "12.ş": keep the number, drop what cannot be a house letter.
		hTo, last = n+1, n
		h, err = core.ParseHouse(q.text[q.list[n].rawOff:q.list[n].rawEnd])
	}
	bare = last == n
	if hFrom > from && houseWords[string(q.skel(hFrom-1))] {
		hFrom, bare = hFrom-1, false
	}
	if hTo < to && houseWords[string(q.skel(hTo))] {
		hTo, bare = hTo+1, false
	}
	// A number that is no house ("0", "123456") is still where the house
	// is, and no part of the street's name.
	q.house, q.hasHouse = h, err == nil
	return hFrom, hTo, bare
}
