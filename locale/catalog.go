package locale

import "github.com/beatbot-kz/beatbot/core"

// catalog holds every text by key. Each area of the bot keeps its keys and
// texts in a file of its own (onboarding.go, menu.go, find.go, alerts.go,
// emergency.go, input.go, commands.go, notice.go, answer.go, rights.go,
// staff.go); they are merged here into the one map T and Text read.
var catalog = merge(
	onboardingTexts,
	menuTexts,
	findTexts,
	alertTexts,
	emergencyTexts,
	inputTexts,
	commandTexts,
	noticeTexts,
	answerTexts,
	reportTexts,
	ticketTexts,
	pollTexts,
	pollResultTexts,
	messengerTexts,
	rightsTexts,
	staffTexts,
)

// merge joins the areas' texts into one map. A key defined in two areas is
// a programming error that would silently hide one text, so it panics at
// start-up, where any test catches it.
func merge(areas ...map[Key]core.Text) map[Key]core.Text {
	all := make(map[Key]core.Text)
	for _, area := range areas {
		for k, t := range area {
			if _, dup := all[k]; dup {
				panic("locale: key " + string(k) + " is defined in two areas")
			}
			all[k] = t
		}
	}
	return all
}

// nativeNames are language names as their speakers write them, shown on the
// language buttons whatever the current language.
var nativeNames = map[core.Lang]string{
	core.Kazakh:  "Қазақша",
	core.Russian: "Русский",
	core.English: "English",
}

// NativeName returns l's name in l itself, e.g. "Қазақша".
func NativeName(l core.Lang) string { return nativeNames[l] }
