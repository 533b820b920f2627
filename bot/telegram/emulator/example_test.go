package emulator_test

import (
	"context"
	"fmt"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
)

// A polling bot answers a resident's /start with a keyboard; the test plays
// the resident and reads what the bot sent.
func Example() {
	srv := emulator.New("123456:TEST")
	defer srv.Close()

	b, err := bot.New(srv.Token(), bot.WithServerURL(srv.URL()),
		bot.WithDefaultHandler(func(ctx context.Context, b *bot.Bot, u *models.Update) {
			if u.Message == nil {
				return
			}
			_, _ = b.SendMessage(ctx, &bot.SendMessageParams{
				ChatID: u.Message.Chat.ID,
				Text:   "Hello, " + u.Message.From.FirstName + "! Where is the problem?",
				ReplyMarkup: models.ReplyKeyboardMarkup{
					Keyboard: [][]models.KeyboardButton{{{Text: "Send location", RequestLocation: true}}},
				},
			})
		}))
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	polling, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { b.Start(polling); close(done) }()
	defer func() { stop(); <-done }()

	resident := models.User{ID: 42, FirstName: "Aigerim"}
	srv.SendText(resident.ID, resident, "/start")

	sent, err := srv.WaitSent(ctx, resident.ID, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	button := sent[0].ReplyMarkup.Keyboard[0][0]
	fmt.Println(sent[0].Text)
	fmt.Println(button.Text, button.RequestLocation)
	// Output:
	// Hello, Aigerim! Where is the problem?
	// Send location true
}
