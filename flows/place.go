package flows

import (
	"context"
	"strings"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
	"github.com/beatbot-kz/beatbot/locate"
)

// maxChoices caps the buttons offered at once; a longer list helps no one
// on a phone screen.
const maxChoices = 8

// placeFlow is what a flow does with the place a resident gives:
// find-my-inspector shows the inspector, a report records the district.
type placeFlow struct {
	// action is the button action of the flow's choices.
	action string
	// found takes the district the place resolved to.
	found func(ctx context.Context, d *core.District) error
	// offer shows a reply with choices; street is the street they belong
	// to, if any, for a house number typed next.
	offer func(ctx context.Context, r core.Reply, street string) error
	// notFound says nothing matched what.
	notFound func(what string)
}

// resolveAddress resolves a typed address for f.
func (t *turn) resolveAddress(ctx context.Context, text string, f placeFlow) error {
	res := t.index.Address(text)
	switch len(res.Matches) {
	case 0:
		f.notFound(clip(strings.TrimSpace(text), 80))
		return nil
	case 1:
		var h *core.House
		if res.HasHouse {
			h = &res.House
		}
		return t.resolveStreet(ctx, res.Matches[0], h, f)
	}
	house := ""
	if res.HasHouse {
		house = res.House.String()
	}
	var choices []choice
	for _, m := range res.Matches {
		choices = append(choices, choice{label: m.Street.Name.In(t.lang()), kind: choiceStreet, id: m.Street.ID, house: house})
	}
	return f.offer(ctx, t.choicesReply(locale.T(t.lang(), locale.AddressAmbiguous), choices, f.action), "")
}

// lookupStreet resolves a street already chosen, with the house if known.
func (t *turn) lookupStreet(ctx context.Context, streetID string, h *core.House, f placeFlow) error {
	m, ok := t.index.Lookup(streetID, h)
	if !ok {
		return t.stale(ctx)
	}
	return t.resolveStreet(ctx, m, h, f)
}

// resolveStreet resolves one matched street: the district when one fits,
// otherwise a choice among the street's districts.
func (t *turn) resolveStreet(ctx context.Context, m locate.StreetMatch, h *core.House, f placeFlow) error {
	l := t.lang()
	name := m.Street.Name.In(l)
	if len(m.Districts) == 0 {
		f.notFound(name)
		return nil
	}
	if len(m.Districts) == 1 && (h == nil || m.HouseFound) {
		return f.found(ctx, m.Districts[0])
	}
	var choices []choice
	for _, d := range m.Districts {
		choices = append(choices, choice{label: t.districtLabel(d), kind: choiceDistrict, id: d.ID})
	}
	text := locale.T(l, locale.PickDistrict)
	switch {
	case h == nil:
		text = locale.T(l, locale.AddressNeedHouse, name)
	case !m.HouseFound:
		text = locale.T(l, locale.HouseOutOfRange, h.String(), name)
	}
	street := m.Street.ID
	if h != nil && m.HouseFound {
		street = ""
	}
	return f.offer(ctx, t.choicesReply(text, choices, f.action), street)
}

// choicesReply puts choices on buttons under action, as a new generation:
// nothing about them is stored, each button carries what it stands for and
// the generation of its set.
func (t *turn) choicesReply(text string, choices []choice, action string) core.Reply {
	c := &t.s.Conversation
	c.Gen++
	t.dirty = true
	var rows [][]core.Button
	for i, ch := range choices {
		if i == maxChoices {
			break
		}
		rows = append(rows, []core.Button{{Label: ch.label, Data: ch.payload(action, c.Gen)}})
	}
	if left := len(choices) - maxChoices; left > 0 {
		text += "\n" + locale.T(t.lang(), locale.MoreChoices, left)
	}
	return core.Reply{Text: text, Buttons: append(rows, t.homeRow()...)}
}

// choose handles a press on one of f's choices. A button from an older set
// of choices is stale; the street or district it names is checked against
// the directory.
func (t *turn) choose(ctx context.Context, arg string, f placeFlow) error {
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
		return t.lookupStreet(ctx, ch.id, h, f)
	case choiceDistrict:
		if d := t.city.District(ch.id); d != nil {
			return f.found(ctx, d)
		}
	}
	return t.stale(ctx)
}
