package whatsapp_test

import (
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/whatsapp"
	"github.com/beatbot-kz/beatbot/core"
)

// hookSampleAt is the timestamp of the sample messages.
var hookSampleAt = time.Unix(1718000000, 0).UTC()

// hookSampleIn is the Inbound every sample message shares, with the wamid
// suffix n.
func hookSampleIn(n string) core.Inbound {
	id := "wamid.HBgLNzcwNzEyMzQ1NjcVAgASGBQzQTRBNjU5OUFFRTAz" + n
	return core.Inbound{
		Key: "whatsapp:" + core.Digest(id), MessageID: id, Chat: core.ChatRef{Channel: core.WhatsApp, ID: "77071234567"},
		From: "77071234567", FromName: "Айгерим Нурланова", Received: hookSampleAt,
	}
}

// hookWith returns in changed by f.
func hookWith(in core.Inbound, f func(*core.Inbound)) core.Inbound { f(&in); return in }

func TestWebhookPayloads(t *testing.T) {
	tests := []struct {
		file     string
		want     []core.Inbound
		statuses []whatsapp.Status
	}{
		{"text.json", []core.Inbound{hookWith(hookSampleIn("MDE="), func(in *core.Inbound) {
			in.Kind, in.Text = core.KindText, "Сосед шумит после 23:00, что делать?"
		})}, nil},
		{"command.json", []core.Inbound{hookWith(hookSampleIn("MDI="), func(in *core.Inbound) {
			in.Kind, in.Command, in.Text = core.KindCommand, "start", "ru"
		})}, nil},
		{"button_reply.json", []core.Inbound{hookWith(hookSampleIn("MDM="), func(in *core.Inbound) {
			in.Kind, in.Data = core.KindButton, "lang:kk"
		})}, nil},
		{"list_reply.json", []core.Inbound{hookWith(hookSampleIn("MDQ="), func(in *core.Inbound) {
			in.Kind, in.Data = core.KindButton, "pick:3:street-17"
		})}, nil},
		{"location.json", []core.Inbound{hookWith(hookSampleIn("MDU="), func(in *core.Inbound) {
			in.Kind, in.Location = core.KindLocation, &core.Point{Lat: 43.238949, Lon: 76.889709}
		})}, nil},
		{"image.json", []core.Inbound{hookWith(hookSampleIn("MDY="), func(in *core.Inbound) {
			in.Kind, in.Photo, in.Text = core.KindPhoto, "wa:1003383421387256", "Сломанный фонарь у дома 12"
		})}, nil},
		{"sticker.json", []core.Inbound{hookWith(hookSampleIn("MDc="), func(in *core.Inbound) {
			in.Kind, in.Unsupported = core.KindUnsupported, "sticker"
		})}, nil},
		{"reaction.json", nil, nil},
		{"template_button.json", []core.Inbound{hookWith(hookSampleIn("MDk="), func(in *core.Inbound) {
			in.Kind, in.Data = core.KindButton, "poll:start:p2024"
		})}, nil},
		{"unsupported.json", []core.Inbound{hookWith(hookSampleIn("MTA="), func(in *core.Inbound) {
			in.Kind, in.Unsupported = core.KindUnsupported, "unsupported"
		})}, nil},
		{"long_button.json", []core.Inbound{hookWith(hookSampleIn("MTQ="), func(in *core.Inbound) {
			in.Kind, in.Unsupported = core.KindUnsupported, "button"
		})}, nil},
		{"two_messages.json", []core.Inbound{
			hookWith(hookSampleIn("MTE="), func(in *core.Inbound) { in.Kind, in.Text = core.KindText, "Здравствуйте" }),
			hookWith(hookSampleIn("MTI="), func(in *core.Inbound) {
				in.Kind, in.Text, in.Received = core.KindText, "Сәлеметсіз бе", hookSampleAt.Add(5*time.Second)
				in.Chat.ID, in.From, in.FromName = "77770000001", "77770000001", "Ерлан"
			}),
		}, nil},
		{"other_number.json", nil, nil},
		{"status_delivered.json", nil, []whatsapp.Status{{
			MessageID: "wamid.HBgLNzcwNzEyMzQ1NjcVAgARGBI1RjQ0RkE3QjE1MEQ1RTZFOQA=", Status: "delivered",
			Chat: core.ChatRef{Channel: core.WhatsApp, ID: "77071234567"}, At: hookSampleAt.Add(100 * time.Second),
		}}},
		{"status_failed.json", nil, []whatsapp.Status{{
			MessageID: "wamid.HBgLNzcwMTExMTExMTEVAgARGBI2QTdCRTI1RkE3QjE1MEQ1RTZFOQA=", Status: "failed",
			Chat: core.ChatRef{Channel: core.WhatsApp, ID: "77011111111"}, At: hookSampleAt.Add(200 * time.Second),
			Code: 131026, Title: "Message undeliverable",
		}}},
	}
	for _, tt := range tests {
		t.Run(strings.TrimSuffix(tt.file, ".json"), func(t *testing.T) {
			inbox, statuses := &hookInbox{}, &hookStatuses{}
			srv := newHookServer(t, inbox, statuses)
			if got := postSigned(t, srv, hookSample(t, tt.file)); got != http.StatusOK {
				t.Fatalf("status: got %d, want %d", got, http.StatusOK)
			}
			if got := inbox.messages(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("accepted:\n got %+v\nwant %+v", got, tt.want)
			}
			if got := statuses.statuses(); !reflect.DeepEqual(got, tt.statuses) {
				t.Errorf("statuses:\n got %+v\nwant %+v", got, tt.statuses)
			}
		})
	}
}

func TestWebhookUnknownType(t *testing.T) {
	inbox := &hookInbox{}
	srv := newHookServer(t, inbox, nil)
	body := []byte(`{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
		"messaging_product":"whatsapp","metadata":{"phone_number_id":"` + hookPhoneID + `"},
		"messages":[{"from":"77071234567","id":"wamid.X1","timestamp":"1718000000","type":"hologram","hologram":{"id":"9"}}]}}]}]}`)
	if got := postSigned(t, srv, body); got != http.StatusOK {
		t.Fatalf("status: got %d, want %d", got, http.StatusOK)
	}
	got := inbox.messages()
	if len(got) != 1 || got[0].Kind != core.KindUnsupported || got[0].Unsupported != "hologram" || got[0].Key != "whatsapp:"+core.Digest("wamid.X1") {
		t.Errorf("got %+v, want one unsupported hologram keyed whatsapp:wamid.X1", got)
	}
}

func TestWebhookStatusHandling(t *testing.T) {
	tests := []struct {
		name     string
		statuses whatsapp.StatusHandler
	}{
		{"handler fails", &hookStatuses{err: errors.New("outbox closed")}},
		{"no handler", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newHookServer(t, &hookInbox{}, tt.statuses)
			if got := postSigned(t, srv, hookSample(t, "status_failed.json")); got != http.StatusOK {
				t.Errorf("status: got %d, want %d: statuses are advisory", got, http.StatusOK)
			}
		})
	}
}
