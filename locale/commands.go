package locale

import "github.com/beatbot-kz/beatbot/core"

// Command is a bot command with its description, for the messenger's
// command menu.
type Command struct {
	Name        string
	Description Key
}

// Descriptions of the commands shown in the messenger's command menu.
const (
	CmdStart    Key = "cmd.start"
	CmdMenu     Key = "cmd.menu"
	CmdLanguage Key = "cmd.language"
	CmdPrivacy  Key = "cmd.privacy"
	CmdHelp     Key = "cmd.help"
	CmdCancel   Key = "cmd.cancel"
	CmdStop     Key = "cmd.stop"
)

// Commands lists the commands every flow understands, in menu order.
var Commands = []Command{
	{"start", CmdStart},
	{"menu", CmdMenu},
	{"language", CmdLanguage},
	{"privacy", CmdPrivacy},
	{"mydata", CmdMyData},
	{"forget", CmdForget},
	{"help", CmdHelp},
	{"cancel", CmdCancel},
	{"stop", CmdStop},
}

var commandTexts = map[Key]core.Text{
	CmdStart:    {core.Russian: "Начать", core.Kazakh: "Бастау", core.English: "Start"},
	CmdMenu:     {core.Russian: "Главное меню", core.Kazakh: "Басты мәзір", core.English: "Main menu"},
	CmdLanguage: {core.Russian: "Сменить язык", core.Kazakh: "Тілді ауыстыру", core.English: "Change language"},
	CmdPrivacy:  {core.Russian: "Ваши данные и согласие", core.Kazakh: "Деректеріңіз және келісім", core.English: "Your data and consent"},
	CmdHelp:     {core.Russian: "Помощь", core.Kazakh: "Анықтама", core.English: "Help"},
	CmdCancel:   {core.Russian: "Отменить", core.Kazakh: "Тоқтату", core.English: "Cancel"},
	CmdStop:     {core.Russian: "Отписаться от всех оповещений", core.Kazakh: "Барлық хабарландырулардан шығу", core.English: "Stop all alerts"},
}
