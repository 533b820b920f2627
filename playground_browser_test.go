package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browserPath finds Debian's Chromium, which .ci/run installs.
func browserPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no Chromium for the browser test: install Debian's chromium package (apt-get install chromium); .ci/run does"
	if os.Getenv("BEATBOT_BROWSER_TEST") != "" {
		t.Fatal(msg) // CI asks for the test: never skip it there
	}
	t.Skip(msg)
	return ""
}

// TestPlaygroundInABrowser drives the playground's page in headless
// Chromium: the resident onboards in Russian, finds their inspector by
// clicking inside district 1 on the map, reports a concern; the ticket
// reaches the inspector's pane, the inspector replies, and the reply
// reaches the resident. A screenshot is saved as a test artifact.
func TestPlaygroundInABrowser(t *testing.T) {
	chrome := browserPath(t)
	p := startPlayground(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.WindowSize(1600, 1000),
		chromedp.NoSandbox, chromedp.Flag("headless", true))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTimeout()
	if err := chromedp.Do(ctx, chromedp.Navigate(p.base), chromedp.WaitVisible("#pane-resident")); err != nil {
		t.Fatalf("Chromium could not open the playground (%s): %v", chrome, err)
	}

	check := func(what string, err error) {
		t.Helper()
		if err != nil {
			body, _ := chromedp.Run(ctx, chromedp.Text("main"))
			t.Fatalf("%s: %v\npage text:\n%s", what, err, body)
		}
	}
	run := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		check(what, chromedp.Do(ctx, actions...))
	}
	// waitFor waits until the pane shows text in a message.
	waitFor := func(pane, text string) {
		t.Helper()
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(
			`[...document.querySelectorAll('#pane-%s .msg-text')].some(e => e.textContent.includes(%q))`, pane, text),
			chromedp.WithPollingTimeout(20*time.Second)))
		check("wait for "+text+" in "+pane, err)
	}
	// press clicks the latest inline button with a label in a pane.
	press := func(pane, label string) {
		t.Helper()
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(
			`(() => { const b = [...document.querySelectorAll('#pane-%s button.inline-btn')].filter(b => b.textContent.trim() === %q).pop(); if (!b) return false; b.click(); return true })()`,
			pane, label), chromedp.WithPollingTimeout(20*time.Second)))
		check("press "+label, err)
	}
	say := func(pane, text string) {
		t.Helper()
		run("say "+text, chromedp.SetValue("#input-"+pane, text), chromedp.Click("#send-"+pane))
	}
	// clickDistrict clicks the middle of a district's polygon on the map.
	clickDistrict := func(id string) {
		t.Helper()
		box, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(
			`(() => { const r = document.querySelector('#map .district[data-id=%q]').getBoundingClientRect(); return [r.x + r.width/2, r.y + r.height/2] })()`, id)))
		check("find district "+id, err)
		run("click district "+id, chromedp.MouseClickXY(box[0], box[1]))
	}

	// On failure, the page as it was is the most useful artifact.
	t.Cleanup(func() {
		if t.Failed() {
			if shot, err := chromedp.Run(context.WithoutCancel(ctx), chromedp.CaptureScreenshot()); err == nil {
				saveArtifact(t, "playground-failed.png", shot)
			}
		}
	})
	run("choose Dmitry", chromedp.SetValue("#person", "dmitry"))
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('#person').dispatchEvent(new Event('change'))`))
	check("choose Dmitry", err)
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('#pane-resident .pane-name').textContent.startsWith('Дмитрий')`,
		chromedp.WithPollingTimeout(20*time.Second)))
	check("the resident pane shows Dmitry", err)
	say("resident", "/start")
	press("resident", "Русский")
	press("resident", "✅ Даю согласие")
	press("resident", "👮 Мой участковый")
	waitFor("resident", "Отправьте геолокацию")
	clickDistrict("krg-d01")
	waitFor("resident", "Ваш участок: Участок №1")

	// The inspector starts the bot, as staff do once.
	say("inspector", "/start")
	press("inspector", "Русский")
	press("inspector", "✅ Даю согласие")

	say("resident", "/report")
	press("resident", "Квартирная кража")
	say("resident", "Дверь соседа открыта, внутри никого.")
	waitFor("resident", "Где это?")
	clickDistrict("krg-d01")
	press("resident", "Без фото")
	press("resident", "🕶 Анонимно")
	press("resident", "✅ Отправить")
	waitFor("resident", "зарегистрировано")

	waitFor("inspector", "KRG-0001")
	press("inspector", "✅ Принять")
	press("inspector", "💬 Ответить")
	say("inspector", "Какой номер квартиры?")
	waitFor("resident", "Какой номер квартиры?")

	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()) // the window, as a person sees it
	check("screenshot", err)
	if !strings.HasPrefix(string(shot), "\x89PNG") {
		t.Errorf("the screenshot is not a PNG")
	}
	saveArtifact(t, "playground.png", shot)
}

// saveArtifact keeps a file of the test run in $BEATBOT_ARTIFACTS (by
// default a directory under the system's temporary one).
func saveArtifact(t *testing.T, name string, data []byte) {
	t.Helper()
	dir := os.Getenv("BEATBOT_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "beatbot-artifacts")
	}
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Errorf("save %s: %v", name, err)
		return
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Errorf("save %s: %v", name, err)
		return
	}
	t.Logf("artifact: %s (%d KB)", path, len(data)/1024)
}
