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
	TkReassign   Key = "ticket.reassign"
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
	// TkAnswerClosed answers what a reporter writes about a ticket that
	// was closed meanwhile.
	TkAnswerClosed     Key = "ticket.answer_closed"
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
	TkReassignPrompt      Key = "ticket.reassign_prompt"
	// TkReassigned takes the code and the staff member's name.
	TkReassigned  Key = "ticket.reassigned"
	TkBlockPrompt Key = "ticket.block_prompt"
	TkBlocked     Key = "ticket.blocked"
	TkListNone    Key = "ticket.list_none"
	TkListHeader  Key = "ticket.list_header"
	TkFilterOpen  Key = "ticket.filter_open"
	TkFilterAll   Key = "ticket.filter_all"
	TkNotFound    Key = "ticket.not_found"
	TkUsage       Key = "ticket.usage"
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
	StatusRejected: {core.Russian: "отклонено", core.Kazakh: "қабылданбады", core.English: "rejected"},
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
	TkTransfer:   {core.Russian: "↪️ В другой участок", core.Kazakh: "↪️ Басқа учаскеге", core.English: "↪️ Transfer"},
	TkReassign:   {core.Russian: "👤 Передать сотруднику", core.Kazakh: "👤 Қызметкерге беру", core.English: "👤 Reassign"},
	TkReject:     {core.Russian: "⛔ Отклонить", core.Kazakh: "⛔ Қабылдамау", core.English: "⛔ Reject"},
	TkBlock:      {core.Russian: "🚫 Заблокировать автора", core.Kazakh: "🚫 Авторды бұғаттау", core.English: "🚫 Block the reporter"},
	TkNotAllowed: {core.Russian: "Вы не можете работать с этим обращением. Ничего не изменено.", core.Kazakh: "Сіз бұл өтінішпен жұмыс істей алмайсыз. Ештеңе өзгертілмеді.", core.English: "You cannot act on this ticket. Nothing was changed."},
	TkAlready:    {core.Russian: "Обращение %s уже в статусе «%s».", core.Kazakh: "%s өтініші қазір «%s» мәртебесінде.", core.English: "Ticket %s is already %s."},
	TkAccepted:   {core.Russian: "Вы приняли %s.", core.Kazakh: "Сіз %s өтінішін қабылдадыңыз.", core.English: "You accepted %s."},
	TkAcceptedResident: {
		core.Russian: "Полиция приняла ваше обращение %s в работу.",
		core.Kazakh:  "Полиция %s өтінішіңізді жұмысқа алды.",
		core.English: "The police have taken up your report %s.",
	},
	TkReplyPrompt: {core.Russian: "Напишите ответ жителю по %s.", core.Kazakh: "%s бойынша тұрғынға жауап жазыңыз.", core.English: "Write your reply to the resident on %s."},
	TkReplySent:   {core.Russian: "Ответ по %s отправлен.", core.Kazakh: "%s бойынша жауап жіберілді.", core.English: "Reply on %s sent."},
	TkReplyToResident: {
		core.Russian: "💬 Ответ полиции по вашему обращению %s:\n\n%s",
		core.Kazakh:  "💬 %s өтінішіңіз бойынша полицияның жауабы:\n\n%s",
		core.English: "💬 A reply from the police on your report %s:\n\n%s",
	},
	TkAnswer:        {core.Russian: "✉️ Ответить", core.Kazakh: "✉️ Жауап беру", core.English: "✉️ Answer"},
	TkAnswerPrompt:  {core.Russian: "Напишите ответ по обращению %s.", core.Kazakh: "%s бойынша жауабыңызды жазыңыз.", core.English: "Write your answer on report %s."},
	TkAnswerSent:    {core.Russian: "Ваш ответ по обращению %s передан сотруднику полиции.", core.Kazakh: "%s өтініші бойынша жауабыңыз полиция қызметкеріне жіберілді.", core.English: "Your answer on report %s was passed to the police."},
	TkAnswerToStaff: {core.Russian: "✉️ Ответ жителя по %s:\n\n%s", core.Kazakh: "✉️ %s бойынша тұрғынның жауабы:\n\n%s", core.English: "✉️ The resident's answer on %s:\n\n%s"},
	TkAnswerClosed: {
		core.Russian: "Обращение %s уже закрыто, ответ не отправлен. Если проблема осталась, отправьте новое обращение.",
		core.Kazakh:  "%s өтініші жабылды, сондықтан жауабыңыз жіберілмеді. Мәселе шешілмесе, жаңа өтініш жіберіңіз.",
		core.English: "Report %s is closed, so your answer was not sent. If the problem remains, please send a new report.",
	},
	TkResolvePrompt: {core.Russian: "Кратко напишите, как решён вопрос по %s. Житель увидит этот текст.", core.Kazakh: "%s бойынша мәселе қалай шешілгенін қысқаша жазыңыз. Тұрғын бұл мәтінді көреді.", core.English: "Write briefly how %s was resolved. The resident will see this note."},
	TkResolved:      {core.Russian: "%s отмечено как решённое.", core.Kazakh: "%s өтініші шешілді деп белгіленді.", core.English: "%s is marked resolved."},
	TkResolvedResident: {
		core.Russian: "✅ Ваше обращение %s рассмотрено:\n%s\n\nПроблема решена?",
		core.Kazakh:  "✅ %s өтінішіңіз қаралды:\n%s\n\nМәселе шешілді ме?",
		core.English: "✅ The police have dealt with your report %s:\n%s\n\nIs the problem solved?",
	},
	TkSolvedYes: {core.Russian: "👍 Да, решена", core.Kazakh: "👍 Иә, шешілді", core.English: "👍 Yes, solved"},
	TkSolvedNo:  {core.Russian: "👎 Нет, не решена", core.Kazakh: "👎 Жоқ, шешілмеді", core.English: "👎 No, not solved"},
	TkRate: {
		core.Russian: "Оцените общение с полицией по обращению %s: от 1 (плохо) до 5 (отлично).",
		core.Kazakh:  "%s өтініші бойынша полициямен байланысты бағалаңыз: 1-ден (нашар) 5-ке (өте жақсы) дейін.",
		core.English: "Please rate your contact with the police on report %s, from 1 (poor) to 5 (excellent).",
	},
	TkThanks:        {core.Russian: "Спасибо за оценку!", core.Kazakh: "Бағаңызға рахмет!", core.English: "Thank you for your rating!"},
	TkReopened:      {core.Russian: "Обращение %s открыто повторно — полиция вернётся к нему.", core.Kazakh: "%s өтініші қайта ашылды — полиция оны қайта қарайды.", core.English: "Report %s is reopened; the police will look at it again."},
	TkReopenedStaff: {core.Russian: "🔁 %s открыто повторно: житель сообщил, что проблема не решена.", core.Kazakh: "🔁 %s қайта ашылды: тұрғын мәселе шешілмегенін хабарлады.", core.English: "🔁 %s is reopened: the resident says the problem is not solved."},
	TkReopenTooLate: {core.Russian: "Обращение %s решено больше 7 дней назад, открыть его снова нельзя. Отправьте, пожалуйста, новое обращение.", core.Kazakh: "%s өтініші 7 күннен астам уақыт бұрын шешілген, оны қайта ашу мүмкін емес. Жаңа өтініш жіберіңіз.", core.English: "Report %s was resolved more than 7 days ago and can no longer be reopened. Please send a new report."},
	TkRejectPrompt:  {core.Russian: "Выберите причину отклонения %s:", core.Kazakh: "%s өтінішін қабылдамау себебін таңдаңыз:", core.English: "Choose the reason for rejecting %s:"},
	// The reasons are buttons and also end TkRejectedResident: "closed: …".
	TkReasonNotPolice: {core.Russian: "не относится к компетенции полиции", core.Kazakh: "полицияның құзыретіне жатпайды", core.English: "not a police matter"},
	TkReasonDuplicate: {core.Russian: "повторяет другое обращение", core.Kazakh: "басқа өтінішті қайталайды", core.English: "a duplicate of another report"},
	TkReasonFalse:     {core.Russian: "признано ложным", core.Kazakh: "жалған деп танылды", core.English: "found to be false"},
	TkRejectedResident: {
		core.Russian: "Ваше обращение %s закрыто: %s. Если вам угрожает опасность, звоните 102.",
		core.Kazakh:  "Сіздің %s өтінішіңіз жабылды: %s. Қауіп төнсе, 102-ге қоңырау шалыңыз.",
		core.English: "Your report %s was closed: %s. If you are in danger, call 102.",
	},
	TkRejected:       {core.Russian: "Обращение %s отклонено.", core.Kazakh: "%s өтініші қабылданбады.", core.English: "%s rejected."},
	TkTransferPrompt: {core.Russian: "В какой участок передать %s?", core.Kazakh: "%s қай учаскеге берілсін?", core.English: "Transfer %s to which district?"},
	TkTransferred:    {core.Russian: "%s передано: %s.", core.Kazakh: "%s берілді: %s.", core.English: "%s transferred to %s."},
	TkTransferredResident: {
		core.Russian: "Ваше обращение %s передано в другой участок:\n%s",
		core.Kazakh:  "Сіздің %s өтінішіңіз басқа учаскеге берілді:\n%s",
		core.English: "Your report %s was passed to another district:\n%s",
	},
	TkReassignPrompt: {core.Russian: "Кому передать %s?", core.Kazakh: "%s өтінішін кімге беру керек?", core.English: "Who should take over %s?"},
	TkReassigned:     {core.Russian: "%s передано: %s.", core.Kazakh: "%s өтініші берілді: %s.", core.English: "%s reassigned to %s."},
	TkBlockPrompt: {
		core.Russian: "Автор обращения %s больше не сможет отправлять обращения. Напишите причину блокировки. Житель не узнает, кто его заблокировал.",
		core.Kazakh:  "%s өтінішінің авторы енді өтініш жібере алмайтын болады. Бұғаттау себебін жазыңыз. Тұрғын оны кім бұғаттағанын білмейді.",
		core.English: "The reporter of %s will no longer be able to send reports. Give the reason for blocking them. They will not be told who blocked them.",
	},
	TkBlocked:    {core.Russian: "Автор обращения %s больше не может отправлять обращения.", core.Kazakh: "%s өтінішінің авторы енді өтініш жібере алмайды.", core.English: "The reporter of %s can no longer send reports."},
	TkListNone:   {core.Russian: "Обращений нет.", core.Kazakh: "Өтініштер жоқ.", core.English: "No tickets."},
	TkListHeader: {core.Russian: "Обращения жителей:", core.Kazakh: "Тұрғындардың өтініштері:", core.English: "Residents' reports:"},
	TkFilterOpen: {core.Russian: "Открытые", core.Kazakh: "Ашық", core.English: "Open"},
	TkFilterAll:  {core.Russian: "Все", core.Kazakh: "Барлығы", core.English: "All"},
	TkNotFound:   {core.Russian: "Обращения %s нет, или оно вам недоступно.", core.Kazakh: "%s өтініші жоқ немесе сізге қолжетімсіз.", core.English: "There is no ticket %s you can see."},
	TkUsage:      {core.Russian: "Напишите /ticket и номер обращения, например /ticket KRG-0042.", core.Kazakh: "/ticket және өтініш нөмірін жазыңыз, мысалы, /ticket KRG-0042.", core.English: "Write /ticket and the number, for example /ticket KRG-0042."},
	TkStats: {
		core.Russian: "📊 Обращений: %d\n\nПо статусам:\n%s\n\nПо темам:\n%s\n\nПо участкам:\n%s\n\nМедиана до принятия: %s\nМедиана до решения: %s",
		core.Kazakh:  "📊 Өтініштер: %d\n\nМәртебелер бойынша:\n%s\n\nТақырыптар бойынша:\n%s\n\nУчаскелер бойынша:\n%s\n\nҚабылдауға дейінгі медиана: %s\nШешуге дейінгі медиана: %s",
		core.English: "📊 Tickets: %d\n\nBy status:\n%s\n\nBy topic:\n%s\n\nBy district:\n%s\n\nMedian time to accept: %s\nMedian time to resolve: %s",
	},
	TkEscalateAccept: {
		core.Russian: "⏰ %s не принято уже %s (срок — %s). Ответственный: %s.",
		core.Kazakh:  "⏰ %s өтінішінің қабылданбағанына %s болды (белгіленген мерзім — %s). Жауапты: %s.",
		core.English: "⏰ %s has waited %s to be accepted (target %s). Assigned to: %s.",
	},
	TkEscalateResolve: {
		core.Russian: "⏰ %s не решено уже %s (срок — %s). Ответственный: %s.",
		core.Kazakh:  "⏰ %s өтінішінің шешілмегеніне %s болды (белгіленген мерзім — %s). Жауапты: %s.",
		core.English: "⏰ %s has been open %s without a resolution (target %s). Assigned to: %s.",
	},
	TkRemind:       {core.Russian: "🔔 Напомнить ответственному", core.Kazakh: "🔔 Жауаптыға еске салу", core.English: "🔔 Remind the assignee"},
	TkReminder:     {core.Russian: "🔔 Напоминание от начальника: обращение %s ждёт вашего ответа.", core.Kazakh: "🔔 Басшыдан еске салу: %s өтініші сіздің жауабыңызды күтуде.", core.English: "🔔 A reminder from the chief: %s is waiting for you."},
	TkReminded:     {core.Russian: "Напоминание по %s отправлено.", core.Kazakh: "%s бойынша еске салу жіберілді.", core.English: "Reminder on %s sent."},
	NotYetMeasured: {core.Russian: "пока нет данных", core.Kazakh: "әзірге дерек жоқ", core.English: "no data yet"},
}
