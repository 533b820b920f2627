package whatsapp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/core"
)

// FuzzDecodeWebhook feeds decode arbitrary bodies: it must never panic, and
// whatever it makes of them must be an Inbound the rest of the bot can
// store and route. Seeds: the testdata payloads and
// testdata/fuzz/FuzzDecodeWebhook.
func FuzzDecodeWebhook(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no sample payloads: %v", err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	validKinds := map[core.InboundKind]bool{core.KindText: true, core.KindCommand: true, core.KindLocation: true,
		core.KindButton: true, core.KindPhoto: true, core.KindUnsupported: true}
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := decode(body, decodePhoneID, decodeNow)
		if err != nil {
			if len(d.messages)+len(d.statuses) != 0 {
				t.Fatalf("decode failed with %v but returned %+v", err, d)
			}
			return
		}
		for _, in := range d.messages {
			checkInbound(t, in, validKinds)
		}
		for _, s := range d.statuses {
			if s.MessageID == "" || s.Chat.Channel != core.WhatsApp || s.Chat.ID == "" || s.At.IsZero() {
				t.Fatalf("status %+v lacks an id, a WhatsApp chat or a time", s)
			}
		}
		for _, note := range d.ignored {
			if !utf8.ValidString(note) || len(note) > 200 {
				t.Fatalf("log note %q is not short text", note)
			}
		}
	})
}

// checkInbound fails t unless in is fit for storage and the flows.
func checkInbound(t *testing.T, in core.Inbound, validKinds map[core.InboundKind]bool) {
	t.Helper()
	switch {
	case !strings.HasPrefix(in.Key, "whatsapp:") || len(in.Key) == len("whatsapp:") || len(in.Key) > len("whatsapp:")+maxIDLen:
		t.Fatalf("key %q", in.Key)
	case in.Chat.Channel != core.WhatsApp || in.Chat.ID == "" || in.From != in.Chat.ID:
		t.Fatalf("chat %+v from %q", in.Chat, in.From)
	case !validKinds[in.Kind]:
		t.Fatalf("kind %q", in.Kind)
	case len(in.Data) > core.MaxButtonData || (in.Kind == core.KindButton) != (in.Data != ""):
		t.Fatalf("kind %q with data %q", in.Kind, in.Data)
	case (in.Kind == core.KindLocation) != (in.Location != nil):
		t.Fatalf("kind %q with location %v", in.Kind, in.Location)
	case in.Location != nil && !validPoint(&in.Location.Lat, &in.Location.Lon):
		t.Fatalf("location %+v out of range", *in.Location)
	case (in.Kind == core.KindPhoto) != strings.HasPrefix(in.Photo, mediaPrefix) || in.Photo == mediaPrefix:
		t.Fatalf("kind %q with photo %q", in.Kind, in.Photo)
	case (in.Kind == core.KindUnsupported) != (in.Unsupported != ""):
		t.Fatalf("kind %q with unsupported %q", in.Kind, in.Unsupported)
	case in.Kind != core.KindCommand && in.Command != "":
		t.Fatalf("kind %q with command %q", in.Kind, in.Command)
	case in.Received.IsZero() || in.Received.Location() != time.UTC || in.Received.After(decodeNow.Add(maxClockSkew)):
		t.Fatalf("received %v", in.Received)
	}
	// Storage keeps updates as JSON; one it cannot encode would fail
	// every redelivery.
	if _, err := json.Marshal(in); err != nil {
		t.Fatalf("inbound cannot be stored: %v", err)
	}
}
