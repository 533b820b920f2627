package configs

import (
	"maps"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/core"
)

// Limits of an option's labels, in characters.
const (
	// maxOptionText keeps a Telegram button readable: longer ones wrap or
	// are cut short on a phone.
	maxOptionText = 64
	// maxShort is the longest title of a WhatsApp reply button.
	maxShort = 20
)

// options checks a question's options: two to core.MaxOptions of them on a
// choice question, none on the others. A yes/no question gets a copy of
// core.YesNoOptions.
func (c *checker) options(field string, q questionDoc) []core.Option {
	at := join(field, "options")
	switch q.Kind {
	case core.SingleChoice, core.MultiChoice:
	case core.YesNo:
		if len(q.Options) > 0 {
			c.errorf(at, "a yesno question takes no options: they are always yes and no")
		}
		return yesNoOptions()
	case core.Scale:
		if len(q.Options) > 0 {
			c.errorf(at, "a scale question takes no options: it is answered 1 to %d (label the ends with low and high)", core.ScaleMax)
		}
		return nil
	case core.FreeText:
		if len(q.Options) > 0 {
			c.errorf(at, "a text question takes no options: it is answered in the resident's own words")
		}
		return nil
	default:
		return nil // the kind is reported already
	}
	switch n := len(q.Options); {
	case n == 0:
		c.errorf(at, "required: 2 to %d options", core.MaxOptions)
	case n < 2 || n > core.MaxOptions:
		c.errorf(at, "%s: a %s question has 2 to %d", count(n, "option"), q.Kind, core.MaxOptions)
	}
	seen := collect(at, len(q.Options), func(i int) string { return q.Options[i].ID })
	out := make([]core.Option, 0, len(q.Options))
	for i, o := range q.Options {
		f := index(at, i)
		c.ownID(seen, f, o.ID)
		c.text(join(f, "text"), o.Text, true)
		c.maxLen(join(f, "text"), o.Text, maxOptionText, ", as Telegram shows longer buttons badly; shorten it")
		c.text(join(f, "short"), o.Short, false)
		c.maxLen(join(f, "short"), o.Short, maxShort, ", the most a WhatsApp button shows")
		if len(o.Short) == 0 {
			for _, l := range requiredLangs {
				if n := utf8.RuneCountInString(o.Text[l]); n > maxShort && n <= maxOptionText {
					c.warnf(join(join(f, "text"), string(l)), "%d characters and no short: WhatsApp buttons show at most %d; add short", n, maxShort)
				}
			}
		}
		c.sameText(at, i, q.Options)
		out = append(out, core.Option{ID: o.ID, Text: o.Text, Short: o.Short})
	}
	return out
}

// sameText records option i if its text repeats an earlier option's in
// some language: the resident could not tell the two apart.
func (c *checker) sameText(field string, i int, opts []optionDoc) {
	for j := range i {
		var langs []string
		for _, l := range requiredLangs {
			if t := strings.TrimSpace(opts[i].Text[l]); t != "" && strings.EqualFold(t, strings.TrimSpace(opts[j].Text[l])) {
				langs = append(langs, string(l))
			}
		}
		if len(langs) > 0 {
			c.errorf(join(index(field, i), "text"), "same as %s in %s: residents could not tell them apart", index(field, j), strings.Join(langs, ", "))
			return
		}
	}
}

// yesNoOptions returns a copy of core.YesNoOptions with maps of its own, so
// that no two polls share a Text.
func yesNoOptions() []core.Option {
	out := make([]core.Option, len(core.YesNoOptions))
	for i, o := range core.YesNoOptions {
		out[i] = core.Option{ID: o.ID, Text: maps.Clone(o.Text), Short: maps.Clone(o.Short)}
	}
	return out
}

// count says how many of a thing there are: "1 option", "11 options".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return strconv.Itoa(n) + " " + thing + "s"
}
