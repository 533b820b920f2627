package flows

import (
	"context"
	"fmt"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// findByLocation answers a shared location. Locations are personal data,
// so they are used only with consent.
func (t *turn) findByLocation(ctx context.Context, p core.Point) error {
	if !t.s.Resident.Consented() {
		t.send(core.Reply{Text: locale.T(t.lang(), locale.FindLocationConsent), Buttons: t.homeRow()})
		return nil
	}
	if d := t.index.District(p); d != nil {
		return t.showDistrict(ctx, d)
	}
	t.outside(p)
	return nil
}

// outside answers a point in no district with the nearest precinct and the
// city police's line.
func (t *turn) outside(p core.Point) {
	l := t.lang()
	c := t.city.Contact
	pr, dist := t.index.NearestPrecinct(p)
	if pr == nil {
		t.send(core.Reply{Text: c.Name.In(l) + ": " + c.Phone, Buttons: t.homeRow()})
		return
	}
	t.send(core.Reply{
		Text:    locale.T(l, locale.Outside, pr.Name.In(l), pr.Address.In(l), pr.Phone, locale.Km(l, dist), c.Name.In(l), c.Phone),
		Buttons: t.homeRow(),
	})
}

// findPlaces is how find-my-inspector uses the place resolver: it answers
// with the district's inspector and offers choices in stPick.
func (t *turn) findPlaces() placeFlow {
	return placeFlow{action: actPick, found: t.showDistrict, offer: t.offerPick, notFound: t.notFound}
}

// findByAddress answers a typed address.
func (t *turn) findByAddress(ctx context.Context, text string) error {
	f := t.findPlaces()
	if t.m.Current() == stMenu {
		// Text at the menu that is no address is not an error.
		f.notFound = func(string) {
			t.send(core.Reply{Text: locale.T(t.lang(), locale.MenuReask), Buttons: t.menuButtons()})
		}
	}
	return t.resolveAddress(ctx, text, f)
}

// notFound says no street matched what, suggesting a location only to those
// who may share one.
func (t *turn) notFound(what string) {
	if t.s.Resident.Consented() {
		t.say(locale.AddressNotFound, what)
		return
	}
	t.say(locale.AddressNotFoundNoLocation, what)
}

// offerPick shows choices for find-my-inspector and waits in stPick. The
// street is kept, with consent only, for a house number typed next.
func (t *turn) offerPick(ctx context.Context, r core.Reply, street string) error {
	t.send(r)
	t.silent = true
	if err := t.goTo(ctx, evPick); err != nil {
		return err
	}
	if t.s.Resident.Consented() {
		t.s.Conversation.Street = street
	}
	return nil
}

// pick handles a press on one of the offered choices.
func (t *turn) pick(ctx context.Context, arg string) error {
	return t.choose(ctx, arg, t.findPlaces())
}

// showDistrict answers with the district's inspector and precinct, and
// remembers the district for a resident who consented.
func (t *turn) showDistrict(ctx context.Context, d *core.District) error {
	l := t.lang()
	city := t.city
	p := city.Precinct(d.Precinct)
	insp := city.StaffMember(d.Inspector)
	if p == nil || insp == nil {
		return fmt.Errorf("flows: district %s: precinct %q or inspector %q missing from the directory", d.ID, d.Precinct, d.Inspector)
	}
	t.send(core.Reply{
		Pin:            &core.Pin{Point: p.Location, Title: p.Name.In(l), Address: p.Address.In(l)},
		RemoveKeyboard: true,
	})
	t.send(core.Reply{
		Text: locale.T(l, locale.Card, d.Name.In(l), insp.Name.In(l), insp.Rank.In(l), insp.Phone,
			insp.Reception.In(l), p.Name.In(l), p.Address.In(l), p.Phone),
		Buttons: [][]core.Button{t.subscribeButton(d), t.homeRow()[0]},
	})
	if r := &t.s.Resident; r.Consented() && r.HomeDistrict != d.ID {
		r.HomeDistrict = d.ID
		t.dirty = true
	}
	t.silent = true
	return t.goTo(ctx, evMenu)
}

// clip shortens s to at most n characters for echoing it back.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
