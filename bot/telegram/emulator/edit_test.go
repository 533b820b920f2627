package emulator_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

func TestEditAndDelete(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := testCtx(t)
	kb := &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "Yes", CallbackData: "yes"}}}}
	msg, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: alice.ID, Text: "Confirm?", ReplyMarkup: kb})
	if err != nil {
		t.Fatalf("send: %v", err)
	}

	steps := []struct {
		name string
		do   func() error
		want string // "" for success
	}{
		{"same text and keyboard", func() error {
			_, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: alice.ID, MessageID: msg.ID, Text: "Confirm?", ReplyMarkup: kb})
			return err
		}, "message is not modified"},
		{"new text drops keyboard", func() error {
			_, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: alice.ID, MessageID: msg.ID, Text: "Confirmed"})
			return err
		}, ""},
		{"keyboard back", func() error {
			_, err := b.EditMessageReplyMarkup(ctx, &bot.EditMessageReplyMarkupParams{ChatID: alice.ID, MessageID: msg.ID, ReplyMarkup: kb})
			return err
		}, ""},
		{"unknown message", func() error {
			_, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: alice.ID, MessageID: msg.ID + 10, Text: "x"})
			return err
		}, "message to edit not found"},
		{"delete", func() error {
			_, err := b.DeleteMessage(ctx, &bot.DeleteMessageParams{ChatID: alice.ID, MessageID: msg.ID})
			return err
		}, ""},
		{"delete again", func() error {
			_, err := b.DeleteMessage(ctx, &bot.DeleteMessageParams{ChatID: alice.ID, MessageID: msg.ID})
			return err
		}, "message to delete not found"},
		{"edit deleted", func() error {
			_, err := b.EditMessageText(ctx, &bot.EditMessageTextParams{ChatID: alice.ID, MessageID: msg.ID, Text: "x"})
			return err
		}, "message to edit not found"},
	}
	for _, st := range steps {
		err := st.do()
		switch {
		case st.want == "" && err != nil:
			t.Fatalf("%s: got %v, want success", st.name, err)
		case st.want != "" && (!errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), st.want)):
			t.Fatalf("%s: got %v, want a bad request with %q", st.name, err, st.want)
		}
	}

	edits := srv.Edits(alice.ID)
	var methods []string
	for _, e := range edits {
		methods = append(methods, e.Method)
	}
	if got, want := strings.Join(methods, ","), "editMessageText,editMessageReplyMarkup,deleteMessage"; got != want {
		t.Errorf("got edits %s, want %s", got, want)
	}
	if edits[0].Text != "Confirmed" || edits[0].ReplyMarkup != nil {
		t.Errorf("got first edit %+v, want new text without keyboard", edits[0])
	}
	if _, ok := srv.Message(alice.ID, msg.ID); ok {
		t.Errorf("deleted message still readable")
	}
	if got := srv.Sent(alice.ID); len(got) != 1 || got[0].Text != "Confirm?" {
		t.Errorf("got sent %+v, want the original message only", got)
	}
}

func TestEditUsersMessage(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	srv.SendText(alice.ID, alice, "hello")
	_, err := b.EditMessageText(testCtx(t), &bot.EditMessageTextParams{ChatID: alice.ID, MessageID: 1, Text: "changed"})
	if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), "message can't be edited") {
		t.Fatalf("got %v, want message can't be edited", err)
	}
}

func TestBlockedChat(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	srv.SetBlocked(alice.ID, true)
	_, err := b.SendMessage(testCtx(t), &bot.SendMessageParams{ChatID: alice.ID, Text: "hi"})
	if !errors.Is(err, bot.ErrorForbidden) || !strings.Contains(err.Error(), "blocked") {
		t.Fatalf("got %v, want forbidden: bot was blocked", err)
	}
	srv.SetBlocked(alice.ID, false)
	if _, err := b.SendMessage(testCtx(t), &bot.SendMessageParams{ChatID: alice.ID, Text: "hi"}); err != nil {
		t.Fatalf("after unblocking: %v", err)
	}
}

func TestCommandsAndChatAction(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := testCtx(t)
	cmds := []models.BotCommand{{Command: "start", Description: "Start"}, {Command: "report", Description: "Report a problem"}}
	if _, err := b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: cmds, LanguageCode: "ru"}); err != nil {
		t.Fatalf("set commands: %v", err)
	}
	if got := srv.Commands("ru"); len(got) != 2 || got[1].Command != "report" {
		t.Errorf("got %+v, want the two commands", got)
	}
	if got := srv.Commands(""); len(got) != 0 {
		t.Errorf("got %+v for all languages, want none", got)
	}
	_, err := b.SetMyCommands(ctx, &bot.SetMyCommandsParams{Commands: []models.BotCommand{{Command: "Start!", Description: "x"}}})
	if !errors.Is(err, bot.ErrorBadRequest) {
		t.Errorf("got %v, want bad request for an invalid command", err)
	}
	if _, err := b.SendChatAction(ctx, &bot.SendChatActionParams{ChatID: alice.ID, Action: models.ChatActionTyping}); err != nil {
		t.Errorf("chat action: %v", err)
	}
	if _, err := b.SendChatAction(ctx, &bot.SendChatActionParams{ChatID: alice.ID, Action: "dancing"}); !errors.Is(err, bot.ErrorBadRequest) {
		t.Errorf("got %v, want bad request for an unknown action", err)
	}
}
