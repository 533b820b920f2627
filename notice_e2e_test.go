package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/go-telegram/bot/models"
)

// TestEndToEndChiefNoticeAndAnswer has a chief send a notice through the
// bot, a subscribed resident receive it through the outbox and answer it,
// and the answer reach the precinct's duty chat.
func TestEndToEndChiefNoticeAndAnswer(t *testing.T) {
	srv := emulator.New(testToken)
	t.Cleanup(srv.Close)
	const dutyChat = -1005000000000001 // krg-p1's sample duty chat
	srv.AddChat(models.Chat{ID: dutyChat, Type: models.ChatTypeSupergroup, Title: "Duty desk"})
	startBotWith(t, srv, filepath.Join(t.TempDir(), "beatbot.db"), nil, crashConfig(t))

	resident := newResident(t, srv, 601, "ru")
	menu := onboardRu(t, resident)
	resident.press(menu, "👮 Мой участковый", 1)
	card := resident.shareLocation(49.8250, 73.0880, 2)
	resident.press(card[1], "🔔 Подписаться на оповещения", 1)

	chief := newResident(t, srv, 5000000000000001, "ru")
	onboardRu(t, chief)
	msgs := chief.say("/notice", 1)
	chief.press(msgs[0], "🏢 Всем: Участковый пункт полиции «Новый город»", 1)
	msgs = chief.say("В четверг в 19:00 — встреча жителей с участковым в школе №5.", 1)
	msgs = chief.press(msgs[0], "Обычное", 1)
	msgs = chief.press(msgs[0], "▶️ Сейчас", 1)
	mustSay(t, msgs, "Получателей сейчас: 1")
	mustSay(t, chief.press(msgs[0], "✅ Отправить", 1), "Оповещение №1 принято")

	notice := resident.expect(1)
	mustSay(t, notice, "📢 Участковый пункт полиции «Новый город»", "встреча жителей", "/stop")
	msgs = resident.press(notice[0], "✉️ Ответить", 1)
	mustSay(t, msgs, "Напишите ответ")
	mustSay(t, resident.say("Приду, спасибо!", 1), "ваш ответ передан")

	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	got, err := srv.WaitSent(ctx, dutyChat, 1)
	if err != nil {
		t.Fatalf("no answer in the duty chat: %v", err)
	}
	if !strings.Contains(got[0].Text, "Приду, спасибо!") || strings.Contains(got[0].Text, "601") {
		t.Errorf("duty chat got %q; want the answer without the resident's id", got[0].Text)
	}
}
