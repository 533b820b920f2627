// Command loadtest measures the bot under load: it runs the real beatbot
// binary against the project's Bot API emulator, plays many residents
// holding real conversations, and reports the update rate, the latency
// of each update's answer, the bot's peak memory, and the same load on a
// bare echo bot as a baseline, so the figures hold on a noisy machine.
//
//	go run ./cmd/loadtest -residents 10000
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

// options are the command's flags.
type options struct {
	residents   int
	concurrency int
	bot         string
	config      string
	jsonOut     string
	echo        bool
	profile     string
	faults      float64
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.SetOutput(stdout)
	var o options
	fs.IntVar(&o.residents, "residents", 10_000, "residents to simulate, each holding one conversation")
	fs.IntVar(&o.concurrency, "concurrency", 500, "residents talking at the same time")
	fs.StringVar(&o.bot, "bot", "", "beatbot `binary` to run; empty builds it from this module")
	fs.StringVar(&o.config, "config", "configs/example/city.yaml", "city configuration `file`")
	fs.StringVar(&o.jsonOut, "json", "", "also write the report as JSON to `file`")
	fs.BoolVar(&o.echo, "echo", true, "measure the bare echo bot as a baseline")
	fs.StringVar(&o.profile, "profile", "", "write the bot's CPU profile to `file` (go tool pprof)")
	fs.Float64Var(&o.faults, "faults", 0, "`rate` per call of Bot API faults (502 on getUpdates, 429 on sendMessage, slow answers) and of duplicated updates")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.residents < 1 || o.concurrency < 1 {
		return fmt.Errorf("want -residents and -concurrency of at least 1")
	}
	dir, err := os.MkdirTemp("", "beatbot-loadtest-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if o.bot == "" {
		o.bot = filepath.Join(dir, "beatbot")
		fmt.Fprintln(stdout, "building beatbot…")
		build := exec.CommandContext(ctx, "go", "build", "-o", o.bot, "github.com/beatbot-kz/beatbot")
		build.Stdout, build.Stderr = stdout, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("build beatbot: %w", err)
		}
	}

	var rep report
	rep.Residents, rep.Concurrency = o.residents, o.concurrency
	fmt.Fprintf(stdout, "beatbot: %d residents, %d at a time…\n", o.residents, o.concurrency)
	bot, err := measureBeatbot(ctx, o, dir)
	if err != nil {
		return err
	}
	rep.Bot = bot
	if o.echo {
		fmt.Fprintln(stdout, "echo baseline…")
		echo, err := measureEcho(ctx, o)
		if err != nil {
			return err
		}
		rep.Echo = &echo
		rep.RatioToEcho = bot.UpdatesPerSecond / echo.UpdatesPerSecond
	}
	rep.print(stdout)
	if o.jsonOut != "" {
		data, _ := json.MarshalIndent(rep, "", "  ")
		if err := os.WriteFile(o.jsonOut, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// durations are the latencies of one run, sorted when reported.
type durations []time.Duration
