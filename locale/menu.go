package locale

import "github.com/beatbot-kz/beatbot/core"

// Keys of the main menu: its prompt and its buttons.
const (
	MenuPrompt    Key = "menu.prompt"
	MenuReask     Key = "menu.reask"
	MenuFind      Key = "menu.find"
	MenuReport    Key = "menu.report"
	MenuPoll      Key = "menu.poll"
	MenuAlerts    Key = "menu.alerts"
	MenuEmergency Key = "menu.emergency"
	MenuLanguage  Key = "menu.language"
	MenuBack      Key = "menu.back"
)

var menuTexts = map[Key]core.Text{
	MenuPrompt: {
		core.Russian: "Чем могу помочь?",
		core.Kazakh:  "Сізге қалай көмектесе аламын?",
		core.English: "How can I help?",
	},
	MenuReask: {
		core.Russian: "Выберите пункт меню или напишите адрес, например «Ерубаева 12», — я найду вашего участкового.",
		core.Kazakh:  "Мәзірден бөлімді таңдаңыз немесе мекенжайды жазыңыз, мысалы, «Ерубаев 12» — учаскелік инспекторыңызды табамын.",
		core.English: "Choose a menu item, or type an address such as “Erubaev 12” and I will find your district inspector.",
	},
	MenuFind: {
		core.Russian: "👮 Мой участковый",
		core.Kazakh:  "👮 Менің учаскелік инспекторым",
		core.English: "👮 My inspector",
	},
	MenuReport: {
		core.Russian: "📝 Сообщить о проблеме",
		core.Kazakh:  "📝 Мәселе туралы хабарлау",
		core.English: "📝 Report a concern",
	},
	MenuPoll: {
		core.Russian: "📋 Опрос о безопасности",
		core.Kazakh:  "📋 Қауіпсіздік сауалнамасы",
		core.English: "📋 Safety poll",
	},
	MenuAlerts: {
		core.Russian: "🔔 Оповещения",
		core.Kazakh:  "🔔 Хабарландырулар",
		core.English: "🔔 Alerts",
	},
	MenuEmergency: {
		core.Russian: "🚨 Экстренные номера",
		core.Kazakh:  "🚨 Шұғыл нөмірлер",
		core.English: "🚨 Emergency numbers",
	},
	MenuLanguage: {
		core.Russian: "🌐 Язык",
		core.Kazakh:  "🌐 Тіл",
		core.English: "🌐 Language",
	},
	MenuBack: {
		core.Russian: "☰ Меню",
		core.Kazakh:  "☰ Мәзір",
		core.English: "☰ Menu",
	},
}
