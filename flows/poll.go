package flows

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// Button actions of polls. Like every payload they are checked on the
// server: an answer counts only for the question being asked, in the
// generation of the poll session it was shown in.
const (
	actPollStart   = "pl" // pl:<poll> — take, continue or look at a poll
	actPollReview  = "pv" // pv:<poll> — go through a finished poll again
	actPollAnswer  = "pa" // pa:<gen>:<question>:<o3|t3|ok|v4|skip|keep>
	actPollResults = "pr" // pr:<poll>[:<precinct>|*], staff only
	actPollInvite  = "pi" // pi:<poll>, chiefs and admins only
)

var pollActions = map[string]bool{actPollStart: true, actPollReview: true, actPollAnswer: true,
	actPollResults: true, actPollInvite: true}

// pollButton dispatches the buttons of polls.
func (t *turn) pollButton(ctx context.Context, action, arg string) error {
	switch action {
	case actPollStart:
		return t.startPoll(ctx, arg, false)
	case actPollReview:
		return t.startPoll(ctx, arg, true)
	case actPollAnswer:
		return t.answerButton(ctx, arg)
	case actPollResults:
		return t.pollResults(ctx, arg)
	case actPollInvite:
		return t.invite(ctx, arg)
	}
	return t.stale(ctx)
}

// loadPoll returns the poll, cached for the turn, or nil with the resident
// told why when it does not exist.
func (t *turn) loadPoll(ctx context.Context, id string) (*core.Poll, error) {
	if t.poll != nil && t.poll.ID == id {
		return t.poll, nil
	}
	p, err := t.e.store.Poll(ctx, id)
	if errors.Is(err, core.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	t.poll = &p
	return t.poll, nil
}

// pollDistrict is the district a resident answers a poll for: their home
// district if the poll asks it, else the first of their alert districts it
// asks. Both are kept only with consent.
func (t *turn) pollDistrict(p *core.Poll) string {
	r := &t.s.Resident
	if p.Targets(r.HomeDistrict) {
		return r.HomeDistrict
	}
	for _, d := range r.Subscriptions {
		if p.Targets(d) {
			return d
		}
	}
	return ""
}

// mayAnswer tells the resident why they cannot answer p now, if they
// cannot, and returns their district if they can.
func (t *turn) mayAnswer(p *core.Poll) (string, bool) {
	l := t.lang()
	now := t.e.now()
	switch {
	case len(t.e.pollSecret) == 0:
		t.send(core.Reply{Text: locale.T(l, locale.PollsUnavailable), Buttons: t.homeRow()})
	case !t.s.Resident.Consented():
		t.send(core.Reply{Text: locale.T(l, locale.PollNeedsConsent), Buttons: t.homeRow()})
	case now.Before(p.Opens):
		t.send(core.Reply{Text: locale.T(l, locale.PollNotOpen, p.Title.In(l), t.date(p.Opens)), Buttons: t.homeRow()})
	case !p.Open(now):
		t.send(core.Reply{Text: locale.T(l, locale.PollClosed, p.Title.In(l), t.lastDay(p)), Buttons: t.homeRow()})
	default:
		if d := t.pollDistrict(p); d != "" {
			return d, true
		}
		t.needDistrict(p)
	}
	return "", false
}

// needDistrict explains that a poll is for the residents of some
// districts, and how to tell the bot where one lives.
func (t *turn) needDistrict(p *core.Poll) {
	l := t.lang()
	key := locale.PollNotForYou
	if t.s.Resident.HomeDistrict == "" {
		key = locale.PollNeedDistrict
	}
	t.send(core.Reply{Text: locale.T(l, key, p.Title.In(l)), Buttons: [][]core.Button{
		{button(locale.T(l, locale.MenuFind), actMenu, menuFind)},
		t.homeRow()[0],
	}})
}

// answerSet returns the resident's answers to p so far, or a new set.
func (t *turn) answerSet(ctx context.Context, p *core.Poll) (core.AnswerSet, bool, error) {
	key := core.Pseudonym(t.e.pollSecret, p.ID, t.in.Chat)
	set, err := t.e.store.AnswerSet(ctx, p.ID, key)
	if errors.Is(err, core.ErrNotFound) {
		now := t.e.now()
		return core.AnswerSet{Poll: p.ID, Key: key, Started: now, Updated: now}, false, nil
	}
	return set, err == nil, err
}

// startPoll begins, continues or (with review) goes again through a poll.
// A new poll session is a new generation: answer buttons of earlier ones
// go stale.
func (t *turn) startPoll(ctx context.Context, id string, review bool) error {
	if t.staffMember() != nil && !review {
		// Staff look after polls; they do not answer them.
		return t.staffPolls(ctx, id)
	}
	p, err := t.loadPoll(ctx, id)
	if err != nil || p == nil {
		if err == nil {
			t.say(locale.PollNotFound)
		}
		return err
	}
	if _, ok := t.mayAnswer(p); !ok {
		return nil
	}
	set, found, err := t.answerSet(ctx, p)
	if err != nil {
		return err
	}
	l := t.lang()
	if set.Done && !review {
		t.send(core.Reply{Text: locale.T(l, locale.PollAlreadyDone, p.Title.In(l), t.date(set.Updated), t.lastDay(p)),
			Buttons: [][]core.Button{
				{button(locale.T(l, locale.PollChangeButton), actPollReview, p.ID)},
				t.homeRow()[0],
			}})
		return nil
	}
	c := &t.s.Conversation
	c.Gen++
	progress := &core.PollProgress{Poll: p.ID, Review: review && set.Done}
	switch {
	case progress.Review:
		progress.Q = 0
		t.say(locale.PollReviewIntro, p.Title.In(l))
	case found && len(set.Answers) > 0:
		path := p.Path(set.Answers)
		progress.Q = path[len(path)-1]
		t.say(locale.PollResumed, p.Title.In(l), progress.Q+1)
	default:
		intro := "📋 " + p.Title.In(l)
		if s := p.Intro.In(l); s != "" {
			intro += "\n\n" + s
		}
		t.say(locale.PollIntro, intro, len(p.Questions))
	}
	if progress.Q >= len(p.Questions) {
		return t.finishPoll(ctx, p, set)
	}
	if err := t.goTo(ctx, evPoll); err != nil {
		return err
	}
	t.moveTo(progress, p, set, progress.Q)
	c.Poll = progress
	t.prompt(stPoll)
	return nil
}

// moveTo makes question q the one asked; in a review a multiple choice
// starts with the options ticked before.
func (t *turn) moveTo(progress *core.PollProgress, p *core.Poll, set core.AnswerSet, q int) {
	progress.Q, progress.Picked = q, 0
	if a, ok := core.FindAnswer(set.Answers, q); ok && p.Questions[q].Kind == core.MultiChoice {
		progress.Picked = a.Options
	}
	t.dirty = true
}

// current returns the poll being answered and the resident's answers,
// or nil when the poll is gone or closed meanwhile (the resident is told
// and taken to the menu).
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
	set, _, err := t.answerSet(ctx, p)
	return p, set, err
}

// answerButton handles a press on an answer button.
func (t *turn) answerButton(ctx context.Context, arg string) error {
	parts := strings.Split(arg, ":")
	progress := t.s.Conversation.Poll
	if len(parts) != 3 || t.m.Current() != stPoll || progress == nil ||
		parts[0] != strconv.Itoa(t.s.Conversation.Gen) || parts[1] != strconv.Itoa(progress.Q) {
		return t.stale(ctx)
	}
	p, set, err := t.current(ctx)
	if p == nil || err != nil {
		return err
	}
	q := &p.Questions[progress.Q]
	value := parts[2]
	a := core.Answer{Q: progress.Q}
	switch {
	case value == "skip" && q.Optional:
		a.Skipped = true
	case value == "keep" && progress.Review:
		old, ok := core.FindAnswer(set.Answers, progress.Q)
		if !ok {
			return t.stale(ctx)
		}
		a = old
	case value == "ok" && q.Kind == core.MultiChoice:
		if progress.Picked == 0 {
			t.say(locale.PollPickSome)
			return nil
		}
		a.Options = progress.Picked
	case strings.HasPrefix(value, "t") && q.Kind == core.MultiChoice:
		i, ok := optionIndex(value[1:], q)
		if !ok {
			return t.stale(ctx)
		}
		progress.Picked ^= 1 << i
		t.dirty = true
		t.prompt(stPoll)
		return nil
	case strings.HasPrefix(value, "o") && (q.Kind == core.SingleChoice || q.Kind == core.YesNo):
		i, ok := optionIndex(value[1:], q)
		if !ok {
			return t.stale(ctx)
		}
		a.Options = 1 << i
	case strings.HasPrefix(value, "v") && q.Kind == core.Scale:
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

// record stores an answer with the session and asks the next question, or
// ends the poll.
func (t *turn) record(ctx context.Context, p *core.Poll, set core.AnswerSet, a core.Answer) error {
	set.Set(a)
	set.Updated = t.e.now()
	if d := t.pollDistrict(p); d != "" {
		set.District = d // the resident may have moved since they began
	}
	next := p.Next(a.Q, a)
	if next >= len(p.Questions) {
		return t.finishPoll(ctx, p, set)
	}
	t.answers = &set
	t.moveTo(t.s.Conversation.Poll, p, set, next)
	t.prompt(stPoll)
	return nil
}

// finishPoll marks the answers complete, dropping those a changed answer
// skipped over, and thanks the resident.
func (t *turn) finishPoll(ctx context.Context, p *core.Poll, set core.AnswerSet) error {
	set.Prune(p)
	set.Done = true
	set.Updated = t.e.now()
	t.answers = &set
	l := t.lang()
	t.say(locale.PollThanks, p.Title.In(l), t.lastDay(p))
	return t.goTo(ctx, evMenu)
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

// date formats a day in the city's time zone.
func (t *turn) date(at time.Time) string {
	return at.In(t.e.city.Location).Format("02.01.2006")
}

// lastDay is the last day a poll takes answers: Closes itself is the
// first moment it does not.
func (t *turn) lastDay(p *core.Poll) string { return t.date(p.Closes.Add(-time.Second)) }
