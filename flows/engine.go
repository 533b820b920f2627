package flows

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
	"github.com/beatbot-kz/beatbot/locate"
	"github.com/rs/zerolog"
)

// Store is the storage the engine needs.
type Store interface {
	SessionStore
	NoticeStore
	TicketStore
	PollStore
	RightsStore
	LeaveStore
}

// LeaveStore reads the leaves admins recorded in the bot; they are
// stored with the update that records them (core.Change.Leave).
type LeaveStore interface {
	Leaves(ctx context.Context) ([]core.Leave, error)
}

// PollStore reads polls and their pseudonymous answers.
type PollStore interface {
	// Poll returns a poll, or core.ErrNotFound; Polls returns every poll,
	// the latest to open first.
	Poll(ctx context.Context, id string) (core.Poll, error)
	Polls(ctx context.Context) ([]core.Poll, error)
	// AnswerSet returns the answers under a pseudonym, with the free
	// texts under textKey, or core.ErrNotFound.
	AnswerSet(ctx context.Context, poll, key, textKey string) (core.AnswerSet, error)
	// EachAnswerSet calls fn with every answer set of a poll, without
	// their texts; the set is reused between calls.
	EachAnswerSet(ctx context.Context, poll string, fn func(*core.AnswerSet) error) error
	// EachPollText calls fn with every free-text answer to a poll.
	EachPollText(ctx context.Context, poll string, fn func(core.PollText) error) error
}

// SessionStore keeps chats' sessions and commits the outcome of one update
// atomically.
type SessionStore interface {
	// Session returns the chat's session; a zero one for a new chat.
	Session(ctx context.Context, chat core.ChatRef) (core.Session, error)
	// Apply commits a change durably before returning.
	Apply(ctx context.Context, ch core.Change) error
	// Audience returns the reachable subscribers of any of districts.
	Audience(ctx context.Context, districts []string) ([]core.Recipient, error)
}

// NoticeStore reads chiefs' notices.
type NoticeStore interface {
	// NextNoticeID reserves an id for a new notice.
	NextNoticeID(ctx context.Context) (uint64, error)
	// Notice returns a notice, or core.ErrNotFound.
	Notice(ctx context.Context, id uint64) (core.Notice, error)
	// Notices returns every notice, newest first.
	Notices(ctx context.Context) ([]core.Notice, error)
}

// TicketStore reads residents' tickets.
type TicketStore interface {
	// OpenTickets returns the tickets still open, oldest first.
	OpenTickets(ctx context.Context) ([]core.Ticket, error)
	// SaveTicket stores a ticket's new state with the messages it
	// causes, or returns core.ErrConflict if the ticket changed since it
	// was read.
	SaveTicket(ctx context.Context, t core.Ticket, items []core.OutboxItem) error
	// NextTicketID reserves an id for a new ticket.
	NextTicketID(ctx context.Context) (uint64, error)
	// Ticket returns a ticket, or core.ErrNotFound.
	Ticket(ctx context.Context, id uint64) (core.Ticket, error)
	// TicketsByReporter, ByAssignee and ByPrecinct return tickets newest
	// first; AllTickets oldest first.
	TicketsByReporter(ctx context.Context, chat core.ChatRef) ([]core.Ticket, error)
	TicketsByAssignee(ctx context.Context, staff string) ([]core.Ticket, error)
	TicketsByPrecinct(ctx context.Context, precinct string) ([]core.Ticket, error)
	AllTickets(ctx context.Context) ([]core.Ticket, error)
	// ReportsSince counts the tickets a chat created since a time.
	ReportsSince(ctx context.Context, chat core.ChatRef, since time.Time) (int, error)
}

// Engine runs the conversations. It is safe for concurrent use on
// different chats; the Dispatcher makes sure one chat's updates are handled
// one at a time.
type Engine struct {
	store Store
	// cities holds the city in force: the configured one with the
	// recorded leaves laid over it. Only Install replaces it.
	cities *core.CityHolder
	// mu is held for reading while an update is handled and for writing
	// while Install replaces the city, so that once Install has put a
	// city in force no update is still acting on the one before: a
	// ticket routed by the old city would miss the rerouting.
	mu sync.RWMutex
	// base is the city as configured, index its district index; mu
	// guards them.
	base  *core.City
	index *locate.Index
	// installing makes one Install at a time: a reload and a recorded
	// leave each lay the leaves over a city, and the later must win.
	installing sync.Mutex
	log        zerolog.Logger
	now        func() time.Time
	onOutbox   func()
	onNotice   func()
	onAnswer   func(poll string)
	limits     *chatLimits
	forgets    *forgetLimits
	// pollSecret keys residents' pseudonyms in polls; without it polls
	// are not offered.
	pollSecret []byte
}

// Config holds what an Engine is built from.
type Config struct {
	// Store keeps the sessions. Required.
	Store Store
	// City is the directory as configured, the flows answer from it.
	// Required unless Cities is set.
	City *core.City
	// Cities, when set, is the holder the engine puts the city in force
	// in (Install), for the notifier and the adapters to read; it starts
	// with City, or holds it if City is nil. Nil means a holder of the
	// engine's own.
	Cities *core.CityHolder
	// Index finds districts by place and address in City. Required.
	Index *locate.Index
	Log   zerolog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// OnOutbox is called after a change that enqueued outbox items is
	// committed, to wake the notifier; nil means nobody is told.
	OnOutbox func()
	// OnNotice is called after a notice was stored or changed, so that
	// one due at once goes at once; nil means nobody is told.
	OnNotice func()
	// OnAnswer is called after a resident's poll answer is committed, with
	// the poll's id, for metrics; nil means nobody is told.
	OnAnswer func(poll string)
	// PollSecret is the server secret residents' poll answers are keyed
	// with (core.Pseudonym). Empty means polls are not offered: answers
	// keyed without a secret could be traced back to their chats.
	PollSecret []byte
}

// New returns an Engine.
func New(cfg Config) *Engine {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.OnOutbox == nil {
		cfg.OnOutbox = func() {}
	}
	if cfg.OnNotice == nil {
		cfg.OnNotice = func() {}
	}
	if cfg.OnAnswer == nil {
		cfg.OnAnswer = func(string) {}
	}
	if cfg.Cities == nil {
		cfg.Cities = core.NewCityHolder(cfg.City)
	}
	if cfg.City == nil {
		cfg.City = cfg.Cities.Load()
	}
	return &Engine{store: cfg.Store, cities: cfg.Cities, base: cfg.City, index: cfg.Index, log: cfg.Log, now: cfg.Now,
		onOutbox: cfg.OnOutbox, onNotice: cfg.OnNotice, onAnswer: cfg.OnAnswer, limits: newChatLimits(cfg.City.Abuse.MessagesPerMinute),
		forgets:    newForgetLimits(),
		pollSecret: cfg.PollSecret}
}

// Handle handles one recorded update: it works out the answer, commits the
// resulting change (which also marks the update handled) and only then
// returns the replies to send.
//
// It returns an error only when storage failed: nothing was committed, the
// update stays pending and may be tried again, and the replies hold an
// apology to send if it is not. A flow that fails, by an error or a panic,
// drops the update (it would fail the same way every time) and answers
// with an apology.
func (e *Engine) Handle(ctx context.Context, in core.Inbound) ([]core.Reply, error) {
	replies, leave, err := e.handle(ctx, in)
	if leave {
		// Outside handle, which holds mu for reading: Install takes it
		// for writing. The leave is stored: if this fails it applies at
		// the next reload or start.
		if err := e.Refresh(ctx); err != nil {
			e.log.Error().Err(err).Str("update", in.Key).Msg("recorded leave not applied until the next reload")
		}
	}
	return replies, err
}

// handle is Handle with one city throughout; leave is set when the update
// recorded a leave, which changes the city.
func (e *Engine) handle(ctx context.Context, in core.Inbound) (replies []core.Reply, leave bool, err error) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	city, index := e.cities.Load(), e.index
	lang := in.LangHint
	apology := func() []core.Reply { return []core.Reply{{Text: locale.T(lang, locale.ErrorGeneric)}} }
	defer func() {
		if p := recover(); p != nil {
			e.log.Error().Str("update", in.Key).
				Str("panic", fmt.Sprint(p)).Bytes("stack", debug.Stack()).Msg("flow panicked; update dropped")
			replies, leave, err = apology(), false, e.Drop(ctx, in)
		}
	}()

	s, err := e.store.Session(ctx, in.Chat)
	if err != nil {
		return apology(), false, fmt.Errorf("flows: handle %s: %w", in.Key, err)
	}
	if s.Resident.Lang != "" {
		lang = s.Resident.Lang
	}
	if ok, warn := e.limits.allow(in.Chat, e.now()); !ok && city.StaffByChat(in.Chat, in.From) == nil {
		// Staff's work is not throttled like a flood.
		var replies []core.Reply
		if in.Kind != core.KindCommand && in.Kind != core.KindButton && looksLikeEmergency(in.Text) {
			// Never silence someone in danger.
			replies = append(replies, core.Reply{Text: locale.T(lang, locale.EmergencyBanner, emergencyList(city, lang, ", "))})
		}
		if warn {
			replies = append(replies, core.Reply{Text: locale.T(lang, locale.TooManyMessages)})
		}
		e.log.Debug().Str("update", in.Key).Msg("message over the chat's rate limit dropped")
		return replies, false, e.Drop(ctx, in)
	}
	t := newTurn(e, city, index, in, s)
	if s.Resident.Unreachable {
		// They write again, so they unblocked the bot.
		t.s.Resident.Unreachable = false
		t.dirty = true
	}
	err = t.run(ctx)
	// Not deferred: a machine left mid-transition by a panic is not
	// reused.
	releaseMachine(t.m)
	if err != nil {
		e.log.Error().Err(err).Str("update", in.Key).Msg("flow failed; update dropped")
		return apology(), false, e.Drop(ctx, in)
	}

	change := core.Change{Inbound: in, Outbox: t.outbox, Notice: t.notice, Tickets: t.tickets, Block: t.block, CancelNotice: t.cancel, Answers: t.answers,
		Leave: t.leave}
	if t.forgetting {
		// Nothing of the session is stored: the chat is new again.
		change = core.Change{Inbound: in, Forget: true, Unlink: t.unlink, Outbox: t.outbox}
	} else if t.dirty {
		t.s.Conversation.Updated = e.now()
		change.Session = &t.s
	}
	if err := e.store.Apply(ctx, change); err != nil {
		return apology(), false, fmt.Errorf("flows: handle %s: %w", in.Key, err)
	}
	if t.forgetting {
		e.forgets.done(in.Chat, e.now())
	}
	if len(t.outbox) > 0 {
		e.onOutbox()
	}
	if t.notice != nil || t.cancel != 0 {
		e.onNotice()
	}
	if t.answers != nil {
		e.onAnswer(t.answers.Poll)
	}
	for i := range t.replies {
		if t.replies[i].Lang == "" {
			// For controls a messenger makes the bot label itself.
			t.replies[i].Lang = t.lang()
		}
	}
	return t.replies, t.leave != nil, nil
}

// Drop marks an update handled without changing anything else.
func (e *Engine) Drop(ctx context.Context, in core.Inbound) error {
	if err := e.store.Apply(ctx, core.Change{Inbound: in}); err != nil {
		return fmt.Errorf("flows: drop %s: %w", in.Key, err)
	}
	return nil
}
