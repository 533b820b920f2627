package locate_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locate"
)

// Benchmarks run on the national directory (national_test.go). Targets on
// one core: a point in 5 µs, an address in 20 µs, the index in 2 s:
//
//	go test ./locate -run '^$' -bench . -benchtime 2s -cpu 1

func nationalIndex(b *testing.B) *locate.Index {
	b.Helper()
	ix, err := locate.New(nationalCity())
	if err != nil {
		b.Fatal(err)
	}
	return ix
}

func BenchmarkBuildIndex(b *testing.B) {
	city := nationalCity()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := locate.New(city); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(retained(func() any { ix, _ := locate.New(city); return ix }))/(1<<20), "index-MB")
	b.ReportMetric(float64(city.AddressCount()), "ranges")
}

// retained returns the heap bytes that what build returns keeps alive.
func retained(build func() any) int64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	return int64(after.HeapAlloc) - int64(before.HeapAlloc)
}

func BenchmarkLocatePoint(b *testing.B) {
	ix := nationalIndex(b)
	rng := rand.New(rand.NewPCG(1, 2))
	points := make([]core.Point, natPoints)
	for i := range points {
		points[i] = core.Point{Lat: natSouth + rng.Float64()*(natNorth-natSouth), Lon: natWest + rng.Float64()*(natEast-natWest)}
	}
	b.ReportAllocs()
	found, i := 0, 0
	for b.Loop() {
		if ix.District(points[i%len(points)]) != nil {
			found++
		}
		i++
	}
	if found != i {
		b.Fatalf("%d of %d points found a district; the districts tile the box", found, i)
	}
}

func BenchmarkLocateAddress(b *testing.B) {
	ix := nationalIndex(b)
	queries := nationalQueries()
	for _, kind := range []string{"mixed", "exact", "typed", "latin", "typo"} {
		b.Run(kind, func(b *testing.B) {
			var qs []string
			for i, q := range queries {
				if kind == "mixed" || queryKinds[i%len(queryKinds)] == kind {
					qs = append(qs, q)
				}
			}
			b.ReportAllocs()
			found, i := 0, 0
			for b.Loop() {
				if len(ix.Address(qs[i%len(qs)]).Matches) > 0 {
					found++
				}
				i++
			}
			b.ReportMetric(float64(found)/float64(i), "found/op")
		})
	}
}

// queryKinds are the kinds of nationalQueries, in turn.
var queryKinds = []string{"exact", "typed", "latin", "typo"}

// nationalQueries returns addresses as residents type them: the name alone,
// with type and house words, in Latin letters, and with a typo.
func nationalQueries() []string {
	city := nationalCity()
	rng := rand.New(rand.NewPCG(3, 4))
	var qs []string
	for i := range natQueries {
		s := city.Streets[rng.IntN(len(city.Streets))]
		name := strings.TrimPrefix(strings.TrimPrefix(s.Name[core.Russian], "улица "), "мкр. ")
		house := 1 + rng.IntN(natRangesPerStreet*10)
		switch queryKinds[i%len(queryKinds)] {
		case "exact":
			qs = append(qs, fmt.Sprintf("%s %d", name, house))
		case "typed":
			qs = append(qs, fmt.Sprintf("%s, д. %d", s.Name[core.Russian], house))
		case "latin":
			qs = append(qs, fmt.Sprintf("%s %d", latin(s.Name[core.Kazakh]), house))
		case "typo":
			qs = append(qs, fmt.Sprintf("%s %d", typo(rng, name), house))
		}
	}
	return qs
}

// latin spells Cyrillic the way a passport or a phone would, a scheme of
// its own rather than the package's.
func latin(s string) string {
	table := map[rune]string{
		'а': "a", 'ә': "ae", 'б': "b", 'в': "v", 'г': "g", 'ғ': "gh", 'д': "d", 'е': "e", 'ж': "zh",
		'з': "z", 'и': "i", 'й': "y", 'к': "k", 'қ': "q", 'л': "l", 'м': "m", 'н': "n", 'ң': "ng",
		'о': "o", 'ө': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ұ': "u", 'ү': "u",
		'ф': "f", 'х': "kh", 'һ': "h", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'ы': "y", 'і': "i",
		'э': "e", 'ю': "yu", 'я': "ya",
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if t, ok := table[r]; ok {
			b.WriteString(t)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// typo makes one typo in the middle of name: a letter changed, dropped or
// swapped with the next.
func typo(rng *rand.Rand, name string) string {
	r := []rune(name)
	i := 1 + rng.IntN(len(r)-3)
	switch rng.IntN(3) {
	case 0:
		r[i] = []rune("аоеиу")[rng.IntN(5)]
	case 1:
		r = append(r[:i], r[i+1:]...)
	default:
		r[i], r[i+1] = r[i+1], r[i]
	}
	return string(r)
}
