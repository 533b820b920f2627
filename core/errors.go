package core

import (
	"errors"
	"fmt"
)

// ErrNotFound is returned when a looked-up record does not exist.
var ErrNotFound = errors.New("not found")

// ErrDuplicate is returned when an update was already recorded: a
// messenger redelivered it.
var ErrDuplicate = errors.New("duplicate update")

// ErrConflict is returned when a change was made to a record that changed
// meanwhile; the change should be worked out again from the record as it
// is now.
var ErrConflict = errors.New("changed meanwhile")

// ErrHouse is returned when a house number or range cannot be parsed.
var ErrHouse = errors.New("invalid house number")

// HouseError describes text that is not a house number or range. It
// matches ErrHouse with errors.Is.
type HouseError struct {
	Input string
	// Range is set when a range was expected, as in configuration.
	Range bool
	// Reason says what is wrong, if more can be said than "invalid".
	Reason string
}

func (e *HouseError) Error() string {
	what := "house"
	if e.Range {
		what = "house range"
	}
	msg := fmt.Sprintf("core: parse %s %q", what, e.Input)
	if e.Reason != "" {
		msg += ": " + e.Reason
	}
	return msg
}

// Is reports whether target is ErrHouse.
func (e *HouseError) Is(target error) bool { return target == ErrHouse }
