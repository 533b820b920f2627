package flows

import (
	"context"
	"fmt"
	"strings"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// maxPollsListed caps the polls listed to staff: the latest come first.
const maxPollsListed = 8

// pollsMenu shows a resident the polls open for their district: the one
// poll at once when it is the only one, else a list. Staff get the list of
// polls to look after instead.
func (t *turn) pollsMenu(ctx context.Context) error {
	if t.staffMember() != nil {
		return t.staffPolls(ctx, "")
	}
	l := t.lang()
	if len(t.e.pollSecret) == 0 {
		t.send(core.Reply{Text: locale.T(l, locale.PollsUnavailable), Buttons: t.homeRow()})
		return nil
	}
	if !t.s.Resident.Consented() {
		t.send(core.Reply{Text: locale.T(l, locale.PollNeedsConsent), Buttons: t.homeRow()})
		return nil
	}
	all, err := t.e.store.Polls(ctx)
	if err != nil {
		return err
	}
	now := t.e.now()
	var open, elsewhere []core.Poll
	for _, p := range all {
		switch {
		case !p.Open(now):
		case t.pollDistrict(&p) != "":
			open = append(open, p)
		default:
			elsewhere = append(elsewhere, p)
		}
	}
	switch {
	case len(open) == 1:
		return t.startPoll(ctx, open[0].ID, false)
	case len(open) == 0 && len(elsewhere) > 0:
		t.needDistrict(&elsewhere[0])
		return nil
	case len(open) == 0:
		t.send(core.Reply{Text: locale.T(l, locale.PollsNone), Buttons: t.homeRow()})
		return nil
	}
	var b strings.Builder
	b.WriteString(locale.T(l, locale.PollsOpen))
	var rows [][]core.Button
	for _, p := range open {
		status, err := t.pollStatus(ctx, &p)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "\n\n📋 %s\n%s", p.Title.In(l), status)
		rows = append(rows, []core.Button{button("📋 "+clip(p.Title.In(l), 40), actPollStart, p.ID)})
	}
	t.send(core.Reply{Text: b.String(), Buttons: append(rows, t.homeRow()...)})
	return nil
}

// pollStatus says how far the resident got with a poll.
func (t *turn) pollStatus(ctx context.Context, p *core.Poll) (string, error) {
	l := t.lang()
	set, found, err := t.answerSet(ctx, p)
	switch {
	case err != nil:
		return "", err
	case set.Done:
		return locale.T(l, locale.PollStatusDone, t.lastDay(p)), nil
	case found && len(set.Answers) > 0:
		return locale.T(l, locale.PollStatusStarted, len(set.Answers), len(p.Questions)), nil
	}
	return locale.T(l, locale.PollStatusNew, len(p.Questions), t.lastDay(p)), nil
}

// staffPolls lists the polls for staff: when each is open and how many
// residents answered, with buttons to see the results and to invite
// residents. With an id, it shows that poll's results at once.
func (t *turn) staffPolls(ctx context.Context, id string) error {
	s := t.staffMember()
	if s == nil {
		t.say(locale.StaffOnly)
		return nil
	}
	if id != "" {
		return t.pollResults(ctx, id)
	}
	all, err := t.e.store.Polls(ctx)
	if err != nil {
		return err
	}
	l := t.lang()
	if len(all) == 0 {
		t.send(core.Reply{Text: locale.T(l, locale.PollsNoneDefined), Buttons: t.homeRow()})
		return nil
	}
	mayInvite := s.Role == core.RoleChief || s.Role == core.RoleAdmin
	now := t.e.now()
	var b strings.Builder
	b.WriteString(locale.T(l, locale.PollsStaffHeader))
	var rows [][]core.Button
	for _, p := range all[:min(len(all), maxPollsListed)] {
		state := locale.PollStateOpen
		switch {
		case now.Before(p.Opens):
			state = locale.PollStateUpcoming
		case !p.Open(now):
			state = locale.PollStateClosed
		}
		fmt.Fprintf(&b, "\n\n📋 %s (%s)\n%s–%s · %s", p.Title.In(l), p.ID, t.date(p.Opens), t.lastDay(&p), locale.T(l, state))
		var row []core.Button
		if mayInvite {
			row = append(row, button(locale.T(l, locale.PollResultsButton), actPollResults, p.ID))
			if state != locale.PollStateClosed {
				row = append(row, button(locale.T(l, locale.PollInviteButton), actPollInvite, p.ID))
			}
		}
		if row != nil {
			rows = append(rows, row)
		}
	}
	t.send(core.Reply{Text: b.String(), Buttons: append(rows, t.homeRow()...)})
	return nil
}
