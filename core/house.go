package core

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// House is a house number as residents write it: 12, 12А, 12/1.
type House struct {
	Number int
	// Suffix is the normalised part after the number: a lower-case Cyrillic
	// letter ("а") or a building part ("/1"). Empty for a plain number.
	Suffix string
}

// String formats h the way Kazakh addresses print it: "12А", "12/1".
func (h House) String() string {
	return strconv.Itoa(h.Number) + strings.ToUpper(h.Suffix)
}

// latinToCyrillic maps Latin letters residents type for Cyrillic house
// letters: "12a" means "12А".
var latinToCyrillic = map[rune]rune{
	'a': 'а', 'b': 'б', 'v': 'в', 'g': 'г', 'd': 'д', 'e': 'е', 'k': 'к',
}

// ParseHouse parses a house number such as "12", "12А", "12 а", "12-a" or
// "12/1". It returns ErrHouse for anything else.
func ParseHouse(s string) (House, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 5 {
		return House{}, &HouseError{Input: s}
	}
	n, _ := strconv.Atoi(s[:i])
	if n == 0 {
		return House{}, &HouseError{Input: s}
	}
	rest := strings.TrimLeft(s[i:], " -")
	h := House{Number: n}
	switch {
	case rest == "":
	case strings.HasPrefix(rest, "/"):
		part := strings.TrimSpace(rest[1:])
		if _, err := strconv.Atoi(part); err != nil || part == "" || len(part) > 3 {
			return House{}, &HouseError{Input: s}
		}
		h.Suffix = "/" + part
	default:
		r := []rune(rest)
		if len(r) != 1 || !unicode.IsLetter(r[0]) {
			return House{}, &HouseError{Input: s}
		}
		if c, ok := latinToCyrillic[r[0]]; ok {
			r[0] = c
		}
		if !unicode.Is(unicode.Cyrillic, r[0]) {
			return House{}, &HouseError{Input: s}
		}
		h.Suffix = string(r[0])
	}
	return h, nil
}

// Parity restricts a house range to one side of the street.
type Parity uint8

// Parities of a house range.
const (
	AllHouses Parity = iota
	OddHouses
	EvenHouses
)

// HouseRange is a set of houses on one street: "1-35", "2-40 even",
// "1-35 odd", or a single house such as "12А".
type HouseRange struct {
	From, To int
	Parity   Parity
	// Suffix is set for a single lettered house ("12А"): only that exact
	// house matches, not 12 or 12Б.
	Suffix string
}

// ParseHouseRange parses the configuration syntax for house ranges:
// "N", "NА", "N/M", "N-M", "N-M odd" and "N-M even".
func ParseHouseRange(s string) (HouseRange, error) {
	fields := strings.Fields(strings.ToLower(s))
	if len(fields) == 0 || len(fields) > 2 {
		return HouseRange{}, &HouseError{Input: s, Range: true, Reason: "want N, NА, N-M, N-M odd or N-M even"}
	}
	from, to, isRange := strings.Cut(fields[0], "-")
	if !isRange {
		if len(fields) != 1 {
			return HouseRange{}, &HouseError{Input: s, Range: true, Reason: "odd/even needs a range N-M"}
		}
		h, err := ParseHouse(fields[0])
		if err != nil {
			return HouseRange{}, &HouseError{Input: s, Range: true}
		}
		return HouseRange{From: h.Number, To: h.Number, Suffix: h.Suffix}, nil
	}
	lo, err1 := strconv.Atoi(from)
	hi, err2 := strconv.Atoi(to)
	if err1 != nil || err2 != nil || lo <= 0 || hi < lo {
		return HouseRange{}, &HouseError{Input: s, Range: true, Reason: "want N-M with 0 < N <= M"}
	}
	r := HouseRange{From: lo, To: hi}
	if len(fields) == 2 {
		switch fields[1] {
		case "odd":
			r.Parity = OddHouses
		case "even":
			r.Parity = EvenHouses
		default:
			return HouseRange{}, &HouseError{Input: s, Range: true, Reason: fmt.Sprintf("%q is not odd or even", fields[1])}
		}
		if r.Parity == OddHouses && (lo%2 == 0 || hi%2 == 0) || r.Parity == EvenHouses && (lo%2 == 1 || hi%2 == 1) {
			return HouseRange{}, &HouseError{Input: s, Range: true, Reason: "ends do not match the parity"}
		}
	}
	return r, nil
}

// Contains reports whether h is one of the houses in r. A lettered or
// split house (12А, 12/1) belongs to the range its number belongs to.
func (r HouseRange) Contains(h House) bool {
	if h.Number < r.From || h.Number > r.To {
		return false
	}
	if r.Suffix != "" {
		return h.Suffix == r.Suffix
	}
	switch r.Parity {
	case OddHouses:
		return h.Number%2 == 1
	case EvenHouses:
		return h.Number%2 == 0
	}
	return true
}

// String formats r in the configuration syntax.
func (r HouseRange) String() string {
	if r.From == r.To && r.Parity == AllHouses {
		return House{Number: r.From, Suffix: r.Suffix}.String()
	}
	s := strconv.Itoa(r.From) + "-" + strconv.Itoa(r.To)
	switch r.Parity {
	case OddHouses:
		s += " odd"
	case EvenHouses:
		s += " even"
	}
	return s
}
