package notifier

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
	"github.com/jonboulle/clockwork"
	"github.com/robfig/cron/v3"
	"github.com/rs/zerolog"
)

// NoticeStore is the storage the notice runner needs.
type NoticeStore interface {
	Notices(ctx context.Context) ([]core.Notice, error)
	Audience(ctx context.Context, districts []string) ([]core.Recipient, error)
	RunNotice(ctx context.Context, n core.Notice, items []core.OutboxItem) error
	DeliveryReport(ctx context.Context, batch string) (core.DeliveryReport, error)
}

// Notices delivers chiefs' notices when they are due (at once, at a set
// time, or on a recurring schedule) and reports each delivery to its author
// when it is done.
type Notices struct {
	store NoticeStore
	city  *core.City
	clock clockwork.Clock
	log   zerolog.Logger
	wake  func()
	kick  chan struct{}
}

// NoticesConfig configures Notices.
type NoticesConfig struct {
	Store NoticeStore
	City  *core.City
	// Clock is the time source; nil means the real clock.
	Clock clockwork.Clock
	Log   zerolog.Logger
	// Wake tells the outbox that items were queued.
	Wake func()
}

// NewNotices returns a notice runner; Run starts it.
func NewNotices(cfg NoticesConfig) *Notices {
	if cfg.Clock == nil {
		cfg.Clock = clockwork.NewRealClock()
	}
	if cfg.Wake == nil {
		cfg.Wake = func() {}
	}
	return &Notices{store: cfg.Store, city: cfg.City, clock: cfg.Clock, log: cfg.Log, wake: cfg.Wake, kick: make(chan struct{}, 1)}
}

// Kick makes the runner look at the notices now, as after a chief confirms
// one to go at once. It never blocks.
func (n *Notices) Kick() {
	select {
	case n.kick <- struct{}{}:
	default:
	}
}

// checkEvery is how often due notices and finished deliveries are looked
// for; schedules have minute resolution.
const checkEvery = 15 * time.Second

// Run looks after the notices until ctx is done.
func (n *Notices) Run(ctx context.Context) error {
	tick := n.clock.NewTicker(checkEvery)
	defer tick.Stop()
	for {
		if err := n.Process(ctx); err != nil && ctx.Err() == nil {
			n.log.Error().Err(err).Msg("process notices")
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.Chan():
		case <-n.kick:
		}
	}
}

// Process delivers the notices due now and sends the delivery reports of
// finished deliveries. It is idempotent: deliveries are keyed by notice,
// scheduled time and chat, and a notice records its last run in the same
// transaction as its delivery is queued.
func (n *Notices) Process(ctx context.Context) error {
	notices, err := n.store.Notices(ctx)
	if err != nil {
		return fmt.Errorf("notifier: process notices: %w", err)
	}
	now := n.clock.Now()
	for _, notice := range notices {
		if at, ok := n.due(notice, now); ok {
			if err := n.deliver(ctx, notice, at); err != nil {
				n.log.Error().Err(err).Uint64("notice", notice.ID).Msg("deliver notice")
			}
			continue // its reports are looked at next time
		}
		if err := n.report(ctx, notice); err != nil {
			n.log.Error().Err(err).Uint64("notice", notice.ID).Msg("report notice delivery")
		}
	}
	return nil
}

// due returns the scheduled time of the delivery a notice owes at now. A
// recurring notice that missed several times while the bot was down goes
// once, for the latest.
func (n *Notices) due(notice core.Notice, now time.Time) (time.Time, bool) {
	if !notice.Active() {
		return time.Time{}, false
	}
	if notice.Cron == "" {
		at := notice.At
		if at.IsZero() {
			at = notice.Created
		}
		return at, !at.After(now)
	}
	sched, err := cron.ParseStandard(notice.Cron)
	if err != nil {
		n.log.Error().Err(err).Uint64("notice", notice.ID).Msg("notice has a broken schedule")
		return time.Time{}, false
	}
	from := notice.Created
	if notice.LastRun.After(from) {
		from = notice.LastRun
	}
	next := sched.Next(from.In(n.city.Location))
	if next.IsZero() || next.After(now) {
		return time.Time{}, false
	}
	for i := 0; i < 100_000; i++ {
		after := sched.Next(next)
		if after.IsZero() || after.After(now) {
			break
		}
		next = after
	}
	return next, true
}

// deliver queues a notice to the residents subscribed to its districts.
func (n *Notices) deliver(ctx context.Context, notice core.Notice, at time.Time) error {
	audience, err := n.store.Audience(ctx, notice.Districts)
	if err != nil {
		return fmt.Errorf("notifier: audience of notice %d: %w", notice.ID, err)
	}
	batch := notice.Batch(at)
	from := n.source(notice)
	items := make([]core.OutboxItem, 0, len(audience))
	for _, r := range audience {
		text := locale.T(r.Lang, locale.NoticeHeader, from.In(r.Lang)) + "\n\n" + notice.Text + "\n\n" + locale.T(r.Lang, locale.AlertFooter)
		items = append(items, core.OutboxItem{
			Key: batch + ":" + r.Chat.String(), Chat: r.Chat, Batch: batch,
			Priority: core.PriorityBulk, Urgent: notice.Urgent,
			Reply: core.Reply{Text: text, Photo: notice.Photo, Buttons: [][]core.Button{{{
				Label: locale.T(r.Lang, locale.AnswerNoticeButton),
				Data:  "na:" + strconv.FormatUint(notice.ID, 10),
			}}}},
		})
	}
	notice.LastRun = at
	if len(items) > 0 {
		notice.Reports = append(notice.Reports, batch)
	} else {
		items = append(items, n.reportItem(notice, batch, locale.T(notice.Lang, locale.NoticeNoRecipients, notice.ID)))
	}
	if err := n.store.RunNotice(ctx, notice, items); err != nil {
		return err
	}
	n.log.Info().Uint64("notice", notice.ID).Int("recipients", len(audience)).Time("at", at).Msg("notice queued")
	n.wake()
	return nil
}

// report tells the author about each finished delivery of the notice.
func (n *Notices) report(ctx context.Context, notice core.Notice) error {
	var done []string
	var items []core.OutboxItem
	for _, batch := range notice.Reports {
		rep, err := n.store.DeliveryReport(ctx, batch)
		if err != nil {
			return err
		}
		if !rep.Done() {
			continue
		}
		done = append(done, batch)
		items = append(items, n.reportItem(notice, batch,
			locale.T(notice.Lang, locale.NoticeReport, notice.ID, rep.Sent, rep.Unreachable, rep.Failed)))
	}
	if len(done) == 0 {
		return nil
	}
	notice.Reports = slices.DeleteFunc(notice.Reports, func(b string) bool { return slices.Contains(done, b) })
	if err := n.store.RunNotice(ctx, notice, items); err != nil {
		return err
	}
	n.wake()
	return nil
}

func (n *Notices) reportItem(notice core.Notice, batch, text string) core.OutboxItem {
	return core.OutboxItem{
		Key: "report:" + batch, Chat: notice.AuthorChat, Priority: core.PriorityNormal,
		Reply: core.Reply{Text: text},
	}
}

// source names who a notice is from: the precinct, if all its districts
// are in one, else the city's police.
func (n *Notices) source(notice core.Notice) core.Text {
	var precinct string
	for _, id := range notice.Districts {
		d := n.city.District(id)
		if d == nil || precinct != "" && d.Precinct != precinct {
			return n.city.Contact.Name
		}
		precinct = d.Precinct
	}
	if p := n.city.Precinct(precinct); p != nil {
		return p.Name
	}
	return n.city.Contact.Name
}
