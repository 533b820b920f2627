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
			if t.langEnabled(lang) {
				row = append(row, button(locale.NativeName(lang), actLang, string(lang)))
			}
		}
		t.send(core.Reply{Text: locale.T(l, locale.LangPrompt), Buttons: [][]core.Button{row}})
	case stConsent:
		t.send(t.consentReply(locale.ConsentNotice))
	case stForget:
		t.send(t.forgetReply())
	case stMenu:
		t.send(core.Reply{Text: locale.T(l, locale.MenuPrompt), Buttons: t.menuButtons()})
	case stFind:
		if t.s.Resident.Consented() {
			t.send(core.Reply{Text: locale.T(l, locale.FindPrompt), RequestLocation: locale.T(l, locale.FindShareLocation)})
		} else {
			t.send(core.Reply{Text: locale.T(l, locale.FindPromptNoLocation), Buttons: t.homeRow()})
		}
	case stAnswer:
		t.send(core.Reply{Text: locale.T(l, locale.AnswerPrompt), Buttons: t.homeRow()})
	case stPoll:
		t.pollPrompt()
	case stNoticeTarget, stNoticeDistricts, stNoticeText, stNoticeUrgency, stNoticeWhen,
		stNoticeAt, stNoticeCron, stNoticeConfirm:
		t.noticePrompt(state)
	case stReportCategory, stReportText, stReportPlace, stReportPhotos, stReportAnon, stReportConfirm:
		t.reportPrompt(state)
	case stTicketReply, stTicketResolve, stTicketBlock, stTicketAnswer:
		key := map[string]locale.Key{stTicketReply: locale.TkReplyPrompt, stTicketResolve: locale.TkResolvePrompt,
			stTicketBlock: locale.TkBlockPrompt, stTicketAnswer: locale.TkAnswerPrompt}[state]
		code := core.TicketCode(t.city.Code, t.s.Conversation.Ticket)
		t.send(core.Reply{Text: locale.T(l, key, code), Buttons: t.homeRow()})
	case stPick:
		// The choices are not stored; their buttons above stay valid.
		t.send(core.Reply{Text: locale.T(l, locale.PickReask), Buttons: t.homeRow()})
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
		{item(locale.MenuMyReports, menuMine)},
		{item(locale.MenuPoll, menuPoll), item(locale.MenuAlerts, menuAlerts)},
		{item(locale.MenuEmergency, menuEmergency), item(locale.MenuLanguage, menuLanguage)},
	}
}

// homeRow is a row with one button back to the menu.
func (t *turn) homeRow() [][]core.Button {
	return [][]core.Button{{button(locale.T(t.lang(), locale.MenuBack), actMenu, menuHome)}}
}

// districtLabel names a district with its inspector, for a choice button.
func (t *turn) districtLabel(d *core.District) string {
	l := t.lang()
	label := d.Name.In(l)
	if s := t.city.StaffMember(d.Inspector); s != nil {
		label += " — " + s.Name.In(l)
	}
	return label
}

// emergencyList formats the city's emergency numbers, e.g.
// "102 — Police, 112 — Emergency".
func (t *turn) emergencyList(sep string) string { return emergencyList(t.city, t.lang(), sep) }

func emergencyList(city *core.City, l core.Lang, sep string) string {
	var parts []string
	for _, n := range city.Emergency {
		parts = append(parts, n.Number+" — "+n.Name.In(l))
	}
	return strings.Join(parts, sep)
}
