package locale

import "github.com/beatbot-kz/beatbot/core"

// Keys of the first conversation: the language, then the personal-data
// notice and the resident's answer to it.
const (
	LangPrompt  Key = "lang.prompt"
	LangChanged Key = "lang.changed"

	// ConsentNotice must say exactly what the bot stores, with and without
	// consent: keep it in step with core.Resident and core.Conversation.
	ConsentNotice   Key = "consent.notice"
	ConsentAgree    Key = "consent.agree"
	ConsentDecline  Key = "consent.decline"
	ConsentThanks   Key = "consent.thanks"
	ConsentDeclined Key = "consent.declined"
	ConsentWithdrew Key = "consent.withdrew"
	ConsentReask    Key = "consent.reask"
)

var onboardingTexts = map[Key]core.Text{
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
			"Бот хранит номер чата, выбранный язык и шаг разговора, на котором вы остановились: без этого он не может работать.\n\n" +
			"Если вы согласитесь, бот сохранит также время согласия, найденный вами участок — чтобы направлять ваши обращения его инспектору — и участки, на оповещения которых вы подписались.\n\n" +
			"Если вы отправите обращение, оно сохранится вместе с номером чата, чтобы вам ответить; имя из профиля — только если обращение не анонимное. Когда обращение закрыто, его текст, адрес, фото и ваше имя хранятся в течение срока, установленного городом (по умолчанию один год), а затем удаляются; само обращение без них остаётся для статистики. В Telegram бот не хранит ваш номер телефона; в WhatsApp номер телефона и есть номер чата и хранится как он. Данные использует только полиция города и только для работы этого бота, согласно Закону РК «О персональных данных и их защите». Изменить решение можно в любой момент командой /privacy, узнать, что о вас хранится, — /mydata, удалить всё — /forget.\n\n" +
			"Если откажетесь, вы всё равно сможете найти инспектора по адресу.",
		core.Kazakh: "Бастамас бұрын — деректеріңіз туралы.\n\n" +
			"Бот чат нөмірін, таңдалған тілді және сөйлесудің қай қадамында тоқтағаныңызды сақтайды: бұларсыз ол жұмыс істей алмайды.\n\n" +
			"Келісім берсеңіз, бот бұған қоса келісім берген уақытыңызды, өзіңіз тапқан учаскені (өтініштеріңізді оның инспекторына жіберу үшін) және сіз хабарландыруларына жазылған учаскелерді сақтайды.\n\n" +
			"Өтініш жіберсеңіз, ол сізге жауап беру үшін чат нөмірімен бірге сақталады; профильдегі атыңыз — өтініш жасырын болмаса ғана. Өтініш жабылғаннан кейін оның мәтіні, мекенжайы, фотосуреттері және атыңыз қала белгілеген мерзім бойы (әдепкі бойынша бір жыл) сақталады, содан кейін өшіріледі; өтініштің өзі оларсыз статистика үшін қалады. Telegram-да телефон нөміріңіз сақталмайды; WhatsApp-та телефон нөмірі чат нөмірі болып табылады және сол ретінде сақталады. Деректерді тек қала полициясы және тек осы боттың жұмысы үшін, «Дербес деректер және оларды қорғау туралы» ҚР Заңына сәйкес пайдаланады. Шешіміңізді кез келген уақытта /privacy командасымен өзгерте аласыз, сіз туралы не сақталатынын /mydata арқылы біліп, бәрін /forget арқылы өшіре аласыз.\n\n" +
			"Бас тартсаңыз да, инспекторды мекенжай бойынша таба аласыз.",
		core.English: "Before we start — about your data.\n\n" +
			"The bot stores your chat number, your language and the step of the conversation you are at: it cannot work without them.\n\n" +
			"If you agree, it also stores when you agreed, the district you found (so your reports reach its inspector) and the districts whose alerts you subscribe to.\n\n" +
			"A report you send is stored with your chat number so you can be answered, and with your profile name only if it is not anonymous. Once a report is closed, its text, address, photos and your name are kept for the period the city sets (one year by default), then erased; the report itself stays, without them, for statistics. On Telegram your phone number is not stored; on WhatsApp your phone number is the chat number and is kept as such. Only the city police use this data, and only for this bot, under the Law of the Republic of Kazakhstan on Personal Data and Their Protection. You can change your mind at any time with /privacy, see what is stored about you with /mydata, and delete it all with /forget.\n\n" +
			"If you decline, you can still find your inspector by address.",
	},
	ConsentAgree: {
		core.Russian: "✅ Даю согласие",
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
		core.Russian: "Понятно. Без согласия бот хранит только номер чата, язык и шаг разговора. Инспектора можно найти по адресу.",
		core.Kazakh:  "Түсінікті. Келісімсіз бот тек чат нөмірін, тілді және сөйлесу қадамын сақтайды. Инспекторды мекенжай бойынша табуға болады.",
		core.English: "Understood. Without consent the bot keeps only your chat number, language and conversation step. You can find your inspector by address.",
	},
	ConsentWithdrew: {
		core.Russian: "Согласие отозвано: ваш участок и подписки удалены. Бот по-прежнему хранит номер чата, язык и шаг разговора. Ваши обращения остаются в полиции для работы, но уже без вашего имени.",
		core.Kazakh:  "Келісіміңізді кері қайтарып алдыңыз: учаскеңіз бен жазылымдарыңыз өшірілді. Бот бұрынғыдай чат нөмірін, тілді және сөйлесу қадамын сақтайды. Өтініштеріңіз полицияның жұмысы үшін сақталады, бірақ енді атыңызсыз.",
		core.English: "Consent withdrawn: your district and subscriptions are deleted. The bot still keeps your chat number, language and conversation step. Your reports stay with the police for their work, but no longer with your name.",
	},
	ConsentReask: {
		core.Russian: "Пожалуйста, ответьте кнопкой ниже: вы согласны на хранение ваших данных?",
		core.Kazakh:  "Төмендегі батырмамен жауап беріңізші: деректеріңізді сақтауға келісесіз бе?",
		core.English: "Please answer with a button below: do you agree to your data being stored?",
	},
}
