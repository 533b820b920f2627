package locate

import "errors"

// ErrDuplicateID is returned by New when two precincts, two districts or
// two streets share an id.
var ErrDuplicateID = errors.New("duplicate id")

// ErrUnknownPrecinct is returned by New when a district names a precinct the
// city does not have.
var ErrUnknownPrecinct = errors.New("unknown precinct")

// ErrUnknownStreet is returned by New when a district's address range names
// a street the city does not have.
var ErrUnknownStreet = errors.New("unknown street")

// ErrBoundary is returned by New when a district's boundary has a polygon
// without rings, a ring of fewer than three points or a coordinate that is
// not a finite number.
var ErrBoundary = errors.New("invalid boundary")
