package flows

import (
	"context"
	"errors"
	"fmt"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
	"github.com/beatbot-kz/beatbot/locate"
)

// rerouteAttempts bounds the tries to reroute one ticket that staff keep
// changing meanwhile; the pass then leaves it and carries on with the
// others, and the next Install looks at it again.
const rerouteAttempts = 5

// Install puts a reloaded configuration in force: city as configured
// (indexed, its channels set; it is not to be changed afterwards) and
// index, its district index. The leaves admins recorded are laid over
// it. Install waits for the updates being handled to finish, so none
// acts on the old city once it returns, and then reroutes the open
// tickets the city in force routes elsewhere (core.City.Rerouted, which
// looks at each ticket alone): the new assignee gets the ticket's card,
// the one before a note that it moved, both through the outbox. It returns
// how many tickets it rerouted; an error after the city is in force is
// one of rerouting, naming the tickets it could not move, which the next
// Install (a reload, a leave recorded, or the next start) moves, since
// they are still routed elsewhere.
func (e *Engine) Install(ctx context.Context, city *core.City, index *locate.Index) (int, error) {
	e.installing.Lock()
	defer e.installing.Unlock()
	return e.install(ctx, city, index)
}

// Refresh lays the recorded leaves anew over the configured city, after
// one was recorded.
func (e *Engine) Refresh(ctx context.Context) error {
	e.installing.Lock()
	defer e.installing.Unlock()
	e.mu.RLock()
	city, index := e.base, e.index
	e.mu.RUnlock()
	_, err := e.install(ctx, city, index)
	return err
}

// City returns the city in force.
func (e *Engine) City() *core.City { return e.cities.Load() }

func (e *Engine) install(ctx context.Context, city *core.City, index *locate.Index) (int, error) {
	leaves, err := e.store.Leaves(ctx)
	if err != nil {
		return 0, fmt.Errorf("flows: install city: %w", err)
	}
	next := city.WithLeaves(leaves, e.now())
	e.mu.Lock()
	e.base, e.index = city, index
	old := e.cities.Swap(next)
	e.mu.Unlock()
	return e.reroute(ctx, old, next, index)
}

// reroute moves the open tickets that next routes to someone else. old,
// the city next replaces, only names the staff it tells about a move who
// are no longer in next. A ticket that fails to move is left for the
// next Install and the pass carries on; the error names every ticket left
// ErrRerouteIncomplete is what Install returns, wrapped, when the city is
// in force but some open tickets it routes elsewhere could not be moved:
// they are left for the next Install, and the bot can carry on.
var ErrRerouteIncomplete = errors.New("tickets not rerouted")

// so, and stops the pass only when ctx is done.
func (e *Engine) reroute(ctx context.Context, old, next *core.City, index *locate.Index) (int, error) {
	tickets, err := e.store.OpenTickets(ctx)
	if err != nil {
		return 0, fmt.Errorf("flows: reroute tickets: %w: %w", ErrRerouteIncomplete, err)
	}
	moved, left := 0, 0
	var failed []error
	for i, tk := range tickets {
		if err := ctx.Err(); err != nil {
			left += len(tickets) - i
			failed = append(failed, fmt.Errorf("flows: reroute tickets: stopped before %s, %d not looked at: %w", tk.Code, len(tickets)-i, err))
			break
		}
		ok, err := e.rerouteTicket(ctx, old, next, index, tk)
		if err != nil {
			left++
			failed = append(failed, fmt.Errorf("flows: reroute ticket %s: %w", tk.Code, err))
			continue
		}
		if ok {
			moved++
		}
	}
	if moved > 0 {
		e.onOutbox()
	}
	if len(failed) > 0 {
		return moved, fmt.Errorf("flows: %w: %d of %d open tickets left for the next install: %w",
			ErrRerouteIncomplete, left, len(tickets), errors.Join(failed...))
	}
	return moved, nil
}

// rerouteTicket reroutes one ticket, deciding again on the ticket as it
// is now when staff changed it meanwhile, up to rerouteAttempts times.
func (e *Engine) rerouteTicket(ctx context.Context, old, next *core.City, index *locate.Index, tk core.Ticket) (bool, error) {
	for attempt := 1; ; attempt++ {
		ok, err := e.rerouteOne(ctx, old, next, index, tk)
		if !errors.Is(err, core.ErrConflict) {
			return ok, err
		}
		if attempt == rerouteAttempts {
			return false, fmt.Errorf("changed by staff %d times while rerouting: %w", attempt, err)
		}
		if tk, err = e.store.Ticket(ctx, tk.ID); err != nil {
			return false, fmt.Errorf("read again: %w", err)
		}
	}
}

// rerouteOne moves one ticket if next routes it elsewhere, in one commit
// with the messages to both assignees.
func (e *Engine) rerouteOne(ctx context.Context, old, next *core.City, index *locate.Index, tk core.Ticket) (bool, error) {
	now := e.now()
	precinct, to, ok := next.Rerouted(tk, now)
	if !ok {
		return false, nil
	}
	// Whoever had it, in the city in force or, gone from it, the one
	// before.
	from := next
	before := next.StaffMember(tk.Assignee)
	if before == nil {
		from, before = old, old.StaffMember(tk.Assignee)
	}
	tk.Precinct = precinct
	if d := next.District(tk.District); d != nil {
		tk.Inspector = d.Inspector
	}
	if to != nil {
		tk.Assignee = to.ID
	}
	tk.Record(now, "system", core.ActionReassigned, "", tk.Assignee)
	// A turn of the system's own, to render the messages as staff
	// actions do.
	t := &turn{ctx: ctx, e: e, city: next, index: index}
	var items []core.OutboxItem
	if to != nil {
		var err error
		if items, err = t.cardItems(ctx, tk, "rerouted"); err != nil {
			return false, err
		}
		if chat, ok := from.StaffChat(before); ok {
			l, err := t.langOf(ctx, chat)
			if err != nil {
				return false, err
			}
			items = append(items, core.OutboxItem{
				Key: fmt.Sprintf("ticket:%d:%d:rerouted:before", tk.ID, len(tk.History)), Chat: chat,
				Priority: core.PriorityUrgent, ToStaff: true,
				Reply: core.Reply{Text: locale.T(l, locale.TkMovedAway, tk.Code, to.Name.In(l)), Template: core.TemplateTicket, Lang: l},
			})
		}
	}
	if err := e.store.SaveTicket(ctx, tk, items); err != nil {
		return false, err
	}
	e.log.Info().Str("ticket", tk.Code).Str("to", tk.Assignee).Str("precinct", tk.Precinct).Msg("ticket rerouted by a change of the city's configuration")
	return true, nil
}
