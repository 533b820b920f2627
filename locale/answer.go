package locale

import "github.com/beatbot-kz/beatbot/core"

// Keys of notices as residents receive them, their answers, and the
// delivery reports chiefs receive.
const (
	// NoticeHeader takes who the notice is from.
	NoticeHeader       Key = "notice.header"
	AnswerNoticeButton Key = "notice.answer_button"
	AnswerPrompt       Key = "notice.answer_prompt"
	AnswerSent         Key = "notice.answer_sent"
	// AnswerClosed answers text written to a notice that was cancelled,
	// or whose audience the resident left, meanwhile.
	AnswerClosed Key = "notice.answer_closed"
	// AnswerForward takes the notice's number, its first words, the
	// resident's district and the answer.
	AnswerForward   Key = "notice.answer_forward"
	UnknownDistrict Key = "notice.unknown_district"
	// NoticeReport takes the notice's number and the counts sent,
	// unreachable and failed.
	NoticeReport Key = "notice.report"
	// NoticeNoRecipients takes the notice's number.
	NoticeNoRecipients Key = "notice.no_recipients"
)

var answerTexts = map[Key]core.Text{
	NoticeHeader: {
		core.Russian: "📢 %s",
		core.Kazakh:  "📢 %s",
		core.English: "📢 %s",
	},
	AnswerNoticeButton: {
		core.Russian: "✉️ Ответить",
		core.Kazakh:  "✉️ Жауап беру",
		core.English: "✉️ Answer",
	},
	AnswerPrompt: {
		core.Russian: "Напишите ответ. Он уйдёт в пункт полиции без вашего имени и телефона. Если вам угрожает опасность, звоните 102.",
		core.Kazakh:  "Жауабыңызды жазыңыз. Ол полиция пунктіне атыңыз бен телефоныңызсыз жіберіледі. Қауіп төнсе, 102-ге қоңырау шалыңыз.",
		core.English: "Write your answer. It goes to the police station without your name or phone. If you are in danger, call 102.",
	},
	AnswerSent: {
		core.Russian: "Спасибо, ваш ответ передан в пункт полиции.",
		core.Kazakh:  "Рахмет, жауабыңыз полиция пунктіне жіберілді.",
		core.English: "Thank you, your answer was passed to the police station.",
	},
	AnswerClosed: {
		core.Russian: "На это оповещение больше нельзя ответить: его отменили или вы больше не получаете оповещения этого участка. Ответ не отправлен.",
		core.Kazakh:  "Бұл хабарландыруға енді жауап беру мүмкін емес: ол тоқтатылды немесе сіз бұл учаскенің хабарландыруларын енді алмайсыз. Жауап жіберілмеді.",
		core.English: "This notice can no longer be answered: it was cancelled, or you no longer receive alerts for its district. Your answer was not sent.",
	},
	AnswerForward: {
		core.Russian: "✉️ Ответ на оповещение №%d («%s») от жителя участка %s:\n\n%s",
		core.Kazakh:  "✉️ №%d хабарландыруға («%s») %s учаскесінің тұрғынынан жауап:\n\n%s",
		core.English: "✉️ Answer to notice #%d (“%s”) from a resident of %s:\n\n%s",
	},
	UnknownDistrict: {
		core.Russian: "(участок неизвестен)",
		core.Kazakh:  "(учаскесі белгісіз)",
		core.English: "(district unknown)",
	},
	NoticeReport: {
		core.Russian: "Отчёт о доставке оповещения №%d: доставлено — %d, недоступны (заблокировали бота) — %d, не удалось — %d.",
		core.Kazakh:  "№%d хабарландыруды жеткізу есебі: жеткізілді — %d, қолжетімсіз (ботты бұғаттаған) — %d, сәтсіз — %d.",
		core.English: "Delivery report for notice #%d: delivered %d, unreachable (blocked the bot) %d, failed %d.",
	},
	NoticeNoRecipients: {
		core.Russian: "Оповещение №%d никому не отправлено: на эти участки пока никто не подписан.",
		core.Kazakh:  "№%d хабарландыру ешкімге жіберілмеді: бұл учаскелерге әзірге ешкім жазылмаған.",
		core.English: "Notice #%d reached no one: nobody has subscribed to those districts yet.",
	},
}
