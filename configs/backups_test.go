package configs_test

import (
	"testing"

	"github.com/beatbot-kz/beatbot/core"
)

// TestBackups checks that scheduled backups are off without the section,
// and that a dir alone takes the documented defaults.
func TestBackups(t *testing.T) {
	tests := []struct {
		file string
		want core.Backups
	}{
		{"valid.yaml", core.Backups{}},
		{"backups_defaults.yaml", core.Backups{Dir: "backups", Schedule: "0 3 * * *", Keep: 7}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			if got := loadQuietly(t, tt.file).Backups; got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestExampleCityBacksUp: the example, which the Docker image runs, keeps
// a week of daily backups.
func TestExampleCityBacksUp(t *testing.T) {
	want := core.Backups{Dir: "backups", Schedule: "0 3 * * *", Keep: 7}
	if got := exampleCity(t).Backups; got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
