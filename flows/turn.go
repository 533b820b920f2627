package flows

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
	"github.com/beatbot-kz/beatbot/locate"
	"github.com/looplab/fsm"
)

// turn is the handling of one update: the session as it changes, the state
// machine and the replies gathered so far.
type turn struct {
	// ctx is the update's context, for the few reads a prompt makes.
	ctx context.Context
	e   *Engine
	// city and index are the directory this update is handled with,
	// read once: a reload meanwhile does not change them.
	city    *core.City
	index   *locate.Index
	in      core.Inbound
	s       core.Session
	m       *fsm.FSM
	replies []core.Reply
	// dirty is set when the session changed and must be stored.
	dirty bool
	// silent suppresses the prompt of the next state entered, when the
	// answer just given already ends with the buttons the resident needs.
	silent bool
	// outbox holds messages to others, committed with the session.
	outbox []core.OutboxItem
	// notice is a notice to store, committed with the session.
	notice *core.Notice
	// tickets are tickets to store, committed with the session.
	tickets []core.Ticket
	// block stops a reporter from reporting, committed with the session.
	block *core.ReportBlock
	// cancel is a notice to cancel, committed with the session.
	cancel uint64
	// answers are poll answers to store, committed with the session.
	answers *core.AnswerSet
	// forgetting deletes the chat's personal data with this turn's
	// commit, instead of storing the session; unlink are its poll
	// answers, to be moved away from its pseudonyms.
	forgetting bool
	unlink     []core.AnswerRef
	// leave is a leave an admin records, committed with the session;
	// the city is laid over with it once committed.
	leave *core.Leave
	// poll is the poll read during this turn, kept to read it once; set
	// is the resident's answers to it as they stand in this turn.
	poll *core.Poll
	set  *core.AnswerSet
	// ticks are the options ticked in a multiple choice, when a press
	// changed them.
	ticks *uint16
}

func newTurn(e *Engine, city *core.City, index *locate.Index, in core.Inbound, s core.Session) *turn {
	t := &turn{e: e, city: city, index: index, in: in, s: s}
	t.m = newMachine(s.Conversation.State)
	return t
}

// lang is the language to answer in: the resident's choice, else their
// app's language, else the default.
func (t *turn) lang() core.Lang {
	if l := t.s.Resident.Lang; l != "" {
		return l
	}
	if t.in.LangHint != "" {
		return t.in.LangHint
	}
	return core.DefaultLang
}

func (t *turn) say(key locale.Key, args ...any) {
	t.replies = append(t.replies, core.Reply{Text: locale.T(t.lang(), key, args...)})
}

func (t *turn) send(r core.Reply) { t.replies = append(t.replies, r) }

// onboarded reports whether the resident chose a language and answered the
// consent question.
func (t *turn) onboarded() bool {
	r := &t.s.Resident
	return r.Lang != "" && (r.Consented() || r.Declined)
}

// goTo fires event and records the new state. Leaving a state forgets
// what was kept for it: the street of stPick, the notice draft of the
// notice steps, the notice being answered.
func (t *turn) goTo(ctx context.Context, event string) error {
	prev := t.m.Current()
	if err := fire(ctx, t.m, event, t.prompt); err != nil {
		return err
	}
	c := &t.s.Conversation
	c.State = t.m.Current()
	if c.State == stForget {
		// Only a question: what was kept stays until it is answered, so
		// that "no" deletes nothing, a report being written included.
		if prev != stForget {
			c.Back = prev
		}
		t.dirty = true
		return nil
	}
	c.Back = ""
	if c.State != stPick && c.State != stReportPlace {
		c.Street = ""
	}
	if !slices.Contains(noticeSteps, c.State) {
		c.Draft = nil
	}
	if !slices.Contains(reportSteps, c.State) {
		c.Report = nil
	}
	if c.State != stAnswer {
		c.AnswerTo = 0
	}
	if c.State != stPoll {
		c.Poll = nil
	}
	if !slices.Contains(ticketWriting, c.State) {
		c.Ticket = 0
	}
	t.dirty = true
	return nil
}

// resume takes a resident who has not finished onboarding to the step
// they are at, and anyone else to the menu.
func (t *turn) resume(ctx context.Context) error {
	switch {
	case t.s.Resident.Lang == "":
		return t.goTo(ctx, evLanguage)
	case !t.onboarded():
		return t.goTo(ctx, evConsent)
	}
	return t.goTo(ctx, evMenu)
}

// reprompt shows again what the current state waits for.
func (t *turn) reprompt(ctx context.Context) error {
	if !t.onboarded() {
		return t.resume(ctx)
	}
	t.prompt(t.m.Current())
	return nil
}

// run handles the update. Checks common to every state come first: length,
// emptiness and emergencies.
func (t *turn) run(ctx context.Context) error {
	t.ctx = ctx
	in := t.in
	if in.Kind == core.KindText || in.Kind == core.KindCommand {
		if n := utf8.RuneCountInString(in.Text); n > core.MaxTextLen {
			t.say(locale.TooLong, n, core.MaxTextLen)
			return nil
		}
	}
	if in.Kind != core.KindCommand && in.Kind != core.KindButton && looksLikeEmergency(in.Text) {
		t.say(locale.EmergencyBanner, t.emergencyList(", "))
	}
	switch in.Kind {
	case core.KindCommand:
		return t.command(ctx)
	case core.KindButton:
		return t.button(ctx)
	case core.KindText:
		if strings.TrimSpace(in.Text) == "" {
			t.say(locale.EmptyText)
			return nil
		}
		return t.input(ctx)
	case core.KindLocation:
		if in.Location == nil {
			t.say(locale.Unsupported)
			return t.reprompt(ctx)
		}
		return t.input(ctx)
	case core.KindPhoto:
		if t.m.Current() == stNoticeText {
			return t.noticeInput(ctx)
		}
		if slices.Contains(reportSteps, t.m.Current()) {
			return t.reportInput(ctx)
		}
	case core.KindUnsupported:
		if slices.Contains(reportSteps, t.m.Current()) {
			return t.reportInput(ctx) // explains why files are refused
		}
	}
	t.say(locale.Unsupported)
	return t.reprompt(ctx)
}

// stale answers a button that is forged, malformed or from an old message,
// and shows where the conversation really is. Nothing else changes.
func (t *turn) stale(ctx context.Context) error {
	t.say(locale.StaleButton)
	return t.reprompt(ctx)
}

// button dispatches a button press. Each action is accepted only in the
// states that offer it, and its argument is checked against the directory
// or the stored choices.
func (t *turn) button(ctx context.Context) error {
	action, arg, ok := parseButton(t.in.Data)
	if !ok {
		return t.stale(ctx)
	}
	state := t.m.Current()
	switch {
	case action == actForget:
		return t.forgetButton(ctx, arg)
	case action == actPrivacy && t.s.Resident.Lang != "":
		return t.privacyButton(ctx, arg)
	case action == actLang && state == stLanguage:
		return t.chooseLanguage(ctx, core.Lang(arg))
	case action == actConsent && state == stConsent:
		return t.answerConsent(ctx, arg)
	case action == actMenu && t.onboarded() && slices.Contains(onboarded, state):
		// Not while choosing a language or answering the consent question:
		// those come first.
		return t.menu(ctx, arg)
	case action == actPick && state == stPick:
		return t.pick(ctx, arg)
	case noticeActions[action] && t.onboarded() && slices.Contains(onboarded, state):
		return t.noticeButton(ctx, action, arg)
	case reportActions[action] != "" && t.onboarded():
		return t.reportButton(ctx, action, arg)
	case ticketActions[action] && t.onboarded() && slices.Contains(onboarded, state):
		return t.ticketButton(ctx, action, arg)
	case pollActions[action] && t.onboarded() && slices.Contains(onboarded, state):
		return t.pollButton(ctx, action, arg)
	case (action == actSub || action == actUnsub) && t.onboarded():
		d := t.city.District(arg)
		if d == nil {
			return t.stale(ctx)
		}
		if action == actSub {
			t.subscribe(d)
		} else {
			t.unsubscribe(d)
		}
		return nil
	}
	return t.stale(ctx)
}

// input handles typed text and shared locations by state.
func (t *turn) input(ctx context.Context) error {
	switch t.m.Current() {
	case stNew, stLanguage:
		if l := langFromText(t.in.Text); l != "" && t.langEnabled(l) {
			return t.chooseLanguage(ctx, l)
		}
		return t.resume(ctx)
	case stConsent:
		t.send(t.consentReply(locale.ConsentReask))
		return nil
	case stForget:
		t.prompt(stForget)
		return nil
	case stPick:
		c := t.s.Conversation
		if h, err := core.ParseHouse(t.in.Text); err == nil && c.Street != "" {
			return t.lookupStreet(ctx, c.Street, &h, t.findPlaces())
		}
	case stAnswer:
		return t.answer(ctx)
	case stPoll:
		return t.pollInput(ctx)
	}
	if slices.Contains(reportSteps, t.m.Current()) {
		return t.reportInput(ctx)
	}
	if slices.Contains(ticketWriting, t.m.Current()) {
		return t.ticketWrite(ctx)
	}
	if slices.Contains(noticeSteps, t.m.Current()) {
		return t.noticeInput(ctx)
	}
	if t.in.Kind == core.KindLocation {
		return t.findByLocation(ctx, *t.in.Location)
	}
	return t.findByAddress(ctx, t.in.Text)
}
