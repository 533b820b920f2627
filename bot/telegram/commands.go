package telegram

import (
	"context"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// setCommands publishes the command menu in each language, and in Russian
// for clients in any other language. Failure only costs the menu, so it is
// logged, not returned.
func (t *Telegram) setCommands(ctx context.Context) {
	for _, lang := range append([]core.Lang{""}, core.Langs...) {
		var cmds []models.BotCommand
		for _, c := range locale.Commands {
			cmds = append(cmds, models.BotCommand{Command: c.Name, Description: locale.T(lang, c.Description)})
		}
		if _, err := t.bot.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: cmds, LanguageCode: string(lang)}); err != nil {
			if ctx.Err() == nil {
				t.log.Warn().Err(t.redact(err)).Str("lang", string(lang)).Msg("set command menu")
			}
			return
		}
	}
}
