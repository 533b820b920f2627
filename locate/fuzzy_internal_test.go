package locate

// Internal tests: the typo index promises to miss nothing, which the public
// API cannot show without a brute-force reference to compare with.

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// osa is the textbook dynamic programme for the optimal string alignment
// distance, the reference for pattern.distance.
func osa(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// randomWord draws from few letters, so that words are often near each
// other, and up to past prefixLen, so that prefixes matter.
func randomWord(rng *rand.Rand) string {
	b := make([]byte, rng.IntN(prefixLen+6))
	for i := range b {
		b[i] = "abcd"[rng.IntN(4)]
	}
	return string(b)
}

// mutate makes up to three random edits to w.
func mutate(rng *rand.Rand, w string) string {
	b := []byte(w)
	for range rng.IntN(4) {
		i := rng.IntN(len(b) + 1)
		switch op := rng.IntN(4); {
		case op == 0 || len(b) == 0 || i == len(b):
			b = slices.Insert(b, i, "abcde"[rng.IntN(5)])
		case op == 1:
			b = slices.Delete(b, i, i+1)
		case op == 2:
			b[i] = "abcde"[rng.IntN(5)]
		case i+1 < len(b):
			b[i], b[i+1] = b[i+1], b[i]
		}
	}
	return string(b)
}

func TestPatternDistance(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 100_000 {
		a := randomWord(rng)
		b := mutate(rng, a)
		if rng.IntN(4) == 0 {
			b = randomWord(rng)
		}
		for limit := range 4 {
			want := min(osa(a, b), limit+1)
			if got := newPattern([]byte(a)).distance(b, limit); got != want {
				t.Fatalf("distance(%q, %q, %d) = %d, want %d", a, b, limit, got, want)
			}
		}
	}
}

func TestDeletesMissesNothing(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var stems []string
	for range 3000 {
		stems = append(stems, randomWord(rng))
	}
	ix := newDeletes(stems)
	for range 3000 {
		q := mutate(rng, stems[rng.IntN(len(stems))])
		d := maxTypos(len(q))
		found := ix.candidates(nil, []byte(q), d)
		p := newPattern([]byte(q)) // as good as osa, see TestPatternDistance
		for id, s := range stems {
			if p.distance(s, d) <= d && !slices.Contains(found, int32(id)) {
				t.Fatalf("candidates(%q, %d) misses %q at distance %d", q, d, s, osa(q, s))
			}
		}
	}
}
