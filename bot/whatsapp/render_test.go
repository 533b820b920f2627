package whatsapp

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
)

// kinds summarises rendered calls as "type/interactive type", e.g.
// "interactive/button", "text", "upload+image".
func kinds(calls []call) string {
	var out []string
	for _, c := range calls {
		k := c.msg["type"].(string)
		if k == "interactive" {
			k += "/" + c.msg["interactive"].(map[string]any)["type"].(string)
		}
		if c.image != nil {
			k = "upload+" + k
		}
		out = append(out, k)
	}
	return strings.Join(out, ", ")
}

func buttons(n int, label string) [][]core.Button {
	var rows [][]core.Button
	for i := range n {
		rows = append(rows, []core.Button{{Label: label, Data: "x:" + string(rune('a'+i))}})
	}
	return rows
}

func TestRender(t *testing.T) {
	long := strings.Repeat("Абзац текста. ", 400) // 5,600 characters
	for _, tc := range []struct {
		name  string
		r     core.Reply
		kinds string
		check func(t *testing.T, calls []call)
	}{
		{"text", core.Reply{Text: "Привет"}, "text", nil},
		{"long text", core.Reply{Text: long}, "text, text", func(t *testing.T, calls []call) {
			for _, c := range calls {
				if n := len([]rune(c.msg["text"].(map[string]any)["body"].(string))); n > maxText {
					t.Errorf("a text part has %d characters", n)
				}
			}
		}},
		{"three short buttons", core.Reply{Text: "Выберите", Buttons: buttons(3, "Да")}, "interactive/button", nil},
		{"a long label with a short one", core.Reply{Text: "?", Buttons: [][]core.Button{
			{{Label: "📝 Сообщить о проблеме в районе", Short: "📝 Сообщить", Data: "m:report"}},
		}}, "interactive/button", func(t *testing.T, calls []call) {
			b := calls[0].msg["interactive"].(map[string]any)["action"].(map[string]any)["buttons"].([]map[string]any)
			if title := b[0]["reply"].(map[string]any)["title"]; title != "📝 Сообщить" {
				t.Errorf("button title %q, want the short label", title)
			}
		}},
		{"a long label without a short one", core.Reply{Text: "?", Buttons: [][]core.Button{
			{{Label: "Участок №2 — Ерубаева, Бухар-Жырау", Data: "pick:1"}},
		}}, "interactive/list", func(t *testing.T, calls []call) {
			row := rows(calls[0])[0]
			if title := row["title"].(string); len([]rune(title)) > maxRowTitle || !strings.HasSuffix(title, "…") {
				t.Errorf("row title %q: want at most %d characters, cut at a word", title, maxRowTitle)
			}
			if row["description"] != "Участок №2 — Ерубаева, Бухар-Жырау" {
				t.Errorf("row description %q: want the whole label", row["description"])
			}
		}},
		{"four options", core.Reply{Text: "Меню", Buttons: buttons(4, "Пункт")}, "interactive/list", nil},
		{"twelve options", core.Reply{Text: "Меню", Lang: core.Kazakh, Buttons: buttons(12, "Пункт")}, "interactive/list, interactive/list", func(t *testing.T, calls []call) {
			if n := len(rows(calls[0])) + len(rows(calls[1])); n != 12 || len(rows(calls[0])) != maxRows {
				t.Errorf("rows split %d+%d, want 10+2", len(rows(calls[0])), len(rows(calls[1])))
			}
			body := calls[1].msg["interactive"].(map[string]any)["body"].(map[string]any)["text"]
			if body != "Тағы нұсқалар (2/2):" {
				t.Errorf("second page body %q", body)
			}
		}},
		{"location request", core.Reply{Text: "Отправьте геопозицию", RequestLocation: "📍 Отправить"}, "interactive/location_request_message", nil},
		{"location request with buttons", core.Reply{Text: "Где?", RequestLocation: "📍 Отправить", Buttons: buttons(1, "Меню")},
			"interactive/button, interactive/location_request_message", nil},
		{"pin", core.Reply{Text: "Ваш участковый", Pin: &core.Pin{Point: core.Point{Lat: 49.8, Lon: 73.1}, Title: "№2"}}, "location, text", nil},
		{"whatsapp photo with caption", core.Reply{Text: "Фото", Photo: "wa:123"}, "image", func(t *testing.T, calls []call) {
			img := calls[0].msg["image"].(map[string]any)
			if img["id"] != "123" || img["caption"] != "Фото" {
				t.Errorf("image %v", img)
			}
		}},
		{"telegram photo", core.Reply{Text: "Карточка", Photo: "AgACAgIAAxkB", Lang: core.English}, "text", func(t *testing.T, calls []call) {
			if body := calls[0].msg["text"].(map[string]any)["body"].(string); !strings.Contains(body, "another messenger") {
				t.Errorf("body %q: want a note that the photo is elsewhere", body)
			}
		}},
		{"chart", core.Reply{Text: "1. Вопрос", Image: []byte("PNG")}, "upload+image", nil},
		{"chart with buttons", core.Reply{Text: "1. Вопрос", Image: []byte("PNG"), Buttons: buttons(1, "Меню")}, "upload+image, interactive/button", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			calls := render("77010000001", tc.r)
			if got := kinds(calls); got != tc.kinds {
				t.Fatalf("calls %s, want %s", got, tc.kinds)
			}
			for _, c := range calls {
				if _, err := json.Marshal(c.msg); err != nil {
					t.Fatal(err)
				}
				if c.msg["to"] != "77010000001" || c.msg["messaging_product"] != "whatsapp" {
					t.Errorf("message %v lacks the recipient or product", c.msg)
				}
			}
			if tc.check != nil {
				tc.check(t, calls)
			}
		})
	}
}

func rows(c call) []map[string]any {
	action := c.msg["interactive"].(map[string]any)["action"].(map[string]any)
	return action["sections"].([]map[string]any)[0]["rows"].([]map[string]any)
}

func TestClip(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"коротко", 20, "коротко"},
		{"Участок №2 — Ерубаева, Бухар-Жырау", 24, "Участок №2 — Ерубаева…"},
		{"Сверхдлинноесловобезпробелов", 10, "Сверхдлин…"},
	} {
		if got := clip(tc.in, tc.n); got != tc.want || len([]rune(got)) > tc.n {
			t.Errorf("clip(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestRenderNeverSendsAnEmptyBody(t *testing.T) {
	for _, r := range []core.Reply{
		{Text: "Выберите\n\n\n\n", Buttons: buttons(2, "Да")},
		{Text: "\n\n", Buttons: buttons(5, "Пункт")},
		{Text: "   ", RequestLocation: "📍 Отправить"},
		{Text: "\n"},
	} {
		for _, c := range render("77010000001", r) {
			typ := c.msg["type"].(string)
			var body string
			switch typ {
			case "text":
				body = c.msg["text"].(map[string]any)["body"].(string)
			case "interactive":
				body = c.msg["interactive"].(map[string]any)["body"].(map[string]any)["text"].(string)
			default:
				continue
			}
			if strings.TrimSpace(body) == "" {
				t.Errorf("reply %q renders a %s with an empty body", r.Text, typ)
			}
		}
	}
}
