package locale

import "github.com/beatbot-kz/beatbot/core"

// Keys of help, cancelling, and answers to input the bot cannot use.
const (
	Help      Key = "help"
	Cancelled Key = "cancelled"
	// UnknownCommand takes the command.
	UnknownCommand Key = "input.unknown_command"
	Unsupported    Key = "input.unsupported"
	EmptyText      Key = "input.empty"
	// TooLong takes the length and the limit.
	TooLong     Key = "input.too_long"
	StaleButton Key = "input.stale_button"
	// TooManyMessages answers a chat over its message rate limit, once.
	TooManyMessages Key = "input.too_many"
	ErrorGeneric    Key = "error.generic"
)

var inputTexts = map[Key]core.Text{
	TooManyMessages: {
		core.Russian: "Слишком много сообщений подряд. Подождите минуту. Если вам угрожает опасность, звоните 102.",
		core.Kazakh:  "Қатарынан тым көп хабарлама. Бір минут күтіңіз. Қауіп төнсе, 102-ге қоңырау шалыңыз.",
		core.English: "Too many messages in a row. Please wait a minute. If you are in danger, call 102.",
	},
	Help: {
		core.Russian: "Я помогаю связаться с вашим участковым инспектором.\n\n" +
			"/menu — меню\n/language — сменить язык\n/privacy — ваши данные и согласие\n/mydata — что бот хранит о вас\n/forget — удалить ваши данные\n/stop — отписаться от всех оповещений\n/cancel — отменить текущее действие\n\n" +
			"Чтобы найти участкового, отправьте геолокацию или напишите адрес.",
		core.Kazakh: "Мен учаскелік полиция инспекторыңызбен байланысуға көмектесемін.\n\n" +
			"/menu — мәзір\n/language — тілді ауыстыру\n/privacy — деректеріңіз және келісім\n/mydata — бот сіз туралы не сақтайды\n/forget — деректеріңізді өшіру\n/stop — барлық хабарландырулардан шығу\n/cancel — ағымдағы әрекетті тоқтату\n\n" +
			"Учаскелік инспекторды табу үшін геолокацияны жіберіңіз немесе мекенжайды жазыңыз.",
		core.English: "I help you get in touch with your district inspector.\n\n" +
			"/menu — the menu\n/language — change language\n/privacy — your data and consent\n/mydata — what the bot stores about you\n/forget — delete your data\n/stop — stop all alerts\n/cancel — cancel what you are doing\n\n" +
			"To find your district inspector, share your location or type an address.",
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
		core.Kazakh:  "Мұндай хабарламаларды оқымаймын. Мәтінмен жазыңыз, геолокацияны жіберіңіз немесе батырманы басыңыз.",
		core.English: "I can't read that kind of message. Please write text, share a location or press a button.",
	},
	EmptyText: {
		core.Russian: "Сообщение пустое. Напишите текст или нажмите кнопку.",
		core.Kazakh:  "Хабарлама бос. Мәтін жазыңыз немесе батырманы басыңыз.",
		core.English: "The message is empty. Please write some text or press a button.",
	},
	TooLong: {
		// "%d символов" would need the count's plural form (4101 символ,
		// 4102 символа), so the noun follows the limit, core.MaxTextLen = 4096.
		core.Russian: "Сообщение слишком длинное: %d, а можно не больше %d символов.",
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
