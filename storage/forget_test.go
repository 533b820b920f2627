package storage_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
	"github.com/beatbot-kz/beatbot/storage/storagetest"
)

// resident is what one resident leaves in every part of the file.
type resident struct {
	chat                     core.ChatRef
	name, text, addr, photo  string
	pseudonym, textPseudonym string
}

// leaveTraces stores something about r in every bucket that can hold
// something about a resident, the way the bot stores it, and returns the
// ticket it reported.
func leaveTraces(t *testing.T, db *storage.DB, r resident, seq int) core.Ticket {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	// Update keys are as the WhatsApp adapter makes them: the digest of a
	// wamid, which encodes the sender's number.
	key := func(s string) string { return "whatsapp:" + core.Digest(wamid(r.chat, fmt.Sprint(seq, s))) }

	// An update left over in the inbox, and the one that onboards them,
	// which also records when they last wrote (WhatsApp).
	if _, err := db.Record(ctx, core.Inbound{Key: key("leftover"), Chat: r.chat, Kind: core.KindText, Text: r.text}); err != nil {
		t.Fatal(err)
	}
	in, err := db.Record(ctx, core.Inbound{Key: key("start"), Chat: r.chat, Kind: core.KindText, Text: "start"})
	if err != nil {
		t.Fatal(err)
	}
	id, err := db.NextTicketID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tk := core.Ticket{ID: id, Code: core.TicketCode("KRG", id), Category: "burglary", Text: r.text, Address: r.addr,
		Location: &core.Point{Lat: 49.8, Lon: 73.1}, District: "d-01", Precinct: "p1", Photos: []string{r.photo},
		Reporter: r.chat, ReporterName: r.name, Lang: core.Russian, Assignee: "s-i01", Status: core.TicketNew, Created: now}
	tk.Record(now, "resident", core.ActionCreated, core.TicketNew, "")
	tk.Record(now, "resident", core.ActionAnswered, "", r.text)
	tk.Record(now, "s-i01", core.ActionTransferred, "", "d-01")
	session := core.Session{
		Resident: core.Resident{Chat: r.chat, Lang: core.Russian, ConsentAt: now, Created: now, HomeDistrict: "d-01",
			Subscriptions: []string{"d-01", "d-02"}},
		Conversation: core.Conversation{State: "report_text", Street: r.addr, Report: &core.Ticket{Text: r.text}},
	}
	set := core.AnswerSet{Poll: "safety", Key: r.pseudonym, TextKey: r.textPseudonym, District: "d-01", Started: now, Updated: now,
		Answers: []core.Answer{{Q: 0, Options: 1}, {Q: 1, Text: r.text}}}
	err = db.Apply(ctx, core.Change{Inbound: in, Session: &session, Tickets: []core.Ticket{tk}, Answers: &set,
		Outbox: []core.OutboxItem{
			{Key: "ticket:" + itoa(id) + ":1:created:card", Chat: staffChat, ToStaff: true, Reply: core.Reply{Text: r.name + ": " + r.text}},
			{Key: "ticket:" + itoa(id) + ":1:created:photo0", Chat: staffChat, ToStaff: true, Reply: core.Reply{Photo: r.photo}},
			{Key: "ticket:" + itoa(id) + ":1:accepted:reporter", Chat: r.chat, Reply: core.Reply{Text: "accepted"}},
		}})
	if err != nil {
		t.Fatal(err)
	}
	// Bulk items to them, one of which failed for good, and a message
	// remembered by the messenger's id.
	items := []core.OutboxItem{
		{Key: "alert:a1:1:" + r.chat.String(), Chat: r.chat, Batch: "alert:a1:1", Priority: core.PriorityBulk, Reply: core.Reply{Text: "alert"}},
		{Key: "poll:safety:" + r.chat.String(), Chat: r.chat, Batch: "notice:1:1", Priority: core.PriorityBulk, Reply: core.Reply{Text: "poll"}},
	}
	if _, err := db.EnqueueOutbox(ctx, items); err != nil {
		t.Fatal(err)
	}
	pending, err := db.PendingOutbox(ctx, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range pending {
		if it.Key == "alert:a1:1:"+r.chat.String() {
			if err := db.OutboxFailed(ctx, it.ID, "bad request"); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := db.RememberSent(ctx, wamid(r.chat, "sent"), r.chat, core.Reply{Text: r.text}, core.ItemRef{}); err != nil {
		t.Fatal(err)
	}
	// Their ticket's card to the inspector on WhatsApp, delivered and
	// remembered there for a resend; and the resend Meta asked for, keyed
	// as the adapter keys it.
	for _, it := range pending {
		if it.Key == "ticket:"+itoa(id)+":1:created:card" {
			if err := db.RememberSent(ctx, wamid(staffChat, fmt.Sprint("card", seq)), staffChat, it.Reply,
				core.ItemRef{ID: it.ID, Key: it.Key}); err != nil {
				t.Fatal(err)
			}
		}
	}
	resend := core.OutboxItem{Key: "resend:" + core.Digest(wamid(r.chat, "late")), Chat: r.chat, Reply: core.Reply{Text: "accepted"}}
	// Their answer to a notice, relayed to the chief without their name or
	// chat, and keyed by their update: not theirs to find any more.
	answer := core.OutboxItem{Key: "answer:" + key("answer"), Chat: staffChat, ToStaff: true,
		Reply: core.Reply{Text: "Ответ на объявление 1: приду"}}
	if _, err := db.EnqueueOutbox(ctx, []core.OutboxItem{resend, answer}); err != nil {
		t.Fatal(err)
	}
	// A notice whose fan-out stopped at them, while it goes on.
	if err := db.SaveNotice(ctx, core.Notice{ID: uint64(seq), Author: "s-c1", Districts: []string{"d-01"}, Text: "notice",
		FanOut: &core.FanOut{At: now, After: r.chat.String(), Queued: 1}}); err != nil {
		t.Fatal(err)
	}
	return tk
}

// staffChat is the inspector's, on WhatsApp.
var staffChat = core.ChatRef{Channel: core.WhatsApp, ID: "77010000011"}

// wamid makes a WhatsApp message id as Meta does: base64 of bytes that
// include the chat's number.
func wamid(c core.ChatRef, n string) string {
	return "wamid." + base64.StdEncoding.EncodeToString([]byte("\x1c\x18\x0b"+c.ID+"\x15\x02\x00\x12"+n))
}

func itoa(id uint64) string { return strconv.FormatUint(id, 10) }

// TestForgetLeavesNothing stores something about two residents in every
// bucket, forgets one, and scans every record of the file for anything of
// theirs: their number, name, words, address, photo and pseudonyms. What
// the other resident stored must all still be there.
func TestForgetLeavesNothing(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	gone := resident{chat: core.ChatRef{Channel: core.WhatsApp, ID: "77010000042"}, name: "Aigerim Forgotten",
		text: "Вскрыли дверь квартиры Айгерим", addr: "Ерубаева 12 кв 7", photo: "wa:photo-of-aigerim",
		pseudonym: "0123456789abcdef0123456789abcdef", textPseudonym: "fedcba9876543210fedcba9876543210"}
	stays := resident{chat: core.ChatRef{Channel: core.WhatsApp, ID: "77010000099"}, name: "Bolat Stays",
		text: "Шум во дворе у Болата", addr: "Гоголя 5", photo: "wa:photo-of-bolat",
		pseudonym: "11111111111111111111111111111111", textPseudonym: "22222222222222222222222222222222"}
	goneTicket := leaveTraces(t, db, gone, 1)
	leaveTraces(t, db, stays, 2)
	needles := func(r resident) []string {
		// The number in any form: as written, escaped, in a wamid, or a
		// neighbour of it (the number less its last digit).
		out := append(storagetest.Derived(r.chat.ID), r.chat.ID[:len(r.chat.ID)-1])
		return append(out, r.name, r.text, r.addr, r.photo, r.pseudonym, r.textPseudonym)
	}
	if hits := storagetest.Find(t, db, needles(gone)...); len(hits) < 10 {
		t.Fatalf("before forgetting, found %d traces; the test stores too little:\n%v", len(hits), hits)
	}

	in, err := db.Record(ctx, core.Inbound{Key: "whatsapp:" + core.Digest(wamid(gone.chat, "forget")), Chat: gone.chat,
		Kind: core.KindButton, Data: "fg:yes"})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Apply(ctx, core.Change{Inbound: in, Forget: true,
		Unlink: []core.AnswerRef{{Poll: "safety", Key: gone.pseudonym, TextKey: gone.textPseudonym}}}); err != nil {
		t.Fatal(err)
	}

	storagetest.MustNotFind(t, db, needles(gone)...)

	// The ticket stays for statistics, erased.
	tk, err := db.Ticket(ctx, goneTicket.ID)
	if err != nil {
		t.Fatal(err)
	}
	if tk.Category != "burglary" || tk.District != "d-01" || tk.Status != core.TicketNew || tk.Erased.IsZero() || tk.Linked() {
		t.Errorf("erased ticket = %+v, want its category, district and status, unlinked", tk)
	}
	if last := tk.History[len(tk.History)-1]; last.Action != core.ActionWithdrawn {
		t.Errorf("last event %+v, want %s", last, core.ActionWithdrawn)
	}
	if n, _ := db.CountAnswerSets(ctx, "safety"); n != 2 {
		t.Errorf("answer sets = %d, want both still counted", n)
	}
	if p, _ := db.PersonalData(ctx, gone.chat); !p.Empty() {
		t.Errorf("personal data after forgetting = %+v, want none", p)
	}
	if s, _ := db.Session(ctx, gone.chat); s.Resident.Lang != "" || s.Conversation.State != "" {
		t.Errorf("session after forgetting = %+v, want a new one", s)
	}
	subs, _ := db.Subscribers(ctx, "d-02")
	if len(subs) != 1 || subs[0] != stays.chat {
		t.Errorf("subscribers of d-02 = %v, want only %s", subs, stays.chat)
	}

	// The other resident keeps everything.
	for _, n := range []string{stays.chat.ID, stays.name, stays.text, stays.addr, stays.photo, stays.pseudonym, stays.textPseudonym} {
		if len(storagetest.Find(t, db, n)) == 0 {
			t.Errorf("%q of the other resident is gone too", n)
		}
	}
	if p, _ := db.PersonalData(ctx, stays.chat); !p.Stored || len(p.Tickets) != 1 || p.Queued != 3 || p.Sent != 1 || p.LastInbound.IsZero() {
		t.Errorf("the other resident's data = %+v, want all of it", p)
	}
}

// TestForgetKeepsABlock checks that a resident a chief blocked from
// reporting cannot lift the block by asking to be forgotten.
func TestForgetKeepsABlock(t *testing.T) {
	ctx := context.Background()
	db := storagetest.MustOpen(t, storage.Options{})
	in, _ := db.Record(ctx, inbound("u:1", "hi"))
	s := core.Session{Resident: core.Resident{Lang: core.English, ConsentAt: time.Now(), HomeDistrict: "d-01"}}
	if err := db.Apply(ctx, core.Change{Inbound: in, Session: &s}); err != nil {
		t.Fatal(err)
	}
	in, _ = db.Record(ctx, inbound("u:3", "block"))
	block := core.ReportBlock{Chat: chat, Reason: "abuse", By: "s-c1", At: time.Now()}
	if err := db.Apply(ctx, core.Change{Inbound: in, Block: &block}); err != nil {
		t.Fatal(err)
	}
	in, _ = db.Record(ctx, inbound("u:2", "forget"))
	if err := db.Apply(ctx, core.Change{Inbound: in, Forget: true}); err != nil {
		t.Fatal(err)
	}
	r, err := db.Resident(ctx, chat)
	if err != nil || r.Blocked == nil || r.Lang != "" || r.HomeDistrict != "" || r.Consented() {
		t.Errorf("resident after forgetting = %+v, %v; want only the block", r, err)
	}
}
