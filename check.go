package main

import (
	"fmt"
	"io"

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
	s := configs.Summarize(city)
	fmt.Fprintf(stdout, "%s: OK: %d precincts, %d districts, %d staff, %d streets, %d address ranges, %d alerts, %d categories, %d polls\n",
		path, s.Precincts, s.Districts, s.Staff, s.Streets, s.Addresses, s.Alerts, s.Categories, s.Polls)
	return nil
}
