package telegram

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"
)

// updatesBatch builds a getUpdates answer of n updates like those under
// load: button presses under a message with its keyboard, and texts.
func updatesBatch(tb testing.TB, n int) []byte {
	tb.Helper()
	press, err := os.ReadFile(filepath.Join("testdata", "callback_keyboard.json"))
	if err != nil {
		tb.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join("testdata", "text.json"))
	if err != nil {
		tb.Fatal(err)
	}
	parts := make([]string, n)
	for i := range parts {
		parts[i] = string(press)
		if i%2 == 1 {
			parts[i] = string(text)
		}
	}
	return fmt.Appendf(nil, `{"ok":true,"result":[%s]}`, strings.Join(parts, ","))
}

// The lean types must read what models.Update reads, in every fixture.
func TestUpdateMatchesModels(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatal("no fixtures", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var lean update
		var full models.Update
		if err := json.Unmarshal(data, &lean); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := json.Unmarshal(data, &full); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if got, want := readLean(lean), readModels(full); got != want {
			t.Errorf("%s: read\n%s\nwant\n%s", f, got, want)
		}
	}
}

// readLean and readModels print what convert uses of an update.
func readLean(u update) string {
	s := fmt.Sprint("update ", u.ID)
	if m := u.Message; m != nil {
		s += fmt.Sprint(" message ", m.ID, m.Chat, *m.From, m.Text, m.Caption, m.Location, m.Venue != nil, m.Photo,
			m.Sticker != nil, m.Voice != nil, m.Audio != nil, m.Document != nil, m.Contact != nil, m.Video != nil,
			m.VideoNote != nil, m.Animation != nil, m.Poll != nil, m.Dice != nil)
		if m.Venue != nil {
			s += fmt.Sprint(" venue ", m.Venue.Location)
		}
	}
	if q := u.CallbackQuery; q != nil {
		s += fmt.Sprint(" press ", q.ID, q.From, q.Data)
		if q.Message != nil {
			s += fmt.Sprint(" under ", q.Message.ID, q.Message.Chat)
		}
	}
	return s
}

func readModels(u models.Update) string {
	s := fmt.Sprint("update ", u.ID)
	if m := u.Message; m != nil {
		var loc *location
		if m.Location != nil {
			loc = &location{m.Location.Latitude, m.Location.Longitude}
		}
		var photo []photoSize
		for _, p := range m.Photo {
			photo = append(photo, photoSize{p.FileID, p.Width, p.Height})
		}
		s += fmt.Sprint(" message ", m.ID, chat{m.Chat.ID, string(m.Chat.Type)}, user{m.From.ID, m.From.FirstName, m.From.LastName, m.From.LanguageCode},
			m.Text, m.Caption, loc, m.Venue != nil, photo,
			m.Sticker != nil, m.Voice != nil, m.Audio != nil, m.Document != nil, m.Contact != nil, m.Video != nil,
			m.VideoNote != nil, m.Animation != nil, m.Poll != nil, m.Dice != nil)
		if m.Venue != nil {
			s += fmt.Sprint(" venue ", location{m.Venue.Location.Latitude, m.Venue.Location.Longitude})
		}
	}
	if q := u.CallbackQuery; q != nil {
		f := q.From
		s += fmt.Sprint(" press ", q.ID, user{f.ID, f.FirstName, f.LastName, f.LanguageCode}, q.Data)
		switch {
		case q.Message.Message != nil:
			s += fmt.Sprint(" under ", q.Message.Message.ID, chat{q.Message.Message.Chat.ID, string(q.Message.Message.Chat.Type)})
		case q.Message.InaccessibleMessage != nil:
			s += fmt.Sprint(" under ", q.Message.InaccessibleMessage.MessageID, chat{q.Message.InaccessibleMessage.Chat.ID, string(q.Message.InaccessibleMessage.Chat.Type)})
		}
	}
	return s
}

// BenchmarkDecodeUpdates decodes a getUpdates answer of 100 updates into
// the bot's lean types and, for comparison, into go-telegram/bot's models.
func BenchmarkDecodeUpdates(b *testing.B) {
	body := updatesBatch(b, 100)
	b.Run("lean", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			var r getUpdatesResponse
			if err := json.Unmarshal(body, &r); err != nil || len(r.Result) != 100 {
				b.Fatal(err)
			}
		}
	})
	b.Run("models", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			var r struct {
				Result []*models.Update `json:"result"`
			}
			if err := json.Unmarshal(body, &r); err != nil || len(r.Result) != 100 {
				b.Fatal(err)
			}
		}
	})
}
