package emulator_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
)

const testToken = "123456:AAH-test-token"

// alice is the resident most tests play; her private chat id is her user id.
var alice = models.User{ID: 501, FirstName: "Alice", Username: "alice", LanguageCode: "ru"}

// newServer starts a fake API that is closed when the test ends.
func newServer(t *testing.T, opts ...emulator.Option) *emulator.Server {
	t.Helper()
	srv := emulator.New(testToken, opts...)
	t.Cleanup(srv.Close)
	return srv
}

// newBot builds a real go-telegram/bot client against srv.
func newBot(t *testing.T, srv *emulator.Server, opts ...bot.Option) *bot.Bot {
	t.Helper()
	all := append([]bot.Option{
		bot.WithServerURL(srv.URL()),
		bot.WithSkipGetMe(),
		bot.WithErrorsHandler(func(err error) { t.Logf("bot error: %v", err) }),
	}, opts...)
	b, err := bot.New(srv.Token(), all...)
	if err != nil {
		t.Fatalf("bot.New: %v", err)
	}
	return b
}

// startPolling runs b.Start until the test ends, and waits for it to stop
// before the server closes.
func startPolling(t *testing.T, b *bot.Bot) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		b.Start(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
}

// testCtx bounds every wait of a test.
func testCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// apiResponse is the Bot API envelope, decoded by raw calls.
type apiResponse struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
}

// rawCall posts url-encoded values the way curl would, for what the client
// library does not expose (getUpdates, odd encodings).
func rawCall(t *testing.T, ctx context.Context, base, token, method string, form url.Values) (int, apiResponse) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/bot"+token+"/"+method, nil)
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	req.URL.RawQuery = form.Encode()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	defer resp.Body.Close()
	var r apiResponse
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatalf("%s: decode: %v", method, err)
	}
	return resp.StatusCode, r
}

// pollIDs calls getUpdates and returns the update ids it answered.
func pollIDs(t *testing.T, srv *emulator.Server, form url.Values) []int64 {
	t.Helper()
	status, r := rawCall(t, testCtx(t), srv.URL(), srv.Token(), "getUpdates", form)
	if status != http.StatusOK {
		t.Fatalf("getUpdates: status %d: %s", status, r.Description)
	}
	var updates []models.Update
	if err := json.Unmarshal(r.Result, &updates); err != nil {
		t.Fatalf("getUpdates: decode %s: %v", r.Result, err)
	}
	ids := []int64{}
	for _, u := range updates {
		ids = append(ids, u.ID)
	}
	return ids
}

func countCalls(calls []emulator.Call, method string) int {
	n := 0
	for _, c := range calls {
		if c.Method == method {
			n++
		}
	}
	return n
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
