// Package polls turns the answer sets of a safety poll into results: counts
// per district (Tally, Counts), the change against the previous run of the
// same series (Compare), bar charts a chief can read on a phone (Chart), a
// CSV export of the answer sets (CSV) and one of the free texts (TextsCSV).
//
// Answer sets are pseudonymous, but a small district can still give a
// resident away: if three people answered, their neighbours may guess who
// said what. Results of fewer than MinCell respondents are therefore never
// shown on their own (Counts.Shown) nor compared (Compare), and the totals
// shown beside them leave them out (Tally.Safe), or subtracting one figure
// from another would give them away all the same.
//
// A free text may name a street, a neighbour or the writer, so it is kept
// apart from the answer set it came with: the sets say only that a text
// was written, and the texts carry no key to match them back.
//
// Everything here works on definitions and answer sets as stored: answers
// that no longer fit the definition (a question or option removed since)
// are ignored rather than trusted, so old data never panics or skews a
// result.
//
// Chart texts arrive already translated; charts render Russian and Kazakh
// Cyrillic with the Liberation Sans font that gonum.org/v1/plot embeds,
// which covers ә ғ қ ң ө ұ ү һ і (the tests check every one).
package polls

// MinCell is the fewest respondents whose results may be shown on their own.
// Five is the usual small-cell threshold of official statistics: below it a
// share reveals what individual neighbours answered.
const MinCell = 5
