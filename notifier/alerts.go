package notifier

import (
	"context"
	"fmt"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// AudienceStore finds who a district alert goes to and queues it.
type AudienceStore interface {
	Audience(ctx context.Context, districts []string) ([]core.Recipient, error)
	EnqueueOutbox(ctx context.Context, items []core.OutboxItem) (int, error)
}

// AlertJob returns the job that sends a scheduled alert to the residents
// subscribed to its districts, in each one's language. Items are keyed by
// alert, scheduled time and chat, so the job can run twice for one time
// without anyone getting two copies. wake tells the outbox to start.
func AlertJob(store AudienceStore, city *core.City, a core.ScheduledAlert, wake func()) JobFunc {
	districts := a.Districts
	if len(districts) == 0 {
		for _, d := range city.Districts {
			districts = append(districts, d.ID)
		}
	}
	return func(ctx context.Context, at time.Time) error {
		audience, err := store.Audience(ctx, districts)
		if err != nil {
			return fmt.Errorf("notifier: alert %s at %s: %w", a.ID, at.Format(time.RFC3339), err)
		}
		batch := fmt.Sprintf("alert:%s:%d", a.ID, at.Unix())
		items := make([]core.OutboxItem, 0, len(audience))
		for _, r := range audience {
			items = append(items, core.OutboxItem{
				Key:   batch + ":" + r.Chat.String(),
				Chat:  r.Chat,
				Batch: batch,
				// Storage queues it only while the chat still subscribes
				// to the district: the audience was read before the
				// chunks are queued, and a resident may leave meanwhile.
				District: r.District,
				Priority: core.PriorityBulk,
				Urgent:   a.Urgent,
				Reply: core.Reply{Text: a.Text.In(r.Lang) + "\n\n" + locale.T(r.Lang, locale.AlertFooter),
					Template: core.TemplateAlert, Lang: r.Lang},
			})
		}
		// In chunks: a city-wide alert never needs one huge commit. The
		// keys make a repeated run add nothing.
		for len(items) > 0 {
			chunk := items[:min(len(items), fanOutChunk)]
			items = items[len(chunk):]
			n, err := store.EnqueueOutbox(ctx, chunk)
			if err != nil {
				return fmt.Errorf("notifier: alert %s at %s: %w", a.ID, at.Format(time.RFC3339), err)
			}
			if n > 0 {
				wake()
			}
		}
		return nil
	}
}
