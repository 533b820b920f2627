package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/storage"
)

// hangupChild is set in the environment of the process
// TestHangupDuringStartDoesNotKill starts: it names the data file.
const hangupChild = "BEATBOT_TEST_HANGUP_CHILD"

// TestHangupDuringStartDoesNotKill starts the bot in a process of its own
// while this test holds its data file, so that the start waits for the
// lock, and sends it SIGHUP meanwhile: the bot must give up with its error
// about the lock, not die of the signal.
func TestHangupDuringStartDoesNotKill(t *testing.T) {
	if data := os.Getenv(hangupChild); data != "" {
		env := map[string]string{"TELEGRAM_BOT_TOKEN": "1:test", "BEATBOT_DATA": data, "BEATBOT_ADMIN_ADDR": "off"}
		err := run(context.Background(), []string{"beatbot", "run", "-config", defaultConfig}, envOf(env), os.Stdout)
		if !errors.Is(err, storage.ErrInUse) {
			t.Fatalf("start while the data file is held: got %v, want ErrInUse", err)
		}
		return
	}
	data := filepath.Join(t.TempDir(), "beatbot.db")
	held, err := storage.Open(data, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHangupDuringStartDoesNotKill$", "-test.count=1")
	cmd.Env = append(os.Environ(), hangupChild+"="+data)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// The bot waits a second for the lock; signal it twice within.
	for range 2 {
		time.Sleep(400 * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGHUP); err != nil {
			t.Fatal(err)
		}
	}
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		t.Fatalf("the starting bot died of %v; output:\n%s", ws.Signal(), out.String())
	}
	if err != nil {
		t.Fatalf("the starting bot: %v; output:\n%s", err, out.String())
	}
}
