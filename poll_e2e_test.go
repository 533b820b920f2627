package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"image/png"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
)

const (
	chiefP1     = 5000000000000001 // s-c1, precinct krg-p1
	chiefP2     = 5000000000000002 // s-c2, precinct krg-p2
	pollSecret  = "e2e-poll-secret-0123456789abcdef"
	examplePoll = "safety-2026-q4"
	// previousPoll is a closed earlier run of the example checklist.
	previousPoll = "safety-2026-q2"
)

// pollConfig is the example city with its safety checklist open from
// yesterday for a month, and no quiet hours, whenever the test runs. With
// closed, the city also has the checklist's previous run, closed since
// yesterday.
func pollConfig(t *testing.T, closed bool) string {
	t.Helper()
	return pollConfigWith(t, closed, nil)
}

// pollConfigWith is pollConfig with more changes to the city file.
func pollConfigWith(t *testing.T, closed bool, extra map[string]string) string {
	t.Helper()
	replace := map[string]string{
		`quiet_hours: {from: "22:00", to: "08:00"}`: "quiet_hours: off",
		// A test presses buttons far faster than a person reads.
		"messages_per_minute: 30": "messages_per_minute: 600",
	}
	maps.Copy(replace, extra)
	if closed {
		replace["  - polls/safety-checklist.yaml"] = "  - polls/safety-checklist.yaml\n  - polls/previous.yaml"
	}
	city := exampleConfig(t, replace)
	dir := filepath.Join(filepath.Dir(city), "polls")
	data, err := os.ReadFile(filepath.Join(dir, "safety-checklist.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	today := time.Now()
	dates := func(s string, opens, closes time.Time) string {
		s = regexp.MustCompile(`(?m)^opens: .*$`).ReplaceAllString(s, "opens: "+opens.Format(time.DateOnly))
		return regexp.MustCompile(`(?m)^closes: .*$`).ReplaceAllString(s, "closes: "+closes.Format(time.DateOnly))
	}
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("safety-checklist.yaml", dates(string(data), today.AddDate(0, 0, -1), today.AddDate(0, 1, 0)))
	if closed {
		prev := strings.Replace(string(data), "id: "+examplePoll, "id: "+previousPoll, 1)
		write("previous.yaml", dates(prev, today.AddDate(0, -3, 0), today.AddDate(0, 0, -1)))
	}
	return city
}

// pressData presses the inline button whose callback data starts with
// prefix.
func (r *resident) pressData(msg emulator.Sent, prefix string, replies int) []emulator.Sent {
	r.t.Helper()
	if msg.ReplyMarkup != nil {
		for _, row := range msg.ReplyMarkup.InlineKeyboard {
			for _, b := range row {
				if strings.HasPrefix(b.CallbackData, prefix) {
					r.srv.PressButton(r.user.ID, r.user, msg.MessageID, b.CallbackData)
					return r.expect(replies)
				}
			}
		}
	}
	r.t.Fatalf("message %q has no button with data %s…", msg.Text, prefix)
	return nil
}

// answerButtons returns the answer buttons of a question: options, scale
// values or ticks, without skip, keep and done.
func answerButtons(msg emulator.Sent) (answers []string, multi bool) {
	if msg.ReplyMarkup == nil {
		return nil, false
	}
	for _, row := range msg.ReplyMarkup.InlineKeyboard {
		for _, b := range row {
			parts := strings.Split(b.CallbackData, ":")
			if parts[0] != "pa" || len(parts) < 4 {
				continue
			}
			switch parts[3][0] {
			case 'o', 'v':
				answers = append(answers, b.CallbackData)
			case 't':
				answers, multi = append(answers, b.CallbackData), true
			}
		}
	}
	return answers, multi
}

// takePoll answers every question the bot asks, starting with q: the
// pick-th answer of each (wrapping), and comment for free text. It
// returns the bot's thanks.
func takePoll(t *testing.T, r *resident, q emulator.Sent, pick int, comment string) emulator.Sent {
	t.Helper()
	for range 40 {
		answers, multi := answerButtons(q)
		var next []emulator.Sent
		switch {
		case multi:
			// A tick comes back as the question with the option ticked.
			ticked := r.pressData(q, answers[pick%len(answers)], 1)[0]
			next = r.pressData(ticked, strings.Join(strings.Split(answers[0], ":")[:3], ":")+":ok:", 1)
		case len(answers) > 0:
			next = r.pressData(q, answers[pick%len(answers)], 1)
		default:
			next = r.say(comment, 1)
		}
		if _, more := answerButtons(next[0]); !more && !strings.Contains(next[0].Text, "?") {
			r.expect(1) // the menu after the thanks
			return next[0]
		}
		q = next[0]
	}
	t.Fatal("the poll did not end after 40 answers")
	return emulator.Sent{}
}

// TestEndToEndSafetyPoll: a chief invites their precinct to the example
// safety checklist; residents subscribed to its districts take it in
// Kazakh and Russian; the chief sees the results with a chart per
// question, another chief sees nothing of that precinct, and the export
// holds one pseudonymous row per resident.
func TestEndToEndSafetyPoll(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	data := filepath.Join(t.TempDir(), "beatbot.db")
	config := pollConfig(t, false)
	bot := startBotWith(t, srv, data, map[string]string{"BEATBOT_POLL_SECRET": pollSecret}, config)

	// Six residents of district 02 subscribe to its alerts.
	var residents []*resident
	for i := range 6 {
		lang := []string{"kk", "ru"}[i%2]
		r := newResident(t, srv, int64(801+i), lang)
		msgs := r.say("/start", 1)
		msgs = r.press(msgs[0], map[string]string{"kk": "Қазақша", "ru": "Русский"}[lang], 2)
		r.press(msgs[1], map[string]string{"kk": "✅ Келісемін", "ru": "✅ Даю согласие"}[lang], 2)
		card := r.shareLocation(49.8250, 73.0880, 2)
		r.pressData(card[len(card)-1], "sub:krg-d02", 1)
		residents = append(residents, r)
	}

	chief := newResident(t, srv, chiefP1, "ru")
	onboardRu(t, chief)
	list := chief.say("/polls", 1)
	mustSay(t, list, "Опросы о безопасности", examplePoll)
	msgs := chief.pressData(list[0], "pi:"+examplePoll, 1)
	msgs = chief.pressData(msgs[0], "nt:", 1) // the whole precinct
	msgs = chief.press(msgs[0], "▶️ Сейчас", 1)
	mustSay(t, msgs, "Приглашение на опрос «Чек-лист безопасности района»", "6")
	mustSay(t, chief.press(msgs[0], "✅ Отправить", 2), "принято")

	for i, r := range residents {
		invite := r.expect(1)[0]
		want := map[int]string{0: "Сауалнамадан өту", 1: "Пройти опрос"}[i%2]
		if _, ok := invite.ReplyMarkup.InlineButton("📋 " + want); !ok {
			t.Fatalf("invitation %q has no button %q", invite.Text, want)
		}
		q := r.pressData(invite, "pl:"+examplePoll, 2)[1]
		thanks := takePoll(t, r, q, i, fmt.Sprintf("Нужно больше освещения, ответ %d", i))
		mustSay(t, []emulator.Sent{thanks}, map[int]string{0: "Рахмет!", 1: "Спасибо!"}[i%2])
	}
	// The chief is told how the invitation went.
	mustSay(t, chief.expect(1), "доставлено")

	results := chief.say("/pollresults "+examplePoll, 14)
	mustSay(t, results, "Итоги опроса «Чек-лист безопасности района»", "Ответили: 6 (до конца: 6)", "Приглашений отправлено: 6 · ответивших на 100 приглашённых: 100", "Участок №2", "Театральная — 6")
	charts := 0
	for _, m := range results {
		if m.Method != "sendPhoto" {
			continue
		}
		charts++
		if m.Upload == nil {
			t.Fatalf("chart %q was not uploaded", m.Text)
		}
		img, err := png.Decode(bytes.NewReader(m.Upload.Data))
		if err != nil {
			t.Fatalf("chart %q: %v", m.Text, err)
		}
		if b := img.Bounds(); b.Dx() < 600 || b.Dy() < 300 {
			t.Errorf("chart %q is %v, too small to read", m.Text, b)
		}
	}
	// Only three of the six were asked whether they contacted their
	// inspector: too few to show.
	if charts != 10 {
		t.Errorf("%d charts, want one per question with choices and 5 or more answers (10)", charts)
	}
	mustSay(t, results, "10. Обращались ли вы к нему за последний год?\n\nответов меньше 5")
	mustSay(t, results, "Нужно больше освещения")

	// The other precinct's chief sees only their own precinct: too few
	// answers to show, whatever the button says.
	other := newResident(t, srv, chiefP2, "ru")
	onboardRu(t, other)
	mustSay(t, other.say("/pollresults "+examplePoll, 1), "ответили 0 чел.")
	srv.PressButton(other.user.ID, other.user, 1, "pr:"+examplePoll+":krg-p1")
	mustSay(t, other.expect(1), "ответили 0 чел.")

	bot.stop(t)
	var out bytes.Buffer
	env := func(k string) string { return map[string]string{"BEATBOT_DATA": data}[k] }
	if err := run(context.Background(), []string{"beatbot", "polls", "export", "-config", config, examplePoll}, env, &out); err != nil {
		t.Fatalf("export: %v\n%s", err, out.String())
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 7 || rows[0][0] != "key" || rows[0][1] != "district" {
		t.Fatalf("export has %d rows, header %q; want a header and 6 answer sets", len(rows), rows[0])
	}
	out.Reset()
	if err := run(context.Background(), []string{"beatbot", "polls", "export", "-config", config, "-texts", examplePoll}, env, &out); err != nil {
		t.Fatalf("export texts: %v", err)
	}
	texts, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) != 7 || texts[0][0] != "question" || texts[1][0] != "comment" || texts[1][1] != "krg-d02" || !strings.HasPrefix(texts[1][2], "Нужно больше освещения") {
		t.Errorf("texts export %q: want six comments of district 02", texts)
	}
	for _, row := range rows[1:] {
		if row[1] != "krg-d02" || len(row[0]) != 32 || row[len(row)-1] != "written" {
			t.Errorf("row %q: want a pseudonymous key, district krg-d02 and the comment marked written", row)
		}
		if strings.Contains(strings.Join(row, ","), "освещения") {
			t.Errorf("row %q carries a free text; texts are exported apart", row)
		}
	}
}

// TestEndToEndPollStopChangeAndClosed: a resident stops halfway and comes
// back to the question they stopped at, finishes, then changes an answer;
// a closed poll takes no answers. The export shows one set with the
// changed answer.
func TestEndToEndPollStopChangeAndClosed(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	data := filepath.Join(t.TempDir(), "beatbot.db")
	config := pollConfig(t, true)
	bot := startBotWith(t, srv, data, map[string]string{"BEATBOT_POLL_SECRET": pollSecret}, config)

	r := newResident(t, srv, 901, "ru")
	onboardRu(t, r)
	r.shareLocation(49.8250, 73.0880, 2)
	// The closed run is not offered: the open one starts at once.
	msgs := r.say("/polls", 2)
	mustSay(t, msgs, "Чек-лист безопасности района", "вопрос 1 из 12")
	msgs = r.pressData(msgs[1], "pa:", 1) // the lowest score
	msgs = r.pressData(msgs[0], "pa:", 1)
	mustSay(t, msgs, "вопрос 3 из 12")
	mustSay(t, r.press(msgs[0], "⏸ Продолжить позже", 1), "Чем могу помочь?")

	msgs = r.say("/polls", 2)
	mustSay(t, msgs, "С возвращением", "с вопроса 3", "вопрос 3 из 12")
	mustSay(t, []emulator.Sent{takePoll(t, r, msgs[1], 0, "Спасибо участковому")}, "Спасибо! Ваши ответы")

	msgs = r.say("/polls", 1)
	mustSay(t, msgs, "Вы уже ответили")
	msgs = r.press(msgs[0], "✏️ Изменить ответы", 2)
	mustSay(t, msgs, "Проверим ваши ответы")
	if _, ok := msgs[1].ReplyMarkup.InlineButton("✓ 1"); !ok {
		t.Errorf("the earlier answer is not marked: %v", msgs[1].ReplyMarkup.InlineKeyboard)
	}
	msgs = r.press(msgs[1], "4", 1) // a better score this time
	for !strings.Contains(msgs[0].Text, "Спасибо!") {
		if b, ok := msgs[0].ReplyMarkup.InlineButton("Оставить прежний ответ"); ok {
			srv.PressButton(r.user.ID, r.user, msgs[0].MessageID, b.CallbackData)
			msgs = r.expect(1)
			continue
		}
		t.Fatalf("question %q offers no way to keep the answer", msgs[0].Text)
	}
	r.expect(1) // the menu

	srv.PressButton(r.user.ID, r.user, msgs[0].MessageID, "pl:"+previousPoll)
	mustSay(t, r.expect(1), "закрыт", "Спасибо за интерес")

	bot.stop(t)
	var out bytes.Buffer
	env := func(k string) string { return map[string]string{"BEATBOT_DATA": data}[k] }
	if err := run(context.Background(), []string{"beatbot", "polls", "export", "-config", config, examplePoll}, env, &out); err != nil {
		t.Fatalf("export: %v", err)
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[1][2] != "true" || rows[0][5] != "night_walk" || rows[1][5] != "4" {
		t.Errorf("export %q: want one finished set with night_walk changed to 4", rows)
	}
}
