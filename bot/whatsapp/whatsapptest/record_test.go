package whatsapptest_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/whatsapp/whatsapptest"
)

func TestSentViews(t *testing.T) {
	srv := newServer(t)
	reply := textMsg(alice, "Thanks")
	reply["context"] = obj{"message_id": "wamid.IN1"}
	tests := []struct {
		name  string
		msg   obj
		check func(s whatsapptest.Sent) bool
	}{
		{"text", reply, func(s whatsapptest.Sent) bool {
			return s.Type == "text" && s.Text == "Thanks" && s.ReplyTo == "wamid.IN1"
		}},
		{"buttons", buttonsMsg(alice, "Pick one", "Yes", "No"), func(s whatsapptest.Sent) bool {
			return s.Type == "interactive" && s.Text == "Pick one" &&
				reflect.DeepEqual(s.Buttons, []whatsapptest.Button{{ID: "b0", Title: "Yes"}, {ID: "b1", Title: "No"}})
		}},
		{"list", listMsg(alice, "Districts", "Almaly", "Medeu"), func(s whatsapptest.Sent) bool {
			return s.List != nil && s.List.Button == "Districts" && reflect.DeepEqual(s.List.Rows, []whatsapptest.Row{
				{ID: "r0", Title: "Almaly", Description: "row Almaly", Section: "Options"},
				{ID: "r1", Title: "Medeu", Description: "row Medeu", Section: "Options"}})
		}},
		{"location request", message(alice, "interactive", obj{"type": "location_request_message",
			"body": obj{"text": "Where?"}, "action": obj{"name": "send_location"}}), func(s whatsapptest.Sent) bool {
			return s.LocationRequest && s.Text == "Where?"
		}},
		{"location", message(alice, "location", obj{"latitude": 43.25, "longitude": 76.95, "name": "Akimat"}), func(s whatsapptest.Sent) bool {
			return reflect.DeepEqual(s.Location, &whatsapptest.Location{Latitude: 43.25, Longitude: 76.95, Name: "Akimat"})
		}},
		{"image", message(alice, "image", obj{"link": "https://example.org/a.png", "caption": "Chart"}), func(s whatsapptest.Sent) bool {
			return s.Image != nil && s.Image.Link == "https://example.org/a.png" && s.Text == "Chart" && s.Image.Data == nil
		}},
		{"template", templateMsg(alice, "ticket_update", "kk", "#42", "closed"), func(s whatsapptest.Sent) bool {
			return reflect.DeepEqual(s.Template, &whatsapptest.Template{Name: "ticket_update", Lang: "kk", Params: []string{"#42", "closed"}}) &&
				s.Text == "#42\nclosed"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, a := send(t, srv, tt.msg)
			if status != 200 {
				t.Fatalf("got %d %+v, want 200", status, a.Error)
			}
			all := srv.Sent(alice)
			got := all[len(all)-1]
			if !tt.check(got) {
				t.Errorf("got %+v, want the %s parsed", got, tt.name)
			}
			var raw obj
			if err := json.Unmarshal(got.Raw, &raw); err != nil || got.ID != a.Messages[0].ID || got.At.IsZero() {
				t.Errorf("got id %s, raw %s, at %v, want the answered id, the body and a time", got.ID, got.Raw, got.At)
			}
		})
	}
	if got := len(srv.AllSent()); got != len(tests) {
		t.Errorf("got %d in AllSent, want %d", got, len(tests))
	}
}

func TestWaitSent(t *testing.T) {
	srv := newServer(t)
	ctx := testCtx(t)
	const bob = "77029876543"
	go func() {
		for _, to := range []string{bob, alice, alice} {
			body, _ := json.Marshal(textMsg(to, "hi "+to))
			if _, _, _, err := call(ctx, http.MethodPost, srv.URL()+"/"+testPhoneID+"/messages", testToken, "application/json", body); err != nil {
				t.Errorf("send: %v", err)
			}
		}
	}()
	got, err := srv.WaitSent(ctx, alice, 2)
	if err != nil || len(got) != 2 || got[0].To != alice {
		t.Fatalf("got %+v, %v, want two messages to alice", got, err)
	}
	if got := srv.Sent(bob); len(got) != 1 {
		t.Errorf("got %d for bob, want 1", len(got))
	}

	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if got, err := srv.WaitSent(short, alice, 3); !errors.Is(err, context.DeadlineExceeded) || len(got) != 2 {
		t.Errorf("got %d, %v, want the 2 sent and DeadlineExceeded", len(got), err)
	}
	srv.Close()
	if _, err := srv.WaitSent(ctx, alice, 3); !errors.Is(err, whatsapptest.ErrClosed) {
		t.Errorf("got %v, want ErrClosed", err)
	}
}
