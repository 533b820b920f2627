package main

import (
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
	// Latencies run from sending an update to the last reply it caused.
	P50Ms float64 `json:"p50_ms"`
	P99Ms float64 `json:"p99_ms"`
	MaxMs float64 `json:"max_ms"`
	// PeakRSSMB is the bot process's peak resident memory, if measured.
	PeakRSSMB float64 `json:"peak_rss_mb,omitempty"`
	Errors    int     `json:"errors"`
	// ExtraReplies counts replies beyond those the conversation causes:
	// an update answered twice. It must be zero.
	ExtraReplies int `json:"extra_replies"`
}

// report is the whole run.
type report struct {
	Residents   int     `json:"residents"`
	Concurrency int     `json:"concurrency"`
	Bot         result  `json:"beatbot"`
	Echo        *result `json:"echo,omitempty"`
	RatioToEcho float64 `json:"ratio_to_echo,omitempty"`
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
}
