package notifier

import (
	"context"
	"errors"
	"fmt"
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
	jobs  []*job
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

type job struct {
	name  string
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
	return &Scheduler{clock: clock, loc: loc, log: log}
}

// Add schedules run under name on spec, a standard five-field cron
// expression or a descriptor such as "@hourly". Call it before Run.
func (s *Scheduler) Add(name, spec string, run JobFunc) error {
	sched, err := cron.ParseStandard(spec)
	if err != nil {
		return fmt.Errorf("notifier: schedule %s %q: %w", name, spec, err)
	}
	s.jobs = append(s.jobs, &job{name: name, sched: sched, run: run})
	return nil
}

// Run runs the jobs at their times until ctx is done. Times missed while
// the bot was down are not caught up.
func (s *Scheduler) Run(ctx context.Context) error {
	s.running.Store(true)
	defer s.running.Store(false)
	now := s.clock.Now().In(s.loc)
	for _, j := range s.jobs {
		j.next = j.sched.Next(now)
	}
	for {
		if len(s.jobs) == 0 {
			<-ctx.Done()
			return nil
		}
		first := s.jobs[0].next
		for _, j := range s.jobs[1:] {
			if j.next.Before(first) {
				first = j.next
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-s.clock.After(first.Sub(s.clock.Now())):
		}
		now := s.clock.Now().In(s.loc)
		for _, j := range s.jobs {
			for !j.next.After(now) {
				at := j.next
				j.next = j.sched.Next(at)
				start := time.Now()
				if err := j.run(ctx, at); err != nil {
					s.log.Error().Err(err).Str("job", j.name).Time("at", at).Msg("scheduled job failed")
					continue
				}
				s.log.Info().Str("job", j.name).Time("at", at).Dur("took", time.Since(start)).Msg("scheduled job done")
			}
		}
	}
}
