package locate

import (
	"hash/maphash"
	"math/bits"
	"slices"
)

// maxTypos is how many typos a stem of n letters tolerates: one from four
// letters, two from nine. Shorter stems must be typed right: "Абай" with one
// typo is too close to other short names.
func maxTypos(n int) int {
	switch {
	case n >= 9:
		return 2
	case n >= 4:
		return 1
	}
	return 0
}

// prefixLen is how much of a stem the delete index covers. Longer stems are
// found by their prefix and then checked in full, which keeps a long name
// from adding hundreds of deletions (see deletes).
const prefixLen = 10

// deletes finds the stems within maxTypos of a word without comparing it to
// every stem, by symmetric deletion (Wolf Garbe's SymSpell): if two words
// are within d edits of each other, deleting at most d letters from each
// yields a common string, and this still holds for their first prefixLen
// letters. The index stores, for every stem, a hash of each string left by
// deleting up to two letters from its prefix; a lookup hashes the word's
// own deletions, and each stem found is then measured exactly.
//
// It is a static hash table: entries are grouped into buckets by the top
// bits of their hash, and each entry holds a stem's number in its low bits
// and low bits of the hash in the rest. A wrong match of those bits only
// costs a measurement.
type deletes struct {
	seed    maphash.Seed
	shift   uint     // 64 minus the bits of a hash that choose its bucket
	idMask  uint32   // the bits of an entry that hold a stem's number
	buckets []uint32 // entries of bucket b: entries[buckets[b]:buckets[b+1]]
	entries []uint32
}

// newDeletes indexes stems. It runs the deletions twice, to count and then
// to place them, rather than hold them all in memory twice.
func newDeletes(stems []string) deletes {
	ix := deletes{seed: maphash.MakeSeed()}
	ix.idMask = 1<<bits.Len(uint(len(stems))) - 1
	var w []byte
	var hs []uint64
	each := func(fn func(id int, h uint64)) {
		for id, s := range stems {
			w = append(w[:0], s...)
			hs = ix.hashes(hs[:0], w, indexTypos(len(w)))
			for _, h := range hs {
				fn(id, h)
			}
		}
	}
	// About eight entries a bucket: one or two cache lines to scan.
	total := 0
	for _, s := range stems {
		total += variants(min(len(s), prefixLen), indexTypos(len(s)))
	}
	ix.shift = uint(64 - max(bits.Len(uint(total/8)), 1))
	ix.buckets = make([]uint32, 1<<(64-ix.shift)+1)
	each(func(_ int, h uint64) { ix.buckets[h>>ix.shift+1]++ })
	for b := 1; b < len(ix.buckets); b++ {
		ix.buckets[b] += ix.buckets[b-1]
	}
	ix.entries = make([]uint32, ix.buckets[len(ix.buckets)-1])
	next := slices.Clone(ix.buckets)
	each(func(id int, h uint64) {
		ix.entries[next[h>>ix.shift]] = uint32(h)&^ix.idMask | uint32(id)
		next[h>>ix.shift]++
	})
	return ix
}

// indexTypos is how many deletions a stem of n letters needs in the index:
// as many typos as the longest word within reach of it may have.
func indexTypos(n int) int {
	for d := 2; d > 0; d-- {
		if maxTypos(n+d) >= d {
			return d
		}
	}
	return 0
}

// variants is how many strings deleting up to d ≤ 2 letters from n letters
// leaves, counting repeats: itself, n with one letter deleted, n(n-1)/2
// with two.
func variants(n, d int) int {
	return 1 + min(d, 1)*n + max(d-1, 0)*n*(n-1)/2
}

// maxVariants bounds the deletions of one prefix.
const maxVariants = 1 + prefixLen + prefixLen*(prefixLen-1)/2

// hashes appends the hashes of the strings left by deleting up to d letters
// from the prefix of w. Deleting either of two equal neighbours leaves the
// same string, so only the first is deleted; other repeats are rare and
// harmless.
func (ix *deletes) hashes(dst []uint64, w []byte, d int) []uint64 {
	w = w[:min(len(w), prefixLen)]
	dst = append(dst, maphash.Bytes(ix.seed, w))
	var one, two [prefixLen]byte
	for i := 0; d >= 1 && i < len(w); i++ {
		if i > 0 && w[i] == w[i-1] {
			continue
		}
		v := append(append(one[:0], w[:i]...), w[i+1:]...)
		dst = append(dst, maphash.Bytes(ix.seed, v))
		for j := i; d >= 2 && j < len(v); j++ {
			if j > i && v[j] == v[j-1] {
				continue
			}
			dst = append(dst, maphash.Bytes(ix.seed, append(append(two[:0], v[:j]...), v[j+1:]...)))
		}
	}
	return dst
}

// candidates appends to ids the stems whose prefix shares a deletion with
// the prefix of w, once each: every stem within d typos of w, and others.
func (ix *deletes) candidates(ids []int32, w []byte, d int) []int32 {
	var buf [maxVariants]uint64
	var spans [maxVariants][2]uint32
	// Read all the buckets' bounds first and then their entries: the reads
	// of each round are independent, so their cache misses overlap.
	hs := ix.hashes(buf[:0], w, d)
	for i, h := range hs {
		spans[i] = [2]uint32{ix.buckets[h>>ix.shift], ix.buckets[h>>ix.shift+1]}
	}
	for i, h := range hs {
		tag := uint32(h) &^ ix.idMask
		for _, e := range ix.entries[spans[i][0]:spans[i][1]] {
			if id := int32(e & ix.idMask); e&^ix.idMask == tag && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// pattern measures the distance from one word to many, with Hyyrö's
// bit-parallel algorithm for the optimal string alignment distance
// (Damerau–Levenshtein where a swap of neighbours is one typo and no letter
// is edited twice): a column of the edit matrix is two bit vectors, and a
// letter of the other word updates it in a dozen word operations.
type pattern struct {
	eq [256]uint64 // eq[c]: bit i set where the word has letter c
	n  int
}

// maxPattern is the longest word a pattern holds: one bit per letter.
const maxPattern = 64

// newPattern prepares w, which must have at most maxPattern letters.
func newPattern(w []byte) *pattern {
	p := &pattern{n: len(w)}
	for i, c := range w {
		p.eq[c] |= 1 << i
	}
	return p
}

// distance returns the distance from the pattern's word to b, or limit+1
// if it is greater than limit.
func (p *pattern) distance(b string, limit int) int {
	if p.n-len(b) > limit || len(b)-p.n > limit {
		return limit + 1
	}
	if p.n == 0 {
		return len(b)
	}
	last := uint64(1) << (p.n - 1)
	vp, vn, d0, prevEq := ^uint64(0), uint64(0), uint64(0), uint64(0)
	dist := p.n
	for i := 0; i < len(b); i++ {
		eq := p.eq[b[i]]
		swap := (^d0 & eq) << 1 & prevEq
		d0 = ((eq & vp) + vp) ^ vp | eq | vn | swap
		hp, hn := vn|^(d0|vp), d0&vp
		switch {
		case hp&last != 0:
			dist++
		case hn&last != 0:
			dist--
		}
		hp, hn = hp<<1|1, hn<<1
		vp, vn = hn|^(d0|hp), hp&d0
		prevEq = eq
	}
	return min(dist, limit+1)
}
