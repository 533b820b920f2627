// Package polls turns the answer sets of a safety poll into results: counts
// per district (Tally, Counts), the change against the previous run of the
// same series (Compare), bar charts a chief can read on a phone (Chart) and
// a CSV export of the raw answers (CSV).
//
// Answer sets are pseudonymous, but a small district can still give a
// resident away: if three people answered, their neighbours may guess who
// said what. Results of fewer than MinCell respondents are therefore never
// shown on their own (Counts.Shown) nor compared (Compare); callers fold
// such districts into a larger total instead.
//
// Everything here works on definitions and answer sets as stored: answers
// that no longer fit the definition (a question or option removed since)
// are ignored rather than trusted, so old data never panics or skews a
// result.
//
// Texts arrive already translated; charts render Russian and Kazakh
// Cyrillic with the Liberation Sans font that gonum.org/v1/plot embeds,
// which covers ә ғ қ ң ө ұ ү һ і (the tests check every one).
package polls

import "errors"

// MinCell is the fewest respondents whose results may be shown on their own.
// Five is the usual small-cell threshold of official statistics: below it a
// share reveals what individual neighbours answered.
const MinCell = 5

// ErrBadChart is returned by Chart.PNG when the chart cannot be drawn: it
// has no categories, a series whose values do not match its labels, or a
// value that is negative or not a finite number.
var ErrBadChart = errors.New("polls: bad chart")
