package flows

import (
	"context"
	"slices"
	"strings"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// menuAlertsAdd is the item under the Alerts list that offers districts to
// subscribe to.
const menuAlertsAdd = "alerts_add"

// maxAlertChoices caps the districts offered to subscribe to at once; in a
// bigger city residents find theirs through "My inspector".
const maxAlertChoices = 16

// menu handles a main-menu button.
func (t *turn) menu(ctx context.Context, item string) error {
	switch item {
	case menuFind:
		return t.goTo(ctx, evFind)
	case menuHome:
		return t.goTo(ctx, evMenu)
	case menuLanguage:
		return t.goTo(ctx, evLanguage)
	case menuReport:
		return t.startReport(ctx)
	case menuMine:
		return t.myReports(ctx)
	case menuPoll:
		return t.pollsMenu(ctx)
	case menuAlerts:
		t.alerts()
		return nil
	case menuAlertsAdd:
		t.addAlerts()
		return nil
	case menuEmergency:
		t.send(core.Reply{Text: t.emergencyNumbers(), Buttons: t.homeRow()})
		return nil
	}
	return t.stale(ctx)
}

// emergencyNumbers lists the emergency numbers, then the city police's
// ordinary line apart from them: it may not be free or always staffed.
func (t *turn) emergencyNumbers() string {
	l := t.lang()
	text := locale.T(l, locale.EmergencyNumbers, t.emergencyList("\n"))
	if c := t.city.Contact; c.Phone != "" {
		text += "\n\n" + c.Name.In(l) + ": " + c.Phone
	}
	return text
}

// alerts lists the resident's subscriptions with a button to cancel each,
// and a button to add one.
func (t *turn) alerts() {
	l := t.lang()
	subs := t.s.Resident.Subscriptions
	add := []core.Button{button(locale.T(l, locale.AlertsAddButton), actMenu, menuAlertsAdd)}
	if len(subs) == 0 {
		t.send(core.Reply{Text: locale.T(l, locale.AlertsNone), Buttons: [][]core.Button{
			{button(locale.T(l, locale.MenuFind), actMenu, menuFind)},
			add,
			t.homeRow()[0],
		}})
		return
	}
	var b strings.Builder
	b.WriteString(locale.T(l, locale.AlertsList))
	var rows [][]core.Button
	for _, id := range subs {
		d := t.city.District(id)
		if d == nil {
			continue // a district removed from the configuration
		}
		b.WriteString("\n• " + d.Name.In(l))
		rows = append(rows, []core.Button{button("🔕 "+d.Name.In(l), actUnsub, d.ID)})
	}
	rows = append(rows, add)
	t.send(core.Reply{Text: b.String(), Buttons: append(rows, t.homeRow()...)})
}

// addAlerts offers the districts the resident gets no alerts for yet, their
// home district first. A press subscribes through subscribe, which still
// asks for consent; without it the list would only lead there, so the
// consent message comes at once. In a city with more districts than fit on
// a phone screen the rest are found through "My inspector", whose card has
// the same subscribe button.
func (t *turn) addAlerts() {
	l := t.lang()
	r := &t.s.Resident
	if !r.Consented() {
		t.send(core.Reply{Text: locale.T(l, locale.SubscribeConsent), Buttons: t.homeRow()})
		return
	}
	var offer []*core.District
	if d := t.city.District(r.HomeDistrict); d != nil && !r.Subscribed(d.ID) {
		offer = append(offer, d)
	}
	for i := range t.city.Districts {
		d := &t.city.Districts[i]
		if d.ID != r.HomeDistrict && !r.Subscribed(d.ID) {
			offer = append(offer, d)
		}
	}
	if len(offer) == 0 {
		t.send(core.Reply{Text: locale.T(l, locale.AlertsAllSubscribed), Buttons: t.homeRow()})
		return
	}
	text := locale.T(l, locale.AlertsAddPrompt)
	var rows [][]core.Button
	for _, d := range offer[:min(len(offer), maxAlertChoices)] {
		rows = append(rows, []core.Button{button(t.districtLabel(d), actSub, d.ID)})
	}
	if len(offer) > maxAlertChoices {
		find := locale.T(l, locale.MenuFind)
		text += "\n\n" + locale.T(l, locale.AlertsAddMore, find)
		rows = append(rows, []core.Button{button(find, actMenu, menuFind)})
	}
	t.send(core.Reply{Text: text, Buttons: append(rows, t.homeRow()...)})
}

// subscribeButton offers to subscribe to d, or to unsubscribe if already
// subscribed.
func (t *turn) subscribeButton(d *core.District) []core.Button {
	l := t.lang()
	if t.s.Resident.Subscribed(d.ID) {
		return []core.Button{button(locale.T(l, locale.UnsubscribeButton), actUnsub, d.ID)}
	}
	return []core.Button{button(locale.T(l, locale.SubscribeButton), actSub, d.ID)}
}

// subscribe adds d to the resident's alerts. Subscriptions are personal
// data and need consent.
func (t *turn) subscribe(d *core.District) {
	l := t.lang()
	r := &t.s.Resident
	switch {
	case !r.Consented():
		t.send(core.Reply{Text: locale.T(l, locale.SubscribeConsent), Buttons: t.homeRow()})
	case r.Subscribed(d.ID):
		t.say(locale.AlreadySubscribed, d.Name.In(l))
	default:
		r.Subscriptions = append(r.Subscriptions, d.ID)
		t.dirty = true
		t.send(core.Reply{Text: locale.T(l, locale.Subscribed, d.Name.In(l)), Buttons: t.homeRow()})
	}
}

// unsubscribe removes d from the resident's alerts; pressing it twice is
// harmless.
func (t *turn) unsubscribe(d *core.District) {
	r := &t.s.Resident
	if i := slices.Index(r.Subscriptions, d.ID); i >= 0 {
		r.Subscriptions = slices.Delete(r.Subscriptions, i, i+1)
		t.dirty = true
	}
	t.send(core.Reply{Text: locale.T(t.lang(), locale.Unsubscribed, d.Name.In(t.lang())), Buttons: t.homeRow()})
}
