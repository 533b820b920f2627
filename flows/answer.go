package flows

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// maxAnswer is the longest answer to a notice a resident may send.
const maxAnswer = 2000

// startAnswer begins a resident's answer to a notice: the button under a
// notice carries its number, which must name a notice the resident may
// answer. Anyone can forge the number, so without that check anyone could
// write to any precinct.
func (t *turn) startAnswer(ctx context.Context, arg string) error {
	id, err := strconv.ParseUint(arg, 10, 64)
	if err != nil {
		return t.stale(ctx)
	}
	n, err := t.e.store.Notice(ctx, id)
	if errors.Is(err, core.ErrNotFound) || (err == nil && !t.answerable(n)) {
		return t.stale(ctx)
	}
	if err != nil {
		return fmt.Errorf("flows: answer notice %d: %w", id, err)
	}
	if err := t.goTo(ctx, evAnswer); err != nil {
		return err
	}
	t.s.Conversation.AnswerTo = id
	return nil
}

// answer passes a resident's answer to the precinct: its duty chat, or its
// chief. The resident's name and chat are not passed on, only the district
// they live in, if they shared it.
func (t *turn) answer(ctx context.Context) error {
	text := strings.TrimSpace(t.in.Text)
	if t.in.Kind != core.KindText || text == "" {
		t.send(core.Reply{Text: locale.T(t.lang(), locale.AnswerPrompt), Buttons: t.homeRow()})
		return nil
	}
	if n := utf8.RuneCountInString(text); n > maxAnswer {
		t.say(locale.TooLong, n, maxAnswer)
		return nil
	}
	notice, err := t.e.store.Notice(ctx, t.s.Conversation.AnswerTo)
	if err != nil && !errors.Is(err, core.ErrNotFound) {
		return fmt.Errorf("flows: answer notice %d: %w", t.s.Conversation.AnswerTo, err)
	}
	if err != nil || !t.answerable(notice) {
		// Cancelled, or the resident left its audience, while they wrote.
		t.say(locale.AnswerClosed)
		return t.goTo(ctx, evMenu)
	}
	district, to, group := t.answerRoute(notice)
	if to.IsZero() {
		t.e.log.Error().Uint64("notice", notice.ID).Msg("answer to notice has nowhere to go: no duty chat and no chief on Telegram")
		t.say(locale.ErrorGeneric)
		return t.goTo(ctx, evMenu)
	}
	staffLang := notice.Lang
	where := locale.T(staffLang, locale.UnknownDistrict)
	if district != nil {
		where = district.Name.In(staffLang)
	}
	// A duty desk is staffed around the clock, so an answer reaches it in
	// quiet hours too; a chief's private chat waits for the morning.
	t.outbox = append(t.outbox, core.OutboxItem{
		Key: "answer:" + t.in.Key, Chat: to, Group: group, ToStaff: true, Priority: core.PriorityNormal, Urgent: group,
		Reply: core.Reply{Text: locale.T(staffLang, locale.AnswerForward, notice.ID, clip(notice.Text, 60), where, text),
			Template: core.TemplateNotice, Lang: staffLang},
	})
	t.say(locale.AnswerSent)
	return t.goTo(ctx, evMenu)
}

// answerable reports whether the resident may answer n: it is not
// cancelled, and they are in its audience: they subscribe to one of its
// districts or live in one.
func (t *turn) answerable(n core.Notice) bool {
	if n.Cancelled {
		return false
	}
	r := &t.s.Resident
	for _, d := range n.Districts {
		if r.Subscribed(d) || r.HomeDistrict == d {
			return true
		}
	}
	return false
}

// answerRoute finds where an answer to notice goes: the precinct of the
// resident's district if the notice went there, else the precinct of the
// notice's first district; its duty group chat, else its chief.
func (t *turn) answerRoute(notice core.Notice) (*core.District, core.ChatRef, bool) {
	city := t.city
	var district *core.District
	if home := t.s.Resident.HomeDistrict; home != "" && within([]string{home}, notice.Districts) {
		district = city.District(home)
	}
	precinctOf := district
	if precinctOf == nil && len(notice.Districts) > 0 {
		precinctOf = city.District(notice.Districts[0])
	}
	if precinctOf == nil {
		return district, core.ChatRef{}, false
	}
	p := city.Precinct(precinctOf.Precinct)
	if p == nil {
		return district, core.ChatRef{}, false
	}
	if chat, ok := city.DutyChat(p); ok {
		return district, chat, true
	}
	if chat, ok := city.StaffChat(city.StaffMember(p.Chief)); ok {
		return district, chat, false
	}
	return district, core.ChatRef{}, false
}
