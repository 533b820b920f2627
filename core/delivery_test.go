package core_test

import (
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

func TestQuietHours(t *testing.T) {
	almaty, err := time.LoadLocation("Asia/Almaty")
	if err != nil {
		t.Fatal(err)
	}
	at := func(day, h, m int) time.Time { return time.Date(2026, 11, day, h, m, 0, 0, almaty) }
	night := core.QuietHours{From: 22 * time.Hour, To: 8 * time.Hour}
	lunch := core.QuietHours{From: 13 * time.Hour, To: 14 * time.Hour}
	tests := []struct {
		name   string
		q      core.QuietHours
		t      time.Time
		quiet  bool
		endsAt time.Time
	}{
		{"evening before", night, at(25, 21, 59), false, at(25, 21, 59)},
		{"start", night, at(25, 22, 0), true, at(26, 8, 0)},
		{"after midnight", night, at(26, 3, 30), true, at(26, 8, 0)},
		{"end", night, at(26, 8, 0), false, at(26, 8, 0)},
		{"same-day window", lunch, at(25, 13, 30), true, at(25, 14, 0)},
		{"outside same-day window", lunch, at(25, 12, 0), false, at(25, 12, 0)},
		{"no window", core.QuietHours{}, at(25, 23, 0), false, at(25, 23, 0)},
		{"utc input", night, time.Date(2026, 11, 25, 17, 30, 0, 0, time.UTC).In(almaty), true, at(26, 8, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.q.Contains(tt.t); got != tt.quiet {
				t.Errorf("Contains(%s) = %v, want %v", tt.t, got, tt.quiet)
			}
			if got := tt.q.End(tt.t); !got.Equal(tt.endsAt) {
				t.Errorf("End(%s) = %s, want %s", tt.t, got, tt.endsAt)
			}
		})
	}
}
