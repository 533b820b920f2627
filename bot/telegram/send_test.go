package telegram_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram"
	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/go-telegram/bot"
	"github.com/rs/zerolog"
)

// photoID is a file_id as a resident's photo brings it.
const photoID = "AgACAgIAAxkBAAIE-1280"

// newSender connects an adapter to a fake Bot API without polling: sending
// needs no updates.
func newSender(t *testing.T, paid bool) (*telegram.Telegram, *emulator.Server) {
	t.Helper()
	srv := emulator.New(token)
	t.Cleanup(srv.Close)
	tg, err := telegram.New(context.Background(), telegram.Config{Token: token, APIURL: srv.URL(), Acceptor: newInbox(), Log: zerolog.Nop(), PaidBroadcast: paid})
	if err != nil {
		t.Fatal(err)
	}
	return tg, srv
}

// sentMessage is what a test expects of one message: its method, its text
// (the caption for a photo) and whether the reply's inline buttons are on it.
type sentMessage struct {
	method  string
	text    string
	buttons bool
}

// sendCase is a reply and the messages it must become.
type sendCase struct {
	name  string
	reply core.Reply
	want  []sentMessage
}

// checkSends sends each case's reply to a chat of its own, numbered from
// first, through the real adapter, and checks the messages the fake Bot
// API got; extra checks each message further. It returns the fake, for
// checks of the calls made.
func checkSends(t *testing.T, first int64, cases []sendCase, extra func(*testing.T, emulator.Sent)) *emulator.Server {
	t.Helper()
	tg, srv := newSender(t, false)
	for i, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			chatID := first + int64(i)
			if err := tg.Send(context.Background(), chatRef(chatID), tt.reply); err != nil {
				t.Fatalf("send: %v", err)
			}
			sent := srv.Sent(chatID)
			if len(sent) != len(tt.want) {
				t.Fatalf("sent %d messages %+v, want %d", len(sent), sent, len(tt.want))
			}
			for j, w := range tt.want {
				got := sent[j]
				_, hasButton := got.ReplyMarkup.InlineButton("Accept")
				if got.Method != w.method || got.Text != w.text || hasButton != w.buttons {
					t.Errorf("message %d: got %s %.40q buttons %v, want %s %.40q buttons %v",
						j, got.Method, got.Text, hasButton, w.method, w.text, w.buttons)
				}
				extra(t, got)
			}
		})
	}
	return srv
}

func TestSendPhoto(t *testing.T) {
	buttons := [][]core.Button{{{Label: "Accept", Data: "t:accept"}}}
	pin := &core.Pin{Point: core.Point{Lat: 49.82, Lon: 73.077}, Title: "Station", Address: "Erubaev 40"}
	long := strings.Repeat("Сынған шам. ", 166) + "Соңы" // 2,000 characters
	atLimit := strings.Repeat("🚨", 512)                  // 1,024 UTF-16 units
	tests := []sendCase{
		{"short caption with buttons", core.Reply{Photo: photoID, Text: "Подъезд 3", Buttons: buttons},
			[]sentMessage{{"sendPhoto", "Подъезд 3", true}}},
		{"photo alone", core.Reply{Photo: photoID},
			[]sentMessage{{"sendPhoto", "", false}}},
		{"caption at the limit", core.Reply{Photo: photoID, Text: atLimit, Buttons: buttons},
			[]sentMessage{{"sendPhoto", atLimit, true}}},
		{"one unit over the limit", core.Reply{Photo: photoID, Text: atLimit + "!", Buttons: buttons},
			[]sentMessage{{"sendPhoto", "", false}, {"sendMessage", atLimit + "!", true}}},
		{"long text follows the photo", core.Reply{Photo: photoID, Text: long, Buttons: buttons},
			[]sentMessage{{"sendPhoto", "", false}, {"sendMessage", long, true}}},
		{"text over a message", core.Reply{Photo: photoID, Text: strings.Repeat("line\n", 1000), Buttons: buttons},
			[]sentMessage{{"sendPhoto", "", false}, {"sendMessage", strings.Repeat("line\n", 819), false}, {"sendMessage", strings.Repeat("line\n", 181), true}}},
		{"pin with a short text", core.Reply{Photo: photoID, Text: "Подъезд 3", Pin: pin, Buttons: buttons},
			[]sentMessage{{"sendPhoto", "Подъезд 3", false}, {"sendVenue", "", true}}},
		{"pin with a long text", core.Reply{Photo: photoID, Text: long, Pin: pin, Buttons: buttons},
			[]sentMessage{{"sendPhoto", "", false}, {"sendMessage", long, false}, {"sendVenue", "", true}}},
	}
	srv := checkSends(t, 100, tests, func(t *testing.T, got emulator.Sent) {
		if got.Method == "sendPhoto" && got.Photo != photoID {
			t.Errorf("photo %q, want %q", got.Photo, photoID)
		}
		if got.Method == "sendVenue" && got.Venue.Title != pin.Title {
			t.Errorf("venue %+v, want %+v", got.Venue, pin)
		}
	})
	for _, c := range srv.Calls() {
		if _, ok := c.Params["allow_paid_broadcast"]; ok {
			t.Errorf("%s with allow_paid_broadcast on the Send path", c.Method)
		}
	}
}

func TestDeliverPhotoPaysForBroadcast(t *testing.T) {
	tg, srv := newSender(t, true)
	r := core.Reply{Photo: photoID, Text: strings.Repeat("ж", 2000), Pin: &core.Pin{Point: core.Point{Lat: 49.8, Lon: 73.1}, Title: "T", Address: "A"}}
	if n, err := tg.Deliver(context.Background(), chatRef(200), r, 0); err != nil || n != 3 {
		t.Fatalf("deliver: %d calls done, %v; want 3", n, err)
	}
	var methods []string
	for _, c := range srv.Calls() {
		if c.Method == "getMe" {
			continue
		}
		methods = append(methods, c.Method)
		if c.Params["allow_paid_broadcast"] != "true" {
			t.Errorf("%s: allow_paid_broadcast = %q, want true", c.Method, c.Params["allow_paid_broadcast"])
		}
	}
	if got, want := strings.Join(methods, ","), "sendPhoto,sendMessage,sendVenue"; got != want {
		t.Errorf("calls %s, want %s", got, want)
	}
}

func TestDeliverPhotoErrors(t *testing.T) {
	long := strings.Repeat("ж", 2000)
	tests := []struct {
		name  string
		text  string
		setup func(srv *emulator.Server, chatID int64)
		check func(t *testing.T, err error)
		calls int // sendPhoto and sendMessage calls made, retries included
	}{
		{"blocked", "hi", func(srv *emulator.Server, id int64) { srv.SetBlocked(id, true) }, isUnreachable, 1},
		{"blocked after the photo", long, func(srv *emulator.Server, _ int64) {
			srv.FailNext("sendMessage", 1, emulator.Fault{Code: 403})
		}, isUnreachable, 2},
		{"unknown file id", "hi", func(srv *emulator.Server, _ int64) {
			srv.FailNext("sendPhoto", 1, emulator.Fault{Code: 400, Description: "Bad Request: wrong file identifier/HTTP URL specified"})
		}, func(t *testing.T, err error) {
			if !errors.Is(err, core.ErrRejected) {
				t.Errorf("got %v, want core.ErrRejected", err)
			}
		}, 1},
		{"rate limited", "hi", func(srv *emulator.Server, _ int64) {
			srv.FailNext("sendPhoto", 1, emulator.Fault{Code: 429, RetryAfter: 7})
		}, func(t *testing.T, err error) {
			var rl *core.RateLimitError
			if !errors.As(err, &rl) || rl.RetryAfter != 7*time.Second {
				t.Errorf("got %v, want *core.RateLimitError after 7s", err)
			}
		}, 1},
		{"server error", "hi", func(srv *emulator.Server, _ int64) {
			srv.FailNext("sendPhoto", 1, emulator.Fault{Code: 502})
		}, func(t *testing.T, err error) {
			var rl *core.RateLimitError
			if err == nil || errors.Is(err, core.ErrRejected) || errors.Is(err, core.ErrUnreachable) || errors.As(err, &rl) {
				t.Errorf("got %v, want a transient error", err)
			}
		}, 1},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tg, srv := newSender(t, false)
			chatID := int64(300 + i)
			tt.setup(srv, chatID)
			_, err := tg.Deliver(context.Background(), chatRef(chatID), core.Reply{Photo: photoID, Text: tt.text}, 0)
			tt.check(t, err)
			if n := countMethod(srv.Calls(), "sendPhoto") + countMethod(srv.Calls(), "sendMessage"); n != tt.calls {
				t.Errorf("%d send calls, want %d: Deliver makes one attempt and stops at the first failure", n, tt.calls)
			}
		})
	}
}

// TestDeliverResumesAfterThePartsDone retries a photo-and-text reply whose
// text failed: the photo is not sent again.
func TestDeliverResumesAfterThePartsDone(t *testing.T) {
	tg, srv := newSender(t, false)
	r := core.Reply{Photo: photoID, Text: strings.Repeat("ж", 2000)}
	srv.FailNext("sendMessage", 1, emulator.Fault{Code: 502})
	done, err := tg.Deliver(context.Background(), chatRef(500), r, 0)
	if err == nil || done != 1 {
		t.Fatalf("first attempt: %d done, %v; want the photo done and an error", done, err)
	}
	if done, err = tg.Deliver(context.Background(), chatRef(500), r, done); err != nil || done != 2 {
		t.Fatalf("retry: %d done, %v; want both done", done, err)
	}
	if got := countMethod(srv.Calls(), "sendPhoto"); got != 1 {
		t.Errorf("photo sent %d times, want once", got)
	}
}

func TestChatNotFoundIsUnreachable(t *testing.T) {
	tg, srv := newSender(t, false)
	srv.FailNext("sendMessage", 1, emulator.Fault{Code: 400, Description: "Bad Request: chat not found"})
	if _, err := tg.Deliver(context.Background(), chatRef(600), core.Reply{Text: "hi"}, 0); !errors.Is(err, core.ErrUnreachable) {
		t.Errorf("got %v, want core.ErrUnreachable", err)
	}
}

func isUnreachable(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, core.ErrUnreachable) || !errors.Is(err, bot.ErrorForbidden) {
		t.Errorf("got %v, want core.ErrUnreachable wrapping bot.ErrorForbidden", err)
	}
}

func TestSendPhotoRetriesAfter429(t *testing.T) {
	tg, srv := newSender(t, false)
	srv.FailNext("sendPhoto", 1, emulator.Fault{Code: 429, RetryAfter: 1})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := tg.Send(ctx, chatRef(400), core.Reply{Photo: photoID, Text: "hi"}); err != nil {
		t.Fatalf("send: %v", err)
	}
	if got := srv.Sent(400); len(got) != 1 || got[0].Method != "sendPhoto" {
		t.Errorf("sent %+v, want one photo", got)
	}
}

func chatRef(id int64) core.ChatRef {
	return core.ChatRef{Channel: core.Telegram, ID: strconv.FormatInt(id, 10)}
}

// TestSendRetriesTransientFailures: an immediate reply survives Telegram's
// own trouble (a 5xx, a dropped connection), sent once; a refusal is not
// retried.
func TestSendRetriesTransientFailures(t *testing.T) {
	tests := []struct {
		name  string
		fault emulator.Fault
		calls int // sendMessage calls made
		ok    bool
	}{
		{"500", emulator.Fault{Code: 500}, 2, true},
		{"502", emulator.Fault{Code: 502}, 2, true},
		{"dropped connection", emulator.Fault{Drop: true}, 2, true},
		{"bad request", emulator.Fault{Code: 400, Description: "Bad Request: message text is empty"}, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tg, srv := newSender(t, false)
			srv.FailNext("sendMessage", 1, tt.fault)
			err := tg.Send(context.Background(), chatRef(700), core.Reply{Text: "hi"})
			if (err == nil) != tt.ok {
				t.Fatalf("send: %v, want success %v", err, tt.ok)
			}
			if got := countMethod(srv.Calls(), "sendMessage"); got != tt.calls {
				t.Errorf("%d sendMessage calls, want %d", got, tt.calls)
			}
			want := 0
			if tt.ok {
				want = 1
			}
			if got := len(srv.Sent(700)); got != want {
				t.Errorf("%d messages arrived, want %d", got, want)
			}
		})
	}
}

// TestDeliverClassifiesBothPaths fails a text reply, sent as JSON by the
// adapter itself, and a photo, sent as a form by go-telegram/bot, with the
// same answers: the notifier must read each failure alike on both paths.
func TestDeliverClassifiesBothPaths(t *testing.T) {
	transientErr := func(err error) bool {
		var rl *core.RateLimitError
		return err != nil && !errors.Is(err, core.ErrRejected) && !errors.Is(err, core.ErrUnreachable) && !errors.As(err, &rl)
	}
	tests := []struct {
		name  string
		fault emulator.Fault
		want  func(error) bool
	}{
		{"blocked", emulator.Fault{Code: 403, Description: "Forbidden: bot was blocked by the user"},
			func(err error) bool { return errors.Is(err, core.ErrUnreachable) && errors.Is(err, bot.ErrorForbidden) }},
		{"chat not found", emulator.Fault{Code: 400, Description: "Bad Request: chat not found"},
			func(err error) bool { return errors.Is(err, core.ErrUnreachable) }},
		{"bad request", emulator.Fault{Code: 400, Description: "Bad Request: can't parse entities"},
			func(err error) bool { return errors.Is(err, core.ErrRejected) && errors.Is(err, bot.ErrorBadRequest) }},
		{"not found", emulator.Fault{Code: 404},
			func(err error) bool { return errors.Is(err, core.ErrRejected) }},
		{"rate limited", emulator.Fault{Code: 429, RetryAfter: 7},
			func(err error) bool {
				var rl *core.RateLimitError
				return errors.As(err, &rl) && rl.RetryAfter == 7*time.Second
			}},
		{"server error", emulator.Fault{Code: 500}, transientErr},
		{"bad gateway", emulator.Fault{Code: 502}, transientErr},
		{"dropped connection", emulator.Fault{Drop: true}, transientErr},
	}
	paths := []struct {
		method string
		reply  core.Reply
	}{
		{"sendMessage", core.Reply{Text: "hi"}},
		{"sendPhoto", core.Reply{Photo: photoID}},
		{"sendVenue", core.Reply{Pin: &core.Pin{Point: core.Point{Lat: 49.82, Lon: 73.077}, Title: "Station"}}},
	}
	for _, tt := range tests {
		for _, p := range paths {
			t.Run(tt.name+"/"+p.method, func(t *testing.T) {
				tg, srv := newSender(t, false)
				srv.FailNext(p.method, 1, tt.fault)
				done, err := tg.Deliver(context.Background(), chatRef(800), p.reply, 0)
				if !tt.want(err) || done != 0 {
					t.Errorf("got %d done, %v", done, err)
				}
				if got := countMethod(srv.Calls(), p.method); got != 1 {
					t.Errorf("%d %s calls, want 1: Deliver makes one attempt", got, p.method)
				}
			})
		}
	}
}
