package flows

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// ticketButton dispatches the ticket buttons of staff and of residents.
func (t *turn) ticketButton(ctx context.Context, action, arg string) error {
	switch action {
	case actTicketList:
		return t.listTickets(ctx, arg)
	case actTicketAnswer, actTicketVerdict, actTicketRate:
		return t.reporterButton(ctx, action, arg)
	}
	idArg, rest, _ := strings.Cut(arg, ":")
	if action == actTicket {
		idArg, rest = rest, idArg // tk:<op>:<id>
	}
	tk, actor, ok, err := t.staffTicket(ctx, idArg)
	if err != nil || !ok {
		return err
	}
	switch action {
	case actTicket:
		return t.staffOp(ctx, tk, actor, rest)
	case actTicketTransfer:
		return t.transfer(ctx, tk, actor, rest)
	case actTicketReassign:
		return t.reassign(ctx, tk, actor, rest)
	case actTicketReject:
		return t.reject(ctx, tk, actor, rest)
	}
	return t.stale(ctx)
}

// staffTicket loads a ticket for a staff action and checks that the sender
// may act on it; ok is false when the answer was already given.
func (t *turn) staffTicket(ctx context.Context, idArg string) (core.Ticket, *core.Staff, bool, error) {
	tk, err := t.loadTicket(ctx, idArg)
	if errors.Is(err, core.ErrNotFound) {
		t.say(locale.TkNotFound, idArg)
		return tk, nil, false, nil
	}
	if err != nil {
		return tk, nil, false, err
	}
	actor := t.staffMember()
	if !t.city.MayHandle(actor, tk.Precinct, tk.Assignee) {
		if actor == nil {
			// Not the chat: it may be the ticket's anonymous reporter.
			t.e.log.Warn().Uint64("ticket", tk.ID).Msg("a non-staff chat pressed a ticket button")
		}
		t.say(locale.TkNotAllowed)
		return tk, nil, false, nil
	}
	return tk, actor, true, nil
}

// staffOp runs one staff operation on a ticket.
func (t *turn) staffOp(ctx context.Context, tk core.Ticket, actor *core.Staff, op string) error {
	l := t.lang()
	now := t.e.now()
	open := tk.Status.Open()
	switch op {
	case opOpen:
		t.send(core.Reply{Text: t.cardText(tk, l), Buttons: t.staffButtons(tk, actor, l)})
		return nil
	case opAccept:
		if tk.Status != core.TicketNew && tk.Status != core.TicketReopened {
			t.say(locale.TkAlready, tk.Code, statusName(tk.Status, l))
			return nil
		}
		if tk.Accepted.IsZero() {
			tk.Accepted = now
		}
		tk.Record(now, actor.ID, core.ActionAccepted, core.TicketAccepted, "")
		t.tickets = append(t.tickets, tk)
		if err := t.notifyReporter(ctx, tk, "accepted", func(l core.Lang) (string, [][]core.Button) {
			return locale.T(l, locale.TkAcceptedResident, tk.Code), nil
		}); err != nil {
			return err
		}
		t.say(locale.TkAccepted, tk.Code)
		return nil
	case opReply, opResolve, opBlock:
		if !open && op != opBlock {
			t.say(locale.TkAlready, tk.Code, statusName(tk.Status, l))
			return nil
		}
		if op == opBlock && actor.Role != core.RoleChief && actor.Role != core.RoleAdmin {
			t.say(locale.TkNotAllowed)
			return nil
		}
		if op != opResolve && !tk.Linked() {
			t.say(locale.TkNoReporter, tk.Code, erasedBy(tk, l))
			return nil
		}
		ev := map[string]string{opReply: evTicketReply, opResolve: evTicketResolve, opBlock: evTicketBlock}[op]
		// Set first: entering the state shows the ticket's code.
		t.s.Conversation.Ticket = tk.ID
		return t.goTo(ctx, ev)
	case opTransfer, opReject:
		if !open {
			t.say(locale.TkAlready, tk.Code, statusName(tk.Status, l))
			return nil
		}
		id := strconv.FormatUint(tk.ID, 10)
		var rows [][]core.Button
		text := locale.T(l, locale.TkRejectPrompt, tk.Code)
		if op == opTransfer {
			text = locale.T(l, locale.TkTransferPrompt, tk.Code)
			// The ticket's own precinct first; a keyboard of a whole
			// city's districts would be refused by the messenger.
			for _, own := range []bool{true, false} {
				for _, d := range t.city.Districts {
					if d.ID != tk.District && (d.Precinct == tk.Precinct) == own && len(rows) < 2*maxChoices {
						rows = append(rows, []core.Button{button(t.districtLabel(&d), actTicketTransfer, id+":"+d.ID)})
					}
				}
			}
		} else {
			for _, reason := range []string{"notpolice", "duplicate", "false"} {
				rows = append(rows, []core.Button{button(locale.T(l, rejectReasons[reason]), actTicketReject, id+":"+reason)})
			}
		}
		t.send(core.Reply{Text: text, Buttons: rows})
		return nil
	case opReassign:
		if actor.Role != core.RoleChief && actor.Role != core.RoleAdmin || !open {
			t.say(locale.TkNotAllowed)
			return nil
		}
		id := strconv.FormatUint(tk.ID, 10)
		var rows [][]core.Button
		for _, s := range t.precinctStaff(tk.Precinct) {
			if s.ID != tk.Assignee && len(rows) < 2*maxChoices {
				rows = append(rows, []core.Button{button(s.Name.In(l), actTicketReassign, id+":"+s.ID)})
			}
		}
		t.send(core.Reply{Text: locale.T(l, locale.TkReassignPrompt, tk.Code), Buttons: rows})
		return nil
	case opRemind:
		if actor.Role != core.RoleChief && actor.Role != core.RoleAdmin || !open {
			t.say(locale.TkNotAllowed)
			return nil
		}
		if chat, ok := t.staffChat(t.city.StaffMember(tk.Assignee)); ok {
			lang, err := t.langOf(ctx, chat)
			if err != nil {
				return err
			}
			t.outbox = append(t.outbox, core.OutboxItem{
				Key: "remind:" + t.in.Key, Chat: chat, Priority: core.PriorityUrgent, ToStaff: true,
				Reply: core.Reply{Text: locale.T(lang, locale.TkReminder, tk.Code), Buttons: t.staffButtons(tk, nil, lang),
					Template: core.TemplateTicket, Lang: lang},
			})
		}
		t.say(locale.TkReminded, tk.Code)
		return nil
	}
	return t.stale(ctx)
}

// transfer moves an open ticket to another district's inspector.
func (t *turn) transfer(ctx context.Context, tk core.Ticket, actor *core.Staff, district string) error {
	d := t.city.District(district)
	if d == nil || d.ID == tk.District {
		return t.stale(ctx)
	}
	if !tk.Status.Open() {
		t.say(locale.TkAlready, tk.Code, statusName(tk.Status, t.lang()))
		return nil
	}
	now := t.e.now()
	tk.District, tk.Precinct = d.ID, d.Precinct
	tk.Assignee = t.routeTicket(&tk, now)
	tk.Record(now, actor.ID, core.ActionTransferred, core.TicketNew, d.ID)
	if err := t.saveTicket(ctx, tk, "transferred"); err != nil {
		return err
	}
	if err := t.notifyReporter(ctx, tk, "transferred", func(l core.Lang) (string, [][]core.Button) {
		return locale.T(l, locale.TkTransferredResident, tk.Code, d.Name.In(l)), nil
	}); err != nil {
		return err
	}
	t.say(locale.TkTransferred, tk.Code, d.Name.In(t.lang()))
	return nil
}

// precinctStaff are the reachable officers of a precinct: its districts'
// inspectors and its chief.
func (t *turn) precinctStaff(precinct string) []*core.Staff {
	city := t.city
	var out []*core.Staff
	add := func(s *core.Staff) {
		if s != nil && t.city.Reachable(s) && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, d := range city.Districts {
		if d.Precinct == precinct {
			add(city.StaffMember(d.Inspector))
		}
	}
	add(city.PrecinctChief(precinct))
	return out
}

// reassign gives an open ticket to another officer of its precinct; only a
// chief or an admin may.
func (t *turn) reassign(ctx context.Context, tk core.Ticket, actor *core.Staff, staffID string) error {
	to := t.city.StaffMember(staffID)
	if to == nil || to.ID == tk.Assignee || !slices.Contains(t.precinctStaff(tk.Precinct), to) ||
		actor.Role != core.RoleChief && actor.Role != core.RoleAdmin {
		return t.stale(ctx)
	}
	if !tk.Status.Open() {
		t.say(locale.TkAlready, tk.Code, statusName(tk.Status, t.lang()))
		return nil
	}
	tk.Assignee = to.ID
	tk.Record(t.e.now(), actor.ID, core.ActionReassigned, "", to.ID)
	if err := t.saveTicket(ctx, tk, "reassigned"); err != nil {
		return err
	}
	t.say(locale.TkReassigned, tk.Code, to.Name.In(t.lang()))
	return nil
}

// reject closes an open ticket with one of the reasons.
func (t *turn) reject(ctx context.Context, tk core.Ticket, actor *core.Staff, reason string) error {
	key, ok := rejectReasons[reason]
	if !ok {
		return t.stale(ctx)
	}
	if !tk.Status.Open() {
		t.say(locale.TkAlready, tk.Code, statusName(tk.Status, t.lang()))
		return nil
	}
	tk.Record(t.e.now(), actor.ID, core.ActionRejected, core.TicketRejected, reason)
	t.tickets = append(t.tickets, tk)
	if err := t.notifyReporter(ctx, tk, "rejected", func(l core.Lang) (string, [][]core.Button) {
		return locale.T(l, locale.TkRejectedResident, tk.Code, locale.T(l, key)), nil
	}); err != nil {
		return err
	}
	t.say(locale.TkRejected, tk.Code)
	return nil
}

// finish answers the end of a step with a way back to the menu, instead of
// the menu itself: one message rather than two.
func (t *turn) finish(key locale.Key, args ...any) {
	t.send(core.Reply{Text: locale.T(t.lang(), key, args...), Buttons: t.homeRow()})
	t.silent = true
}

// ticketWrite handles the text staff or a resident write about a ticket.
func (t *turn) ticketWrite(ctx context.Context) error {
	state := t.m.Current()
	text := strings.TrimSpace(t.in.Text)
	if t.in.Kind != core.KindText || text == "" {
		t.say(locale.Unsupported)
		t.prompt(state)
		return nil
	}
	if n := utf8.RuneCountInString(text); n > maxReportText {
		t.say(locale.TooLong, n, maxReportText)
		return nil
	}
	id := strconv.FormatUint(t.s.Conversation.Ticket, 10)
	if state == stTicketAnswer {
		return t.answerTicket(ctx, id, text)
	}
	tk, actor, ok, err := t.staffTicket(ctx, id)
	if err != nil || !ok {
		if err == nil {
			return t.goTo(ctx, evMenu)
		}
		return err
	}
	now := t.e.now()
	l := t.lang()
	if state != stTicketResolve && !tk.Linked() {
		// The reporter withdrew (or retention erased the ticket) while
		// staff were writing.
		t.say(locale.TkNoReporter, tk.Code, erasedBy(tk, l))
		return t.goTo(ctx, evMenu)
	}
	switch state {
	case stTicketReply:
		if !tk.Status.Open() {
			t.say(locale.TkAlready, tk.Code, statusName(tk.Status, l))
			return t.goTo(ctx, evMenu)
		}
		tk.Record(now, actor.ID, core.ActionReplied, "", text)
		t.tickets = append(t.tickets, tk)
		if err := t.notifyReporter(ctx, tk, "reply", func(l core.Lang) (string, [][]core.Button) {
			return locale.T(l, locale.TkReplyToResident, tk.Code, text), [][]core.Button{{button(locale.T(l, locale.TkAnswer), actTicketAnswer, id)}}
		}); err != nil {
			return err
		}
		t.finish(locale.TkReplySent, tk.Code)
	case stTicketResolve:
		if !tk.Status.Open() {
			t.say(locale.TkAlready, tk.Code, statusName(tk.Status, l))
			return t.goTo(ctx, evMenu)
		}
		tk.Resolved = now
		tk.Record(now, actor.ID, core.ActionResolved, core.TicketResolved, text)
		t.tickets = append(t.tickets, tk)
		if err := t.notifyReporter(ctx, tk, "resolved", func(l core.Lang) (string, [][]core.Button) {
			return locale.T(l, locale.TkResolvedResident, tk.Code, text), [][]core.Button{{
				button(locale.T(l, locale.TkSolvedYes), actTicketVerdict, id+":y"),
				button(locale.T(l, locale.TkSolvedNo), actTicketVerdict, id+":n"),
			}}
		}); err != nil {
			return err
		}
		t.finish(locale.TkResolved, tk.Code)
	case stTicketBlock:
		// The role is checked again: it may have changed since the button.
		if actor.Role != core.RoleChief && actor.Role != core.RoleAdmin {
			t.say(locale.TkNotAllowed)
			return t.goTo(ctx, evMenu)
		}
		t.block = &core.ReportBlock{Chat: tk.Reporter, Reason: text, By: actor.ID, At: now}
		tk.Record(now, actor.ID, core.ActionBlockedReporter, "", text)
		t.tickets = append(t.tickets, tk)
		// The log names the ticket, never the reporter's chat.
		t.e.log.Info().Str("staff", actor.ID).Str("ticket", tk.Code).Msg("reporter blocked from reporting")
		t.finish(locale.TkBlocked, tk.Code)
	}
	return t.goTo(ctx, evMenu)
}
