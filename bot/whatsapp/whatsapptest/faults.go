package whatsapptest

import (
	"fmt"
	"net/http"
	"time"
)

// Fault is a failure the server injects instead of answering a call
// normally.
type Fault struct {
	// Status is the HTTP status; zero means 400 when Code is set.
	Status int
	// Code is the Graph error code, such as CodeThroughput. Zero with a
	// Status answers a non-JSON page, as a proxy does; zero with neither
	// (and Drop unset) means no error: only Delay applies.
	Code int
	// Message and Details replace Meta's error message and
	// error_data.details for Code.
	Message, Details string
	// Delay holds the answer back first, as an overloaded API would.
	Delay time.Duration
	// Drop closes the connection without any answer.
	Drop bool
	// Executed makes the call take effect before the error or drop is
	// answered, as when Meta sent the message but the answer was lost:
	// the case in which a blind retry sends a duplicate.
	Executed bool
	// To limits the fault to messages to this number; "" matches all.
	To string
	// Upload makes the fault hit media uploads instead of messages.
	Upload bool
}

// Faults as Meta answers them. Copy one and set To, Executed or Delay as
// needed.
var (
	// Throughput is 130429: over the number's messages per second.
	Throughput = Fault{Status: http.StatusTooManyRequests, Code: CodeThroughput}
	// PairRateLimit is 131056: too many messages to one recipient.
	PairRateLimit = Fault{Status: http.StatusBadRequest, Code: CodePairRateLimit}
	// ReEngagement is 131047: the 24-hour window is closed.
	ReEngagement = Fault{Status: http.StatusBadRequest, Code: CodeReEngagement}
	// Undeliverable is 131026: the number cannot receive the message.
	Undeliverable = Fault{Status: http.StatusBadRequest, Code: CodeUndeliverable}
	// ServerError is a 500 with Meta's generic 131000.
	ServerError = Fault{Status: http.StatusInternalServerError, Code: CodeGeneric}
	// BadGateway is a 502 page from a proxy, without a Graph error.
	BadGateway = Fault{Status: http.StatusBadGateway}
	// Dropped closes the connection without an answer.
	Dropped = Fault{Drop: true}
)

// Slow returns a fault that only delays the answer by d.
func Slow(d time.Duration) Fault { return Fault{Delay: d} }

func (f Fault) graphError() *graphError {
	details := f.Details
	if details == "" {
		details = defaultDetails[f.Code]
	}
	e := invalid(f.Code, "%s", details)
	if f.Status != 0 {
		e.status = f.Status
	}
	if f.Message != "" {
		e.Message = f.Message
	} else if titles[f.Code] == "" {
		e.Message = fmt.Sprintf("(#%d) %s", f.Code, http.StatusText(e.status))
	}
	return e
}

type faultSet struct {
	next  []pendingFault
	rates []rateFault
}

type pendingFault struct {
	left  int
	fault Fault
}

type rateFault struct {
	rate  float64
	fault Fault
}

func (f Fault) matches(upload bool, to string) bool {
	return f.Upload == upload && (f.To == "" || f.To == to)
}

// FailNext makes the next n calls that f matches (messages, or uploads
// when f.Upload is set, to f.To if set) answer with f. Faults queued
// earlier are used up first.
func (s *Server) FailNext(n int, f Fault) {
	if n <= 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.next = append(s.faults.next, pendingFault{left: n, fault: f})
}

// SetFaultRate makes each call that f matches fail with f with
// probability rate, drawn from the seeded source (see WithSeed). Rates add
// up; a rate of 0 removes every rate fault. FailNext faults come first.
func (s *Server) SetFaultRate(rate float64, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if rate <= 0 {
		s.faults.rates = nil
		return
	}
	s.faults.rates = append(s.faults.rates, rateFault{rate: rate, fault: f})
}

// takeFault returns the fault to inject into a call, if any.
func (s *Server) takeFault(upload bool, to string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.faults.next {
		pf := &s.faults.next[i]
		if !pf.fault.matches(upload, to) {
			continue
		}
		f := pf.fault
		pf.left--
		if pf.left == 0 {
			s.faults.next = append(s.faults.next[:i:i], s.faults.next[i+1:]...)
		}
		return f, true
	}
	for _, rf := range s.faults.rates {
		if rf.fault.matches(upload, to) && s.rng.Float64() < rf.rate {
			return rf.fault, true
		}
	}
	return Fault{}, false
}

// OutsideWindow makes free-form messages to the number fail with 131047,
// as when the resident last wrote more than 24 hours ago; templates still
// go through.
func (s *Server) OutsideWindow(to string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.outside[to] = true
}

// InsideWindow undoes OutsideWindow, as when the resident writes again.
func (s *Server) InsideWindow(to string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.outside, to)
}

// AddTemplate registers an approved template with the number of its body
// parameters. Once any is registered, other templates fail with 132001 and
// a wrong parameter count with 132000; before that every template passes.
func (s *Server) AddTemplate(name, lang string, params int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.templates[name+"/"+lang] = params
}

// checkTemplateLocked applies the registered templates to t.
func (s *Server) checkTemplateLocked(t *Template) *graphError {
	if len(s.templates) == 0 {
		return nil
	}
	want, ok := s.templates[t.Name+"/"+t.Lang]
	if !ok {
		return invalid(CodeTemplateNotExists, "template name (%s) does not exist in %s", t.Name, t.Lang)
	}
	if len(t.Params) != want {
		return invalid(CodeTemplateParams, "body: number of localizable_params (%d) does not match the expected number of params (%d)",
			len(t.Params), want)
	}
	return nil
}
