package playground_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram"
	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/beatbot-kz/beatbot/configs"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/playground"
	"github.com/jonboulle/clockwork"
	"github.com/rs/zerolog"
)

const token = "1000000001:playground-test-token"

type nopAcceptor struct{}

func (nopAcceptor) Accept(context.Context, core.Inbound) error        { return nil }
func (nopAcceptor) AcceptBatch(context.Context, []core.Inbound) error { return nil }

// TestChartsAndLiveEvents: what the bot sends reaches the page as a
// server-sent event, and an uploaded chart is served as a picture.
func TestChartsAndLiveEvents(t *testing.T) {
	city, _, err := configs.Load("../configs/example/city.yaml")
	if err != nil {
		t.Fatal(err)
	}
	emu := emulator.New(token)
	t.Cleanup(emu.Close)
	chief := city.StaffMember("s-c1")
	pg, err := playground.New(playground.Config{Emulator: emu, City: city, Clock: clockwork.NewFakeClock(),
		People:    []playground.Person{{ID: "anna", Name: "Anna", Lang: core.English, TelegramID: 9000000000000003}},
		Inspector: city.StaffMember("s-i01"), Chief: chief})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(pg.Handler())
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go func() { _ = pg.Run(ctx) }()

	// A page listens for events.
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/api/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := bufio.NewReader(resp.Body)

	// The bot sends the chief a chart, as /pollresults does.
	var chart bytes.Buffer
	if err := png.Encode(&chart, image.NewGray(image.Rect(0, 0, 90, 60))); err != nil {
		t.Fatal(err)
	}
	tg, err := telegram.New(ctx, telegram.Config{Token: token, APIURL: emu.URL(), Acceptor: nopAcceptor{}, Log: zerolog.Nop()})
	if err != nil {
		t.Fatal(err)
	}
	chat := core.ChatRef{Channel: core.Telegram, ID: "5000000000000001"}
	if err := tg.Send(ctx, chat, core.Reply{Text: "1. Safe at night?", Image: chart.Bytes()}); err != nil {
		t.Fatal(err)
	}

	var got struct {
		Pane    string `json:"pane"`
		Message struct {
			Text  string `json:"text"`
			Photo string `json:"photo"`
		} `json:"message"`
	}
	deadline := time.Now().Add(10 * time.Second)
	for got.Message.Photo == "" && time.Now().Before(deadline) {
		line, err := events.ReadString('\n')
		if err != nil {
			t.Fatalf("event stream: %v", err)
		}
		if data, ok := strings.CutPrefix(strings.TrimSpace(line), "data: "); ok {
			_ = json.Unmarshal([]byte(data), &got)
		}
	}
	if got.Pane != "chief" || got.Message.Text != "1. Safe at night?" || got.Message.Photo == "" {
		t.Fatalf("event %+v, want the chart in the chief's pane", got)
	}
	pic, err := http.Get(srv.URL + got.Message.Photo)
	if err != nil {
		t.Fatal(err)
	}
	defer pic.Body.Close()
	data, _ := io.ReadAll(pic.Body)
	if pic.StatusCode != 200 || pic.Header.Get("Content-Type") != "image/png" || !bytes.Equal(data, chart.Bytes()) {
		t.Errorf("chart served as %d %s, %d bytes", pic.StatusCode, pic.Header.Get("Content-Type"), len(data))
	}
}

func TestBadRequestsGetClearAnswers(t *testing.T) {
	city, _, err := configs.Load("../configs/example/city.yaml")
	if err != nil {
		t.Fatal(err)
	}
	emu := emulator.New(token)
	t.Cleanup(emu.Close)
	pg, err := playground.New(playground.Config{Emulator: emu, City: city, Clock: clockwork.NewFakeClock(),
		People:    []playground.Person{{ID: "anna", Name: "Anna", Lang: core.English, TelegramID: 9000000000000003}},
		Inspector: city.StaffMember("s-i01"), Chief: city.StaffMember("s-c1")})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(pg.Handler())
	t.Cleanup(srv.Close)
	for _, tc := range []struct{ path, body string }{
		{"/api/send", `{"pane":"nobody","text":"hi"}`},
		{"/api/send", `{"pane":"resident","text":""}`},
		{"/api/send", `not json`},
		{"/api/location", `{"pane":"resident","lat":91,"lon":0}`},
		{"/api/clock", `{"advance":"-1h"}`},
		{"/api/clock", `{"advance":"1y"}`},
		{"/api/person", `{"id":"ghost"}`},
		{"/api/focus", `{"district":"nowhere"}`},
		{"/api/press", `{"pane":"resident","message_id":1}`},
	} {
		resp, err := http.Post(srv.URL+tc.path, "application/json", strings.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		var body struct{ Error string }
		_ = json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest || body.Error == "" {
			t.Errorf("POST %s %s: %d %q, want 400 with a reason", tc.path, tc.body, resp.StatusCode, body.Error)
		}
	}
}

// TestOtherSitesCannotDriveIt: a page elsewhere can make a browser post
// plain text to localhost, or reach it under a name it controls; neither
// gets through.
func TestOtherSitesCannotDriveIt(t *testing.T) {
	city, _, err := configs.Load("../configs/example/city.yaml")
	if err != nil {
		t.Fatal(err)
	}
	emu := emulator.New(token)
	t.Cleanup(emu.Close)
	pg, err := playground.New(playground.Config{Emulator: emu, City: city, Clock: clockwork.NewFakeClock(),
		People:    []playground.Person{{ID: "anna", Name: "Anna", Lang: core.English, TelegramID: 9000000000000003}},
		Inspector: city.StaffMember("s-i01"), Chief: city.StaffMember("s-c1")})
	if err != nil {
		t.Fatal(err)
	}
	h := pg.Handler()
	post := httptest.NewRequest(http.MethodPost, "http://localhost:8080/api/clock", strings.NewReader(`{"advance":"24h"}`))
	post.Header.Set("Content-Type", "text/plain")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, post)
	if rec.Code != http.StatusUnsupportedMediaType {
		t.Errorf("a text/plain post: %d, want 415", rec.Code)
	}
	get := httptest.NewRequest(http.MethodGet, "http://rebound.evil.example:8080/api/state", nil)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, get)
	if rec.Code != http.StatusForbidden {
		t.Errorf("a request for another host name: %d, want 403", rec.Code)
	}
	for _, host := range []string{"localhost:8080", "127.0.0.1:8080", "[::1]:8080"} {
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://"+host+"/api/state", nil))
		if rec.Code != http.StatusOK {
			t.Errorf("GET state at %s: %d", host, rec.Code)
		}
	}
}
