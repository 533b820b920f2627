// Command beatbot puts residents in touch with their community police
// through the messengers they already use.
//
//	beatbot [run] [-config FILE]   run the bot (the default)
//	beatbot playground             try it in a browser, without a token
//	beatbot check -config FILE     validate a city configuration
//	beatbot polls list|import|export
//	beatbot backup FILE | restore FILE
//	beatbot export tickets -from DATE -to DATE
//
// Secrets and deployment settings come from the environment; see README.md.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args, os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "beatbot:", err)
		os.Exit(1)
	}
}
