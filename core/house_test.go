package core_test

import (
	"errors"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
)

func TestParseHouse(t *testing.T) {
	tests := []struct {
		in   string
		want core.House
		err  bool
	}{
		{in: "12", want: core.House{Number: 12}},
		{in: " 12 ", want: core.House{Number: 12}},
		{in: "012", want: core.House{Number: 12}},
		{in: "12А", want: core.House{Number: 12, Suffix: "а"}},
		{in: "12а", want: core.House{Number: 12, Suffix: "а"}},
		{in: "12 а", want: core.House{Number: 12, Suffix: "а"}},
		{in: "12-а", want: core.House{Number: 12, Suffix: "а"}},
		{in: "12a", want: core.House{Number: 12, Suffix: "а"}}, // Latin a is Cyrillic а
		{in: "12B", want: core.House{Number: 12, Suffix: "б"}}, // and Latin b is б
		{in: "12ә", want: core.House{Number: 12, Suffix: "ә"}}, // Kazakh letters are letters too
		{in: "12/1", want: core.House{Number: 12, Suffix: "/1"}},
		{in: "12 / 1", want: core.House{Number: 12, Suffix: "/1"}},
		{in: "99999", want: core.House{Number: 99999}},
		{in: "", err: true},
		{in: "а12", err: true},
		{in: "0", err: true},
		{in: "123456", err: true},
		{in: "12аб", err: true},
		{in: "12/", err: true},
		{in: "12/а", err: true},
		{in: "12/1234", err: true},
		{in: "12z", err: true}, // a Latin letter with no Cyrillic twin
		{in: "12!", err: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := core.ParseHouse(tt.in)
			if tt.err {
				if !errors.Is(err, core.ErrHouse) {
					t.Errorf("ParseHouse(%q) = %v, %v; want ErrHouse", tt.in, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseHouse(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestHouseString(t *testing.T) {
	tests := []struct {
		h    core.House
		want string
	}{
		{core.House{Number: 12}, "12"},
		{core.House{Number: 12, Suffix: "а"}, "12А"},
		{core.House{Number: 12, Suffix: "/1"}, "12/1"},
	}
	for _, tt := range tests {
		if got := tt.h.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.h, got, tt.want)
		}
	}
}

func TestParseHouseRange(t *testing.T) {
	tests := []struct {
		in   string
		want core.HouseRange
		err  bool
	}{
		{in: "12", want: core.HouseRange{From: 12, To: 12}},
		{in: "12А", want: core.HouseRange{From: 12, To: 12, Suffix: "а"}},
		{in: "1-35", want: core.HouseRange{From: 1, To: 35}},
		{in: "1-35 odd", want: core.HouseRange{From: 1, To: 35, Parity: core.OddHouses}},
		{in: "2-40 EVEN", want: core.HouseRange{From: 2, To: 40, Parity: core.EvenHouses}},
		{in: "", err: true},
		{in: "35-1", err: true},
		{in: "0-5", err: true},
		{in: "1-35 even", err: true},
		{in: "2-40 odd", err: true},
		{in: "1-35 all", err: true},
		{in: "12 odd", err: true},
		{in: "1-2-3", err: true},
		{in: "1-35 odd x", err: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := core.ParseHouseRange(tt.in)
			if tt.err {
				if !errors.Is(err, core.ErrHouse) {
					t.Errorf("ParseHouseRange(%q) = %v, %v; want ErrHouse", tt.in, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseHouseRange(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
			if back, err := core.ParseHouseRange(got.String()); err != nil || back != got {
				t.Errorf("ParseHouseRange(%q.String() = %q) = %v, %v; want it back", tt.in, got.String(), back, err)
			}
		})
	}
}

func TestHouseRangeContains(t *testing.T) {
	odd := core.HouseRange{From: 1, To: 35, Parity: core.OddHouses}
	even := core.HouseRange{From: 2, To: 40, Parity: core.EvenHouses}
	all := core.HouseRange{From: 10, To: 20}
	single := core.HouseRange{From: 12, To: 12, Suffix: "а"}
	tests := []struct {
		name string
		r    core.HouseRange
		h    core.House
		want bool
	}{
		{"odd in odd range", odd, core.House{Number: 13}, true},
		{"even in odd range", odd, core.House{Number: 12}, false},
		{"odd range end", odd, core.House{Number: 35}, true},
		{"past the end", odd, core.House{Number: 37}, false},
		{"even in even range", even, core.House{Number: 40}, true},
		{"odd in even range", even, core.House{Number: 3}, false},
		{"lettered house follows its number", even, core.House{Number: 12, Suffix: "а"}, true},
		{"split house follows its number", odd, core.House{Number: 13, Suffix: "/2"}, true},
		{"any parity", all, core.House{Number: 15}, true},
		{"before the start", all, core.House{Number: 9}, false},
		{"the lettered house itself", single, core.House{Number: 12, Suffix: "а"}, true},
		{"not its plain number", single, core.House{Number: 12}, false},
		{"not another letter", single, core.House{Number: 12, Suffix: "б"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.Contains(tt.h); got != tt.want {
				t.Errorf("%v.Contains(%v) = %v, want %v", tt.r, tt.h, got, tt.want)
			}
		})
	}
}
