package locale

import "github.com/beatbot-kz/beatbot/core"

// Keys of tickets as staff handle them and residents follow them.
const (
	StatusNew      Key = "ticket.status_new"
	StatusAccepted Key = "ticket.status_accepted"
	StatusResolved Key = "ticket.status_resolved"
	StatusRejected Key = "ticket.status_rejected"
	StatusReopened Key = "ticket.status_reopened"
	// TicketCard takes the code, the category, the status, the text, the
	// place, the age and the reporter.
	TicketCard   Key = "ticket.card"
	Anonymous    Key = "ticket.anonymous"
	TkAccept     Key = "ticket.accept"
	TkReply      Key = "ticket.reply"
	TkResolve    Key = "ticket.resolve"
	TkTransfer   Key = "ticket.transfer"
	TkReject     Key = "ticket.reject"
	TkBlock      Key = "ticket.block"
	TkNotAllowed Key = "ticket.not_allowed"
	// TkAlready takes the code and the status.
	TkAlready Key = "ticket.already"
	// The following take the ticket's code first.
	TkAccepted         Key = "ticket.accepted"
	TkAcceptedResident Key = "ticket.accepted_resident"
	TkReplyPrompt      Key = "ticket.reply_prompt"
	TkReplySent        Key = "ticket.reply_sent"
	TkReplyToResident  Key = "ticket.reply_to_resident"
	TkAnswer           Key = "ticket.answer"
	TkAnswerPrompt     Key = "ticket.answer_prompt"
	TkAnswerSent       Key = "ticket.answer_sent"
	TkAnswerToStaff    Key = "ticket.answer_to_staff"
	TkResolvePrompt    Key = "ticket.resolve_prompt"
	TkResolved         Key = "ticket.resolved"
	TkResolvedResident Key = "ticket.resolved_resident"
	TkSolvedYes        Key = "ticket.solved_yes"
	TkSolvedNo         Key = "ticket.solved_no"
	TkRate             Key = "ticket.rate"
	TkThanks           Key = "ticket.thanks"
	TkReopened         Key = "ticket.reopened"
	TkReopenedStaff    Key = "ticket.reopened_staff"
	TkReopenTooLate    Key = "ticket.reopen_too_late"
	TkRejectPrompt     Key = "ticket.reject_prompt"
	TkReasonNotPolice  Key = "ticket.reason_not_police"
	TkReasonDuplicate  Key = "ticket.reason_duplicate"
	TkReasonFalse      Key = "ticket.reason_false"
	// TkRejectedResident takes the code and the reason.
	TkRejectedResident Key = "ticket.rejected_resident"
	TkRejected         Key = "ticket.rejected"
	TkTransferPrompt   Key = "ticket.transfer_prompt"
	// TkTransferred and TkTransferredResident take the code and the
	// district.
	TkTransferred         Key = "ticket.transferred"
	TkTransferredResident Key = "ticket.transferred_resident"
	TkBlockPrompt         Key = "ticket.block_prompt"
	TkBlocked             Key = "ticket.blocked"
	TkListNone            Key = "ticket.list_none"
	TkListHeader          Key = "ticket.list_header"
	TkFilterOpen          Key = "ticket.filter_open"
	TkFilterAll           Key = "ticket.filter_all"
	TkNotFound            Key = "ticket.not_found"
	TkUsage               Key = "ticket.usage"
	// TkStats takes the total, then lines by status, category and
	// district, then the median times to accept and to resolve.
	TkStats Key = "ticket.stats"
	// TkEscalateAccept and TkEscalateResolve take the code, how long it
	// waits, the target and the assignee.
	TkEscalateAccept  Key = "ticket.escalate_accept"
	TkEscalateResolve Key = "ticket.escalate_resolve"
	TkRemind          Key = "ticket.remind"
	TkReminder        Key = "ticket.reminder"
	TkReminded        Key = "ticket.reminded"
	NotYetMeasured    Key = "ticket.not_measured"
)

var ticketTexts = map[Key]core.Text{
	StatusNew:      {core.Russian: "новое", core.Kazakh: "жаңа", core.English: "new"},
	StatusAccepted: {core.Russian: "принято", core.Kazakh: "қабылданды", core.English: "accepted"},
	StatusResolved: {core.Russian: "решено", core.Kazakh: "шешілді", core.English: "resolved"},
	StatusRejected: {core.Russian: "закрыто без решения", core.Kazakh: "шешімсіз жабылды", core.English: "rejected"},
	StatusReopened: {core.Russian: "открыто повторно", core.Kazakh: "қайта ашылды", core.English: "reopened"},
	TicketCard: {
		core.Russian: "📋 %s · %s · %s\n\n%s\n\n📍 %s\n🕒 %s назад\n👤 %s",
		core.Kazakh:  "📋 %s · %s · %s\n\n%s\n\n📍 %s\n🕒 %s бұрын\n👤 %s",
		core.English: "📋 %s · %s · %s\n\n%s\n\n📍 %s\n🕒 %s ago\n👤 %s",
	},
	Anonymous:    {core.Russian: "аноним", core.Kazakh: "жасырын", core.English: "anonymous"},
	TkAccept:     {core.Russian: "✅ Принять", core.Kazakh: "✅ Қабылдау", core.English: "✅ Accept"},
	TkReply:      {core.Russian: "💬 Ответить", core.Kazakh: "💬 Жауап беру", core.English: "💬 Reply"},
	TkResolve:    {core.Russian: "✔️ Решено", core.Kazakh: "✔️ Шешілді", core.English: "✔️ Resolve"},
	TkTransfer:   {core.Russian: "↪️ Передать", core.Kazakh: "↪️ Басқаға беру", core.English: "↪️ Transfer"},
	TkReject:     {core.Russian: "⛔ Отклонить", core.Kazakh: "⛔ Қабылдамау", core.English: "⛔ Reject"},
	TkBlock:      {core.Russian: "🚫 Запретить автору сообщения", core.Kazakh: "🚫 Авторға хабарлама жіберуге тыйым салу", core.English: "🚫 Block the reporter"},
	TkNotAllowed: {core.Russian: "Вы не можете работать с этим сообщением. Ничего не изменено.", core.Kazakh: "Сіз бұл хабарламамен жұмыс істей алмайсыз. Ештеңе өзгертілмеді.", core.English: "You cannot act on this ticket. Nothing was changed."},
	TkAlready:    {core.Russian: "Сообщение %s уже в статусе «%s».", core.Kazakh: "%s хабарламасының мәртебесі қазірдің өзінде «%s».", core.English: "Ticket %s is already %s."},
	TkAccepted:   {core.Russian: "Вы приняли %s.", core.Kazakh: "Сіз %s қабылдадыңыз.", core.English: "You accepted %s."},
	TkAcceptedResident: {
		core.Russian: "Ваше сообщение %s принято участковым инспектором в работу.",
		core.Kazakh:  "Сіздің %s хабарламаңызды учаскелік инспектор жұмысқа алды.",
		core.English: "Your report %s was accepted by the district inspector.",
	},
	TkReplyPrompt: {core.Russian: "Напишите ответ жителю по %s.", core.Kazakh: "%s бойынша тұрғынға жауап жазыңыз.", core.English: "Write your reply to the resident on %s."},
	TkReplySent:   {core.Russian: "Ответ по %s отправлен.", core.Kazakh: "%s бойынша жауап жіберілді.", core.English: "Reply on %s sent."},
	TkReplyToResident: {
		core.Russian: "💬 Ответ участкового инспектора по вашему сообщению %s:\n\n%s",
		core.Kazakh:  "💬 %s хабарламаңыз бойынша учаскелік инспектордың жауабы:\n\n%s",
		core.English: "💬 The district inspector's reply on your report %s:\n\n%s",
	},
	TkAnswer:        {core.Russian: "✉️ Ответить", core.Kazakh: "✉️ Жауап беру", core.English: "✉️ Answer"},
	TkAnswerPrompt:  {core.Russian: "Напишите ответ по %s.", core.Kazakh: "%s бойынша жауабыңызды жазыңыз.", core.English: "Write your answer on %s."},
	TkAnswerSent:    {core.Russian: "Ваш ответ по %s передан участковому.", core.Kazakh: "%s бойынша жауабыңыз учаскелік инспекторға жіберілді.", core.English: "Your answer on %s was passed to the inspector."},
	TkAnswerToStaff: {core.Russian: "✉️ Ответ жителя по %s:\n\n%s", core.Kazakh: "✉️ %s бойынша тұрғынның жауабы:\n\n%s", core.English: "✉️ The resident's answer on %s:\n\n%s"},
	TkResolvePrompt: {core.Russian: "Кратко напишите, как решён вопрос по %s. Житель увидит этот текст.", core.Kazakh: "%s бойынша мәселе қалай шешілгенін қысқаша жазыңыз. Тұрғын бұл мәтінді көреді.", core.English: "Write briefly how %s was resolved. The resident will see this note."},
	TkResolved:      {core.Russian: "%s отмечено как решённое.", core.Kazakh: "%s шешілді деп белгіленді.", core.English: "%s is marked resolved."},
	TkResolvedResident: {
		core.Russian: "✅ По вашему сообщению %s принято решение:\n%s\n\nПроблема решена?",
		core.Kazakh:  "✅ %s хабарламаңыз бойынша шешім қабылданды:\n%s\n\nМәселе шешілді ме?",
		core.English: "✅ Your report %s is resolved:\n%s\n\nIs the problem solved?",
	},
	TkSolvedYes: {core.Russian: "👍 Да, решена", core.Kazakh: "👍 Иә, шешілді", core.English: "👍 Yes, solved"},
	TkSolvedNo:  {core.Russian: "👎 Нет, не решена", core.Kazakh: "👎 Жоқ, шешілмеді", core.English: "👎 No, not solved"},
	TkRate: {
		core.Russian: "Оцените общение с полицией по %s: от 1 (плохо) до 5 (отлично).",
		core.Kazakh:  "%s бойынша полициямен байланысты бағалаңыз: 1-ден (нашар) 5-ке (өте жақсы) дейін.",
		core.English: "Please rate your contact with the police on %s, from 1 (poor) to 5 (excellent).",
	},
	TkThanks:        {core.Russian: "Спасибо за оценку!", core.Kazakh: "Бағаңызға рахмет!", core.English: "Thank you for your rating!"},
	TkReopened:      {core.Russian: "Сообщение %s открыто снова — участковый вернётся к нему.", core.Kazakh: "%s хабарламасы қайта ашылды — учаскелік инспектор оған қайта оралады.", core.English: "Report %s is reopened; the inspector will look at it again."},
	TkReopenedStaff: {core.Russian: "🔁 %s открыто повторно: житель сообщил, что проблема не решена.", core.Kazakh: "🔁 %s қайта ашылды: тұрғын мәселе шешілмегенін хабарлады.", core.English: "🔁 %s is reopened: the resident says the problem is not solved."},
	TkReopenTooLate: {core.Russian: "С решения по %s прошло больше 7 дней. Отправьте, пожалуйста, новое сообщение.", core.Kazakh: "%s бойынша шешім қабылданғаннан бері 7 күннен артық өтті. Жаңа хабарлама жіберіңіз.", core.English: "More than 7 days have passed since %s was resolved. Please send a new report."},
	TkRejectPrompt:  {core.Russian: "Почему отклонить %s?", core.Kazakh: "%s неге қабылданбайды?", core.English: "Why reject %s?"},
	TkReasonNotPolice: {
		core.Russian: "не относится к полиции",
		core.Kazakh:  "полицияның құзыретіне жатпайды",
		core.English: "not a police matter",
	},
	TkReasonDuplicate: {core.Russian: "повтор другого сообщения", core.Kazakh: "басқа хабарламаның қайталануы", core.English: "a duplicate of another report"},
	TkReasonFalse:     {core.Russian: "ложное сообщение", core.Kazakh: "жалған хабарлама", core.English: "a false report"},
	TkRejectedResident: {
		core.Russian: "Ваше сообщение %s закрыто: %s. Если вам угрожает опасность, звоните 102.",
		core.Kazakh:  "Сіздің %s хабарламаңыз жабылды: %s. Қауіп төнсе, 102-ге қоңырау шалыңыз.",
		core.English: "Your report %s was closed: %s. If you are in danger, call 102.",
	},
	TkRejected:       {core.Russian: "%s отклонено.", core.Kazakh: "%s қабылданбады.", core.English: "%s rejected."},
	TkTransferPrompt: {core.Russian: "В какой участок передать %s?", core.Kazakh: "%s қай учаскеге берілсін?", core.English: "Transfer %s to which district?"},
	TkTransferred:    {core.Russian: "%s передано: %s.", core.Kazakh: "%s берілді: %s.", core.English: "%s transferred to %s."},
	TkTransferredResident: {
		core.Russian: "Ваше сообщение %s передано участковому инспектору другого участка:\n%s",
		core.Kazakh:  "Сіздің %s хабарламаңыз басқа учаскенің учаскелік инспекторына берілді:\n%s",
		core.English: "Your report %s was passed to the inspector of another district:\n%s",
	},
	TkBlockPrompt: {
		core.Russian: "Укажите причину запрета автору %s присылать сообщения. Житель не узнает, кто установил запрет.",
		core.Kazakh:  "%s авторына хабарлама жіберуге тыйым салу себебін жазыңыз. Тұрғын тыйымды кім салғанын білмейді.",
		core.English: "Give the reason for blocking the reporter of %s from reporting. They will not be told who blocked them.",
	},
	TkBlocked:    {core.Russian: "Автор %s больше не может присылать сообщения.", core.Kazakh: "%s авторы енді хабарлама жібере алмайды.", core.English: "The reporter of %s can no longer send reports."},
	TkListNone:   {core.Russian: "Сообщений нет.", core.Kazakh: "Хабарлама жоқ.", core.English: "No tickets."},
	TkListHeader: {core.Russian: "Сообщения жителей:", core.Kazakh: "Тұрғындардың хабарламалары:", core.English: "Residents' reports:"},
	TkFilterOpen: {core.Russian: "Открытые", core.Kazakh: "Ашық", core.English: "Open"},
	TkFilterAll:  {core.Russian: "Все", core.Kazakh: "Барлығы", core.English: "All"},
	TkNotFound:   {core.Russian: "Сообщения %s нет или оно вам недоступно.", core.Kazakh: "%s хабарламасы жоқ немесе сізге қолжетімсіз.", core.English: "There is no ticket %s you can see."},
	TkUsage:      {core.Russian: "Напишите /ticket и номер, например /ticket KRG-0042.", core.Kazakh: "/ticket және нөмірін жазыңыз, мысалы, /ticket KRG-0042.", core.English: "Write /ticket and the number, for example /ticket KRG-0042."},
	TkStats: {
		core.Russian: "📊 Сообщений: %d\n\nПо статусам:\n%s\n\nПо темам:\n%s\n\nПо участкам:\n%s\n\nМедиана до принятия: %s\nМедиана до решения: %s",
		core.Kazakh:  "📊 Хабарламалар: %d\n\nМәртебелер бойынша:\n%s\n\nТақырыптар бойынша:\n%s\n\nУчаскелер бойынша:\n%s\n\nҚабылдауға дейінгі медиана: %s\nШешуге дейінгі медиана: %s",
		core.English: "📊 Tickets: %d\n\nBy status:\n%s\n\nBy topic:\n%s\n\nBy district:\n%s\n\nMedian time to accept: %s\nMedian time to resolve: %s",
	},
	TkEscalateAccept: {
		core.Russian: "⏰ %s не принято уже %s (норма — %s). Ответственный: %s.",
		core.Kazakh:  "⏰ %s қабылданбағанына %s болды (норма — %s). Жауапты: %s.",
		core.English: "⏰ %s has waited %s to be accepted (target %s). Assigned to: %s.",
	},
	TkEscalateResolve: {
		core.Russian: "⏰ %s не решено уже %s (норма — %s). Ответственный: %s.",
		core.Kazakh:  "⏰ %s шешілмегеніне %s болды (норма — %s). Жауапты: %s.",
		core.English: "⏰ %s has been open %s without a resolution (target %s). Assigned to: %s.",
	},
	TkRemind:       {core.Russian: "🔔 Напомнить участковому", core.Kazakh: "🔔 Учаскелік инспекторға еске салу", core.English: "🔔 Remind the inspector"},
	TkReminder:     {core.Russian: "🔔 Напоминание от начальника: %s ждёт вашего ответа.", core.Kazakh: "🔔 Бастықтан еске салу: %s сіздің жауабыңызды күтуде.", core.English: "🔔 A reminder from the chief: %s is waiting for you."},
	TkReminded:     {core.Russian: "Напоминание по %s отправлено.", core.Kazakh: "%s бойынша еске салу жіберілді.", core.English: "Reminder on %s sent."},
	NotYetMeasured: {core.Russian: "пока нет данных", core.Kazakh: "әзірге дерек жоқ", core.English: "no data yet"},
}
