package whatsapp

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/rs/zerolog"
)

func TestClassify(t *testing.T) {
	pause := func(d time.Duration) func(error) bool {
		return func(err error) bool {
			var rl *core.RateLimitError
			return errors.As(err, &rl) && rl.RetryAfter == d
		}
	}
	is := func(target error) func(error) bool { return func(err error) bool { return errors.Is(err, target) } }
	transient := func(err error) bool {
		var rl *core.RateLimitError
		return err != nil && !errors.As(err, &rl) && !errors.Is(err, core.ErrRejected) &&
			!errors.Is(err, core.ErrUnreachable) && !errors.Is(err, core.ErrNeedsTemplate)
	}
	for _, tc := range []struct {
		name string
		err  *APIError
		want func(error) bool
	}{
		{"throughput", &APIError{Status: 400, Code: 130429}, pause(throughputPause)},
		{"HTTP 429", &APIError{Status: 429}, pause(throughputPause)},
		{"app call limit", &APIError{Status: 400, Code: 4}, pause(callLimitPause)},
		{"account locked", &APIError{Status: 400, Code: 131031}, pause(accountPause)},
		{"payment", &APIError{Status: 400, Code: 131042}, pause(accountPause)},
		{"policy block", &APIError{Status: 403, Code: 368}, pause(accountPause)},
		{"pair rate", &APIError{Status: 400, Code: 131056}, transient},
		{"outside the window", &APIError{Status: 400, Code: 131047}, is(core.ErrNeedsTemplate)},
		{"template missing", &APIError{Status: 404, Code: 132001}, is(core.ErrNeedsTemplate)},
		{"template parameter format", &APIError{Status: 400, Code: 132018}, is(core.ErrNeedsTemplate)},
		{"undeliverable", &APIError{Status: 400, Code: 131026}, is(core.ErrUnreachable)},
		{"bad parameter", &APIError{Status: 400, Code: 100}, is(core.ErrRejected)},
		{"expired token", &APIError{Status: 401, Code: 190}, transient},
		{"server error", &APIError{Status: 500, Code: 1}, transient},
	} {
		if got := classify(tc.err); !tc.want(got) {
			t.Errorf("%s: classify gave %v", tc.name, got)
		}
	}
}

func TestMediaHost(t *testing.T) {
	w := &WhatsApp{cfg: Config{APIURL: "http://127.0.0.1:5000/v21.0"}}
	for raw, want := range map[string]bool{
		"https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1": true,
		"https://scontent.whatsapp.net/x":                                  true,
		"http://127.0.0.1:5000/whatsapp_business/attachments/?mid=1":       true,
		"http://lookaside.fbsbx.com/x":                                     false, // not https
		"https://evil.example/fbsbx.com":                                   false,
		"https://fbsbx.com.evil.example/x":                                 false,
		"http://127.0.0.1:6000/x":                                          false, // another port
		"not a url":                                                        false,
	} {
		if got := w.mediaHost(raw); got != want {
			t.Errorf("mediaHost(%q) = %v, want %v", raw, got, want)
		}
	}
}

type marked struct{ chats []core.ChatRef }

func (m *marked) MarkUnreachable(_ context.Context, chat core.ChatRef, _ string) (int, error) {
	m.chats = append(m.chats, chat)
	return 0, nil
}

func TestStatusPolicyNeverDropsStaff(t *testing.T) {
	city := &core.City{Staff: []core.Staff{{ID: "s-i08", WhatsApp: "77212002108"}}}
	city.Index()
	store := &marked{}
	p := StatusPolicy{Store: store, City: core.NewCityHolder(city), Log: zerolog.Nop()}
	for _, number := range []string{"77212002108", "77010000001"} {
		s := Status{MessageID: "wamid.1", Chat: chat(number), Status: "failed", Code: codeUndeliverable}
		if err := p.Status(context.Background(), s); err != nil {
			t.Fatal(err)
		}
	}
	if len(store.chats) != 1 || store.chats[0].ID != "77010000001" {
		t.Errorf("marked unreachable: %v; want only the resident", store.chats)
	}
}
