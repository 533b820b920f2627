package emulator

import (
	"net/http"
	"strings"
	"time"
)

// Fault is a failure the server injects instead of answering a call
// normally.
type Fault struct {
	// Code is the error_code and HTTP status to answer, such as 429, 500 or
	// 502. Zero with Drop unset means no error: only Delay applies.
	Code int
	// Description replaces the real API's description for Code.
	Description string
	// RetryAfter is sent as parameters.retry_after; for a 429 without one
	// the server sends 1, since Telegram always does.
	RetryAfter int
	// Delay holds the answer back first, as a slow network or an
	// overloaded Bot API would.
	Delay time.Duration
	// Drop closes the connection without any answer.
	Drop bool
	// Executed makes the call take effect before the error or drop is
	// answered, as when Telegram sent the message but the reply was lost:
	// the case that makes a blind retry send a duplicate.
	Executed bool
}

func (f Fault) apiError() *apiError {
	e := &apiError{Code: f.Code, Description: f.Description, RetryAfter: f.RetryAfter}
	if e.Code == http.StatusTooManyRequests && e.RetryAfter <= 0 {
		e.RetryAfter = 1
	}
	if e.Description == "" {
		e.Description = defaultDescription(e.Code, e.RetryAfter)
	}
	return e
}

// faultSet holds the faults still to inject.
type faultSet struct {
	next  []pendingFault
	rates map[string]rateFault
}

type pendingFault struct {
	method string // lower case; "" matches every method
	left   int
	fault  Fault
}

type rateFault struct {
	rate   float64
	faults []Fault
}

// FailNext makes the next n calls of method answer with f instead of
// normally; method "" matches every call, getUpdates included. Method names
// are case-insensitive, as in the real API. Faults queued earlier are used
// up first.
func (s *Server) FailNext(method string, n int, f Fault) {
	if n <= 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.next = append(s.faults.next, pendingFault{method: strings.ToLower(method), left: n, fault: f})
}

// SetFaultRate makes each call of method fail with probability rate (0
// turns it off), drawn from the server's seeded source (see WithSeed), with
// one of faults chosen at random. Method "" matches every call. FailNext
// faults take precedence.
func (s *Server) SetFaultRate(method string, rate float64, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := strings.ToLower(method)
	if rate <= 0 || len(faults) == 0 {
		delete(s.faults.rates, key)
		return
	}
	if s.faults.rates == nil {
		s.faults.rates = map[string]rateFault{}
	}
	s.faults.rates[key] = rateFault{rate: rate, faults: faults}
}

// takeFault returns the fault to inject into a call of method, if any.
func (s *Server) takeFault(method string) (Fault, bool) {
	key := strings.ToLower(method)
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.faults.next {
		pf := &s.faults.next[i]
		if pf.method != "" && pf.method != key {
			continue
		}
		f := pf.fault
		pf.left--
		if pf.left == 0 {
			s.faults.next = append(s.faults.next[:i:i], s.faults.next[i+1:]...)
		}
		return f, true
	}
	for _, k := range []string{key, ""} {
		if rf, ok := s.faults.rates[k]; ok && s.rng.Float64() < rf.rate {
			return rf.faults[s.rng.IntN(len(rf.faults))], true
		}
	}
	return Fault{}, false
}
