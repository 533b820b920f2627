package flows

import (
	"strconv"
	"strings"

	"github.com/beatbot-kz/beatbot/core"
)

// Button payloads. A payload is "action" or "action:argument", at most
// core.MaxButtonData bytes. Payloads come back from the messenger and can be
// forged or stale, so every handler checks the argument against the city
// directory or against the choices stored for the chat; nothing in a
// payload is trusted.
const (
	actLang    = "lang"    // lang:ru — language state only
	actConsent = "consent" // consent:yes, consent:no — consent state only
	actMenu    = "m"       // m:find — any state once onboarded
	actPick    = "pick"    // pick:3 — index into Conversation.Choices
	actSub     = "sub"     // sub:<district id>
	actUnsub   = "unsub"   // unsub:<district id>
)

// Menu items, the arguments of actMenu.
const (
	menuFind      = "find"
	menuReport    = "report"
	menuPoll      = "poll"
	menuAlerts    = "alerts"
	menuEmergency = "emergency"
	menuLanguage  = "lang"
	menuHome      = "home"
)

// button builds a button whose payload is action:arg.
func button(label, action, arg string) core.Button {
	data := action
	if arg != "" {
		data += ":" + arg
	}
	return core.Button{Label: label, Data: data}
}

// parseButton splits a payload. ok is false for anything malformed, which
// is then handled as a stale button.
func parseButton(data string) (action, arg string, ok bool) {
	if data == "" || len(data) > core.MaxButtonData {
		return "", "", false
	}
	action, arg, _ = strings.Cut(data, ":")
	return action, arg, action != ""
}

// pickIndex parses the argument of actPick against the n choices offered.
func pickIndex(arg string, n int) (int, bool) {
	i, err := strconv.Atoi(arg)
	if err != nil || i < 0 || i >= n {
		return 0, false
	}
	return i, true
}
