package notifier_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/jonboulle/clockwork"
)

func TestEveryItemArrivesOnceThroughFaults(t *testing.T) {
	r := newRig(t)
	// Faults answered before the call takes effect: retrying them cannot
	// duplicate a message.
	for _, f := range []struct {
		n     int
		fault emulator.Fault
	}{
		{5, emulator.Fault{Code: 500}},
		{3, emulator.Fault{Code: 502, Description: "Bad Gateway"}},
		{2, emulator.Fault{Code: 429, RetryAfter: 1}},
		{3, emulator.Fault{Drop: true}},
		{3, emulator.Fault{Delay: 300 * time.Millisecond}},
	} {
		r.srv.FailNext("sendMessage", f.n, f.fault)
	}
	const n = 300
	r.enqueue(broadcast("notice:1", 1000, n)...)
	rep := r.waitReport("notice:1")
	if rep.Sent != n || rep.Failed != 0 || rep.Unreachable != 0 {
		t.Fatalf("report = %+v, want all %d sent", rep, n)
	}
	for chat, got := range r.sentTo(1000, n) {
		if got != 1 {
			t.Errorf("chat %d received %d copies, want 1", chat, got)
		}
	}
	if left, _ := r.db.PendingOutbox(context.Background(), 0, 10); len(left) != 0 {
		t.Errorf("outbox not empty: %+v", left)
	}
}

func TestBlockedRecipientIsUnsubscribed(t *testing.T) {
	r := newRig(t, withLimits(core.Limits{Rate: 1000, PerChat: 100 * time.Millisecond}))
	ctx := context.Background()
	blocked := chat(77)
	in, err := r.db.Record(ctx, core.Inbound{Key: "u1", Chat: blocked, Kind: core.KindText})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.db.Apply(ctx, core.Change{Inbound: in, Session: &core.Session{Resident: core.Resident{Lang: core.Russian, ConsentAt: time.Now(), Subscriptions: []string{"d1"}}}}); err != nil {
		t.Fatal(err)
	}
	r.srv.SetBlocked(77, true)
	r.enqueue(
		core.OutboxItem{Key: "a", Chat: blocked, Batch: "notice:2", Priority: core.PriorityBulk, Reply: core.Reply{Text: "one"}},
		core.OutboxItem{Key: "b", Chat: blocked, Batch: "notice:2", Priority: core.PriorityBulk, Reply: core.Reply{Text: "two"}},
		core.OutboxItem{Key: "c", Chat: chat(78), Batch: "notice:2", Priority: core.PriorityBulk, Reply: core.Reply{Text: "three"}},
	)
	rep := r.waitReport("notice:2")
	if rep.Unreachable != 2 || rep.Sent != 1 {
		t.Errorf("report = %+v, want 2 unreachable, 1 sent", rep)
	}
	res, err := r.db.Resident(ctx, blocked)
	if err != nil || !res.Unreachable || len(res.Subscriptions) != 0 {
		t.Errorf("resident = %+v, %v; want unreachable and unsubscribed", res, err)
	}
	if subs, _ := r.db.Subscribers(ctx, "d1"); len(subs) != 0 {
		t.Errorf("subscribers of d1 = %v, want none", subs)
	}
	var attempts int
	for _, c := range r.srv.Calls() {
		if c.Method == "sendMessage" && c.Params["chat_id"] == "77" {
			attempts++
		}
	}
	if attempts != 1 {
		t.Errorf("%d attempts to the blocked chat, want 1: stop trying after a 403", attempts)
	}
}

func TestRejectedMessageIsDeadLettered(t *testing.T) {
	r := newRig(t)
	r.srv.FailNext("sendMessage", 1, emulator.Fault{Code: 400, Description: "Bad Request: can't parse entities"})
	r.enqueue(core.OutboxItem{Key: "x", Chat: chat(5), Batch: "notice:3", Priority: core.PriorityNormal, Reply: core.Reply{Text: "hi"}})
	if rep := r.waitReport("notice:3"); rep.Failed != 1 {
		t.Errorf("report = %+v, want 1 failed", rep)
	}
	if got := len(r.srv.Sent(5)); got != 0 {
		t.Errorf("sent %d, want none", got)
	}
}

func TestUrgentJumpsAheadOfBulk(t *testing.T) {
	r := newRig(t, withLimits(core.Limits{Rate: 200}))
	const n = 400
	r.enqueue(broadcast("notice:4", 2000, n)...)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// Let the broadcast get going, then route a ticket.
	if _, err := r.srv.WaitSent(ctx, 2000, 1); err != nil {
		t.Fatal(err)
	}
	r.enqueue(core.OutboxItem{Key: "ticket:1", Chat: chat(9), Priority: core.PriorityUrgent, Reply: core.Reply{Text: "new ticket KRG-0001"}})
	if _, err := r.srv.WaitSent(ctx, 9, 1); err != nil {
		t.Fatal(err)
	}
	// Count the bulk messages already out when the ticket went.
	before := 0
	for _, c := range r.srv.Calls() {
		if c.Method != "sendMessage" {
			continue
		}
		if c.Params["chat_id"] == "9" {
			break
		}
		before++
	}
	r.waitReport("notice:4")
	if before > n/2 {
		t.Errorf("the ticket went after %d of %d bulk messages; it should jump the queue", before, n)
	}
}

func TestPerChatPacing(t *testing.T) {
	r := newRig(t, withLimits(core.Limits{Rate: 1000, PerChat: 200 * time.Millisecond}))
	var items []core.OutboxItem
	for _, text := range []string{"one", "two", "three"} {
		items = append(items, core.OutboxItem{Key: text, Chat: chat(3), Batch: "notice:5", Priority: core.PriorityBulk, Reply: core.Reply{Text: text}})
	}
	r.enqueue(items...)
	r.waitReport("notice:5")
	sent := r.srv.Sent(3)
	if len(sent) != 3 {
		t.Fatalf("sent %d, want 3", len(sent))
	}
	for i := 1; i < len(sent); i++ {
		if gap := sent[i].At.Sub(sent[i-1].At); gap < 190*time.Millisecond {
			t.Errorf("messages %d and %d to one chat %v apart, want ≥ 200ms", i, i+1, gap)
		}
	}
	if got := []string{sent[0].Text, sent[1].Text, sent[2].Text}; !slices.Equal(got, []string{"one", "two", "three"}) {
		t.Errorf("order = %v", got)
	}
}

func TestRateLimitPausesTheChannel(t *testing.T) {
	// Slow enough that each answer is in before the next send starts.
	r := newRig(t, withLimits(core.Limits{Rate: 20}))
	r.srv.FailNext("sendMessage", 1, emulator.Fault{Code: 429, RetryAfter: 1})
	r.enqueue(broadcast("notice:6", 3000, 20)...)
	r.waitReport("notice:6")
	var first429, next time.Time
	for _, c := range r.srv.Calls() {
		if c.Method != "sendMessage" {
			continue
		}
		if first429.IsZero() {
			first429 = c.At
			continue
		}
		next = c.At
		break
	}
	if gap := next.Sub(first429); gap < 990*time.Millisecond {
		t.Errorf("next send %v after the 429, want the whole channel paused ≥ 1s", gap)
	}
}

func TestQuietHoursHoldAndRelease(t *testing.T) {
	almaty, _ := time.LoadLocation("Asia/Almaty")
	clock := clockwork.NewFakeClockAt(time.Date(2026, 11, 25, 23, 0, 0, 0, almaty))
	r := newRig(t, withClock(clock), withQuietHours(22*time.Hour, 8*time.Hour))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()

	r.enqueue(core.OutboxItem{Key: "night-notice", Chat: chat(11), Priority: core.PriorityNormal, Reply: core.Reply{Text: "meeting tomorrow"}})
	r.enqueue(core.OutboxItem{Key: "urgent-notice", Chat: chat(12), Priority: core.PriorityNormal, Urgent: true, Reply: core.Reply{Text: "gas leak on Erubaev St"}})
	// The urgent item came second with the same priority; had the first
	// not been held, it would have gone first.
	if _, err := r.srv.WaitSent(ctx, 12, 1); err != nil {
		t.Fatal(err)
	}
	if got := len(r.srv.Sent(11)); got != 0 {
		t.Fatalf("non-urgent item sent at 23:00: %d messages", got)
	}
	clock.Advance(9*time.Hour + time.Second) // 08:00:01
	r.out.Wake()
	if _, err := r.srv.WaitSent(ctx, 11, 1); err != nil {
		t.Fatalf("held item not released in the morning: %v", err)
	}
}

func TestPendingItemsSurviveARestart(t *testing.T) {
	r := newRig(t)
	r.stop()
	if _, err := r.db.EnqueueOutbox(context.Background(), broadcast("notice:7", 4000, 10)); err != nil {
		t.Fatal(err)
	}
	// A new outbox on the same storage picks the items up at start.
	r.start()
	if rep := r.waitReport("notice:7"); rep.Sent != 10 {
		t.Errorf("report = %+v, want 10 sent", rep)
	}
}
