package locale

import "github.com/beatbot-kz/beatbot/core"

// Keys of the catalog. Placeholders are noted where a text takes them.
const (
	LangPrompt  Key = "lang.prompt"
	LangChanged Key = "lang.changed"

	ConsentNotice   Key = "consent.notice"
	ConsentAgree    Key = "consent.agree"
	ConsentDecline  Key = "consent.decline"
	ConsentThanks   Key = "consent.thanks"
	ConsentDeclined Key = "consent.declined"
	ConsentWithdrew Key = "consent.withdrew"
	ConsentReask    Key = "consent.reask"

	MenuPrompt    Key = "menu.prompt"
	MenuReask     Key = "menu.reask"
	MenuFind      Key = "menu.find"
	MenuReport    Key = "menu.report"
	MenuPoll      Key = "menu.poll"
	MenuAlerts    Key = "menu.alerts"
	MenuEmergency Key = "menu.emergency"
	MenuLanguage  Key = "menu.language"
	MenuBack      Key = "menu.back"
	// NotYet takes the menu item's label.
	NotYet Key = "menu.not_yet"

	FindPrompt           Key = "find.prompt"
	FindPromptNoLocation Key = "find.prompt_no_location"
	FindShareLocation    Key = "find.share_location"
	FindLocationConsent  Key = "find.location_needs_consent"
	// AddressNotFound takes what the resident typed.
	AddressNotFound  Key = "find.address_not_found"
	AddressAmbiguous Key = "find.address_ambiguous"
	// AddressNeedHouse takes the street's name.
	AddressNeedHouse Key = "find.address_need_house"
	// HouseOutOfRange takes the house and the street's name.
	HouseOutOfRange Key = "find.house_out_of_range"
	PickDistrict    Key = "find.pick_district"
	// Outside takes the nearest precinct's name, address, phone, the
	// distance in km, the city police's name and phone.
	Outside Key = "find.outside"
	// Card takes the district, the inspector's name, rank, phone and
	// reception hours, and the precinct's name, address and phone.
	Card Key = "find.card"

	SubscribeButton   Key = "alerts.subscribe_button"
	UnsubscribeButton Key = "alerts.unsubscribe_button"
	// Subscribed, AlreadySubscribed and Unsubscribed take the district.
	Subscribed        Key = "alerts.subscribed"
	AlreadySubscribed Key = "alerts.already_subscribed"
	Unsubscribed      Key = "alerts.unsubscribed"
	SubscribeConsent  Key = "alerts.needs_consent"
	AlertsNone        Key = "alerts.none"
	AlertsList        Key = "alerts.list"
	// AlertFooter ends every alert: how to stop them.
	AlertFooter   Key = "alerts.footer"
	StoppedAll    Key = "alerts.stopped_all"
	NothingToStop Key = "alerts.nothing_to_stop"

	// EmergencyBanner and EmergencyNumbers take the list of numbers.
	EmergencyBanner  Key = "emergency.banner"
	EmergencyNumbers Key = "emergency.numbers"

	Help      Key = "help"
	Cancelled Key = "cancelled"
	// UnknownCommand takes the command.
	UnknownCommand Key = "input.unknown_command"
	Unsupported    Key = "input.unsupported"
	EmptyText      Key = "input.empty"
	// TooLong takes the length and the limit.
	TooLong      Key = "input.too_long"
	StaleButton  Key = "input.stale_button"
	ErrorGeneric Key = "error.generic"
)

// nativeNames are language names as their speakers write them, shown on the
// language buttons whatever the current language.
var nativeNames = map[core.Lang]string{
	core.Kazakh:  "Қазақша",
	core.Russian: "Русский",
	core.English: "English",
}

// NativeName returns l's name in l itself, e.g. "Қазақша".
func NativeName(l core.Lang) string { return nativeNames[l] }

var catalog = map[Key]core.Text{
	LangPrompt: {
		core.Russian: "Выберите язык · Тілді таңдаңыз · Choose your language",
		core.Kazakh:  "Тілді таңдаңыз · Выберите язык · Choose your language",
		core.English: "Choose your language · Тілді таңдаңыз · Выберите язык",
	},
	LangChanged: {
		core.Russian: "Язык: русский.",
		core.Kazakh:  "Тіл: қазақша.",
		core.English: "Language: English.",
	},
	ConsentNotice: {
		core.Russian: "Перед началом — о ваших данных.\n\n" +
			"Бот хранит: номер чата и выбранный язык; участок, инспектора которого вы нашли, — чтобы направлять ваши обращения нужному инспектору; участки, на оповещения которых вы подписались. Имя и телефон не хранятся.\n\n" +
			"Данные использует только полиция города для этой службы, по Закону РК «О персональных данных и их защите». Изменить решение можно в любой момент командой /privacy.\n\n" +
			"Если откажетесь, вы всё равно сможете найти инспектора по адресу, а о вас будет храниться только язык.",
		core.Kazakh: "Бастамас бұрын — деректеріңіз туралы.\n\n" +
			"Бот мыналарды сақтайды: чат нөмірі мен таңдалған тіл; өтініштеріңізді тиісті инспекторға жіберу үшін — өзіңіз тапқан инспектордың учаскесі; хабарландыруларына жазылған учаскелер. Атыңыз бен телефоныңыз сақталмайды.\n\n" +
			"Деректерді тек қала полициясы осы қызмет үшін, ҚР «Дербес деректер және оларды қорғау туралы» Заңына сәйкес пайдаланады. Шешіміңізді кез келген уақытта /privacy командасымен өзгерте аласыз.\n\n" +
			"Бас тартсаңыз да, инспекторды мекенжай бойынша таба аласыз, ал сіз туралы тек тіл сақталады.",
		core.English: "Before we start — about your data.\n\n" +
			"The bot stores: your chat number and language; the district whose inspector you found, so your reports reach the right inspector; the districts whose alerts you subscribe to. Your name and phone are not stored.\n\n" +
			"Only the city police use this data, for this service, under the Law of Kazakhstan on personal data and its protection. You can change your mind at any time with /privacy.\n\n" +
			"If you decline, you can still find your inspector by address, and only your language is kept.",
	},
	ConsentAgree: {
		core.Russian: "✅ Согласен(на)",
		core.Kazakh:  "✅ Келісемін",
		core.English: "✅ I agree",
	},
	ConsentDecline: {
		core.Russian: "Нет, спасибо",
		core.Kazakh:  "Жоқ, рахмет",
		core.English: "No, thanks",
	},
	ConsentThanks: {
		core.Russian: "Спасибо! Согласие сохранено.",
		core.Kazakh:  "Рахмет! Келісіміңіз сақталды.",
		core.English: "Thank you! Your consent is saved.",
	},
	ConsentDeclined: {
		core.Russian: "Понятно: о вас хранится только язык. Инспектора можно найти по адресу.",
		core.Kazakh:  "Түсінікті: сіз туралы тек тіл сақталады. Инспекторды мекенжай бойынша табуға болады.",
		core.English: "Understood: only your language is kept. You can find your inspector by address.",
	},
	ConsentWithdrew: {
		core.Russian: "Согласие отозвано: ваш участок и подписки удалены, хранится только язык.",
		core.Kazakh:  "Келісім қайтарылды: учаскеңіз бен жазылымдарыңыз өшірілді, тек тіл сақталады.",
		core.English: "Consent withdrawn: your district and subscriptions are deleted; only your language is kept.",
	},
	ConsentReask: {
		core.Russian: "Пожалуйста, ответьте кнопкой ниже: согласны ли вы на хранение данных?",
		core.Kazakh:  "Төмендегі батырмамен жауап беріңізші: деректерді сақтауға келісесіз бе?",
		core.English: "Please answer with a button below: do you agree to your data being stored?",
	},
	MenuPrompt: {
		core.Russian: "Чем могу помочь?",
		core.Kazakh:  "Қалай көмектесе аламын?",
		core.English: "How can I help?",
	},
	MenuReask: {
		core.Russian: "Выберите пункт меню или напишите адрес, например «Ерубаева 12», — я найду вашего участкового.",
		core.Kazakh:  "Мәзірден таңдаңыз немесе мекенжайды жазыңыз, мысалы «Ерубаев 12», — учаскелік инспекторыңызды табамын.",
		core.English: "Choose a menu item, or type an address such as “Erubaev 12” and I will find your district inspector.",
	},
	MenuFind: {
		core.Russian: "👮 Мой участковый",
		core.Kazakh:  "👮 Менің учаскелігім",
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
	NotYet: {
		core.Russian: "Раздел «%s» ещё в разработке и скоро появится. Пока вы можете найти своего участкового и позвонить ему.",
		core.Kazakh:  "«%s» бөлімі әзірленуде, жақында іске қосылады. Әзірге учаскелік инспекторыңызды тауып, оған қоңырау шала аласыз.",
		core.English: "“%s” is still being built and is coming soon. Meanwhile you can find your district inspector and call them.",
	},
	FindPrompt: {
		core.Russian: "Отправьте геолокацию кнопкой ниже или напишите адрес, например «Ерубаева 12».",
		core.Kazakh:  "Төмендегі батырмамен геолокацияны жіберіңіз немесе мекенжайды жазыңыз, мысалы «Ерубаев көшесі 12».",
		core.English: "Share your location with the button below, or type an address such as “Erubaev 12”.",
	},
	FindPromptNoLocation: {
		core.Russian: "Напишите адрес, например «Ерубаева 12».",
		core.Kazakh:  "Мекенжайды жазыңыз, мысалы «Ерубаев көшесі 12».",
		core.English: "Type an address, for example “Erubaev 12”.",
	},
	FindShareLocation: {
		core.Russian: "📍 Отправить геолокацию",
		core.Kazakh:  "📍 Геолокацияны жіберу",
		core.English: "📍 Share my location",
	},
	FindLocationConsent: {
		core.Russian: "Вы решили не передавать персональные данные, поэтому геолокацию я не использую. Напишите адрес или дайте согласие командой /privacy.",
		core.Kazakh:  "Сіз дербес деректерді бермеуді таңдадыңыз, сондықтан геолокацияны қолданбаймын. Мекенжайды жазыңыз немесе /privacy командасымен келісім беріңіз.",
		core.English: "You chose not to share personal data, so I don't use your location. Type an address, or give consent with /privacy.",
	},
	AddressNotFound: {
		core.Russian: "Не нашёл улицу по запросу «%s». Проверьте написание, напишите соседнюю улицу или отправьте геолокацию.",
		core.Kazakh:  "«%s» бойынша көше табылмады. Жазылуын тексеріңіз, көрші көшені жазыңыз немесе геолокация жіберіңіз.",
		core.English: "I couldn't find a street for “%s”. Check the spelling, try a nearby street, or share your location.",
	},
	AddressAmbiguous: {
		core.Russian: "Подходит несколько улиц. Какую вы имеете в виду?",
		core.Kazakh:  "Бірнеше көше сәйкес келеді. Қайсысын айтып отырсыз?",
		core.English: "Several streets match. Which one do you mean?",
	},
	AddressNeedHouse: {
		core.Russian: "%s обслуживают несколько участков. Напишите номер дома, например «12», или выберите участок:",
		core.Kazakh:  "%s бірнеше учаскеге қарайды. Үй нөмірін жазыңыз, мысалы «12», немесе учаскені таңдаңыз:",
		core.English: "%s is served by several districts. Type the house number, for example “12”, or choose a district:",
	},
	HouseOutOfRange: {
		core.Russian: "Дома %s на улице «%s» нет в нашем адресном списке. Эту улицу обслуживают участки:",
		core.Kazakh:  "%s үйі «%s» бойынша мекенжай тізімімізде жоқ. Бұл көшеге мына учаскелер қарайды:",
		core.English: "House %s on “%s” is not in our address list. The street is served by these districts:",
	},
	PickDistrict: {
		core.Russian: "Выберите участок:",
		core.Kazakh:  "Учаскені таңдаңыз:",
		core.English: "Choose a district:",
	},
	Outside: {
		core.Russian: "Эта точка за пределами обслуживаемых участков.\n\nБлижайший пункт полиции: %s\n%s, тел. %s (%.1f км).\n\n%s: %s",
		core.Kazakh:  "Бұл нүкте қызмет көрсетілетін учаскелерден тыс.\n\nЕң жақын полиция пункті: %s\n%s, тел. %s (%.1f км).\n\n%s: %s",
		core.English: "This place is outside the districts we serve.\n\nNearest police precinct: %s\n%s, tel. %s (%.1f km).\n\n%s: %s",
	},
	Card: {
		core.Russian: "Ваш участок: %s\n\n👮 Участковый инспектор: %s, %s\n📞 %s\n🕘 Приём: %s\n\n🏢 %s\n%s\n📞 %s",
		core.Kazakh:  "Сіздің учаскеңіз: %s\n\n👮 Учаскелік полиция инспекторы: %s, %s\n📞 %s\n🕘 Қабылдау: %s\n\n🏢 %s\n%s\n📞 %s",
		core.English: "Your district: %s\n\n👮 District inspector: %s, %s\n📞 %s\n🕘 Reception: %s\n\n🏢 %s\n%s\n📞 %s",
	},
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
		core.Russian: "Готово: вы будете получать оповещения участка «%s». Управлять ими можно в меню → Оповещения.",
		core.Kazakh:  "Дайын: «%s» учаскесінің хабарландыруларын аласыз. Оларды мәзір → Хабарландырулар бөлімінде басқара аласыз.",
		core.English: "Done: you will receive alerts for “%s”. Manage them in the menu → Alerts.",
	},
	AlreadySubscribed: {
		core.Russian: "Вы уже подписаны на оповещения участка «%s».",
		core.Kazakh:  "Сіз «%s» учаскесінің хабарландыруларына жазылғансыз.",
		core.English: "You are already subscribed to alerts for “%s”.",
	},
	Unsubscribed: {
		core.Russian: "Вы отписались от оповещений участка «%s».",
		core.Kazakh:  "«%s» учаскесінің хабарландыруларынан шықтыңыз.",
		core.English: "You unsubscribed from alerts for “%s”.",
	},
	SubscribeConsent: {
		core.Russian: "Для оповещений нужно хранить номер чата и участок, а вы не дали согласия. Дать его можно командой /privacy.",
		core.Kazakh:  "Хабарландырулар үшін чат нөмірі мен учаскені сақтау керек, ал сіз келісім бермедіңіз. Оны /privacy командасымен беруге болады.",
		core.English: "Alerts need your chat number and district stored, and you haven't given consent. You can give it with /privacy.",
	},
	AlertsNone: {
		core.Russian: "У вас нет подписок. Найдите своего участкового и нажмите «Подписаться на оповещения».",
		core.Kazakh:  "Сізде жазылым жоқ. Учаскелік инспекторыңызды тауып, «Хабарландыруларға жазылу» батырмасын басыңыз.",
		core.English: "You have no subscriptions. Find your district inspector and press “Subscribe to alerts”.",
	},
	AlertsList: {
		core.Russian: "Вы получаете оповещения участков:",
		core.Kazakh:  "Сіз мына учаскелердің хабарландыруларын аласыз:",
		core.English: "You receive alerts for these districts:",
	},
	AlertFooter: {
		core.Russian: "Отписаться от оповещений: /stop",
		core.Kazakh:  "Хабарландырулардан бас тарту: /stop",
		core.English: "To stop these alerts: /stop",
	},
	StoppedAll: {
		core.Russian: "Вы отписались от всех оповещений. Подписаться снова можно в карточке участкового.",
		core.Kazakh:  "Барлық хабарландырулардан шықтыңыз. Қайта жазылу үшін учаскелік инспектордың карточкасын ашыңыз.",
		core.English: "You unsubscribed from all alerts. You can subscribe again from your inspector's card.",
	},
	NothingToStop: {
		core.Russian: "У вас нет подписок на оповещения.",
		core.Kazakh:  "Сізде хабарландыруларға жазылым жоқ.",
		core.English: "You have no alert subscriptions.",
	},
	EmergencyBanner: {
		core.Russian: "🚨 Если вам или кому-то угрожает опасность, звоните сейчас: %s.\nЭтот бот не дежурит круглосуточно и не заменяет экстренные службы.",
		core.Kazakh:  "🚨 Сізге немесе басқа біреуге қауіп төніп тұрса, қазір қоңырау шалыңыз: %s.\nБұл бот тәулік бойы бақыланбайды және шұғыл қызметтердің орнын баспайды.",
		core.English: "🚨 If you or someone else is in danger, call now: %s.\nThis bot is not watched around the clock and does not replace emergency services.",
	},
	EmergencyNumbers: {
		core.Russian: "Экстренные номера (бесплатно, круглосуточно):\n%s\n\nЭтот бот не дежурит круглосуточно — в опасности звоните.",
		core.Kazakh:  "Шұғыл нөмірлер (тегін, тәулік бойы):\n%s\n\nБұл бот тәулік бойы бақыланбайды — қауіп төнсе, қоңырау шалыңыз.",
		core.English: "Emergency numbers (free, around the clock):\n%s\n\nThis bot is not watched around the clock — in danger, call.",
	},
	Help: {
		core.Russian: "Я помогаю связаться с вашей участковой полицией.\n\n/menu — меню\n/language — сменить язык\n/privacy — ваши данные и согласие\n/stop — отписаться от всех оповещений\n/cancel — отменить текущее действие\n\nЧтобы найти участкового, отправьте геолокацию или напишите адрес.",
		core.Kazakh:  "Мен учаскелік полицияңызбен байланысуға көмектесемін.\n\n/menu — мәзір\n/language — тілді ауыстыру\n/privacy — деректеріңіз және келісім\n/stop — барлық хабарландырулардан шығу\n/cancel — ағымдағы әрекетті тоқтату\n\nУчаскелік инспекторды табу үшін геолокация жіберіңіз немесе мекенжайды жазыңыз.",
		core.English: "I help you reach your community police.\n\n/menu — the menu\n/language — change language\n/privacy — your data and consent\n/stop — stop all alerts\n/cancel — cancel what you are doing\n\nTo find your district inspector, share your location or type an address.",
	},
	Cancelled: {
		core.Russian: "Отменено.",
		core.Kazakh:  "Тоқтатылды.",
		core.English: "Cancelled.",
	},
	UnknownCommand: {
		core.Russian: "Не знаю команду /%s. Список команд: /help",
		core.Kazakh:  "/%s командасын білмеймін. Командалар тізімі: /help",
		core.English: "I don't know the command /%s. See /help for the list.",
	},
	Unsupported: {
		core.Russian: "Такие сообщения я не читаю. Напишите текстом, отправьте геолокацию или нажмите кнопку.",
		core.Kazakh:  "Мұндай хабарламаларды оқымаймын. Мәтінмен жазыңыз, геолокация жіберіңіз немесе батырманы басыңыз.",
		core.English: "I can't read that kind of message. Please write text, share a location or press a button.",
	},
	EmptyText: {
		core.Russian: "Сообщение пустое. Напишите текст или нажмите кнопку.",
		core.Kazakh:  "Хабарлама бос. Мәтін жазыңыз немесе батырманы басыңыз.",
		core.English: "The message is empty. Please write some text or press a button.",
	},
	TooLong: {
		core.Russian: "Сообщение слишком длинное: %d символов, можно не больше %d.",
		core.Kazakh:  "Хабарлама тым ұзын: %d таңба, %d таңбадан аспауы керек.",
		core.English: "That message is too long: %d characters, at most %d.",
	},
	StaleButton: {
		core.Russian: "Эта кнопка уже неактивна. Продолжим отсюда:",
		core.Kazakh:  "Бұл батырма енді белсенді емес. Осы жерден жалғастырайық:",
		core.English: "That button is no longer active. Let's continue from here:",
	},
	ErrorGeneric: {
		core.Russian: "Извините, что-то пошло не так. Попробуйте ещё раз.",
		core.Kazakh:  "Кешіріңіз, бірдеңе дұрыс болмады. Қайталап көріңіз.",
		core.English: "Sorry, something went wrong. Please try again.",
	},
}
