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
// emulator, with as many updates as the beatbot run (updates, spread
// evenly over the residents): the fastest a bot on this stack can answer
// on this machine.
func measureEcho(ctx context.Context, o options, updates int) (result, error) {
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
	steps := make([]step, max(1, (updates+o.residents/2)/o.residents))
	for i := range steps {
		steps[i] = step{send: say("echo"), replies: 1}
	}
	l := &load{srv: srv, r: newRouter(srv), residents: o.residents, concurrency: o.concurrency, steps: steps, timeout: replyTimeout, pace: pace(o.rate)}
	t := l.drive(ctx)
	return summarize(t.latencies, t.elapsed, t.errors), nil
}
