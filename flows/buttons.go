package flows

import (
	"fmt"
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
	actPick    = "pick"    // pick:<gen>:<kind>:<id>[:<house>] — find_pick state only
	actSub     = "sub"     // sub:<district id>
	actUnsub   = "unsub"   // unsub:<district id>
)

// Menu items, the arguments of actMenu.
const (
	menuFind      = "find"
	menuReport    = "report"
	menuMine      = "mine"
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

// Kinds of choice.
const (
	choiceStreet   = "s"
	choiceDistrict = "d"
)

// choice is an option offered as a button: a street (with the house typed
// with it, if any) or a district.
type choice struct {
	label string
	kind  string
	id    string
	house string
}

// payload is the button data for c under action in the generation gen:
// "<action>:<gen>:<kind>:<id>[:<house>]". Ids are at most 32 bytes and
// houses a few, so it stays within core.MaxButtonData.
func (c choice) payload(action string, gen int) string {
	data := fmt.Sprintf("%s:%d:%s:%s", action, gen, c.kind, c.id)
	if c.house != "" {
		data += ":" + c.house
	}
	return data
}

// parseChoice reads the argument of a pick payload. Its parts are checked
// by the caller against the conversation and the directory.
func parseChoice(arg string) (c choice, gen int, ok bool) {
	parts := strings.Split(arg, ":")
	if len(parts) < 3 || len(parts) > 4 || parts[2] == "" {
		return choice{}, 0, false
	}
	gen, err := strconv.Atoi(parts[0])
	if err != nil {
		return choice{}, 0, false
	}
	c = choice{kind: parts[1], id: parts[2]}
	if len(parts) == 4 {
		c.house = parts[3]
	}
	return c, gen, true
}
