package flows

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
	"github.com/beatbot-kz/beatbot/locate"
)

// maxChoices caps the buttons offered at once; a longer list helps no one
// on a phone screen.
const maxChoices = 8

// findByLocation answers a shared location. Locations are personal data,
// so they are used only with consent.
func (t *turn) findByLocation(ctx context.Context, p core.Point) error {
	if !t.s.Resident.Consented() {
		t.send(core.Reply{Text: locale.T(t.lang(), locale.FindLocationConsent), Buttons: t.homeRow()})
		return nil
	}
	if d := t.e.index.District(p); d != nil {
		return t.showDistrict(ctx, d)
	}
	t.outside(p)
	return nil
}

// outside answers a point in no district with the nearest precinct and the
// city police's line.
func (t *turn) outside(p core.Point) {
	l := t.lang()
	c := t.e.city.Contact
	pr, dist := t.e.index.NearestPrecinct(p)
	if pr == nil {
		t.send(core.Reply{Text: c.Name.In(l) + ": " + c.Phone, Buttons: t.homeRow()})
		return
	}
	t.send(core.Reply{
		Text:    locale.T(l, locale.Outside, pr.Name.In(l), pr.Address.In(l), pr.Phone, locale.Km(l, dist), c.Name.In(l), c.Phone),
		Buttons: t.homeRow(),
	})
}

// findByAddress answers a typed address.
func (t *turn) findByAddress(ctx context.Context, text string) error {
	res := t.e.index.Address(text)
	switch len(res.Matches) {
	case 0:
		if t.m.Current() == stMenu {
			t.send(core.Reply{Text: locale.T(t.lang(), locale.MenuReask), Buttons: t.menuButtons()})
			return nil
		}
		t.notFound(clip(strings.TrimSpace(text), 80))
		return nil
	case 1:
		var h *core.House
		if res.HasHouse {
			h = &res.House
		}
		return t.resolveStreet(ctx, res.Matches[0], h)
	}
	house := ""
	if res.HasHouse {
		house = res.House.String()
	}
	var choices []choice
	for _, m := range res.Matches {
		choices = append(choices, choice{label: m.Street.Name.In(t.lang()), kind: choiceStreet, id: m.Street.ID, house: house})
	}
	return t.offer(ctx, locale.T(t.lang(), locale.AddressAmbiguous), choices, "")
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

// lookupStreet resolves a street already chosen, with the house if known.
func (t *turn) lookupStreet(ctx context.Context, streetID string, h *core.House) error {
	m, ok := t.e.index.Lookup(streetID, h)
	if !ok {
		return t.stale(ctx)
	}
	return t.resolveStreet(ctx, m, h)
}

// resolveStreet answers one matched street: the inspector when one district
// fits, otherwise a choice among the street's districts. The street is
// remembered so that a house number typed next completes the address.
func (t *turn) resolveStreet(ctx context.Context, m locate.StreetMatch, h *core.House) error {
	l := t.lang()
	name := m.Street.Name.In(l)
	if len(m.Districts) == 0 {
		t.notFound(name)
		return nil
	}
	if len(m.Districts) == 1 && (h == nil || m.HouseFound) {
		return t.showDistrict(ctx, m.Districts[0])
	}
	var choices []choice
	for _, d := range m.Districts {
		choices = append(choices, choice{label: t.districtLabel(d), kind: choiceDistrict, id: d.ID})
	}
	switch {
	case h == nil:
		return t.offer(ctx, locale.T(l, locale.AddressNeedHouse, name), choices, m.Street.ID)
	case !m.HouseFound:
		return t.offer(ctx, locale.T(l, locale.HouseOutOfRange, h.String(), name), choices, m.Street.ID)
	}
	return t.offer(ctx, locale.T(l, locale.PickDistrict), choices, "")
}

// offer shows choices as buttons and waits in stPick. Nothing about the
// choices is stored: each button carries what it stands for and the
// generation of the set it belongs to. street is kept, with consent only,
// for a house number typed next.
func (t *turn) offer(ctx context.Context, text string, choices []choice, street string) error {
	c := &t.s.Conversation
	c.Gen++
	var rows [][]core.Button
	for i, ch := range choices {
		if i == maxChoices {
			break
		}
		rows = append(rows, []core.Button{{Label: ch.label, Data: ch.payload(c.Gen)}})
	}
	if left := len(choices) - maxChoices; left > 0 {
		text += "\n" + locale.T(t.lang(), locale.MoreChoices, left)
	}
	t.send(core.Reply{Text: text, Buttons: append(rows, t.homeRow()...)})
	t.silent = true
	if err := t.goTo(ctx, evPick); err != nil {
		return err
	}
	if t.s.Resident.Consented() {
		c.Street = street
	}
	return nil
}

// pick handles a press on one of the offered choices. A button from an
// older set of choices is stale; the street or district it names is checked
// against the directory.
func (t *turn) pick(ctx context.Context, arg string) error {
	ch, gen, ok := parseChoice(arg)
	if !ok || gen != t.s.Conversation.Gen {
		return t.stale(ctx)
	}
	switch ch.kind {
	case choiceStreet:
		var h *core.House
		if ch.house != "" {
			parsed, err := core.ParseHouse(ch.house)
			if err != nil {
				return t.stale(ctx)
			}
			h = &parsed
		}
		return t.lookupStreet(ctx, ch.id, h)
	case choiceDistrict:
		if d := t.e.city.District(ch.id); d != nil {
			return t.showDistrict(ctx, d)
		}
	}
	return t.stale(ctx)
}

// showDistrict answers with the district's inspector and precinct, and
// remembers the district for a resident who consented.
func (t *turn) showDistrict(ctx context.Context, d *core.District) error {
	l := t.lang()
	city := t.e.city
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
