package emulator_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
)

// pngBytes encodes a blank w×h PNG, as a chart renderer would make one.
func pngBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatalf("encode png: %v", err)
	}
	return buf.Bytes()
}

// pngHeader is the start of a w×h PNG, as far as image.DecodeConfig reads
// it: enough for the dimension checks, without encoding millions of pixels.
func pngHeader(w, h int) []byte {
	ihdr := []byte("IHDR")
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	ihdr = append(ihdr, 8, 0, 0, 0, 0) // 8-bit greyscale, no interlace
	out := []byte("\x89PNG\r\n\x1a\n")
	out = binary.BigEndian.AppendUint32(out, uint32(len(ihdr)-4))
	out = append(out, ihdr...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(ihdr))
}

func uploadPhoto(data []byte, caption string) *bot.SendPhotoParams {
	return &bot.SendPhotoParams{ChatID: alice.ID, Caption: caption,
		Photo: &models.InputFileUpload{Filename: "chart.png", Data: bytes.NewReader(data)}}
}

func TestSendPhotoUpload(t *testing.T) {
	tests := []struct {
		name  string
		w, h  int
		data  []byte
		sizes []string // width×height of each size, smallest first
	}{
		{"small", 60, 40, pngBytes(t, 60, 40), []string{"60×40"}},
		{"chart", 800, 400, pngBytes(t, 800, 400), []string{"90×45", "320×160", "800×400"}},
		{"portrait", 600, 1000, pngBytes(t, 600, 1000), []string{"54×90", "192×320", "480×800", "600×1000"}},
		{"over the largest size", 3000, 1500, pngHeader(3000, 1500), []string{"90×45", "320×160", "800×400", "1280×640", "2560×1280"}},
	}
	srv := newServer(t)
	b := newBot(t, srv)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.data
			msg, err := b.SendPhoto(testCtx(t), uploadPhoto(data, "Reports this week"))
			if err != nil {
				t.Fatalf("send photo: %v", err)
			}
			var sizes []string
			ids := map[string]bool{}
			for _, p := range msg.Photo {
				sizes = append(sizes, fmt.Sprintf("%d×%d", p.Width, p.Height))
				if p.FileID == "" || p.FileUniqueID == "" || p.FileSize <= 0 || ids[p.FileID] {
					t.Errorf("got size %+v, want a new file_id, file_unique_id and file_size", p)
				}
				ids[p.FileID] = true
			}
			if got, want := strings.Join(sizes, " "), strings.Join(tt.sizes, " "); got != want {
				t.Errorf("got sizes %s, want %s", got, want)
			}
			if last := msg.Photo[len(msg.Photo)-1]; last.Width == tt.w && last.FileSize != len(data) {
				t.Errorf("got file_size %d for the original size, want %d", last.FileSize, len(data))
			}
			if msg.Caption != "Reports this week" || msg.From == nil || !msg.From.IsBot {
				t.Errorf("got caption %q from %+v, want the caption from the bot", msg.Caption, msg.From)
			}

			sent := srv.Sent(alice.ID)
			got := sent[len(sent)-1]
			if got.Upload == nil {
				t.Fatalf("got %+v, want the upload recorded", got)
			}
			if got.Upload.Field != "photo" || got.Upload.Filename != "chart.png" || !bytes.Equal(got.Upload.Data, data) {
				t.Errorf("got upload %s %s of %d bytes, want photo chart.png of %d bytes", got.Upload.Field, got.Upload.Filename, len(got.Upload.Data), len(data))
			}
			if cfg, err := png.DecodeConfig(bytes.NewReader(got.Upload.Data)); err != nil || cfg.Width != tt.w || cfg.Height != tt.h {
				t.Errorf("recorded upload decodes as %+v, %v; want a %d×%d PNG", cfg, err, tt.w, tt.h)
			}
			if got.Photo != msg.Photo[len(msg.Photo)-1].FileID || got.MessageID != msg.ID || got.Text != msg.Caption {
				t.Errorf("got %+v, want the largest size's file_id, message id %d and the caption", got, msg.ID)
			}
			if stored, ok := srv.Message(alice.ID, msg.ID); !ok || len(stored.Photo) != len(tt.sizes) {
				t.Errorf("got stored message %+v, %v; want the sizes", stored, ok)
			}
		})
	}
	// A photo resent by file_id has no upload.
	id := srv.Sent(alice.ID)[0].Photo
	if _, err := b.SendPhoto(testCtx(t), &bot.SendPhotoParams{ChatID: alice.ID, Photo: &models.InputFileString{Data: id}}); err != nil {
		t.Fatalf("resend by file_id: %v", err)
	}
	if sent := srv.Sent(alice.ID); sent[len(sent)-1].Upload != nil || sent[len(sent)-1].Photo != id {
		t.Errorf("got %+v, want file_id %s and no upload", sent[len(sent)-1], id)
	}
}

func TestSendPhotoUploadValidation(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		caption string
		want    string
	}{
		{"empty file", nil, "", "file must be non-empty"},
		{"not an image", []byte("\x89PNG but not really"), "", "IMAGE_PROCESS_FAILED"},
		{"too thin", pngHeader(2100, 100), "", "PHOTO_INVALID_DIMENSIONS"},
		{"too large", pngHeader(6000, 4001), "", "PHOTO_INVALID_DIMENSIONS"},
		{"caption too long", pngBytes(t, 80, 60), strings.Repeat("ж", 1025), "message caption is too long"},
	}
	srv := newServer(t)
	b := newBot(t, srv)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := b.SendPhoto(testCtx(t), uploadPhoto(tt.data, tt.caption))
			if !errors.Is(err, bot.ErrorBadRequest) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want a bad request with %q", err, tt.want)
			}
		})
	}
	if sent := srv.Sent(alice.ID); len(sent) != 0 {
		t.Errorf("got %d sent, want none", len(sent))
	}
}

// TestSendPhotoUploadFaults checks that injected faults apply to uploads
// and that the call still records the uploaded bytes.
func TestSendPhotoUploadFaults(t *testing.T) {
	tests := []struct {
		name     string
		fault    emulator.Fault
		check    func(t *testing.T, err error)
		wantSent int
	}{
		{"429", emulator.Fault{Code: 429, RetryAfter: 3}, func(t *testing.T, err error) {
			var tooMany *bot.TooManyRequestsError
			if !errors.As(err, &tooMany) || tooMany.RetryAfter != 3 {
				t.Errorf("got %v, want *bot.TooManyRequestsError with RetryAfter 3", err)
			}
		}, 0},
		{"403", emulator.Fault{Code: 403}, func(t *testing.T, err error) {
			if !errors.Is(err, bot.ErrorForbidden) {
				t.Errorf("got %v, want bot.ErrorForbidden", err)
			}
		}, 0},
		{"502", emulator.Fault{Code: 502}, func(t *testing.T, err error) {
			if err == nil || !strings.Contains(err.Error(), "502") {
				t.Errorf("got %v, want 502", err)
			}
		}, 0},
		{"sent but answer lost", emulator.Fault{Drop: true, Executed: true}, func(t *testing.T, err error) {
			if err == nil {
				t.Errorf("got no error, want a transport error")
			}
		}, 1},
	}
	data := pngBytes(t, 320, 200)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t)
			b := newBot(t, srv)
			srv.FailNext("sendPhoto", 1, tt.fault)
			_, err := b.SendPhoto(testCtx(t), uploadPhoto(data, "chart"))
			tt.check(t, err)
			sent := srv.Sent(alice.ID)
			if len(sent) != tt.wantSent {
				t.Fatalf("got %d sent, want %d", len(sent), tt.wantSent)
			}
			if tt.wantSent > 0 && (sent[0].Upload == nil || !bytes.Equal(sent[0].Upload.Data, data)) {
				t.Errorf("got %+v, want the upload recorded", sent[0])
			}
			calls := srv.Calls()
			if c := calls[len(calls)-1]; c.Method != "sendPhoto" || !bytes.Equal(c.Files["photo"].Data, data) {
				t.Errorf("got call %s with %d bytes, want sendPhoto with the %d uploaded", c.Method, len(c.Files["photo"].Data), len(data))
			}
		})
	}
}
