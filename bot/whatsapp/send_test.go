package whatsapp_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/whatsapp"
	"github.com/beatbot-kz/beatbot/bot/whatsapp/whatsapptest"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/rs/zerolog"
)

const (
	sendToken   = "EAAG-test-token-9f8e7d6c"
	sendPhoneID = "100200300400500"
	resident    = "77010000001"
)

var waChat = core.ChatRef{Channel: core.WhatsApp, ID: resident}

// lastWrote is the window: when each chat last wrote.
type lastWrote map[string]time.Time

func (l lastWrote) LastInbound(_ context.Context, chat core.ChatRef) (time.Time, error) {
	return l[chat.ID], nil
}

// newSender returns an adapter over a fake Graph API, with a notice
// template in Russian only, and a clock at now.
func newSender(t *testing.T, now time.Time, wrote lastWrote) (*whatsapp.WhatsApp, *whatsapptest.Server) {
	t.Helper()
	srv := whatsapptest.New(sendToken, sendPhoneID)
	t.Cleanup(srv.Close)
	srv.AddTemplate("beatbot_notice_ru", "ru", 1)
	wa, err := whatsapp.New(whatsapp.Config{
		Token: sendToken, PhoneNumberID: sendPhoneID, AppSecret: "s", VerifyToken: "v", APIURL: srv.URL(),
		Templates: map[string]map[core.Lang]string{core.TemplateNotice: {core.Russian: "beatbot_notice_ru"}},
		Window:    wrote, Acceptor: &hookInbox{}, Log: zerolog.Nop(), Now: func() time.Time { return now },
	})
	if err != nil {
		t.Fatal(err)
	}
	return wa, srv
}

func chartPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	img.Set(1, 1, color.Black)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSendRendersRepliesOnTheFakeGraphAPI(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	wa, srv := newSender(t, now, lastWrote{resident: now.Add(-time.Hour)})
	ctx := context.Background()
	replies := []core.Reply{
		{Text: "Здравствуйте! Выберите язык.", Buttons: [][]core.Button{{{Label: "Қазақша", Data: "lang:kk"}, {Label: "Русский", Data: "lang:ru"}, {Label: "English", Data: "lang:en"}}}},
		{Text: "Чем могу помочь?", Lang: core.Russian, Buttons: [][]core.Button{
			{{Label: "👮 Мой участковый", Data: "m:find"}}, {{Label: "📝 Сообщить о проблеме", Data: "m:report"}},
			{{Label: "📋 Опрос о безопасности", Data: "m:poll"}}, {{Label: "🔔 Оповещения", Data: "m:alerts"}},
		}},
		{Text: "Отправьте геопозицию или напишите адрес.", RequestLocation: "📍 Отправить геопозицию"},
		{Text: "1. Насколько безопасно?", Image: chartPNG(t)},
	}
	for _, r := range replies {
		if err := wa.Send(ctx, waChat, r); err != nil {
			t.Fatalf("send %q: %v", r.Text, err)
		}
	}
	sent := srv.Sent(resident)
	if len(sent) != 4 {
		t.Fatalf("%d messages, want 4", len(sent))
	}
	if len(sent[0].Buttons) != 3 || sent[0].Buttons[0].ID != "lang:kk" {
		t.Errorf("language buttons %+v", sent[0].Buttons)
	}
	if sent[1].List == nil || len(sent[1].List.Rows) != 4 || sent[1].List.Button != "Выбрать" {
		t.Errorf("menu list %+v", sent[1].List)
	}
	if !sent[2].LocationRequest {
		t.Errorf("no location request: %+v", sent[2])
	}
	if img := sent[3].Image; img == nil || !bytes.Equal(img.Data, replies[3].Image) || img.Caption != "1. Насколько безопасно?" {
		t.Errorf("chart %+v, want the uploaded PNG with its caption", img)
	}
}

func TestDeliverOutsideTheWindowUsesTemplates(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	wa, srv := newSender(t, now, lastWrote{resident: now.Add(-30 * time.Hour)})
	ctx := context.Background()

	// A notice with a button: the template stands in for it, and the
	// notice itself waits for the resident to answer.
	notice := core.Reply{Text: "📢 Пункт полиции\n\nЗавтра отключат воду.\n\nОтписаться: /stop", Template: core.TemplateNotice, Lang: core.Russian,
		Buttons: [][]core.Button{{{Label: "✉️ Ответить", Data: "na:1"}}}}
	if _, err := wa.Deliver(ctx, waChat, notice, 0); !errors.Is(err, core.ErrSentAsTemplate) {
		t.Fatalf("deliver a notice with a button outside the window: got %v, want ErrSentAsTemplate", err)
	}
	sent := srv.Sent(resident)
	if len(sent) != 1 || sent[0].Template == nil || sent[0].Template.Name != "beatbot_notice_ru" {
		t.Fatalf("sent %+v, want the notice template", sent)
	}
	// Meta refuses line breaks in a parameter: they become spaces.
	if got, want := sent[0].Template.Params[0], "📢 Пункт полиции Завтра отключат воду. Отписаться: /stop"; got != want {
		t.Errorf("template parameter %q, want %q", got, want)
	}
	// Text alone that fits is delivered whole by the template.
	plain := core.Reply{Text: "Завтра отключат воду.", Template: core.TemplateNotice, Lang: core.Russian}
	if done, err := wa.Deliver(ctx, waChat, plain, 0); err != nil || done != 1 {
		t.Fatalf("deliver a plain notice: %d, %v", done, err)
	}

	// No template for this kind or language, or no text to put in one:
	// the message waits.
	for _, r := range []core.Reply{
		{Photo: "wa:77", Template: core.TemplateNotice, Lang: core.Russian},
		{Text: "Ticket update", Template: core.TemplateTicket, Lang: core.Russian},
		{Text: "Хабарландыру", Template: core.TemplateNotice, Lang: core.Kazakh},
	} {
		if _, err := wa.Deliver(ctx, waChat, r, 0); !errors.Is(err, core.ErrNeedsTemplate) {
			t.Errorf("deliver %q: got %v, want ErrNeedsTemplate", r.Text, err)
		}
	}
	if len(srv.Sent(resident)) != 2 {
		t.Errorf("a message without a template was sent anyway")
	}
}

func TestDeliverClassifiesFailures(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name  string
		fault whatsapptest.Fault
		check func(error) bool
	}{
		{"throughput pauses the channel", whatsapptest.Throughput, func(err error) bool {
			var rl *core.RateLimitError
			return errors.As(err, &rl) && rl.RetryAfter > 0
		}},
		{"pair rate retries the one message", whatsapptest.PairRateLimit, func(err error) bool {
			var rl *core.RateLimitError
			return err != nil && !errors.As(err, &rl) && !errors.Is(err, core.ErrRejected) && !errors.Is(err, core.ErrUnreachable)
		}},
		{"undeliverable drops the recipient", whatsapptest.Undeliverable, func(err error) bool { return errors.Is(err, core.ErrUnreachable) }},
		{"server error is transient", whatsapptest.ServerError, func(err error) bool {
			return err != nil && !errors.Is(err, core.ErrRejected) && !errors.Is(err, core.ErrUnreachable)
		}},
		{"bad gateway page is transient", whatsapptest.BadGateway, func(err error) bool {
			return err != nil && !errors.Is(err, core.ErrRejected)
		}},
		{"dropped connection is transient", whatsapptest.Dropped, func(err error) bool {
			return err != nil && !errors.Is(err, core.ErrRejected)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wa, srv := newSender(t, now, lastWrote{resident: now})
			srv.FailNext(1, tc.fault)
			_, err := wa.Deliver(context.Background(), waChat, core.Reply{Text: "Карточка", Template: core.TemplateTicket}, 0)
			if !tc.check(err) {
				t.Errorf("got %v", err)
			}
			if err != nil && strings.Contains(err.Error(), sendToken) {
				t.Errorf("the token leaks into the error: %v", err)
			}
		})
	}
}

func TestDeliverResumesAfterThePartsDone(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	wa, srv := newSender(t, now, lastWrote{resident: now})
	r := core.Reply{Text: "KRG-0001", Pin: &core.Pin{Point: core.Point{Lat: 49.8, Lon: 73.1}, Title: "KRG-0001"}, Template: core.TemplateTicket}
	// The place goes; the card after it fails.
	srv.FailNext(0, whatsapptest.Fault{})
	first, _ := wa.Deliver(context.Background(), waChat, core.Reply{Pin: r.Pin, Template: r.Template}, 0)
	if first != 1 {
		t.Fatalf("done %d after the place alone, want 1", first)
	}
	srv.FailNext(1, whatsapptest.ServerError)
	done, err := wa.Deliver(context.Background(), waChat, r, 1)
	if err == nil || done != 1 {
		t.Fatalf("done %d, %v; want 1 and an error", done, err)
	}
	if done, err = wa.Deliver(context.Background(), waChat, r, done); err != nil || done != 2 {
		t.Fatalf("retry: done %d, %v", done, err)
	}
	var types []string
	for _, s := range srv.Sent(resident) {
		types = append(types, s.Type)
	}
	if got := strings.Join(types, ","); got != "location,text" {
		t.Errorf("sent %s, want the place once and the card once", got)
	}
}

func TestSendWaitsOutThroughputLimits(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	wa, srv := newSender(t, now, lastWrote{resident: now})
	srv.FailNext(1, whatsapptest.Throughput)
	if err := wa.Send(context.Background(), waChat, core.Reply{Text: "Привет"}); err != nil {
		t.Fatalf("send after one throughput error: %v", err)
	}
	if n := len(srv.Sent(resident)); n != 1 {
		t.Errorf("%d messages, want 1", n)
	}
}

// An immediate reply survives Meta's own trouble (a 5xx, a proxy's page, a
// dropped connection), sent once; a refusal is not retried.
func TestSendRetriesTransientFailures(t *testing.T) {
	tests := []struct {
		name  string
		fault whatsapptest.Fault
		want  int // messages that arrive
		ok    bool
	}{
		{"500", whatsapptest.Fault{Status: http.StatusInternalServerError}, 1, true},
		{"502 page", whatsapptest.Fault{Status: http.StatusBadGateway}, 1, true},
		{"dropped connection", whatsapptest.Fault{Drop: true}, 1, true},
		{"refused", whatsapptest.Fault{Code: 100, Message: "Invalid parameter"}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
			wa, srv := newSender(t, now, lastWrote{resident: now})
			srv.FailNext(1, tt.fault)
			err := wa.Send(context.Background(), waChat, core.Reply{Text: "Привет"})
			if (err == nil) != tt.ok {
				t.Fatalf("send: %v, want success %v", err, tt.ok)
			}
			if n := len(srv.Sent(resident)); n != tt.want {
				t.Errorf("%d messages, want %d", n, tt.want)
			}
		})
	}
}
