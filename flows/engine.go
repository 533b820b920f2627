package flows

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
	"github.com/beatbot-kz/beatbot/locate"
	"github.com/rs/zerolog"
)

// Store is the storage the engine needs: a chat's session, and committing
// the outcome of one update atomically.
type Store interface {
	// Session returns the chat's session; a zero one for a new chat.
	Session(ctx context.Context, chat core.ChatRef) (core.Session, error)
	// Apply commits a change durably before returning.
	Apply(ctx context.Context, ch core.Change) error
}

// Engine runs the conversations. It is safe for concurrent use on
// different chats; the Dispatcher makes sure one chat's updates are handled
// one at a time.
type Engine struct {
	store    Store
	city     *core.City
	index    *locate.Index
	log      zerolog.Logger
	now      func() time.Time
	onOutbox func()
}

// Config holds what an Engine is built from.
type Config struct {
	Store Store
	City  *core.City
	Index *locate.Index
	Log   zerolog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// OnOutbox is called after a change that enqueued outbox items is
	// committed, to wake the notifier; nil means nobody is told.
	OnOutbox func()
}

// New returns an Engine.
func New(cfg Config) *Engine {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.OnOutbox == nil {
		cfg.OnOutbox = func() {}
	}
	return &Engine{store: cfg.Store, city: cfg.City, index: cfg.Index, log: cfg.Log, now: cfg.Now, onOutbox: cfg.OnOutbox}
}

// Handle handles one recorded update: it works out the answer, commits the
// resulting change (which also marks the update handled) and only then
// returns the replies to send. On an error nothing was committed and the
// update stays pending; the replies then hold an apology to send.
//
// A panic in a flow is recovered: the update is dropped so that it cannot
// crash the bot again after a restart, and the resident gets an apology.
func (e *Engine) Handle(ctx context.Context, in core.Inbound) (replies []core.Reply, err error) {
	lang := in.LangHint
	defer func() {
		if p := recover(); p != nil {
			e.log.Error().Str("update", in.Key).Str("chat", in.Chat.String()).
				Str("panic", fmt.Sprint(p)).Bytes("stack", debug.Stack()).Msg("flow panicked")
			replies = []core.Reply{{Text: locale.T(lang, locale.ErrorGeneric)}}
			err = e.store.Apply(ctx, core.Change{Inbound: in})
			if err != nil {
				err = fmt.Errorf("flows: drop update %s after panic: %w", in.Key, err)
			}
		}
	}()

	s, err := e.store.Session(ctx, in.Chat)
	if err != nil {
		return []core.Reply{{Text: locale.T(lang, locale.ErrorGeneric)}}, fmt.Errorf("flows: handle %s: %w", in.Key, err)
	}
	if s.Resident.Lang != "" {
		lang = s.Resident.Lang
	}
	t := newTurn(e, in, s)
	if s.Resident.Unreachable {
		// They write again, so they unblocked the bot.
		t.s.Resident.Unreachable = false
		t.dirty = true
	}
	if err := t.run(ctx); err != nil {
		return []core.Reply{{Text: locale.T(lang, locale.ErrorGeneric)}}, fmt.Errorf("flows: handle %s: %w", in.Key, err)
	}

	change := core.Change{Inbound: in, Outbox: t.outbox}
	if t.dirty {
		t.s.Conversation.Updated = e.now()
		change.Session = &t.s
	}
	if err := e.store.Apply(ctx, change); err != nil {
		return []core.Reply{{Text: locale.T(t.lang(), locale.ErrorGeneric)}}, fmt.Errorf("flows: handle %s: %w", in.Key, err)
	}
	if len(t.outbox) > 0 {
		e.onOutbox()
	}
	return t.replies, nil
}
