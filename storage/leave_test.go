package storage_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
)

// TestLeavesSurviveReopening: a leave is committed with the update that
// records it, replaced by the next one for the same staff member, cleared
// by a zero one, and still there after the file is reopened.
func TestLeavesSurviveReopening(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "beatbot.db")
	until := time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC)
	apply := func(db *storage.DB, seq int, l core.Leave) {
		t.Helper()
		in, err := db.Record(ctx, core.Inbound{Key: "test:" + string(rune('a'+seq)), Chat: chat, Kind: core.KindCommand, Command: "away"})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Apply(ctx, core.Change{Inbound: in, Leave: &l}); err != nil {
			t.Fatalf("apply leave %+v: %v", l, err)
		}
	}

	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	apply(db, 0, core.Leave{Staff: "s-i04", Until: until, Deputy: "s-i03", By: "s-a1"})
	apply(db, 1, core.Leave{Staff: "s-i02", Until: until, By: "s-a1"})
	apply(db, 2, core.Leave{Staff: "s-i04", Until: until.AddDate(0, 0, 5), Deputy: "s-i01", By: "s-a1"})
	apply(db, 3, core.Leave{Staff: "s-i02"}) // ended: nothing to keep
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db = storagetest.MustOpenPath(t, path, storage.Options{})
	got, err := db.Leaves(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Staff != "s-i04" || got[0].Deputy != "s-i01" || !got[0].Until.Equal(until.AddDate(0, 0, 5)) {
		t.Errorf("leaves after reopening = %+v, want s-i04's second leave alone", got)
	}
}
