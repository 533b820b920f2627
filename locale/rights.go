package locale

import "github.com/beatbot-kz/beatbot/core"

// Keys of residents' data rights: /mydata shows what is stored about them,
// /forget deletes it. Keep the texts in step with core.Ticket.Erase and
// storage's forgetting.
const (
	CmdMyData Key = "cmd.mydata"
	CmdForget Key = "cmd.forget"

	PrivacyMyData Key = "privacy.mydata_button"
	PrivacyForget Key = "privacy.forget_button"

	// MyDataHeader takes the chat, as "telegram:42".
	MyDataHeader          Key = "mydata.header"
	MyDataNothing         Key = "mydata.nothing"
	MyDataLanguage        Key = "mydata.language"
	MyDataConsentAt       Key = "mydata.consent_at"
	MyDataFirstConsent    Key = "mydata.first_consent"
	MyDataConsentDeclined Key = "mydata.consent_declined"
	MyDataConsentNone     Key = "mydata.consent_none"
	MyDataDistrict        Key = "mydata.district"
	MyDataSubscriptions   Key = "mydata.subscriptions"
	MyDataBlocked         Key = "mydata.blocked"
	// MyDataStep takes one of the MyDataStep… labels.
	MyDataStep        Key = "mydata.step"
	MyDataStepStart   Key = "mydata.step.start"
	MyDataStepMenu    Key = "mydata.step.menu"
	MyDataStepFind    Key = "mydata.step.find"
	MyDataStepAnswer  Key = "mydata.step.answer"
	MyDataStepPoll    Key = "mydata.step.poll"
	MyDataStepReport  Key = "mydata.step.report"
	MyDataStepTicket  Key = "mydata.step.ticket"
	MyDataStepNotice  Key = "mydata.step.notice"
	MyDataStepForget  Key = "mydata.step.forget"
	MyDataDraft       Key = "mydata.draft"
	MyDataStreet      Key = "mydata.street"
	MyDataLastWrote   Key = "mydata.last_wrote"
	MyDataQueued      Key = "mydata.queued"
	MyDataSent        Key = "mydata.sent"
	MyDataTicketsNone Key = "mydata.tickets_none"
	// MyDataTicketsHeader takes the number of reports.
	MyDataTicketsHeader Key = "mydata.tickets_header"
	// MyDataTicket takes the code, category, status, date, place and text.
	MyDataTicket          Key = "mydata.ticket"
	MyDataTicketName      Key = "mydata.ticket_name"
	MyDataTicketAnonymous Key = "mydata.ticket_anonymous"
	MyDataTicketPoint     Key = "mydata.ticket_point"
	MyDataTicketPhotos    Key = "mydata.ticket_photos"
	MyDataTicketAccepted  Key = "mydata.ticket_accepted"
	MyDataTicketClosed    Key = "mydata.ticket_closed"
	MyDataPolice          Key = "mydata.police"
	MyDataYou             Key = "mydata.you"
	MyDataRating          Key = "mydata.rating"
	MyDataPollsHeader     Key = "mydata.polls_header"
	MyDataPollsNone       Key = "mydata.polls_none"
	// MyDataPoll takes the poll's title and whether it is finished.
	MyDataPoll        Key = "mydata.poll"
	MyDataPollDone    Key = "mydata.poll_done"
	MyDataPollStarted Key = "mydata.poll_started"
	MyDataSkipped     Key = "mydata.skipped"
	MyDataFooter      Key = "mydata.footer"

	ForgetConfirm   Key = "forget.confirm"
	ForgetYes       Key = "forget.yes"
	ForgetNo        Key = "forget.no"
	ForgetCancelled Key = "forget.cancelled"
	// ForgetTooSoon takes the minutes until the chat may ask again.
	ForgetTooSoon Key = "forget.too_soon"
	ForgetNothing Key = "forget.nothing"
	ForgetStaff   Key = "forget.staff"
	ForgetDone    Key = "forget.done"
	// The following take a count.
	ForgetDoneSubscriptions Key = "forget.done_subscriptions"
	ForgetDoneQueued        Key = "forget.done_queued"
	ForgetDoneTickets       Key = "forget.done_tickets"
	ForgetDonePolls         Key = "forget.done_polls"
	ForgetDoneBlock         Key = "forget.done_block"
	ForgetDoneEnd           Key = "forget.done_end"

	// Staff's side of a ticket whose personal data are erased. The
	// following take the ticket's code.
	TkWithdrawnStaff Key = "ticket.withdrawn_staff"
	TkNoReporter     Key = "ticket.no_reporter"
	// Lines of the card of an erased ticket.
	TkReporterWithdrew Key = "ticket.reporter_withdrew"
	TkDataExpired      Key = "ticket.data_expired"
	TkTextErased       Key = "ticket.text_erased"
)

var rightsTexts = map[Key]core.Text{
	CmdMyData: {core.Russian: "Что бот хранит о вас", core.Kazakh: "Бот сіз туралы не сақтайды", core.English: "What the bot stores about you"},
	CmdForget: {core.Russian: "Удалить ваши данные", core.Kazakh: "Деректеріңізді өшіру", core.English: "Delete your data"},

	PrivacyMyData: {core.Russian: "🗂 Мои данные", core.Kazakh: "🗂 Менің деректерім", core.English: "🗂 My data"},
	PrivacyForget: {core.Russian: "🗑 Удалить мои данные", core.Kazakh: "🗑 Деректерімді өшіру", core.English: "🗑 Delete my data"},

	MyDataHeader: {
		core.Russian: "🗂 Всё, что бот хранит о вас (чат %s).",
		core.Kazakh:  "🗂 Бот сіз туралы сақтайтынның бәрі (чат %s).",
		core.English: "🗂 Everything the bot stores about you (chat %s).",
	},
	MyDataNothing: {
		core.Russian: "Бот ничего о вас не хранит.",
		core.Kazakh:  "Бот сіз туралы ештеңе сақтамайды.",
		core.English: "The bot stores nothing about you.",
	},
	MyDataLanguage:     {core.Russian: "Язык: %s", core.Kazakh: "Тіл: %s", core.English: "Language: %s"},
	MyDataConsentAt:    {core.Russian: "Согласие на хранение данных: дано %s", core.Kazakh: "Деректерді сақтауға келісім: %s берілді", core.English: "Consent to store your data: given on %s"},
	MyDataFirstConsent: {core.Russian: "Впервые согласие дано: %s", core.Kazakh: "Келісім алғаш рет берілді: %s", core.English: "Consent first given on: %s"},
	MyDataConsentDeclined: {
		core.Russian: "Согласие: вы отказались, поэтому хранятся только номер чата, язык и шаг разговора.",
		core.Kazakh:  "Келісім: бас тарттыңыз, сондықтан тек чат нөмірі, тіл және сөйлесу қадамы сақталады.",
		core.English: "Consent: you declined, so only your chat number, language and conversation step are stored.",
	},
	MyDataConsentNone:   {core.Russian: "Согласие: вы ещё не ответили.", core.Kazakh: "Келісім: сіз әлі жауап бермедіңіз.", core.English: "Consent: not answered yet."},
	MyDataDistrict:      {core.Russian: "Найденный вами участок: %s", core.Kazakh: "Сіз тапқан учаске: %s", core.English: "The district you found: %s"},
	MyDataSubscriptions: {core.Russian: "Подписки на оповещения: %s", core.Kazakh: "Хабарландыруларға жазылымдар: %s", core.English: "Alerts you subscribe to: %s"},
	MyDataBlocked: {
		core.Russian: "Отправка обращений: ограничена полицией с %s.",
		core.Kazakh:  "Өтініш жіберу: %s бастап полициямен шектелген.",
		core.English: "Sending reports: restricted by the police since %s.",
	},
	MyDataStep: {core.Russian: "Шаг разговора: %s", core.Kazakh: "Сөйлесу қадамы: %s", core.English: "Conversation step: %s"},
	MyDataStepStart: {
		core.Russian: "начало: выбор языка и согласие",
		core.Kazakh:  "бастау: тіл таңдау және келісім",
		core.English: "getting started: language and consent",
	},
	MyDataStepMenu:   {core.Russian: "главное меню", core.Kazakh: "басты мәзір", core.English: "the main menu"},
	MyDataStepFind:   {core.Russian: "поиск участкового", core.Kazakh: "учаскелік инспекторды іздеу", core.English: "finding your inspector"},
	MyDataStepAnswer: {core.Russian: "ответ на объявление", core.Kazakh: "хабарландыруға жауап", core.English: "answering a notice"},
	MyDataStepPoll:   {core.Russian: "опрос", core.Kazakh: "сауалнама", core.English: "a poll"},
	MyDataStepReport: {core.Russian: "новое обращение", core.Kazakh: "жаңа өтініш", core.English: "writing a report"},
	MyDataStepTicket: {core.Russian: "сообщение по обращению", core.Kazakh: "өтініш бойынша хабарлама", core.English: "writing about a report"},
	MyDataStepNotice: {core.Russian: "объявление жителям", core.Kazakh: "тұрғындарға хабарландыру", core.English: "a notice to residents"},
	MyDataStepForget: {
		core.Russian: "вопрос об удалении ваших данных",
		core.Kazakh:  "деректеріңізді өшіру туралы сұрақ",
		core.English: "the question about deleting your data",
	},
	MyDataDraft: {core.Russian: "Обращение, которое вы пишете: %s", core.Kazakh: "Сіз жазып жатқан өтініш: %s", core.English: "The report you are writing: %s"},
	MyDataStreet: {
		core.Russian: "Улица, которую вы ввели: %s",
		core.Kazakh:  "Сіз енгізген көше: %s",
		core.English: "The street you typed: %s",
	},
	MyDataLastWrote: {
		core.Russian: "Время вашего последнего сообщения (хранится 48 часов ради правил WhatsApp): %s",
		core.Kazakh:  "Соңғы хабарыңыздың уақыты (WhatsApp ережелері үшін 48 сағат сақталады): %s",
		core.English: "When you last wrote (kept 48 hours, for WhatsApp's rules): %s",
	},
	MyDataQueued: {
		core.Russian: "Сообщений вам, ожидающих отправки: %d",
		core.Kazakh:  "Сізге жіберуді күтіп тұрған хабарлар: %d",
		core.English: "Messages to you waiting to be sent: %d",
	},
	MyDataSent: {
		core.Russian: "Отправленных вам сообщений, хранимых для отчётов о доставке (до 48 часов): %d",
		core.Kazakh:  "Жеткізу есептері үшін сақталған сізге жіберілген хабарлар (48 сағатқа дейін): %d",
		core.English: "Messages sent to you, kept for delivery reports (up to 48 hours): %d",
	},
	MyDataTicketsNone:   {core.Russian: "Обращений нет.", core.Kazakh: "Өтініштер жоқ.", core.English: "Reports: none."},
	MyDataTicketsHeader: {core.Russian: "Ваши обращения: %d", core.Kazakh: "Сіздің өтініштеріңіз: %d", core.English: "Your reports: %d"},
	MyDataTicket: {
		core.Russian: "📋 %s · %s · %s\nОтправлено: %s\nМесто: %s\nТекст: %s",
		core.Kazakh:  "📋 %s · %s · %s\nЖіберілді: %s\nОрны: %s\nМәтіні: %s",
		core.English: "📋 %s · %s · %s\nSent: %s\nPlace: %s\nText: %s",
	},
	MyDataTicketName: {
		core.Russian: "Ваше имя, видимое полиции: %s",
		core.Kazakh:  "Полицияға көрінетін атыңыз: %s",
		core.English: "Your name as the police see it: %s",
	},
	MyDataTicketAnonymous: {core.Russian: "Отправлено анонимно.", core.Kazakh: "Жасырын жіберілді.", core.English: "Sent anonymously."},
	MyDataTicketPoint:     {core.Russian: "Точка на карте: %s", core.Kazakh: "Картадағы нүкте: %s", core.English: "Point on the map: %s"},
	MyDataTicketPhotos:    {core.Russian: "Фото: %d", core.Kazakh: "Фото: %d", core.English: "Photos: %d"},
	MyDataTicketAccepted:  {core.Russian: "Принято: %s", core.Kazakh: "Қабылданды: %s", core.English: "Accepted: %s"},
	MyDataTicketClosed:    {core.Russian: "Закрыто: %s", core.Kazakh: "Жабылды: %s", core.English: "Closed: %s"},
	MyDataPolice:          {core.Russian: "Полиция, %s: %s", core.Kazakh: "Полиция, %s: %s", core.English: "Police, %s: %s"},
	MyDataYou:             {core.Russian: "Вы, %s: %s", core.Kazakh: "Сіз, %s: %s", core.English: "You, %s: %s"},
	MyDataRating:          {core.Russian: "Ваша оценка: %d из 5", core.Kazakh: "Сіздің бағаңыз: 5-тен %d", core.English: "Your rating: %d of 5"},
	MyDataPollsHeader: {
		core.Russian: "Опросы о безопасности. Ваши ответы хранятся под псевдонимом, а не под номером чата: найти их по вам может только бот — для вас; в результатах и выгрузках они с вами не связаны.",
		core.Kazakh:  "Қауіпсіздік сауалнамалары. Жауаптарыңыз чат нөмірімен емес, бүркеншік атпен сақталады: оларды сіз арқылы тек бот таба алады — сіз үшін; нәтижелер мен экспорттарда олар сізбен байланыспайды.",
		core.English: "Safety polls. Your answers are stored under a pseudonym, not under your chat: only the bot can find them from you, to show you; in results and exports they are not linked to you.",
	},
	MyDataPollsNone: {
		core.Russian: "Опросы о безопасности: вы не отвечали.",
		core.Kazakh:  "Қауіпсіздік сауалнамалары: сіз жауап бермедіңіз.",
		core.English: "Safety polls: you have not answered any.",
	},
	MyDataPoll:        {core.Russian: "📋 %s — %s", core.Kazakh: "📋 %s — %s", core.English: "📋 %s — %s"},
	MyDataPollDone:    {core.Russian: "пройден", core.Kazakh: "аяқталды", core.English: "finished"},
	MyDataPollStarted: {core.Russian: "не закончен", core.Kazakh: "аяқталмаған", core.English: "not finished"},
	MyDataSkipped:     {core.Russian: "пропущено", core.Kazakh: "өткізілді", core.English: "skipped"},
	MyDataFooter: {
		core.Russian: "Ответы на объявления передаются полиции без вашего имени и не хранятся с номером чата. Удалить все ваши данные: /forget.",
		core.Kazakh:  "Хабарландыруларға жауаптар полицияға атыңызсыз жіберіледі және чат нөмірімен сақталмайды. Барлық деректеріңізді өшіру: /forget.",
		core.English: "Answers to notices reach the police without your name and are not stored with your chat. To delete all your data: /forget.",
	},

	ForgetConfirm: {
		core.Russian: "Удалить всё, что бот хранит о вас?\n\n" +
			"Будут удалены язык, согласие, найденный участок, подписки на оповещения и сообщения, ожидающие отправки вам.\n\n" +
			"Ваши обращения останутся в полиции для статистики, но без номера чата, имени, текста, адреса, точки на карте, фото и переписки: полиция больше не сможет вам по ним ответить.\n\n" +
			"Ответы на опросы останутся в результатах, но найти их по вам будет невозможно; письменные ответы будут удалены.\n\n" +
			"Отменить удаление нельзя. После него бот будет общаться с вами как с новым пользователем.",
		core.Kazakh: "Бот сіз туралы сақтайтынның бәрін өшіру керек пе?\n\n" +
			"Тіл, келісім, сіз тапқан учаске, хабарландыруларға жазылымдар және сізге жіберуді күтіп тұрған хабарлар өшіріледі.\n\n" +
			"Өтініштеріңіз статистика үшін полицияда қалады, бірақ чат нөмірінсіз, атыңызсыз, мәтінсіз, мекенжайсыз, картадағы нүктесіз, фотосыз және хат алмасусыз: полиция олар бойынша сізге енді жауап бере алмайды.\n\n" +
			"Сауалнамаға жауаптарыңыз нәтижелерде қалады, бірақ оларды сіз арқылы табу мүмкін болмайды; жазбаша жауаптар өшіріледі.\n\n" +
			"Өшіруді болдырмау мүмкін емес. Одан кейін бот сізбен жаңа пайдаланушы ретінде сөйлеседі.",
		core.English: "Delete everything the bot stores about you?\n\n" +
			"Your language, consent, the district you found, your alert subscriptions and the messages waiting to be sent to you will be deleted.\n\n" +
			"Your reports stay with the police for statistics, but without your chat, name, text, address, point on the map, photos and messages: the police will no longer be able to answer you on them.\n\n" +
			"Your poll answers stay in the results, but can no longer be found from you; written answers are deleted.\n\n" +
			"This cannot be undone. Afterwards the bot will treat you as a new user.",
	},
	ForgetYes:       {core.Russian: "🗑 Да, удалить", core.Kazakh: "🗑 Иә, өшіру", core.English: "🗑 Yes, delete"},
	ForgetNo:        {core.Russian: "Нет, оставить", core.Kazakh: "Жоқ, қалдыру", core.English: "No, keep it"},
	ForgetCancelled: {core.Russian: "Ничего не удалено.", core.Kazakh: "Ештеңе өшірілмеді.", core.English: "Nothing was deleted."},
	ForgetTooSoon: {
		core.Russian: "Ваши данные уже удалены недавно. Повторное удаление доступно через %d мин.",
		core.Kazakh:  "Деректеріңіз жақында өшірілді. Қайта өшіруге %d минуттан кейін болады.",
		core.English: "Your data were deleted a moment ago. You can ask again in %d min.",
	},
	ForgetNothing: {
		core.Russian: "Бот не хранит о вас ничего, что можно удалить.",
		core.Kazakh:  "Бот сіз туралы өшіруге болатын ештеңе сақтамайды.",
		core.English: "The bot stores nothing about you that could be deleted.",
	},
	ForgetStaff: {
		core.Russian: "/forget — для жителей. Ваши данные сотрудника задаются в настройках города, а ваша работа по обращениям — служебный учёт полиции. Обратитесь к администратору.",
		core.Kazakh:  "/forget — тұрғындарға арналған. Қызметкер деректеріңіз қала баптауларында беріледі, ал өтініштер бойынша жұмысыңыз — полицияның қызметтік есебі. Әкімшіге жүгініңіз.",
		core.English: "/forget is for residents. Your staff details come from the city's configuration, and your work on tickets is the police's record. Please ask your administrator.",
	},
	ForgetDone: {
		core.Russian: "🗑 Готово. Удалены ваш язык, согласие, найденный участок и шаг разговора.",
		core.Kazakh:  "🗑 Дайын. Тіліңіз, келісіміңіз, сіз тапқан учаске және сөйлесу қадамы өшірілді.",
		core.English: "🗑 Done. Your language, consent, the district you found and the conversation step are deleted.",
	},
	ForgetDoneSubscriptions: {core.Russian: "Подписки на оповещения удалены: %d.", core.Kazakh: "Хабарландыруларға жазылымдар өшірілді: %d.", core.English: "Alert subscriptions deleted: %d."},
	ForgetDoneQueued:        {core.Russian: "Сообщения, ожидавшие отправки вам, удалены: %d.", core.Kazakh: "Сізге жіберуді күткен хабарлар өшірілді: %d.", core.English: "Messages waiting to be sent to you deleted: %d."},
	ForgetDoneTickets: {
		core.Russian: "Обращения (%d) остались для статистики, но без номера чата, имени, текста, адреса, точки, фото и переписки.",
		core.Kazakh:  "Өтініштер (%d) статистика үшін қалды, бірақ чат нөмірінсіз, атсыз, мәтінсіз, мекенжайсыз, нүктесіз, фотосыз және хат алмасусыз.",
		core.English: "Reports (%d) stay for statistics, without your chat, name, text, address, point, photos and messages.",
	},
	ForgetDonePolls: {
		core.Russian: "Ответы на опросы (%d) больше не связаны с вами; письменные ответы удалены.",
		core.Kazakh:  "Сауалнамаларға жауаптар (%d) енді сізбен байланыспайды; жазбаша жауаптар өшірілді.",
		core.English: "Poll answers (%d) are no longer linked to you; written answers are deleted.",
	},
	ForgetDoneBlock: {
		core.Russian: "Ограничение полиции на отправку обращений сохраняется.",
		core.Kazakh:  "Полицияның өтініш жіберуге қойған шектеуі сақталады.",
		core.English: "The police's restriction on your sending reports stays.",
	},
	ForgetDoneEnd: {
		core.Russian: "Теперь бот не знает вас. Чтобы начать заново, отправьте /start.",
		core.Kazakh:  "Енді бот сізді білмейді. Қайта бастау үшін /start жіберіңіз.",
		core.English: "The bot no longer knows you. To start again, send /start.",
	},

	TkWithdrawnStaff: {
		core.Russian: "⚠️ Автор обращения %s попросил удалить свои данные: имя, текст, место и фото удалены из обращения, ответы ему больше не доходят. Обращение остаётся у вас — завершите или закройте его.",
		core.Kazakh:  "⚠️ %s өтінішінің авторы деректерін өшіруді сұрады: аты, мәтіні, орны мен фотосы өтініштен өшірілді, оған жауаптар енді жетпейді. Өтініш сізде қалады — аяқтаңыз немесе жабыңыз.",
		core.English: "⚠️ The reporter of %s asked for their data to be deleted: their name, text, place and photos are erased from the ticket, and replies can no longer reach them. The ticket stays with you to finish or close.",
	},
	TkNoReporter: {
		core.Russian: "Автору обращения %s нельзя ответить, и его нельзя заблокировать: %s.",
		core.Kazakh:  "%s өтінішінің авторына жауап беруге де, оны бұғаттауға да болмайды: %s.",
		core.English: "The reporter of %s cannot be answered or blocked: %s.",
	},
	TkReporterWithdrew: {core.Russian: "автор отозвал контакт, его данные удалены", core.Kazakh: "автор байланысын кері алды, деректері өшірілді", core.English: "the reporter withdrew their contact; their data are erased"},
	TkDataExpired:      {core.Russian: "данные автора удалены по сроку хранения", core.Kazakh: "автордың деректері сақтау мерзімі бойынша өшірілді", core.English: "the reporter's data are erased, as the retention period ended"},
	TkTextErased:       {core.Russian: "(текст удалён)", core.Kazakh: "(мәтін өшірілді)", core.English: "(text erased)"},
}
