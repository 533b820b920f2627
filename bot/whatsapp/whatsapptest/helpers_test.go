package whatsapptest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/bot/whatsapp/whatsapptest"
)

const (
	testToken   = "EAAGtestTOKEN"
	testPhoneID = "106540352242922"
	alice       = "77011234567" // the resident most tests write to
)

// newServer starts a fake API that is closed when the test ends.
func newServer(t *testing.T, opts ...whatsapptest.Option) *whatsapptest.Server {
	t.Helper()
	srv := whatsapptest.New(testToken, testPhoneID, opts...)
	t.Cleanup(srv.Close)
	return srv
}

// testCtx bounds every wait of a test.
func testCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// answer is a Graph API answer: a sent message or an error.
type answer struct {
	MessagingProduct string `json:"messaging_product"`
	Contacts         []struct {
		Input string `json:"input"`
		WaID  string `json:"wa_id"`
	} `json:"contacts"`
	Messages []struct {
		ID            string `json:"id"`
		MessageStatus string `json:"message_status"`
	} `json:"messages"`
	Error struct {
		Message   string `json:"message"`
		Type      string `json:"type"`
		Code      int    `json:"code"`
		Subcode   int    `json:"error_subcode"`
		ErrorData struct {
			MessagingProduct string `json:"messaging_product"`
			Details          string `json:"details"`
		} `json:"error_data"`
		TraceID string `json:"fbtrace_id"`
	} `json:"error"`
}

// call makes one request to the fake and decodes its JSON answer, if any;
// a transport error is returned, not fatal, for the fault tests.
func call(ctx context.Context, method, url, token, contentType string, body []byte) (int, answer, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return 0, answer{}, nil, err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", contentType)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, answer{}, nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, answer{}, nil, err
	}
	var a answer
	_ = json.Unmarshal(raw, &a)
	return resp.StatusCode, a, raw, nil
}

// send posts a message as the adapter would and fails the test on a
// transport error.
func send(t *testing.T, srv *whatsapptest.Server, msg any) (int, answer) {
	t.Helper()
	body, err := json.Marshal(msg)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	status, a, _, err := call(testCtx(t), http.MethodPost, srv.URL()+"/"+testPhoneID+"/messages", testToken, "application/json", body)
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	return status, a
}

// obj is a JSON object under construction.
type obj = map[string]any

func message(to, typ string, content any) obj {
	return obj{"messaging_product": "whatsapp", "recipient_type": "individual", "to": to, "type": typ, typ: content}
}

func textMsg(to, body string) obj { return message(to, "text", obj{"body": body}) }

// buttonsMsg has a reply button per title, with ids b0, b1, …
func buttonsMsg(to, body string, titles ...string) obj {
	var buttons []obj
	for i, title := range titles {
		buttons = append(buttons, obj{"type": "reply", "reply": obj{"id": fmt.Sprintf("b%d", i), "title": title}})
	}
	return message(to, "interactive", obj{"type": "button", "body": obj{"text": body}, "action": obj{"buttons": buttons}})
}

// listMsg has one section with a row per title, with ids r0, r1, …
func listMsg(to, label string, titles ...string) obj {
	var rows []obj
	for i, title := range titles {
		rows = append(rows, obj{"id": fmt.Sprintf("r%d", i), "title": title, "description": "row " + title})
	}
	return message(to, "interactive", obj{"type": "list", "body": obj{"text": "Choose"},
		"action": obj{"button": label, "sections": []obj{{"title": "Options", "rows": rows}}}})
}

func templateMsg(to, name, lang string, params ...string) obj {
	var ps []obj
	for _, p := range params {
		ps = append(ps, obj{"type": "text", "text": p})
	}
	return message(to, "template", obj{"name": name, "language": obj{"code": lang},
		"components": []obj{{"type": "body", "parameters": ps}}})
}

// titles returns n titles "Option 1", "Option 2", …
func titles(n int) []string {
	var out []string
	for i := range n {
		out = append(out, fmt.Sprintf("Option %d", i+1))
	}
	return out
}
