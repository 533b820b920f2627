package emulator

import (
	"fmt"

	"github.com/go-telegram/bot/models"
)

// chatStore holds every chat the server has seen, with the messages in it.
type chatStore struct {
	byID     map[int64]*chatState
	blocked  map[int64]bool
	nextFile int
}

// chatState is one chat. Users and the bot share one message_id sequence per
// chat, as in a private chat on Telegram.
type chatState struct {
	chat    models.Chat
	lastMsg int
	msgs    map[int]*storedMessage
}

type storedMessage struct {
	msg     models.Message
	deleted bool
}

func newChatStore() chatStore {
	return chatStore{byID: map[int64]*chatState{}, blocked: map[int64]bool{}}
}

// chatLocked returns the chat, creating it on first use. Positive ids are
// private chats with a user, as on Telegram; ids from -1001000000000 down
// are supergroups, other negative ids basic groups.
func (s *Server) chatLocked(id int64, from *models.User) *chatState {
	c, ok := s.chats.byID[id]
	if !ok {
		c = &chatState{chat: models.Chat{ID: id}, msgs: map[int]*storedMessage{}}
		switch {
		case id > 0:
			c.chat.Type = models.ChatTypePrivate
		case id <= -1000000000000:
			c.chat.Type = models.ChatTypeSupergroup
			c.chat.Title = fmt.Sprintf("Test supergroup %d", id)
		default:
			c.chat.Type = models.ChatTypeGroup
			c.chat.Title = fmt.Sprintf("Test group %d", id)
		}
		s.chats.byID[id] = c
	}
	if from != nil && c.chat.Type == models.ChatTypePrivate && from.ID == id && c.chat.FirstName == "" {
		c.chat.FirstName, c.chat.LastName, c.chat.Username = from.FirstName, from.LastName, from.Username
	}
	return c
}

// addLocked stores m in the chat under the next message_id and returns the
// stored copy.
func (c *chatState) addLocked(m models.Message) models.Message {
	c.lastMsg++
	m.ID = c.lastMsg
	m.Chat = c.chat
	c.msgs[m.ID] = &storedMessage{msg: m}
	return m
}

// liveLocked returns a message that exists and was not deleted.
func (c *chatState) liveLocked(id int) (*storedMessage, bool) {
	m, ok := c.msgs[id]
	if !ok || m.deleted {
		return nil, false
	}
	return m, true
}

// AddChat registers a chat's details (type, title, names) before it is used;
// otherwise the server derives them from the id.
func (s *Server) AddChat(chat models.Chat) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chatLocked(chat.ID, nil)
	c.chat = chat
}

// SetBlocked simulates a user who blocked the bot: while blocked, sending
// into the chat answers 403 "Forbidden: bot was blocked by the user".
func (s *Server) SetBlocked(chatID int64, blocked bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chats.blocked[chatID] = blocked
}

// Message returns the current state of a message in a chat, after the
// bot's edits; false when there is no such message or it was deleted.
func (s *Server) Message(chatID int64, messageID int) (models.Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.chats.byID[chatID]
	if !ok {
		return models.Message{}, false
	}
	m, ok := c.liveLocked(messageID)
	if !ok {
		return models.Message{}, false
	}
	return m.msg, true
}

// newFileIDLocked returns a fresh file_id and file_unique_id.
func (s *Server) newFileIDLocked() (id, unique string) {
	s.chats.nextFile++
	n := s.chats.nextFile
	return fmt.Sprintf("AgACAgIAAxkBAAI%08d", n), fmt.Sprintf("AQAD%06d", n)
}
