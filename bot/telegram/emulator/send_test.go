package emulator_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

func TestSendMessageKeyboards(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := testCtx(t)

	inline := &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{
		{{Text: "Almaty", CallbackData: "city:1"}, {Text: "Astana", CallbackData: "city:2"}},
		{{Text: "Site", URL: "https://example.org"}},
	}}
	first, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: alice.ID, Text: "Choose a city", ReplyMarkup: inline})
	if err != nil {
		t.Fatalf("send inline: %v", err)
	}
	if first.ID == 0 || first.Date == 0 || first.Chat.ID != alice.ID || first.Chat.Type != models.ChatTypePrivate {
		t.Errorf("got message %+v, want id, date and private chat %d", first, alice.ID)
	}
	if first.From == nil || !first.From.IsBot || first.ReplyMarkup == nil || len(first.ReplyMarkup.InlineKeyboard) != 2 {
		t.Errorf("got from %+v markup %+v, want the bot and the inline keyboard echoed", first.From, first.ReplyMarkup)
	}

	reply := models.ReplyKeyboardMarkup{
		Keyboard:        [][]models.KeyboardButton{{{Text: "Share location", RequestLocation: true}}},
		ResizeKeyboard:  true,
		OneTimeKeyboard: true,
	}
	second, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: alice.ID, Text: "Where are you?", ReplyMarkup: reply})
	if err != nil {
		t.Fatalf("send reply keyboard: %v", err)
	}
	if second.ID != first.ID+1 || second.ReplyMarkup != nil {
		t.Errorf("got id %d markup %+v, want id %d and no echoed reply keyboard", second.ID, second.ReplyMarkup, first.ID+1)
	}
	third, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: alice.ID, Text: "Thanks", ReplyMarkup: &models.ReplyKeyboardRemove{RemoveKeyboard: true}})
	if err != nil {
		t.Fatalf("send remove keyboard: %v", err)
	}

	sent := srv.Sent(alice.ID)
	if len(sent) != 3 {
		t.Fatalf("got %d sent messages, want 3", len(sent))
	}
	btn, ok := sent[0].ReplyMarkup.InlineButton("Astana")
	if !ok || btn.CallbackData != "city:2" || sent[0].Text != "Choose a city" || sent[0].MessageID != first.ID {
		t.Errorf("got %+v button %+v, want text, id %d and Astana → city:2", sent[0], btn, first.ID)
	}
	if got := sent[0].ReplyMarkup.InlineKeyboard[1][0].URL; got != "https://example.org" {
		t.Errorf("got url %q, want https://example.org", got)
	}
	kb := sent[1].ReplyMarkup
	if kb == nil || len(kb.Keyboard) != 1 || !kb.Keyboard[0][0].RequestLocation || kb.Keyboard[0][0].Text != "Share location" || !kb.OneTimeKeyboard {
		t.Errorf("got reply keyboard %+v, want one request_location button", kb)
	}
	if sent[2].ReplyMarkup == nil || !sent[2].ReplyMarkup.RemoveKeyboard || sent[2].MessageID != third.ID {
		t.Errorf("got %+v, want remove_keyboard", sent[2])
	}
	if got := srv.Sent(alice.ID + 1); len(got) != 0 {
		t.Errorf("got %d messages in another chat, want 0", len(got))
	}
}

func TestSendMessageValidation(t *testing.T) {
	group := int64(-4001)
	button := func(data string) *models.InlineKeyboardMarkup {
		return &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "x", CallbackData: data}}}}
	}
	tests := []struct {
		name   string
		params bot.SendMessageParams
		want   string // "" for success, else a part of the error
	}{
		{"plain", bot.SendMessageParams{ChatID: alice.ID, Text: "hi"}, ""},
		{"empty text", bot.SendMessageParams{ChatID: alice.ID, Text: ""}, "message text is empty"},
		{"blank text", bot.SendMessageParams{ChatID: alice.ID, Text: " \n "}, "message text is empty"},
		{"4096 ASCII", bot.SendMessageParams{ChatID: alice.ID, Text: strings.Repeat("a", 4096)}, ""},
		{"4097 ASCII", bot.SendMessageParams{ChatID: alice.ID, Text: strings.Repeat("a", 4097)}, "message is too long"},
		{"4096 Cyrillic", bot.SendMessageParams{ChatID: alice.ID, Text: strings.Repeat("ж", 4096)}, ""},
		{"2049 emoji", bot.SendMessageParams{ChatID: alice.ID, Text: strings.Repeat("🚓", 2049)}, "message is too long"},
		{"no chat", bot.SendMessageParams{Text: "hi"}, "chat_id is empty"},
		{"channel name", bot.SendMessageParams{ChatID: "@nowhere", Text: "hi"}, "chat not found"},
		{"64-byte data", bot.SendMessageParams{ChatID: alice.ID, Text: "hi", ReplyMarkup: button(strings.Repeat("d", 64))}, ""},
		{"65-byte data", bot.SendMessageParams{ChatID: alice.ID, Text: "hi", ReplyMarkup: button(strings.Repeat("d", 65))}, "BUTTON_DATA_INVALID"},
		{"33 Cyrillic letters", bot.SendMessageParams{ChatID: alice.ID, Text: "hi", ReplyMarkup: button(strings.Repeat("д", 33))}, "BUTTON_DATA_INVALID"},
		{"text-only inline button", bot.SendMessageParams{ChatID: alice.ID, Text: "hi", ReplyMarkup: button("")}, "Text buttons are unallowed"},
		{"location in group", bot.SendMessageParams{ChatID: group, Text: "hi", ReplyMarkup: models.ReplyKeyboardMarkup{
			Keyboard: [][]models.KeyboardButton{{{Text: "Here", RequestLocation: true}}}}}, "private chats only"},
	}
	srv := newServer(t)
	b := newBot(t, srv)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := b.SendMessage(testCtx(t), &tt.params)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("got %v, want success", err)
				}
				return
			}
			if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want a bad request with %q", err, tt.want)
			}
		})
	}
}

func TestSendPlacesAndPhoto(t *testing.T) {
	srv := newServer(t)
	b := newBot(t, srv)
	ctx := testCtx(t)

	if _, err := b.SendLocation(ctx, &bot.SendLocationParams{ChatID: alice.ID, Latitude: 43.238, Longitude: 76.945}); err != nil {
		t.Fatalf("send location: %v", err)
	}
	venue, err := b.SendVenue(ctx, &bot.SendVenueParams{ChatID: alice.ID, Latitude: 43.25, Longitude: 76.92,
		Title: "Precinct 5", Address: "Abay 10"})
	if err != nil {
		t.Fatalf("send venue: %v", err)
	}
	if venue.Venue == nil || venue.Location == nil || venue.Venue.Title != "Precinct 5" {
		t.Errorf("got venue message %+v, want venue and location", venue)
	}
	png := pngBytes(t, 640, 480)
	photo, err := b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: alice.ID, Caption: "Map",
		Photo: &models.InputFileUpload{Filename: "map.png", Data: bytes.NewReader(png)}})
	if err != nil {
		t.Fatalf("send photo: %v", err)
	}
	if len(photo.Photo) == 0 || photo.Caption != "Map" {
		t.Fatalf("got photo message %+v, want sizes and caption", photo)
	}
	fileID := photo.Photo[len(photo.Photo)-1].FileID
	again, err := b.SendPhoto(ctx, &bot.SendPhotoParams{ChatID: alice.ID, Photo: &models.InputFileString{Data: fileID}})
	if err != nil {
		t.Fatalf("resend photo by file_id: %v", err)
	}

	sent := srv.Sent(alice.ID)
	if len(sent) != 4 {
		t.Fatalf("got %d sent, want 4", len(sent))
	}
	if sent[0].Method != "sendLocation" || sent[0].Location == nil || sent[0].Location.Latitude != 43.238 {
		t.Errorf("got %+v, want the location", sent[0])
	}
	if sent[1].Method != "sendVenue" || sent[1].Venue == nil || sent[1].Venue.Address != "Abay 10" {
		t.Errorf("got %+v, want the venue", sent[1])
	}
	if sent[2].Photo != fileID || sent[2].Text != "Map" || sent[3].Photo != fileID || again.Photo[len(again.Photo)-1].FileID != fileID {
		t.Errorf("got %+v and %+v, want file_id %s for both", sent[2], sent[3], fileID)
	}
	for _, c := range srv.Calls() {
		if c.Method == "sendPhoto" && c.Files["photo"].Filename == "map.png" && bytes.Equal(c.Files["photo"].Data, png) {
			return
		}
	}
	t.Errorf("no sendPhoto call recorded the uploaded file")
}
