package telegram

import (
	"strconv"
	"strings"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/go-telegram/bot/models"
)

// updateKey identifies a Telegram update for deduplication. Update ids are
// only unique per bot, so the bot's id is part of the key: a data file that
// moves to a new bot does not take its updates for duplicates.
func (t *Telegram) updateKey(id int64) string {
	return "telegram:" + strconv.FormatInt(t.botID, 10) + ":u:" + strconv.FormatInt(id, 10)
}

// convert translates an update into a core.Inbound. It reports false for
// updates the bot does not handle: anything outside private chats (staff
// group chats come with a later flow), edits and other update types.
func (t *Telegram) convert(u *update) (core.Inbound, bool) {
	in := core.Inbound{Key: t.updateKey(u.ID), Received: time.Now()}
	switch {
	case u.Message != nil:
		m := u.Message
		if m.Chat.Type != string(models.ChatTypePrivate) || m.From == nil {
			return in, false
		}
		in.Chat = chatRef(m.Chat.ID)
		in.From = strconv.FormatInt(m.From.ID, 10)
		in.FromName = strings.TrimSpace(m.From.FirstName + " " + m.From.LastName)
		in.MessageID = strconv.Itoa(m.ID)
		in.LangHint = core.LangFromHint(m.From.LanguageCode)
		t.convertMessage(m, &in)
	case u.CallbackQuery != nil:
		q := u.CallbackQuery
		chatID := q.From.ID // a private chat's id is its user's id
		if q.Message != nil {
			chatID = q.Message.Chat.ID
			in.MessageID = strconv.Itoa(q.Message.ID)
		}
		if chatID != q.From.ID {
			return in, false // a button in a group chat
		}
		in.Chat = chatRef(chatID)
		in.From = strconv.FormatInt(q.From.ID, 10)
		in.FromName = strings.TrimSpace(q.From.FirstName + " " + q.From.LastName)
		in.LangHint = core.LangFromHint(q.From.LanguageCode)
		in.Kind = core.KindButton
		in.Data = q.Data
	default:
		return in, false
	}
	return in, true
}

func chatRef(id int64) core.ChatRef {
	return core.ChatRef{Channel: core.Telegram, ID: strconv.FormatInt(id, 10)}
}

// convertMessage fills in what a message carries.
func (t *Telegram) convertMessage(m *message, in *core.Inbound) {
	switch {
	case m.Location != nil:
		in.Kind = core.KindLocation
		in.Location = &core.Point{Lat: m.Location.Latitude, Lon: m.Location.Longitude}
	case m.Venue != nil:
		in.Kind = core.KindLocation
		in.Location = &core.Point{Lat: m.Venue.Location.Latitude, Lon: m.Venue.Location.Longitude}
	case len(m.Photo) > 0:
		// Only a photo sent as a photo: one sent as a file arrives as a
		// document and stays unsupported, because files keep the camera's
		// location metadata and the flows tell the resident so.
		in.Kind = core.KindPhoto
		in.Photo = largestPhoto(m.Photo).FileID
		in.Text = m.Caption
	case m.Text != "" && strings.HasPrefix(m.Text, "/"):
		in.Kind = core.KindCommand
		in.Command, in.Text = t.parseCommand(m.Text)
	case m.Text != "":
		in.Kind = core.KindText
		in.Text = m.Text
	default:
		in.Kind = core.KindUnsupported
		in.Unsupported = unsupportedKind(m)
		// A caption is still read for emergency words.
		in.Text = m.Caption
	}
}

// largestPhoto returns the size with the most pixels. Telegram lists sizes
// smallest first, so a tie, or sizes without dimensions, go to the later
// one. sizes must not be empty.
func largestPhoto(sizes []photoSize) photoSize {
	best := sizes[0]
	for _, p := range sizes[1:] {
		if p.Width*p.Height >= best.Width*best.Height {
			best = p
		}
	}
	return best
}

// parseCommand splits "/Start@beatbot_bot args" into "start" and "args".
// A command addressed to another bot keeps its full name and so is
// answered as unknown.
func (t *Telegram) parseCommand(text string) (cmd, args string) {
	cmd, args, _ = strings.Cut(text[1:], " ")
	if name, at, ok := strings.Cut(cmd, "@"); ok && strings.EqualFold(at, t.username) {
		cmd = name
	}
	return strings.ToLower(cmd), strings.TrimSpace(args)
}

// unsupportedKind names what a message without text or location holds.
func unsupportedKind(m *message) string {
	switch {
	case m.Sticker != nil:
		return "sticker"
	case m.Voice != nil:
		return "voice"
	case m.Audio != nil:
		return "audio"
	case m.Document != nil:
		return "document"
	case m.Contact != nil:
		return "contact"
	case m.Video != nil:
		return "video"
	case m.VideoNote != nil:
		return "video_note"
	case m.Animation != nil:
		return "animation"
	case m.Poll != nil:
		return "poll"
	case m.Dice != nil:
		return "dice"
	}
	return "other"
}
