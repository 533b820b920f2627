package configs_test

import (
	"slices"
	"strings"
	"testing"
)

// problemCase is one line a fixture must produce: an error, or a warning
// if warn.
type problemCase struct {
	name string
	file string
	// want is one complete line of the error, or of the warnings if warn.
	want string
	warn bool
}

// problemsOf loads a fixture and returns its error and warning lines.
type problemsOf func(t *testing.T, file string) (errs, warns []string)

// checkProblems checks that each case's fixture reports its line, and
// only warnings where a warning is expected.
func checkProblems(t *testing.T, cases []problemCase, load problemsOf) {
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			errs, warns := load(t, tt.file)
			got := errs
			if tt.warn {
				got = warns
			}
			if !slices.Contains(got, tt.want) {
				t.Errorf("got\n%s\nwant a line\n%s", strings.Join(got, "\n"), tt.want)
			}
			if tt.warn && errs != nil {
				t.Errorf("got error\n%s\nwant only warnings", strings.Join(errs, "\n"))
			}
		})
	}
}

// checkNothingElse checks that each fixture of the cases, and each clean
// one, produces exactly the problems its cases expect: one per mistake,
// with no knock-on noise.
func checkNothingElse(t *testing.T, cases []problemCase, clean []string, load problemsOf) {
	wantErrs, wantWarns := map[string]int{}, map[string]int{}
	files := map[string]bool{}
	for _, f := range clean {
		files[f] = true
	}
	for _, tt := range cases {
		files[tt.file] = true
		if tt.warn {
			wantWarns[tt.file]++
		} else {
			wantErrs[tt.file]++
		}
	}
	for file := range files {
		t.Run(file, func(t *testing.T) {
			errs, warns := load(t, file)
			if len(errs) != wantErrs[file] {
				t.Errorf("got %d errors, want %d:\n%s", len(errs), wantErrs[file], strings.Join(errs, "\n"))
			}
			if len(warns) != wantWarns[file] {
				t.Errorf("got %d warnings, want %d:\n%s", len(warns), wantWarns[file], strings.Join(warns, "\n"))
			}
		})
	}
}
