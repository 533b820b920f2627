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
	"errors"
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
	botLog      string
	faults      float64
	report      bool
	poll        bool
	rate        float64
	stored      int
	keep        bool
	notice      int
	kills       int
	killEvery   time.Duration
	seed        uint64
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
	fs.StringVar(&o.botLog, "bot-log", "", "the bot's log `level` (debug, info, …), its lines going to stderr; debug lines of handled updates say how long each waited (queued) and took")
	fs.Float64Var(&o.faults, "faults", 0, "`rate` per call of Bot API faults (500, 502 and dropped connections on getUpdates; 429, 500, 502, drops and slow answers on sends) and of duplicated updates")
	fs.BoolVar(&o.report, "report", true, "residents also report a concern, which the inspectors accept, answer and resolve")
	fs.Float64Var(&o.rate, "rate", 0, "offer residents' updates at this `rate` per second instead of as fast as the bot answers: latency then shows handling, not queueing")
	fs.IntVar(&o.stored, "stored", 0, "residents to store before the run (onboarded, subscribed to their district), to measure memory with a city's worth on file")
	fs.BoolVar(&o.keep, "keep", false, "keep the bot's data file and configuration after the run, and say where")
	fs.BoolVar(&o.poll, "poll", true, "residents also answer the safety poll")
	fs.IntVar(&o.notice, "notice", 2000, "residents a notice goes to, to measure the outbox against its rate limit")
	fs.IntVar(&o.kills, "kills", 0, "crash mode: kill the bot with SIGKILL this many times at random moments, restart it on the same data file, and check that nothing was lost, doubled or left stuck")
	fs.DurationVar(&o.killEvery, "kill-every", 2*time.Second, "mean `time` between kills")
	fs.Uint64Var(&o.seed, "seed", uint64(time.Now().UnixNano()), "random seed of the kill moments")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.residents < 1 || o.concurrency < 1 || o.notice < 0 || o.kills < 0 || o.killEvery <= 0 || o.stored < 0 {
		return fmt.Errorf("want -residents and -concurrency of at least 1, -notice, -stored and -kills of at least 0, and a positive -kill-every")
	}
	dir, err := os.MkdirTemp("", "beatbot-loadtest-")
	if err != nil {
		return err
	}
	if o.keep {
		fmt.Fprintln(stdout, "keeping the bot's data and configuration in", dir)
	} else {
		defer os.RemoveAll(dir)
	}
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
	if o.kills > 0 {
		fmt.Fprintf(stdout, "crash mode: %d kills, about %s apart (seed %d)\n", o.kills, o.killEvery, o.seed)
		o.echo = false
	}
	bot, crash, err := measureBeatbot(ctx, o, dir)
	if err != nil {
		return err
	}
	rep.Bot, rep.Crash = bot, crash
	if o.echo {
		fmt.Fprintln(stdout, "echo baseline…")
		echo, err := measureEcho(ctx, o, bot.Updates)
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
	switch {
	case crash != nil && crash.failed():
		return errors.New("the crash checks failed")
	case crash != nil && crash.Kills < o.kills:
		return fmt.Errorf("the load ended after %d of %d kills: give it more residents or a shorter -kill-every", crash.Kills, o.kills)
	case bot.Errors > 0:
		return fmt.Errorf("%d conversations failed", bot.Errors)
	}
	return nil
}

// durations are the latencies of one run, sorted when reported.
type durations []time.Duration
