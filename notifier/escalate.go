package notifier

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
	"github.com/rs/zerolog"
)

// TicketStore is the storage escalation needs.
type TicketStore interface {
	OpenTickets(ctx context.Context) ([]core.Ticket, error)
	SaveTicket(ctx context.Context, t core.Ticket, items []core.OutboxItem) error
	Session(ctx context.Context, chat core.ChatRef) (core.Session, error)
}

// Breaches of a ticket's service levels, as recorded in Ticket.Escalated.
const (
	breachAccept  = "accept"
	breachResolve = "resolve"
)

// EscalationJob returns the job that finds open tickets past their
// category's service levels (not accepted in time, not resolved in time)
// and tells the precinct's chief, once per breach, with buttons to remind
// the inspector or transfer the ticket. Each run reads the city in force
// once, so a reload never mixes two directories within it.
func EscalationJob(store TicketStore, cities *core.CityHolder, log zerolog.Logger, wake func()) JobFunc {
	return func(ctx context.Context, at time.Time) error {
		city := cities.Load()
		tickets, err := store.OpenTickets(ctx)
		if err != nil {
			return fmt.Errorf("notifier: escalate: %w", err)
		}
		queued := false
		for _, t := range tickets {
			c := city.Category(t.Category)
			if c == nil {
				continue
			}
			// A breach is named with the start of the wait it ends, so a
			// ticket transferred or reopened and left waiting again is
			// escalated again, but each wait only once.
			accept := fmt.Sprintf("%s@%d", breachAccept, since(t).Unix())
			resolve := fmt.Sprintf("%s@%d", breachResolve, t.Created.Unix())
			breach, waited, target := "", time.Duration(0), time.Duration(0)
			switch {
			case t.Status != core.TicketAccepted && c.AcceptWithin > 0 && at.Sub(since(t)) > c.AcceptWithin && !slices.Contains(t.Escalated, accept):
				breach, waited, target = accept, at.Sub(since(t)), c.AcceptWithin
			case c.ResolveWithin > 0 && at.Sub(t.Created) > c.ResolveWithin && !slices.Contains(t.Escalated, resolve):
				breach, waited, target = resolve, at.Sub(t.Created), c.ResolveWithin
			default:
				continue
			}
			items, err := escalation(ctx, store, city, t, breach, waited, target)
			if err != nil {
				return err
			}
			if len(items) == 0 {
				// Nobody to tell: an alarm, and the breach stays to be
				// escalated once someone can be reached.
				log.Error().Uint64("ticket", t.ID).Str("breach", breach).Msg("overdue ticket, but no chief or admin on the messenger to tell")
				continue
			}
			t.Escalated = append(t.Escalated, breach)
			t.Record(at, "system", core.ActionEscalated, "", breach)
			if err := store.SaveTicket(ctx, t, items); errors.Is(err, core.ErrConflict) {
				continue // changed meanwhile: looked at again next run
			} else if err != nil {
				return err
			}
			queued = queued || len(items) > 0
		}
		if queued {
			wake()
		}
		return nil
	}
}

// since is when the ticket last started waiting to be accepted: its
// creation, or its latest reopening or transfer.
func since(t core.Ticket) time.Time {
	from := t.Created
	for _, e := range t.History {
		if e.Action == core.ActionReopened || e.Action == core.ActionTransferred {
			from = e.At
		}
	}
	return from
}

// escalation is the message to the chief about a breach.
func escalation(ctx context.Context, store TicketStore, city *core.City, t core.Ticket, breach string, waited, target time.Duration) ([]core.OutboxItem, error) {
	// The chief, unless they are the one it waits for, or unreachable:
	// then the admin.
	var chief *core.Staff
	for _, s := range []*core.Staff{city.PrecinctChief(t.Precinct), city.Admin()} {
		if s != nil && city.Reachable(s) && s.ID != t.Assignee {
			chief = s
			break
		}
	}
	if chief == nil {
		return nil, nil
	}
	chat, _ := city.StaffChat(chief)
	s, err := store.Session(ctx, chat)
	if err != nil {
		return nil, err
	}
	l := s.Resident.Lang
	if l == "" {
		l = core.DefaultLang
	}
	assignee := t.Assignee
	if a := city.StaffMember(t.Assignee); a != nil {
		assignee = a.Name.In(l)
	}
	key := locale.TkEscalateAccept
	if strings.HasPrefix(breach, breachResolve) {
		key = locale.TkEscalateResolve
	}
	id := strconv.FormatUint(t.ID, 10)
	return []core.OutboxItem{{
		Key: "escalate:" + id + ":" + breach, Chat: chat, Priority: core.PriorityUrgent, ToStaff: true,
		Reply: core.Reply{
			Text:     locale.T(l, key, t.Code, locale.Duration(l, waited), locale.Duration(l, target), assignee),
			Template: core.TemplateTicket, Lang: l,
			Buttons: [][]core.Button{
				{{Label: locale.T(l, locale.TkRemind), Data: "tk:e:" + id}},
				{{Label: locale.T(l, locale.TkReassign), Data: "tk:g:" + id}},
				{{Label: locale.T(l, locale.TkTransfer), Data: "tk:t:" + id}},
				{{Label: "📋 " + t.Code, Data: "tk:o:" + id}},
			},
		},
	}}, nil
}
