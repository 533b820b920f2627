package notifier_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/notifier"
	"github.com/jonboulle/clockwork"
	"github.com/rs/zerolog"
)

func TestScheduleFiresAtLocalTimesAcrossMidnight(t *testing.T) {
	almaty, _ := time.LoadLocation("Asia/Almaty")
	local := func(day, h, m int) time.Time { return time.Date(2026, 11, day, h, m, 0, 0, almaty) }
	clock := clockwork.NewFakeClockAt(local(25, 22, 0))
	s := notifier.NewScheduler(clock, almaty, zerolog.Nop())

	var mu sync.Mutex
	fired := map[string][]time.Time{}
	record := func(name string) notifier.JobFunc {
		return func(_ context.Context, at time.Time) error {
			mu.Lock()
			defer mu.Unlock()
			fired[name] = append(fired[name], at)
			return nil
		}
	}
	// A recurring notice at 23:30 and 00:15 local, and an hourly job.
	if err := s.Add("notice", "30 23 * * *", record("notice")); err != nil {
		t.Fatal(err)
	}
	if err := s.Add("night", "15 0 * * *", record("night")); err != nil {
		t.Fatal(err)
	}
	if err := s.Add("hourly", "@hourly", record("hourly")); err != nil {
		t.Fatal(err)
	}
	if err := s.Add("broken", "61 * * * *", record("broken")); err == nil {
		t.Fatal("Add with minute 61: got nil error")
	}

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	// Walk the clock through the night in 5-minute steps, each time
	// waiting for the scheduler to be asleep again.
	for now := local(25, 22, 0); now.Before(local(26, 2, 0)); now = now.Add(5 * time.Minute) {
		if err := clock.BlockUntilContext(ctx, 1); err != nil {
			t.Fatal(err)
		}
		clock.Advance(5 * time.Minute)
	}
	clock.BlockUntilContext(ctx, 1)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}

	mu.Lock()
	defer mu.Unlock()
	want := map[string][]time.Time{
		"notice": {local(25, 23, 30)},
		"night":  {local(26, 0, 15)},
		"hourly": {local(25, 23, 0), local(26, 0, 0), local(26, 1, 0), local(26, 2, 0)},
	}
	for name, w := range want {
		if got := fired[name]; !slices.EqualFunc(got, w, time.Time.Equal) {
			t.Errorf("%s fired at %v, want %v", name, got, w)
		}
	}
}

// TestScheduleSetReplacesAGroup: Set replaces only its group's jobs, a bad
// spec changes nothing, and jobs set while Run waits with none are picked
// up, as a reload's new alerts are.
func TestScheduleSetReplacesAGroup(t *testing.T) {
	almaty, _ := time.LoadLocation("Asia/Almaty")
	local := func(day, h, m int) time.Time { return time.Date(2026, 11, day, h, m, 0, 0, almaty) }
	clock := clockwork.NewFakeClockAt(local(25, 22, 0))
	s := notifier.NewScheduler(clock, almaty, zerolog.Nop())
	var mu sync.Mutex
	var fired []string
	record := func(name string) notifier.JobFunc {
		return func(_ context.Context, at time.Time) error {
			mu.Lock()
			defer mu.Unlock()
			fired = append(fired, name+at.Format(" 15:04"))
			return nil
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()

	if err := s.Set("alerts", []notifier.Job{{Name: "old", Spec: "30 22 * * *", Run: record("old")}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Set("other", []notifier.Job{{Name: "other", Spec: "45 22 * * *", Run: record("other")}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Set("alerts", []notifier.Job{{Name: "new", Spec: "40 22 * * *", Run: record("new")}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Set("alerts", []notifier.Job{{Name: "broken", Spec: "61 * * * *", Run: record("broken")}}); err == nil {
		t.Fatal("Set with minute 61: got nil error")
	}
	for range 12 {
		if err := clock.BlockUntilContext(ctx, 1); err != nil {
			t.Fatal(err)
		}
		clock.Advance(5 * time.Minute)
	}
	clock.BlockUntilContext(ctx, 1)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if want := []string{"new 22:40", "other 22:45"}; !slices.Equal(fired, want) {
		t.Errorf("fired %q, want %q", fired, want)
	}
}
