package locale

import "github.com/beatbot-kz/beatbot/core"

// Keys of district alerts: subscribing, the list of subscriptions and
// stopping them.
const (
	SubscribeButton   Key = "alerts.subscribe_button"
	UnsubscribeButton Key = "alerts.unsubscribe_button"
	// Subscribed, AlreadySubscribed and Unsubscribed take the district's
	// name. District names already begin with "Участок №…", so the texts
	// put the name on a line of its own rather than after "участка".
	Subscribed        Key = "alerts.subscribed"
	AlreadySubscribed Key = "alerts.already_subscribed"
	Unsubscribed      Key = "alerts.unsubscribed"
	SubscribeConsent  Key = "alerts.needs_consent"
	AlertsNone        Key = "alerts.none"
	AlertsList        Key = "alerts.list"
	AlertsAddButton   Key = "alerts.add_button"
	// AlertsAddPrompt heads the districts offered to subscribe to.
	AlertsAddPrompt Key = "alerts.add_prompt"
	// AlertsAddMore takes the label of the "My inspector" button: not
	// every district fits on the list.
	AlertsAddMore       Key = "alerts.add_more"
	AlertsAllSubscribed Key = "alerts.all_subscribed"
	// AlertFooter ends every alert: how to stop them.
	AlertFooter   Key = "alerts.footer"
	StoppedAll    Key = "alerts.stopped_all"
	NothingToStop Key = "alerts.nothing_to_stop"
)

var alertTexts = map[Key]core.Text{
	SubscribeButton: {
		core.Russian: "🔔 Подписаться на оповещения",
		core.Kazakh:  "🔔 Хабарландыруларға жазылу",
		core.English: "🔔 Subscribe to alerts",
	},
	UnsubscribeButton: {
		core.Russian: "🔕 Отписаться",
		core.Kazakh:  "🔕 Жазылымнан шығу",
		core.English: "🔕 Unsubscribe",
	},
	Subscribed: {
		core.Russian: "Готово! Теперь вы будете получать оповещения по участку:\n%s\n\nУправлять подписками можно в меню, раздел «Оповещения».",
		core.Kazakh:  "Жазылдыңыз! Енді мына учаскенің хабарландыруларын аласыз:\n%s\n\nЖазылымдарды мәзірдегі «Хабарландырулар» бөлімінде басқара аласыз.",
		core.English: "Done: you will receive alerts for this district:\n%s\n\nManage your subscriptions in the menu, under Alerts.",
	},
	AlreadySubscribed: {
		core.Russian: "Вы уже подписаны на оповещения по участку:\n%s",
		core.Kazakh:  "Сіз мына учаскенің хабарландыруларына жазылып қойғансыз:\n%s",
		core.English: "You are already subscribed to alerts for this district:\n%s",
	},
	Unsubscribed: {
		core.Russian: "Вы отписались от оповещений по участку:\n%s",
		core.Kazakh:  "Енді мына учаскенің хабарландыруларын алмайсыз:\n%s",
		core.English: "You unsubscribed from alerts for this district:\n%s",
	},
	SubscribeConsent: {
		core.Russian: "Чтобы присылать оповещения, боту нужно хранить вашу подписку, а вы не дали согласия на хранение данных. Дать его можно командой /privacy.",
		core.Kazakh:  "Хабарландыру жіберу үшін бот жазылымыңызды сақтауы керек, ал сіз деректерді сақтауға келісім бермедіңіз. Келісімді /privacy командасымен беруге болады.",
		core.English: "To send you alerts the bot must store your subscription, and you haven't agreed to your data being stored. You can agree with /privacy.",
	},
	AlertsNone: {
		core.Russian: "У вас нет подписок. Найдите своего участкового и нажмите «Подписаться на оповещения».",
		core.Kazakh:  "Сізде жазылым жоқ. Учаскелік инспекторыңызды тауып, «Хабарландыруларға жазылу» батырмасын басыңыз.",
		core.English: "You have no subscriptions. Find your district inspector and press “Subscribe to alerts”.",
	},
	AlertsList: {
		core.Russian: "Вы получаете оповещения по участкам:",
		core.Kazakh:  "Сіз мына учаскелердің хабарландыруларын аласыз:",
		core.English: "You receive alerts for these districts:",
	},
	AlertsAddButton: {
		core.Russian: "➕ Добавить участок",
		core.Kazakh:  "➕ Учаске қосу",
		core.English: "➕ Add a district",
	},
	AlertsAddPrompt: {
		core.Russian: "Выберите участок, оповещения которого хотите получать:",
		core.Kazakh:  "Хабарландыруларын алғыңыз келетін учаскені таңдаңыз:",
		core.English: "Choose a district to receive its alerts:",
	},
	AlertsAddMore: {
		core.Russian: "Здесь показаны не все участки. Чтобы найти свой, нажмите «%s» и отправьте адрес или геолокацию.",
		core.Kazakh:  "Мұнда барлық учаске көрсетілмеген. Өз учаскеңізді табу үшін «%s» батырмасын басып, мекенжайыңызды немесе геолокацияңызды жіберіңіз.",
		core.English: "Not every district is listed here. To find yours, press “%s” and send your address or location.",
	},
	AlertsAllSubscribed: {
		core.Russian: "Вы уже получаете оповещения по всем участкам города.",
		core.Kazakh:  "Сіз қаладағы барлық учаскенің хабарландыруларын аласыз.",
		core.English: "You already receive alerts for every district in the city.",
	},
	AlertFooter: {
		core.Russian: "Отписаться от оповещений: /stop",
		core.Kazakh:  "Хабарландырулардан бас тарту: /stop",
		core.English: "To stop these alerts: /stop",
	},
	StoppedAll: {
		core.Russian: "Вы отписались от всех оповещений. Подписаться снова можно в карточке участкового.",
		core.Kazakh:  "Барлық хабарландырулардан шықтыңыз. Қайта жазылу үшін учаскелік инспекторыңызды тауып, «Хабарландыруларға жазылу» батырмасын басыңыз.",
		core.English: "You unsubscribed from all alerts. You can subscribe again from your inspector's card.",
	},
	NothingToStop: {
		core.Russian: "У вас нет подписок на оповещения.",
		core.Kazakh:  "Сізде хабарландыруларға жазылым жоқ.",
		core.English: "You have no alert subscriptions.",
	},
}
