package locate

import (
	"slices"
	"strings"

	"github.com/beatbot-kz/beatbot/core"
)

// Match ranks, best first. A street keeps its best rank over all its names.
const (
	rankKey  = iota // the key equals a name's key
	rankStem        // only the stems are equal: "Абай" for "Абая"; rankStem+d: d typos away
	// rankPrefix is a name that only starts with the key: "Степной" for
	// "Степной-2". It is looked for only when nothing matches exactly.
	rankPrefix = 16
)

// A prefix must be this long to be looked up, and may stand for at most
// maxPrefix names: "Степной" offering Степной-1 to Степной-4 helps, a
// fragment offering half the city does not.
const (
	minPrefix = 4
	maxPrefix = 8
)

// candidate is a street a query may mean.
type candidate struct {
	street int32
	rank   int8
}

// names finds streets by their names and aliases in every language. Each
// name is reduced to a key (see words.appendKey) and the key to a stem;
// names sharing a stem are listed together.
type names struct {
	ids     map[string]int32 // stem → its number
	stems   []string         // by number
	sorted  []int32          // stem numbers in the order of their stems, for prefix search
	start   []int32          // names of stem i: entries[start[i]:start[i+1]]
	entries []nameEntry
	kinds   []uint8 // by street: a bit for each kind its names mention
	typos   deletes
}

type nameEntry struct {
	key    string
	street int32
}

// newNames indexes the names and aliases of streets.
func newNames(streets []core.Street) names {
	count := 0
	for _, s := range streets {
		count += len(s.Name) + len(s.Aliases)
	}
	ns := names{ids: make(map[string]int32), kinds: make([]uint8, len(streets))}
	// The keys go into one string, not one allocation each.
	type named struct{ stem, street, keyOff, keyEnd int32 }
	all := make([]named, 0, count)
	var keys []byte
	var w words
	add := func(street int, name string) {
		if len(name) > maxQuery {
			return
		}
		w.split(name)
		off := len(keys)
		var k kind
		keys, k = w.appendKey(keys, 0, len(w.list), 0, 0)
		key := keys[off:]
		if len(key) == 0 {
			return
		}
		ns.kinds[street] |= 1 << k
		id, ok := ns.ids[string(stem(key))]
		if !ok {
			id = int32(len(ns.stems))
			ns.stems = append(ns.stems, string(stem(key)))
			ns.ids[ns.stems[id]] = id
		}
		all = append(all, named{id, int32(street), int32(off), int32(len(keys))})
	}
	for i, s := range streets {
		for _, name := range s.Name {
			add(i, name)
		}
		for _, name := range s.Aliases {
			add(i, name)
		}
	}
	// Group by stem. A name written alike in two languages is listed twice,
	// which costs less than looking for it.
	ns.start = make([]int32, len(ns.stems)+1)
	for _, n := range all {
		ns.start[n.stem+1]++
	}
	for i := 1; i < len(ns.start); i++ {
		ns.start[i] += ns.start[i-1]
	}
	ns.entries = make([]nameEntry, len(all))
	next := slices.Clone(ns.start)
	allKeys := string(keys)
	for _, n := range all {
		ns.entries[next[n.stem]] = nameEntry{allKeys[n.keyOff:n.keyEnd], n.street}
		next[n.stem]++
	}
	ns.sorted = make([]int32, len(ns.stems))
	for i := range ns.sorted {
		ns.sorted[i] = int32(i)
	}
	slices.SortFunc(ns.sorted, func(a, b int32) int { return strings.Compare(ns.stems[a], ns.stems[b]) })
	ns.typos = newDeletes(ns.stems)
	return ns
}

// exact appends the streets with a name whose stem is the stem of key.
func (ns *names) exact(dst []candidate, key []byte) []candidate {
	id, ok := ns.ids[string(stem(key))]
	if !ok {
		return dst
	}
	for _, e := range ns.entries[ns.start[id]:ns.start[id+1]] {
		r := int8(rankStem)
		if e.key == string(key) {
			r = rankKey
		}
		dst = append(dst, candidate{e.street, r})
	}
	return dst
}

// prefix appends the streets with a name whose stem starts with key, if
// key has at least minPrefix letters and at most maxPrefix stems start with
// it.
func (ns *names) prefix(dst []candidate, key []byte) []candidate {
	if len(key) < minPrefix {
		return dst
	}
	k := string(key)
	i, _ := slices.BinarySearchFunc(ns.sorted, k, func(id int32, k string) int { return strings.Compare(ns.stems[id], k) })
	j := i
	for j < len(ns.sorted) && strings.HasPrefix(ns.stems[ns.sorted[j]], k) {
		if j++; j-i > maxPrefix {
			return dst
		}
	}
	for _, id := range ns.sorted[i:j] {
		for _, e := range ns.entries[ns.start[id]:ns.start[id+1]] {
			dst = append(dst, candidate{e.street, rankPrefix})
		}
	}
	return dst
}

// typo appends the streets with a name whose stem is at most maxTypos away
// from the stem of key, and not equal to it.
func (ns *names) typo(dst []candidate, key []byte) []candidate {
	s := stem(key)
	d := maxTypos(len(s))
	if d == 0 || len(s) > maxPattern {
		return dst
	}
	p := newPattern(s)
	var buf [64]int32
	for _, id := range ns.typos.candidates(buf[:0], s, d) {
		dist := p.distance(ns.stems[id], d)
		if dist == 0 || dist > d {
			continue
		}
		for _, e := range ns.entries[ns.start[id]:ns.start[id+1]] {
			dst = append(dst, candidate{e.street, int8(rankStem + dist)})
		}
	}
	return dst
}
