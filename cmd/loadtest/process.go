package main

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
)

// pollSecret keys the simulated residents' poll pseudonyms.
const pollSecret = "loadtest-poll-secret-not-for-production"

// botProcess is the beatbot binary running against the emulator; it can
// be killed and started again on the same data file.
type botProcess struct {
	bin, config, data string
	// ops is where the bot serves /metrics.
	ops string
	env []string
	// logs sends the bot's log lines to stderr; by default they are
	// dropped, warnings and errors aside.
	logs bool
	srv  *emulator.Server

	mu  sync.Mutex
	cmd *exec.Cmd
	// peakRSS is the highest peak memory of any of its runs, in MB.
	peakRSS float64
}

// start runs the bot and waits until it polls for updates.
func (p *botProcess) start(ctx context.Context) error {
	polls := countMethod(p.srv.Calls(), "getUpdates")
	cmd := exec.Command(p.bin, "run", "-config", p.config)
	cmd.Env = append(append(os.Environ(),
		"TELEGRAM_BOT_TOKEN="+token, "TELEGRAM_API_URL="+p.srv.URL(),
		"BEATBOT_DATA="+p.data, "BEATBOT_LOG_LEVEL=warn", "BEATBOT_HTTP_ADDR=127.0.0.1:0", "BEATBOT_OPS_ADDR="+p.ops,
		"BEATBOT_ADMIN_ADDR=127.0.0.1:0", "BEATBOT_POLL_SECRET="+pollSecret), p.env...)
	cmd.Stderr, cmd.Stdout = os.Stderr, nil
	if p.logs {
		cmd.Stdout = os.Stderr
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start beatbot: %w", err)
	}
	p.mu.Lock()
	p.cmd = cmd
	p.mu.Unlock()
	wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	err := p.srv.Wait(wctx, func(calls []emulator.Call) bool { return countMethod(calls, "getUpdates") > polls })
	if err != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return fmt.Errorf("beatbot did not start polling: %w", err)
	}
	return nil
}

// countMethod counts the calls of method.
func countMethod(calls []emulator.Call, method string) int {
	n := 0
	for _, c := range calls {
		if c.Method == method {
			n++
		}
	}
	return n
}

// kill ends the bot with SIGKILL, as a power cut or the OOM killer would.
func (p *botProcess) kill() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.notePeak()
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	_ = p.cmd.Wait()
}

// stop ends the bot gracefully and reports how it exited.
func (p *botProcess) stop() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cmd.ProcessState != nil {
		return nil
	}
	p.notePeak()
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	return p.cmd.Wait()
}

// rss returns the highest peak memory seen so far, in MB.
func (p *botProcess) rss() float64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.notePeak()
	return p.peakRSS
}

func (p *botProcess) notePeak() {
	if p.cmd != nil && p.cmd.ProcessState == nil {
		p.peakRSS = max(p.peakRSS, peakRSS(p.cmd.Process.Pid))
	}
}

// storageFigures scrapes the running bot's commit count from /metrics and
// reads the bytes it has written to disk (Linux), for a run without kills.
func (p *botProcess) storageFigures() (commits float64, written float64) {
	resp, err := http.Get("http://" + p.ops + "/metrics")
	if err == nil {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "beatbot_storage_commits_total "); ok {
				commits, _ = strconv.ParseFloat(v, 64)
			}
		}
	}
	p.mu.Lock()
	pid := p.cmd.Process.Pid
	p.mu.Unlock()
	if data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/io"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "write_bytes: "); ok {
				written, _ = strconv.ParseFloat(v, 64)
			}
		}
	}
	return commits, written
}

// cpuSeconds returns the processor time the running bot has used so far,
// user and system, in seconds (Linux), or 0 if it cannot be read.
func (p *botProcess) cpuSeconds() float64 {
	p.mu.Lock()
	pid := p.cmd.Process.Pid
	p.mu.Unlock()
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	// The command name, in parentheses, may hold spaces: count fields
	// after it. utime and stime are the 14th and 15th fields, in clock
	// ticks of 1/100 s on Linux.
	_, rest, ok := strings.Cut(string(data), ") ")
	fields := strings.Fields(rest)
	if !ok || len(fields) < 13 {
		return 0
	}
	utime, _ := strconv.ParseFloat(fields[11], 64)
	stime, _ := strconv.ParseFloat(fields[12], 64)
	return (utime + stime) / 100
}

// freePort returns a loopback address nobody listens on now.
func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// peakRSS reads a process's peak resident memory, in MB (Linux).
func peakRSS(pid int) float64 { return procStatus(pid, "VmHWM") }

// procStatus reads a memory figure of a process's status, in MB (Linux):
// VmHWM (peak resident), RssAnon (its own memory, now) or RssFile (pages
// of mapped files now in memory: bbolt reads its file through a map).
func procStatus(pid int, field string) float64 {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			if err == nil {
				return kb / 1024
			}
		}
	}
	return 0
}

// memory returns the running bot's own memory and its mapped file's pages
// in memory, in MB.
func (p *botProcess) memory() (anon, file float64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cmd == nil || p.cmd.ProcessState != nil {
		return 0, 0
	}
	return procStatus(p.cmd.Process.Pid, "RssAnon"), procStatus(p.cmd.Process.Pid, "RssFile")
}

// killer kills the bot at random moments and starts it again, until it
// has killed it as often as asked. A nil killer never kills.
type killer struct {
	p     *botProcess
	kills int
	// every is the mean time between kills.
	every time.Duration
	done  atomic.Int64
	rng   *rand.Rand
}

// count returns how many kills have happened.
func (k *killer) count() int64 {
	if k == nil {
		return 0
	}
	return k.done.Load()
}

// run kills until it has killed k.kills times, stop is closed or ctx
// ends. A kill is always followed by a restart.
func (k *killer) run(ctx context.Context, stop <-chan struct{}) error {
	for k.done.Load() < int64(k.kills) {
		// Uniform over [every/4, every*7/4): random moments, never two at once.
		wait := k.every/4 + time.Duration(k.rng.Int64N(int64(k.every*3/2)+1))
		select {
		case <-ctx.Done():
			return nil
		case <-stop:
			return nil
		case <-time.After(wait):
		}
		k.p.kill()
		k.done.Add(1)
		if err := k.p.start(ctx); err != nil {
			return fmt.Errorf("restart after kill %d: %w", k.done.Load(), err)
		}
	}
	return nil
}
