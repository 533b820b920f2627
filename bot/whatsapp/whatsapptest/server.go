package whatsapptest

import (
	"context"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// Version is the Graph API version in URL; the server accepts any version.
const Version = "v21.0"

// maxBody bounds a request, a little above Meta's 100 MB media limit.
const maxBody = 101 << 20

// Server is a fake WhatsApp Cloud API for one business phone number. It is
// safe for concurrent use: the bot calls it from several goroutines while a
// test reads what was sent.
type Server struct {
	token   string
	phoneID string
	now     func() time.Time
	ts      *httptest.Server

	done      chan struct{} // closed by Close; ends delays
	closeOnce sync.Once

	mu        sync.Mutex
	changed   chan struct{} // closed and replaced on every change
	closed    bool
	rng       *rand.Rand
	nextID    int64
	calls     []Call
	sent      []Sent
	media     map[string]*Media
	faults    faultSet
	outside   map[string]bool
	templates map[string]int // name + "/" + language → body parameters
}

// Option configures a Server in New.
type Option func(*Server)

// WithSeed seeds the random source behind SetFaultRate, so a failing run
// can be repeated. The default seed is 1.
func WithSeed(seed uint64) Option {
	return func(s *Server) { s.rng = rand.New(rand.NewPCG(seed, seed)) }
}

// New starts a fake Graph API on a local httptest server that accepts
// token as the access token and serves the business phone number
// phoneNumberID. Call Close when done.
func New(token, phoneNumberID string, opts ...Option) *Server {
	s := &Server{
		token:     token,
		phoneID:   phoneNumberID,
		now:       time.Now,
		done:      make(chan struct{}),
		changed:   make(chan struct{}),
		rng:       rand.New(rand.NewPCG(1, 1)),
		media:     map[string]*Media{},
		outside:   map[string]bool{},
		templates: map[string]int{},
	}
	for _, o := range opts {
		o(s)
	}
	s.ts = httptest.NewServer(s.Handler())
	return s
}

// URL is the Graph API base to configure the adapter with: the server's
// address and the version, such as "http://127.0.0.1:41234/v21.0".
func (s *Server) URL() string { return s.ts.URL + "/" + Version }

// Token is the only access token the server accepts.
func (s *Server) Token() string { return s.token }

// PhoneNumberID is the only phone number id the server serves.
func (s *Server) PhoneNumberID() string { return s.phoneID }

// Handler serves the API, so the fake can be mounted in another server
// (a playground). Media URLs then still name the httptest server.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

// Close ends pending delays, stops the HTTP server and waits for its
// handlers to return. It is safe to call more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		s.mu.Lock()
		s.closed = true
		close(s.done)
		s.notifyLocked()
		s.mu.Unlock()
		s.ts.Close()
	})
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	idx := s.recordCall(r, body)
	status := 0
	defer func() { s.finishCall(idx, status) }()
	if err != nil {
		status = writeJSON(w, http.StatusRequestEntityTooLarge, map[string]any{"error": map[string]any{
			"message": "(#100) Request body too large", "type": "OAuthException", "code": CodeInvalidParameter}})
		return
	}
	if !s.authorized(r) {
		status = writeGraphError(w, errToken())
		return
	}
	if r.URL.Path == downloadPath {
		status = s.download(w, r)
		return
	}
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	switch {
	case len(parts) == 2 && r.Method == http.MethodGet:
		status = s.mediaInfo(w, parts[1])
	case len(parts) == 3 && r.Method == http.MethodPost && parts[1] != s.phoneID:
		status = writeGraphError(w, errNoObject("post", parts[1]))
	case len(parts) == 3 && r.Method == http.MethodPost && parts[2] == "messages":
		status = s.messages(w, r, body)
	case len(parts) == 3 && r.Method == http.MethodPost && parts[2] == "media":
		status = s.upload(w, r, body)
	default:
		id := r.URL.Path
		if len(parts) > 1 {
			id = parts[1]
		}
		status = writeGraphError(w, errNoObject(strings.ToLower(r.Method), id))
	}
}

// authorized checks the bearer token; like the Graph API it also takes an
// access_token query parameter.
func (s *Server) authorized(r *http.Request) bool {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		token = r.URL.Query().Get("access_token")
	}
	return token != "" && token == s.token
}

// applyFault answers with f and reports whether the call is finished;
// false means it should go on normally (a delay only). run executes the
// call first, for a fault whose message was sent but whose answer was lost.
func (s *Server) applyFault(ctx context.Context, w http.ResponseWriter, f Fault, run func()) (int, bool) {
	if f.Delay > 0 && !s.sleep(ctx, f.Delay) {
		return 0, true
	}
	if f.Code == 0 && f.Status == 0 && !f.Drop {
		return 0, false
	}
	if f.Executed {
		run()
	}
	if f.Drop {
		dropConnection(w)
		return 0, true
	}
	if f.Code == 0 {
		// A proxy in front of the Graph API answers with a page, not JSON.
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(f.Status)
		_, _ = io.WriteString(w, "<html><body>"+http.StatusText(f.Status)+"</body></html>")
		return f.Status, true
	}
	return writeGraphError(w, f.graphError()), true
}

// dropConnection closes the connection without an answer, as a network
// failure would.
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
