package main

import (
	"path/filepath"
	"testing"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
	"github.com/go-telegram/bot/models"
)

// TestEndToEndForget: through the real bot on the Bot API emulator, a
// resident reports in Kazakh with their name, asks what is stored
// (/mydata), and has it deleted (/forget). The inspector is told; the
// resident has nothing left to delete; and once the bot has stopped, no
// record of the data file holds their id, name or words.
func TestEndToEndForget(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	srv.AddChat(models.Chat{ID: dutyChatP1, Type: models.ChatTypeSupergroup, Title: "Duty desk"})
	data := filepath.Join(t.TempDir(), "beatbot.db")
	bot := startBot(t, srv, data, nil)

	insp := newResident(t, srv, inspectorD02, "ru")
	onboardRu(t, insp)
	res := &resident{t: t, srv: srv, user: models.User{ID: 7770001234, FirstName: "Бақыт", LastName: "Ұмытылған", LanguageCode: "kk"}}
	mustSay(t, reportKk(t, res, false), "KRG-0001 өтінішіңіз тіркелді")
	mustSay(t, insp.expect(2), "KRG-0001", "Бақыт Ұмытылған")

	mustSay(t, res.say("/mydata", 1), "Бот сіз туралы сақтайтынның бәрі", "KRG-0001", "Көршінің есігі ашық тұр",
		"Полицияға көрінетін атыңыз: Бақыт Ұмытылған")
	confirm := res.say("/forget", 1)
	mustSay(t, confirm, "Бот сіз туралы сақтайтынның бәрін өшіру керек пе?")
	mustSay(t, res.press(confirm[0], "🗑 Иә, өшіру", 1), "Дайын", "Өтініштер (1) статистика үшін қалды")
	mustSay(t, insp.expect(1), "Автор обращения KRG-0001 попросил удалить свои данные")
	// Asking again finds nothing, and stores nothing.
	mustSay(t, res.say("/forget", 1), "Бот сіз туралы өшіруге болатын ештеңе сақтамайды")

	bot.stop(t)
	db := storagetest.MustOpenPath(t, data, storage.Options{})
	storagetest.MustNotFind(t, db, "7770001234", "Бақыт", "Ұмытылған", "Көршінің есігі ашық тұр")
}
