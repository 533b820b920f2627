package flows_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/flows"
	"github.com/rs/zerolog"
)

func TestReassignOnlyByAChief(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Russian, true)
	h.report(false, 49.8250, 73.0880)
	insp := h.as(inspectorD02)
	insp.onboard(core.English, true)
	mustContain(t, insp.press("tk:g:1"), "cannot act")
	mustContain(t, insp.press("tr:1:s-i03"), "no longer active")

	chief := h.as(chiefNovyGorod)
	chief.onboard(core.English, true)
	r := chief.press("tk:g:1")
	mustContain(t, r, "Who should take over KRG-0001?")
	got := buttons(r)
	if !contains(got, "tr:1:s-i03") || contains(got, "tr:1:s-i02") || contains(got, "tr:1:s-i05") {
		t.Fatalf("reassign choices = %v: want the precinct's other officers only", got)
	}
	mustContain(t, chief.press("tr:1:s-i05"), "no longer active") // another precinct's inspector
	mustContain(t, chief.press("tr:1:s-i03"), "KRG-0001 reassigned")
	if tk := h.ticket(1); tk.Assignee != "s-i03" {
		t.Fatalf("assignee %q, want s-i03", tk.Assignee)
	}
	if !strings.Contains(textsOf(h.outboxTo(inspectorD03)), "KRG-0001") {
		t.Error("the new assignee did not get the card")
	}
}

func TestVerdictAndRatingRules(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.English, true)
	h.report(false, 49.8250, 73.0880)
	insp := h.as(inspectorD02)
	insp.onboard(core.English, true)

	mustContain(t, h.press("tq:1:5"), "no longer active") // not resolved yet
	insp.press("tk:s:1")
	insp.text("Done.")
	mustContain(t, h.press("tq:1:5"), "no longer active") // no verdict yet
	// Another resident cannot judge or rate someone else's ticket.
	other := h.as(1002)
	other.onboard(core.English, true)
	mustContain(t, other.press("tv:1:y"), "no longer active")
	mustContain(t, other.press("ta:1"), "no longer active")

	// Too late to reopen: the verdict still counts.
	h.now = h.now.Add(8 * 24 * time.Hour)
	mustContain(t, h.press("tv:1:n"), "more than 7 days ago")
	tk := h.ticket(1)
	if tk.Solved == nil || *tk.Solved || tk.Status != core.TicketResolved {
		t.Fatalf("ticket = %+v, want resolved and judged not solved", tk)
	}
	mustContain(t, h.press("tv:1:y"), "no longer active") // judged once
	mustContain(t, h.press("tq:1:3"), "no longer active") // rated only when solved
}

func TestTransferToTheSameDistrictIsRefused(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.English, true)
	h.report(false, 49.8250, 73.0880)
	insp := h.as(inspectorD02)
	insp.onboard(core.English, true)
	insp.press("tk:a:1")
	mustContain(t, insp.press("tt:1:krg-d02"), "no longer active")
	if tk := h.ticket(1); tk.Status != core.TicketAccepted {
		t.Errorf("status %s, want accepted", tk.Status)
	}
}

func TestWithdrawingConsentForgetsTheReportersName(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Russian, true)
	h.report(false, 49.8250, 73.0880)
	if tk := h.ticket(1); tk.ReporterName == "" {
		t.Fatal("a report with a name stored none")
	}
	h.command("privacy")
	h.press("consent:no")
	if tk := h.ticket(1); tk.ReporterName != "" {
		t.Errorf("name kept after consent was withdrawn: %q", tk.ReporterName)
	}
}

func TestAnswerToARejectedTicketIsNotSent(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.English, true)
	h.report(false, 49.8250, 73.0880)
	insp := h.as(inspectorD02)
	insp.onboard(core.English, true)
	insp.press("tk:r:1")
	insp.text("Which flat?")
	h.press("ta:1") // the resident starts answering
	insp.press("tx:1:false")
	mustContain(t, h.text("Flat 14."), "is closed, so your answer was not sent")
	if strings.Contains(textsOf(h.outboxTo(inspectorD02)), "Flat 14.") {
		t.Error("an answer to a rejected ticket was relayed")
	}
}

func TestDutyChatNeverSeesTheReportersName(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Russian, true)
	h.report(false, 49.8250, 73.0880)
	if strings.Contains(textsOf(h.outboxTo(-1005000000000001)), "Aigerim") {
		t.Error("the duty chat got the reporter's name")
	}
	if !strings.Contains(textsOf(h.outboxTo(inspectorD02)), "Aigerim") {
		t.Error("the inspector did not get the reporter's name on a report that is not anonymous")
	}
}

func TestTicketListFilters(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.English, true)
	h.report(false, 49.8250, 73.0880)
	h.now = h.now.Add(time.Minute)
	h.report(false, 49.8250, 73.0880)
	insp := h.as(inspectorD02)
	insp.onboard(core.English, true)
	insp.press("tk:a:1")
	r := insp.send(core.Inbound{Kind: core.KindCommand, Command: "tickets", Text: "new"})
	mustContain(t, r, "KRG-0002")
	mustNotContain(t, r, "KRG-0001")
	mustContain(t, insp.press("tl:accepted"), "KRG-0001")
	mustContain(t, insp.press("tl:rejected"), "No tickets")
}

// gatedStore holds the first Apply of one chat until another chat's Apply
// has committed, to stage two people acting on one ticket at once.
type gatedStore struct {
	flows.Store
	hold      core.ChatRef
	committed chan struct{}
	once      sync.Once
}

func (g *gatedStore) Apply(ctx context.Context, ch core.Change) error {
	if ch.Inbound.Chat == g.hold {
		held := false
		g.once.Do(func() { held = true })
		if held {
			<-g.committed
		}
		return g.Store.Apply(ctx, ch)
	}
	err := g.Store.Apply(ctx, ch)
	if len(ch.Tickets) > 0 {
		close(g.committed)
	}
	return err
}

// TestAStaleTicketChangeIsWorkedOutAgain: the inspector accepts while the
// chief rejects; the inspector's change, made to the older ticket, commits
// second and must not undo the rejection.
func TestAStaleTicketChangeIsWorkedOutAgain(t *testing.T) {
	h := newHarness(t)
	h.onboard(core.Russian, true)
	h.report(false, 49.8250, 73.0880)
	insp, chief := h.as(inspectorD02), h.as(chiefNovyGorod)
	insp.onboard(core.Russian, true)
	chief.onboard(core.Russian, true)

	city, index := example()
	gate := &gatedStore{Store: h.db, hold: insp.chat, committed: make(chan struct{})}
	engine := flows.New(flows.Config{Store: gate, City: city, Index: index, Log: zerolog.Nop(), Now: func() time.Time { return h.now }})
	sender := newRecordingSender()
	d := flows.NewDispatcher(flows.DispatcherConfig{Recorder: h.db, Engine: engine, Log: zerolog.Nop()})
	d.Register(core.Telegram, sender)
	ctx, cancel := context.WithCancel(context.Background())
	defer func() { cancel(); d.Wait(context.Background()) }()
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if err := d.Accept(ctx, core.Inbound{Key: "accept", Chat: insp.chat, From: insp.chat.ID, Kind: core.KindButton, Data: "tk:a:1"}); err != nil {
		t.Fatal(err)
	}
	if err := d.Accept(ctx, core.Inbound{Key: "reject", Chat: chief.chat, From: chief.chat.ID, Kind: core.KindButton, Data: "tx:1:duplicate"}); err != nil {
		t.Fatal(err)
	}
	sender.waitFor(t, func(sent map[core.ChatRef][]core.Reply) bool {
		return len(sent[insp.chat]) > 0 && len(sent[chief.chat]) > 0
	})

	tk := h.ticket(1)
	var actions []string
	for _, e := range tk.History {
		actions = append(actions, e.Action)
	}
	if tk.Status != core.TicketRejected || strings.Join(actions, ",") != "created,rejected" {
		t.Errorf("status %s, history %v; want the rejection kept and the late accept refused", tk.Status, actions)
	}
	mustContain(t, sender.sent[insp.chat], "уже в статусе «отклонено»")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
