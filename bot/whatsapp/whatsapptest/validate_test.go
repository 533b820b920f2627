package whatsapptest_test

import (
	"strings"
	"testing"
)

func TestValidation(t *testing.T) {
	long := func(n int) string { return strings.Repeat("ж", n) } // 2 bytes, 1 character
	withAction := func(m obj, k string, v any) obj {
		m["interactive"].(obj)["action"].(obj)[k] = v
		return m
	}
	twoSections := listMsg(alice, "Choose")
	withAction(twoSections, "sections", []obj{
		{"rows": []obj{{"id": "a", "title": "A"}}},
		{"title": "More", "rows": []obj{{"id": "b", "title": "B"}}},
	})
	tests := []struct {
		name        string
		msg         obj
		wantCode    int // 0: accepted
		wantDetails string
	}{
		{"text", textMsg(alice, "Hello"), 0, ""},
		{"text of 4096 characters", textMsg(alice, long(4096)), 0, ""},
		{"text of 4097 characters", textMsg(alice, long(4097)), 100, "Max length: 4096"},
		{"empty text", textMsg(alice, ""), 100, "text['body'] is required"},
		{"type defaults to text", obj{"messaging_product": "whatsapp", "to": alice, "text": obj{"body": "hi"}}, 0, ""},
		{"wrong product", obj{"messaging_product": "telegram", "to": alice, "type": "text", "text": obj{"body": "hi"}}, 100, "messaging_product"},
		{"to with plus", textMsg("+"+alice, "hi"), 100, "Param to"},
		{"unknown type", message(alice, "reaction", obj{"emoji": "👍"}), 100, "not emulated"},
		{"three buttons", buttonsMsg(alice, "Pick", titles(3)...), 0, ""},
		{"four buttons", buttonsMsg(alice, "Pick", titles(4)...), 131009, "Max allowed buttons: 3"},
		{"no buttons", buttonsMsg(alice, "Pick"), 131009, "Min allowed buttons: 1"},
		{"button title of 20 characters", buttonsMsg(alice, "Pick", long(20)), 0, ""},
		{"button title of 21 characters", buttonsMsg(alice, "Pick", long(21)), 131009, "Button title length invalid. Min length: 1, Max length: 20. Got 21"},
		{"empty button title", buttonsMsg(alice, "Pick", ""), 131009, "Button title"},
		{"duplicate button ids", withAction(buttonsMsg(alice, "Pick"), "buttons", []obj{
			{"type": "reply", "reply": obj{"id": "x", "title": "A"}}, {"type": "reply", "reply": obj{"id": "x", "title": "B"}}}),
			131009, "Duplicate button id"},
		{"button body of 1025 characters", buttonsMsg(alice, long(1025), "A"), 100, "Max length: 1024"},
		{"ten rows", listMsg(alice, "Choose", titles(10)...), 0, ""},
		{"eleven rows", listMsg(alice, "Choose", titles(11)...), 131009, "Total row count exceed max allowed count: 10"},
		{"row title of 25 characters", listMsg(alice, "Choose", long(25)), 131009, "Row title length invalid"},
		{"list button of 21 characters", listMsg(alice, long(21), "A"), 131009, "Button label"},
		{"two sections without a title", twoSections, 131009, "more than one section"},
		{"location request", message(alice, "interactive", obj{"type": "location_request_message",
			"body": obj{"text": "Where?"}, "action": obj{"name": "send_location"}}), 0, ""},
		{"location request with wrong action", message(alice, "interactive", obj{"type": "location_request_message",
			"body": obj{"text": "Where?"}, "action": obj{"name": "location"}}), 100, "send_location"},
		{"location", message(alice, "location", obj{"latitude": 43.25, "longitude": 76.95}), 0, ""},
		{"location as strings", message(alice, "location", obj{"latitude": "43.25", "longitude": "76.95"}), 100, "latitude"},
		{"location out of range", message(alice, "location", obj{"latitude": 143.25, "longitude": 76.95}), 131009, "out of range"},
		{"image link", message(alice, "image", obj{"link": "https://example.org/a.png", "caption": "Chart"}), 0, ""},
		{"image id and link", message(alice, "image", obj{"id": "1", "link": "https://example.org/a.png"}), 100, "exactly one of id and link"},
		{"image caption of 1025", message(alice, "image", obj{"id": "1", "caption": long(1025)}), 100, "Max length: 1024"},
		{"template", templateMsg(alice, "reminder", "ru", "Abay 10"), 0, ""},
		{"template without language", message(alice, "template", obj{"name": "reminder"}), 100, "language"},
		{"template with empty parameter", templateMsg(alice, "reminder", "ru", ""), 131009, "must not be empty"},
	}
	srv := newServer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, a := send(t, srv, tt.msg)
			switch {
			case tt.wantCode == 0 && status != 200:
				t.Fatalf("got %d %+v, want 200", status, a.Error)
			case tt.wantCode == 0:
				return
			case status != 400 || a.Error.Code != tt.wantCode || !strings.Contains(a.Error.ErrorData.Details, tt.wantDetails):
				t.Fatalf("got %d %+v, want 400 code %d with %q", status, a.Error, tt.wantCode, tt.wantDetails)
			case a.Error.ErrorData.MessagingProduct != "whatsapp" || !strings.HasPrefix(a.Error.Message, "(#"):
				t.Errorf("got %+v, want Meta's error shape", a.Error)
			}
		})
	}
}
