package flows

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// Button actions of tickets. Every one re-reads the ticket and checks who
// presses: staff by role and jurisdiction, residents by being the
// reporter. Nothing in a payload but the ticket's number is used.
const (
	actTicket         = "tk" // tk:<op>:<id>, a staff action
	actTicketTransfer = "tt" // tt:<id>:<district>
	actTicketReassign = "tr" // tr:<id>:<staff id>
	actTicketReject   = "tx" // tx:<id>:<reason>
	actTicketList     = "tl" // tl:<filter>
	actTicketAnswer   = "ta" // ta:<id>, the resident answers
	actTicketVerdict  = "tv" // tv:<id>:y|n, solved or not
	actTicketRate     = "tq" // tq:<id>:<1-5>
)

// Staff operations on a ticket, the op of actTicket.
const (
	opOpen     = "o"
	opAccept   = "a"
	opReply    = "r"
	opResolve  = "s"
	opTransfer = "t"
	opReject   = "x"
	opBlock    = "b"
	opRemind   = "e"
	opReassign = "g"
)

// Reasons for rejecting a ticket.
var rejectReasons = map[string]locale.Key{
	"notpolice": locale.TkReasonNotPolice,
	"duplicate": locale.TkReasonDuplicate,
	"false":     locale.TkReasonFalse,
}

var ticketActions = map[string]bool{
	actTicket: true, actTicketTransfer: true, actTicketReassign: true, actTicketReject: true, actTicketList: true,
	actTicketAnswer: true, actTicketVerdict: true, actTicketRate: true,
}

// createTicket stores the report as a ticket routed to its inspector and
// queues the card to staff, all in the update's one commit: the resident is
// told the ticket's number only once it is durable.
func (t *turn) createTicket(ctx context.Context) error {
	draft := t.s.Conversation.Report
	category := t.city.Category(draft.Category)
	if category == nil || draft.Text == "" {
		return t.stale(ctx)
	}
	if t.s.Resident.Blocked != nil {
		t.send(core.Reply{Text: locale.T(t.lang(), locale.ReportBlocked), Buttons: t.homeRow()})
		return t.goTo(ctx, evMenu)
	}
	if over, err := t.overReportLimit(ctx); err != nil || over {
		return err
	}
	id, err := t.e.store.NextTicketID(ctx)
	if err != nil {
		return err
	}
	now := t.e.now()
	tk := *draft
	tk.ID, tk.Code = id, core.TicketCode(t.city.Code, id)
	tk.Reporter, tk.Lang, tk.Created = t.in.Chat, t.lang(), now
	if !tk.Anonymous {
		tk.ReporterName = t.in.FromName
	}
	tk.Assignee = t.routeTicket(&tk, now)
	tk.Record(now, "resident", core.ActionCreated, core.TicketNew, "")
	if err := t.saveTicket(ctx, tk, "created"); err != nil {
		return err
	}
	t.finish(locale.ReportCreated, tk.Code, locale.Duration(t.lang(), category.AcceptWithin))
	return t.goTo(ctx, evMenu)
}

// routeTicket picks who handles a ticket: its district's inspector (or
// deputy, or chief); without a district, the nearest precinct's chief;
// failing that, the city's duty desk (an admin). It records in
// tk.Inspector the district's configured inspector the route followed.
func (t *turn) routeTicket(tk *core.Ticket, now time.Time) string {
	city := t.city
	tk.Inspector = ""
	if d := city.District(tk.District); d != nil {
		tk.Inspector = d.Inspector
	}
	s := city.Assignee(tk.District, now)
	if s == nil {
		s = city.PrecinctChief(tk.Precinct)
	}
	if s == nil {
		s = city.Admin()
	}
	if s == nil {
		t.e.log.Error().Uint64("ticket", tk.ID).Msg("no staff to route the ticket to")
		return ""
	}
	return s.ID
}

// saveTicket records the ticket in this update's commit and queues its card
// to the assignee (and a copy to the precinct's duty chat). event makes the
// items' keys unique per change of the ticket.
func (t *turn) saveTicket(ctx context.Context, tk core.Ticket, event string) error {
	t.tickets = append(t.tickets, tk)
	items, err := t.cardItems(ctx, tk, event)
	if err != nil {
		return err
	}
	t.outbox = append(t.outbox, items...)
	return nil
}

// staffChat is the private chat of a staff member on Telegram.
func (t *turn) staffChat(s *core.Staff) (core.ChatRef, bool) { return t.city.StaffChat(s) }

// langOf is the language a chat chose, for messages to staff.
func (t *turn) langOf(ctx context.Context, chat core.ChatRef) (core.Lang, error) {
	s, err := t.e.store.Session(ctx, chat)
	if err != nil {
		return "", err
	}
	if s.Resident.Lang != "" {
		return s.Resident.Lang, nil
	}
	return core.DefaultLang, nil
}

// cardItems are the messages that bring a ticket to its assignee: the card
// with its buttons, the place on a map, the photos; and the card alone to
// the precinct's duty chat.
func (t *turn) cardItems(ctx context.Context, tk core.Ticket, event string) ([]core.OutboxItem, error) {
	key := fmt.Sprintf("ticket:%d:%d:%s", tk.ID, len(tk.History), event)
	var items []core.OutboxItem
	if chat, ok := t.staffChat(t.city.StaffMember(tk.Assignee)); ok {
		l, err := t.langOf(ctx, chat)
		if err != nil {
			return nil, err
		}
		items = append(items, t.ticketMessages(key, chat, false, tk, l, t.staffButtons(tk, nil, l))...)
	}
	if chat, ok := t.city.DutyChat(t.city.Precinct(tk.Precinct)); ok {
		// The duty group sees the ticket, never the reporter's name.
		duty := tk
		duty.ReporterName = ""
		items = append(items, t.ticketMessages(key+":duty", chat, true, duty, core.DefaultLang, nil)...)
	}
	return items, nil
}

// ticketMessages renders a ticket for staff as outbox items.
func (t *turn) ticketMessages(key string, chat core.ChatRef, group bool, tk core.Ticket, l core.Lang, buttons [][]core.Button) []core.OutboxItem {
	item := func(suffix string, r core.Reply) core.OutboxItem {
		r.Template, r.Lang = core.TemplateTicket, l
		return core.OutboxItem{Key: key + suffix, Chat: chat, Group: group, ToStaff: true, Priority: core.PriorityUrgent, Reply: r}
	}
	var items []core.OutboxItem
	for i, photo := range tk.Photos {
		items = append(items, item(":photo"+strconv.Itoa(i), core.Reply{Photo: photo}))
	}
	if tk.Location != nil {
		items = append(items, item(":pin", core.Reply{Pin: &core.Pin{Point: *tk.Location, Title: tk.Code, Address: t.placeName(&tk, l)}}))
	}
	return append(items, item(":card", core.Reply{Text: t.cardText(tk, l), Buttons: buttons}))
}

// cardText describes a ticket for staff. The reporter's name shows only on
// a ticket that is not anonymous.
func (t *turn) cardText(tk core.Ticket, l core.Lang) string {
	category := tk.Category
	if c := t.city.Category(tk.Category); c != nil {
		category = c.Name.In(l)
	}
	reporter := locale.T(l, locale.Anonymous)
	if !tk.Anonymous && tk.ReporterName != "" {
		reporter = tk.ReporterName
	} else if !tk.Anonymous {
		reporter = "—"
	}
	text := tk.Text
	if !tk.Erased.IsZero() {
		text, reporter = locale.T(l, locale.TkTextErased), erasedBy(tk, l)
	}
	return locale.T(l, locale.TicketCard, tk.Code, category, statusName(tk.Status, l), text,
		t.placeName(&tk, l), locale.Duration(l, t.e.now().Sub(tk.Created)), reporter)
}

// erasedBy says why an erased ticket has no reporter: they withdrew, or
// the retention of closed tickets ran out.
func erasedBy(tk core.Ticket, l core.Lang) string {
	for i := len(tk.History) - 1; i >= 0; i-- {
		if tk.History[i].Action == core.ActionWithdrawn {
			return locale.T(l, locale.TkReporterWithdrew)
		}
	}
	return locale.T(l, locale.TkDataExpired)
}

func statusName(s core.TicketStatus, l core.Lang) string {
	key := map[core.TicketStatus]locale.Key{
		core.TicketNew: locale.StatusNew, core.TicketAccepted: locale.StatusAccepted, core.TicketResolved: locale.StatusResolved,
		core.TicketRejected: locale.StatusRejected, core.TicketReopened: locale.StatusReopened,
	}[s]
	return locale.T(l, key)
}

// staffButtons are the actions on a ticket in its status; viewer, if a
// chief or admin, may also block its reporter.
func (t *turn) staffButtons(tk core.Ticket, viewer *core.Staff, l core.Lang) [][]core.Button {
	if !tk.Status.Open() {
		return nil
	}
	id := strconv.FormatUint(tk.ID, 10)
	op := func(key locale.Key, op string) core.Button { return button(locale.T(l, key), actTicket, op+":"+id) }
	var rows [][]core.Button
	if tk.Status != core.TicketAccepted {
		rows = append(rows, []core.Button{op(locale.TkAccept, opAccept)})
	}
	// A reporter who withdrew can be neither answered nor blocked.
	if tk.Linked() {
		rows = append(rows, []core.Button{op(locale.TkReply, opReply), op(locale.TkResolve, opResolve)})
	} else {
		rows = append(rows, []core.Button{op(locale.TkResolve, opResolve)})
	}
	rows = append(rows, []core.Button{op(locale.TkTransfer, opTransfer), op(locale.TkReject, opReject)})
	if viewer != nil && (viewer.Role == core.RoleChief || viewer.Role == core.RoleAdmin) {
		rows = append(rows, []core.Button{op(locale.TkReassign, opReassign)})
		if tk.Linked() {
			rows = append(rows, []core.Button{op(locale.TkBlock, opBlock)})
		}
	}
	return rows
}

// notifyReporter queues a message to a ticket's reporter, in the language
// they use now, with optional buttons; message makes the text and buttons
// in that language. A ticket whose reporter was forgotten queues nothing.
func (t *turn) notifyReporter(ctx context.Context, tk core.Ticket, event string, message func(l core.Lang) (string, [][]core.Button)) error {
	if !tk.Linked() {
		// The reporter withdrew: nothing can reach them any more.
		return nil
	}
	l := tk.Lang
	if now, err := t.langOf(ctx, tk.Reporter); err != nil {
		return err
	} else if now != "" {
		l = now
	}
	text, buttons := message(l)
	t.outbox = append(t.outbox, core.OutboxItem{
		Key:  fmt.Sprintf("ticket:%d:%d:%s:reporter", tk.ID, len(tk.History), event),
		Chat: tk.Reporter, Priority: core.PriorityUrgent,
		Reply: core.Reply{Text: text, Buttons: buttons, Template: core.TemplateTicket, Lang: l},
	})
	return nil
}

// loadTicket reads ticket arg ("42" or "KRG-0042").
func (t *turn) loadTicket(ctx context.Context, arg string) (core.Ticket, error) {
	arg = strings.TrimSpace(arg)
	if i := strings.LastIndex(arg, "-"); i >= 0 {
		arg = arg[i+1:]
	}
	id, err := strconv.ParseUint(arg, 10, 64)
	if err != nil || id == 0 {
		return core.Ticket{}, core.ErrNotFound
	}
	tk, err := t.e.store.Ticket(ctx, id)
	if errors.Is(err, core.ErrNotFound) {
		return tk, core.ErrNotFound
	}
	return tk, err
}
