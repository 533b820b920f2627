package configs

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrInvalid is returned, wrapped in a *ValidationError, when a
// configuration file cannot be parsed or breaks a rule. Check for it with
// errors.Is; use errors.As with a *ValidationError for the details.
var ErrInvalid = errors.New("invalid configuration")

// FieldError is one fatal problem in a configuration file.
type FieldError struct {
	// File is the file the problem is in: the city file or a GeoJSON
	// boundary file it references.
	File string
	// Line is the 1-based line of the problem, known for YAML syntax,
	// type and unknown-field errors; 0 otherwise.
	Line int
	// Field is the path of the offending field, such as
	// "districts[3].inspector"; empty for problems of the whole file.
	Field string
	// Message says what is wrong.
	Message string
}

// Error formats the problem as "file: field: message", with ":line" after
// the file when the line is known.
func (e FieldError) Error() string {
	return format(e.File, e.Line, e.Field, e.Message)
}

// ValidationError lists every fatal problem found in a configuration, in
// the order they were found. It matches ErrInvalid with errors.Is.
type ValidationError struct {
	Problems []FieldError
}

// Error prints one line per problem.
func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Is reports whether target is ErrInvalid.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// Unwrap returns the individual problems, so that errors.As can pick out
// a FieldError.
func (e *ValidationError) Unwrap() []error {
	errs := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		errs[i] = p
	}
	return errs
}

// Warning is a non-fatal finding: the configuration loads, but something
// looks wrong, such as two districts whose boundaries overlap.
type Warning struct {
	File    string
	Field   string
	Message string
}

// String formats the warning as "file: field: message".
func (w Warning) String() string { return format(w.File, 0, w.Field, w.Message) }

func format(file string, line int, field, msg string) string {
	var b strings.Builder
	b.WriteString(file)
	if line > 0 {
		b.WriteString(":" + strconv.Itoa(line))
	}
	b.WriteString(": ")
	if field != "" {
		b.WriteString(field + ": ")
	}
	b.WriteString(msg)
	return b.String()
}

// checker collects the problems found while loading one city file.
type checker struct {
	file  string
	errs  []FieldError
	warns []Warning
}

// errorf records a fatal problem with a field of the city file.
func (c *checker) errorf(field, format string, args ...any) {
	c.errs = append(c.errs, FieldError{File: c.file, Field: field, Message: fmt.Sprintf(format, args...)})
}

// errorIn records a fatal problem in another file, such as a GeoJSON file.
func (c *checker) errorIn(file string, line int, field, msg string) {
	c.errs = append(c.errs, FieldError{File: file, Line: line, Field: field, Message: msg})
}

// warnf records a non-fatal finding about a field of the city file.
func (c *checker) warnf(field, format string, args ...any) {
	c.warns = append(c.warns, Warning{File: c.file, Field: field, Message: fmt.Sprintf(format, args...)})
}

// err returns the collected problems as an error, or nil if there are none.
func (c *checker) err() error {
	if len(c.errs) == 0 {
		return nil
	}
	return &ValidationError{Problems: c.errs}
}
