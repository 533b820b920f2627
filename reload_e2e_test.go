package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/go-telegram/bot/models"
)

const (
	inspectorD01 = 5000000000000011 // s-i01
	adminKRG     = 5000000000000099 // s-a1
)

// The border between districts 01 and 02 as the example draws it, and
// moved east to 73.09, past the point residents report from below.
const (
	border01   = "[73.0750, 49.8095], [73.0745, 49.8250], [73.0740, 49.8405]"
	moved01    = "[73.0900, 49.8095], [73.0900, 49.8250], [73.0900, 49.8405]"
	border02   = "          - - [73.0750, 49.8095]\n            - [73.0880, 49.8102]\n"
	moved02    = "          - - [73.0900, 49.8095]\n"
	border02b  = "            - [73.0740, 49.8405]\n            - [73.0745, 49.8250]\n            - [73.0750, 49.8095]\n"
	moved02b   = "            - [73.0900, 49.8405]\n            - [73.0900, 49.8250]\n            - [73.0900, 49.8095]\n"
	reportLat  = 49.8250
	reportLon  = 73.0880
	pinDistr02 = "📍 №2 учаске"
	pinDistr01 = "📍 №1 учаске"
)

// editConfig rewrites the city file at path with some of its text
// replaced, as an operator edits it under a running bot.
func editConfig(t *testing.T, path string, replace map[string]string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for old, new := range replace {
		if !strings.Contains(s, old) {
			t.Fatalf("city file no longer contains %q", old)
		}
		s = strings.Replace(s, old, new, 1)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// waitLog waits until the bot's log has n lines containing s.
func waitLog(t *testing.T, p *botProcess, s string, n int) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for strings.Count(p.logs.String(), s) < n {
		if time.Now().After(deadline) {
			t.Fatalf("no %d log lines with %q; logs:\n%s", n, s, p.logs)
		}
		time.Sleep(10 * time.Millisecond) // polling the log with a deadline
	}
}

// hangup sends the process SIGHUP, as an operator does after editing the
// configuration, and waits for the reload it causes to finish, well or
// not. The bot runs in this process, which catches SIGHUP while it runs.
func hangup(t *testing.T, p *botProcess) {
	t.Helper()
	waitLog(t, p, `"message":"beatbot started"`, 1)
	const done = `"message":"configuration reloaded"`
	const failed = `"message":"reload"`
	before := strings.Count(p.logs.String(), done) + strings.Count(p.logs.String(), failed)
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for strings.Count(p.logs.String(), done)+strings.Count(p.logs.String(), failed) == before {
		if time.Now().After(deadline) {
			t.Fatalf("SIGHUP: no reload finished; logs:\n%s", p.logs)
		}
		time.Sleep(10 * time.Millisecond) // polling the log with a deadline
	}
}

// TestReloadWithAMovedBoundaryReroutesTheNextReport: the border between
// districts 01 and 02 moves east under a running bot; after SIGHUP the
// next report from the same place is district 01's and reaches its
// inspector. The ticket filed before stays where it was.
func TestReloadWithAMovedBoundaryReroutesTheNextReport(t *testing.T) {
	srv, p, config, insp1, insp2 := startWithTwoInspectors(t)

	first := newResident(t, srv, 711, "kk")
	mustSay(t, reportKkAt(t, first, false, reportLat, reportLon, pinDistr02), "KRG-0001 өтінішіңіз тіркелді")
	mustSay(t, insp2.expect(2), "KRG-0001")

	editConfig(t, config, map[string]string{border01: moved01, border02: moved02, border02b: moved02b})
	hangup(t, p)
	if !strings.Contains(p.logs.String(), `"tickets_rerouted":0`) {
		t.Errorf("a moved boundary rerouted tickets filed before it; logs:\n%s", p.logs)
	}

	second := newResident(t, srv, 712, "kk")
	mustSay(t, reportKkAt(t, second, false, reportLat, reportLon, pinDistr01), "KRG-0002 өтінішіңіз тіркелді")
	mustSay(t, insp1.expect(2), "KRG-0002")
	if got := len(srv.Sent(inspectorD02)); got != insp2.seen {
		t.Errorf("district 02's inspector got %d more messages after the reload: %s", got-insp2.seen, describe(srv.Sent(inspectorD02)[insp2.seen:]))
	}
}

// TestBadReloadIsRefused: a city file broken under a running bot is
// refused on SIGHUP, with an error naming the file and the field; the bot
// keeps running on the city it had, and a fixed file is then taken.
func TestBadReloadIsRefused(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	srv.AddChat(models.Chat{ID: dutyChatP1, Type: models.ChatTypeSupergroup, Title: "Duty desk"})
	config := exampleConfig(t, nil)
	p := startBotWith(t, srv, filepath.Join(t.TempDir(), "beatbot.db"), nil, config)
	insp2 := newResident(t, srv, inspectorD02, "ru")
	onboardRu(t, insp2)

	editConfig(t, config, map[string]string{"inspector: s-i02": "inspector: s-i99", border01: moved01})
	hangup(t, p)
	logs := p.logs.String()
	for _, want := range []string{"configuration refused; the one in force stays", config, "districts[1].inspector", "s-i99"} {
		if !strings.Contains(logs, want) {
			t.Errorf("the refusal's log does not mention %q; logs:\n%s", want, logs)
		}
	}

	// The old city is in force: the border has not moved, s-i02 gets it.
	res := newResident(t, srv, 713, "kk")
	mustSay(t, reportKkAt(t, res, false, reportLat, reportLon, pinDistr02), "KRG-0001 өтінішіңіз тіркелді")
	mustSay(t, insp2.expect(2), "KRG-0001")

	editConfig(t, config, map[string]string{"inspector: s-i99": "inspector: s-i02"})
	hangup(t, p)
	waitLog(t, p, `"message":"configuration reloaded"`, 1)
}

// TestReloadMovesOpenTicketsAndTellsBothInspectors: district 02 gets
// another inspector; on SIGHUP its open ticket goes to the new one, with
// its card, and the one before is told it moved; the new inspector can
// act on it at once.
func TestReloadMovesOpenTicketsAndTellsBothInspectors(t *testing.T) {
	srv, p, config, insp1, insp2 := startWithTwoInspectors(t)
	res := newResident(t, srv, 714, "kk")
	mustSay(t, reportKk(t, res, false), "KRG-0001 өтінішіңіз тіркелді")
	mustSay(t, insp2.expect(2), "KRG-0001")

	// Districts 01 and 02 swap inspectors (each inspector must serve a
	// district).
	editConfig(t, config, map[string]string{"inspector: s-i01": "inspector: swap"})
	editConfig(t, config, map[string]string{"inspector: s-i02": "inspector: s-i01"})
	editConfig(t, config, map[string]string{"inspector: swap": "inspector: s-i02"})
	hangup(t, p)
	waitLog(t, p, `"tickets_rerouted":1`, 1)
	mustSay(t, insp2.expect(1), "↪️ Обращение KRG-0001 передано: Образец: Асет Нурланов")
	card := insp1.expect(2) // the pin and the card
	mustSay(t, card, "KRG-0001", "Квартирная кража")
	mustSay(t, insp1.press(card[1], "✅ Принять", 1), "Вы приняли KRG-0001")
	mustSay(t, res.expect(1), "Полиция KRG-0001 өтінішіңізді жұмысқа алды")
}

// TestAwaySurvivesARestartAndAReload: an admin records a leave in
// Telegram; after a restart on the same data file, and after a reload,
// reports of the district still go to the deputy; /away off ends it.
func TestAwaySurvivesARestartAndAReload(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	srv.AddChat(models.Chat{ID: dutyChatP1, Type: models.ChatTypeSupergroup, Title: "Duty desk"})
	config := exampleConfig(t, nil)
	data := filepath.Join(t.TempDir(), "beatbot.db")
	p := startBotWith(t, srv, data, nil, config)
	admin := newResident(t, srv, adminKRG, "ru")
	onboardRu(t, admin)
	insp1 := newResident(t, srv, inspectorD01, "ru")
	onboardRu(t, insp1)
	until := time.Now().AddDate(0, 0, 10).Format(time.DateOnly)
	mustSay(t, admin.say("/away s-i02 "+until+" s-i01", 1), "отсутствует до", "Новые обращения получает Образец: Асет Нурланов (s-i01)")
	p.stop(t)

	p = startBotWith(t, srv, data, nil, config)
	res := newResident(t, srv, 715, "kk")
	mustSay(t, reportKk(t, res, false), "KRG-0001 өтінішіңіз тіркелді")
	mustSay(t, insp1.expect(2), "KRG-0001")
	mustSay(t, admin.say("/staff", 1), "Образец: Дмитрий Ковалёв (s-i02) — до", "(отмечено в боте)")

	hangup(t, p)
	mustSay(t, admin.say("/staff", 1), "(отмечено в боте)")
	mustSay(t, admin.say("/away s-i02 off", 1), "снова на месте")
	mustSay(t, admin.say("/staff", 1), "Отсутствуют:\n• Образец: Нурлан Жаксыбеков (s-i04)")
	// A resident is refused the admin's commands, and learns nothing.
	mustSay(t, res.say("/staff", 1), "Бұл команда бот әкімшілеріне арналған.")
}

// TestConfigWatchReloadsOnAChange: with BEATBOT_CONFIG_WATCH, an edit of a
// district's GeoJSON file is seen and reloaded without a signal.
func TestConfigWatchReloadsOnAChange(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	config := exampleConfig(t, nil)
	p := startBotWith(t, srv, filepath.Join(t.TempDir(), "beatbot.db"), map[string]string{"BEATBOT_CONFIG_WATCH": "1s"}, config)
	waitLog(t, p, `"message":"beatbot started"`, 1)
	geo := filepath.Join(filepath.Dir(config), "districts", "krg-d05.geojson")
	data, err := os.ReadFile(geo)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(geo, append(data, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	waitLog(t, p, `"message":"configuration files changed: reloading"`, 1)
	waitLog(t, p, `"message":"configuration reloaded"`, 1)
}

func TestConfigWatchSetting(t *testing.T) {
	for _, bad := range []string{"soon", "10ms", "-1s"} {
		if _, err := loadEnv(func(k string) string {
			if k == "BEATBOT_CONFIG_WATCH" {
				return bad
			}
			return ""
		}); err == nil || !strings.Contains(err.Error(), "BEATBOT_CONFIG_WATCH") {
			t.Errorf("BEATBOT_CONFIG_WATCH=%q: got %v, want an error naming it", bad, err)
		}
	}
}

// startWithTwoInspectors runs the bot on a copy of the example city, whose
// file a test may change and reload, with the inspectors of districts 01
// and 02 onboarded.
func startWithTwoInspectors(t *testing.T) (srv *emulator.Server, p *botProcess, config string, insp1, insp2 *resident) {
	t.Helper()
	srv = emulator.New(testToken)
	t.Cleanup(srv.Close)
	srv.AddChat(models.Chat{ID: dutyChatP1, Type: models.ChatTypeSupergroup, Title: "Duty desk"})
	config = exampleConfig(t, nil)
	p = startBotWith(t, srv, filepath.Join(t.TempDir(), "beatbot.db"), nil, config)
	insp1, insp2 = newResident(t, srv, inspectorD01, "ru"), newResident(t, srv, inspectorD02, "ru")
	onboardRu(t, insp1)
	onboardRu(t, insp2)
	return srv, p, config, insp1, insp2
}
