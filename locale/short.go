package locale

import (
	"sync"

	"github.com/beatbot-kz/beatbot/core"
)

// MaxShort is the longest short label: WhatsApp's reply-button titles.
const MaxShort = 20

// shortTexts are button labels in at most MaxShort characters, for
// messengers whose buttons are that short (WhatsApp). A label that fits
// already has none. They are written, not cut: a cut word reads badly.
var shortTexts = map[Key]core.Text{
	MenuFind:          {core.Russian: "👮 Мой участковый", core.Kazakh: "👮 Учаскелігім", core.English: "👮 My inspector"},
	MenuReport:        {core.Russian: "📝 Сообщить", core.Kazakh: "📝 Хабарлау", core.English: "📝 Report a concern"},
	MenuPoll:          {core.Russian: "📋 Опрос", core.Kazakh: "📋 Сауалнама", core.English: "📋 Safety poll"},
	SubscribeButton:   {core.Russian: "🔔 Подписаться", core.Kazakh: "🔔 Жазылу", core.English: "🔔 Subscribe"},
	FindShareLocation: {core.Russian: "📍 Геолокация", core.Kazakh: "📍 Геолокация", core.English: "📍 My location"},
	NoticeAtButton:    {core.Russian: "📅 В своё время", core.Kazakh: "📅 Белгілі уақытта", core.English: "📅 At a set time"},
	PollChangeButton:  {core.Russian: "✏️ Изменить ответы", core.Kazakh: "✏️ Өзгерту", core.English: "✏️ Change answers"},
	PollKeepButton:    {core.Russian: "Оставить как было", core.Kazakh: "Бұрынғыдай қалдыру", core.English: "Keep my answer"},
	TkRemind:          {core.Russian: "🔔 Напомнить", core.Kazakh: "🔔 Еске салу", core.English: "🔔 Remind"},
	TkReassign:        {core.Russian: "👤 Сотруднику", core.Kazakh: "👤 Қызметкерге", core.English: "👤 Reassign"},
	TkBlock:           {core.Russian: "🚫 Блокировать", core.Kazakh: "🚫 Бұғаттау", core.English: "🚫 Block"},
}

var (
	shortOnce  sync.Once
	shortIndex map[string]string
)

// Short returns the short label for a button label from the catalog, or ""
// when it has none (it is short already, or not a catalog text).
func Short(label string) string {
	shortOnce.Do(func() {
		shortIndex = map[string]string{}
		for k, t := range shortTexts {
			for l, s := range t {
				shortIndex[catalog[k].In(l)] = s
			}
		}
	})
	return shortIndex[label]
}
