package flows

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// pollPrompt asks the current question: its text, what kind of answer it
// takes, and the buttons to give it. In a review the answer given before is
// marked and can be kept.
func (t *turn) pollPrompt() {
	progress := t.s.Conversation.Poll
	if progress == nil {
		return
	}
	p, err := t.loadPoll(t.ctx, progress.Poll)
	if err == nil && p != nil && t.set == nil {
		var set core.AnswerSet
		set, _, err = t.answerSet(t.ctx, p)
		t.set = &set
	}
	switch {
	case err != nil:
		t.e.log.Error().Err(err).Str("poll", progress.Poll).Msg("show a poll's question")
		t.say(locale.ErrorGeneric)
		return
	case p == nil || progress.Q >= len(p.Questions):
		t.say(locale.PollNotFound)
		return
	}
	var old *core.Answer
	if a, ok := core.FindAnswer(t.set.Answers, progress.Q); ok && progress.Review {
		old = &a
	}
	var ticks uint16
	switch {
	case t.ticks != nil:
		ticks = *t.ticks
	case old != nil:
		ticks = old.Options
	}
	t.send(questionReply(t.lang(), p, progress, t.s.Conversation.Gen, old, ticks))
}

// questionReply renders question progress.Q of p. It is a function of its
// arguments alone, so that the rendering of every kind of question can be
// tested on its own.
func questionReply(l core.Lang, p *core.Poll, progress *core.PollProgress, gen int, old *core.Answer, ticks uint16) core.Reply {
	qi := progress.Q
	q := &p.Questions[qi]
	var b strings.Builder
	fmt.Fprintf(&b, "📋 %s · %s\n\n%s", p.Title.In(l), locale.T(l, locale.PollQuestionOf, qi+1, len(p.Questions)), q.Text.In(l))
	data := func(value string) string { return fmt.Sprintf("%s:%d:%d:%s", actPollAnswer, gen, qi, value) }
	mark := func(chosen bool, label string) string {
		if chosen && label != "" {
			return "✓ " + label
		}
		return label
	}
	var rows [][]core.Button
	switch q.Kind {
	case core.SingleChoice, core.YesNo:
		var row []core.Button
		for i, o := range q.Options {
			chosen := old != nil && old.Options&(1<<i) != 0
			btn := core.Button{Label: mark(chosen, o.Text.In(l)), Short: mark(chosen, o.Short.In(l)), Data: data("o" + strconv.Itoa(i))}
			if q.Kind == core.YesNo {
				row = append(row, btn) // yes and no side by side
				continue
			}
			rows = append(rows, []core.Button{btn})
		}
		if row != nil {
			rows = append(rows, row)
		}
	case core.MultiChoice:
		b.WriteString("\n\n" + locale.T(l, locale.PollMultiHint))
		for i, o := range q.Options {
			box := "⬜ "
			if ticks&(1<<i) != 0 {
				box = "☑️ "
			}
			short := o.Short.In(l)
			if short != "" {
				short = box + short
			}
			rows = append(rows, []core.Button{{Label: box + o.Text.In(l), Short: short,
				Data: data(fmt.Sprintf("t%d:%d", i, ticks))}})
		}
		rows = append(rows, []core.Button{{Label: locale.T(l, locale.PollDoneButton), Data: data(fmt.Sprintf("ok:%d", ticks))}})
	case core.Scale:
		if lo, hi := q.Low.In(l), q.High.In(l); lo != "" && hi != "" {
			fmt.Fprintf(&b, "\n\n1 — %s\n%d — %s", lo, core.ScaleMax, hi)
		}
		var row []core.Button
		for v := 1; v <= core.ScaleMax; v++ {
			row = append(row, core.Button{Label: mark(old != nil && old.Value == v, strconv.Itoa(v)), Data: data("v" + strconv.Itoa(v))})
		}
		rows = append(rows, row)
	case core.FreeText:
		b.WriteString("\n\n" + locale.T(l, locale.PollTextHint, core.MaxFreeText))
		if old != nil && old.Text != "" {
			b.WriteString("\n\n" + locale.T(l, locale.PollYourAnswer, old.Text))
		}
	}
	if old != nil && progress.Review {
		rows = append(rows, []core.Button{{Label: locale.T(l, locale.PollKeepButton), Data: data("keep")}})
	}
	if q.Optional {
		rows = append(rows, []core.Button{{Label: locale.T(l, locale.PollSkipButton), Data: data("skip")}})
	}
	// Stopping loses nothing: every answer is stored as it is given.
	rows = append(rows, []core.Button{button(locale.T(l, locale.PollLaterButton), actMenu, menuHome)})
	return core.Reply{Text: b.String(), Buttons: rows}
}
