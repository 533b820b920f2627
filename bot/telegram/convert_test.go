package telegram

import (
	"testing"
)

func TestLargestPhoto(t *testing.T) {
	tests := []struct {
		name  string
		sizes []photoSize
		want  string
	}{
		{"one", []photoSize{{FileID: "a", Width: 90, Height: 67}}, "a"},
		{"ascending", []photoSize{{FileID: "s", Width: 90, Height: 67}, {FileID: "m", Width: 320, Height: 240}, {FileID: "l", Width: 1280, Height: 960}}, "l"},
		{"largest first", []photoSize{{FileID: "l", Width: 1280, Height: 960}, {FileID: "s", Width: 90, Height: 67}}, "l"},
		{"by area, not width", []photoSize{{FileID: "tall", Width: 600, Height: 1280}, {FileID: "wide", Width: 800, Height: 600}}, "tall"},
		{"no dimensions: last", []photoSize{{FileID: "x"}, {FileID: "y"}, {FileID: "z"}}, "z"},
		{"tie: later", []photoSize{{FileID: "x", Width: 10, Height: 10}, {FileID: "y", Width: 10, Height: 10}, {FileID: "s", Width: 5, Height: 5}}, "y"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := largestPhoto(tt.sizes).FileID; got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
