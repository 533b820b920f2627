package emulator

import (
	"context"
	"fmt"
	"time"

	"github.com/go-telegram/bot/models"
)

// Call is one request the bot made, recorded when it arrived.
type Call struct {
	// Method is the Bot API method, spelled as documented ("sendMessage")
	// whatever case the client used; unknown methods keep the client's name.
	Method string
	// Params are the request values. Nested objects such as reply_markup stay
	// JSON text, as the client sent them.
	Params map[string]string
	// Files are the multipart file parts, by field name.
	Files map[string]File
	// At is when the call arrived.
	At time.Time
	// Status is the HTTP status answered; 0 while the call is still being
	// served (a blocked getUpdates), or when no answer was given (a dropped
	// connection, a client that went away).
	Status int
}

// Sent is a parsed view of one message the bot sent, or of one change it
// made to a message (see Edits).
type Sent struct {
	// Method is the call that produced it: sendMessage, sendLocation,
	// sendVenue, sendPhoto, editMessageText, editMessageReplyMarkup or
	// deleteMessage.
	Method string
	// ChatID is the chat the message is in.
	ChatID int64
	// MessageID is the id Telegram gave the message (for edits, the id of the
	// edited message).
	MessageID int
	// Text is the message text; for sendPhoto, the caption.
	Text string
	// ParseMode is the parse_mode the bot asked for, if any.
	ParseMode string
	// ReplyMarkup is the decoded reply_markup, nil when none was sent.
	ReplyMarkup *ReplyMarkup
	// Location is set for sendLocation and sendVenue.
	Location *models.Location
	// Venue is set for sendVenue.
	Venue *models.Venue
	// Photo is the file_id of the largest size, for sendPhoto: the one the
	// bot sent, or a new one for an upload or a URL.
	Photo string
	// Upload is the file a sendPhoto uploaded (its bytes, file name and
	// form field), nil when the photo was a file_id or a URL. Its Data must
	// not be modified.
	Upload *File
	// At is when the server accepted it.
	At time.Time
}

// recordState is what the server remembers about the bot's calls.
type recordState struct {
	calls []Call
	sent  []Sent
	edits []Sent
}

// notifyLocked wakes everyone waiting for a change. Waiters take the
// current channel under the lock and wait for it to be closed, which lets
// them also watch a context, unlike sync.Cond.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Server) recordCall(method string, p params, files map[string]File) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.record.calls = append(s.record.calls, Call{Method: method, Params: p, Files: files, At: s.now()})
	s.notifyLocked()
	return len(s.record.calls) - 1
}

func (s *Server) finishCall(idx, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.record.calls[idx].Status = status
	s.notifyLocked()
}

// addSentLocked records a message the bot sent or changed.
func (s *Server) addSentLocked(m Sent) {
	if isEdit(m.Method) {
		s.record.edits = append(s.record.edits, m)
	} else {
		s.record.sent = append(s.record.sent, m)
	}
	for _, fn := range s.onSent {
		fn(m)
	}
	s.notifyLocked()
}

// OnSent calls fn with every message the bot sends or changes from now
// on, as it is recorded: a load driver with thousands of chats learns of
// each reply without scanning the record. fn runs under the server's lock
// and must neither block nor call the server.
func (s *Server) OnSent(fn func(Sent)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onSent = append(s.onSent, fn)
}

// OnDelivered calls fn with an update's id the first time getUpdates
// hands it to the bot: a load driver measures from the update's arrival at
// the bot, not from its queueing here. fn runs under the server's lock and
// must neither block nor call the server.
func (s *Server) OnDelivered(fn func(updateID int64)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onDelivered = append(s.onDelivered, fn)
}

func isEdit(method string) bool {
	return method == "editMessageText" || method == "editMessageReplyMarkup" || method == "deleteMessage"
}

// Calls returns every call so far, in arrival order. Params and Files must
// not be modified.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.record.calls...)
}

// Sent returns the messages the bot sent into a chat, oldest first, as they
// were sent (later edits are in Edits, the current state in Message).
func (s *Server) Sent(chatID int64) []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return filterChat(s.record.sent, chatID)
}

// Edits returns the changes the bot made to messages of a chat, oldest
// first: edited texts and keyboards, and deletions.
func (s *Server) Edits(chatID int64) []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return filterChat(s.record.edits, chatID)
}

func filterChat(all []Sent, chatID int64) []Sent {
	var out []Sent
	for _, m := range all {
		if m.ChatID == chatID {
			out = append(out, m)
		}
	}
	return out
}

// WaitSent blocks until the bot has sent at least n messages into the chat
// and returns them all. It returns early with an error wrapping ctx.Err()
// or ErrClosed.
func (s *Server) WaitSent(ctx context.Context, chatID int64, n int) ([]Sent, error) {
	var got []Sent
	err := s.waitFor(ctx, func() bool {
		got = filterChat(s.record.sent, chatID)
		return len(got) >= n
	})
	if err != nil {
		return got, fmt.Errorf("emulator: wait for %d messages in chat %d, got %d: %w", n, chatID, len(got), err)
	}
	return got, nil
}

// Wait blocks until done returns true for the calls so far. done runs
// without the server's lock each time a call arrives or is answered. Wait
// returns an error wrapping ctx.Err() or ErrClosed if that never happens.
func (s *Server) Wait(ctx context.Context, done func(calls []Call) bool) error {
	for {
		s.mu.Lock()
		calls := append([]Call(nil), s.record.calls...)
		changed, closed := s.changed, s.closed
		s.mu.Unlock()
		if done(calls) {
			return nil
		}
		if closed {
			return fmt.Errorf("emulator: wait for calls: %w", ErrClosed)
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return fmt.Errorf("emulator: wait for calls: %w", ctx.Err())
		}
	}
}

// waitFor blocks until cond, evaluated under the lock, holds.
func (s *Server) waitFor(ctx context.Context, cond func() bool) error {
	s.mu.Lock()
	for !cond() {
		if s.closed {
			s.mu.Unlock()
			return ErrClosed
		}
		changed := s.changed
		s.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		}
		s.mu.Lock()
	}
	s.mu.Unlock()
	return nil
}

// Changed returns a channel closed at the server's next change (a call,
// a message sent or edited), for watchers such as the playground's live
// view: take it, read the state, then wait on it.
func (s *Server) Changed() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.changed
}
