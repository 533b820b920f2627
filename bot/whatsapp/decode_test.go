package whatsapp

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

const decodePhoneID = "109876543210987"

var decodeNow = time.Date(2024, 6, 10, 12, 0, 0, 0, time.FixedZone("Almaty", 5*3600))

// decodeBody wraps messages (a JSON array's items) in a webhook payload for
// decodePhoneID.
func decodeBody(messages string) []byte {
	return []byte(`{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
		"messaging_product":"whatsapp","metadata":{"display_phone_number":"77172000102","phone_number_id":"` + decodePhoneID + `"},
		"contacts":[{"profile":{"name":"  Ерлан "},"wa_id":"77770000001"}],"messages":[` + messages + `]}}]}]}`)
}

// decodeWant is the Inbound of message "wamid.A" from 77770000001 at
// 1718000000, changed by f.
func decodeWant(f func(*core.Inbound)) core.Inbound {
	in := core.Inbound{
		Key: updateKey("wamid.A"), MessageID: "wamid.A", Chat: core.ChatRef{Channel: core.WhatsApp, ID: "77770000001"},
		From: "77770000001", FromName: "Ерлан", Received: time.Unix(1718000000, 0).UTC(), Kind: core.KindUnsupported,
	}
	f(&in)
	return in
}

func TestDecodeMessages(t *testing.T) {
	const head = `{"from":"77770000001","id":"wamid.A","timestamp":"1718000000",`
	tests := []struct {
		name    string
		message string
		want    []core.Inbound
	}{
		{"text", head + `"type":"text","text":{"body":" привет "}}`, []core.Inbound{decodeWant(func(in *core.Inbound) {
			in.Kind, in.Text = core.KindText, " привет "
		})}},
		{"command with tab and case", head + `"type":"text","text":{"body":"/HELP me  "}}`, []core.Inbound{decodeWant(func(in *core.Inbound) {
			in.Kind, in.Command, in.Text = core.KindCommand, "help", "me"
		})}},
		{"bare slash", head + `"type":"text","text":{"body":"/"}}`, []core.Inbound{decodeWant(func(in *core.Inbound) {
			in.Kind = core.KindCommand
		})}},
		{"text without body object", head + `"type":"text"}`, []core.Inbound{decodeWant(func(in *core.Inbound) {
			in.Unsupported = "text"
		})}},
		{"empty button id", head + `"type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"","title":"Да"}}}`,
			[]core.Inbound{decodeWant(func(in *core.Inbound) { in.Unsupported = "button" })}},
		{"button id of 64 bytes", head + `"type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"` + strings.Repeat("ж", 32) + `"}}}`,
			[]core.Inbound{decodeWant(func(in *core.Inbound) { in.Kind, in.Data = core.KindButton, strings.Repeat("ж", 32) })}},
		{"button id of 65 bytes", head + `"type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"` + strings.Repeat("ж", 32) + `x"}}}`,
			[]core.Inbound{decodeWant(func(in *core.Inbound) { in.Unsupported = "button" })}},
		{"flow reply", head + `"type":"interactive","interactive":{"type":"nfm_reply","nfm_reply":{"response_json":"{}"}}}`,
			[]core.Inbound{decodeWant(func(in *core.Inbound) { in.Unsupported = "interactive" })}},
		{"empty template payload", head + `"type":"button","button":{"text":"Да","payload":""}}`,
			[]core.Inbound{decodeWant(func(in *core.Inbound) { in.Unsupported = "button" })}},
		{"latitude out of range", head + `"type":"location","location":{"latitude":90.5,"longitude":76.9}}`,
			[]core.Inbound{decodeWant(func(in *core.Inbound) { in.Unsupported = "location" })}},
		{"longitude out of range", head + `"type":"location","location":{"latitude":43.2,"longitude":-180.01}}`,
			[]core.Inbound{decodeWant(func(in *core.Inbound) { in.Unsupported = "location" })}},
		{"location without longitude", head + `"type":"location","location":{"latitude":43.2}}`,
			[]core.Inbound{decodeWant(func(in *core.Inbound) { in.Unsupported = "location" })}},
		{"location at the pole", head + `"type":"location","location":{"latitude":-90,"longitude":180}}`,
			[]core.Inbound{decodeWant(func(in *core.Inbound) { in.Kind, in.Location = core.KindLocation, &core.Point{Lat: -90, Lon: 180} })}},
		{"image without id", head + `"type":"image","image":{"caption":"пожар"}}`,
			[]core.Inbound{decodeWant(func(in *core.Inbound) { in.Unsupported, in.Text = "image", "пожар" })}},
		{"video keeps its caption", head + `"type":"video","video":{"id":"5","caption":"драка во дворе"}}`,
			[]core.Inbound{decodeWant(func(in *core.Inbound) { in.Unsupported, in.Text = "video", "драка во дворе" })}},
		{"audio", head + `"type":"audio","audio":{"id":"5","voice":true}}`,
			[]core.Inbound{decodeWant(func(in *core.Inbound) { in.Unsupported = "audio" })}},
		{"strange type name", head + `"type":"<b>Hi</b>"}`,
			[]core.Inbound{decodeWant(func(in *core.Inbound) { in.Unsupported = "unknown" })}},
		{"errors win over content", head + `"type":"text","text":{"body":"hi"},"errors":[{"code":131051}]}`,
			[]core.Inbound{decodeWant(func(in *core.Inbound) { in.Unsupported = "text" })}},
		{"numeric timestamp", `{"from":"77770000001","id":"wamid.A","timestamp":1718000000,"type":"text","text":{"body":"hi"}}`,
			[]core.Inbound{decodeWant(func(in *core.Inbound) { in.Unsupported, in.Received = "text", decodeNow.UTC() })}},
		{"latitude as a string", head + `"type":"location","location":{"latitude":"43.2","longitude":76.9}}`,
			[]core.Inbound{decodeWant(func(in *core.Inbound) { in.Unsupported = "location" })}},
		{"zero timestamp", `{"from":"77770000001","id":"wamid.A","timestamp":"0","type":"sticker"}`,
			[]core.Inbound{decodeWant(func(in *core.Inbound) { in.Unsupported, in.Received = "sticker", decodeNow.UTC() })}},
		{"far-future timestamp", `{"from":"77770000001","id":"wamid.A","timestamp":"99999999999","type":"sticker"}`,
			[]core.Inbound{decodeWant(func(in *core.Inbound) { in.Unsupported, in.Received = "sticker", decodeNow.UTC() })}},
		{"sender without contact", `{"from":"77011111111","id":"wamid.A","timestamp":"1718000000","type":"sticker"}`,
			[]core.Inbound{decodeWant(func(in *core.Inbound) {
				in.Unsupported, in.From, in.Chat.ID, in.FromName = "sticker", "77011111111", "77011111111", ""
			})}},
		{"no id", `{"from":"77770000001","timestamp":"1718000000","type":"text","text":{"body":"hi"}}`, nil},
		{"no sender", `{"id":"wamid.A","timestamp":"1718000000","type":"text","text":{"body":"hi"}}`, nil},
		{"huge id", `{"from":"77770000001","id":"` + strings.Repeat("w", maxIDLen+1) + `","type":"sticker"}`, nil},
		{"reaction removed", head + `"type":"reaction","reaction":{"message_id":"wamid.B"}}`, nil},
		{"not an object", `42`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := decode(decodeBody(tt.message), decodePhoneID, decodeNow)
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if !reflect.DeepEqual(d.messages, tt.want) {
				t.Errorf("got  %+v\nwant %+v", d.messages, tt.want)
			}
		})
	}
}

func TestDecodeEnvelope(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		wantErr bool
	}{
		{"empty object", `{}`, false},
		{"null", `null`, false},
		{"another product", `{"object":"page","entry":[{"changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"` + decodePhoneID + `"},"messages":[{"from":"1","id":"m","type":"text","text":{"body":"x"}}]}}]}]}`, false},
		{"another field", `{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"message_template_status_update","value":{"event":"APPROVED","metadata":5}}]}]}`, false},
		{"value of the wrong shape", `{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":[1]}]}]}`, false},
		{"truncated", `{"object":"whatsapp_business_account","entry":[`, true},
		{"entry not an array", `{"object":"whatsapp_business_account","entry":{}}`, true},
		{"empty", ``, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := decode([]byte(tt.body), decodePhoneID, decodeNow)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error: got %v, want error %v", err, tt.wantErr)
			}
			if len(d.messages)+len(d.statuses) != 0 {
				t.Errorf("got %+v, want nothing", d)
			}
		})
	}
}
