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

// fixedUpdates counts the updates of a conversation but its poll's
// answers, which vary with the questions its skips lead to.
func fixedUpdates() int { return len(conversations(true, true)) - 1 }

// TestSmoke runs the harness briefly, as CI does: a few hundred
// conversations through the real bot binary, each with a report the
// inspectors take through to resolution and a poll answered to its end,
// every answer received once.
func TestSmoke(t *testing.T) {
	rep := harness(t, "-residents", "200", "-concurrency", "50", "-notice", "300")
	if min := 200 * (fixedUpdates() + 10); rep.Bot.Errors != 0 || rep.Bot.Updates < min || rep.Bot.ExtraReplies != 0 {
		t.Errorf("beatbot: %d updates answered, %d errors, %d extra replies; want at least %d and none",
			rep.Bot.Updates, rep.Bot.Errors, rep.Bot.ExtraReplies, min)
	}
	if rep.Bot.TicketsHandled != 200 || rep.Bot.PollsTaken != 200 {
		t.Errorf("inspectors handled %d tickets and %d residents finished the poll, want all 200 of each", rep.Bot.TicketsHandled, rep.Bot.PollsTaken)
	}
	if rep.Bot.NoticeRate <= 0 || rep.Bot.NoticeLimit <= 0 {
		t.Errorf("notice rate %v against %v: not measured", rep.Bot.NoticeRate, rep.Bot.NoticeLimit)
	}
	if rep.Echo == nil || rep.Echo.Updates < 200*fixedUpdates() || rep.RatioToEcho <= 0 {
		t.Errorf("echo baseline %+v, ratio %v", rep.Echo, rep.RatioToEcho)
	}
}

// TestSmokeWithFaults runs the harness with the Bot API failing now and
// then (500s, 502s and dropped connections on getUpdates and sends, 429s
// and slow answers) and updates delivered twice: every update is still
// answered, and once, and every ticket taken through by its inspector.
func TestSmokeWithFaults(t *testing.T) {
	rep := harness(t, "-residents", "100", "-concurrency", "50", "-faults", "0.05", "-echo=false", "-notice", "0")
	if min := 100 * (fixedUpdates() + 10); rep.Bot.Errors != 0 || rep.Bot.Updates < min || rep.Bot.ExtraReplies != 0 || rep.Bot.PollsTaken != 100 {
		t.Errorf("under faults: %d updates answered, %d errors, %d extra replies, %d polls finished; want at least %d, none, none and 100",
			rep.Bot.Updates, rep.Bot.Errors, rep.Bot.ExtraReplies, rep.Bot.PollsTaken, min)
	}
	// Every card reaches its inspector, however long the outbox retries.
	if rep.Bot.TicketsHandled != 100 {
		t.Errorf("under faults the inspectors handled %d tickets, want all 100", rep.Bot.TicketsHandled)
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
