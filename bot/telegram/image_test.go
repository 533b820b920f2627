package telegram_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/beatbot-kz/beatbot/core"
)

// chartPNG encodes a w×h PNG, as the chart renderer makes them.
func chartPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatalf("encode png: %v", err)
	}
	return buf.Bytes()
}

// checkUpload fails unless m is a sendPhoto that uploaded want as
// chart.png, a PNG.
func checkUpload(t *testing.T, m emulator.Sent, want []byte) {
	t.Helper()
	if m.Method != "sendPhoto" || m.Upload == nil {
		t.Fatalf("got %s with upload %v, want sendPhoto with an upload", m.Method, m.Upload)
	}
	if m.Upload.Filename != "chart.png" || !bytes.Equal(m.Upload.Data, want) {
		t.Errorf("got upload %s of %d bytes, want chart.png of %d bytes", m.Upload.Filename, len(m.Upload.Data), len(want))
	}
	if _, err := png.DecodeConfig(bytes.NewReader(m.Upload.Data)); err != nil {
		t.Errorf("upload does not decode as PNG: %v", err)
	}
}

func TestSendImage(t *testing.T) {
	chart := chartPNG(t, 800, 400)
	buttons := [][]core.Button{{{Label: "Accept", Data: "t:accept"}}}
	pin := &core.Pin{Point: core.Point{Lat: 49.82, Lon: 73.077}, Title: "Station", Address: "Erubaev 40"}
	long := strings.Repeat("Сынған шам. ", 166) + "Соңы" // 2,000 characters
	tests := []sendCase{
		{"short caption with buttons", core.Reply{Image: chart, Text: "Reports this week", Buttons: buttons},
			[]sentMessage{{"sendPhoto", "Reports this week", true}}},
		{"image alone", core.Reply{Image: chart},
			[]sentMessage{{"sendPhoto", "", false}}},
		// A WhatsApp photo takes the photo's slot as a note, captioned
		// alike, so a retry counts the same calls.
		{"whatsapp photo with a caption", core.Reply{Photo: "wa:123", Text: "KRG-0001", Lang: core.English, Buttons: buttons},
			[]sentMessage{{"sendMessage", "📷 A photo came with this through another messenger; it cannot be shown here.\n\nKRG-0001", true}}},
		{"whatsapp photo with a long text", core.Reply{Photo: "wa:123", Text: long, Lang: core.English},
			[]sentMessage{{"sendMessage", "📷 A photo came with this through another messenger; it cannot be shown here.", false}, {"sendMessage", long, false}}},
		{"long text follows the image", core.Reply{Image: chart, Text: long, Buttons: buttons},
			[]sentMessage{{"sendPhoto", "", false}, {"sendMessage", long, true}}},
		{"pin with a short text", core.Reply{Image: chart, Text: "Reports this week", Pin: pin, Buttons: buttons},
			[]sentMessage{{"sendPhoto", "Reports this week", false}, {"sendVenue", "", true}}},
		{"image wins over photo", core.Reply{Image: chart, Photo: photoID, Text: "Reports this week"},
			[]sentMessage{{"sendPhoto", "Reports this week", false}}},
	}
	checkSends(t, 700, tests, func(t *testing.T, got emulator.Sent) {
		if got.Method == "sendPhoto" {
			checkUpload(t, got, chart)
		}
	})
}

// TestSendImageRetriesAfter429 checks that the upload retried after a 429
// carries the whole image again.
func TestSendImageRetriesAfter429(t *testing.T) {
	tg, srv := newSender(t, false)
	chart := chartPNG(t, 320, 200)
	srv.FailNext("sendPhoto", 1, emulator.Fault{Code: 429, RetryAfter: 1})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := tg.Send(ctx, chatRef(720), core.Reply{Image: chart, Text: "hi"}); err != nil {
		t.Fatalf("send: %v", err)
	}
	sent := srv.Sent(720)
	if len(sent) != 1 {
		t.Fatalf("sent %d messages, want one photo", len(sent))
	}
	checkUpload(t, sent[0], chart)
	if got := countMethod(srv.Calls(), "sendPhoto"); got != 2 {
		t.Errorf("sendPhoto called %d times, want 2", got)
	}
}

// TestDeliverImageResumesAfter429 rate-limits the text of an image with a
// long text: the retry sends only the text, with the buttons.
func TestDeliverImageResumesAfter429(t *testing.T) {
	tg, srv := newSender(t, true)
	chart := chartPNG(t, 800, 400)
	r := core.Reply{Image: chart, Text: strings.Repeat("ж", 2000), Buttons: [][]core.Button{{{Label: "Accept", Data: "t:accept"}}}}
	srv.FailNext("sendMessage", 1, emulator.Fault{Code: 429, RetryAfter: 4})
	done, err := tg.Deliver(context.Background(), chatRef(730), r, 0)
	var rl *core.RateLimitError
	if done != 1 || !errors.As(err, &rl) || rl.RetryAfter != 4*time.Second {
		t.Fatalf("first attempt: %d done, %v; want the image done and *core.RateLimitError after 4s", done, err)
	}
	if done, err = tg.Deliver(context.Background(), chatRef(730), r, done); err != nil || done != 2 {
		t.Fatalf("retry: %d done, %v; want both done", done, err)
	}
	sent := srv.Sent(730)
	if len(sent) != 2 {
		t.Fatalf("sent %d messages %+v, want the image and the text", len(sent), sent)
	}
	checkUpload(t, sent[0], chart)
	if _, ok := sent[0].ReplyMarkup.InlineButton("Accept"); ok || sent[0].Text != "" {
		t.Errorf("image: caption %.20q with buttons %v, want neither", sent[0].Text, ok)
	}
	if _, ok := sent[1].ReplyMarkup.InlineButton("Accept"); sent[1].Method != "sendMessage" || sent[1].Text != r.Text || !ok {
		t.Errorf("got %s %.20q buttons %v, want the text with the buttons", sent[1].Method, sent[1].Text, ok)
	}
	if got := countMethod(srv.Calls(), "sendPhoto"); got != 1 {
		t.Errorf("image uploaded %d times, want once", got)
	}
	for _, c := range srv.Calls() {
		if c.Method == "sendPhoto" && c.Params["allow_paid_broadcast"] != "true" {
			t.Errorf("upload without allow_paid_broadcast")
		}
	}
}

func TestDeliverImageErrors(t *testing.T) {
	chart := chartPNG(t, 320, 200)
	tests := []struct {
		name  string
		image []byte
		fault *emulator.Fault // on sendPhoto
		block bool
		check func(t *testing.T, err error)
	}{
		{"rate limited", chart, &emulator.Fault{Code: 429, RetryAfter: 7}, false, func(t *testing.T, err error) {
			var rl *core.RateLimitError
			if !errors.As(err, &rl) || rl.RetryAfter != 7*time.Second {
				t.Errorf("got %v, want *core.RateLimitError after 7s", err)
			}
		}},
		{"blocked", chart, nil, true, isUnreachable},
		{"not an image", []byte("not a png"), nil, false, func(t *testing.T, err error) {
			if !errors.Is(err, core.ErrRejected) || !strings.Contains(err.Error(), "IMAGE_PROCESS_FAILED") {
				t.Errorf("got %v, want core.ErrRejected for IMAGE_PROCESS_FAILED", err)
			}
		}},
		{"server error", chart, &emulator.Fault{Code: 502}, false, func(t *testing.T, err error) {
			var rl *core.RateLimitError
			if err == nil || errors.Is(err, core.ErrRejected) || errors.Is(err, core.ErrUnreachable) || errors.As(err, &rl) {
				t.Errorf("got %v, want a transient error", err)
			}
		}},
		{"connection dropped", chart, &emulator.Fault{Drop: true}, false, func(t *testing.T, err error) {
			if err == nil || errors.Is(err, core.ErrRejected) || errors.Is(err, core.ErrUnreachable) {
				t.Errorf("got %v, want a transient error", err)
			}
		}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tg, srv := newSender(t, false)
			chatID := int64(740 + i)
			if tt.fault != nil {
				srv.FailNext("sendPhoto", 1, *tt.fault)
			}
			srv.SetBlocked(chatID, tt.block)
			done, err := tg.Deliver(context.Background(), chatRef(chatID), core.Reply{Image: tt.image, Text: strings.Repeat("ж", 2000)}, 0)
			tt.check(t, err)
			if done != 0 {
				t.Errorf("%d calls done, want 0", done)
			}
			if n := countMethod(srv.Calls(), "sendPhoto") + countMethod(srv.Calls(), "sendMessage"); n != 1 {
				t.Errorf("%d send calls, want 1: Deliver makes one attempt and stops at the first failure", n)
			}
		})
	}
}
