package storage_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
)

// TestErrorsLeaveTheChatOut: errors end up in the logs, and a WhatsApp
// chat is a phone number.
func TestErrorsLeaveTheChatOut(t *testing.T) {
	ctx := context.Background()
	db, err := storage.Open(filepath.Join(t.TempDir(), "beatbot.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil { // every call now fails
		t.Fatal(err)
	}
	wa := core.ChatRef{Channel: core.WhatsApp, ID: "77071234567"}
	tests := []struct {
		name string
		call func() error
	}{
		{"PersonalData", func() error { _, err := db.PersonalData(ctx, wa); return err }},
		{"Session", func() error { _, err := db.Session(ctx, wa); return err }},
		{"Resident", func() error { _, err := db.Resident(ctx, wa); return err }},
		{"LastInbound", func() error { _, err := db.LastInbound(ctx, wa); return err }},
		{"MarkUnreachable", func() error { _, err := db.MarkUnreachable(ctx, wa, "gone"); return err }},
		{"Record", func() error { _, err := db.Record(ctx, core.Inbound{Chat: wa}); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if err == nil {
				t.Fatal("no error from a closed file")
			}
			if strings.Contains(err.Error(), wa.ID) {
				t.Errorf("error %q names the chat", err)
			}
		})
	}
}
