package flows

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/looplab/fsm"
)

// Conversation states, stored in core.Conversation.State.
const (
	stNew      = "new"       // never answered yet
	stLanguage = "language"  // waiting for a language button
	stConsent  = "consent"   // waiting for consent or refusal
	stMenu     = "menu"      // idle, the main menu shown
	stFind     = "find"      // waiting for a location or an address
	stPick     = "find_pick" // waiting for a choice among streets or districts
	stAnswer   = "answer"    // waiting for a resident's answer to a notice
	stPoll     = "poll"      // a poll's question asked
	stForget   = "forget"    // asked to confirm deleting their data

	// The steps of a chief composing a notice.
	stNoticeTarget    = "notice_target"
	stNoticeDistricts = "notice_districts"
	stNoticeText      = "notice_text"
	stNoticeUrgency   = "notice_urgency"
	stNoticeWhen      = "notice_when"
	stNoticeAt        = "notice_at"
	stNoticeCron      = "notice_cron"
	stNoticeConfirm   = "notice_confirm"

	// The steps of a resident reporting a concern.
	stReportCategory = "report_category"
	stReportText     = "report_text"
	stReportPlace    = "report_place"
	stReportPhotos   = "report_photos"
	stReportAnon     = "report_anon"
	stReportConfirm  = "report_confirm"

	// Writing about a ticket: staff replying, resolving or blocking; the
	// resident answering.
	stTicketReply   = "ticket_reply"
	stTicketResolve = "ticket_resolve"
	stTicketBlock   = "ticket_block"
	stTicketAnswer  = "ticket_answer"
)

// Events move a conversation between states. Their names differ from the
// states' names: looplab/fsm resolves a bare callback name against both.
const (
	evLanguage = "ask_language"
	evConsent  = "ask_consent"
	evMenu     = "open_menu"
	evFind     = "ask_place"
	evPick     = "offer_choices"
	evAnswer   = "ask_answer"
	evPoll     = "ask_poll_question"
	evForget   = "ask_forget"

	evNoticeTarget    = "ask_notice_target"
	evNoticeDistricts = "ask_notice_districts"
	evNoticeText      = "ask_notice_text"
	evNoticeUrgency   = "ask_notice_urgency"
	evNoticeWhen      = "ask_notice_when"
	evNoticeAt        = "ask_notice_at"
	evNoticeCron      = "ask_notice_cron"
	evNoticeConfirm   = "ask_notice_confirm"

	evReportCategory = "ask_report_category"
	evReportText     = "ask_report_text"
	evReportPlace    = "ask_report_place"
	evReportPhotos   = "ask_report_photos"
	evReportAnon     = "ask_report_anon"
	evReportConfirm  = "ask_report_confirm"

	evTicketReply   = "ask_ticket_reply"
	evTicketResolve = "ask_ticket_resolve"
	evTicketBlock   = "ask_ticket_block"
	evTicketAnswer  = "ask_ticket_answer"
)

// noticeSteps are the states of composing a notice.
var noticeSteps = []string{stNoticeTarget, stNoticeDistricts, stNoticeText, stNoticeUrgency,
	stNoticeWhen, stNoticeAt, stNoticeCron, stNoticeConfirm}

// reportSteps are the states of reporting a concern.
var reportSteps = []string{stReportCategory, stReportText, stReportPlace, stReportPhotos, stReportAnon, stReportConfirm}

// ticketWriting are the states of writing about a ticket.
var ticketWriting = []string{stTicketReply, stTicketResolve, stTicketBlock, stTicketAnswer}

// onboarded are the states reachable once a resident has chosen a language
// and answered the consent question.
var onboarded = slices.Concat([]string{stMenu, stFind, stPick, stAnswer, stPoll}, noticeSteps, reportSteps, ticketWriting)

// stForget is reachable from every state, as /forget works in every
// state; it is not among the onboarded states, so that nothing skips the
// consent question through it.
var allStates = append([]string{stNew, stLanguage, stConsent, stForget}, onboarded...)

// events is the transition table. Finding an inspector is reachable only
// after onboarding, so no flow can skip the consent question.
var events = fsm.Events{
	{Name: evLanguage, Src: allStates, Dst: stLanguage},
	{Name: evConsent, Src: append([]string{stLanguage, stConsent, stForget}, onboarded...), Dst: stConsent},
	{Name: evMenu, Src: append([]string{stLanguage, stConsent, stForget}, onboarded...), Dst: stMenu},
	{Name: evForget, Src: allStates, Dst: stForget},
	{Name: evFind, Src: onboarded, Dst: stFind},
	{Name: evPick, Src: onboarded, Dst: stPick},
	{Name: evAnswer, Src: onboarded, Dst: stAnswer},
	{Name: evPoll, Src: onboarded, Dst: stPoll},
	// A notice is started from anywhere after onboarding; its steps follow
	// one another, and any of them may go back to an earlier one.
	{Name: evNoticeTarget, Src: onboarded, Dst: stNoticeTarget},
	{Name: evNoticeDistricts, Src: noticeSteps, Dst: stNoticeDistricts},
	{Name: evNoticeText, Src: noticeSteps, Dst: stNoticeText},
	{Name: evNoticeUrgency, Src: noticeSteps, Dst: stNoticeUrgency},
	{Name: evNoticeWhen, Src: noticeSteps, Dst: stNoticeWhen},
	{Name: evNoticeAt, Src: noticeSteps, Dst: stNoticeAt},
	{Name: evNoticeCron, Src: noticeSteps, Dst: stNoticeCron},
	{Name: evNoticeConfirm, Src: noticeSteps, Dst: stNoticeConfirm},
	// A report likewise starts anywhere after onboarding.
	{Name: evReportCategory, Src: onboarded, Dst: stReportCategory},
	{Name: evReportText, Src: reportSteps, Dst: stReportText},
	{Name: evReportPlace, Src: reportSteps, Dst: stReportPlace},
	{Name: evReportPhotos, Src: reportSteps, Dst: stReportPhotos},
	{Name: evReportAnon, Src: reportSteps, Dst: stReportAnon},
	{Name: evReportConfirm, Src: reportSteps, Dst: stReportConfirm},
	{Name: evTicketReply, Src: onboarded, Dst: stTicketReply},
	{Name: evTicketResolve, Src: onboarded, Dst: stTicketResolve},
	{Name: evTicketBlock, Src: onboarded, Dst: stTicketBlock},
	{Name: evTicketAnswer, Src: onboarded, Dst: stTicketAnswer},
}

// promptKey carries the prompt of the turn a machine is firing for, in the
// context of the event: the machines are pooled, so their callbacks must
// not hold a turn.
type promptKey struct{}

// machines are reused: building one (its maps of events and states) cost a
// tenth of the bot's time under load, by profile, and every update needs
// one.
var machines = sync.Pool{New: func() any {
	// One generic enter callback: a map of a callback per state, checked
	// each time, cost a fifth of handling an update.
	return fsm.NewFSM(stNew, events, fsm.Callbacks{
		"enter_state": func(ctx context.Context, e *fsm.Event) {
			if prompt, ok := ctx.Value(promptKey{}).(func(string)); ok {
				prompt(e.Dst)
			}
		},
	})
}}

// newMachine returns the state machine of one turn, starting in state. It
// is set anew for every update because the state lives in storage, not in
// memory; release it when the turn is done.
func newMachine(state string) *fsm.FSM {
	if state == "" {
		state = stNew
	}
	m := machines.Get().(*fsm.FSM)
	m.SetState(state)
	return m
}

// releaseMachine returns a machine to the pool.
func releaseMachine(m *fsm.FSM) { machines.Put(m) }

// fire runs event on m. Entering the state it is already in counts as
// success: looplab/fsm reports it as NoTransitionError and skips the enter
// callback, so the prompt is shown here instead.
func fire(ctx context.Context, m *fsm.FSM, event string, prompt func(state string)) error {
	err := m.Event(context.WithValue(ctx, promptKey{}, prompt), event)
	var same fsm.NoTransitionError
	if errors.As(err, &same) {
		prompt(m.Current())
		return nil
	}
	if err != nil {
		return fmt.Errorf("flows: event %s in state %s: %w", event, m.Current(), err)
	}
	return nil
}
