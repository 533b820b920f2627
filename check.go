package main

import (
	"fmt"
	"io"
	"time"

	"github.com/beatbot-kz/beatbot/configs"
)

// check validates a city configuration and prints a summary and any
// warnings. Errors name the file and the field.
func check(path string, stdout io.Writer) error {
	city, warnings, err := configs.Load(path)
	for _, w := range warnings {
		fmt.Fprintln(stdout, "warning:", w)
	}
	if err != nil {
		return err
	}
	for _, p := range city.Polls {
		if !time.Now().Before(p.Closes) {
			fmt.Fprintf(stdout, "note: poll %s closed at %s: residents can no longer answer it\n", p.ID, p.Closes.In(city.Location).Format("2006-01-02 15:04 MST"))
		}
	}
	s := configs.Summarize(city)
	fmt.Fprintf(stdout, "%s: OK: %d precincts, %d districts, %d staff, %d streets, %d address ranges, %d alerts, %d categories, %d polls\n",
		path, s.Precincts, s.Districts, s.Staff, s.Streets, s.Addresses, s.Alerts, s.Categories, s.Polls)
	if b := city.Backups; b.Dir != "" {
		fmt.Fprintf(stdout, "backups: on %q in %s, into %s (relative to the data file's directory unless absolute), keeping %d\n",
			b.Schedule, city.Location, b.Dir, b.Keep)
	} else {
		fmt.Fprintln(stdout, "backups: none scheduled (no backups.dir)")
	}
	return nil
}
