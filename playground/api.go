package playground

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// maxRequest bounds the API's request bodies: a message or a click.
const maxRequest = 64 << 10

func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxRequest)).Decode(v); err != nil {
		fail(w, http.StatusBadRequest, "malformed request: %v", err)
		return false
	}
	return true
}

func fail(w http.ResponseWriter, status int, format string, args ...any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": fmt.Sprintf(format, args...)})
}

// state is everything the page draws: the map, the panes, the people, the
// clock and the transcripts.
func (p *Playground) state(w http.ResponseWriter, _ *http.Request) {
	p.mu.Lock()
	who, inspector, chief, focus := p.cfg.People[p.person], p.inspector, p.chief, p.focus
	messages := map[string][]message{
		paneResident:  append([]message{}, p.transcript[who.TelegramID]...),
		paneInspector: append([]message{}, p.transcript[inspector.TelegramID]...),
		paneChief:     append([]message{}, p.transcript[chief.TelegramID]...),
	}
	p.mu.Unlock()
	city := p.cfg.City
	panes := []map[string]string{
		{"id": paneResident, "title": "Resident", "name": fmt.Sprintf("%s (%s)", who.Name, who.Lang)},
		{"id": paneInspector, "title": "District inspector", "name": inspector.Name.In(core.Russian)},
		{"id": paneChief, "title": "Precinct chief", "name": chief.Name.In(core.Russian)},
	}
	writeJSON(w, map[string]any{
		"city":     mapOf(city),
		"panes":    panes,
		"people":   p.cfg.People,
		"person":   who.ID,
		"clock":    p.cfg.Clock.Now().In(city.Location).Format(time.RFC3339),
		"focus":    focus,
		"messages": messages,
	})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// mapOf is the city's districts as polygons of [lon, lat] rings, for the
// page's map.
func mapOf(city *core.City) map[string]any {
	bounds := []float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	var districts []map[string]any
	for _, d := range city.Districts {
		var polygons [][][]float64
		for _, poly := range d.Boundary {
			for _, ring := range poly {
				var r [][]float64
				for _, pt := range ring {
					r = append(r, []float64{pt[0], pt[1]})
					bounds[0], bounds[1] = math.Min(bounds[0], pt[0]), math.Min(bounds[1], pt[1])
					bounds[2], bounds[3] = math.Max(bounds[2], pt[0]), math.Max(bounds[3], pt[1])
				}
				polygons = append(polygons, r)
			}
		}
		districts = append(districts, map[string]any{"id": d.ID, "name": d.Name.In(core.Russian), "precinct": d.Precinct, "polygons": polygons})
	}
	if len(districts) == 0 {
		bounds = []float64{0, 0, 0, 0} // JSON has no infinity
	}
	return map[string]any{"name": city.Name.In(core.English), "bounds": bounds, "districts": districts}
}

// events streams what happens to the page as server-sent events.
func (p *Playground) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		fail(w, http.StatusInternalServerError, "streaming unsupported")
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	sub, stop := p.subscribe()
	defer stop()
	fmt.Fprint(w, ": connected\n\n")
	flusher.Flush()
	keepAlive := time.NewTicker(15 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-keepAlive.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		case e := <-sub.events:
			if sub.lagged.Swap(false) {
				// Some events did not fit: the page reloads its state.
				for len(sub.events) > 0 {
					<-sub.events
				}
				e = event{name: "reset", data: map[string]any{}}
			}
			data, err := json.Marshal(e.data)
			if err != nil {
				continue
			}
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.name, data)
		}
		flusher.Flush()
	}
}

// send types a message in a pane.
func (p *Playground) send(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Pane string `json:"pane"`
		Text string `json:"text"`
	}
	if !decode(w, r, &req) {
		return
	}
	u, ok := p.user(req.Pane)
	if !ok || req.Text == "" {
		fail(w, http.StatusBadRequest, "want a pane (resident, inspector, chief) and a text")
		return
	}
	p.said(u.ID, message{Text: req.Text})
	p.cfg.Emulator.SendText(u.ID, u, req.Text)
	w.WriteHeader(http.StatusNoContent)
}

// press presses an inline button of a message in a pane.
func (p *Playground) press(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Pane      string `json:"pane"`
		MessageID int    `json:"message_id"`
		Data      string `json:"data"`
	}
	if !decode(w, r, &req) {
		return
	}
	u, ok := p.user(req.Pane)
	if !ok || req.Data == "" {
		fail(w, http.StatusBadRequest, "want a pane, a message id and the button's data")
		return
	}
	p.cfg.Emulator.PressButton(u.ID, u, req.MessageID, req.Data)
	w.WriteHeader(http.StatusNoContent)
}

// location shares a point of the map from a pane.
func (p *Playground) location(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Pane string  `json:"pane"`
		Lat  float64 `json:"lat"`
		Lon  float64 `json:"lon"`
	}
	if !decode(w, r, &req) {
		return
	}
	u, ok := p.user(req.Pane)
	if !ok || math.Abs(req.Lat) > 90 || math.Abs(req.Lon) > 180 {
		fail(w, http.StatusBadRequest, "want a pane and a point on Earth")
		return
	}
	p.said(u.ID, message{Location: &point{Lat: req.Lat, Lon: req.Lon}})
	p.cfg.Emulator.SendLocation(u.ID, u, req.Lat, req.Lon)
	w.WriteHeader(http.StatusNoContent)
}

// clock moves the bot's clock forward: schedules, quiet hours and service
// levels can be seen without waiting.
func (p *Playground) clock(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Advance string `json:"advance"`
	}
	if !decode(w, r, &req) {
		return
	}
	d, err := time.ParseDuration(req.Advance)
	if err != nil || d <= 0 || d > 31*24*time.Hour {
		fail(w, http.StatusBadRequest, "want advance such as \"1h\" or \"24h\", up to a month")
		return
	}
	// Timers due in between fire in order; the scheduler runs what it
	// missed, as after any pause.
	p.cfg.Clock.Advance(d)
	p.broadcast(event{name: "clock", data: map[string]string{"clock": p.cfg.Clock.Now().In(p.cfg.City.Location).Format(time.RFC3339)}})
	w.WriteHeader(http.StatusNoContent)
}

// choosePerson switches the resident pane to another sample person.
func (p *Playground) choosePerson(w http.ResponseWriter, r *http.Request) {
	var req struct {
		ID string `json:"id"`
	}
	if !decode(w, r, &req) {
		return
	}
	p.mu.Lock()
	found := false
	for i, who := range p.cfg.People {
		if who.ID == req.ID {
			p.person, found = i, true
		}
	}
	p.mu.Unlock()
	if !found {
		fail(w, http.StatusBadRequest, "unknown person %q", req.ID)
		return
	}
	p.broadcast(event{name: "reset", data: map[string]any{}})
	w.WriteHeader(http.StatusNoContent)
}

// chooseDistrict shows the inspector and the chief of another district in
// the staff panes, so that a report from anywhere in the city can be
// followed.
func (p *Playground) chooseDistrict(w http.ResponseWriter, r *http.Request) {
	var req struct {
		District string `json:"district"`
	}
	if !decode(w, r, &req) {
		return
	}
	city := p.cfg.City
	d := city.District(req.District)
	if d == nil {
		fail(w, http.StatusBadRequest, "unknown district %q", req.District)
		return
	}
	inspector, chief := city.StaffMember(d.Inspector), city.PrecinctChief(d.Precinct)
	if inspector == nil || chief == nil || inspector.TelegramID == 0 || chief.TelegramID == 0 {
		fail(w, http.StatusBadRequest, "the staff of district %q are not on Telegram", req.District)
		return
	}
	p.mu.Lock()
	p.inspector, p.chief, p.focus = inspector, chief, d.ID
	p.mu.Unlock()
	p.broadcast(event{name: "reset", data: map[string]any{}})
	w.WriteHeader(http.StatusNoContent)
}

// photo serves a picture the bot uploaded, such as a poll chart.
func (p *Playground) photo(w http.ResponseWriter, r *http.Request) {
	chat, err1 := strconv.ParseInt(r.PathValue("chat"), 10, 64)
	id, err2 := strconv.Atoi(r.PathValue("id"))
	if err1 != nil || err2 != nil {
		http.NotFound(w, r)
		return
	}
	for _, s := range p.cfg.Emulator.Sent(chat) {
		if s.MessageID == id && s.Upload != nil {
			w.Header().Set("X-Content-Type-Options", "nosniff")
			w.Header().Set("Content-Type", http.DetectContentType(s.Upload.Data))
			_, _ = w.Write(s.Upload.Data)
			return
		}
	}
	http.NotFound(w, r)
}
