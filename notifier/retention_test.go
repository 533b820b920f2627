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

// TestRetentionRunsNightly runs the retention job on the scheduler's
// injected clock over real storage: at 03:30 the ticket closed more than a
// year ago loses its personal data, the one closed since keeps them.
func TestRetentionRunsNightly(t *testing.T) {
	ctx := context.Background()
	almaty, err := time.LoadLocation("Asia/Almaty")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2027, 12, 1, 3, 0, 0, 0, almaty)
	clock := clockwork.NewFakeClockAt(start)
	db := storagetest.MustOpen(t, storage.Options{Now: clock.Now})
	reporter := core.ChatRef{Channel: core.Telegram, ID: "42"}
	closed := map[uint64]time.Time{
		1: start.AddDate(-1, 0, -1), // a year and a day before
		2: start.AddDate(0, -11, 0),
	}
	for id, at := range closed {
		tk := core.Ticket{ID: id, Code: core.TicketCode("KRG", id), Category: "noise", Text: "what happened",
			Reporter: reporter, ReporterName: "Aigerim", Assignee: "s-i01", Precinct: "p1", Created: at.Add(-time.Hour), Resolved: at}
		tk.Record(at, "s-i01", core.ActionResolved, core.TicketResolved, "done")
		if err := db.SaveTicket(ctx, tk, nil); err != nil {
			t.Fatal(err)
		}
	}

	s := notifier.NewScheduler(clock, almaty, zerolog.Nop())
	if err := s.Add("retention", "30 3 * * *", notifier.RetentionJob(db, func() time.Duration { return 365 * 24 * time.Hour }, zerolog.Nop())); err != nil {
		t.Fatal(err)
	}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- s.Run(runCtx) }()
	if err := clock.BlockUntilContext(ctx, 1); err != nil {
		t.Fatal(err)
	}
	clock.Advance(45 * time.Minute)
	// Wait for the job's effect rather than for the scheduler's next
	// timer: how many timers a fake clock counts while the scheduler
	// replans is a race of its own.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if tk, err := db.Ticket(ctx, 1); err == nil && !tk.Erased.IsZero() {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the retention job did not run within 10 s of its time")
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}

	old, _ := db.Ticket(ctx, 1)
	if old.Erased.IsZero() || old.Text != "" || old.ReporterName != "" || old.Linked() || old.History[0].Note != "" {
		t.Errorf("ticket closed over a year ago = %+v, want its personal data erased", old)
	}
	if want := time.Date(2027, 12, 1, 3, 45, 0, 0, almaty); !old.Erased.Equal(want) {
		t.Errorf("erased at %s, want %s, by the injected clock", old.Erased, want)
	}
	recent, _ := db.Ticket(ctx, 2)
	if !recent.Erased.IsZero() || recent.Text == "" || !recent.Linked() {
		t.Errorf("ticket closed 11 months ago = %+v, want it whole", recent)
	}
}
