package whatsapptest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// Call is one request the bot made, recorded when it arrived.
type Call struct {
	// Method and Path are the HTTP method and URL path.
	Method, Path string
	// Body is the request body as sent. It must not be modified.
	Body []byte
	// Status is the HTTP status answered; 0 while the call is being
	// served, or when no answer was given (a dropped connection, a client
	// that went away).
	Status int
	// At is when the call arrived.
	At time.Time
}

// Sent is a parsed view of one message the server accepted.
type Sent struct {
	// ID is the wamid the server answered.
	ID string
	// To is the recipient's number.
	To string
	// Type is the message type: text, interactive, location, image or
	// template.
	Type string
	// Text is the text a resident reads: the body of a text or interactive
	// message, an image's caption, or a template's body parameters joined
	// by newlines.
	Text string
	// Buttons are the reply buttons of an interactive button message.
	Buttons []Button
	// List is the list of an interactive list message.
	List *List
	// LocationRequest is set for an interactive location_request_message.
	LocationRequest bool
	// Location is set for a location message.
	Location *Location
	// Image is set for an image message.
	Image *Image
	// Template is set for a template message.
	Template *Template
	// ReplyTo is the wamid in context.message_id, if the bot quoted one.
	ReplyTo string
	// Raw is the request body. It must not be modified.
	Raw json.RawMessage
	// At is when the server accepted the message.
	At time.Time
}

// Button is a reply button.
type Button struct {
	ID, Title string
}

// List is an interactive list: the label of the button that opens it and
// its rows, in order, across sections.
type List struct {
	Button string
	Rows   []Row
}

// Row is a list row; Section is the title of its section, if any.
type Row struct {
	ID, Title, Description, Section string
}

// Location is a location message.
type Location struct {
	Latitude, Longitude float64
	Name, Address       string
}

// Image is an image message: a media ID or a Link, and a caption. Data is
// the uploaded bytes when ID was uploaded to this server; it must not be
// modified.
type Image struct {
	ID, Link, Caption string
	Data              []byte
}

// Template is a template message: its name, language code and body
// parameters.
type Template struct {
	Name, Lang string
	Params     []string
}

// notifyLocked wakes everyone waiting for a change.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Server) recordCall(r *http.Request, body []byte) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, Call{Method: r.Method, Path: r.URL.Path, Body: body, At: s.now()})
	s.notifyLocked()
	return len(s.calls) - 1
}

func (s *Server) finishCall(idx, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[idx].Status = status
	s.notifyLocked()
}

// Calls returns every request so far, in arrival order, failed ones
// included.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

// AllSent returns every message accepted so far, oldest first.
func (s *Server) AllSent() []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Sent(nil), s.sent...)
}

// Sent returns the messages accepted for one number, oldest first.
func (s *Server) Sent(to string) []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sentToLocked(to)
}

func (s *Server) sentToLocked(to string) []Sent {
	var out []Sent
	for _, m := range s.sent {
		if m.To == to {
			out = append(out, m)
		}
	}
	return out
}

// WaitSent blocks until at least n messages were accepted for the number
// and returns them all. It returns what there is with an error wrapping
// ctx.Err() or ErrClosed if that does not happen.
func (s *Server) WaitSent(ctx context.Context, to string, n int) ([]Sent, error) {
	s.mu.Lock()
	for {
		got := s.sentToLocked(to)
		if len(got) >= n {
			s.mu.Unlock()
			return got, nil
		}
		if s.closed {
			s.mu.Unlock()
			return got, fmt.Errorf("whatsapptest: wait for %d messages to %s, got %d: %w", n, to, len(got), ErrClosed)
		}
		changed := s.changed
		s.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			return got, fmt.Errorf("whatsapptest: wait for %d messages to %s, got %d: %w", n, to, len(got), ctx.Err())
		}
		s.mu.Lock()
	}
}
