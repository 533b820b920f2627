package flows

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// Button actions of notices. Every one is checked on the server: the
// sender's role and jurisdiction now, and the notice or district named.
// The buttons of composing a notice carry the draft's generation
// (core.Conversation.Gen, counted up for every new draft), so a button
// left from an earlier draft is stale instead of acting on the current
// one. With a 32-byte id they stay well within core.MaxButtonData.
const (
	actNoticeTarget   = "nt" // nt:<gen>:p:<precinct>, nt:<gen>:city, nt:<gen>:pick
	actNoticeDistrict = "nd" // nd:<gen>:<district>, nd:<gen>:done
	actNoticeUrgency  = "nu" // nu:<gen>:yes, nu:<gen>:no
	actNoticeWhen     = "nw" // nw:<gen>:now, nw:<gen>:at, nw:<gen>:cron
	actNoticeConfirm  = "nc" // nc:<gen>:send, nc:<gen>:drop
	actNoticeCancel   = "nx" // nx:<notice id>, from /notices
	actNoticeAnswer   = "na" // na:<notice id>, under a notice residents receive
)

const (
	// maxNoticeText leaves room for the header and the footer.
	maxNoticeText    = 3500
	maxNoticesListed = 10
	noticeTimeLayout = "02.01.2006 15:04"
	// maxNoticeAhead is how far ahead a one-off notice may be scheduled.
	maxNoticeAhead = 366 * 24 * time.Hour
	// maxNoticeRunsPerDay is how often a recurring notice may go in any 24
	// hours: residents leave a district that writes to them every hour.
	// locale.NoticeCronTooOften says "twice".
	maxNoticeRunsPerDay = 2
	// scheduleProbe is how many runs of a schedule are checked against
	// maxNoticeRunsPerDay. A schedule that runs too often does so on the
	// first day it runs at all, so a few runs would do; 50 is ample.
	scheduleProbe = 50
)

var noticeActions = map[string]bool{
	actNoticeTarget: true, actNoticeDistrict: true, actNoticeUrgency: true, actNoticeWhen: true,
	actNoticeConfirm: true, actNoticeCancel: true, actNoticeAnswer: true,
}

// staffMember returns who is writing, if they are police staff: their
// Telegram user id is in the directory. It is looked up on every update,
// so a role changed in the configuration takes effect at once.
func (t *turn) staffMember() *core.Staff {
	return t.city.StaffByChat(t.in.Chat, t.in.From)
}

// noticeSender returns the staff member if they may send notices, and
// otherwise says they may not.
func (t *turn) noticeSender() *core.Staff {
	s := t.staffMember()
	if s == nil {
		t.say(locale.StaffOnly)
		return nil
	}
	if s.Role != core.RoleChief && s.Role != core.RoleAdmin {
		t.say(locale.NoticeNotAllowed)
		return nil
	}
	return s
}

// notices lists the notices within the staff member's jurisdiction, with a
// button to cancel each that may still go.
func (t *turn) notices(ctx context.Context) error {
	s := t.noticeSender()
	if s == nil {
		return nil
	}
	all, err := t.e.store.Notices(ctx)
	if err != nil {
		return err
	}
	l := t.lang()
	allowed := t.city.Jurisdiction(s)
	var b strings.Builder
	var rows [][]core.Button
	listed := 0
	for _, n := range all {
		if listed == maxNoticesListed {
			break
		}
		if !within(n.Districts, allowed) {
			continue
		}
		listed++
		fmt.Fprintf(&b, "\n\n№%d · %s · %s\n%s", n.ID, t.noticeStatus(n), t.when(&n), clip(n.Text, 60))
		if cancellable(n) {
			rows = append(rows, []core.Button{button(locale.T(l, locale.NoticeCancelOne, n.ID), actNoticeCancel, strconv.FormatUint(n.ID, 10))})
		}
	}
	if listed == 0 {
		t.say(locale.NoticesNone)
		return nil
	}
	t.send(core.Reply{Text: locale.T(l, locale.NoticesHeader) + b.String(), Buttons: append(rows, t.homeRow()...)})
	return nil
}

func (t *turn) noticeStatus(n core.Notice) string {
	switch {
	case n.Cancelled:
		return locale.T(t.lang(), locale.NoticeStatusCancelled)
	case n.Cron != "":
		return locale.T(t.lang(), locale.NoticeStatusRecurring)
	case n.Active():
		return locale.T(t.lang(), locale.NoticeStatusScheduled)
	}
	return locale.T(t.lang(), locale.NoticeStatusSent)
}

// cancelNotice stops a notice that has not gone yet, or a recurring one.
func (t *turn) cancelNotice(ctx context.Context, arg string) error {
	s := t.noticeSender()
	if s == nil {
		return nil
	}
	id, err := strconv.ParseUint(arg, 10, 64)
	if err != nil {
		return t.stale(ctx)
	}
	n, err := t.e.store.Notice(ctx, id)
	if err != nil || !cancellable(n) {
		t.say(locale.NoticeGone)
		return nil
	}
	if !within(n.Districts, t.city.Jurisdiction(s)) {
		t.say(locale.NoticeOutside)
		return nil
	}
	// Storage cancels the notice as stored at commit, not this copy, and
	// withdraws its deliveries still waiting (held through quiet hours,
	// say).
	t.cancel = n.ID
	t.say(locale.NoticeCancelledOK, n.ID)
	return nil
}

// cancellable reports whether a notice may still be stopped: it is due to
// go, or some of its deliveries are still being queued or delivered.
func cancellable(n core.Notice) bool {
	return !n.Cancelled && (n.Active() || n.FanOut != nil || len(n.Reports) > 0)
}

// within reports whether every district is among allowed.
func within(districts, allowed []string) bool {
	for _, d := range districts {
		if !slices.Contains(allowed, d) {
			return false
		}
	}
	return len(districts) > 0
}
