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
const (
	actNoticeTarget   = "nt" // nt:p:<precinct>, nt:city, nt:pick
	actNoticeDistrict = "nd" // nd:<district>, nd:done
	actNoticeUrgency  = "nu" // nu:yes, nu:no
	actNoticeWhen     = "nw" // nw:now, nw:at, nw:cron
	actNoticeConfirm  = "nc" // nc:send, nc:drop
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
)

var noticeActions = map[string]bool{
	actNoticeTarget: true, actNoticeDistrict: true, actNoticeUrgency: true, actNoticeWhen: true,
	actNoticeConfirm: true, actNoticeCancel: true, actNoticeAnswer: true,
}

// staffMember returns who is writing, if they are police staff: their
// Telegram user id is in the directory. It is looked up on every update,
// so a role changed in the configuration takes effect at once.
func (t *turn) staffMember() *core.Staff {
	if t.in.Chat.Channel != core.Telegram {
		return nil
	}
	id, err := strconv.ParseInt(t.in.From, 10, 64)
	if err != nil {
		return nil
	}
	return t.e.city.StaffByTelegram(id)
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
	allowed := t.e.city.Jurisdiction(s)
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
		if n.Active() {
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
	if err != nil || !n.Active() {
		t.say(locale.NoticeGone)
		return nil
	}
	if !within(n.Districts, t.e.city.Jurisdiction(s)) {
		t.say(locale.NoticeOutside)
		return nil
	}
	n.Cancelled = true
	t.notice = &n
	t.say(locale.NoticeCancelledOK, n.ID)
	return nil
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
