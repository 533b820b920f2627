package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// harness runs the command with args and the example city, and returns
// its JSON report. These tests check correctness, never speed.
func harness(t *testing.T, args ...string) report {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the bot binary")
	}
	out := filepath.Join(t.TempDir(), "report.json")
	var log bytes.Buffer
	args = append(args, "-config", "../../configs/example/city.yaml", "-json", out)
	if err := run(context.Background(), args, &log); err != nil {
		t.Fatalf("loadtest %v: %v\n%s", args, err, log.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var rep report
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s", log.String())
	return rep
}

// TestSmoke runs the harness briefly, as CI does: a few hundred
// conversations through the real bot binary, each with a report the
// inspectors take through to resolution, every answer received once.
func TestSmoke(t *testing.T) {
	rep := harness(t, "-residents", "200", "-concurrency", "50", "-notice", "300")
	want := 200 * len(conversations(true))
	if rep.Bot.Errors != 0 || rep.Bot.Updates != want || rep.Bot.ExtraReplies != 0 {
		t.Errorf("beatbot: %d updates answered, %d errors, %d extra replies; want %d and none",
			rep.Bot.Updates, rep.Bot.Errors, rep.Bot.ExtraReplies, want)
	}
	if rep.Bot.TicketsHandled != 200 {
		t.Errorf("inspectors handled %d tickets, want all 200", rep.Bot.TicketsHandled)
	}
	if rep.Bot.NoticeRate <= 0 || rep.Bot.NoticeLimit <= 0 {
		t.Errorf("notice rate %v against %v: not measured", rep.Bot.NoticeRate, rep.Bot.NoticeLimit)
	}
	if rep.Echo == nil || rep.Echo.Updates != want || rep.RatioToEcho <= 0 {
		t.Errorf("echo baseline %+v, ratio %v", rep.Echo, rep.RatioToEcho)
	}
}

// TestSmokeWithFaults runs the harness with the Bot API failing now and
// then (500s, 502s and dropped connections on getUpdates and sends, 429s
// and slow answers) and updates delivered twice: every update is still
// answered, and once.
func TestSmokeWithFaults(t *testing.T) {
	rep := harness(t, "-residents", "100", "-concurrency", "50", "-faults", "0.05", "-echo=false", "-notice", "0")
	if want := 100 * len(conversations(true)); rep.Bot.Errors != 0 || rep.Bot.Updates != want || rep.Bot.ExtraReplies != 0 {
		t.Errorf("under faults: %d updates answered, %d errors, %d extra replies; want %d and none",
			rep.Bot.Updates, rep.Bot.Errors, rep.Bot.ExtraReplies, want)
	}
}

// TestSmokeCrash kills the bot twice while residents report and a notice
// goes out: no ticket a resident was told about is lost, none is stored
// twice, each reaches its inspector, no conversation is stuck, and the
// notice reaches everyone, twice only within the in-flight bound.
func TestSmokeCrash(t *testing.T) {
	rep := harness(t, "-residents", "300", "-concurrency", "50", "-notice", "1000", "-kills", "2", "-kill-every", "1s")
	c := rep.Crash
	switch {
	case c == nil:
		t.Fatal("no crash report")
	case c.Kills != 2:
		t.Errorf("%d kills, want 2", c.Kills)
	case c.failed():
		t.Errorf("crash checks failed: %+v", c)
	case c.Told == 0 || c.Tickets < c.Told:
		t.Errorf("%d tickets stored, %d told: the run reported nothing", c.Tickets, c.Told)
	}
}
