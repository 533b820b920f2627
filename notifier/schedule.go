package notifier

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/robfig/cron/v3"
	"github.com/rs/zerolog"
)

// Scheduler runs jobs on cron schedules in one time zone. It parses the
// schedules with robfig/cron/v3 but keeps its own loop on an injected
// clock, so tests can move time instead of waiting for it.
type Scheduler struct {
	clock clockwork.Clock
	loc   *time.Location
	log   zerolog.Logger
	// mu guards jobs, which Set may replace while Run runs them.
	mu   sync.Mutex
	jobs []*job
	// changed wakes Run when the jobs change.
	changed chan struct{}
	// running is set while Run runs, for the readiness probe.
	running atomic.Bool
}

// ErrNotRunning is what Ready reports while the scheduler does not run.
var ErrNotRunning = errors.New("scheduler not running")

// Ready reports whether the scheduler runs its jobs, for a readiness
// probe: nil while Run runs, ErrNotRunning before and after.
func (s *Scheduler) Ready(context.Context) error {
	if !s.running.Load() {
		return ErrNotRunning
	}
	return nil
}

// JobFunc is a scheduled job. at is the scheduled time, not the moment it
// runs: jobs derive idempotency keys from it, so a job run twice for the
// same time changes nothing.
type JobFunc func(ctx context.Context, at time.Time) error

// Job is a job to schedule: Spec is a standard five-field cron expression
// or a descriptor such as "@hourly".
type Job struct {
	Name, Spec string
	Run        JobFunc
}

type job struct {
	name  string
	group string
	sched cron.Schedule
	run   JobFunc
	next  time.Time
}

// NewScheduler returns a scheduler for the time zone loc; a nil clock means
// the real one.
func NewScheduler(clock clockwork.Clock, loc *time.Location, log zerolog.Logger) *Scheduler {
	if clock == nil {
		clock = clockwork.NewRealClock()
	}
	return &Scheduler{clock: clock, loc: loc, log: log, changed: make(chan struct{}, 1)}
}

// Add schedules run under name on spec, a standard five-field cron
// expression or a descriptor such as "@hourly".
func (s *Scheduler) Add(name, spec string, run JobFunc) error {
	sched, err := cron.ParseStandard(spec)
	if err != nil {
		return fmt.Errorf("notifier: schedule %s %q: %w", name, spec, err)
	}
	s.mu.Lock()
	s.jobs = append(s.jobs, &job{name: name, sched: sched, run: run})
	s.mu.Unlock()
	s.wake()
	return nil
}

// Set replaces the jobs of group with jobs, as a reloaded configuration
// brings new scheduled alerts. It changes nothing if a spec does not
// parse. A job runs first at its next time from now; a job running while
// it is replaced finishes that run.
func (s *Scheduler) Set(group string, jobs []Job) error {
	parsed := make([]*job, 0, len(jobs))
	for _, j := range jobs {
		sched, err := cron.ParseStandard(j.Spec)
		if err != nil {
			return fmt.Errorf("notifier: schedule %s %q: %w", j.Name, j.Spec, err)
		}
		parsed = append(parsed, &job{name: j.Name, group: group, sched: sched, run: j.Run})
	}
	s.mu.Lock()
	kept := s.jobs[:0:0]
	for _, j := range s.jobs {
		if j.group != group {
			kept = append(kept, j)
		}
	}
	s.jobs = append(kept, parsed...)
	s.mu.Unlock()
	s.wake()
	return nil
}

func (s *Scheduler) wake() {
	select {
	case s.changed <- struct{}{}:
	default:
	}
}

// Run runs the jobs at their times until ctx is done. Times missed while
// the bot was down are not caught up.
func (s *Scheduler) Run(ctx context.Context) error {
	s.running.Store(true)
	defer s.running.Store(false)
	for {
		first, ok := s.plan()
		if !ok {
			select {
			case <-ctx.Done():
				return nil
			case <-s.changed:
				continue
			}
		}
		// A timer, stopped when the jobs change, rather than After, whose
		// abandoned wait a fake clock would still count. The time is
		// looked at again once the timer is set: a fake clock moved on in
		// between would leave the timer waiting past a job already due.
		if wait := first.Sub(s.clock.Now()); wait > 0 {
			timer := s.clock.NewTimer(wait)
			if s.clock.Now().Before(first) {
				select {
				case <-ctx.Done():
					timer.Stop()
					return nil
				case <-s.changed:
					timer.Stop()
					continue
				case <-timer.Chan():
				}
			} else {
				timer.Stop()
			}
		}
		if ctx.Err() != nil {
			return nil
		}
		now := s.clock.Now().In(s.loc)
		for _, d := range s.due(now) {
			start := time.Now()
			if err := d.run(ctx, d.at); err != nil {
				s.log.Error().Err(err).Str("job", d.name).Time("at", d.at).Msg("scheduled job failed")
				continue
			}
			s.log.Info().Str("job", d.name).Time("at", d.at).Dur("took", time.Since(start)).Msg("scheduled job done")
		}
	}
}

// plan gives jobs added since the last look their next time, and returns
// the earliest next time of all; ok is false without jobs.
func (s *Scheduler) plan() (first time.Time, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now().In(s.loc)
	for _, j := range s.jobs {
		if j.next.IsZero() {
			j.next = j.sched.Next(now)
		}
		if !ok || j.next.Before(first) {
			first, ok = j.next, true
		}
	}
	return first, ok
}

// run is one run of a job that is due.
type run struct {
	name string
	at   time.Time
	run  JobFunc
}

// due moves every job due at now to its next time and returns the runs
// owed, to be made without holding the lock.
func (s *Scheduler) due(now time.Time) []run {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []run
	for _, j := range s.jobs {
		for !j.next.IsZero() && !j.next.After(now) {
			out = append(out, run{name: j.name, at: j.next, run: j.run})
			j.next = j.sched.Next(j.next)
		}
	}
	return out
}
