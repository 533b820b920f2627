package flows

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// maxListed is how many tickets a list shows.
const maxListed = 20

// visibleTickets returns the tickets a staff member may see: an
// inspector's own, a chief's precinct's, everything for an admin.
func (t *turn) visibleTickets(ctx context.Context, s *core.Staff) ([]core.Ticket, error) {
	switch s.Role {
	case core.RoleAdmin:
		return t.e.store.AllTickets(ctx)
	case core.RoleChief:
		// Their precinct's, and any assigned to them elsewhere (as a
		// deputy, say).
		out, err := t.e.store.TicketsByAssignee(ctx, s.ID)
		if err != nil {
			return nil, err
		}
		for _, p := range t.city.Precincts {
			if p.Chief != s.ID {
				continue
			}
			ts, err := t.e.store.TicketsByPrecinct(ctx, p.ID)
			if err != nil {
				return nil, err
			}
			for _, tk := range ts {
				if tk.Assignee != s.ID {
					out = append(out, tk)
				}
			}
		}
		return out, nil
	}
	return t.e.store.TicketsByAssignee(ctx, s.ID)
}

// listTickets shows the staff member's tickets, oldest first, by filter:
// "open" (the default), "all", or a status.
func (t *turn) listTickets(ctx context.Context, filter string) error {
	s := t.staffMember()
	if s == nil {
		t.say(locale.StaffOnly)
		return nil
	}
	filter = strings.ToLower(strings.TrimSpace(filter))
	if filter == "" {
		filter = "open"
	}
	all, err := t.visibleTickets(ctx, s)
	if err != nil {
		return err
	}
	var shown []core.Ticket
	for _, tk := range all {
		if filter == "all" || filter == "open" && tk.Status.Open() || string(tk.Status) == filter {
			shown = append(shown, tk)
		}
	}
	slices.SortFunc(shown, func(a, b core.Ticket) int { return a.Created.Compare(b.Created) })
	l := t.lang()
	filters := [][]core.Button{{
		button(locale.T(l, locale.TkFilterOpen), actTicketList, "open"),
		button(statusName(core.TicketNew, l), actTicketList, string(core.TicketNew)),
		button(statusName(core.TicketAccepted, l), actTicketList, string(core.TicketAccepted)),
	}, {
		button(statusName(core.TicketReopened, l), actTicketList, string(core.TicketReopened)),
		button(statusName(core.TicketResolved, l), actTicketList, string(core.TicketResolved)),
		button(statusName(core.TicketRejected, l), actTicketList, string(core.TicketRejected)),
		button(locale.T(l, locale.TkFilterAll), actTicketList, "all"),
	}}
	if len(shown) == 0 {
		t.send(core.Reply{Text: locale.T(l, locale.TkListNone), Buttons: filters})
		return nil
	}
	var b strings.Builder
	b.WriteString(locale.T(l, locale.TkListHeader))
	var rows [][]core.Button
	for i, tk := range shown {
		if i == maxListed {
			fmt.Fprintf(&b, "\n%s", locale.T(l, locale.MoreChoices, len(shown)-maxListed))
			break
		}
		category := tk.Category
		if c := t.city.Category(tk.Category); c != nil {
			category = c.Name.In(l)
		}
		fmt.Fprintf(&b, "\n%s · %s · %s · %s", tk.Code, statusName(tk.Status, l), category, locale.Duration(l, t.e.now().Sub(tk.Created)))
		rows = append(rows, []core.Button{button(tk.Code, actTicket, opOpen+":"+strconv.FormatUint(tk.ID, 10))})
	}
	t.send(core.Reply{Text: b.String(), Buttons: append(rows, filters...)})
	return nil
}

// showTicket answers /ticket ID with the card, for staff who may see it.
func (t *turn) showTicket(ctx context.Context, arg string) error {
	if t.staffMember() == nil {
		t.say(locale.StaffOnly)
		return nil
	}
	if strings.TrimSpace(arg) == "" {
		t.say(locale.TkUsage)
		return nil
	}
	tk, actor, ok, err := t.staffTicket(ctx, arg)
	if err != nil || !ok {
		return err
	}
	return t.staffOp(ctx, tk, actor, opOpen)
}

// stats answers /stats for chiefs and admins: tickets by status, category
// and district, and the median times to accept and to resolve.
func (t *turn) stats(ctx context.Context) error {
	s := t.staffMember()
	if s == nil || s.Role != core.RoleChief && s.Role != core.RoleAdmin {
		t.say(locale.StaffOnly)
		return nil
	}
	tickets, err := t.visibleTickets(ctx, s)
	if err != nil {
		return err
	}
	l := t.lang()
	byStatus, byCategory, byDistrict := map[string]int{}, map[string]int{}, map[string]int{}
	var toAccept, toResolve []time.Duration
	for _, tk := range tickets {
		byStatus[statusName(tk.Status, l)]++
		if c := t.city.Category(tk.Category); c != nil {
			byCategory[c.Name.In(l)]++
		}
		if d := t.city.District(tk.District); d != nil {
			byDistrict[d.Name.In(l)]++
		} else {
			byDistrict[locale.T(l, locale.PlaceUnknown)]++
		}
		if !tk.Accepted.IsZero() {
			toAccept = append(toAccept, tk.Accepted.Sub(tk.Created))
		}
		if !tk.Resolved.IsZero() {
			toResolve = append(toResolve, tk.Resolved.Sub(tk.Created))
		}
	}
	t.send(core.Reply{Text: locale.T(l, locale.TkStats, len(tickets), counts(byStatus), counts(byCategory), counts(byDistrict),
		t.median(toAccept), t.median(toResolve)), Buttons: t.homeRow()})
	return nil
}

// counts lists a tally, largest first.
func counts(m map[string]int) string {
	if len(m) == 0 {
		return "—"
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] || m[keys[i]] == m[keys[j]] && keys[i] < keys[j] })
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "• %s: %d\n", k, m[k])
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func (t *turn) median(ds []time.Duration) string {
	if len(ds) == 0 {
		return locale.T(t.lang(), locale.NotYetMeasured)
	}
	slices.Sort(ds)
	m := ds[len(ds)/2]
	if len(ds)%2 == 0 {
		m = (ds[len(ds)/2-1] + ds[len(ds)/2]) / 2
	}
	return locale.Duration(t.lang(), m)
}
