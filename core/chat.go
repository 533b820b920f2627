package core

import (
	"fmt"
	"strings"
)

// Channel names a messenger the bot talks through.
type Channel string

// The channels beatbot supports.
const (
	Telegram Channel = "telegram"
	WhatsApp Channel = "whatsapp"
)

// ChatRef addresses one conversation on one channel: a Telegram chat id or a
// WhatsApp phone number.
type ChatRef struct {
	Channel Channel
	ID      string
}

// String returns the chat as "channel:id", the form used as a storage key and
// in logs.
func (c ChatRef) String() string { return string(c.Channel) + ":" + c.ID }

// IsZero reports whether c addresses no chat.
func (c ChatRef) IsZero() bool { return c.Channel == "" && c.ID == "" }

// ParseChatRef parses the "channel:id" form produced by ChatRef.String.
func ParseChatRef(s string) (ChatRef, error) {
	ch, id, ok := strings.Cut(s, ":")
	if !ok || ch == "" || id == "" {
		return ChatRef{}, fmt.Errorf("core: parse chat ref %q: want channel:id", s)
	}
	return ChatRef{Channel: Channel(ch), ID: id}, nil
}

// WhatsAppMedia prefixes a photo reference that is a WhatsApp media id
// ("wa:<id>"); any other reference is a Telegram file id. A messenger
// cannot send another's references, so they must be told apart.
const WhatsAppMedia = "wa:"

// PhotoChannel returns the messenger a photo reference belongs to.
func PhotoChannel(ref string) Channel {
	if strings.HasPrefix(ref, WhatsAppMedia) {
		return WhatsApp
	}
	return Telegram
}
