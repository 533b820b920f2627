package core

import "errors"

// ErrNotFound is returned when a looked-up record does not exist.
var ErrNotFound = errors.New("not found")

// ErrDuplicate is returned when an update was already recorded: a
// messenger redelivered it.
var ErrDuplicate = errors.New("duplicate update")
