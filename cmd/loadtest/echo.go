package main

import (
	"context"
	"fmt"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// echoToken is the baseline bot's token.
const echoToken = "1000000003:loadtest-echo-token"

// measureEcho runs a bare echo bot on the same library against its own
// emulator, with as many updates as the beatbot run: the fastest a bot
// on this stack can answer on this machine.
func measureEcho(ctx context.Context, o options) (result, error) {
	srv := emulator.New(echoToken)
	defer srv.Close()
	b, err := bot.New(echoToken, bot.WithServerURL(srv.URL()), bot.WithDefaultHandler(func(ctx context.Context, b *bot.Bot, u *models.Update) {
		if u.Message != nil {
			_, _ = b.SendMessage(ctx, &bot.SendMessageParams{ChatID: u.Message.Chat.ID, Text: u.Message.Text})
		}
	}))
	if err != nil {
		return result{}, fmt.Errorf("echo bot: %w", err)
	}
	bctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go b.Start(bctx)
	steps := make([]step, len(conversation))
	for i := range steps {
		steps[i] = step{func(s *emulator.Server, c int64, u models.User, _ int) int64 { return s.SendText(c, u, "echo") }, 1}
	}
	lat, elapsed, errs := drive(ctx, srv, o.residents, o.concurrency, steps, 0)
	return summarize(lat, elapsed, errs), nil
}
