package flows

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// reporterTicket loads a ticket for its reporter's action: only the
// resident who reported it may answer, judge or rate it.
func (t *turn) reporterTicket(ctx context.Context, idArg string) (core.Ticket, bool, error) {
	tk, err := t.loadTicket(ctx, idArg)
	if err != nil {
		if errors.Is(err, core.ErrNotFound) {
			return tk, false, t.stale(ctx)
		}
		return tk, false, err
	}
	if tk.Reporter != t.in.Chat {
		return tk, false, t.stale(ctx)
	}
	return tk, true, nil
}

// reporterButton handles the buttons a reporter gets with news of their
// ticket.
func (t *turn) reporterButton(ctx context.Context, action, arg string) error {
	idArg, rest, _ := strings.Cut(arg, ":")
	tk, ok, err := t.reporterTicket(ctx, idArg)
	if err != nil || !ok {
		return err
	}
	now := t.e.now()
	switch action {
	case actTicketAnswer:
		if tk.Status == core.TicketRejected {
			return t.stale(ctx)
		}
		t.s.Conversation.Ticket = tk.ID
		return t.goTo(ctx, evTicketAnswer)
	case actTicketVerdict:
		if tk.Status != core.TicketResolved || tk.Solved != nil {
			return t.stale(ctx)
		}
		switch rest {
		case "y":
			solved := true
			tk.Solved = &solved
			tk.Record(now, "resident", core.ActionConfirmed, "", "")
			t.tickets = append(t.tickets, tk)
			var row []core.Button
			for n := 1; n <= 5; n++ {
				row = append(row, button(strconv.Itoa(n), actTicketRate, fmt.Sprintf("%d:%d", tk.ID, n)))
			}
			t.send(core.Reply{Text: locale.T(t.lang(), locale.TkRate, tk.Code), Buttons: [][]core.Button{row}})
			return nil
		case "n":
			if now.Sub(tk.Resolved) > core.ReopenWindow {
				// Too late to reopen, but the verdict still counts.
				solved := false
				tk.Solved = &solved
				tk.Record(now, "resident", core.ActionNotSolved, "", "")
				t.tickets = append(t.tickets, tk)
				t.say(locale.TkReopenTooLate, tk.Code)
				return nil
			}
			tk.Solved, tk.Rating = nil, 0
			// Reopened tickets go to whoever handles the place now (the
			// inspector may be on leave since).
			tk.Assignee = t.routeTicket(&tk, now)
			tk.Record(now, "resident", core.ActionReopened, core.TicketReopened, "")
			if err := t.saveTicket(ctx, tk, "reopened"); err != nil {
				return err
			}
			if err := t.tellAssignee(ctx, tk, "reopened", func(l core.Lang) string { return locale.T(l, locale.TkReopenedStaff, tk.Code) }); err != nil {
				return err
			}
			t.say(locale.TkReopened, tk.Code)
			return nil
		}
	case actTicketRate:
		n, err := strconv.Atoi(rest)
		if err != nil || n < 1 || n > 5 || tk.Status != core.TicketResolved || tk.Solved == nil || !*tk.Solved || tk.Rating != 0 {
			return t.stale(ctx)
		}
		tk.Rating = n
		tk.Record(now, "resident", core.ActionRated, "", rest)
		t.tickets = append(t.tickets, tk)
		t.say(locale.TkThanks)
		return nil
	}
	return t.stale(ctx)
}

// answerTicket relays a reporter's answer to the ticket's assignee.
func (t *turn) answerTicket(ctx context.Context, idArg, text string) error {
	tk, ok, err := t.reporterTicket(ctx, idArg)
	if err != nil || !ok {
		return err
	}
	if tk.Status == core.TicketRejected {
		t.finish(locale.TkAnswerClosed, tk.Code)
		return t.goTo(ctx, evMenu)
	}
	tk.Record(t.e.now(), "resident", core.ActionAnswered, "", text)
	t.tickets = append(t.tickets, tk)
	if err := t.tellAssignee(ctx, tk, "answer:"+t.in.Key, func(l core.Lang) string { return locale.T(l, locale.TkAnswerToStaff, tk.Code, text) }); err != nil {
		return err
	}
	t.finish(locale.TkAnswerSent, tk.Code)
	return t.goTo(ctx, evMenu)
}

// tellAssignee queues a message about a ticket to its assignee, with the
// ticket's buttons; if the assignee cannot be reached on the messenger, to
// the precinct's chief, else the city's admin.
func (t *turn) tellAssignee(ctx context.Context, tk core.Ticket, event string, text func(l core.Lang) string) error {
	city := t.city
	var to *core.Staff
	for _, s := range []*core.Staff{city.StaffMember(tk.Assignee), city.PrecinctChief(tk.Precinct), city.Admin()} {
		if _, ok := t.staffChat(s); ok {
			to = s
			break
		}
	}
	chat, ok := t.staffChat(to)
	if !ok {
		t.e.log.Error().Uint64("ticket", tk.ID).Msg("no staff on the messenger to tell about the ticket")
		return nil
	}
	l, err := t.langOf(ctx, chat)
	if err != nil {
		return err
	}
	t.outbox = append(t.outbox, core.OutboxItem{
		Key: fmt.Sprintf("ticket:%d:%d:%s:staff", tk.ID, len(tk.History), event), Chat: chat, Priority: core.PriorityUrgent, ToStaff: true,
		Reply: core.Reply{Text: text(l), Buttons: t.staffButtons(tk, to, l), Template: core.TemplateTicket, Lang: l},
	})
	return nil
}

// myReports lists a resident's tickets with their status.
func (t *turn) myReports(ctx context.Context) error {
	l := t.lang()
	tickets, err := t.e.store.TicketsByReporter(ctx, t.in.Chat)
	if err != nil {
		return err
	}
	if len(tickets) == 0 {
		t.send(core.Reply{Text: locale.T(l, locale.MyReportsNone), Buttons: t.homeRow()})
		return nil
	}
	var b strings.Builder
	b.WriteString(locale.T(l, locale.MyReports))
	for i, tk := range tickets {
		if i == 20 {
			break
		}
		category := tk.Category
		if c := t.city.Category(tk.Category); c != nil {
			category = c.Name.In(l)
		}
		fmt.Fprintf(&b, "\n\n%s · %s · %s\n%s", tk.Code, statusName(tk.Status, l), tk.Created.In(t.city.Location).Format("02.01.2006"), category)
	}
	t.send(core.Reply{Text: b.String(), Buttons: t.homeRow()})
	return nil
}
