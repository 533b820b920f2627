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
		if tk.Status != core.TicketResolved || tk.Solved != nil && *tk.Solved {
			return t.stale(ctx)
		}
		switch rest {
		case "y":
			solved := true
			tk.Solved = &solved
			tk.Record(now, "resident", "confirmed_solved", "", "")
			t.tickets = append(t.tickets, tk)
			var row []core.Button
			for n := 1; n <= 5; n++ {
				row = append(row, button(strconv.Itoa(n), actTicketRate, fmt.Sprintf("%d:%d", tk.ID, n)))
			}
			t.send(core.Reply{Text: locale.T(t.lang(), locale.TkRate, tk.Code), Buttons: [][]core.Button{row}})
			return nil
		case "n":
			if now.Sub(tk.Resolved) > core.ReopenWindow {
				t.say(locale.TkReopenTooLate, tk.Code)
				return nil
			}
			tk.Solved = nil
			tk.Record(now, "resident", core.ActionReopened, core.TicketReopened, "")
			if err := t.saveTicket(ctx, tk, "reopened"); err != nil {
				return err
			}
			t.say(locale.TkReopened, tk.Code)
			return nil
		}
	case actTicketRate:
		n, err := strconv.Atoi(rest)
		if err != nil || n < 1 || n > 5 || tk.Status != core.TicketResolved || tk.Rating != 0 {
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
	tk.Record(t.e.now(), "resident", core.ActionAnswered, "", text)
	t.tickets = append(t.tickets, tk)
	if chat, ok := staffChat(t.e.city.StaffMember(tk.Assignee)); ok {
		l, err := t.langOf(ctx, chat)
		if err != nil {
			return err
		}
		id := strconv.FormatUint(tk.ID, 10)
		t.outbox = append(t.outbox, core.OutboxItem{
			Key: "answer:" + t.in.Key, Chat: chat, Priority: core.PriorityUrgent, ToStaff: true,
			Reply: core.Reply{Text: locale.T(l, locale.TkAnswerToStaff, tk.Code, text),
				Buttons: [][]core.Button{{button(locale.T(l, locale.TkReply), actTicket, opReply+":"+id)}}},
		})
	}
	t.finish(locale.TkAnswerSent, tk.Code)
	return t.goTo(ctx, evMenu)
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
		if c := t.e.city.Category(tk.Category); c != nil {
			category = c.Name.In(l)
		}
		fmt.Fprintf(&b, "\n\n%s · %s · %s\n%s", tk.Code, statusName(tk.Status, l), tk.Created.In(t.e.city.Location).Format("02.01.2006"), category)
	}
	t.send(core.Reply{Text: b.String(), Buttons: t.homeRow()})
	return nil
}
