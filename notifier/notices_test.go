package notifier_test

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/notifier"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
	"github.com/jonboulle/clockwork"
	"github.com/rs/zerolog"
)

// noticeRig is a notice runner over real storage with a fake clock.
type noticeRig struct {
	t     *testing.T
	db    *storage.DB
	clock *clockwork.FakeClock
	run   *notifier.Notices
	city  *core.City
}

func newNoticeRig(t *testing.T, start time.Time) *noticeRig {
	t.Helper()
	city := &core.City{Location: start.Location(),
		Precincts: []core.Precinct{{ID: "p1", Chief: "s-c1", Name: core.Text{core.Russian: "Пункт полиции №1", core.Kazakh: "№1 полиция пункті", core.English: "Police station 1"}}},
		Districts: []core.District{{ID: "d1", Precinct: "p1"}, {ID: "d2", Precinct: "p1"}},
		Staff:     []core.Staff{{ID: "s-c1", Role: core.RoleChief}, {ID: "s-c2", Role: core.RoleChief}},
	}
	city.Index()
	r := &noticeRig{t: t, db: storagetest.MustOpen(t, storage.Options{}), clock: clockwork.NewFakeClockAt(start), city: city}
	r.run = notifier.NewNotices(notifier.NoticesConfig{Store: r.db, City: city, Clock: r.clock, Log: zerolog.Nop()})
	return r
}

func (r *noticeRig) subscribe(id int64, lang core.Lang, districts ...string) {
	r.t.Helper()
	ctx := context.Background()
	in, err := r.db.Record(ctx, core.Inbound{Key: "sub:" + strconv.FormatInt(id, 10), Chat: chat(id), Kind: core.KindText})
	if err != nil {
		r.t.Fatal(err)
	}
	s := core.Session{Resident: core.Resident{Lang: lang, ConsentAt: r.clock.Now(), Subscriptions: districts}}
	if err := r.db.Apply(ctx, core.Change{Inbound: in, Session: &s}); err != nil {
		r.t.Fatal(err)
	}
}

func (r *noticeRig) save(n core.Notice) {
	r.t.Helper()
	ctx := context.Background()
	id, err := r.db.NextNoticeID(ctx)
	if err != nil {
		r.t.Fatal(err)
	}
	n.ID = id
	if n.Created.IsZero() {
		n.Created = r.clock.Now()
	}
	if err := r.db.SaveNotice(ctx, n); err != nil {
		r.t.Fatal(err)
	}
}

// at moves the clock to t and processes.
func (r *noticeRig) at(t time.Time) {
	r.t.Helper()
	r.clock.Advance(t.Sub(r.clock.Now()))
	if err := r.run.Process(context.Background()); err != nil {
		r.t.Fatal(err)
	}
}

func (r *noticeRig) outbox() []core.OutboxItem {
	r.t.Helper()
	items, err := r.db.PendingOutbox(context.Background(), 0, 1000)
	if err != nil {
		r.t.Fatal(err)
	}
	return items
}

func TestNoticeGoesAtOnceWithAnAnswerButtonAndReports(t *testing.T) {
	almaty, _ := time.LoadLocation("Asia/Almaty")
	r := newNoticeRig(t, time.Date(2026, 11, 25, 12, 0, 0, 0, almaty))
	r.subscribe(11, core.Russian, "d1")
	r.subscribe(12, core.Kazakh, "d2", "d1")
	r.subscribe(13, core.English, "d9") // not targeted
	author := chat(900)
	r.save(core.Notice{Author: "s-c1", AuthorChat: author, Lang: core.English, Districts: []string{"d1", "d2"}, Text: "Water off tomorrow."})

	r.at(r.clock.Now())
	items := r.outbox()
	if len(items) != 2 {
		t.Fatalf("queued %d items, want 2 (one per subscriber)", len(items))
	}
	for _, it := range items {
		if !strings.Contains(it.Reply.Text, "Water off tomorrow.") || !strings.Contains(it.Reply.Text, "/stop") {
			t.Errorf("item text %q", it.Reply.Text)
		}
		if len(it.Reply.Buttons) != 1 || it.Reply.Buttons[0][0].Data != "na:1" {
			t.Errorf("item buttons %+v, want an answer button for notice 1", it.Reply.Buttons)
		}
	}
	if !strings.HasPrefix(items[0].Reply.Text, "📢 Пункт полиции №1") {
		t.Errorf("Russian header: %q", items[0].Reply.Text)
	}
	// Processing again sends nothing twice.
	r.at(r.clock.Now().Add(time.Minute))
	if got := len(r.outbox()); got != 2 {
		t.Fatalf("after a second pass %d items, want 2", got)
	}
	// When both are delivered, the author gets a report, once.
	for _, it := range items {
		if err := r.db.OutboxSent(context.Background(), it.ID); err != nil {
			t.Fatal(err)
		}
	}
	r.at(r.clock.Now().Add(time.Minute))
	r.at(r.clock.Now().Add(time.Minute))
	left := r.outbox()
	if len(left) != 1 || left[0].Chat != author || !strings.Contains(left[0].Reply.Text, "delivered 2") {
		t.Fatalf("outbox = %+v, want one delivery report to the author", left)
	}
}

func TestRecurringNoticeAcrossMidnight(t *testing.T) {
	almaty, _ := time.LoadLocation("Asia/Almaty")
	local := func(day, h, m int) time.Time { return time.Date(2026, 11, day, h, m, 0, 0, almaty) }
	r := newNoticeRig(t, local(25, 22, 0))
	r.subscribe(21, core.Russian, "d1")
	// 00:30 in Almaty is 19:30 UTC on the day before: the schedule must be
	// read in the city's time zone, whatever zone the times are stored in.
	r.save(core.Notice{Author: "s-c1", AuthorChat: chat(900), Lang: core.Russian, Districts: []string{"d1"},
		Text: "Проверьте, закрыты ли окна.", Cron: "30 0 * * *", Created: local(25, 22, 0).UTC()})

	batches := func() []string {
		var out []string
		for _, it := range r.outbox() {
			if it.Batch != "" {
				out = append(out, it.Batch)
			}
		}
		return out
	}
	for _, step := range []struct {
		at    time.Time
		count int
	}{
		{local(25, 23, 0), 0},
		{local(26, 0, 29), 0},
		{local(26, 0, 30), 1},
		{local(26, 1, 0), 1},
		{local(26, 23, 59), 1},
		{local(27, 0, 31), 2},
	} {
		r.at(step.at)
		if got := len(batches()); got != step.count {
			t.Fatalf("at %s: %d deliveries, want %d", step.at.Format("02 15:04"), got, step.count)
		}
	}
	want := []string{"notice:1:" + strconv.FormatInt(local(26, 0, 30).Unix(), 10), "notice:1:" + strconv.FormatInt(local(27, 0, 30).Unix(), 10)}
	if got := batches(); got[0] != want[0] || got[1] != want[1] {
		t.Errorf("batches %v, want %v", got, want)
	}
}

func TestFanOutResumesAfterACrash(t *testing.T) {
	almaty, _ := time.LoadLocation("Asia/Almaty")
	start := time.Date(2026, 11, 25, 12, 0, 0, 0, almaty)
	r := newNoticeRig(t, start)
	for _, id := range []int64{41, 42, 43} {
		r.subscribe(id, core.English, "d1")
	}
	// The last run queued chat 41 and then the process died.
	r.save(core.Notice{Author: "s-c1", AuthorChat: chat(900), Lang: core.English, Districts: []string{"d1"}, Text: "resumed",
		LastRun: start, FanOut: &core.FanOut{At: start, After: chat(41).String(), Queued: 1}})
	r.at(start.Add(time.Second))
	var got []string
	for _, it := range r.outbox() {
		got = append(got, it.Chat.ID)
	}
	if !slices.Equal(got, []string{"42", "43"}) {
		t.Fatalf("queued for %v, want the rest: 42 and 43", got)
	}
	n, _ := r.db.Notice(context.Background(), 1)
	if n.FanOut != nil || len(n.Reports) != 1 {
		t.Errorf("notice after the fan-out = %+v", n)
	}
}

func TestStaleRunsAndMovedAuthorsAreSkipped(t *testing.T) {
	almaty, _ := time.LoadLocation("Asia/Almaty")
	start := time.Date(2026, 11, 25, 12, 0, 0, 0, almaty)
	r := newNoticeRig(t, start)
	r.subscribe(51, core.Russian, "d1")
	r.save(core.Notice{Author: "s-c1", AuthorChat: chat(900), Districts: []string{"d1"}, Text: "missed", At: start.Add(-3 * time.Hour)})
	r.save(core.Notice{Author: "s-c2", AuthorChat: chat(901), Districts: []string{"d1"}, Text: "not theirs"})
	r.at(start)
	if items := r.outbox(); len(items) != 0 {
		t.Fatalf("queued %+v, want nothing", items)
	}
	if n, _ := r.db.Notice(context.Background(), 1); n.LastRun.IsZero() || n.Active() {
		t.Errorf("stale notice = %+v, want its run recorded as done", n)
	}
	if n, _ := r.db.Notice(context.Background(), 2); !n.Cancelled {
		t.Errorf("notice of an author without jurisdiction = %+v, want cancelled", n)
	}
}

func TestScheduledCancelledAndEmptyNotices(t *testing.T) {
	almaty, _ := time.LoadLocation("Asia/Almaty")
	start := time.Date(2026, 11, 25, 9, 0, 0, 0, almaty)
	r := newNoticeRig(t, start)
	r.subscribe(31, core.Russian, "d1")
	r.save(core.Notice{AuthorChat: chat(901), Lang: core.Russian, Districts: []string{"d1"}, Text: "в 18:00", At: start.Add(9 * time.Hour)})
	r.save(core.Notice{AuthorChat: chat(902), Lang: core.Russian, Districts: []string{"d1"}, Text: "отменено", Cancelled: true})
	r.save(core.Notice{AuthorChat: chat(903), Lang: core.English, Districts: []string{"d2"}, Text: "nobody here"})

	r.at(start)
	items := r.outbox()
	if len(items) != 1 || items[0].Chat != chat(903) || !strings.Contains(items[0].Reply.Text, "reached no one") {
		t.Fatalf("at 09:00 outbox = %+v, want only the no-recipients report", items)
	}
	r.at(start.Add(9*time.Hour - time.Minute))
	if got := len(r.outbox()); got != 1 {
		t.Fatalf("at 17:59: %d items, want the scheduled notice still waiting", got)
	}
	r.at(start.Add(9 * time.Hour))
	if got := len(r.outbox()); got != 2 {
		t.Fatalf("at 18:00: %d items, want the scheduled notice queued", got)
	}
}
