package emulator

import (
	"github.com/go-telegram/bot/models"
)

// editableLocked finds the message an edit or delete call names. notFound
// is the description Telegram uses for that method.
func (s *Server) editableLocked(p params, notFound string) (*chatState, *storedMessage, *apiError) {
	if p.has("inline_message_id") {
		// Inline mode is not emulated: no inline message ids exist.
		return nil, nil, badRequest("MESSAGE_ID_INVALID")
	}
	chatID, apiErr := p.chatID()
	if apiErr != nil {
		return nil, nil, apiErr
	}
	id := p.int("message_id")
	if id == 0 {
		return nil, nil, badRequest("message identifier is not specified")
	}
	c, ok := s.chats.byID[chatID]
	if !ok {
		return nil, nil, badRequest(notFound)
	}
	m, ok := c.liveLocked(id)
	if !ok {
		return nil, nil, badRequest(notFound)
	}
	return c, m, nil
}

// editMarkupLocked reads the new reply_markup of an edit: only an inline
// keyboard, or none, which removes the current one.
func editMarkupLocked(p params, c *chatState) (*ReplyMarkup, *models.InlineKeyboardMarkup, *apiError) {
	markup, inline, apiErr := parseMarkup(p["reply_markup"], c.chat)
	if apiErr != nil {
		return nil, nil, apiErr
	}
	if markup != nil && markup.InlineKeyboard == nil {
		return nil, nil, badRequest("inline keyboard expected")
	}
	return markup, inline, nil
}

func (s *Server) editMessageText(req *request) (any, *apiError) {
	p := req.params
	if apiErr := checkText(p["text"]); apiErr != nil {
		return nil, apiErr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, m, apiErr := s.editableLocked(p, descEditNotFound)
	if apiErr != nil {
		return nil, apiErr
	}
	if m.msg.From == nil || m.msg.From.ID != s.me.ID {
		return nil, badRequest(descCantEdit)
	}
	if m.msg.Text == "" {
		return nil, badRequest(descNoTextToEdit)
	}
	markup, inline, apiErr := editMarkupLocked(p, c)
	if apiErr != nil {
		return nil, apiErr
	}
	if m.msg.Text == p["text"] && sameMarkup(m.msg.ReplyMarkup, inline) {
		return nil, badRequest(descNotModified)
	}
	m.msg.Text, m.msg.Entities = p["text"], nil
	m.msg.ReplyMarkup = inline
	m.msg.EditDate = int(s.now().Unix())
	s.addSentLocked(Sent{Method: "editMessageText", ChatID: c.chat.ID, MessageID: m.msg.ID,
		Text: p["text"], ParseMode: p["parse_mode"], ReplyMarkup: markup, At: s.now()})
	return m.msg, nil
}

func (s *Server) editMessageReplyMarkup(req *request) (any, *apiError) {
	p := req.params
	s.mu.Lock()
	defer s.mu.Unlock()
	c, m, apiErr := s.editableLocked(p, descEditNotFound)
	if apiErr != nil {
		return nil, apiErr
	}
	if m.msg.From == nil || m.msg.From.ID != s.me.ID {
		return nil, badRequest(descCantEdit)
	}
	markup, inline, apiErr := editMarkupLocked(p, c)
	if apiErr != nil {
		return nil, apiErr
	}
	if sameMarkup(m.msg.ReplyMarkup, inline) {
		return nil, badRequest(descNotModified)
	}
	m.msg.ReplyMarkup = inline
	m.msg.EditDate = int(s.now().Unix())
	s.addSentLocked(Sent{Method: "editMessageReplyMarkup", ChatID: c.chat.ID, MessageID: m.msg.ID,
		Text: m.msg.Text, ReplyMarkup: markup, At: s.now()})
	return m.msg, nil
}

// deleteMessage deletes the bot's messages and the users' alike, as a bot
// may in a private chat.
func (s *Server) deleteMessage(req *request) (any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, m, apiErr := s.editableLocked(req.params, descDeleteNotFound)
	if apiErr != nil {
		return nil, apiErr
	}
	m.deleted = true
	s.addSentLocked(Sent{Method: "deleteMessage", ChatID: c.chat.ID, MessageID: m.msg.ID, At: s.now()})
	return true, nil
}

// answerCallbackQuery accepts one answer per query made by PressButton.
func (s *Server) answerCallbackQuery(req *request) (any, *apiError) {
	id := req.params["callback_query_id"]
	s.mu.Lock()
	defer s.mu.Unlock()
	answered, known := s.queries[id]
	if !known || answered {
		return nil, badRequest(descQueryInvalid)
	}
	s.queries[id] = true
	return true, nil
}
