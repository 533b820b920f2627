package locale

import "github.com/beatbot-kz/beatbot/core"

// Keys of taking a safety poll: the list of open polls, the questions,
// answers that do not fit, and the end.
const (
	PollsUnavailable Key = "poll.unavailable"
	PollNeedsConsent Key = "poll.needs_consent"
	PollsNone        Key = "poll.none"
	PollsOpen        Key = "poll.open_list"
	// PollStatusDone takes the last day answers may change;
	// PollStatusStarted the questions answered and their number;
	// PollStatusNew the number of questions and the last day.
	PollStatusDone    Key = "poll.status_done"
	PollStatusStarted Key = "poll.status_started"
	PollStatusNew     Key = "poll.status_new"
	PollNotFound      Key = "poll.not_found"
	// PollNotOpen takes the title and the first day; PollClosed and
	// PollClosedNow the title (and PollClosed the last day).
	PollNotOpen   Key = "poll.not_open"
	PollClosed    Key = "poll.closed"
	PollClosedNow Key = "poll.closed_now"
	// PollNeedDistrict and PollNotForYou take the title.
	PollNeedDistrict Key = "poll.need_district"
	PollNotForYou    Key = "poll.not_for_you"
	// PollIntro takes the title with the poll's own introduction, and the
	// number of questions.
	PollIntro Key = "poll.intro"
	// PollResumed takes the title and the number of the question asked.
	PollResumed Key = "poll.resumed"
	// PollAlreadyDone takes the title, the day answered and the last day.
	PollAlreadyDone  Key = "poll.already_done"
	PollReviewIntro  Key = "poll.review_intro"
	PollChangeButton Key = "poll.change_button"
	// PollQuestionOf takes the question's number and the count.
	PollQuestionOf  Key = "poll.question_of"
	PollMultiHint   Key = "poll.multi_hint"
	PollTextHint    Key = "poll.text_hint"
	PollYourAnswer  Key = "poll.your_answer"
	PollDoneButton  Key = "poll.done_button"
	PollKeepButton  Key = "poll.keep_button"
	PollSkipButton  Key = "poll.skip_button"
	PollLaterButton Key = "poll.later_button"
	PollPickSome    Key = "poll.pick_some"
	PollReaskScale  Key = "poll.reask_scale"
	PollReaskChoice Key = "poll.reask_choice"
	PollReaskMulti  Key = "poll.reask_multi"
	// PollThanks takes the title and the last day answers may change.
	PollThanks Key = "poll.thanks"
	// PollInvitation is an invitation without a text of the poll's own;
	// it takes the title.
	PollInvitation Key = "poll.invitation"
	PollTakeButton Key = "poll.take_button"
)

var pollTexts = map[Key]core.Text{
	PollsUnavailable: {
		core.Russian: "Опросы сейчас недоступны. Пожалуйста, загляните позже.",
		core.Kazakh:  "Сауалнамалар қазір қолжетімсіз. Кейінірек қайта кіріңіз.",
		core.English: "Polls are not available right now. Please look in later.",
	},
	PollNeedsConsent: {
		core.Russian: "Ответы на опрос хранятся под псевдонимом вместе с вашим участком, поэтому нужно согласие на хранение данных. Дать его можно командой /privacy.",
		core.Kazakh:  "Сауалнама жауаптары бүркеншік атпен, учаскеңізбен бірге сақталады, сондықтан деректерді сақтауға келісім қажет. Келісімді /privacy командасымен беруге болады.",
		core.English: "Poll answers are stored under a pseudonym together with your district, so your agreement to data storage is needed. You can give it with /privacy.",
	},
	PollsNone: {
		core.Russian: "Сейчас для вашего участка нет открытых опросов. Когда появится новый, вы увидите его здесь.",
		core.Kazakh:  "Қазір учаскеңіз үшін ашық сауалнама жоқ. Жаңасы шыққанда, осы жерден көресіз.",
		core.English: "There are no open polls for your district right now. When a new one opens, you will find it here.",
	},
	PollsOpen: {
		core.Russian: "Открытые опросы для вашего участка:",
		core.Kazakh:  "Учаскеңіз үшін ашық сауалнамалар:",
		core.English: "Polls open for your district:",
	},
	PollStatusDone: {
		core.Russian: "✓ Вы ответили. Изменить ответы можно по %s включительно.",
		core.Kazakh:  "✓ Сіз жауап бердіңіз. Жауаптарды %s қоса алғанда өзгертуге болады.",
		core.English: "✓ You answered. You can change your answers through %s.",
	},
	PollStatusStarted: {
		core.Russian: "Начат: отвечено на %d из %d вопросов.",
		core.Kazakh:  "Басталды: %d/%d сұраққа жауап берілді.",
		core.English: "Started: %d of %d questions answered.",
	},
	PollStatusNew: {
		core.Russian: "Вопросов: %d. Открыт по %s включительно.",
		core.Kazakh:  "Сұрақтар саны: %d. %s қоса алғанда ашық.",
		core.English: "%d questions. Open through %s.",
	},
	PollNotFound: {
		core.Russian: "Этого опроса больше нет.",
		core.Kazakh:  "Бұл сауалнама енді жоқ.",
		core.English: "This poll no longer exists.",
	},
	PollNotOpen: {
		core.Russian: "Опрос «%s» начнётся %s. Мы пришлём приглашение, если вы подписаны на оповещения участка.",
		core.Kazakh:  "«%s» сауалнамасы %s басталады. Учаске хабарландыруларына жазылған болсаңыз, шақыру жібереміз.",
		core.English: "The poll “%s” starts on %s. We will send an invitation if you are subscribed to your district's alerts.",
	},
	PollClosed: {
		core.Russian: "Опрос «%s» закрыт: ответы принимались по %s включительно. Спасибо за интерес!",
		core.Kazakh:  "«%s» сауалнамасы жабылды: жауаптар %s қоса алғанда қабылданды. Қызығушылығыңызға рахмет!",
		core.English: "The poll “%s” has closed: answers were taken through %s. Thank you for your interest!",
	},
	PollClosedNow: {
		core.Russian: "Опрос «%s» только что закрылся. Ответы, которые вы успели дать, сохранены.",
		core.Kazakh:  "«%s» сауалнамасы жаңа ғана жабылды. Үлгерген жауаптарыңыз сақталды.",
		core.English: "The poll “%s” has just closed. The answers you gave are saved.",
	},
	PollNeedDistrict: {
		core.Russian: "Опрос «%s» проводится для жителей определённых участков. Чтобы узнать ваш, найдите своего участкового: отправьте геопозицию или адрес.",
		core.Kazakh:  "«%s» сауалнамасы белгілі бір учаске тұрғындары үшін өткізіледі. Учаскеңізді анықтау үшін учаскелік инспекторыңызды табыңыз: геолокацияны немесе мекенжайды жіберіңіз.",
		core.English: "The poll “%s” is for residents of certain districts. To find yours, look up your district inspector: send your location or address.",
	},
	PollNotForYou: {
		core.Russian: "Опрос «%s» проводится в других участках, не в вашем. Если вы переехали, найдите участкового по новому адресу.",
		core.Kazakh:  "«%s» сауалнамасы сіздің учаскеңізде емес, басқа учаскелерде өткізіледі. Көшіп кетсеңіз, жаңа мекенжай бойынша учаскелікті табыңыз.",
		core.English: "The poll “%s” is held in other districts, not yours. If you have moved, look up your inspector at the new address.",
	},
	PollIntro: {
		core.Russian: "%s\n\nВопросов: %d. Можно прерваться в любой момент и продолжить позже: в меню, раздел «Опрос о безопасности».",
		core.Kazakh:  "%s\n\nСұрақтар саны: %d. Кез келген сәтте тоқтап, кейін мәзірдегі «Қауіпсіздік сауалнамасы» бөлімінен жалғастыруға болады.",
		core.English: "%s\n\n%d questions. You can stop at any time and continue later: “Safety poll” in the menu.",
	},
	PollResumed: {
		core.Russian: "С возвращением! Продолжаем опрос «%s» с вопроса %d.",
		core.Kazakh:  "Қайта оралуыңызбен! «%s» сауалнамасын %d-сұрақтан жалғастырамыз.",
		core.English: "Welcome back! Let's continue the poll “%s” from question %d.",
	},
	PollAlreadyDone: {
		core.Russian: "Вы уже ответили на опрос «%s» (%s). Спасибо! Ответы можно изменить по %s включительно.",
		core.Kazakh:  "Сіз «%s» сауалнамасына жауап бердіңіз (%s). Рахмет! Жауаптарды %s қоса алғанда өзгертуге болады.",
		core.English: "You have already answered the poll “%s” (%s). Thank you! You can change your answers through %s.",
	},
	PollReviewIntro: {
		core.Russian: "Проверим ваши ответы на опрос «%s». Прежний ответ отмечен ✓: оставьте его или выберите другой.",
		core.Kazakh:  "«%s» сауалнамасына берген жауаптарыңызды қарап шығайық. Бұрынғы жауап ✓ белгісімен белгіленген: оны қалдырыңыз немесе басқасын таңдаңыз.",
		core.English: "Let's go through your answers to the poll “%s”. Your earlier answer is marked ✓: keep it or choose another.",
	},
	PollChangeButton: {
		core.Russian: "✏️ Изменить ответы",
		core.Kazakh:  "✏️ Жауаптарды өзгерту",
		core.English: "✏️ Change my answers",
	},
	PollQuestionOf: {
		core.Russian: "вопрос %d из %d",
		core.Kazakh:  "%d-сұрақ (барлығы %d)",
		core.English: "question %d of %d",
	},
	PollMultiHint: {
		core.Russian: "Отметьте всё подходящее и нажмите «Готово».",
		core.Kazakh:  "Сәйкес келетіннің бәрін белгілеп, «Дайын» батырмасын басыңыз.",
		core.English: "Tick everything that applies, then press “Done”.",
	},
	PollTextHint: {
		core.Russian: "Напишите ответ одним сообщением, до %d символов. Не указывайте имён и телефонов: текст хранится отдельно от других ответов, только с участком.",
		core.Kazakh:  "Жауапты бір хабарламамен, %d таңбаға дейін жазыңыз. Аты-жөн мен телефон көрсетпеңіз: мәтін басқа жауаптардан бөлек, тек учаскемен бірге сақталады.",
		core.English: "Write your answer in one message, up to %d characters. Leave out names and phone numbers: the text is kept apart from your other answers, with only your district.",
	},
	PollYourAnswer: {
		core.Russian: "Ваш прежний ответ: «%s»",
		core.Kazakh:  "Бұрынғы жауабыңыз: «%s»",
		core.English: "Your earlier answer: “%s”",
	},
	PollDoneButton: {
		core.Russian: "Готово ✓",
		core.Kazakh:  "Дайын ✓",
		core.English: "Done ✓",
	},
	PollKeepButton: {
		core.Russian: "Оставить прежний ответ",
		core.Kazakh:  "Бұрынғы жауапты қалдыру",
		core.English: "Keep my earlier answer",
	},
	PollSkipButton: {
		core.Russian: "Пропустить",
		core.Kazakh:  "Өткізіп жіберу",
		core.English: "Skip",
	},
	PollLaterButton: {
		core.Russian: "⏸ Продолжить позже",
		core.Kazakh:  "⏸ Кейін жалғастыру",
		core.English: "⏸ Continue later",
	},
	PollPickSome: {
		core.Russian: "Отметьте хотя бы один вариант, затем нажмите «Готово».",
		core.Kazakh:  "Кем дегенде бір нұсқаны белгілеп, «Дайын» батырмасын басыңыз.",
		core.English: "Tick at least one option, then press “Done”.",
	},
	PollReaskScale: {
		core.Russian: "Пожалуйста, ответьте числом от 1 до %d или нажмите кнопку.",
		core.Kazakh:  "1 мен %d аралығындағы санмен жауап беріңіз немесе батырманы басыңыз.",
		core.English: "Please answer with a number from 1 to %d, or press a button.",
	},
	PollReaskChoice: {
		core.Russian: "Пожалуйста, выберите один из вариантов кнопкой ниже.",
		core.Kazakh:  "Төмендегі батырмамен нұсқалардың бірін таңдаңыз.",
		core.English: "Please choose one of the options with the buttons below.",
	},
	PollReaskMulti: {
		core.Russian: "Отметьте варианты кнопками ниже, затем нажмите «Готово».",
		core.Kazakh:  "Нұсқаларды төмендегі батырмалармен белгілеп, «Дайын» батырмасын басыңыз.",
		core.English: "Tick the options with the buttons below, then press “Done”.",
	},
	PollThanks: {
		core.Russian: "Спасибо! Ваши ответы на опрос «%s» сохранены. Изменить их можно по %s включительно: в меню, раздел «Опрос о безопасности».",
		core.Kazakh:  "Рахмет! «%s» сауалнамасына жауаптарыңыз сақталды. Оларды %s қоса алғанда мәзірдегі «Қауіпсіздік сауалнамасы» бөлімінен өзгертуге болады.",
		core.English: "Thank you! Your answers to the poll “%s” are saved. You can change them through %s under “Safety poll” in the menu.",
	},
	PollInvitation: {
		core.Russian: "Приглашаем пройти короткий опрос «%s». Он займёт пару минут, ответы хранятся без вашего имени и помогают полиции понять, что беспокоит жителей.",
		core.Kazakh:  "«%s» қысқа сауалнамасынан өтуге шақырамыз. Ол бірнеше минут алады, жауаптар атыңызсыз сақталады және полицияға тұрғындарды не мазалайтынын түсінуге көмектеседі.",
		core.English: "Please take the short poll “%s”. It takes a couple of minutes; answers are kept without your name and help the police understand what worries residents.",
	},
	PollTakeButton: {
		core.Russian: "📋 Пройти опрос",
		core.Kazakh:  "📋 Сауалнамадан өту",
		core.English: "📋 Take the poll",
	},
}
