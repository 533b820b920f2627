package flows

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
	"github.com/robfig/cron/v3"
)

// startNotice begins composing a notice, for chiefs and admins. The new
// draft is a new generation: buttons shown for earlier drafts go stale.
func (t *turn) startNotice(ctx context.Context) error {
	if t.noticeSender() == nil {
		return nil
	}
	t.s.Conversation.Draft = nil
	t.s.Conversation.Gen++
	if err := t.goTo(ctx, evNoticeTarget); err != nil {
		return err
	}
	t.s.Conversation.Draft = &core.Notice{}
	return nil
}

// noticeButton handles the buttons of notices. The sender's role and
// jurisdiction are checked again on every press; a composing button counts
// only in its own step of the draft it was shown for.
func (t *turn) noticeButton(ctx context.Context, action, arg string) error {
	switch action {
	case actNoticeAnswer:
		return t.startAnswer(ctx, arg)
	case actNoticeCancel:
		return t.cancelNotice(ctx, arg)
	}
	state := t.m.Current()
	want := map[string]string{
		actNoticeTarget: stNoticeTarget, actNoticeDistrict: stNoticeDistricts,
		actNoticeUrgency: stNoticeUrgency, actNoticeWhen: stNoticeWhen, actNoticeConfirm: stNoticeConfirm,
	}[action]
	draft := t.s.Conversation.Draft
	gen, arg, ok := strings.Cut(arg, ":")
	if !ok || gen != strconv.Itoa(t.s.Conversation.Gen) || state != want || draft == nil {
		return t.stale(ctx)
	}
	s := t.noticeSender()
	if s == nil {
		return t.goTo(ctx, evMenu)
	}
	allowed, err := t.noticeAllowed(ctx, s, draft)
	if err != nil {
		return err
	}
	switch action {
	case actNoticeTarget:
		return t.chooseTarget(ctx, s, allowed, arg)
	case actNoticeDistrict:
		if arg == "done" {
			if len(draft.Districts) == 0 {
				t.say(locale.NoticeNoDistricts)
				return nil
			}
			return t.afterTarget(ctx)
		}
		if !slices.Contains(allowed, arg) {
			t.say(locale.NoticeOutside)
			return nil
		}
		if i := slices.Index(draft.Districts, arg); i >= 0 {
			draft.Districts = slices.Delete(draft.Districts, i, i+1)
		} else {
			draft.Districts = append(draft.Districts, arg)
		}
		t.dirty = true
		t.prompt(stNoticeDistricts)
		return nil
	case actNoticeUrgency:
		if arg != "yes" && arg != "no" {
			return t.stale(ctx)
		}
		draft.Urgent = arg == "yes"
		return t.goTo(ctx, evNoticeWhen)
	case actNoticeWhen:
		switch arg {
		case "now":
			draft.At, draft.Cron = time.Time{}, ""
			return t.goTo(ctx, evNoticeConfirm)
		case "at":
			return t.goTo(ctx, evNoticeAt)
		case "cron":
			if draft.Poll != "" {
				return t.stale(ctx) // invitations go once
			}
			return t.goTo(ctx, evNoticeCron)
		}
		return t.stale(ctx)
	case actNoticeConfirm:
		switch arg {
		case "send":
			return t.confirmNotice(ctx, s, allowed)
		case "drop":
			t.say(locale.NoticeDiscarded)
			return t.goTo(ctx, evMenu)
		}
	}
	return t.stale(ctx)
}

// chooseTarget sets the districts of a whole precinct or the whole city,
// or moves on to choosing districts one by one.
func (t *turn) chooseTarget(ctx context.Context, s *core.Staff, allowed []string, arg string) error {
	draft := t.s.Conversation.Draft
	kind, id, _ := strings.Cut(arg, ":")
	switch {
	case kind == "pick":
		draft.Districts = nil
		return t.goTo(ctx, evNoticeDistricts)
	case kind == "city" && s.Role == core.RoleAdmin:
		draft.Districts = slices.Clone(allowed)
	case kind == "p":
		districts := t.precinctDistricts(id)
		if draft.Poll != "" {
			// An invitation goes to the districts of the precinct that the
			// poll asks; allowed holds no others.
			districts = slices.DeleteFunc(districts, func(d string) bool { return !slices.Contains(allowed, d) })
		}
		if len(districts) == 0 || !within(districts, allowed) {
			t.say(locale.NoticeOutside)
			return nil
		}
		draft.Districts = districts
	default:
		t.say(locale.NoticeOutside)
		return nil
	}
	return t.afterTarget(ctx)
}

func (t *turn) precinctDistricts(precinct string) []string {
	var out []string
	for _, d := range t.city.Districts {
		if d.Precinct == precinct {
			out = append(out, d.ID)
		}
	}
	return out
}

// noticeInput handles what a chief types or sends in the notice steps.
func (t *turn) noticeInput(ctx context.Context) error {
	draft := t.s.Conversation.Draft
	if draft == nil || t.noticeSender() == nil {
		return t.goTo(ctx, evMenu)
	}
	l := t.lang()
	text := strings.TrimSpace(t.in.Text)
	switch t.m.Current() {
	case stNoticeText:
		if t.in.Kind == core.KindPhoto {
			draft.Photo = t.in.Photo
			t.dirty = true
			if text == "" {
				t.say(locale.NoticePhotoNeedsText)
				return nil
			}
		}
		if t.in.Kind != core.KindText && t.in.Kind != core.KindPhoto {
			break
		}
		if n := utf8.RuneCountInString(text); n > maxNoticeText {
			t.say(locale.TooLong, n, maxNoticeText)
			return nil
		}
		draft.Text = text
		return t.goTo(ctx, evNoticeUrgency)
	case stNoticeAt:
		at, err := time.ParseInLocation(noticeTimeLayout, text, t.city.Location)
		if err != nil {
			t.say(locale.NoticeAtInvalid)
			return nil
		}
		if now := t.e.now(); !at.After(now) || at.Sub(now) > maxNoticeAhead {
			t.say(locale.NoticeAtPast)
			return nil
		}
		if draft.Poll != "" {
			if p, err := t.loadPoll(ctx, draft.Poll); err != nil || p == nil || !at.Before(p.Closes) {
				t.say(locale.PollInviteAfterClose)
				return err
			}
		}
		draft.At, draft.Cron = at, ""
		return t.goTo(ctx, evNoticeConfirm)
	case stNoticeCron:
		sched, err := parseSchedule(text)
		if err != nil {
			t.say(locale.NoticeCronInvalid, err.Error())
			return nil
		}
		if reason := scheduleFault(sched, t.e.now().In(t.city.Location)); reason != "" {
			t.say(locale.NoticeCronInvalid, locale.T(l, reason))
			return nil
		}
		draft.Cron, draft.At = text, time.Time{}
		return t.goTo(ctx, evNoticeConfirm)
	}
	// Anything else in a step that waits for a button: show the step again.
	if t.m.Current() == stNoticeText {
		t.send(core.Reply{Text: locale.T(l, locale.Unsupported), Buttons: t.homeRow()})
	}
	t.noticePrompt(t.m.Current())
	return nil
}

// parseSchedule reads a recurring notice's cron expression. Time zone
// prefixes and @every are refused: schedules run in the city's time zone
// and at wall-clock times.
func parseSchedule(spec string) (cron.Schedule, error) {
	if strings.Contains(spec, "TZ=") || strings.HasPrefix(spec, "@every") {
		return nil, errors.New("time zones and @every are not allowed")
	}
	return cron.ParseStandard(spec)
}

// scheduleFault returns why a valid cron schedule still will not do from
// now on, or "": it never runs, or it runs more than maxNoticeRunsPerDay
// times in some 24 hours. now must be in the city's time zone, which the
// schedule runs in.
func scheduleFault(sched cron.Schedule, now time.Time) locale.Key {
	runs := make([]time.Time, 0, scheduleProbe)
	for next := now; len(runs) < scheduleProbe; {
		next = sched.Next(next)
		if next.IsZero() {
			break // no run within the five years the parser looks ahead
		}
		runs = append(runs, next)
	}
	if len(runs) == 0 {
		return locale.NoticeCronNever
	}
	for i := maxNoticeRunsPerDay; i < len(runs); i++ {
		if runs[i].Sub(runs[i-maxNoticeRunsPerDay]) < 24*time.Hour {
			return locale.NoticeCronTooOften
		}
	}
	return ""
}

// confirmNotice stores the notice. Its districts are checked once more
// against the sender's jurisdiction as it is now.
func (t *turn) confirmNotice(ctx context.Context, s *core.Staff, allowed []string) error {
	draft := t.s.Conversation.Draft
	if !within(draft.Districts, allowed) {
		t.say(locale.NoticeOutside)
		return t.goTo(ctx, evMenu)
	}
	if draft.Poll != "" {
		p, err := t.loadPoll(ctx, draft.Poll)
		if err != nil {
			return err
		}
		if p == nil || !t.e.now().Before(p.Closes) {
			t.say(locale.PollInviteClosed)
			return t.goTo(ctx, evMenu)
		}
	}
	id, err := t.e.store.NextNoticeID(ctx)
	if err != nil {
		return err
	}
	n := *draft
	n.ID, n.Author, n.AuthorChat, n.Lang, n.Created = id, s.ID, t.in.Chat, t.lang(), t.e.now()
	t.notice = &n
	t.say(locale.NoticeSaved, n.ID, t.when(&n))
	return t.goTo(ctx, evMenu)
}

// when describes when a notice goes.
func (t *turn) when(n *core.Notice) string {
	l := t.lang()
	loc := t.city.Location
	switch {
	case n.Cron != "":
		next := ""
		if sched, err := parseSchedule(n.Cron); err == nil {
			next = sched.Next(t.e.now().In(loc)).Format(noticeTimeLayout)
		}
		return locale.T(l, locale.WhenCron, n.Cron, next)
	case !n.At.IsZero():
		return locale.T(l, locale.WhenAt, n.At.In(loc).Format(noticeTimeLayout))
	}
	return locale.T(l, locale.WhenNow)
}

// draftButton builds a button of composing a notice: its payload carries
// the draft's generation, "nc:<gen>:send".
func (t *turn) draftButton(label, action, arg string) core.Button {
	return button(label, action, strconv.Itoa(t.s.Conversation.Gen)+":"+arg)
}

// noticePrompt shows what a notice step waits for.
func (t *turn) noticePrompt(state string) {
	l := t.lang()
	draft := t.s.Conversation.Draft
	if draft == nil {
		draft = &core.Notice{}
	}
	s := t.staffMember()
	switch state {
	case stNoticeTarget:
		var rows [][]core.Button
		if s != nil && s.Role == core.RoleAdmin {
			rows = append(rows, []core.Button{t.draftButton(locale.T(l, locale.NoticeWholeCity), actNoticeTarget, "city")})
		}
		for _, p := range t.city.Precincts {
			if s != nil && (s.Role == core.RoleAdmin || p.Chief == s.ID) {
				rows = append(rows, []core.Button{t.draftButton(locale.T(l, locale.NoticeWholePrecinct, p.Name.In(l)), actNoticeTarget, "p:"+p.ID)})
			}
		}
		rows = append(rows, []core.Button{t.draftButton(locale.T(l, locale.NoticeChooseDistricts), actNoticeTarget, "pick")})
		t.send(core.Reply{Text: locale.T(l, locale.NoticeTarget), Buttons: append(rows, t.homeRow()...)})
	case stNoticeDistricts:
		var rows [][]core.Button
		if s != nil {
			allowed, _ := t.noticeAllowed(t.ctx, s, draft)
			for _, id := range allowed {
				label := t.city.District(id).Name.In(l)
				if slices.Contains(draft.Districts, id) {
					label = "✅ " + label
				}
				rows = append(rows, []core.Button{t.draftButton(label, actNoticeDistrict, id)})
			}
		}
		rows = append(rows, []core.Button{t.draftButton(locale.T(l, locale.NoticeDone), actNoticeDistrict, "done")})
		t.send(core.Reply{Text: locale.T(l, locale.NoticeDistrictsPrompt), Buttons: rows})
	case stNoticeText:
		t.send(core.Reply{Text: locale.T(l, locale.NoticeTextPrompt, maxNoticeText), Buttons: t.homeRow()})
	case stNoticeUrgency:
		end := time.Duration(t.city.Delivery.QuietHours.To)
		t.send(core.Reply{
			Text: locale.T(l, locale.NoticeUrgency, fmt.Sprintf("%02d:%02d", int(end.Hours()), int(end.Minutes())%60)),
			Buttons: [][]core.Button{{
				t.draftButton(locale.T(l, locale.NoticeUrgentButton), actNoticeUrgency, "yes"),
				t.draftButton(locale.T(l, locale.NoticeNormalButton), actNoticeUrgency, "no"),
			}},
		})
	case stNoticeWhen:
		rows := [][]core.Button{
			{t.draftButton(locale.T(l, locale.NoticeNowButton), actNoticeWhen, "now")},
			{t.draftButton(locale.T(l, locale.NoticeAtButton), actNoticeWhen, "at")},
		}
		if draft.Poll == "" {
			rows = append(rows, []core.Button{t.draftButton(locale.T(l, locale.NoticeCronButton), actNoticeWhen, "cron")})
		}
		t.send(core.Reply{Text: locale.T(l, locale.NoticeWhen), Buttons: rows})
	case stNoticeAt:
		t.send(core.Reply{Text: locale.T(l, locale.NoticeAtPrompt, t.city.Location.String()), Buttons: t.homeRow()})
	case stNoticeCron:
		t.send(core.Reply{Text: locale.T(l, locale.NoticeCronHelp), Buttons: t.homeRow()})
	case stNoticeConfirm:
		t.send(t.noticePreview(draft))
	}
}

// noticePreview shows the notice as it will go, with its audience today.
func (t *turn) noticePreview(draft *core.Notice) core.Reply {
	l := t.lang()
	var names []string
	for _, id := range draft.Districts {
		if d := t.city.District(id); d != nil {
			names = append(names, d.Name.In(l))
		}
	}
	count := 0
	if audience, err := t.e.store.Audience(t.ctx, draft.Districts); err == nil {
		count = len(audience)
	}
	urgent := locale.T(l, locale.No)
	if draft.Urgent {
		urgent = locale.T(l, locale.Yes)
	}
	return core.Reply{
		Text:  locale.T(l, locale.NoticePreview, draft.Text, strings.Join(names, "; "), urgent, t.when(draft), count),
		Photo: draft.Photo,
		Buttons: [][]core.Button{{
			t.draftButton(locale.T(l, locale.NoticeSendButton), actNoticeConfirm, "send"),
			t.draftButton(locale.T(l, locale.NoticeCancelButton), actNoticeConfirm, "drop"),
		}},
	}
}
