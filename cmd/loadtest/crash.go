package main

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
)

// firstNoticeChat is the first of the residents a notice goes to: they
// only listen, so their conversations never see it.
const firstNoticeChat = 9_000_000_000_000

// noticeBatch names the notice the harness queues.
const noticeBatch = "notice:loadtest"

// inFlightPerKill bounds the messages that can be sent twice per kill: a
// request in flight when the process dies is sent but not recorded. At
// 1,000 messages a second a lane keeps at most this many open (see
// notifier.newLane).
const inFlightPerKill = 250

// seedNotice stores a notice to n residents, as a chief's confirmed
// notice fanned out to its districts would, before the bot first starts.
func seedNotice(ctx context.Context, data string, n int) error {
	db, err := storage.Open(data, storage.Options{})
	if err != nil {
		return err
	}
	defer db.Close()
	items := make([]core.OutboxItem, n)
	for i := range items {
		chat := core.ChatRef{Channel: core.Telegram, ID: strconv.Itoa(firstNoticeChat + i)}
		items[i] = core.OutboxItem{Key: noticeBatch + ":" + chat.ID, Chat: chat, Batch: noticeBatch, Priority: core.PriorityBulk,
			Reply: core.Reply{Text: "Завтра с 10:00 до 14:00 на улице Ерубаева не будет воды.", Template: core.TemplateNotice, Lang: core.Russian}}
	}
	if _, err := db.EnqueueOutbox(ctx, items); err != nil {
		return fmt.Errorf("queue the notice: %w", err)
	}
	return nil
}

// noticeMeter measures how fast the notice reaches its residents.
type noticeMeter struct {
	mu          sync.Mutex
	n           int
	first, last time.Time
}

func (m *noticeMeter) watch(srv *emulator.Server, recipients int) {
	srv.OnSent(func(s emulator.Sent) {
		if s.ChatID < firstNoticeChat || s.ChatID >= firstNoticeChat+int64(recipients) || s.Method != "sendMessage" {
			return
		}
		now := time.Now()
		m.mu.Lock()
		defer m.mu.Unlock()
		if m.n == 0 {
			m.first = now
		}
		m.n++
		m.last = now
	})
}

// rate returns messages a second from the first to the last, and how
// many were sent.
func (m *noticeMeter) rate() (float64, int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.n < 2 {
		return 0, m.n
	}
	return float64(m.n-1) / m.last.Sub(m.first).Seconds(), m.n
}

// crashReport is what the checks after a crash run found. Every count but
// Kills, Tickets, Told and NoticeDuplicates must be zero;
// NoticeDuplicates must stay within NoticeBound.
type crashReport struct {
	Kills   int `json:"kills"`
	Tickets int `json:"tickets"`
	// Told counts tickets whose number a resident was sent.
	Told int `json:"told"`
	// Lost counts tickets a resident was told about that storage lacks.
	Lost int `json:"lost"`
	// Duplicates counts tickets stored twice for one report.
	Duplicates int `json:"duplicates"`
	// NotReached counts tickets whose inspector never received them.
	NotReached int `json:"not_reached"`
	// Stuck counts residents who got no answer at the end, and updates
	// left in the inbox.
	Stuck            int `json:"stuck"`
	NoticeMissing    int `json:"notice_missing"`
	NoticeDuplicates int `json:"notice_duplicates"`
	NoticeBound      int `json:"notice_bound"`
	// Problems describes the first failures.
	Problems []string `json:"problems,omitempty"`
}

func (c *crashReport) problem(format string, args ...any) {
	if len(c.Problems) < 20 {
		c.Problems = append(c.Problems, fmt.Sprintf(format, args...))
	}
}

// failed reports whether anything was lost, doubled or stuck.
func (c *crashReport) failed() bool {
	return c.Lost+c.Duplicates+c.NotReached+c.Stuck+c.NoticeMissing > 0 || c.NoticeDuplicates > c.NoticeBound
}

// quiet waits until the bot has sent nothing for d: the outbox is done.
func quiet(ctx context.Context, r *router, d time.Duration) {
	last := r.sends.Load()
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(d):
		}
		n := r.sends.Load()
		if n == last {
			return
		}
		last = n
	}
}

// probe sends every resident's /start once more: a conversation that is
// not stuck answers. It returns the residents who got no answer.
func probe(ctx context.Context, srv *emulator.Server, r *router, residents, concurrency int, timeout time.Duration) []int64 {
	l := &load{srv: srv, r: r, residents: residents, concurrency: concurrency,
		steps: []step{{send: say("/start"), replies: 1}}, timeout: timeout}
	return l.drive(ctx).failed
}

// checkCrash checks, from the stopped bot's storage and the emulator's
// record, that nothing was lost, doubled or left stuck.
func checkCrash(ctx context.Context, data string, srv *emulator.Server, f *cityFacts, residents, notice int, c *crashReport) error {
	db, err := storage.Open(data, storage.Options{})
	if err != nil {
		return fmt.Errorf("open the data file after the run: %w", err)
	}
	defer db.Close()
	tickets, err := db.AllTickets(ctx)
	if err != nil {
		return err
	}
	c.Tickets = len(tickets)
	// The codes each inspector's chat mentions, read once: an inspector
	// has thousands of messages.
	seen := map[int64]map[string]bool{}
	mentions := func(chat int64, code string) bool {
		codes, ok := seen[chat]
		if !ok {
			codes = map[string]bool{}
			for _, m := range srv.Sent(chat) {
				for _, c := range ticketCode.FindAllString(m.Text, -1) {
					codes[c] = true
				}
			}
			seen[chat] = codes
		}
		return codes[code]
	}
	byCode := map[string]core.Ticket{}
	type report struct{ reporter, text string }
	reports := map[report]string{}
	for _, tk := range tickets {
		byCode[tk.Code] = tk
		key := report{tk.Reporter.String(), tk.Text}
		if first, ok := reports[key]; ok {
			c.Duplicates++
			c.problem("%s and %s are the same report by %s", first, tk.Code, tk.Reporter)
		}
		reports[key] = tk.Code
		inspector := f.staffChat(tk.Assignee)
		if !mentions(inspector, tk.Code) {
			c.NotReached++
			c.problem("%s never reached %s (chat %d)", tk.Code, tk.Assignee, inspector)
		}
	}
	for i := range residents {
		chat := firstChat + int64(i)
		told := map[string]bool{}
		for _, m := range srv.Sent(chat) {
			for _, code := range ticketCode.FindAllString(m.Text, -1) {
				told[code] = true
			}
		}
		for code := range told {
			c.Told++
			tk, ok := byCode[code]
			if !ok || tk.Reporter != (core.ChatRef{Channel: core.Telegram, ID: strconv.FormatInt(chat, 10)}) {
				c.Lost++
				c.problem("resident %d was told of %s, which storage does not hold for them", chat, code)
			}
		}
	}
	pending, err := db.Pending(ctx)
	if err != nil {
		return err
	}
	if len(pending) > 0 {
		c.Stuck += len(pending)
		c.problem("%d updates left in the inbox after a graceful stop", len(pending))
	}
	c.NoticeBound = c.Kills * inFlightPerKill
	for i := range notice {
		switch n := len(srv.Sent(firstNoticeChat + int64(i))); {
		case n == 0:
			c.NoticeMissing++
		case n > 1:
			c.NoticeDuplicates += n - 1
		}
	}
	if c.NoticeMissing > 0 {
		c.problem("%d of %d notice recipients got nothing", c.NoticeMissing, notice)
	}
	return nil
}

// firstStoredChat is the first of the residents stored before the run.
const firstStoredChat = 7_000_000_000_000

// seedResidents stores n onboarded residents, each subscribed to alerts
// for their district, before the bot first starts: the bot's memory is
// then measured with a city's worth of residents on file.
func seedResidents(ctx context.Context, data string, n int, districts []string) error {
	db, err := storage.Open(data, storage.Options{})
	if err != nil {
		return err
	}
	defer db.Close()
	now := time.Now()
	var (
		wg    sync.WaitGroup
		next  = make(chan int)
		fails = make(chan error, 1)
	)
	for range 64 { // concurrent writers share commits
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				chat := core.ChatRef{Channel: core.Telegram, ID: strconv.Itoa(firstStoredChat + i)}
				d := districts[i%len(districts)]
				s := core.Session{
					Resident: core.Resident{Chat: chat, Lang: core.Russian, ConsentAt: now, Created: now,
						HomeDistrict: d, Subscriptions: []string{d}},
					Conversation: core.Conversation{State: "menu", Updated: now},
				}
				if err := db.Apply(ctx, core.Change{Inbound: core.Inbound{Chat: chat}, Session: &s}); err != nil {
					select {
					case fails <- fmt.Errorf("store resident %s: %w", chat, err):
					default:
					}
					return
				}
			}
		}()
	}
	for i := range n {
		select {
		case next <- i:
		case err := <-fails:
			close(next)
			wg.Wait()
			return err
		}
	}
	close(next)
	wg.Wait()
	select {
	case err := <-fails:
		return err
	default:
		return nil
	}
}
