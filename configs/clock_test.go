package configs

import (
	"os"
	"testing"
	"time"
)

// TestMain runs the tests on a fixed day, 1 June 2026, so that a poll that
// closes later, the example's among them, never turns into one that "closed
// already" as the years pass.
func TestMain(m *testing.M) {
	now = func() time.Time { return time.Date(2026, time.June, 1, 0, 0, 0, 0, time.UTC) }
	os.Exit(m.Run())
}
