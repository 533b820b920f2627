package notifier_test

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/whatsapp"
	"github.com/beatbot-kz/beatbot/bot/whatsapp/whatsapptest"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/notifier"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
	"github.com/jonboulle/clockwork"
	"github.com/rs/zerolog"
)

// TestWhatsAppWindow: outside WhatsApp's 24-hour window a notice with a
// button goes as its template and waits, a ticket update with no template
// waits too (both counted), and both go whole, once, when the resident
// writes again.
func TestWhatsAppWindow(t *testing.T) {
	start := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	clock := clockwork.NewFakeClockAt(start)
	db := storagetest.MustOpen(t, storage.Options{Now: clock.Now})
	srv := whatsapptest.New("wa-token", "1001")
	t.Cleanup(srv.Close)
	srv.AddTemplate("beatbot_notice_ru", "ru", 1)
	wa, err := whatsapp.New(whatsapp.Config{
		Token: "wa-token", PhoneNumberID: "1001", AppSecret: "s", VerifyToken: "v", APIURL: srv.URL(),
		Templates: map[string]map[core.Lang]string{core.TemplateNotice: {core.Russian: "beatbot_notice_ru"}},
		Window:    db, Acceptor: nopAcceptor{}, Log: zerolog.Nop(), Now: clock.Now,
	})
	if err != nil {
		t.Fatal(err)
	}
	city := &core.City{Location: time.UTC, Delivery: core.Delivery{MaxAttempts: 10,
		Limits: map[core.Channel]core.Limits{core.WhatsApp: {Rate: 80}}}}
	out := notifier.New(notifier.Config{Store: db, City: city, Clock: clock, Log: zerolog.Nop(),
		Senders: map[core.Channel]notifier.Sender{core.WhatsApp: wa}, PollInterval: 10 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- out.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })

	resident := core.ChatRef{Channel: core.WhatsApp, ID: "77010000001"}
	_, err = db.EnqueueOutbox(ctx, []core.OutboxItem{
		{Key: "notice:1", Chat: resident, Priority: core.PriorityBulk,
			Reply: core.Reply{Text: "Завтра отключат воду.", Template: core.TemplateNotice, Lang: core.Russian,
				Buttons: [][]core.Button{{{Label: "✉️ Ответить", Data: "na:1"}}}}},
		{Key: "ticket:1", Chat: resident, Priority: core.PriorityUrgent,
			Reply: core.Reply{Text: "KRG-0001 принято в работу.", Template: core.TemplateTicket, Lang: core.Russian}},
	})
	if err != nil {
		t.Fatal(err)
	}
	out.Wake()
	sent, err := srv.WaitSent(waitCtx(t), resident.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	if sent[0].Template == nil || sent[0].Template.Name != "beatbot_notice_ru" {
		t.Fatalf("first message %+v, want the notice template", sent[0])
	}
	waitFor(t, func() bool { return out.AwaitingWindow() == 2 })
	if n := len(srv.Sent(resident.ID)); n != 1 {
		t.Fatalf("%d messages: the ticket update without a template went anyway", n)
	}

	// The resident writes; within the hour the update goes as it is.
	if _, err := db.Record(ctx, core.Inbound{Key: "wa:in", Chat: resident, Kind: core.KindText, Received: clock.Now()}); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Hour + time.Minute)
	out.Wake()
	sent, err = srv.WaitSent(waitCtx(t), resident.ID, 3)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, m := range sent[1:] {
		texts = append(texts, m.Type+": "+m.Text)
	}
	got := strings.Join(texts, "; ")
	if !strings.Contains(got, "text: KRG-0001 принято в работу.") || !strings.Contains(got, "interactive: Завтра отключат воду.") {
		t.Errorf("after the resident wrote: %s; want the update and the notice with its button", got)
	}
	waitFor(t, func() bool { return out.AwaitingWindow() == 0 })
	time.Sleep(50 * time.Millisecond)
	if n := len(srv.Sent(resident.ID)); n != 3 {
		t.Errorf("%d messages, want 3: the template must not go again", n)
	}
}

// TestWhatsAppLateRefusal: Meta takes a message, then reports it failed as
// outside the window (131047, by status webhook). The message is queued
// again and goes as its template.
func TestWhatsAppLateRefusal(t *testing.T) {
	clock := clockwork.NewFakeClockAt(time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC))
	db := storagetest.MustOpen(t, storage.Options{Now: clock.Now})
	srv := whatsapptest.New("wa-token", "1001")
	t.Cleanup(srv.Close)
	srv.AddTemplate("beatbot_notice_ru", "ru", 1)
	wa, err := whatsapp.New(whatsapp.Config{
		Token: "wa-token", PhoneNumberID: "1001", AppSecret: "s", VerifyToken: "v", APIURL: srv.URL(),
		Templates: map[string]map[core.Lang]string{core.TemplateNotice: {core.Russian: "beatbot_notice_ru"}},
		Window:    db, Sent: db, Acceptor: nopAcceptor{}, Log: zerolog.Nop(), Now: clock.Now,
	})
	if err != nil {
		t.Fatal(err)
	}
	city := &core.City{Location: time.UTC, Delivery: core.Delivery{MaxAttempts: 10,
		Limits: map[core.Channel]core.Limits{core.WhatsApp: {Rate: 80}}}}
	city.Index()
	out := notifier.New(notifier.Config{Store: db, City: city, Clock: clock, Log: zerolog.Nop(),
		Senders: map[core.Channel]notifier.Sender{core.WhatsApp: wa}, PollInterval: 10 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- out.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })

	resident := core.ChatRef{Channel: core.WhatsApp, ID: "77010000002"}
	if _, err := db.Record(ctx, core.Inbound{Key: "wa:in", Chat: resident, Kind: core.KindText, Received: clock.Now()}); err != nil {
		t.Fatal(err)
	}
	notice := core.Reply{Text: "Завтра отключат воду.", Template: core.TemplateNotice, Lang: core.Russian}
	if _, err := db.EnqueueOutbox(ctx, []core.OutboxItem{{Key: "notice:7", Chat: resident, Priority: core.PriorityBulk, Reply: notice}}); err != nil {
		t.Fatal(err)
	}
	out.Wake()
	sent, err := srv.WaitSent(waitCtx(t), resident.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	if sent[0].Type != "text" {
		t.Fatalf("first send %+v, want free text inside the window", sent[0])
	}
	// Meta's status comes after the send is done and recorded.
	waitFor(t, func() bool {
		items, err := db.PendingOutbox(ctx, 0, 10)
		_, _, sentErr := db.SentMessage(ctx, sent[0].ID)
		return err == nil && len(items) == 0 && sentErr == nil
	})
	// Remembered with its item's key, so that erasing a ticket can find
	// what was kept of its messages.
	if !slices.ContainsFunc(storagetest.Find(t, db, `"key":"notice:7"`), func(hit string) bool { return strings.HasPrefix(hit, "sent ") }) {
		t.Errorf("the sent message was not remembered with its item's key")
	}
	policy := whatsapp.StatusPolicy{Store: db, Resend: db, Wake: out.Wake, City: core.NewCityHolder(city), Log: zerolog.Nop()}
	failed := whatsapp.Status{MessageID: sent[0].ID, Chat: resident, Status: "failed", Code: 131047}
	if err := policy.Status(ctx, failed); err != nil {
		t.Fatal(err)
	}
	sent, err = srv.WaitSent(waitCtx(t), resident.ID, 2)
	if err != nil {
		t.Fatal(err)
	}
	if sent[1].Template == nil || sent[1].Template.Params[0] != notice.Text {
		t.Errorf("second send %+v, want the notice as its template", sent[1])
	}
	// A second report of the same failure queues nothing more.
	if err := policy.Status(ctx, failed); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond)
	if n := len(srv.Sent(resident.ID)); n != 2 {
		t.Errorf("%d messages after a repeated status, want 2", n)
	}
}

type nopAcceptor struct{}

func (nopAcceptor) Accept(context.Context, core.Inbound) error { return nil }

func waitCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in 10 s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// BenchmarkWhatsAppDelivery measures the rate the outbox holds on
// WhatsApp's default limit of 80 messages a second per number, through
// the real adapter, the fake Graph API and bbolt:
//
//	go test ./notifier -run '^$' -bench WhatsAppDelivery -benchtime 1x
func BenchmarkWhatsAppDelivery(b *testing.B) {
	const rate, seconds = 80, 15
	for range b.N {
		db := storagetest.MustOpen(b, storage.Options{})
		srv := whatsapptest.New("wa-token", "1001")
		wa, err := whatsapp.New(whatsapp.Config{Token: "wa-token", PhoneNumberID: "1001", AppSecret: "s", VerifyToken: "v",
			APIURL: srv.URL(), Acceptor: nopAcceptor{}, Log: zerolog.Nop()})
		if err != nil {
			b.Fatal(err)
		}
		city := &core.City{Location: time.UTC, Delivery: core.Delivery{MaxAttempts: 10,
			Limits: map[core.Channel]core.Limits{core.WhatsApp: core.DefaultLimits(core.WhatsApp)}}}
		out := notifier.New(notifier.Config{Store: db, City: city, Log: zerolog.Nop(),
			Senders: map[core.Channel]notifier.Sender{core.WhatsApp: wa}, PollInterval: 10 * time.Millisecond})
		n := rate * seconds
		items := make([]core.OutboxItem, n)
		for i := range items {
			items[i] = core.OutboxItem{Key: "bench:" + strconv.Itoa(i), Chat: core.ChatRef{Channel: core.WhatsApp, ID: strconv.Itoa(77010000000 + i)},
				Priority: core.PriorityBulk, Batch: "bench", Reply: core.Reply{Text: "Завтра отключат воду."}}
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- out.Run(ctx) }()
		if _, err := db.EnqueueOutbox(ctx, items); err != nil {
			b.Fatal(err)
		}
		out.Wake()
		for len(srv.AllSent()) < n {
			time.Sleep(20 * time.Millisecond)
		}
		sent := srv.AllSent()
		first, last := sent[0].At, sent[0].At
		for _, s := range sent {
			first, last = minTime(first, s.At), maxTime(last, s.At)
		}
		got := float64(n-1) / last.Sub(first).Seconds()
		b.ReportMetric(got, "msg/s")
		b.ReportMetric(100*got/rate, "%_of_limit")
		cancel()
		<-done
		srv.Close()
	}
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
