package emulator_test

import (
	"context"
	"errors"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
)

func TestGetUpdatesTimeout(t *testing.T) {
	srv := newServer(t)
	start := time.Now()
	if ids := pollIDs(t, srv, url.Values{"timeout": {"1"}}); len(ids) != 0 {
		t.Fatalf("got %v, want no updates", ids)
	}
	if d := time.Since(start); d < 900*time.Millisecond {
		t.Errorf("answered after %v, want about the 1s timeout", d)
	}

	// An update arriving during a poll ends it at once.
	go func() {
		_ = srv.Wait(context.Background(), func(calls []emulator.Call) bool { return countCalls(calls, "getUpdates") == 2 })
		srv.SendText(alice.ID, alice, "hi")
	}()
	start = time.Now()
	if ids := pollIDs(t, srv, url.Values{"timeout": {"30"}}); len(ids) != 1 {
		t.Fatalf("got %v, want the new update", ids)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("answered after %v, want at once", d)
	}
}

func TestOffsetConfirmsUpdates(t *testing.T) {
	srv := newServer(t, emulator.WithUpdateIDBase(1000))
	for _, text := range []string{"one", "two", "three"} {
		srv.SendText(alice.ID, alice, text)
	}
	steps := []struct {
		offset      string
		limit       string
		want        []int64
		wantPending []int64
	}{
		{"", "2", []int64{1000, 1001}, []int64{1000, 1001, 1002}},
		{"", "", []int64{1000, 1001, 1002}, []int64{1000, 1001, 1002}},
		{"1001", "", []int64{1001, 1002}, []int64{1001, 1002}},
		{"1003", "", []int64{}, []int64{}},
		{"0", "", []int64{}, []int64{}},
	}
	for _, st := range steps {
		got := pollIDs(t, srv, url.Values{"offset": {st.offset}, "limit": {st.limit}})
		if !slices.Equal(got, st.want) {
			t.Errorf("offset %q limit %q: got %v, want %v", st.offset, st.limit, got, st.want)
		}
		if p := srv.Pending(); !slices.Equal(p, st.wantPending) {
			t.Errorf("offset %q: got pending %v, want %v", st.offset, p, st.wantPending)
		}
	}
	srv.SendText(alice.ID, alice, "four")
	srv.SendText(alice.ID, alice, "five")
	if got := pollIDs(t, srv, url.Values{"offset": {"-1"}}); !slices.Equal(got, []int64{1004}) {
		t.Errorf("offset -1: got %v, want only the last update", got)
	}
}

func TestRedeliver(t *testing.T) {
	srv := newServer(t)
	first := srv.SendText(alice.ID, alice, "one")
	second := srv.SendText(alice.ID, alice, "two")
	if got := pollIDs(t, srv, url.Values{}); !slices.Equal(got, []int64{first, second}) {
		t.Fatalf("got %v, want %d and %d", got, first, second)
	}
	if err := srv.Redeliver(first); err != nil {
		t.Fatalf("redeliver: %v", err)
	}
	third := srv.SendText(alice.ID, alice, "three")
	// The bot confirmed both; the copy still comes, before the newer update.
	if got := pollIDs(t, srv, url.Values{"offset": {itoa(second + 1)}}); !slices.Equal(got, []int64{first, third}) {
		t.Errorf("got %v, want the copy of %d then %d", got, first, third)
	}
	if got := pollIDs(t, srv, url.Values{"offset": {itoa(third + 1)}}); len(got) != 0 {
		t.Errorf("got %v, want nothing once confirmed", got)
	}
	if err := srv.Redeliver(12345); !errors.Is(err, emulator.ErrUnknownUpdate) {
		t.Errorf("got %v, want ErrUnknownUpdate", err)
	}
}

func TestUpdateIDJumps(t *testing.T) {
	srv := newServer(t, emulator.WithUpdateIDBase(500), emulator.WithUpdateIDJumps(1000), emulator.WithSeed(7))
	prev, gaps := int64(0), 0
	for i := range 20 {
		id := srv.SendText(alice.ID, alice, "x")
		if i == 0 && id != 500 {
			t.Fatalf("got first id %d, want 500", id)
		}
		if i > 0 && id <= prev {
			t.Fatalf("got id %d after %d, want increasing ids", id, prev)
		}
		if i > 0 && id > prev+1 {
			gaps++
		}
		prev = id
	}
	if gaps == 0 {
		t.Errorf("got consecutive ids, want jumps")
	}
}

func TestAllowedUpdates(t *testing.T) {
	srv := newServer(t)
	srv.SendText(alice.ID, alice, "text")
	srv.PressButton(alice.ID, alice, 1, "data")
	got := pollIDs(t, srv, url.Values{"allowed_updates": {`["callback_query"]`}})
	if len(got) != 1 || got[0] != 2 {
		t.Errorf("got %v, want only the callback query", got)
	}
	if p := srv.Pending(); !slices.Equal(p, []int64{2}) {
		t.Errorf("got pending %v, want the text update dropped", p)
	}
}

// OnDelivered hears of an update once, when getUpdates first hands it out,
// and again only when it is redelivered.
func TestOnDelivered(t *testing.T) {
	srv := newServer(t, emulator.WithUpdateIDBase(1000))
	var got []int64
	srv.OnDelivered(func(id int64) { got = append(got, id) })
	first := srv.SendText(alice.ID, alice, "one")
	if len(got) != 0 {
		t.Fatalf("heard of %v before any poll", got)
	}
	second := srv.SendText(alice.ID, alice, "two")
	pollIDs(t, srv, url.Values{"limit": {"1"}})
	pollIDs(t, srv, url.Values{}) // the first again, unconfirmed, and the second
	if want := []int64{first, second}; !slices.Equal(got, want) {
		t.Fatalf("after two polls heard of %v, want %v", got, want)
	}
	pollIDs(t, srv, url.Values{"offset": {itoa(second + 1)}})
	if err := srv.Redeliver(first); err != nil {
		t.Fatal(err)
	}
	pollIDs(t, srv, url.Values{})
	if want := []int64{first, second, first}; !slices.Equal(got, want) {
		t.Errorf("after a redelivery heard of %v, want %v", got, want)
	}
}
