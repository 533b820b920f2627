package flows

import (
	"context"
	"slices"
	"strings"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// command handles a "/command". Commands work in every state.
func (t *turn) command(ctx context.Context) error {
	switch t.in.Command {
	case "start", "menu":
		return t.resume(ctx)
	case "cancel":
		if t.onboarded() {
			t.say(locale.Cancelled)
		}
		return t.resume(ctx)
	case "help":
		r := core.Reply{Text: locale.T(t.lang(), locale.Help)}
		if t.onboarded() {
			r.Buttons = [][]core.Button{{button(locale.T(t.lang(), locale.MenuBack), actMenu, menuHome)}}
		}
		t.send(r)
		return nil
	case "language":
		return t.goTo(ctx, evLanguage)
	case "notice":
		if !t.onboarded() {
			return t.resume(ctx)
		}
		return t.startNotice(ctx)
	case "notices":
		return t.notices(ctx)
	case "report":
		if !t.onboarded() {
			return t.resume(ctx)
		}
		return t.startReport(ctx)
	case "tickets":
		return t.listTickets(ctx, t.in.Text) // "/tickets new" filters by status
	case "ticket":
		return t.showTicket(ctx, t.in.Text)
	case "stats":
		return t.stats(ctx)
	case "staff":
		t.staffList()
		return nil
	case "away":
		t.away()
		return nil
	case "polls", "poll":
		if !t.onboarded() {
			return t.resume(ctx)
		}
		return t.pollsMenu(ctx)
	case "pollresults":
		return t.staffPolls(ctx, strings.TrimSpace(t.in.Text))
	case "stop":
		r := &t.s.Resident
		if len(r.Subscriptions) == 0 {
			t.say(locale.NothingToStop)
			return nil
		}
		r.Subscriptions = nil
		t.dirty = true
		t.say(locale.StoppedAll)
		return nil
	case "privacy":
		if t.s.Resident.Lang == "" {
			return t.resume(ctx)
		}
		return t.goTo(ctx, evConsent)
	case "mydata":
		return t.myData(ctx)
	case "forget":
		return t.forget(ctx)
	}
	t.say(locale.UnknownCommand, t.in.Command)
	if !t.onboarded() {
		return t.resume(ctx)
	}
	return nil
}

// langEnabled reports whether the city offers l.
func (t *turn) langEnabled(l core.Lang) bool {
	return l.Valid() && (len(t.city.Languages) == 0 || slices.Contains(t.city.Languages, l))
}

// langFromText recognises a language typed instead of pressed: its native
// name or its code.
func langFromText(s string) core.Lang {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, l := range core.Langs {
		if s == string(l) || s == strings.ToLower(locale.NativeName(l)) {
			return l
		}
	}
	return ""
}

// chooseLanguage sets the resident's language and moves on to consent, or
// back to the menu when consent was already answered.
func (t *turn) chooseLanguage(ctx context.Context, l core.Lang) error {
	if !t.langEnabled(l) {
		return t.stale(ctx)
	}
	t.s.Resident.Lang = l
	t.dirty = true
	t.say(locale.LangChanged)
	return t.resume(ctx)
}

// answerConsent stores the resident's answer to the personal-data notice.
// Declining, now or later, deletes everything but the language.
func (t *turn) answerConsent(ctx context.Context, answer string) error {
	r := &t.s.Resident
	switch answer {
	case "yes":
		r.ConsentAt = t.e.now()
		r.Declined = false
		if r.Created.IsZero() {
			r.Created = r.ConsentAt
		}
		t.say(locale.ConsentThanks)
	case "no":
		withdrew := r.Consented() || r.HomeDistrict != "" || len(r.Subscriptions) > 0
		// Keep only the language; the chat stays the record's key.
		*r = core.Resident{Chat: r.Chat, Lang: r.Lang, Declined: true}
		t.s.Conversation.Street = ""
		if withdrew {
			t.say(locale.ConsentWithdrew)
		} else {
			t.say(locale.ConsentDeclined)
		}
	default:
		return t.stale(ctx)
	}
	t.dirty = true
	return t.goTo(ctx, evMenu)
}

// consentReply is the consent question with its two buttons. A resident
// who answered it before (here by /privacy) is also offered to see and to
// delete what is stored about them.
func (t *turn) consentReply(key locale.Key) core.Reply {
	l := t.lang()
	r := core.Reply{
		Text: locale.T(l, key),
		Buttons: [][]core.Button{{
			button(locale.T(l, locale.ConsentAgree), actConsent, "yes"),
			button(locale.T(l, locale.ConsentDecline), actConsent, "no"),
		}},
	}
	if t.onboarded() {
		r.Buttons = append(r.Buttons, []core.Button{
			button(locale.T(l, locale.PrivacyMyData), actPrivacy, "data"),
			button(locale.T(l, locale.PrivacyForget), actPrivacy, "forget"),
		})
	}
	return r
}
