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

// Kinds of choices stored in core.Choice.Value as "kind:id".
const (
	choiceStreet   = "s"
	choiceDistrict = "d"
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
		Text:    locale.T(l, locale.Outside, pr.Name.In(l), pr.Address.In(l), pr.Phone, dist/1000, c.Name.In(l), c.Phone),
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
		t.say(locale.AddressNotFound, clip(strings.TrimSpace(text), 80))
		return nil
	case 1:
		var h *core.House
		if res.HasHouse {
			h = &res.House
		}
		return t.resolveStreet(ctx, res.Matches[0], h)
	}
	var choices []core.Choice
	for _, m := range res.Matches {
		choices = append(choices, core.Choice{Value: choiceStreet + ":" + m.Street.ID})
	}
	house := ""
	if res.HasHouse {
		house = res.House.String()
	}
	return t.offer(ctx, locale.T(t.lang(), locale.AddressAmbiguous), choices, "", house)
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
// fits, otherwise a choice among the street's districts.
func (t *turn) resolveStreet(ctx context.Context, m locate.StreetMatch, h *core.House) error {
	l := t.lang()
	name := m.Street.Name.In(l)
	if len(m.Districts) == 0 {
		t.say(locale.AddressNotFound, name)
		return nil
	}
	if len(m.Districts) == 1 && (h == nil || m.HouseFound) {
		return t.showDistrict(ctx, m.Districts[0])
	}
	var choices []core.Choice
	for _, d := range m.Districts {
		choices = append(choices, core.Choice{Value: choiceDistrict + ":" + d.ID})
	}
	switch {
	case h == nil:
		return t.offer(ctx, locale.T(l, locale.AddressNeedHouse, name), choices, m.Street.ID, "")
	case !m.HouseFound:
		return t.offer(ctx, locale.T(l, locale.HouseOutOfRange, h.String(), name), choices, "", "")
	}
	return t.offer(ctx, locale.T(l, locale.PickDistrict), choices, "", "")
}

// offer stores choices and shows them as buttons. street and house keep
// the part of the address already known, for the resident's next message.
func (t *turn) offer(ctx context.Context, text string, choices []core.Choice, street, house string) error {
	if len(choices) > maxChoices {
		choices = choices[:maxChoices]
	}
	for i := range choices {
		choices[i].Data = fmt.Sprintf("%s:%d", actPick, i)
	}
	// Store the choices first: entering stPick shows them.
	c := &t.s.Conversation
	c.Choices, c.Street, c.House = choices, street, house
	t.pickText = text
	return t.goTo(ctx, evPick)
}

// pick handles a press on one of the offered choices. The payload is only
// an index; what it stands for comes from the stored choices.
func (t *turn) pick(ctx context.Context, arg string) error {
	c := t.s.Conversation
	i, ok := pickIndex(arg, len(c.Choices))
	if !ok {
		return t.stale(ctx)
	}
	kind, id, _ := strings.Cut(c.Choices[i].Value, ":")
	switch kind {
	case choiceStreet:
		var h *core.House
		if c.House != "" {
			if parsed, err := core.ParseHouse(c.House); err == nil {
				h = &parsed
			}
		}
		return t.lookupStreet(ctx, id, h)
	case choiceDistrict:
		if d := t.e.city.District(id); d != nil {
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
