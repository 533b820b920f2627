package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"time"
)

// result is one bot's figures.
type result struct {
	Updates          int     `json:"updates"`
	Seconds          float64 `json:"seconds"`
	UpdatesPerSecond float64 `json:"updates_per_second"`
	// Latencies run from the bot's taking an update (from getUpdates) to
	// the last reply it caused.
	P50Ms float64 `json:"p50_ms"`
	P99Ms float64 `json:"p99_ms"`
	MaxMs float64 `json:"max_ms"`
	// SendP50Ms and SendP99Ms run from the resident's sending instead, so
	// they include the time the update waited at the messenger for the
	// bot to ask for it.
	SendP50Ms float64 `json:"send_p50_ms,omitempty"`
	SendP99Ms float64 `json:"send_p99_ms,omitempty"`
	// PeakRSSMB is the bot process's peak resident memory, if measured.
	PeakRSSMB float64 `json:"peak_rss_mb,omitempty"`
	// AnonRSSMB is the bot's own memory at the end, and FileRSSMB the
	// pages of its data file then in memory (bbolt maps the file; the
	// kernel can drop those pages whenever it needs the memory).
	AnonRSSMB float64 `json:"anon_rss_mb,omitempty"`
	FileRSSMB float64 `json:"file_rss_mb,omitempty"`
	Errors    int     `json:"errors"`
	// ExtraReplies counts replies beyond those the conversation causes:
	// an update answered twice. It must be zero. Crash runs leave it out:
	// there the checks after the run count what matters.
	ExtraReplies int `json:"extra_replies"`
	// Interrupted counts conversations a kill cut short: a reply lost
	// with the process, after which the resident gave up.
	Interrupted int `json:"interrupted,omitempty"`
	// TicketsHandled counts tickets the inspectors accepted, answered and
	// resolved, in StaffUpdates updates.
	TicketsHandled int `json:"tickets_handled,omitempty"`
	// PollsTaken counts residents who answered the poll to its end.
	PollsTaken   int `json:"polls_taken,omitempty"`
	StaffUpdates int `json:"staff_updates,omitempty"`
	// NoticeRate is the notice's delivery in messages a second, from the
	// first message to the last, against the configured NoticeLimit.
	NoticeRate  float64 `json:"notice_rate,omitempty"`
	NoticeLimit float64 `json:"notice_limit,omitempty"`
	// Steps gives the latency of each kind of step, slowest p99 first.
	Steps []stepLatency `json:"steps,omitempty"`
	// Commits counts bbolt's committed write transactions (each one
	// fsync), and WrittenMB the bytes the bot wrote to disk, over the
	// whole run; per update counts residents' and inspectors' updates.
	Commits            int     `json:"commits,omitempty"`
	CommitsPerUpdate   float64 `json:"commits_per_update,omitempty"`
	WrittenMB          float64 `json:"written_mb,omitempty"`
	WrittenKBPerUpdate float64 `json:"written_kb_per_update,omitempty"`
	// CPUSeconds is the processor time the bot used while the residents
	// talked (a run without kills), and CPUMsPerUpdate that time per
	// resident's update, the inspectors' and the outbox's work included.
	// CapacityPerSecond is the rate of residents' updates the bot would
	// handle with the machine's Cores to itself: unlike the measured
	// rate, it leaves out the harness and its emulator, which share the
	// cores during the run.
	CPUSeconds        float64 `json:"cpu_seconds,omitempty"`
	CPUMsPerUpdate    float64 `json:"cpu_ms_per_update,omitempty"`
	Cores             int     `json:"cores,omitempty"`
	CapacityPerSecond float64 `json:"capacity_per_second,omitempty"`
}

// report is the whole run.
type report struct {
	Residents   int     `json:"residents"`
	Concurrency int     `json:"concurrency"`
	Bot         result  `json:"beatbot"`
	Echo        *result `json:"echo,omitempty"`
	RatioToEcho float64 `json:"ratio_to_echo,omitempty"`
	// Crash holds the checks of a crash run.
	Crash *crashReport `json:"crash,omitempty"`
}

// stepLatency is the latency of one kind of step of the conversation.
type stepLatency struct {
	Step    string  `json:"step"`
	Updates int     `json:"updates"`
	P50Ms   float64 `json:"p50_ms"`
	P99Ms   float64 `json:"p99_ms"`
	MaxMs   float64 `json:"max_ms"`
}

// steps summarizes the latencies of each kind of step, slowest p99 first.
func steps(byStep map[string]durations) []stepLatency {
	var out []stepLatency
	for name, lat := range byStep {
		r := summarize(lat, 0, 0)
		out = append(out, stepLatency{Step: name, Updates: r.Updates, P50Ms: r.P50Ms, P99Ms: r.P99Ms, MaxMs: r.MaxMs})
	}
	slices.SortFunc(out, func(a, b stepLatency) int { return cmp.Compare(b.P99Ms, a.P99Ms) })
	return out
}

func summarize(lat durations, elapsed time.Duration, errors int) result {
	slices.Sort(lat)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	r := result{Updates: len(lat), Seconds: elapsed.Seconds(), Errors: errors}
	if elapsed > 0 {
		r.UpdatesPerSecond = float64(len(lat)) / elapsed.Seconds()
	}
	if len(lat) > 0 {
		r.P50Ms = ms(lat[len(lat)/2])
		r.P99Ms = ms(lat[min(len(lat)-1, len(lat)*99/100)])
		r.MaxMs = ms(lat[len(lat)-1])
	}
	return r
}

func (r report) print(w io.Writer) {
	fmt.Fprintf(w, "\n%-10s %9s %8s %10s %9s %9s %9s %9s %7s %6s\n", "bot", "updates", "seconds", "updates/s", "p50 ms", "p99 ms", "max ms", "RSS MB", "errors", "extra")
	row := func(name string, x result) {
		fmt.Fprintf(w, "%-10s %9d %8.1f %10.0f %9.1f %9.1f %9.1f %9.1f %7d %6d\n", name, x.Updates, x.Seconds, x.UpdatesPerSecond, x.P50Ms, x.P99Ms, x.MaxMs, x.PeakRSSMB, x.Errors, x.ExtraReplies)
	}
	row("beatbot", r.Bot)
	if r.Echo != nil {
		row("echo", *r.Echo)
		fmt.Fprintf(w, "\nbeatbot handles %.2f× the echo bot's rate\n", r.RatioToEcho)
	}
	if b := r.Bot; len(b.Steps) > 0 {
		fmt.Fprintf(w, "\n%-20s %8s %9s %9s %9s\n", "slowest steps", "updates", "p50 ms", "p99 ms", "max ms")
		for _, st := range b.Steps[:min(6, len(b.Steps))] {
			fmt.Fprintf(w, "%-20s %8d %9.1f %9.1f %9.1f\n", st.Step, st.Updates, st.P50Ms, st.P99Ms, st.MaxMs)
		}
		fmt.Fprintln(w)
	}
	if b := r.Bot; b.SendP50Ms > 0 {
		fmt.Fprintf(w, "from the residents' sending: p50 %.1f ms, p99 %.1f ms (waiting at the messenger included)\n", b.SendP50Ms, b.SendP99Ms)
	}
	if b := r.Bot; b.StaffUpdates > 0 {
		fmt.Fprintf(w, "inspectors handled %d tickets in %d updates\n", b.TicketsHandled, b.StaffUpdates)
	}
	if b := r.Bot; b.PollsTaken > 0 {
		fmt.Fprintf(w, "%d residents answered the safety poll to its end\n", b.PollsTaken)
	}
	if b := r.Bot; b.AnonRSSMB > 0 {
		fmt.Fprintf(w, "memory at the end: %.1f MB the bot's own, %.1f MB of mapped files\n", b.AnonRSSMB, b.FileRSSMB)
	}
	if b := r.Bot; b.Commits > 0 {
		fmt.Fprintf(w, "storage: %d commits (%.2f per update), %.0f MB written (%.1f kB per update)\n", b.Commits, b.CommitsPerUpdate, b.WrittenMB, b.WrittenKBPerUpdate)
	}
	if b := r.Bot; b.CPUSeconds > 0 {
		fmt.Fprintf(w, "bot CPU: %.1f s, %.2f ms per resident's update: %.0f updates/s with its %d cores to itself\n", b.CPUSeconds, b.CPUMsPerUpdate, b.CapacityPerSecond, b.Cores)
	}
	if b := r.Bot; b.NoticeLimit > 0 && b.NoticeRate > 0 {
		fmt.Fprintf(w, "notice delivered at %.0f messages/s, %.1f%% of the limit of %.0f\n", b.NoticeRate, 100*b.NoticeRate/b.NoticeLimit, b.NoticeLimit)
	}
	if c := r.Crash; c != nil {
		verdict := "nothing lost, doubled or stuck"
		if c.failed() {
			verdict = "FAILED"
		}
		fmt.Fprintf(w, "\ncrash mode, %d kills: %s\n", c.Kills, verdict)
		fmt.Fprintf(w, "  conversations cut short by a kill  %d\n", r.Bot.Interrupted)
		fmt.Fprintf(w, "  tickets stored / told to residents %d / %d\n", c.Tickets, c.Told)
		fmt.Fprintf(w, "  told but not stored                %d\n", c.Lost)
		fmt.Fprintf(w, "  stored twice                       %d\n", c.Duplicates)
		fmt.Fprintf(w, "  never reached their inspector      %d\n", c.NotReached)
		fmt.Fprintf(w, "  stuck conversations and updates    %d\n", c.Stuck)
		fmt.Fprintf(w, "  notice missing                     %d\n", c.NoticeMissing)
		fmt.Fprintf(w, "  notice sent twice                  %d (in-flight bound %d)\n", c.NoticeDuplicates, c.NoticeBound)
		for _, p := range c.Problems {
			fmt.Fprintln(w, "  -", p)
		}
	}
}
