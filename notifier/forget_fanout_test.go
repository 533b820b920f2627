package notifier_test

import (
	"context"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/notifier"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
	"github.com/jonboulle/clockwork"
	"github.com/rs/zerolog"
)

// forgetAfterAudience is the real storage, except that right after the
// audience of a fan-out is read, a resident confirms /forget: the
// interleaving of a large fan-out's many commits with a forget.
type forgetAfterAudience struct {
	*storage.DB
	t    *testing.T
	gone core.ChatRef
}

func (s forgetAfterAudience) Audience(ctx context.Context, districts []string) ([]core.Recipient, error) {
	out, err := s.DB.Audience(ctx, districts)
	if err != nil {
		return nil, err
	}
	in, err := s.DB.Record(ctx, core.Inbound{Key: "forget:" + s.gone.ID, Chat: s.gone, Kind: core.KindButton, Data: "fg:yes:1"})
	if err != nil {
		s.t.Fatal(err)
	}
	if err := s.DB.Apply(ctx, core.Change{Inbound: in, Forget: true}); err != nil {
		s.t.Fatal(err)
	}
	return out, nil
}

// TestFanOutsSkipAResidentForgottenMeanwhile runs an alert and a notice
// whose audiences were read just before a resident was forgotten: nothing
// may be queued to them.
func TestFanOutsSkipAResidentForgottenMeanwhile(t *testing.T) {
	ctx := context.Background()
	start := time.Date(2026, 6, 5, 12, 0, 0, 0, time.UTC)
	r := newNoticeRig(t, start)
	for id := int64(1); id <= 3; id++ {
		r.subscribe(id, core.Russian, "d1")
	}
	store := forgetAfterAudience{DB: r.db, t: t, gone: chat(2)}

	alert := core.ScheduledAlert{ID: "doors", Districts: []string{"d1"}, Text: core.Text{core.Russian: "Закройте двери."}}
	if err := notifier.AlertJob(store, r.city, alert, func() {})(ctx, start); err != nil {
		t.Fatal(err)
	}
	r.save(core.Notice{Author: "s-c1", Districts: []string{"d1"}, Text: "Собрание во дворе", Lang: core.Russian})
	store.gone = chat(3)
	run := notifier.NewNotices(notifier.NoticesConfig{Store: store, City: r.city, Clock: clockwork.NewFakeClockAt(start), Log: zerolog.Nop()})
	if err := run.Process(ctx); err != nil {
		t.Fatal(err)
	}

	got := map[string][]string{}
	for _, it := range r.outbox() {
		got[it.Chat.ID] = append(got[it.Chat.ID], it.Key)
	}
	if len(got["2"]) != 0 || len(got["3"]) != 0 {
		t.Errorf("queued to forgotten residents: %v", got)
	}
	if len(got["1"]) != 2 {
		t.Errorf("queued to the resident who stays: %v, want the alert and the notice", got["1"])
	}
	for _, c := range []string{"2", "3"} {
		storagetest.MustNotFind(t, r.db, "telegram:"+c)
	}
}
