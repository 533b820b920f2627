package flows_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/configs"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/flows"
	"github.com/beatbot-kz/beatbot/locate"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
	"github.com/rs/zerolog"
)

// exampleCity is the shipped example configuration: flows are tested
// against the same directory a newcomer runs.
const exampleCity = "../configs/example/city.yaml"

// testPollSecret keys the pseudonyms of poll answers in tests.
const testPollSecret = "test-poll-secret-0123456789abcdef"

// harness drives the real engine over a real bbolt file and the example
// city.
type harness struct {
	t      *testing.T
	engine *flows.Engine
	db     *storage.DB
	city   *core.City
	chat   core.ChatRef
	now    time.Time
	seq    *atomic.Int64 // shared by the harnesses of other chats
}

// example is the example city and its index, loaded once: both are
// read-only once built.
var example = sync.OnceValues(func() (*core.City, *locate.Index) {
	city, _, err := configs.Load(exampleCity)
	if err != nil {
		panic(fmt.Sprintf("load example city: %v", err))
	}
	index, err := locate.New(city)
	if err != nil {
		panic(fmt.Sprintf("index example city: %v", err))
	}
	return city, index
})

func newHarness(t *testing.T) *harness {
	t.Helper()
	city, index := example()
	h := &harness{t: t, city: city, chat: core.ChatRef{Channel: core.Telegram, ID: "1001"}, seq: new(atomic.Int64),
		now: time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)}
	h.db = storagetest.MustOpen(t, storage.Options{Now: func() time.Time { return h.now }})
	h.engine = flows.New(flows.Config{Store: h.db, City: city, Index: index, Log: zerolog.Nop(), Now: func() time.Time { return h.now },
		PollSecret: []byte(testPollSecret)})
	return h
}

// send records in as an adapter would and handles it.
func (h *harness) send(in core.Inbound) []core.Reply {
	h.t.Helper()
	in.Key = fmt.Sprintf("test:%d", h.seq.Add(1))
	if in.Chat.IsZero() {
		in.Chat = h.chat
	}
	if in.From == "" {
		in.From = in.Chat.ID
	}
	if in.FromName == "" {
		in.FromName = "Aigerim Test"
	}
	rec, err := h.db.Record(context.Background(), in)
	if err != nil {
		h.t.Fatalf("record: %v", err)
	}
	replies, err := h.engine.Handle(context.Background(), rec)
	if err != nil {
		h.t.Fatalf("handle %+v: %v", in, err)
	}
	for _, data := range buttons(replies) {
		if len(data) == 0 || len(data) > core.MaxButtonData {
			h.t.Errorf("button payload %q is %d bytes; Telegram takes 1–64", data, len(data))
		}
	}
	return replies
}

// as makes the harness write from another chat (a private chat's id is its
// user's id), such as a staff member's.
func (h *harness) as(telegramID int64) *harness {
	c := *h
	c.chat = core.ChatRef{Channel: core.Telegram, ID: fmt.Sprint(telegramID)}
	return &c
}

func (h *harness) text(s string) []core.Reply {
	return h.send(core.Inbound{Kind: core.KindText, Text: s})
}

func (h *harness) command(name string) []core.Reply {
	return h.send(core.Inbound{Kind: core.KindCommand, Command: name})
}

func (h *harness) press(data string) []core.Reply {
	return h.send(core.Inbound{Kind: core.KindButton, Data: data})
}

func (h *harness) photo(id string) []core.Reply {
	return h.send(core.Inbound{Kind: core.KindPhoto, Photo: id})
}

func (h *harness) location(lat, lon float64) []core.Reply {
	return h.send(core.Inbound{Kind: core.KindLocation, Location: &core.Point{Lat: lat, Lon: lon}})
}

// onboard takes the resident through /start, language and consent.
func (h *harness) onboard(lang core.Lang, consent bool) {
	h.t.Helper()
	h.command("start")
	h.press("lang:" + string(lang))
	answer := "consent:no"
	if consent {
		answer = "consent:yes"
	}
	h.press(answer)
	if s := h.session(); s.Conversation.State != "menu" {
		h.t.Fatalf("after onboarding: state %q, want menu", s.Conversation.State)
	}
}

func (h *harness) session() core.Session {
	h.t.Helper()
	s, err := h.db.Session(context.Background(), h.chat)
	if err != nil {
		h.t.Fatal(err)
	}
	return s
}

// texts joins the replies' texts, pin titles included, for matching.
func texts(rs []core.Reply) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.Text)
		if r.Pin != nil {
			b.WriteString("[pin " + r.Pin.Title + "]")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// buttons lists the payloads of every button in the replies.
func buttons(rs []core.Reply) []string {
	return eachButton(rs, func(b core.Button) string { return b.Data })
}

// labels lists the labels of every button in the replies.
func labels(rs []core.Reply) []string {
	return eachButton(rs, func(b core.Button) string { return b.Label })
}

func eachButton(rs []core.Reply, field func(core.Button) string) []string {
	var out []string
	for _, r := range rs {
		for _, row := range r.Buttons {
			for _, b := range row {
				out = append(out, field(b))
			}
		}
	}
	return out
}

func mustContain(t *testing.T, rs []core.Reply, want ...string) {
	t.Helper()
	got := texts(rs)
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("replies do not contain %q; got:\n%s", w, got)
		}
	}
}

func mustNotContain(t *testing.T, rs []core.Reply, unwanted ...string) {
	t.Helper()
	got := texts(rs)
	for _, w := range unwanted {
		if strings.Contains(got, w) {
			t.Errorf("replies contain %q; got:\n%s", w, got)
		}
	}
}
