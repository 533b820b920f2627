package emulator

import (
	"fmt"

	"github.com/go-telegram/bot/models"
)

// userMessageLocked completes and stores a message a user sends: the
// sender's private chat when none is given, the chat's details, the next
// message_id and the current date when they are zero.
func (s *Server) userMessageLocked(m models.Message) models.Message {
	if m.Chat.ID == 0 && m.From != nil {
		m.Chat.ID = m.From.ID
	}
	c := s.chatLocked(m.Chat.ID, m.From)
	if m.Chat.Type == "" {
		m.Chat = c.chat
	}
	if m.Date == 0 {
		m.Date = int(s.now().Unix())
	}
	if m.ID == 0 {
		c.lastMsg++
		m.ID = c.lastMsg
	} else if m.ID > c.lastMsg {
		c.lastMsg = m.ID
	}
	c.msgs[m.ID] = &storedMessage{msg: m}
	return m
}

// SendText simulates a user writing text in a chat (for a private chat,
// chatID is the user's id) and returns the update_id. A leading /command
// gets a bot_command entity, as Telegram adds one.
func (s *Server) SendText(chatID int64, from models.User, text string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.userMessageLocked(models.Message{
		From:     &from,
		Chat:     models.Chat{ID: chatID},
		Text:     text,
		Entities: commandEntities(text),
	})
	return s.enqueueLocked(models.Update{Message: &m})
}

// SendLocation simulates a user sharing a location, as after pressing a
// request_location button, and returns the update_id.
func (s *Server) SendLocation(chatID int64, from models.User, lat, lon float64) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.userMessageLocked(models.Message{
		From:     &from,
		Chat:     models.Chat{ID: chatID},
		Location: &models.Location{Latitude: lat, Longitude: lon},
	})
	return s.enqueueLocked(models.Update{Message: &m})
}

// PressButton simulates a user pressing an inline button with callback data
// under a message, and returns the update_id. The callback query carries
// the message as the server knows it (with a non-zero date, so clients do
// not decode it as inaccessible), and may be answered once with
// answerCallbackQuery. data is not checked against the message's keyboard,
// so tests can also send stale or forged data.
func (s *Server) PressButton(chatID int64, from models.User, messageID int, data string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chatLocked(chatID, &from)
	msg := models.Message{ID: messageID, Chat: c.chat, Date: int(s.now().Unix())}
	if stored, ok := c.liveLocked(messageID); ok {
		msg = stored.msg
	}
	id := fmt.Sprintf("%d", 4_000_000_000_000_000_000+int64(len(s.queries)+1))
	s.queries[id] = false
	q := &models.CallbackQuery{
		ID:   id,
		From: from,
		Message: models.MaybeInaccessibleMessage{
			Type:    models.MaybeInaccessibleMessageTypeMessage,
			Message: &msg,
		},
		ChatInstance: fmt.Sprintf("%d", chatID*7919),
		Data:         data,
	}
	return s.enqueueLocked(models.Update{CallbackQuery: q})
}

// commandEntities marks a leading /command, with an optional @botname, the
// way Telegram does: Latin letters, digits and underscores only.
func commandEntities(text string) []models.MessageEntity {
	if len(text) < 2 || text[0] != '/' {
		return nil
	}
	n := 1 + commandChars(text[1:])
	if n == 1 {
		return nil
	}
	if n < len(text) && text[n] == '@' {
		if k := commandChars(text[n+1:]); k > 0 {
			n += 1 + k
		}
	}
	// The command is ASCII, so its byte length is its UTF-16 length.
	return []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Offset: 0, Length: n}}
}

func commandChars(s string) int {
	n := 0
	for n < len(s) {
		c := s[n]
		if c != '_' && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			break
		}
		n++
	}
	return n
}
