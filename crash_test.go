package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/storage"
)

// TestCrashDuringBroadcast kills the real bot process with SIGKILL while it
// delivers a notice to 10,000 residents, restarts it on the same data file,
// and checks that every resident ends with exactly one copy, apart from
// the requests in flight at each kill.
func TestCrashDuringBroadcast(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the bot binary")
	}
	const (
		recipients = 10_000
		kills      = 3
		firstChat  = 300_000
		// inFlight is the most requests a lane has open at once at
		// 1,000 messages a second (see notifier.newLane).
		inFlight = 250
	)
	bin := buildBot(t)
	config := crashConfig(t)
	data := filepath.Join(t.TempDir(), "beatbot.db")
	enqueueNotice(t, data, "notice:crash", firstChat, recipients)

	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 1))
	t.Logf("seed %d", seed)

	for kill := range kills {
		p := startProcess(t, bin, config, data, srv)
		// Kill at a random point of what is left to send.
		sent := countSends(srv)
		target := sent + 200 + rng.IntN((recipients-sent)/(kills-kill+1))
		waitSends(t, srv, target, p)
		if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		p.cmd.Wait()
		t.Logf("kill %d after %d sends", kill+1, countSends(srv))
	}

	p := startProcess(t, bin, config, data, srv)
	waitDistinct(t, srv, firstChat, recipients, p)
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Wait(); err != nil {
		t.Errorf("bot exited with %v after SIGTERM; log:\n%s", err, p.out.String())
	}

	dups := 0
	for i := range recipients {
		switch n := len(srv.Sent(int64(firstChat + i))); {
		case n == 0:
			t.Errorf("chat %d received nothing", firstChat+i)
		case n > 1:
			dups += n - 1
		}
	}
	t.Logf("%d recipients, %d kills, %d duplicates (bound %d)", recipients, kills, dups, kills*inFlight)
	if dups > kills*inFlight {
		t.Errorf("%d duplicates, more than the %d requests that can be in flight at %d kills", dups, kills*inFlight, kills)
	}

	db, err := storage.Open(data, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rep, err := db.DeliveryReport(context.Background(), "notice:crash")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Sent != recipients || !rep.Done() {
		t.Errorf("delivery report %+v, want all %d sent", rep, recipients)
	}
}

// process is the bot running as a child process.
type process struct {
	cmd *exec.Cmd
	out *syncBuffer
}

func startProcess(t *testing.T, bin, config, data string, srv *emulator.Server) *process {
	t.Helper()
	cmd := exec.Command(bin, "run", "-config", config)
	cmd.Env = append(os.Environ(),
		"TELEGRAM_BOT_TOKEN="+testToken,
		"TELEGRAM_API_URL="+srv.URL(),
		"BEATBOT_DATA="+data,
		"BEATBOT_OPS_ADDR=off",
		"BEATBOT_LOG_LEVEL=warn",
		"BEATBOT_ADMIN_ADDR=127.0.0.1:0",
	)
	p := &process{cmd: cmd, out: &syncBuffer{}}
	cmd.Stdout, cmd.Stderr = p.out, p.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	return p
}

// buildBot compiles the bot once for the test.
func buildBot(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "beatbot")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out.String())
	}
	return bin
}

// crashConfig copies the example city with delivery at Telegram's paid
// broadcast rate and no quiet hours, so a test runs the same at any hour.
func crashConfig(t testing.TB) string {
	t.Helper()
	return exampleConfig(t, map[string]string{
		`quiet_hours: {from: "22:00", to: "08:00"}`: "quiet_hours: off",
		"rate: 30 ":              "rate: 1000 ",
		"paid_broadcast: false ": "paid_broadcast: true ",
	})
}

// exampleConfig copies the example city into a temporary directory with
// some of its text replaced, and returns the copy's path.
func exampleConfig(t testing.TB, replace map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	err := filepath.WalkDir("configs/example", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel("configs/example", path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if rel == "city.yaml" {
			s := string(data)
			for old, new := range replace {
				if !strings.Contains(s, old) {
					return fmt.Errorf("example city.yaml no longer contains %q", old)
				}
				s = strings.Replace(s, old, new, 1)
			}
			data = []byte(s)
		}
		target := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "city.yaml")
}

// enqueueNotice stores a notice to n residents, as a chief's confirmed
// notice would.
func enqueueNotice(t *testing.T, data, batch string, first, n int) {
	t.Helper()
	db, err := storage.Open(data, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	items := make([]core.OutboxItem, n)
	for i := range items {
		chat := core.ChatRef{Channel: core.Telegram, ID: strconv.Itoa(first + i)}
		items[i] = core.OutboxItem{Key: batch + ":" + chat.ID, Chat: chat, Batch: batch,
			Priority: core.PriorityBulk, Reply: core.Reply{Text: "Water will be off on Erubaev Street tomorrow 10:00–14:00."}}
	}
	if _, err := db.EnqueueOutbox(context.Background(), items); err != nil {
		t.Fatal(err)
	}
}

func countSends(srv *emulator.Server) int { return countMethodCalls(srv.Calls(), "sendMessage") }

// waitSends waits until the fake Bot API has received n sendMessage calls.
func waitSends(t *testing.T, srv *emulator.Server, n int, p *process) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	count := 0
	err := srv.Wait(ctx, func(calls []emulator.Call) bool {
		count = countMethodCalls(calls, "sendMessage")
		return count >= n
	})
	if err != nil {
		t.Fatalf("only %d of %d sends: %v; log:\n%s", count, n, err, p.out.String())
	}
}

// waitDistinct waits until each of n chats from first has a message.
func waitDistinct(t *testing.T, srv *emulator.Server, first, n int, p *process) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for {
		missing := 0
		for i := range n {
			if len(srv.Sent(int64(first+i))) == 0 {
				missing++
			}
		}
		if missing == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d chats still without the notice; log:\n%s", missing, p.out.String())
		}
		time.Sleep(100 * time.Millisecond) // polling the fake server with a deadline
	}
}
