package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// playgroundProcess is `go run .` on a fresh machine: the playground.
type playgroundProcess struct {
	base   string
	cancel context.CancelFunc
	done   chan error
	logs   *syncBuffer
}

func startPlayground(t *testing.T) *playgroundProcess {
	t.Helper()
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	p := &playgroundProcess{base: "http://" + addr, cancel: cancel, done: make(chan error, 1), logs: &syncBuffer{}}
	args := []string{"beatbot", "playground", "-http", addr, "-data", filepath.Join(t.TempDir(), "playground.db")}
	go func() { p.done <- run(ctx, args, func(string) string { return "" }, p.logs) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-p.done:
			if err != nil {
				t.Errorf("playground: %v\n%s", err, p.logs)
			}
		case <-time.After(20 * time.Second):
			t.Errorf("playground did not stop")
		}
	})
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(p.base + "/api/state"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return p
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the playground did not come up:\n%s", p.logs)
	return nil
}

func (p *playgroundProcess) post(t *testing.T, path string, body any) {
	t.Helper()
	data, _ := json.Marshal(body)
	resp, err := http.Post(p.base+path, "application/json", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		t.Fatalf("POST %s %s: status %d", path, data, resp.StatusCode)
	}
}

// paneState is the part of /api/state a test reads.
type paneState struct {
	City struct {
		Districts []struct {
			ID       string        `json:"id"`
			Polygons [][][]float64 `json:"polygons"`
		} `json:"districts"`
	} `json:"city"`
	Clock string `json:"clock"`
	Focus string `json:"focus"`
	Panes []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"panes"`
	Messages map[string][]struct {
		ID      int    `json:"id"`
		From    string `json:"from"`
		Text    string `json:"text"`
		Buttons [][]struct {
			Text string `json:"text"`
			Data string `json:"data"`
		} `json:"buttons"`
	} `json:"messages"`
}

func (p *playgroundProcess) state(t *testing.T) paneState {
	t.Helper()
	resp, err := http.Get(p.base + "/api/state")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var s paneState
	if err := json.NewDecoder(resp.Body).Decode(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// waitText waits until a pane shows a bot message containing want, and
// returns that message's id and buttons.
func (p *playgroundProcess) waitText(t *testing.T, pane, want string) (int, map[string]string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		for _, m := range p.state(t).Messages[pane] {
			if m.From == "bot" && strings.Contains(m.Text, want) {
				buttons := map[string]string{}
				for _, row := range m.Buttons {
					for _, b := range row {
						buttons[b.Text] = b.Data
					}
				}
				return m.ID, buttons
			}
		}
		time.Sleep(30 * time.Millisecond)
	}
	t.Fatalf("pane %s never showed %q; it has %+v", pane, want, p.state(t).Messages[pane])
	return 0, nil
}

// TestPlaygroundRunsTheBotWithoutAToken: the playground serves its page,
// and the resident, the inspector and the chief talk with the real bot
// through its API, with a location shared from the map's coordinates.
func TestPlaygroundRunsTheBotWithoutAToken(t *testing.T) {
	p := startPlayground(t)
	resp, err := http.Get(p.base + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("page: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if s := p.state(t); len(s.City.Districts) != 8 || len(s.City.Districts[0].Polygons) == 0 {
		t.Fatalf("map has %d districts", len(s.City.Districts))
	}

	p.post(t, "/api/person", map[string]string{"id": "dmitry"})
	p.post(t, "/api/send", map[string]string{"pane": "resident", "text": "/start"})
	id, buttons := p.waitText(t, "resident", "Выберите язык")
	p.post(t, "/api/press", map[string]any{"pane": "resident", "message_id": id, "data": buttons["Русский"]})
	id, buttons = p.waitText(t, "resident", "Перед началом — о ваших данных")
	p.post(t, "/api/press", map[string]any{"pane": "resident", "message_id": id, "data": buttons["✅ Даю согласие"]})
	id, buttons = p.waitText(t, "resident", "Чем могу помочь?")
	p.post(t, "/api/press", map[string]any{"pane": "resident", "message_id": id, "data": buttons["👮 Мой участковый"]})
	p.waitText(t, "resident", "Отправьте геолокацию")
	p.post(t, "/api/location", map[string]any{"pane": "resident", "lat": 49.8250, "lon": 73.0880})
	p.waitText(t, "resident", "Ваш участок: Участок №2")

	// The staff panes work too.
	p.post(t, "/api/send", map[string]string{"pane": "chief", "text": "/start"})
	p.waitText(t, "chief", "Выберите язык")

	// The staff panes can follow another district.
	p.post(t, "/api/focus", map[string]string{"district": "krg-d02"})
	if s := p.state(t); s.Focus != "krg-d02" || s.Panes[1].Name != "Образец: Дмитрий Ковалёв" {
		t.Errorf("after choosing district 2: focus %q, inspector %q", s.Focus, s.Panes[1].Name)
	}

	before := p.state(t).Clock
	p.post(t, "/api/clock", map[string]string{"advance": "1h"})
	if after := p.state(t).Clock; after <= before {
		t.Errorf("clock %s after +1h, was %s", after, before)
	}
}

// TestPlaygroundClockEscalates: a report nobody accepts reaches the chief
// as an escalation once the clock is moved a day on, as the page's
// "+1 day" does.
func TestPlaygroundClockEscalates(t *testing.T) {
	p := startPlayground(t)
	p.post(t, "/api/person", map[string]string{"id": "dmitry"})
	p.post(t, "/api/send", map[string]string{"pane": "resident", "text": "/start"})
	steps := []struct{ wait, press string }{
		{"Выберите язык", "Русский"},
		{"Перед началом — о ваших данных", "✅ Даю согласие"},
		{"Чем могу помочь?", "📝 Сообщить о проблеме"},
		{"О чём вы хотите сообщить?", "Квартирная кража"},
	}
	for _, s := range steps {
		id, buttons := p.waitText(t, "resident", s.wait)
		p.post(t, "/api/press", map[string]any{"pane": "resident", "message_id": id, "data": buttons[s.press]})
	}
	p.waitText(t, "resident", "Опишите, что случилось")
	p.post(t, "/api/send", map[string]string{"pane": "resident", "text": "Дверь соседа открыта."})
	p.waitText(t, "resident", "Где это?")
	p.post(t, "/api/location", map[string]any{"pane": "resident", "lat": 49.825, "lon": 73.06})
	for _, s := range []struct{ wait, press string }{
		{"Можно приложить до", "Без фото"},
		{"Отправить анонимно?", "🕶 Анонимно"},
		{"Проверьте обращение", "✅ Отправить"},
	} {
		id, buttons := p.waitText(t, "resident", s.wait)
		p.post(t, "/api/press", map[string]any{"pane": "resident", "message_id": id, "data": buttons[s.press]})
	}
	p.waitText(t, "resident", "KRG-0001 зарегистрировано")
	p.post(t, "/api/clock", map[string]string{"advance": "24h"})
	p.waitText(t, "chief", "KRG-0001 не принято")
}
