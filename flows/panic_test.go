package flows_test

import (
	"context"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/flows"
	"github.com/rs/zerolog"
)

// panickyStore is real storage whose Session panics, to exercise the
// engine's recovery.
type panickyStore struct {
	flows.Store
}

func (panickyStore) Session(context.Context, core.ChatRef) (core.Session, error) {
	panic("corrupt session")
}

func TestPanicIsRecoveredAndTheUpdateDropped(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	city := h.city
	engine := flows.New(flows.Config{Store: panickyStore{h.db}, City: city, Log: zerolog.Nop()})

	in, err := h.db.Record(ctx, core.Inbound{Key: "k1", Chat: h.chat, Kind: core.KindText, Text: "hi", LangHint: core.Kazakh})
	if err != nil {
		t.Fatal(err)
	}
	replies, err := engine.Handle(ctx, in)
	if err != nil {
		t.Fatalf("handle: %v", err)
	}
	mustContain(t, replies, "Кешіріңіз, бірдеңе дұрыс болмады")
	if pending, _ := h.db.Pending(ctx); len(pending) != 0 {
		t.Errorf("the update that panicked is still pending: %+v", pending)
	}
}
