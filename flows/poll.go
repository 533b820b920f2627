package flows

import (
	"context"
	"errors"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// Button actions of polls. Like every payload they are checked on the
// server: an answer counts only for the question being asked, in the
// generation of the poll session it was shown in. A multiple choice's
// ticks travel in its buttons ("t<option>:<ticked so far>"), so that no
// answer is ever kept in the chat's session.
const (
	actPollStart   = "pl" // pl:<poll> — take, continue or look at a poll
	actPollReview  = "pv" // pv:<poll> — go through a finished poll again
	actPollAnswer  = "pa" // pa:<gen>:<question>:<o3|t3:<mask>|ok:<mask>|v4|skip|keep>
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

// loadPoll returns the poll, cached for the turn, or nil when it does not
// exist.
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
// cannot, and reports whether they can.
func (t *turn) mayAnswer(p *core.Poll) bool {
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
	case t.pollDistrict(p) == "":
		t.needDistrict(p)
	default:
		return true
	}
	return false
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

// answerSet returns the resident's answers to p so far, with their free
// texts, or a new set; found reports whether one was stored.
func (t *turn) answerSet(ctx context.Context, p *core.Poll) (set core.AnswerSet, found bool, err error) {
	key := core.Pseudonym(t.e.pollSecret, p.ID, t.in.Chat)
	textKey := core.TextPseudonym(t.e.pollSecret, p.ID, t.in.Chat)
	set, err = t.e.store.AnswerSet(ctx, p.ID, key, textKey)
	if errors.Is(err, core.ErrNotFound) {
		now := t.e.now()
		return core.AnswerSet{Poll: p.ID, Key: key, TextKey: textKey, Started: now, Updated: now}, false, nil
	}
	return set, err == nil, err
}

// startPoll begins, continues or (with review) goes again through a poll.
// A new poll session is a new generation: answer buttons of earlier ones
// go stale.
func (t *turn) startPoll(ctx context.Context, id string, review bool) error {
	if t.staffMember() != nil {
		// Staff look after polls; they do not answer them.
		return t.staffPolls(ctx, "")
	}
	p, err := t.loadPoll(ctx, id)
	if err != nil {
		return err
	}
	if p == nil {
		t.say(locale.PollNotFound)
		return nil
	}
	if !t.mayAnswer(p) {
		return nil
	}
	set, found, err := t.answerSet(ctx, p)
	if err != nil {
		return err
	}
	l := t.lang()
	_, next := p.Walk(set.Answers)
	review = review && found && len(set.Answers) > 0
	switch {
	case set.Done && !review:
		t.send(core.Reply{Text: locale.T(l, locale.PollAlreadyDone, p.Title.In(l), t.date(set.Updated), t.lastDay(p)),
			Buttons: [][]core.Button{
				{button(locale.T(l, locale.PollChangeButton), actPollReview, p.ID)},
				t.homeRow()[0],
			}})
		return nil
	case review:
		next = 0
		t.say(locale.PollReviewIntro, p.Title.In(l))
	case next == len(p.Questions):
		// Every question answered, the set not yet marked done: a poll
		// whose skips changed, say.
		return t.finishPoll(ctx, p, set)
	case found && len(set.Answers) > 0:
		t.say(locale.PollResumed, p.Title.In(l), next+1)
	default:
		intro := "📋 " + p.Title.In(l)
		if s := p.Intro.In(l); s != "" {
			intro += "\n\n" + s
		}
		t.say(locale.PollIntro, intro, len(p.Questions))
	}
	c := &t.s.Conversation
	c.Gen++
	// The progress is in place before the state is entered, whose prompt
	// shows its question, even when a poll is started from another one.
	c.Poll = &core.PollProgress{Poll: p.ID, Q: next, Review: review}
	t.set = &set
	t.dirty = true
	return t.goTo(ctx, evPoll)
}

// finishPoll settles the answers and thanks the resident.
func (t *turn) finishPoll(ctx context.Context, p *core.Poll, set core.AnswerSet) error {
	set.Settle(p)
	set.Updated = t.e.now()
	t.answers = &set
	l := t.lang()
	t.say(locale.PollThanks, p.Title.In(l), t.lastDay(p))
	return t.goTo(ctx, evMenu)
}

// date formats a day in the city's time zone.
func (t *turn) date(at time.Time) string {
	return at.In(t.city.Location).Format("02.01.2006")
}

// lastDay is the last day a poll takes answers: Closes itself is the
// first moment it does not.
func (t *turn) lastDay(p *core.Poll) string { return t.date(p.Closes.Add(-time.Second)) }
