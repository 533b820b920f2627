package locale

import "github.com/beatbot-kz/beatbot/core"

// Keys of the emergency numbers, shown whenever a message sounds like an
// emergency and from the menu. Both must say that messages to the bot are
// not read around the clock, so no one waits on it in danger.
const (
	// EmergencyBanner and EmergencyNumbers take the list of numbers.
	EmergencyBanner  Key = "emergency.banner"
	EmergencyNumbers Key = "emergency.numbers"
)

var emergencyTexts = map[Key]core.Text{
	EmergencyBanner: {
		core.Russian: "🚨 Если вам или кому-то угрожает опасность, звоните сейчас: %s.\nСообщения в этом боте читают не круглосуточно. Бот не заменяет экстренные службы.",
		core.Kazakh:  "🚨 Сізге немесе басқа біреуге қауіп төніп тұрса, дереу қоңырау шалыңыз: %s.\nБұл боттағы хабарламалар тәулік бойы оқылмайды. Бот шұғыл қызметтердің орнын баспайды.",
		core.English: "🚨 If you or someone else is in danger, call now: %s.\nMessages to this bot are not read around the clock. The bot does not replace emergency services.",
	},
	EmergencyNumbers: {
		core.Russian: "Экстренные номера (бесплатно, круглосуточно):\n%s\n\nСообщения в этом боте читают не круглосуточно — если вам угрожает опасность, звоните.",
		core.Kazakh:  "Шұғыл нөмірлер (тегін, тәулік бойы):\n%s\n\nБұл боттағы хабарламалар тәулік бойы оқылмайды — қауіп төнсе, қоңырау шалыңыз.",
		core.English: "Emergency numbers (free, around the clock):\n%s\n\nMessages to this bot are not read around the clock — if you are in danger, call.",
	},
}
