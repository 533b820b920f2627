package storage_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
)

func TestSessionRoundTrip(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})

	s, err := db.Session(ctx, chat)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Resident.Created.IsZero() || s.Resident.Chat != chat {
		t.Fatalf("new session = %+v, want zero resident for %s", s.Resident, chat)
	}
	if _, err := db.Resident(ctx, chat); !errors.Is(err, core.ErrNotFound) {
		t.Fatalf("resident of new chat: got %v, want ErrNotFound", err)
	}

	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	want := core.Session{
		Resident:     core.Resident{Chat: chat, Lang: core.Kazakh, ConsentAt: now, HomeDistrict: "d-01", Created: now},
		Conversation: core.Conversation{State: "find_pick", Gen: 3, Street: "erubaeva", Updated: now},
	}
	in, err := db.Record(ctx, inbound("telegram:u:1", "Ерубаева 12"))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Apply(ctx, core.Change{Inbound: in, Session: &want}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Session(ctx, chat)
	if err != nil {
		t.Fatal(err)
	}
	if got.Resident.Lang != core.Kazakh || !got.Resident.ConsentAt.Equal(now) || got.Resident.HomeDistrict != "d-01" {
		t.Errorf("resident = %+v, want %+v", got.Resident, want.Resident)
	}
	if got.Conversation != want.Conversation {
		t.Errorf("conversation = %+v, want %+v", got.Conversation, want.Conversation)
	}
}

func TestSubscribersIndex(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	other := core.ChatRef{Channel: core.WhatsApp, ID: "77010000000"}

	steps := []struct {
		name   string
		chat   core.ChatRef
		subs   []string
		forget bool
		want   map[string][]core.ChatRef
	}{
		{"subscribe", chat, []string{"d-01", "d-02"}, false, map[string][]core.ChatRef{"d-01": {chat}, "d-02": {chat}, "d-1": nil}},
		{"second resident", other, []string{"d-01"}, false, map[string][]core.ChatRef{"d-01": {chat, other}}},
		{"unsubscribe one", chat, []string{"d-02"}, false, map[string][]core.ChatRef{"d-01": {other}, "d-02": {chat}}},
		{"forget", other, nil, true, map[string][]core.ChatRef{"d-01": nil, "d-02": {chat}}},
	}
	for i, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			in, err := db.Record(ctx, core.Inbound{Key: "k" + string(rune('a'+i)), Chat: st.chat, Kind: core.KindText})
			if err != nil {
				t.Fatal(err)
			}
			ch := core.Change{Inbound: in, Forget: st.forget}
			if !st.forget {
				ch.Session = &core.Session{Resident: core.Resident{Lang: core.Russian, Subscriptions: st.subs}}
			}
			if err := db.Apply(ctx, ch); err != nil {
				t.Fatal(err)
			}
			for district, want := range st.want {
				got, err := db.Subscribers(ctx, district)
				if err != nil {
					t.Fatal(err)
				}
				slices.SortFunc(got, func(a, b core.ChatRef) int { return strings.Compare(a.String(), b.String()) })
				slices.SortFunc(want, func(a, b core.ChatRef) int { return strings.Compare(a.String(), b.String()) })
				if !slices.Equal(got, want) {
					t.Errorf("subscribers of %s = %v, want %v", district, got, want)
				}
			}
		})
	}
	if _, err := db.Resident(ctx, other); !errors.Is(err, core.ErrNotFound) {
		t.Errorf("forgotten resident: got %v, want ErrNotFound", err)
	}
}
