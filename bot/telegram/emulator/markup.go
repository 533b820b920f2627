package emulator

import (
	"encoding/json"

	"github.com/go-telegram/bot/models"
)

// ReplyMarkup is a decoded reply_markup. Exactly one kind is set, as the
// API allows: an inline keyboard, a reply keyboard, a keyboard removal or a
// forced reply.
type ReplyMarkup struct {
	// InlineKeyboard holds the rows of inline buttons.
	InlineKeyboard [][]models.InlineKeyboardButton `json:"inline_keyboard,omitempty"`
	// Keyboard holds the rows of a reply keyboard.
	Keyboard [][]models.KeyboardButton `json:"keyboard,omitempty"`
	// IsPersistent, ResizeKeyboard, OneTimeKeyboard and
	// InputFieldPlaceholder are the reply keyboard's options.
	IsPersistent          bool   `json:"is_persistent,omitempty"`
	ResizeKeyboard        bool   `json:"resize_keyboard,omitempty"`
	OneTimeKeyboard       bool   `json:"one_time_keyboard,omitempty"`
	InputFieldPlaceholder string `json:"input_field_placeholder,omitempty"`
	// RemoveKeyboard asks the client to hide the current reply keyboard.
	RemoveKeyboard bool `json:"remove_keyboard,omitempty"`
	// ForceReply asks the client to reply to the message.
	ForceReply bool `json:"force_reply,omitempty"`
	// Selective limits the markup to the mentioned or replied-to users.
	Selective bool `json:"selective,omitempty"`
}

// InlineButton finds the inline button labelled text, so a test can press
// it with its callback data.
func (m *ReplyMarkup) InlineButton(text string) (models.InlineKeyboardButton, bool) {
	if m == nil {
		return models.InlineKeyboardButton{}, false
	}
	for _, row := range m.InlineKeyboard {
		for _, b := range row {
			if b.Text == text {
				return b, true
			}
		}
	}
	return models.InlineKeyboardButton{}, false
}

// inlineButtonCheck sees which actions a button really carries: pointers
// tell a missing field from an empty one.
type inlineButtonCheck struct {
	Text                         string                 `json:"text"`
	URL                          *string                `json:"url"`
	CallbackData                 *string                `json:"callback_data"`
	WebApp                       json.RawMessage        `json:"web_app"`
	LoginURL                     json.RawMessage        `json:"login_url"`
	SwitchInlineQuery            *string                `json:"switch_inline_query"`
	SwitchInlineQueryCurrentChat *string                `json:"switch_inline_query_current_chat"`
	SwitchInlineQueryChosenChat  json.RawMessage        `json:"switch_inline_query_chosen_chat"`
	CopyText                     *models.CopyTextButton `json:"copy_text"`
	CallbackGame                 json.RawMessage        `json:"callback_game"`
	Pay                          bool                   `json:"pay"`
}

// actions counts the button's actions. An empty copy_text does not count:
// go-telegram/bot sends `"copy_text":{"text":""}` on every inline button.
func (b inlineButtonCheck) actions() int {
	n := 0
	for _, present := range []bool{
		b.URL != nil, b.CallbackData != nil, b.WebApp != nil, b.LoginURL != nil,
		b.SwitchInlineQuery != nil, b.SwitchInlineQueryCurrentChat != nil,
		b.SwitchInlineQueryChosenChat != nil, b.CopyText != nil && b.CopyText.Text != "",
		b.CallbackGame != nil, b.Pay,
	} {
		if present {
			n++
		}
	}
	return n
}

// parseMarkup decodes and checks reply_markup for a message in chat. It
// returns the decoded view and the inline keyboard Telegram echoes in the
// sent message (only inline keyboards are echoed).
func parseMarkup(raw string, chat models.Chat) (*ReplyMarkup, *models.InlineKeyboardMarkup, *apiError) {
	if raw == "" || raw == "null" {
		return nil, nil, nil
	}
	var m ReplyMarkup
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		return nil, nil, badRequest(descMarkupJSON)
	}
	var check struct {
		InlineKeyboard [][]inlineButtonCheck `json:"inline_keyboard"`
	}
	if err := json.Unmarshal([]byte(raw), &check); err != nil {
		return nil, nil, badRequest(descMarkupJSON)
	}
	for _, row := range check.InlineKeyboard {
		for _, b := range row {
			if b.actions() == 0 {
				return nil, nil, badRequest(descTextButtons)
			}
			if b.CallbackData != nil && (len(*b.CallbackData) == 0 || len(*b.CallbackData) > 64) {
				return nil, nil, badRequest(descButtonData)
			}
		}
	}
	for _, row := range m.Keyboard {
		for _, b := range row {
			if b.RequestLocation && chat.Type != models.ChatTypePrivate {
				return nil, nil, badRequest(descLocationPrivate)
			}
		}
	}
	if m.InlineKeyboard == nil && m.Keyboard == nil && !m.RemoveKeyboard && !m.ForceReply {
		return nil, nil, badRequest(descMarkupJSON)
	}
	var inline *models.InlineKeyboardMarkup
	if len(m.InlineKeyboard) > 0 {
		inline = &models.InlineKeyboardMarkup{InlineKeyboard: m.InlineKeyboard}
	}
	return &m, inline, nil
}

// sameMarkup reports whether two echoed inline keyboards are equal, for the
// "message is not modified" check.
func sameMarkup(a, b *models.InlineKeyboardMarkup) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}
