package flows

import (
	"context"
	"strconv"
	"strings"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// current returns the poll being answered and the resident's answers, or
// a nil poll when it is gone or closed meanwhile (the resident is then
// told and taken to the menu).
func (t *turn) current(ctx context.Context) (*core.Poll, core.AnswerSet, error) {
	progress := t.s.Conversation.Poll
	if progress == nil {
		return nil, core.AnswerSet{}, t.goTo(ctx, evMenu)
	}
	p, err := t.loadPoll(ctx, progress.Poll)
	if err != nil {
		return nil, core.AnswerSet{}, err
	}
	if p == nil || progress.Q >= len(p.Questions) {
		t.say(locale.PollNotFound)
		return nil, core.AnswerSet{}, t.goTo(ctx, evMenu)
	}
	if !p.Open(t.e.now()) {
		t.say(locale.PollClosedNow, p.Title.In(t.lang()))
		return nil, core.AnswerSet{}, t.goTo(ctx, evMenu)
	}
	if t.set != nil {
		return p, *t.set, nil
	}
	set, _, err := t.answerSet(ctx, p)
	return p, set, err
}

// answerButton handles a press on an answer button.
func (t *turn) answerButton(ctx context.Context, arg string) error {
	parts := strings.Split(arg, ":")
	progress := t.s.Conversation.Poll
	if len(parts) < 3 || len(parts) > 4 || t.m.Current() != stPoll || progress == nil ||
		parts[0] != strconv.Itoa(t.s.Conversation.Gen) || parts[1] != strconv.Itoa(progress.Q) {
		return t.stale(ctx)
	}
	p, set, err := t.current(ctx)
	if p == nil || err != nil {
		return err
	}
	q := &p.Questions[progress.Q]
	value, mask := parts[2], uint16(0)
	if len(parts) == 4 {
		m, err := strconv.ParseUint(parts[3], 10, 16)
		if err != nil || q.Kind != core.MultiChoice || m >= 1<<len(q.Options) {
			return t.stale(ctx)
		}
		mask = uint16(m)
	}
	a := core.Answer{Q: progress.Q}
	switch {
	case value == "skip" && q.Optional && len(parts) == 3:
		a.Skipped = true
	case value == "keep" && progress.Review && len(parts) == 3:
		old, ok := core.FindAnswer(set.Answers, progress.Q)
		if !ok {
			return t.stale(ctx)
		}
		a = old
	case value == "ok" && q.Kind == core.MultiChoice && len(parts) == 4:
		if mask == 0 {
			t.say(locale.PollPickSome)
			return nil
		}
		a.Options = mask
	case strings.HasPrefix(value, "t") && q.Kind == core.MultiChoice && len(parts) == 4:
		i, ok := optionIndex(value[1:], q)
		if !ok {
			return t.stale(ctx)
		}
		// The ticks so far come with the button, not from the session.
		t.ticks = new(mask ^ 1<<i)
		t.prompt(stPoll)
		return nil
	case strings.HasPrefix(value, "o") && (q.Kind == core.SingleChoice || q.Kind == core.YesNo) && len(parts) == 3:
		i, ok := optionIndex(value[1:], q)
		if !ok {
			return t.stale(ctx)
		}
		a.Options = 1 << i
	case strings.HasPrefix(value, "v") && q.Kind == core.Scale && len(parts) == 3:
		v, err := strconv.Atoi(value[1:])
		if err != nil || v < 1 || v > core.ScaleMax {
			return t.stale(ctx)
		}
		a.Value = v
	default:
		return t.stale(ctx)
	}
	return t.record(ctx, p, set, a)
}

func optionIndex(s string, q *core.Question) (int, bool) {
	i, err := strconv.Atoi(s)
	return i, err == nil && i >= 0 && i < len(q.Options)
}

// record stores an answer with the session and asks the next question:
// the first one not answered on the resident's way, or in a review the one
// the answer leads to. After the last, the poll ends.
func (t *turn) record(ctx context.Context, p *core.Poll, set core.AnswerSet, a core.Answer) error {
	set.Set(a)
	set.Updated = t.e.now()
	if d := t.pollDistrict(p); d != "" {
		set.District = d // the resident may have moved since they began
	}
	// A changed answer may skip questions answered before, or lead to
	// one not answered yet: the set is settled now, not only at the end,
	// so that stopping midway leaves it consistent.
	set.Settle(p)
	t.answers, t.set = &set, &set
	progress := t.s.Conversation.Poll
	next := p.Next(a.Q, a)
	if !progress.Review {
		_, next = p.Walk(set.Answers)
	}
	if next >= len(p.Questions) {
		return t.finishPoll(ctx, p, set)
	}
	progress.Q = next
	t.dirty = true
	t.prompt(stPoll)
	return nil
}

// pollInput handles what a resident types while a question is asked: the
// answer to a free-text question, or a choice typed instead of pressed.
// Anything else is asked again, with what is expected.
func (t *turn) pollInput(ctx context.Context) error {
	if t.in.Kind != core.KindText {
		t.say(locale.Unsupported)
		t.prompt(stPoll)
		return nil
	}
	p, set, err := t.current(ctx)
	if p == nil || err != nil {
		return err
	}
	progress := t.s.Conversation.Poll
	q := &p.Questions[progress.Q]
	text := strings.TrimSpace(t.in.Text)
	a := core.Answer{Q: progress.Q}
	switch q.Kind {
	case core.FreeText:
		if n := len([]rune(text)); n > core.MaxFreeText {
			t.say(locale.TooLong, n, core.MaxFreeText)
			return nil
		}
		a.Text = text
		return t.record(ctx, p, set, a)
	case core.Scale:
		if v, err := strconv.Atoi(text); err == nil && v >= 1 && v <= core.ScaleMax {
			a.Value = v
			return t.record(ctx, p, set, a)
		}
		t.say(locale.PollReaskScale, core.ScaleMax)
	case core.SingleChoice, core.YesNo:
		if i, ok := typedOption(text, q); ok {
			a.Options = 1 << i
			return t.record(ctx, p, set, a)
		}
		t.say(locale.PollReaskChoice)
	case core.MultiChoice:
		t.say(locale.PollReaskMulti)
	}
	t.prompt(stPoll)
	return nil
}

// typedOption recognises an option typed instead of pressed: its label in
// any language, without regard to case.
func typedOption(text string, q *core.Question) (int, bool) {
	for i, o := range q.Options {
		for _, l := range core.Langs {
			if strings.EqualFold(text, o.Text.In(l)) || o.Short != nil && strings.EqualFold(text, o.Short.In(l)) {
				return i, true
			}
		}
	}
	return 0, false
}
