package flows

import (
	"strings"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// prompt shows what state waits for. It is the enter callback of every
// state, and is called directly to show a state again.
func (t *turn) prompt(state string) {
	if t.silent {
		t.silent = false
		return
	}
	l := t.lang()
	switch state {
	case stLanguage:
		var row []core.Button
		for _, lang := range core.Langs {
			if t.e.langEnabled(lang) {
				row = append(row, button(locale.NativeName(lang), actLang, string(lang)))
			}
		}
		t.send(core.Reply{Text: locale.T(l, locale.LangPrompt), Buttons: [][]core.Button{row}})
	case stConsent:
		t.send(t.consentReply(locale.ConsentNotice))
	case stMenu:
		t.send(core.Reply{Text: locale.T(l, locale.MenuPrompt), Buttons: t.menuButtons()})
	case stFind:
		if t.s.Resident.Consented() {
			t.send(core.Reply{Text: locale.T(l, locale.FindPrompt), RequestLocation: locale.T(l, locale.FindShareLocation)})
		} else {
			t.send(core.Reply{Text: locale.T(l, locale.FindPromptNoLocation), Buttons: t.homeRow()})
		}
	case stPick:
		t.send(t.choicesReply())
	}
}

func (t *turn) menuButtons() [][]core.Button {
	l := t.lang()
	item := func(key locale.Key, arg string) core.Button {
		return button(locale.T(l, key), actMenu, arg)
	}
	return [][]core.Button{
		{item(locale.MenuFind, menuFind)},
		{item(locale.MenuReport, menuReport)},
		{item(locale.MenuPoll, menuPoll), item(locale.MenuAlerts, menuAlerts)},
		{item(locale.MenuEmergency, menuEmergency), item(locale.MenuLanguage, menuLanguage)},
	}
}

// homeRow is a row with one button back to the menu.
func (t *turn) homeRow() [][]core.Button {
	return [][]core.Button{{button(locale.T(t.lang(), locale.MenuBack), actMenu, menuHome)}}
}

// choicesReply lists the stored choices as buttons, one per row. Labels are
// built from the directory, not stored, so they follow the language.
func (t *turn) choicesReply() core.Reply {
	text := t.pickText
	var rows [][]core.Button
	streets := false
	for _, c := range t.s.Conversation.Choices {
		label, isStreet := t.choiceLabel(c)
		streets = streets || isStreet
		rows = append(rows, []core.Button{{Label: label, Data: c.Data}})
	}
	if text == "" {
		if streets {
			text = locale.T(t.lang(), locale.AddressAmbiguous)
		} else {
			text = locale.T(t.lang(), locale.PickDistrict)
		}
	}
	rows = append(rows, t.homeRow()...)
	return core.Reply{Text: text, Buttons: rows}
}

// choiceLabel names a choice: a street, or a district with its inspector.
func (t *turn) choiceLabel(c core.Choice) (label string, street bool) {
	l := t.lang()
	kind, id, _ := strings.Cut(c.Value, ":")
	switch kind {
	case choiceStreet:
		if s := t.e.city.Street(id); s != nil {
			return s.Name.In(l), true
		}
	case choiceDistrict:
		if d := t.e.city.District(id); d != nil {
			label := d.Name.In(l)
			if s := t.e.city.StaffMember(d.Inspector); s != nil {
				label += " — " + s.Name.In(l)
			}
			return label, false
		}
	}
	return c.Value, false
}

// emergencyList formats the city's emergency numbers, e.g.
// "102 — Police, 112 — Emergency".
func (t *turn) emergencyList(sep string) string {
	var parts []string
	for _, n := range t.e.city.Emergency {
		parts = append(parts, n.Number+" — "+n.Name.In(t.lang()))
	}
	return strings.Join(parts, sep)
}
