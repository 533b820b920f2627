package locale

import "github.com/beatbot-kz/beatbot/core"

// Keys of the chiefs' notice flow: composing a notice, listing and
// cancelling notices.
const (
	StaffOnly        Key = "notice.staff_only"
	NoticeNotAllowed Key = "notice.not_allowed"
	NoticeTarget     Key = "notice.target"
	// NoticeWholePrecinct takes the precinct's name.
	NoticeWholePrecinct   Key = "notice.whole_precinct"
	NoticeWholeCity       Key = "notice.whole_city"
	NoticeChooseDistricts Key = "notice.choose_districts"
	NoticeDistrictsPrompt Key = "notice.districts_prompt"
	NoticeDone            Key = "notice.done"
	NoticeNoDistricts     Key = "notice.no_districts"
	NoticeOutside         Key = "notice.outside_jurisdiction"
	// NoticeTextPrompt takes the longest text allowed.
	NoticeTextPrompt     Key = "notice.text_prompt"
	NoticePhotoNeedsText Key = "notice.photo_needs_text"
	// NoticeUrgency takes when quiet hours end, e.g. "08:00".
	NoticeUrgency      Key = "notice.urgency"
	NoticeUrgentButton Key = "notice.urgent_button"
	NoticeNormalButton Key = "notice.normal_button"
	NoticeWhen         Key = "notice.when"
	NoticeNowButton    Key = "notice.now_button"
	NoticeAtButton     Key = "notice.at_button"
	NoticeCronButton   Key = "notice.cron_button"
	// NoticeAtPrompt takes the city's time zone.
	NoticeAtPrompt  Key = "notice.at_prompt"
	NoticeAtInvalid Key = "notice.at_invalid"
	NoticeAtPast    Key = "notice.at_past"
	NoticeCronHelp  Key = "notice.cron_prompt"
	// NoticeCronInvalid takes the reason: the parser's, or the text of
	// NoticeCronTooOften or NoticeCronNever.
	NoticeCronInvalid Key = "notice.cron_invalid"
	// NoticeCronTooOften is the reason for a schedule that runs more than
	// twice in some 24 hours (flows' maxNoticeRunsPerDay).
	NoticeCronTooOften Key = "notice.cron_too_often"
	// NoticeCronNever is the reason for a schedule that never runs, such
	// as 30 February.
	NoticeCronNever Key = "notice.cron_never"
	// NoticePreview takes the text, the targets, the urgency (Yes/No), when
	// (WhenNow, WhenAt or WhenCron) and the number of recipients now.
	NoticePreview      Key = "notice.preview"
	NoticeSendButton   Key = "notice.send_button"
	NoticeCancelButton Key = "notice.cancel_button"
	// NoticeSaved takes the notice's number and when it goes.
	NoticeSaved     Key = "notice.saved"
	NoticeDiscarded Key = "notice.discarded"
	WhenNow         Key = "notice.when_now"
	// WhenAt takes a date and time.
	WhenAt Key = "notice.when_at"
	// WhenCron takes the cron expression and the next run.
	WhenCron Key = "notice.when_cron"
	Yes      Key = "yes"
	No       Key = "no"

	NoticesNone   Key = "notices.none"
	NoticesHeader Key = "notices.header"
	// NoticeStatusScheduled etc. describe a notice in the list.
	NoticeStatusScheduled Key = "notices.status_scheduled"
	NoticeStatusRecurring Key = "notices.status_recurring"
	NoticeStatusSent      Key = "notices.status_sent"
	NoticeStatusCancelled Key = "notices.status_cancelled"
	// NoticeCancelOne takes the notice's number.
	NoticeCancelOne Key = "notices.cancel_one"
	// NoticeCancelledOK takes the notice's number.
	NoticeCancelledOK Key = "notices.cancelled"
	NoticeGone        Key = "notices.gone"
)

var noticeTexts = map[Key]core.Text{
	StaffOnly: {
		core.Russian: "Эта команда — для сотрудников полиции.",
		core.Kazakh:  "Бұл команда полиция қызметкерлеріне арналған.",
		core.English: "This command is for police staff.",
	},
	NoticeNotAllowed: {
		core.Russian: "Вы не можете отправлять оповещения: это могут начальники участковых пунктов и администраторы.",
		core.Kazakh:  "Сіз хабарландыру жібере алмайсыз: оны учаскелік пункт бастықтары мен әкімшілер ғана жібереді.",
		core.English: "You cannot send notices: only precinct chiefs and administrators can.",
	},
	NoticeTarget: {
		core.Russian: "Новое оповещение. Кому его отправить?",
		core.Kazakh:  "Жаңа хабарландыру. Кімге жіберу керек?",
		core.English: "New notice. Who should receive it?",
	},
	NoticeWholePrecinct: {
		core.Russian: "🏢 Всем: %s",
		core.Kazakh:  "🏢 Барлығына: %s",
		core.English: "🏢 Everyone: %s",
	},
	NoticeWholeCity: {
		core.Russian: "🏙 Всему городу",
		core.Kazakh:  "🏙 Бүкіл қалаға",
		core.English: "🏙 The whole city",
	},
	NoticeChooseDistricts: {
		core.Russian: "📍 Выбрать участки",
		core.Kazakh:  "📍 Учаскелерді таңдау",
		core.English: "📍 Choose districts",
	},
	NoticeDistrictsPrompt: {
		core.Russian: "Отметьте участки (повторное нажатие снимает отметку) и нажмите «Готово».",
		core.Kazakh:  "Учаскелерді белгілеңіз (қайта басса, белгі алынады), содан кейін «Дайын» батырмасын басыңыз.",
		core.English: "Mark the districts (press again to unmark), then press “Done”.",
	},
	NoticeDone: {
		core.Russian: "✔️ Готово",
		core.Kazakh:  "✔️ Дайын",
		core.English: "✔️ Done",
	},
	NoticeNoDistricts: {
		core.Russian: "Отметьте хотя бы один участок.",
		core.Kazakh:  "Кемінде бір учаскені белгілеңіз.",
		core.English: "Mark at least one district.",
	},
	NoticeOutside: {
		core.Russian: "Этот участок не относится к вашему пункту полиции. Ничего не изменено.",
		core.Kazakh:  "Бұл учаске сіздің полиция пунктіңізге қарамайды. Ештеңе өзгертілмеді.",
		core.English: "That district is not in your precinct. Nothing was changed.",
	},
	NoticeTextPrompt: {
		core.Russian: "Напишите текст оповещения (до %d символов). Можно отправить фото, а текст — в подписи к нему.",
		core.Kazakh:  "Хабарландыру мәтінін жазыңыз (%d таңбаға дейін). Фото жіберуге болады, мәтінді оның қолтаңбасына жазыңыз.",
		core.English: "Write the text of the notice (up to %d characters). You may send a photo with the text as its caption.",
	},
	NoticePhotoNeedsText: {
		core.Russian: "Фото добавлено. Теперь напишите текст оповещения.",
		core.Kazakh:  "Фото қосылды. Енді хабарландыру мәтінін жазыңыз.",
		core.English: "Photo added. Now write the text of the notice.",
	},
	NoticeUrgency: {
		core.Russian: "Оповещение срочное? Срочные доставляются и ночью, обычные ночью ждут до %s.",
		core.Kazakh:  "Хабарландыру шұғыл ма? Шұғылдары түнде де жеткізіледі, қалғандары түнде %s дейін күтеді.",
		core.English: "Is it urgent? Urgent notices are delivered at night too; others wait at night until %s.",
	},
	NoticeUrgentButton: {
		core.Russian: "🚨 Срочное",
		core.Kazakh:  "🚨 Шұғыл",
		core.English: "🚨 Urgent",
	},
	NoticeNormalButton: {
		core.Russian: "Обычное",
		core.Kazakh:  "Қарапайым",
		core.English: "Normal",
	},
	NoticeWhen: {
		core.Russian: "Когда отправить?",
		core.Kazakh:  "Қашан жіберу керек?",
		core.English: "When should it go?",
	},
	NoticeNowButton: {
		core.Russian: "▶️ Сейчас",
		core.Kazakh:  "▶️ Қазір",
		core.English: "▶️ Now",
	},
	NoticeAtButton: {
		core.Russian: "📅 В назначенное время",
		core.Kazakh:  "📅 Белгіленген уақытта",
		core.English: "📅 At a set time",
	},
	NoticeCronButton: {
		core.Russian: "🔁 По расписанию",
		core.Kazakh:  "🔁 Кесте бойынша",
		core.English: "🔁 On a schedule",
	},
	NoticeAtPrompt: {
		core.Russian: "Напишите дату и время, например 01.12.2026 18:00 (время %s).",
		core.Kazakh:  "Күні мен уақытын жазыңыз, мысалы, 01.12.2026 18:00 (%s уақыты).",
		core.English: "Write the date and time, for example 01.12.2026 18:00 (%s time).",
	},
	NoticeAtInvalid: {
		core.Russian: "Не удалось разобрать дату. Напишите её так: 01.12.2026 18:00.",
		core.Kazakh:  "Күнді түсіну мүмкін болмады. Былай жазыңыз: 01.12.2026 18:00.",
		core.English: "I couldn't read that date. Write it like this: 01.12.2026 18:00.",
	},
	NoticeAtPast: {
		core.Russian: "Это время уже прошло или слишком далеко (больше года). Укажите другое.",
		core.Kazakh:  "Бұл уақыт өтіп кетті немесе тым алыс (бір жылдан артық). Басқа уақытты көрсетіңіз.",
		core.English: "That time has passed or is too far ahead (over a year). Choose another.",
	},
	NoticeCronHelp: {
		core.Russian: "Напишите расписание в формате cron: минута час день месяц день_недели. Например, 0 18 * * 5 — по пятницам в 18:00.",
		core.Kazakh:  "Кестені cron форматында жазыңыз: минут сағат күн ай апта_күні. Мысалы, 0 18 * * 5 — жұма сайын 18:00-де.",
		core.English: "Write the schedule in cron form: minute hour day month weekday. For example, 0 18 * * 5 is Fridays at 18:00.",
	},
	NoticeCronInvalid: {
		core.Russian: "Расписание не подходит: %s. Попробуйте ещё раз.",
		core.Kazakh:  "Кесте жарамсыз: %s. Қайталап көріңіз.",
		core.English: "That schedule does not work: %s. Please try again.",
	},
	NoticeCronTooOften: {
		core.Russian: "повторяющееся оповещение можно отправлять не чаще двух раз в сутки",
		core.Kazakh:  "қайталанатын хабарландыру тәулігіне екі реттен жиі жіберілмеуі тиіс",
		core.English: "a recurring notice may go at most twice in 24 hours",
	},
	NoticeCronNever: {
		core.Russian: "по нему оповещение не будет отправлено ни разу",
		core.Kazakh:  "ол бойынша хабарландыру ешқашан жіберілмейді",
		core.English: "it never runs",
	},
	NoticePreview: {
		core.Russian: "Проверьте оповещение:\n\n%s\n\nКому: %s\nСрочное: %s\nКогда: %s\nПолучателей сейчас: %d",
		core.Kazakh:  "Хабарландыруды тексеріңіз:\n\n%s\n\nКімге: %s\nШұғыл: %s\nҚашан: %s\nҚазіргі алушылар саны: %d",
		core.English: "Check the notice:\n\n%s\n\nTo: %s\nUrgent: %s\nWhen: %s\nRecipients now: %d",
	},
	NoticeSendButton: {
		core.Russian: "✅ Отправить",
		core.Kazakh:  "✅ Жіберу",
		core.English: "✅ Send",
	},
	NoticeCancelButton: {
		core.Russian: "✖️ Отменить",
		core.Kazakh:  "✖️ Бас тарту",
		core.English: "✖️ Discard",
	},
	NoticeSaved: {
		core.Russian: "Оповещение №%d принято и будет отправлено %s. По завершении придёт отчёт о доставке.",
		core.Kazakh:  "№%d хабарландыру қабылданды, ол %s жіберіледі. Аяқталғанда жеткізу туралы есеп келеді.",
		core.English: "Notice #%d is saved and goes %s. You will get a delivery report when it is done.",
	},
	NoticeDiscarded: {
		core.Russian: "Оповещение отменено.",
		core.Kazakh:  "Хабарландырудан бас тартылды.",
		core.English: "Notice discarded.",
	},
	WhenNow: {
		core.Russian: "сейчас",
		core.Kazakh:  "қазір",
		core.English: "now",
	},
	WhenAt: {
		core.Russian: "%s",
		core.Kazakh:  "%s",
		core.English: "on %s",
	},
	WhenCron: {
		core.Russian: "по расписанию «%s» (ближайшее: %s)",
		core.Kazakh:  "«%s» кестесі бойынша (ең жақыны: %s)",
		core.English: "on the schedule “%s” (next: %s)",
	},
	Yes: {core.Russian: "да", core.Kazakh: "иә", core.English: "yes"},
	No:  {core.Russian: "нет", core.Kazakh: "жоқ", core.English: "no"},
	NoticesNone: {
		core.Russian: "Оповещений пока нет. Новое: /notice",
		core.Kazakh:  "Әзірге хабарландыру жоқ. Жаңасы: /notice",
		core.English: "No notices yet. New one: /notice",
	},
	NoticesHeader: {
		core.Russian: "Оповещения:",
		core.Kazakh:  "Хабарландырулар:",
		core.English: "Notices:",
	},
	NoticeStatusScheduled: {
		core.Russian: "запланировано",
		core.Kazakh:  "жоспарланған",
		core.English: "scheduled",
	},
	NoticeStatusRecurring: {
		core.Russian: "по расписанию",
		core.Kazakh:  "кесте бойынша",
		core.English: "recurring",
	},
	NoticeStatusSent: {
		core.Russian: "отправлено",
		core.Kazakh:  "жіберілді",
		core.English: "sent",
	},
	NoticeStatusCancelled: {
		core.Russian: "отменено",
		core.Kazakh:  "тоқтатылды",
		core.English: "cancelled",
	},
	NoticeCancelOne: {
		core.Russian: "✖️ Отменить №%d",
		core.Kazakh:  "✖️ №%d тоқтату",
		core.English: "✖️ Cancel #%d",
	},
	NoticeCancelledOK: {
		core.Russian: "Оповещение №%d отменено.",
		core.Kazakh:  "№%d хабарландыру тоқтатылды.",
		core.English: "Notice #%d is cancelled.",
	},
	NoticeGone: {
		core.Russian: "Этого оповещения больше нет или оно уже отправлено.",
		core.Kazakh:  "Бұл хабарландыру енді жоқ немесе жіберіліп қойған.",
		core.English: "That notice no longer exists or has already gone.",
	},
}
