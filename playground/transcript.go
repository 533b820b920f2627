package playground

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
)

// message is one chat message as the page shows it.
type message struct {
	ID       int        `json:"id"`
	From     string     `json:"from"` // "bot" or "user"
	Text     string     `json:"text"`
	Time     string     `json:"time"`
	Buttons  [][]button `json:"buttons"`
	Keyboard *keyboard  `json:"keyboard"`
	Venue    *venue     `json:"venue"`
	Location *point     `json:"location"`
	Photo    string     `json:"photo"`
	Edited   bool       `json:"edited"`
}

type button struct {
	Text string `json:"text"`
	Data string `json:"data"`
}

type keyboard struct {
	Location string `json:"location"`
}

type venue struct {
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Title   string  `json:"title"`
	Address string  `json:"address"`
}

type point struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// event is one server-sent event.
type event struct {
	name string // "message", "clock" or "reset"
	data any
}

// botMessage converts what the bot sent, as the emulator recorded it.
func (p *Playground) botMessage(s emulator.Sent) message {
	m := message{ID: s.MessageID, From: "bot", Text: s.Text, Time: p.now(), Edited: s.Method == "editMessageText" || s.Method == "editMessageReplyMarkup"}
	if k := s.ReplyMarkup; k != nil {
		for _, row := range k.InlineKeyboard {
			var r []button
			for _, b := range row {
				r = append(r, button{Text: b.Text, Data: b.CallbackData})
			}
			m.Buttons = append(m.Buttons, r)
		}
		for _, row := range k.Keyboard {
			for _, b := range row {
				if b.RequestLocation {
					m.Keyboard = &keyboard{Location: b.Text}
				}
			}
		}
	}
	switch {
	case s.Venue != nil:
		m.Venue = &venue{Lat: s.Venue.Location.Latitude, Lon: s.Venue.Location.Longitude, Title: s.Venue.Title, Address: s.Venue.Address}
	case s.Location != nil:
		m.Venue = &venue{Lat: s.Location.Latitude, Lon: s.Location.Longitude}
	}
	if s.Method == "sendPhoto" {
		if s.Upload != nil {
			m.Photo = "/api/photo/" + itoa(s.ChatID) + "/" + itoa(int64(s.MessageID))
		} else if m.Text == "" {
			m.Text = "📷"
		}
	}
	return m
}

// watch follows the emulator and passes what the bot sends to the panes'
// transcripts and the page, until ctx is done.
func (p *Playground) watch(ctx context.Context) {
	seen := map[int64]int{}  // chat → messages passed on
	edits := map[int64]int{} // chat → edits passed on
	for {
		changed := p.cfg.Emulator.Changed()
		for _, chat := range p.chats() {
			sent := p.cfg.Emulator.Sent(chat)
			for _, s := range sent[seen[chat]:] {
				p.add(chat, p.botMessage(s))
			}
			seen[chat] = len(sent)
			ed := p.cfg.Emulator.Edits(chat)
			for _, s := range ed[edits[chat]:] {
				if cur, ok := p.cfg.Emulator.Message(chat, s.MessageID); ok {
					e := p.botMessage(s)
					e.Text, e.Edited = cur.Text, true
					p.add(chat, e)
				}
			}
			edits[chat] = len(ed)
		}
		select {
		case <-ctx.Done():
			return
		case <-changed:
		case <-time.After(time.Second):
		}
	}
}

// chats are the chats the panes can show: the sample residents' and every
// staff member's on Telegram, since the page may switch district.
func (p *Playground) chats() []int64 {
	var chats []int64
	for _, s := range p.cfg.City.Staff {
		if s.TelegramID != 0 {
			chats = append(chats, s.TelegramID)
		}
	}
	for _, who := range p.cfg.People {
		chats = append(chats, who.TelegramID)
	}
	return chats
}

// add puts a message in a chat's transcript (replacing an edited one) and
// tells the pages showing that chat.
func (p *Playground) add(chat int64, m message) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.addLocked(chat, m)
}

// addLocked is add with p.mu held: a message joins the transcript and the
// pages' streams in one step, so both keep the same order.
func (p *Playground) addLocked(chat int64, m message) {
	list := p.transcript[chat]
	replaced := false
	for i := range list {
		if m.Edited && list[i].ID == m.ID && list[i].From == "bot" {
			m.Time = list[i].Time
			list[i], replaced = m, true
		}
	}
	if !replaced {
		list = append(list, m)
	}
	p.transcript[chat] = list
	if pane := p.paneOfLocked(chat); pane != "" {
		p.broadcastLocked(event{name: "message", data: map[string]any{"pane": pane, "message": m}})
	}
}

// paneOfLocked is the pane showing chat now, or "".
func (p *Playground) paneOfLocked(chat int64) string {
	switch chat {
	case p.inspector.TelegramID:
		return paneInspector
	case p.chief.TelegramID:
		return paneChief
	case p.cfg.People[p.person].TelegramID:
		return paneResident
	}
	return ""
}

// subscriber is one page's stream of events.
type subscriber struct {
	events chan event
	// lagged is set when an event did not fit: the page has missed some
	// and must reload its state.
	lagged atomic.Bool
}

// subscribe returns a stream of events for one page, and a function to
// end it.
func (p *Playground) subscribe() (*subscriber, func()) {
	s := &subscriber{events: make(chan event, 256)}
	p.mu.Lock()
	p.subs[s] = true
	p.mu.Unlock()
	return s, func() {
		p.mu.Lock()
		delete(p.subs, s)
		p.mu.Unlock()
	}
}

func (p *Playground) broadcast(e event) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.broadcastLocked(e)
}

// broadcastLocked sends e to every page without waiting; a page too slow
// to keep up is marked to reload.
func (p *Playground) broadcastLocked(e event) {
	for s := range p.subs {
		select {
		case s.events <- e:
		default:
			s.lagged.Store(true)
		}
	}
}
