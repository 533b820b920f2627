package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"reflect"
	"time"

	"github.com/beatbot-kz/beatbot/configs"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/polls"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/rs/zerolog"
)

// importPolls stores the polls of the city configuration, so that a poll
// added to the city file is offered from the next start. The city file is
// the source of truth for the polls it lists: a version imported by hand
// under the same id is replaced, and the log says so.
func importPolls(ctx context.Context, db *storage.DB, city *core.City, log zerolog.Logger) error {
	for _, p := range city.Polls {
		old, err := db.Poll(ctx, p.ID)
		switch {
		case errors.Is(err, core.ErrNotFound):
		case err != nil:
			return err
		default:
			old.Imported = p.Imported
			if reflect.DeepEqual(old, p) {
				continue
			}
			log.Info().Str("poll", p.ID).Msg("the city file's version of the poll replaces the stored one")
		}
		if err := db.SavePoll(ctx, p); err != nil {
			return fmt.Errorf("import the configuration's poll %s: %w", p.ID, err)
		}
	}
	for _, p := range city.Polls {
		if !time.Now().Before(p.Closes) {
			log.Info().Str("poll", p.ID).Time("closed", p.Closes).Msg("the city file lists a poll that has closed")
		}
	}
	return nil
}

const pollsUsage = `Usage:
  beatbot polls list [-config FILE]
  beatbot polls import [-config FILE] POLL.yaml
  beatbot polls export [-config FILE] [-format csv] [-texts] [-o FILE] POLL-ID

They work on the data file (BEATBOT_DATA, default ./data/beatbot.db)
while the bot is stopped: a running bot holds it. A poll listed under
polls: in the city file is imported by the bot itself at start.

Flags:
`

// pollsCommand runs `beatbot polls …`: listing polls, importing one from a
// YAML file (validated against the city) and exporting a poll's answers.
func pollsCommand(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	if len(args) == 0 || isFlag(args[0]) {
		fmt.Fprint(stdout, pollsUsage)
		return errors.New("polls: want a subcommand: list, import or export")
	}
	sub, rest := args[0], args[1:]
	fs := flag.NewFlagSet("beatbot polls "+sub, flag.ContinueOnError)
	fs.SetOutput(stdout)
	configPath := fs.String("config", defaultConfig, "city configuration `file` (YAML)")
	format := fs.String("format", "csv", "export `format`; only csv")
	out := fs.String("o", "", "write the export to `file` instead of standard output")
	texts := fs.Bool("texts", false, "export the free-text answers (question, district, text) instead of the answer sets; they cannot be matched to each other")
	fs.Usage = func() {
		fmt.Fprint(stdout, pollsUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(rest); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	want := map[string]int{"list": 0, "import": 1, "export": 1}
	n, ok := want[sub]
	if !ok {
		fs.Usage()
		return fmt.Errorf("polls: unknown subcommand %q", sub)
	}
	if fs.NArg() != n {
		return fmt.Errorf("polls %s: want %d argument(s), got %q", sub, n, fs.Args())
	}
	if sub == "export" && *format != "csv" {
		return fmt.Errorf("polls export: format %q: only csv is supported", *format)
	}
	env, err := loadEnv(getenv)
	if err != nil {
		return err
	}
	city, _, err := configs.Load(*configPath)
	if err != nil {
		return err
	}
	db, err := storage.Open(env.dataPath, storage.Options{})
	if err != nil {
		return fmt.Errorf("%w (is the bot running? stop it first)", err)
	}
	defer db.Close()
	switch sub {
	case "import":
		return importPoll(ctx, db, city, fs.Arg(0), stdout)
	case "export":
		return exportPoll(ctx, db, fs.Arg(0), *out, *texts, stdout)
	}
	return listPolls(ctx, db, city, stdout)
}

func importPoll(ctx context.Context, db *storage.DB, city *core.City, path string, stdout io.Writer) error {
	p, warnings, err := configs.LoadPoll(path, city)
	for _, w := range warnings {
		fmt.Fprintln(stdout, "warning:", w)
	}
	if err != nil {
		return err
	}
	if err := db.SavePoll(ctx, *p); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "imported poll %s: %d questions, open %s to %s\n", p.ID, len(p.Questions),
		p.Opens.In(city.Location).Format(time.DateOnly), p.Closes.In(city.Location).Format(time.DateOnly))
	return nil
}

func listPolls(ctx context.Context, db *storage.DB, city *core.City, stdout io.Writer) error {
	all, err := db.Polls(ctx)
	if err != nil {
		return err
	}
	if len(all) == 0 {
		fmt.Fprintln(stdout, "no polls")
	}
	for _, p := range all {
		n, err := db.CountAnswerSets(ctx, p.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s\t%s to %s\t%d answer sets\t%s\n", p.ID,
			p.Opens.In(city.Location).Format(time.DateOnly), p.Closes.In(city.Location).Format(time.DateOnly), n, p.Title.In(core.English))
	}
	return nil
}

// exportPoll writes one CSV row per answer set (pseudonyms and districts,
// never a chat), or with texts one row per free-text answer.
func exportPoll(ctx context.Context, db *storage.DB, id, out string, texts bool, stdout io.Writer) (err error) {
	p, err := db.Poll(ctx, id)
	if err != nil {
		return err
	}
	w := stdout
	if out != "" {
		f, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
		if err != nil {
			return fmt.Errorf("polls export: %w", err)
		}
		defer func() {
			if cerr := f.Close(); err == nil && cerr != nil {
				err = fmt.Errorf("polls export: %w", cerr)
			}
		}()
		w = f
	}
	if texts {
		return exportTexts(ctx, db, &p, w)
	}
	csv := polls.NewCSV(w, &p)
	if err := db.EachAnswerSet(ctx, p.ID, csv.Write); err != nil {
		return err
	}
	return csv.Flush()
}

// exportTexts writes a poll's free texts. Where fewer than polls.MinCell
// people of a district wrote for a question, their texts go without the
// district: with it, a text could be matched to the few answer sets of
// that district marked "written" in the other export.
func exportTexts(ctx context.Context, db *storage.DB, p *core.Poll, w io.Writer) error {
	type cell struct {
		q        int
		district string
	}
	writers := map[cell]int{}
	err := db.EachPollText(ctx, p.ID, func(t core.PollText) error {
		writers[cell{t.Q, t.District}]++
		return nil
	})
	if err != nil {
		return err
	}
	csv := polls.NewTextsCSV(w, p)
	err = db.EachPollText(ctx, p.ID, func(t core.PollText) error {
		if writers[cell{t.Q, t.District}] < polls.MinCell {
			t.District = ""
		}
		return csv.Write(t)
	})
	if err != nil {
		return err
	}
	return csv.Flush()
}
