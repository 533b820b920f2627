package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestSmoke runs the harness briefly, as CI does: a few hundred
// conversations through the real bot binary, every answer received.
// It checks correctness, never speed.
func TestSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the bot binary")
	}
	out := filepath.Join(t.TempDir(), "report.json")
	var log bytes.Buffer
	args := []string{"-residents", "200", "-concurrency", "50", "-config", "../../configs/example/city.yaml", "-json", out}
	if err := run(context.Background(), args, &log); err != nil {
		t.Fatalf("loadtest: %v\n%s", err, log.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var rep report
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	want := 200 * len(conversation)
	if rep.Bot.Errors != 0 || rep.Bot.Updates != want || rep.Bot.ExtraReplies != 0 {
		t.Errorf("beatbot: %d updates answered, %d errors, %d extra replies; want %d and none\n%s",
			rep.Bot.Updates, rep.Bot.Errors, rep.Bot.ExtraReplies, want, log.String())
	}
	if rep.Echo == nil || rep.Echo.Updates != want || rep.RatioToEcho <= 0 {
		t.Errorf("echo baseline %+v, ratio %v", rep.Echo, rep.RatioToEcho)
	}
}

// TestSmokeWithFaults runs the harness with the Bot API failing now and
// then (502s on getUpdates, 429s on sends, slow answers) and updates
// delivered twice: every update is still answered, and once.
func TestSmokeWithFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the bot binary")
	}
	out := filepath.Join(t.TempDir(), "report.json")
	var log bytes.Buffer
	args := []string{"-residents", "100", "-concurrency", "50", "-faults", "0.05", "-echo=false",
		"-config", "../../configs/example/city.yaml", "-json", out}
	if err := run(context.Background(), args, &log); err != nil {
		t.Fatalf("loadtest: %v\n%s", err, log.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var rep report
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	if want := 100 * len(conversation); rep.Bot.Errors != 0 || rep.Bot.Updates != want || rep.Bot.ExtraReplies != 0 {
		t.Errorf("under faults: %d updates answered, %d errors, %d extra replies; want %d and none\n%s",
			rep.Bot.Updates, rep.Bot.Errors, rep.Bot.ExtraReplies, want, log.String())
	}
}
