package polls

import "errors"

// ErrBadChart is returned when a chart cannot be drawn (Chart.PNG): it has
// no categories, a series whose values do not match its labels, or a value
// that is negative or not a finite number.
var ErrBadChart = errors.New("polls: bad chart")
