package flows

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// RightsStore reads what is stored about a chat, for residents' data
// rights.
type RightsStore interface {
	// PersonalData returns what is stored about chat besides its session.
	PersonalData(ctx context.Context, chat core.ChatRef) (core.PersonalData, error)
}

// maxDataMessage is the most characters of one /mydata message. Sections
// are packed into messages up to it, well under the messengers' 4,096 (an
// emoji counts twice in Telegram's), so that one never has to be cut in
// the middle; a single section longer than that is cut by the adapter.
const maxDataMessage = 3500

// myData answers /mydata: everything stored about the chat, section by
// section, in as few messages as the messenger's limits allow. It changes
// nothing, so the conversation stays where it was.
func (t *turn) myData(ctx context.Context) error {
	l := t.lang()
	p, err := t.e.store.PersonalData(ctx, t.in.Chat)
	if err != nil {
		return err
	}
	sets, err := t.pollAnswers(ctx)
	if err != nil {
		return err
	}
	if p.Empty() && len(sets) == 0 {
		t.say(locale.MyDataNothing)
		return nil
	}
	sections := []string{locale.T(l, locale.MyDataHeader, t.in.Chat.String()) + "\n\n" + t.profileSection(&p)}
	if len(p.Tickets) == 0 {
		sections = append(sections, locale.T(l, locale.MyDataTicketsNone))
	} else {
		sections = append(sections, locale.T(l, locale.MyDataTicketsHeader, len(p.Tickets)))
		for i := range p.Tickets {
			sections = append(sections, t.ticketSection(&p.Tickets[i]))
		}
	}
	if len(t.e.pollSecret) > 0 {
		if len(sets) == 0 {
			sections = append(sections, locale.T(l, locale.MyDataPollsNone))
		} else {
			sections = append(sections, locale.T(l, locale.MyDataPollsHeader))
			for _, s := range sets {
				sections = append(sections, pollSection(l, s.poll, &s.set))
			}
		}
	}
	sections = append(sections, locale.T(l, locale.MyDataFooter))
	messages := pack(sections, maxDataMessage)
	for i, m := range messages {
		r := core.Reply{Text: m}
		if i == len(messages)-1 && t.onboarded() {
			r.Buttons = t.homeRow()
		}
		t.send(r)
	}
	return nil
}

// profileSection lists the resident's record and conversation.
func (t *turn) profileSection(p *core.PersonalData) string {
	l := t.lang()
	r, c := &t.s.Resident, &t.s.Conversation
	var lines []string
	add := func(key locale.Key, args ...any) { lines = append(lines, locale.T(l, key, args...)) }
	if r.Lang != "" {
		add(locale.MyDataLanguage, locale.NativeName(r.Lang))
	}
	switch {
	case r.Consented():
		add(locale.MyDataConsentAt, t.moment(r.ConsentAt))
		if !r.Created.IsZero() && !r.Created.Equal(r.ConsentAt) {
			add(locale.MyDataFirstConsent, t.moment(r.Created))
		}
	case r.Declined:
		add(locale.MyDataConsentDeclined)
	default:
		add(locale.MyDataConsentNone)
	}
	if d := t.city.District(r.HomeDistrict); d != nil {
		add(locale.MyDataDistrict, d.Name.In(l))
	}
	if len(r.Subscriptions) > 0 {
		var names []string
		for _, id := range r.Subscriptions {
			if d := t.city.District(id); d != nil {
				names = append(names, d.Name.In(l))
			}
		}
		add(locale.MyDataSubscriptions, strings.Join(names, ", "))
	}
	if r.Blocked != nil {
		add(locale.MyDataBlocked, t.date(r.Blocked.At))
	}
	if c.State != "" {
		add(locale.MyDataStep, locale.T(l, stepLabel(c.State)))
	}
	if c.Report != nil && c.Report.Text != "" {
		add(locale.MyDataDraft, c.Report.Text)
	}
	if c.Street != "" {
		add(locale.MyDataStreet, c.Street)
	}
	if !p.LastInbound.IsZero() {
		add(locale.MyDataLastWrote, t.moment(p.LastInbound))
	}
	if p.Queued > 0 {
		add(locale.MyDataQueued, p.Queued)
	}
	if p.Sent > 0 {
		add(locale.MyDataSent, p.Sent)
	}
	return strings.Join(lines, "\n")
}

// ticketSection is one of the resident's tickets as stored, with the
// conversation on it.
func (t *turn) ticketSection(tk *core.Ticket) string {
	l := t.lang()
	category := tk.Category
	if c := t.city.Category(tk.Category); c != nil {
		category = c.Name.In(l)
	}
	var b strings.Builder
	b.WriteString(locale.T(l, locale.MyDataTicket, tk.Code, category, statusName(tk.Status, l), t.moment(tk.Created), t.placeName(tk, l), tk.Text))
	line := func(key locale.Key, args ...any) { b.WriteString("\n" + locale.T(l, key, args...)) }
	if tk.Location != nil {
		line(locale.MyDataTicketPoint, fmt.Sprintf("%.5f, %.5f", tk.Location.Lat, tk.Location.Lon))
	}
	if len(tk.Photos) > 0 {
		line(locale.MyDataTicketPhotos, len(tk.Photos))
	}
	if tk.Anonymous {
		line(locale.MyDataTicketAnonymous)
	} else if tk.ReporterName != "" {
		line(locale.MyDataTicketName, tk.ReporterName)
	}
	if !tk.Accepted.IsZero() {
		line(locale.MyDataTicketAccepted, t.moment(tk.Accepted))
	}
	if at := tk.ClosedAt(); !at.IsZero() {
		line(locale.MyDataTicketClosed, t.moment(at))
	}
	for _, ev := range tk.History {
		if ev.Note == "" {
			continue
		}
		switch ev.Action {
		case core.ActionReplied, core.ActionResolved:
			line(locale.MyDataPolice, t.moment(ev.At), ev.Note)
		case core.ActionAnswered:
			line(locale.MyDataYou, t.moment(ev.At), ev.Note)
		}
	}
	if tk.Rating > 0 {
		line(locale.MyDataRating, tk.Rating)
	}
	return b.String()
}

// answered is a poll the resident answered, with their answers.
type answered struct {
	poll *core.Poll
	set  core.AnswerSet
}

// pollAnswers finds the resident's answers to every poll: they are kept
// under pseudonyms only the engine, holding the secret, can compute.
func (t *turn) pollAnswers(ctx context.Context) ([]answered, error) {
	if len(t.e.pollSecret) == 0 {
		return nil, nil
	}
	all, err := t.e.store.Polls(ctx)
	if err != nil {
		return nil, err
	}
	var out []answered
	for i := range all {
		set, found, err := t.answerSet(ctx, &all[i])
		if err != nil {
			return nil, err
		}
		if found {
			out = append(out, answered{poll: &all[i], set: set})
		}
	}
	return out, nil
}

// pollSection lists a resident's answers to one poll, question by
// question.
func pollSection(l core.Lang, p *core.Poll, s *core.AnswerSet) string {
	status := locale.T(l, locale.MyDataPollStarted)
	if s.Done {
		status = locale.T(l, locale.MyDataPollDone)
	}
	var b strings.Builder
	b.WriteString(locale.T(l, locale.MyDataPoll, p.Title.In(l), status))
	for _, a := range s.Answers {
		if a.Q < 0 || a.Q >= len(p.Questions) {
			continue
		}
		q := &p.Questions[a.Q]
		var answer string
		switch {
		case a.Skipped:
			answer = locale.T(l, locale.MyDataSkipped)
		case a.Text != "":
			answer = a.Text
		case a.Value > 0:
			answer = strconv.Itoa(a.Value)
		default:
			var chosen []string
			for i, o := range q.Options {
				if a.Options&(1<<i) != 0 {
					chosen = append(chosen, o.Text.In(l))
				}
			}
			answer = strings.Join(chosen, ", ")
		}
		fmt.Fprintf(&b, "\n• %s → %s", q.Text.In(l), answer)
	}
	return b.String()
}

// moment formats a moment in the city's time zone.
func (t *turn) moment(at time.Time) string {
	return at.In(t.city.Location).Format("02.01.2006 15:04")
}

// pack joins sections, separated by blank lines, into as few texts of at
// most n characters as their order allows. A section longer than n makes
// a text of its own.
func pack(sections []string, n int) []string {
	var out []string
	var cur strings.Builder
	for _, s := range sections {
		if cur.Len() > 0 && utf8.RuneCountInString(cur.String())+2+utf8.RuneCountInString(s) > n {
			out = append(out, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteString("\n\n")
		}
		cur.WriteString(s)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// stepLabel names a conversation's state for the resident: the state's id
// is the bot's own word, not theirs.
func stepLabel(state string) locale.Key {
	switch {
	case state == stMenu:
		return locale.MyDataStepMenu
	case state == stFind || state == stPick:
		return locale.MyDataStepFind
	case state == stAnswer:
		return locale.MyDataStepAnswer
	case state == stPoll:
		return locale.MyDataStepPoll
	case state == stForget:
		return locale.MyDataStepForget
	case slices.Contains(reportSteps, state):
		return locale.MyDataStepReport
	case slices.Contains(ticketWriting, state):
		return locale.MyDataStepTicket
	case slices.Contains(noticeSteps, state):
		return locale.MyDataStepNotice
	}
	return locale.MyDataStepStart // new, language, consent
}
