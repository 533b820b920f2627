// Package playground shows the bot at work in a browser, with no token and
// no network: the real bot runs against the in-process Bot API emulator,
// and a web page shows three chats side by side (a resident, the district
// inspector, the precinct chief), a map of the city's districts to share a
// location by clicking, and a clock to move forward.
package playground

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/go-telegram/bot/models"
	"github.com/jonboulle/clockwork"
)

//go:embed web
var web embed.FS

// Person is a sample resident the page can play.
type Person struct {
	ID   string    `json:"id"`
	Name string    `json:"name"`
	Lang core.Lang `json:"lang"`
	// TelegramID is their user id in the emulator.
	TelegramID int64 `json:"-"`
}

// Config is what the playground shows.
type Config struct {
	// Emulator is the Bot API the bot runs on. Required.
	Emulator *emulator.Server
	// City draws the map and names the staff. Required.
	City *core.City
	// Clock is the bot's clock, which the page moves forward. Required.
	Clock *clockwork.FakeClock
	// People are the sample residents, the first one shown first.
	People []Person
	// Inspector and Chief are the staff shown in the other panes.
	Inspector, Chief *core.Staff
	// Focus is the district whose staff the panes show; the map marks it.
	Focus string
}

// Panes of the page.
const (
	paneResident  = "resident"
	paneInspector = "inspector"
	paneChief     = "chief"
)

// Playground serves the page and its API.
type Playground struct {
	cfg Config
	mux *http.ServeMux

	mu     sync.Mutex
	person int // index into cfg.People
	// inspector, chief and focus are the staff panes' people and their
	// district, which the page may switch.
	inspector, chief *core.Staff
	focus            string
	// transcript holds each chat's messages, both sides, in the order
	// they happened: the emulator records only the bot's side.
	transcript map[int64][]message
	next       int // ids of the people's messages, apart from Telegram's
	subs       map[*subscriber]bool
}

// New returns the playground; serve it with its Handler.
func New(cfg Config) (*Playground, error) {
	for name, missing := range map[string]bool{"Emulator": cfg.Emulator == nil, "City": cfg.City == nil, "Clock": cfg.Clock == nil,
		"People": len(cfg.People) == 0, "Inspector": cfg.Inspector == nil, "Chief": cfg.Chief == nil} {
		if missing {
			return nil, fmt.Errorf("playground: Config.%s is required", name)
		}
	}
	p := &Playground{cfg: cfg, transcript: map[int64][]message{}, next: 1 << 30, subs: map[*subscriber]bool{},
		inspector: cfg.Inspector, chief: cfg.Chief, focus: cfg.Focus}
	files, err := fs.Sub(web, "web")
	if err != nil {
		return nil, err
	}
	p.mux = http.NewServeMux()
	p.mux.Handle("GET /", http.FileServerFS(files))
	p.mux.HandleFunc("GET /api/state", p.state)
	p.mux.HandleFunc("GET /api/events", p.events)
	p.mux.HandleFunc("GET /api/photo/{chat}/{id}", p.photo)
	p.mux.HandleFunc("POST /api/send", p.send)
	p.mux.HandleFunc("POST /api/press", p.press)
	p.mux.HandleFunc("POST /api/location", p.location)
	p.mux.HandleFunc("POST /api/clock", p.clock)
	p.mux.HandleFunc("POST /api/person", p.choosePerson)
	p.mux.HandleFunc("POST /api/focus", p.chooseDistrict)
	return p, nil
}

// Handler serves the page and the API, to this machine's browser only.
func (p *Playground) Handler() http.Handler { return guard(p.mux) }

// guard refuses what another web site could make a browser send. A page
// elsewhere may post to localhost, but not as JSON without the browser
// asking first, which nobody answers; and a name it controls that points
// at this machine (DNS rebinding) is not a name the playground is served
// under. Only "localhost" and IP addresses are.
func guard(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		host = strings.Trim(host, "[]")
		if host != "localhost" && net.ParseIP(host) == nil {
			fail(w, http.StatusForbidden, "the playground answers at localhost or an IP address only")
			return
		}
		if r.Method == http.MethodPost {
			if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
				fail(w, http.StatusUnsupportedMediaType, "want Content-Type: application/json")
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// user is who writes in a pane.
func (p *Playground) user(pane string) (models.User, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch pane {
	case paneResident:
		who := p.cfg.People[p.person]
		return models.User{ID: who.TelegramID, FirstName: who.Name, LanguageCode: string(who.Lang)}, true
	case paneInspector:
		return staffUser(p.inspector), true
	case paneChief:
		return staffUser(p.chief), true
	}
	return models.User{}, false
}

func staffUser(s *core.Staff) models.User {
	return models.User{ID: s.TelegramID, FirstName: s.Name.In(core.Russian), LanguageCode: "ru"}
}

// said records what a pane's person sent, for the page.
func (p *Playground) said(chat int64, m message) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.next++
	m.ID, m.From, m.Time = p.next, "user", p.now()
	p.addLocked(chat, m)
}

// Run follows the emulator for the page until ctx is done, and keeps the
// bot's clock going with the wall clock's.
func (p *Playground) Run(ctx context.Context) error {
	go p.watch(ctx)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	last := time.Now()
	for {
		select {
		case <-ctx.Done():
			return nil
		case now := <-tick.C:
			p.cfg.Clock.Advance(now.Sub(last))
			last = now
		}
	}
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

// now is the bot's time in the city, as the page shows it.
func (p *Playground) now() string {
	return p.cfg.Clock.Now().In(p.cfg.City.Location).Format(time.RFC3339)
}
