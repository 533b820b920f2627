package flows

import (
	"context"
	"slices"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// invite begins an invitation to a poll: a notice whose recipients get the
// poll's invitation in their own language, with a button to take it. It
// follows the steps of a notice except the text and the urgency, and goes
// once, now or at a set time.
func (t *turn) invite(ctx context.Context, id string) error {
	s := t.noticeSender()
	if s == nil {
		return nil
	}
	p, err := t.loadPoll(ctx, id)
	if err != nil {
		return err
	}
	if p == nil {
		t.say(locale.PollNotFound)
		return nil
	}
	if !t.e.now().Before(p.Closes) {
		t.say(locale.PollInviteClosed)
		return nil
	}
	draft := &core.Notice{Poll: p.ID}
	allowed, err := t.noticeAllowed(ctx, s, draft)
	if err != nil {
		return err
	}
	if len(allowed) == 0 {
		t.say(locale.PollInviteNowhere)
		return nil
	}
	t.s.Conversation.Draft = nil
	t.s.Conversation.Gen++
	if err := t.goTo(ctx, evNoticeTarget); err != nil {
		return err
	}
	draft.Text = "📋 " + locale.T(t.lang(), locale.PollInvitationOf, p.Title.In(t.lang()))
	t.s.Conversation.Draft = draft
	return nil
}

// noticeAllowed returns the districts a notice draft may go to: the
// sender's jurisdiction, and for a poll invitation only those of them the
// poll asks.
func (t *turn) noticeAllowed(ctx context.Context, s *core.Staff, draft *core.Notice) ([]string, error) {
	allowed := t.city.Jurisdiction(s)
	if draft == nil || draft.Poll == "" {
		return allowed, nil
	}
	p, err := t.loadPoll(ctx, draft.Poll)
	if err != nil || p == nil {
		return nil, err
	}
	return slices.DeleteFunc(slices.Clone(allowed), func(d string) bool { return !p.Targets(d) }), nil
}

// afterTarget moves a notice on from choosing its districts: to its text,
// or for a poll invitation, whose text is the poll's, to when it goes.
func (t *turn) afterTarget(ctx context.Context) error {
	if draft := t.s.Conversation.Draft; draft != nil && draft.Poll != "" {
		return t.goTo(ctx, evNoticeWhen)
	}
	return t.goTo(ctx, evNoticeText)
}
