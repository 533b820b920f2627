package notifier

import (
	"context"
	"fmt"
	"time"

	"github.com/rs/zerolog"
)

// RetentionStore is the storage the retention of personal data needs.
type RetentionStore interface {
	// EraseClosedTickets erases the personal data of the tickets closed
	// before cutoff and returns how many it erased.
	EraseClosedTickets(ctx context.Context, cutoff time.Time) (int, error)
}

// RetentionJob returns the job that erases the personal data of tickets
// closed longer ago than keep returns (the city's
// retention.closed_tickets_days, read at each run so that a reloaded
// city's period applies):
// the law on personal data allows keeping them only as long as the
// purpose needs, and a closed ticket needs them no longer. The tickets
// stay, for statistics. The cutoff counts from the scheduled time, so a
// run repeated for the same time erases the same.
func RetentionJob(store RetentionStore, keepFor func() time.Duration, log zerolog.Logger) JobFunc {
	return func(ctx context.Context, at time.Time) error {
		keep := keepFor()
		if keep <= 0 {
			return nil
		}
		n, err := store.EraseClosedTickets(ctx, at.Add(-keep))
		if err != nil {
			return fmt.Errorf("notifier: retention of closed tickets: %w", err)
		}
		if n > 0 {
			log.Info().Int("tickets", n).Dur("kept", keep).Msg("personal data of closed tickets erased")
		}
		return nil
	}
}
