package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

// defaultConfig is the example city, so that the bot runs from a fresh
// checkout.
const defaultConfig = "configs/example/city.yaml"

// run dispatches the subcommand. It returns when the command is done or,
// for the bot, when ctx is cancelled and shutdown has finished.
func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	cmd, rest := "run", args[1:]
	if len(rest) > 0 && !isFlag(rest[0]) {
		cmd, rest = rest[0], rest[1:]
	}
	if cmd == "polls" {
		return pollsCommand(ctx, rest, getenv, stdout)
	}
	if cmd == "backup" || cmd == "restore" {
		return backupCommand(ctx, cmd, rest, getenv, stdout)
	}
	if cmd == "export" {
		return exportCommand(ctx, rest, getenv, stdout)
	}
	if cmd == "playground" {
		return playgroundCommand(ctx, rest, getenv, stdout)
	}
	fs := flag.NewFlagSet("beatbot "+cmd, flag.ContinueOnError)
	fs.SetOutput(stdout)
	configPath := fs.String("config", defaultConfig, "city configuration `file` (YAML)")
	fs.Usage = func() {
		fmt.Fprint(stdout, usage)
		fs.PrintDefaults()
	}
	switch cmd {
	case "run", "check":
	case "help":
		fs.Usage()
		return nil
	default:
		fs.Usage()
		return fmt.Errorf("unknown command %q", cmd)
	}
	if err := fs.Parse(rest); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	if cmd == "check" {
		return check(*configPath, stdout)
	}
	if getenv("TELEGRAM_BOT_TOKEN") == "" && getenv("WHATSAPP_TOKEN") == "" && len(args) == 1 {
		// A newcomer's `go run .`: show the bot working, in a browser.
		return playgroundCommand(ctx, []string{"-config", *configPath}, getenv, stdout)
	}
	return serve(ctx, *configPath, getenv, stdout)
}

func isFlag(s string) bool { return len(s) > 0 && s[0] == '-' }

const usage = `beatbot connects residents with their district police inspector.

Usage:
  beatbot [run] [-config FILE]   run the bot (needs TELEGRAM_BOT_TOKEN)
  beatbot check [-config FILE]   validate a city configuration and summarise it
  beatbot polls list|import|export   manage safety polls (beatbot polls -h)
  beatbot backup FILE            copy the data file to FILE, even while the bot runs
  beatbot restore FILE           replace the stopped bot's data file with a backup
  beatbot export tickets -from DATE -to DATE [-format csv|json]
                                 tickets for precinct reporting (beatbot export -h)
  beatbot playground [-http ADDR]  try the bot in a browser, no token needed
  beatbot help                   show this help

Flags:
`
