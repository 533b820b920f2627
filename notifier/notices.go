package notifier

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
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
	Notice(ctx context.Context, id uint64) (core.Notice, error)
	Audience(ctx context.Context, districts []string) ([]core.Recipient, error)
	UpdateNotice(ctx context.Context, id uint64, fn func(*core.Notice) ([]core.OutboxItem, error)) error
	DeliveryReport(ctx context.Context, batch string) (core.DeliveryReport, error)
	Poll(ctx context.Context, id string) (core.Poll, error)
}

// fanOutChunk is how many recipients are queued per transaction: a
// city-wide notice never needs one huge commit.
const fanOutChunk = 5000

// staleAfter is how late a scheduled delivery may still go: one missed
// while the bot was down for longer ("tonight's meeting") is skipped.
const staleAfter = 2 * time.Hour

// Notices delivers chiefs' notices when they are due (at once, at a set
// time, or on a recurring schedule) and reports each delivery to its author
// when it is done.
type Notices struct {
	store NoticeStore
	// cities is the directory in force; each pass over the notices reads
	// it once.
	cities *core.CityHolder
	clock  clockwork.Clock
	log    zerolog.Logger
	wake   func()
	kick   chan struct{}
}

// NoticesConfig configures Notices.
type NoticesConfig struct {
	Store NoticeStore
	// City is the directory, when it never changes; Cities, when set,
	// holds the one in force, which a reload replaces.
	City   *core.City
	Cities *core.CityHolder
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
	if cfg.Cities == nil {
		cfg.Cities = core.NewCityHolder(cfg.City)
	}
	return &Notices{store: cfg.Store, cities: cfg.Cities, clock: cfg.Clock, log: cfg.Log, wake: cfg.Wake, kick: make(chan struct{}, 1)}
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
	// One directory for the whole pass, whatever a reload does meanwhile.
	city := n.cities.Load()
	for _, notice := range notices {
		var err error
		switch at, ok := n.due(city, notice, now); {
		case notice.FanOut != nil:
			err = n.fanOut(ctx, city, notice.ID) // resume after a crash
		case ok:
			err = n.start(ctx, city, notice, at, now)
		default:
			err = n.report(ctx, notice)
		}
		if err != nil {
			n.log.Error().Err(err).Uint64("notice", notice.ID).Msg("process notice")
		}
	}
	return nil
}

// due returns the scheduled time of the delivery a notice owes at now. A
// recurring notice that missed several times while the bot was down goes
// once, for the latest.
func (n *Notices) due(city *core.City, notice core.Notice, now time.Time) (time.Time, bool) {
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
	next := sched.Next(from.In(city.Location))
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

// start begins the delivery due at at: it records the run (so it is not
// started twice) and the fan-out to come, unless the notice was cancelled
// meanwhile, the run is stale, or its author may no longer address its
// districts.
func (n *Notices) start(ctx context.Context, city *core.City, notice core.Notice, at, now time.Time) error {
	skip := now.Sub(at) > staleAfter
	if !authorMay(city, notice) {
		n.log.Warn().Uint64("notice", notice.ID).Str("author", notice.Author).Msg("notice's author may no longer send it; cancelled")
		return n.store.UpdateNotice(ctx, notice.ID, func(cur *core.Notice) ([]core.OutboxItem, error) {
			cur.Cancelled = true
			return nil, nil
		})
	}
	err := n.store.UpdateNotice(ctx, notice.ID, func(cur *core.Notice) ([]core.OutboxItem, error) {
		if cur.Cancelled || cur.FanOut != nil || !cur.LastRun.Before(at) {
			return nil, nil
		}
		cur.LastRun = at
		if !skip {
			cur.FanOut = &core.FanOut{At: at}
		}
		return nil, nil
	})
	if err != nil || skip {
		if skip {
			n.log.Warn().Uint64("notice", notice.ID).Time("at", at).Msg("notice run missed by more than two hours; skipped")
		}
		return err
	}
	return n.fanOut(ctx, city, notice.ID)
}

// authorMay reports whether the notice's author may still address all its
// districts: a chief moved to another precinct stops their recurring
// notices.
func authorMay(city *core.City, notice core.Notice) bool {
	s := city.StaffMember(notice.Author)
	if s == nil {
		return notice.Author == "" // notices made by the system itself
	}
	allowed := city.Jurisdiction(s)
	for _, d := range notice.Districts {
		if !slices.Contains(allowed, d) {
			return false
		}
	}
	return true
}

// fanOut queues the notice's current delivery chunk by chunk, each chunk in
// one transaction with the progress, until every recipient is queued. The
// recipients are taken in chat order, so a resumed fan-out continues after
// the last one queued.
func (n *Notices) fanOut(ctx context.Context, city *core.City, id uint64) error {
	notice, audience, err := n.pending(ctx, id)
	if err != nil || notice.FanOut == nil {
		return err
	}
	var poll *core.Poll
	if notice.Poll != "" {
		p, err := n.store.Poll(ctx, notice.Poll)
		if err != nil && !errors.Is(err, core.ErrNotFound) {
			return fmt.Errorf("notifier: poll of notice %d: %w", id, err)
		}
		if err != nil || !n.clock.Now().Before(p.Closes) {
			// An invitation to a poll that closed (or went) meanwhile
			// would lead nowhere.
			n.log.Warn().Uint64("notice", id).Str("poll", notice.Poll).Msg("invitation to a closed or missing poll; cancelled")
			return n.store.UpdateNotice(ctx, id, func(cur *core.Notice) ([]core.OutboxItem, error) {
				cur.Cancelled, cur.FanOut = true, nil
				return nil, nil
			})
		}
		poll = &p
	}
	at, after := notice.FanOut.At, notice.FanOut.After
	for done := false; !done; {
		chunk := audience[:min(len(audience), fanOutChunk)]
		audience = audience[len(chunk):]
		err := n.store.UpdateNotice(ctx, id, func(cur *core.Notice) ([]core.OutboxItem, error) {
			if cur.Cancelled || cur.FanOut == nil || !cur.FanOut.At.Equal(at) || cur.FanOut.After != after {
				done = true // cancelled or moved on meanwhile
				return nil, nil
			}
			f := cur.FanOut
			batch := cur.Batch(f.At)
			items := n.items(city, *cur, poll, batch, chunk)
			if len(chunk) > 0 {
				f.After, f.Queued = chunk[len(chunk)-1].Chat.String(), f.Queued+len(chunk)
			}
			if len(audience) == 0 { // the last chunk
				done = true
				cur.FanOut = nil
				if f.Queued > 0 {
					cur.Reports = append(cur.Reports, batch)
				} else {
					items = append(items, n.reportItem(*cur, batch, locale.T(cur.Lang, locale.NoticeNoRecipients, cur.ID)))
				}
			}
			return items, nil
		})
		if err != nil {
			return err
		}
		if len(chunk) > 0 {
			after = chunk[len(chunk)-1].Chat.String()
		}
		n.wake()
	}
	n.log.Info().Uint64("notice", id).Msg("notice queued")
	return nil
}

// pending reads the notice and, once, the recipients its fan-out has yet
// to queue, in chat order.
func (n *Notices) pending(ctx context.Context, id uint64) (core.Notice, []core.Recipient, error) {
	notice, err := n.store.Notice(ctx, id)
	if err != nil || notice.FanOut == nil {
		return notice, nil, err
	}
	audience, err := n.store.Audience(ctx, notice.Districts)
	if err != nil {
		return notice, nil, fmt.Errorf("notifier: audience of notice %d: %w", id, err)
	}
	slices.SortFunc(audience, func(a, b core.Recipient) int { return strings.Compare(a.Chat.String(), b.Chat.String()) })
	after := notice.FanOut.After
	start := sort.Search(len(audience), func(i int) bool { return audience[i].Chat.String() > after })
	return notice, audience[start:], nil
}

// items are a notice's messages to recipients.
func (n *Notices) items(city *core.City, notice core.Notice, poll *core.Poll, batch string, recipients []core.Recipient) []core.OutboxItem {
	from := source(city, notice)
	items := make([]core.OutboxItem, 0, len(recipients))
	for _, r := range recipients {
		if poll != nil {
			items = append(items, n.invitation(notice, poll, from, batch, r))
			continue
		}
		text := locale.T(r.Lang, locale.NoticeHeader, from.In(r.Lang)) + "\n\n" + notice.Text + "\n\n" + locale.T(r.Lang, locale.AlertFooter)
		items = append(items, core.OutboxItem{
			Key: batch + ":" + r.Chat.String(), Chat: r.Chat, Batch: batch, District: r.District,
			Priority: core.PriorityBulk, Urgent: notice.Urgent,
			Reply: core.Reply{Text: text, Photo: notice.Photo, Buttons: [][]core.Button{{{
				Label: locale.T(r.Lang, locale.AnswerNoticeButton),
				Data:  "na:" + strconv.FormatUint(notice.ID, 10),
			}}}, Template: core.TemplateNotice, Lang: r.Lang},
		})
	}
	return items
}

// invitation is a poll invitation to one recipient, in their language.
// It is keyed by poll and chat, not by run: a resident invited to a poll
// once is not invited again by another run within the outbox's memory of
// keys.
func (n *Notices) invitation(notice core.Notice, poll *core.Poll, from core.Text, batch string, r core.Recipient) core.OutboxItem {
	l := r.Lang
	text := poll.Invitation.In(l)
	if text == "" {
		text = locale.T(l, locale.PollInvitation, poll.Title.In(l))
	}
	text = locale.T(l, locale.NoticeHeader, from.In(l)) + "\n\n" + text
	return core.OutboxItem{
		Key: "poll:" + poll.ID + ":" + r.Chat.String(), Chat: r.Chat, Batch: batch, District: r.District,
		Priority: core.PriorityBulk, Urgent: notice.Urgent,
		Reply: core.Reply{Text: text + "\n\n" + locale.T(l, locale.AlertFooter), Buttons: [][]core.Button{{{
			Label: locale.T(l, locale.PollTakeButton),
			Data:  "pl:" + poll.ID,
		}}}, Template: core.TemplatePoll, Lang: l},
	}
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
	err := n.store.UpdateNotice(ctx, notice.ID, func(cur *core.Notice) ([]core.OutboxItem, error) {
		cur.Reports = slices.DeleteFunc(cur.Reports, func(b string) bool { return slices.Contains(done, b) })
		return items, nil
	})
	if err != nil {
		return err
	}
	n.wake()
	return nil
}

func (n *Notices) reportItem(notice core.Notice, batch, text string) core.OutboxItem {
	return core.OutboxItem{
		Key: "report:" + batch, Chat: notice.AuthorChat, Priority: core.PriorityNormal, ToStaff: true,
		Reply: core.Reply{Text: text, Template: core.TemplateNotice, Lang: notice.Lang},
	}
}

// source names who a notice is from: the precinct, if all its districts
// are in one, else the city's police.
func source(city *core.City, notice core.Notice) core.Text {
	var precinct string
	for _, id := range notice.Districts {
		d := city.District(id)
		if d == nil || precinct != "" && d.Precinct != precinct {
			return city.Contact.Name
		}
		precinct = d.Precinct
	}
	if p := city.Precinct(precinct); p != nil {
		return p.Name
	}
	return city.Contact.Name
}
