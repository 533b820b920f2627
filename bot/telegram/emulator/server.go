package emulator

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/go-telegram/bot/models"
)

// Server is a fake Telegram Bot API for one bot token. It is safe for
// concurrent use: the bot calls it from several goroutines while a test
// plays users and inspects what was sent.
type Server struct {
	token string
	me    models.User
	now   func() time.Time
	ts    *httptest.Server

	done      chan struct{} // closed by Close; ends blocked getUpdates and delays
	closeOnce sync.Once

	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every change, see notifyLocked
	closed  bool
	rng     *rand.Rand

	record  recordState
	chats   chatStore
	updates updateQueue
	webhook webhookState
	faults  faultSet
	queries map[string]bool // callback query id → answered
	onSent  []func(Sent)
	// onDelivered hears of each update the first time getUpdates hands it out.
	onDelivered []func(updateID int64)
	files       map[string][]byte // file_id → bytes, see AddPhoto
	commands    map[string][]models.BotCommand
}

// New starts a fake Bot API on a local httptest server. Point the client at
// it with bot.WithServerURL(srv.URL()) and call Close when done.
func New(token string, opts ...Option) *Server {
	s := newServer(token, opts...)
	s.ts = httptest.NewServer(s.Handler())
	return s
}

func newServer(token string, opts ...Option) *Server {
	s := &Server{
		token:    token,
		me:       defaultBotUser(token),
		now:      time.Now,
		done:     make(chan struct{}),
		changed:  make(chan struct{}),
		rng:      rand.New(rand.NewPCG(1, 1)),
		chats:    newChatStore(),
		updates:  newUpdateQueue(),
		queries:  map[string]bool{},
		commands: map[string][]models.BotCommand{},
	}
	for _, o := range opts {
		o(s)
	}
	return s
}

// URL is the base URL to give bot.WithServerURL, without a trailing slash.
func (s *Server) URL() string { return s.ts.URL }

// Token is the only token the server accepts; any other answers 401.
func (s *Server) Token() string { return s.token }

// Bot is the user getMe returns, and the author of every message the bot
// sends.
func (s *Server) Bot() models.User { return s.me }

// Handler serves the Bot API under /bot{token}/{method}, so the fake can be
// mounted in another server.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

// Close ends blocked getUpdates calls and pending delays, then stops the
// HTTP server and waits for its handlers to return. It is safe to call more
// than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		s.mu.Lock()
		s.closed = true
		close(s.done)
		s.notifyLocked()
		s.mu.Unlock()
		if s.ts != nil {
			s.ts.Close()
		}
	})
}

// request is one decoded call, as a method handler sees it.
type request struct {
	ctx    context.Context
	params params
	files  map[string]File
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if s.serveFile(w, r.URL.Path) {
		return
	}
	token, name, ok := splitPath(r.URL.Path)
	if !ok {
		writeError(w, &apiError{Code: http.StatusNotFound, Description: descNotFound})
		return
	}
	if token != s.token {
		writeError(w, &apiError{Code: http.StatusUnauthorized, Description: descUnauthorized})
		return
	}
	p, files, err := readParams(r)
	if err != nil {
		writeError(w, badRequest(err.Error()))
		return
	}
	m, known := methods[strings.ToLower(name)]
	if known {
		name = m.name
	}
	idx := s.recordCall(name, p, files)
	status := 0
	defer func() { s.finishCall(idx, status) }()

	req := &request{ctx: r.Context(), params: p, files: files}
	if f, ok := s.takeFault(name); ok {
		if f.Delay > 0 && !s.sleep(r.Context(), f.Delay) {
			return
		}
		if f.Code != 0 || f.Drop {
			if f.Executed && known {
				_, _ = m.fn(s, req)
			}
			if f.Drop {
				dropConnection(w)
				return
			}
			status = writeError(w, f.apiError())
			return
		}
	}
	if !known {
		status = writeError(w, &apiError{Code: http.StatusNotFound, Description: descNotFound})
		return
	}
	result, apiErr := m.fn(s, req)
	switch {
	case apiErr == errAbandoned:
	case apiErr != nil:
		status = writeError(w, apiErr)
	default:
		status = writeJSON(w, http.StatusOK, envelope{OK: true, Result: result})
	}
}

// errAbandoned tells serveHTTP that the client went away or the server is
// closing, so there is nobody to answer.
var errAbandoned = &apiError{}

// splitPath splits "/bot{token}/{method}".
func splitPath(path string) (token, method string, ok bool) {
	rest, ok := strings.CutPrefix(path, "/bot")
	if !ok {
		return "", "", false
	}
	token, method, ok = strings.Cut(rest, "/")
	if !ok || token == "" || method == "" || strings.Contains(method, "/") {
		return "", "", false
	}
	return token, method, true
}

// envelope is the JSON every Bot API answer is wrapped in.
type envelope struct {
	OK          bool        `json:"ok"`
	Result      any         `json:"result,omitempty"`
	ErrorCode   int         `json:"error_code,omitempty"`
	Description string      `json:"description,omitempty"`
	Parameters  *parameters `json:"parameters,omitempty"`
}

type parameters struct {
	RetryAfter int `json:"retry_after,omitempty"`
}

func writeError(w http.ResponseWriter, e *apiError) int {
	env := envelope{ErrorCode: e.Code, Description: e.Description}
	if e.RetryAfter > 0 {
		env.Parameters = &parameters{RetryAfter: e.RetryAfter}
	}
	return writeJSON(w, e.Code, env)
}

func writeJSON(w http.ResponseWriter, status int, v envelope) int {
	body, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		body = []byte(`{"ok":false,"error_code":500,"description":"Internal Server Error"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
	return status
}

// dropConnection closes the connection without an answer, as a proxy or a
// network failure would.
func dropConnection(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}

// sleep waits d and reports whether it did so without the request being
// cancelled or the server closing.
func (s *Server) sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
	case <-s.done:
	}
	return false
}
