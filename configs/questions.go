package configs

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/core"
)

// questions checks a poll's questions, then their skips, which may name
// any later question.
func (c *checker) questions(docs []questionDoc) []core.Question {
	switch n := len(docs); {
	case n == 0:
		c.errorf("questions", "required: 1 to %d questions", core.MaxQuestions)
	case n > core.MaxQuestions:
		c.errorf("questions", "%s: a poll has at most %d", count(n, "question"), core.MaxQuestions)
	}
	seen := collect("questions", len(docs), func(i int) string { return docs[i].ID })
	out := make([]core.Question, 0, len(docs))
	for i, q := range docs {
		field := index("questions", i)
		c.ownID(seen, field, q.ID)
		if q.ID == core.EndOfPoll {
			c.errorf(join(field, "id"), "%q is reserved: a skip to %q ends the poll", q.ID, core.EndOfPoll)
		}
		switch {
		case q.Kind == "":
			c.errorf(join(field, "kind"), "required: %s", kindNames)
		case !validKind(q.Kind):
			c.errorf(join(field, "kind"), "unknown kind %q (want %s)", q.Kind, kindNames)
		}
		c.text(join(field, "text"), q.Text, true)
		c.maxLen(join(field, "text"), q.Text, maxPollText, "")
		c.scaleLabels(field, q)
		out = append(out, core.Question{
			ID: q.ID, Kind: q.Kind, Text: q.Text, Low: q.Low, High: q.High, Optional: q.Optional,
			Options: c.options(field, q),
		})
	}
	pos := make(map[string]int, len(docs))
	for i := len(docs) - 1; i >= 0; i-- {
		pos[docs[i].ID] = i
	}
	for i, q := range docs {
		out[i].Skips = c.skips(index("questions", i), i, q, out[i].Options, pos)
	}
	return out
}

const kindNames = "single, multi, scale, yesno or text"

func validKind(k core.QuestionKind) bool {
	switch k {
	case core.SingleChoice, core.MultiChoice, core.Scale, core.YesNo, core.FreeText:
		return true
	}
	return false
}

// scaleLabels checks low and high: on a scale only, both or neither.
func (c *checker) scaleLabels(field string, q questionDoc) {
	low, high := len(q.Low) > 0, len(q.High) > 0
	switch {
	case q.Kind != core.Scale && (low || high):
		name := "low"
		if !low {
			name = "high"
		}
		c.errorf(join(field, name), "only a scale question has low and high labels")
		return
	case low && !high:
		c.errorf(join(field, "high"), "required with low: label both ends of the scale, or neither")
	case high && !low:
		c.errorf(join(field, "low"), "required with high: label both ends of the scale, or neither")
	}
	c.text(join(field, "low"), q.Low, false)
	c.text(join(field, "high"), q.High, false)
	c.maxLen(join(field, "low"), q.Low, maxPollText, "")
	c.maxLen(join(field, "high"), q.High, maxPollText, "")
}

// maxLen records each translation of t longer than max characters; why
// says why the limit is there, if it needs saying.
func (c *checker) maxLen(field string, t core.Text, max int, why string) {
	for _, l := range requiredLangs {
		if n := utf8.RuneCountInString(t[l]); n > max {
			c.errorf(join(field, string(l)), "%d characters: at most %d%s", n, max, why)
		}
	}
}

// skips checks a question's skips: only where one answer leads one way,
// keyed by an option id or a scale value, forward to a later question or
// to the end. pos gives the index of each question id. The skips are
// returned as given.
func (c *checker) skips(field string, i int, q questionDoc, opts []core.Option, pos map[string]int) map[string]string {
	if len(q.Skip) == 0 {
		return nil
	}
	at := join(field, "skip")
	switch q.Kind {
	case core.MultiChoice:
		c.errorf(at, "a multi question cannot skip: a resident may tick several options that lead different ways")
		return nil
	case core.FreeText:
		c.errorf(at, "a text question cannot skip: a typed answer matches no key")
		return nil
	}
	keys, want := skipKeys(q.Kind, opts)
	for _, key := range slices.Sorted(maps.Keys(q.Skip)) {
		f, to := join(at, key), q.Skip[key]
		if keys != nil && !keys[key] {
			c.errorf(f, "unknown %s %q (want %s)", skipKeyKind(q.Kind), key, want)
		}
		j, known := pos[to]
		switch {
		case to == core.EndOfPoll:
		case to == "":
			c.errorf(f, "required: the id of a later question, or %q", core.EndOfPoll)
		case !known:
			c.errorf(f, "unknown question %q", to)
		case j == i:
			c.errorf(f, "%q is this question: a skip goes forward only, or the poll would loop", to)
		case j < i:
			c.errorf(f, "question %q comes before this one (questions[%d]): a skip goes forward only, or the poll would loop", to, j)
		}
	}
	return q.Skip
}

// skipKeys returns the keys a question's skips may use, and how to list
// them; nil if the question's kind is reported already.
func skipKeys(kind core.QuestionKind, opts []core.Option) (map[string]bool, string) {
	if kind == core.Scale {
		keys := map[string]bool{}
		for v := 1; v <= core.ScaleMax; v++ {
			keys[strconv.Itoa(v)] = true
		}
		return keys, fmt.Sprintf(`"1" to "%d"`, core.ScaleMax)
	}
	if !validKind(kind) {
		return nil, ""
	}
	keys := map[string]bool{}
	names := make([]string, 0, len(opts))
	for _, o := range opts {
		if o.ID != "" && !keys[o.ID] {
			keys[o.ID] = true
			names = append(names, o.ID)
		}
	}
	return keys, "one of: " + strings.Join(names, ", ")
}

func skipKeyKind(kind core.QuestionKind) string {
	if kind == core.Scale {
		return "scale value"
	}
	return "option"
}

// unreachable warns about questions no path reaches: every answer to the
// questions before them skips past. It expects valid skips.
func (c *checker) unreachable(qs []core.Question) {
	reached := make([]bool, len(qs)+1)
	reached[0] = true
	for i, q := range qs {
		if !reached[i] {
			continue
		}
		keys, _ := skipKeys(q.Kind, q.Options)
		if q.Optional || len(q.Skips) == 0 || len(keys) == 0 || len(q.Skips) < len(keys) {
			reached[i+1] = true // an answer without a skip, or none
		}
		for _, to := range q.Skips {
			if to == core.EndOfPoll {
				reached[len(qs)] = true
			} else if j := slices.IndexFunc(qs, func(q core.Question) bool { return q.ID == to }); j > i {
				reached[j] = true
			}
		}
	}
	for i, q := range qs {
		if !reached[i] {
			c.warnf(index("questions", i), "question %q is never asked: every path skips it", q.ID)
		}
	}
}
