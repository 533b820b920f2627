package notifier_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// TestPollInvitations: an invitation goes to each subscriber in their own
// language with a button to take the poll, is counted per district, and
// a second run of it does not invite anyone twice.
func TestPollInvitations(t *testing.T) {
	start := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	r := newNoticeRig(t, start)
	poll := core.Poll{ID: "safety", Title: core.Text{core.Russian: "Чек-лист", core.Kazakh: "Чек-парақ", core.English: "Checklist"},
		Opens: start.AddDate(0, 0, -1), Closes: start.AddDate(0, 1, 0), Questions: []core.Question{{ID: "q", Kind: core.YesNo}}}
	if err := r.db.SavePoll(context.Background(), poll); err != nil {
		t.Fatal(err)
	}
	r.subscribe(1, core.Russian, "d1")
	r.subscribe(2, core.Kazakh, "d2")
	r.subscribe(3, core.English, "d1", "d2")
	r.save(core.Notice{Author: "s-c1", Districts: []string{"d1", "d2"}, Poll: "safety", Text: "📋 Checklist"})
	r.at(start)

	items := r.outbox()
	if len(items) != 3 {
		t.Fatalf("%d items, want one per subscriber", len(items))
	}
	want := map[string]string{"1": "«Чек-лист»", "2": "«Чек-парақ»", "3": "“Checklist”"}
	for _, it := range items {
		if !strings.Contains(it.Reply.Text, want[it.Chat.ID]) {
			t.Errorf("invitation to %s: %q, want the title %s in their language", it.Chat.ID, it.Reply.Text, want[it.Chat.ID])
		}
		if len(it.Reply.Buttons) != 1 || it.Reply.Buttons[0][0].Data != "pl:safety" {
			t.Errorf("invitation to %s has buttons %+v, want one to take the poll", it.Chat.ID, it.Reply.Buttons)
		}
		if it.Priority != core.PriorityBulk {
			t.Errorf("invitation priority %d, want bulk", it.Priority)
		}
	}
	n, err := r.db.Notice(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	// Resident 3 is in both districts and counts once, for the first.
	if n.Invited["d1"] != 2 || n.Invited["d2"] != 1 {
		t.Errorf("invited %v, want d1: 2, d2: 1", n.Invited)
	}

	// A second invitation to the same poll reaches only the newcomer.
	r.subscribe(4, core.Russian, "d2")
	r.save(core.Notice{Author: "s-c1", Districts: []string{"d2"}, Poll: "safety", Text: "📋 Checklist"})
	r.at(start.Add(time.Minute))
	n, err = r.db.Notice(context.Background(), 2)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(r.outbox()); got != 4 || n.Invited["d2"] != 1 {
		t.Errorf("after a second run: %d items (want 4), invited %v (want d2: 1)", got, n.Invited)
	}
}
