package locale

import "github.com/beatbot-kz/beatbot/core"

// Keys of a messenger's own controls, where the bot has to label them
// itself (WhatsApp's list messages).
const (
	// ChooseButton opens a list of choices: at most 20 characters.
	ChooseButton Key = "messenger.choose_button"
	// ChooseBelow is the body of choices sent without a text of their own.
	ChooseBelow Key = "messenger.choose_below"
	// MorePage heads a further page of choices; it takes the page and
	// the number of pages.
	MorePage Key = "messenger.more_page"
	// PhotoElsewhere stands for a photo sent through another messenger,
	// which this one cannot show.
	PhotoElsewhere Key = "messenger.photo_elsewhere"
)

var messengerTexts = map[Key]core.Text{
	ChooseButton: {core.Russian: "Выбрать", core.Kazakh: "Таңдау", core.English: "Choose"},
	ChooseBelow: {
		core.Russian: "Выберите вариант:",
		core.Kazakh:  "Нұсқаны таңдаңыз:",
		core.English: "Choose an option:",
	},
	MorePage: {
		core.Russian: "Ещё варианты (%d/%d):",
		core.Kazakh:  "Тағы нұсқалар (%d/%d):",
		core.English: "More options (%d/%d):",
	},
	PhotoElsewhere: {
		core.Russian: "📷 К сообщению приложено фото в другом мессенджере; здесь его показать нельзя.",
		core.Kazakh:  "📷 Хабарламаға басқа мессенджерде фото тіркелген; оны мұнда көрсету мүмкін емес.",
		core.English: "📷 A photo came with this through another messenger; it cannot be shown here.",
	},
}
