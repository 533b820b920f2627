package flows

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// Button actions of residents' data rights.
const (
	// actForget answers the question /forget asks: fg:yes:<gen> deletes,
	// fg:no keeps. Only in stForget, and only with the generation the
	// question was asked in: a forged or old button deletes nothing, and
	// it can only ever delete the data of the chat that presses it.
	actForget = "fg"
	// actPrivacy opens the rights from the privacy screen: pd:data shows
	// what is stored, pd:forget asks to delete it. Any state.
	actPrivacy = "pd"
)

// forget answers /forget: staff are refused, a chat with nothing stored
// is told so, and a resident is asked to confirm.
func (t *turn) forget(ctx context.Context) error {
	if t.staffMember() != nil {
		t.say(locale.ForgetStaff)
		return nil
	}
	p, err := t.e.store.PersonalData(ctx, t.in.Chat)
	if err != nil {
		return err
	}
	if p.Empty() {
		sets, err := t.pollAnswers(ctx)
		if err != nil {
			return err
		}
		if len(sets) == 0 {
			t.say(locale.ForgetNothing)
			return nil
		}
	}
	if t.forgetTooSoon() {
		return nil
	}
	// A new generation: a confirmation button of an earlier question is
	// stale.
	t.s.Conversation.Gen++
	return t.goTo(ctx, evForget)
}

// forgetReply is the confirmation question with its buttons.
func (t *turn) forgetReply() core.Reply {
	l := t.lang()
	return core.Reply{Text: locale.T(l, locale.ForgetConfirm), Buttons: [][]core.Button{
		{button(locale.T(l, locale.ForgetYes), actForget, "yes:"+strconv.Itoa(t.s.Conversation.Gen))},
		{button(locale.T(l, locale.ForgetNo), actForget, "no")},
	}}
}

// forgetButton handles the answer to the confirmation question. The state
// and generation stored for this chat decide, never the payload alone.
func (t *turn) forgetButton(ctx context.Context, arg string) error {
	if t.m.Current() != stForget {
		return t.stale(ctx)
	}
	switch {
	case arg == "no":
		t.say(locale.ForgetCancelled)
		return t.back(ctx)
	case arg == "yes:"+strconv.Itoa(t.s.Conversation.Gen):
		return t.forgetNow(ctx)
	}
	return t.stale(ctx)
}

// forgetTooSoon tells a chat that had its data deleted less than
// forgetEvery ago when it may ask again, and reports whether it did.
func (t *turn) forgetTooSoon() bool {
	wait := t.e.forgets.wait(t.in.Chat, t.e.now())
	if wait <= 0 {
		return false
	}
	t.say(locale.ForgetTooSoon, int((wait+time.Minute-1)/time.Minute))
	return true
}

// back returns from the forget question to the state it interrupted, as
// it was, and shows that state's prompt again. A choice of streets is not
// returned to: its buttons are of an older generation now. Anything else,
// or a resident not onboarded, resumes as usual.
func (t *turn) back(ctx context.Context) error {
	c := &t.s.Conversation
	back := c.Back
	if back == stPick || !t.onboarded() || !slices.Contains(onboarded, back) {
		return t.resume(ctx)
	}
	t.m.SetState(back)
	c.State, c.Back = back, ""
	t.dirty = true
	t.prompt(back)
	return nil
}

// forgetNow deletes the chat's personal data with this update's commit
// (core.Change.Forget), tells the staff handling its open tickets that
// the reporter is gone, and tells the resident, in their language, what
// was deleted. Nothing of the session is stored afterwards: the next
// message starts afresh.
func (t *turn) forgetNow(ctx context.Context) error {
	if t.staffMember() != nil {
		// The role may have changed since the question.
		t.say(locale.ForgetStaff)
		return t.resume(ctx)
	}
	if t.forgetTooSoon() {
		// Asked before the last forget, answered after it.
		return t.back(ctx)
	}
	p, err := t.e.store.PersonalData(ctx, t.in.Chat)
	if err != nil {
		return err
	}
	sets, err := t.pollAnswers(ctx)
	if err != nil {
		return err
	}
	for _, tk := range p.Tickets {
		if !tk.Status.Open() {
			continue
		}
		// Storage erases the ticket in the same commit; the buttons sent
		// with the news are those of the erased ticket.
		tk.Erase(t.e.now(), core.ActionWithdrawn)
		if err := t.tellAssignee(ctx, tk, "withdrawn", func(l core.Lang) string { return locale.T(l, locale.TkWithdrawnStaff, tk.Code) }); err != nil {
			return err
		}
	}
	for _, s := range sets {
		t.unlink = append(t.unlink, core.AnswerRef{Poll: s.poll.ID, Key: s.set.Key, TextKey: s.set.TextKey})
	}
	t.forgetting = true

	l := t.lang()
	lines := []string{locale.T(l, locale.ForgetDone)}
	add := func(n int, key locale.Key) {
		if n > 0 {
			lines = append(lines, locale.T(l, key, n))
		}
	}
	add(len(t.s.Resident.Subscriptions), locale.ForgetDoneSubscriptions)
	add(p.Queued, locale.ForgetDoneQueued)
	add(len(p.Tickets), locale.ForgetDoneTickets)
	add(len(sets), locale.ForgetDonePolls)
	if t.s.Resident.Blocked != nil {
		lines = append(lines, locale.T(l, locale.ForgetDoneBlock))
	}
	lines = append(lines, locale.T(l, locale.ForgetDoneEnd))
	t.send(core.Reply{Text: strings.Join(lines, "\n\n"), RemoveKeyboard: true})
	return nil
}

// privacyButton handles the buttons of the privacy screen.
func (t *turn) privacyButton(ctx context.Context, arg string) error {
	switch arg {
	case "data":
		return t.myData(ctx)
	case "forget":
		return t.forget(ctx)
	}
	return t.stale(ctx)
}
