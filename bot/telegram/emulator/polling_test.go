package emulator_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"runtime"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
)

func TestPollingBotReceivesUpdatesInOrder(t *testing.T) {
	srv := newServer(t)
	got := make(chan *models.Update, 10)
	b := newBot(t, srv, bot.WithNotAsyncHandlers(), bot.WithDefaultHandler(func(_ context.Context, _ *bot.Bot, u *models.Update) {
		got <- u
	}))
	startPolling(t, b)
	ctx := testCtx(t)

	menu, err := b.SendMessage(ctx, &bot.SendMessageParams{ChatID: alice.ID, Text: "Menu",
		ReplyMarkup: &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "Report", CallbackData: "report"}}}}})
	if err != nil {
		t.Fatalf("send menu: %v", err)
	}
	ids := []int64{
		srv.SendText(alice.ID, alice, "/start@beatbot_test_bot ref"),
		srv.SendLocation(alice.ID, alice, 43.238, 76.945),
		srv.PressButton(alice.ID, alice, menu.ID, "report"),
	}

	var updates []*models.Update
	for len(updates) < len(ids) {
		select {
		case u := <-got:
			updates = append(updates, u)
		case <-ctx.Done():
			t.Fatalf("got %d updates, want %d", len(updates), len(ids))
		}
	}
	for i, u := range updates {
		if u.ID != ids[i] {
			t.Errorf("update %d: got id %d, want %d", i, u.ID, ids[i])
		}
	}
	text := updates[0].Message
	wantEntity := models.MessageEntity{Type: models.MessageEntityTypeBotCommand, Offset: 0, Length: len("/start@beatbot_test_bot")}
	if text == nil || text.Text != "/start@beatbot_test_bot ref" || len(text.Entities) != 1 || text.Entities[0] != wantEntity {
		t.Errorf("got message %+v, want the command with one bot_command entity", text)
	}
	if text.ID <= menu.ID || text.Chat.Type != models.ChatTypePrivate || text.Chat.FirstName != "Alice" || text.Date == 0 {
		t.Errorf("got message id %d chat %+v date %d, want after %d in Alice's private chat", text.ID, text.Chat, text.Date, menu.ID)
	}
	if loc := updates[1].Message.Location; loc == nil || loc.Latitude != 43.238 || loc.Longitude != 76.945 {
		t.Errorf("got location %+v, want 43.238,76.945", loc)
	}
	cq := updates[2].CallbackQuery
	if cq == nil || cq.Data != "report" || cq.From.ID != alice.ID || cq.Message.Message == nil || cq.Message.Message.ID != menu.ID {
		t.Fatalf("got callback %+v, want data report on an accessible message %d", cq, menu.ID)
	}
	if cq.Message.Message.ReplyMarkup == nil || cq.Message.Message.Text != "Menu" {
		t.Errorf("got callback message %+v, want the menu with its keyboard", cq.Message.Message)
	}
	if _, err := b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: cq.ID}); err != nil {
		t.Errorf("answer: %v", err)
	}
	if _, err := b.AnswerCallbackQuery(ctx, &bot.AnswerCallbackQueryParams{CallbackQueryID: cq.ID}); !errors.Is(err, bot.ErrorBadRequest) {
		t.Errorf("second answer: got %v, want bad request", err)
	}
}

func TestPollingDoesNotBusyLoop(t *testing.T) {
	srv := newServer(t)
	startPolling(t, newBot(t, srv))
	ctx := testCtx(t)
	if err := srv.Wait(ctx, func(calls []emulator.Call) bool { return countCalls(calls, "getUpdates") > 0 }); err != nil {
		t.Fatalf("bot never polled: %v", err)
	}
	// With nothing to deliver, the first poll must stay open: a fake that
	// answered [] at once would see hundreds of polls in this window.
	window, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	err := srv.Wait(window, func(calls []emulator.Call) bool { return countCalls(calls, "getUpdates") > 1 })
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want no second getUpdates while the first blocks", err)
	}
}

func TestSecondPollTerminatesFirst(t *testing.T) {
	srv := newServer(t)
	ctx := testCtx(t)
	first := make(chan int, 1)
	go func() {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL()+"/bot"+testToken+"/getUpdates?timeout=30", nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			first <- 0
			return
		}
		resp.Body.Close()
		first <- resp.StatusCode
	}()
	if err := srv.Wait(ctx, func(calls []emulator.Call) bool { return countCalls(calls, "getUpdates") == 1 }); err != nil {
		t.Fatal(err)
	}
	// A second bot instance polling ends the first poll, as on Telegram.
	_ = pollIDs(t, srv, url.Values{"timeout": {"0"}})
	select {
	case status := <-first:
		if status != http.StatusConflict {
			t.Errorf("first poll: got %d, want 409", status)
		}
	case <-ctx.Done():
		t.Fatal("first poll never ended")
	}
}

func TestCloseEndsBlockedPoll(t *testing.T) {
	srv := emulator.New(testToken)
	ctx := testCtx(t)
	done := make(chan struct{})
	go func() {
		defer close(done)
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL()+"/bot"+testToken+"/getUpdates?timeout=50", nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}()
	if err := srv.Wait(ctx, func(calls []emulator.Call) bool { return len(calls) == 1 }); err != nil {
		t.Fatal(err)
	}
	closed := make(chan struct{})
	go func() {
		srv.Close()
		close(closed)
	}()
	for _, ch := range []chan struct{}{closed, done} {
		select {
		case <-ch:
		case <-ctx.Done():
			t.Fatal("Close left the blocked getUpdates running")
		}
	}
	if _, err := srv.WaitSent(ctx, alice.ID, 1); !errors.Is(err, emulator.ErrClosed) {
		t.Errorf("got %v, want ErrClosed after Close", err)
	}
}

func TestNoGoroutinesLeftAfterClose(t *testing.T) {
	before := runtime.NumGoroutine()
	srv := emulator.New(testToken)
	b, err := bot.New(testToken, bot.WithServerURL(srv.URL()), bot.WithSkipGetMe(),
		bot.WithDefaultHandler(func(context.Context, *bot.Bot, *models.Update) {}))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { b.Start(ctx); close(done) }()
	srv.SendText(alice.ID, alice, "hi")
	// A second poll means the bot took the update and is blocked again.
	polledTwice := func(calls []emulator.Call) bool { return countCalls(calls, "getUpdates") >= 2 }
	if err := srv.Wait(testCtx(t), polledTwice); err != nil {
		t.Fatal(err)
	}
	cancel()
	<-done
	srv.Close()

	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("got %d goroutines, want %d:\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}
