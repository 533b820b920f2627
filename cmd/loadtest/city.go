package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/beatbot-kz/beatbot/configs"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locate"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// loadConfig lifts the example city's delivery limits for the harness:
// Telegram's paid broadcast rate, no pause between messages to one chat
// and no quiet hours. Otherwise one inspector receiving a card a second
// and a notice waiting for the morning would measure the limits, not the
// bot. Each replacement is optional, so any city file works.
var loadConfig = []struct{ old, new string }{
	{`quiet_hours: {from: "22:00", to: "08:00"}`, "quiet_hours: off"},
	{"rate: 30 ", "rate: 1000 "},
	{"paid_broadcast: false ", "paid_broadcast: true "},
	{"per_chat: 1s ", "per_chat: 0s "},
	// Simulated residents press buttons far faster than people read.
	{"messages_per_minute: 30 ", "messages_per_minute: 600 "},
}

// pollDates open every poll from yesterday for a month, so the harness
// finds the example checklist open whenever it runs.
var (
	pollOpens  = regexp.MustCompile(`(?m)^opens: .*$`)
	pollCloses = regexp.MustCompile(`(?m)^closes: .*$`)
)

// copyConfig copies the directory of the city file config into dir with
// the load settings applied, and returns the copy's city file.
func copyConfig(config, dir string) (string, error) {
	src := filepath.Dir(config)
	dst := filepath.Join(dir, "config")
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		switch {
		case path == filepath.Clean(config):
			s := string(data)
			for _, r := range loadConfig {
				s = strings.Replace(s, r.old, r.new, 1)
			}
			data = []byte(s)
		case strings.HasPrefix(rel, "polls"+string(filepath.Separator)):
			today := time.Now()
			data = pollOpens.ReplaceAll(data, []byte("opens: "+today.AddDate(0, 0, -1).Format(time.DateOnly)))
			data = pollCloses.ReplaceAll(data, []byte("closes: "+today.AddDate(0, 1, 0).Format(time.DateOnly)))
		}
		target := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		return "", fmt.Errorf("copy city configuration %s: %w", src, err)
	}
	return filepath.Join(dst, filepath.Base(config)), nil
}

// cityFacts is what the harness needs to know about the city: a point in
// each district, to report from, and the staff's chats.
type cityFacts struct {
	city   *core.City
	points []core.Point
	// staff are the Telegram ids of every officer, to onboard them.
	staff []int64
	// inspectors are the Telegram ids of the officers tickets go to.
	inspectors []int64
	// dutyChats are the precincts' duty group chats.
	dutyChats []int64
}

func loadCity(path string) (*cityFacts, error) {
	city, _, err := configs.Load(path)
	if err != nil {
		return nil, err
	}
	ix, err := locate.New(city)
	if err != nil {
		return nil, err
	}
	f := &cityFacts{city: city}
	for i := range city.Districts {
		d := &city.Districts[i]
		if p, ok := pointIn(ix, d); ok {
			f.points = append(f.points, p)
		}
	}
	if len(f.points) == 0 {
		return nil, fmt.Errorf("%s: found no point inside any district", path)
	}
	for i := range city.Staff {
		s := &city.Staff[i]
		if s.TelegramID == 0 {
			continue
		}
		f.staff = append(f.staff, s.TelegramID)
		if s.Role == core.RoleInspector {
			f.inspectors = append(f.inspectors, s.TelegramID)
		}
	}
	for _, p := range city.Precincts {
		if p.DutyChat != 0 {
			f.dutyChats = append(f.dutyChats, p.DutyChat)
		}
	}
	return f, nil
}

// pointIn finds a point the city places in district d: its largest
// polygon's centroid, or failing that a point of a grid over its box.
func pointIn(ix *locate.Index, d *core.District) (core.Point, bool) {
	at := func(p orb.Point) (core.Point, bool) {
		pt := core.Point{Lat: p.Lat(), Lon: p.Lon()}
		found := ix.District(pt)
		return pt, found != nil && found.ID == d.ID
	}
	for _, poly := range d.Boundary {
		if c, _ := planar.CentroidArea(poly); true {
			if pt, ok := at(c); ok {
				return pt, true
			}
		}
		b := poly.Bound()
		for i := 1; i < 10; i++ {
			for j := 1; j < 10; j++ {
				p := orb.Point{b.Min.Lon() + (b.Max.Lon()-b.Min.Lon())*float64(i)/10, b.Min.Lat() + (b.Max.Lat()-b.Min.Lat())*float64(j)/10}
				if pt, ok := at(p); ok {
					return pt, true
				}
			}
		}
	}
	return core.Point{}, false
}

// staffChat returns the Telegram chat of the officer with staff id, or 0.
func (f *cityFacts) staffChat(id string) int64 {
	if s := f.city.StaffMember(id); s != nil {
		return s.TelegramID
	}
	return 0
}
