package whatsapp_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
)

func TestWebhookRefusals(t *testing.T) {
	text := hookSample(t, "text.json")
	huge := append([]byte(`{"object":"whatsapp_business_account","entry":[],"pad":"`), bytes.Repeat([]byte("a"), 1<<20)...)
	huge = append(huge, `"}`...)
	tests := []struct {
		name   string
		body   io.Reader
		sig    string
		status int
	}{
		{"no signature", bytes.NewReader(text), "", http.StatusUnauthorized},
		{"wrong secret", bytes.NewReader(text), signHook(text, "another-secret"), http.StatusUnauthorized},
		{"signature of another body", bytes.NewReader(text), signHook(hookSample(t, "command.json"), hookSecret), http.StatusUnauthorized},
		{"bare hex", bytes.NewReader(text), strings.TrimPrefix(signHook(text, hookSecret), "sha256="), http.StatusUnauthorized},
		{"sha1 prefix", bytes.NewReader(text), "sha1=" + strings.TrimPrefix(signHook(text, hookSecret), "sha256="), http.StatusUnauthorized},
		{"truncated signature", bytes.NewReader(text), signHook(text, hookSecret)[:40], http.StatusUnauthorized},
		{"over 1 MiB", bytes.NewReader(huge), signHook(huge, hookSecret), http.StatusRequestEntityTooLarge},
		// Without a length the body is cut off while read.
		{"over 1 MiB chunked", io.MultiReader(bytes.NewReader(huge)), signHook(huge, hookSecret), http.StatusRequestEntityTooLarge},
		{"malformed JSON", strings.NewReader(`{"object":"whatsapp_business_account","entry":[`), signHook([]byte(`{"object":"whatsapp_business_account","entry":[`), hookSecret), http.StatusBadRequest},
		{"not an object", strings.NewReader(`[1,2]`), signHook([]byte(`[1,2]`), hookSecret), http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inbox := &hookInbox{}
			srv := newHookServer(t, inbox, nil)
			if got := postHook(t, srv, tt.body, tt.sig); got != tt.status {
				t.Errorf("status: got %d, want %d", got, tt.status)
			}
			if got := inbox.messages(); len(got) != 0 {
				t.Errorf("accepted %d messages, want none", len(got))
			}
		})
	}
	t.Run("method", func(t *testing.T) {
		srv := newHookServer(t, &hookInbox{}, nil)
		req, _ := http.NewRequest(http.MethodPut, srv.URL, bytes.NewReader(text))
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("status: got %d, want %d", resp.StatusCode, http.StatusMethodNotAllowed)
		}
	})
}

func TestWebhookAcceptFails(t *testing.T) {
	body := hookSample(t, "two_messages.json")
	inbox := &hookInbox{}
	var mu sync.Mutex
	failing := true
	inbox.fail = func(in core.Inbound) error {
		mu.Lock()
		defer mu.Unlock()
		if failing && in.From == "77770000001" { // the second message
			return errors.New("disk full")
		}
		return nil
	}
	srv := newHookServer(t, inbox, nil)
	if got := postSigned(t, srv, body); got != http.StatusInternalServerError {
		t.Fatalf("status: got %d, want %d", got, http.StatusInternalServerError)
	}
	mu.Lock()
	failing = false
	mu.Unlock()
	// Meta redelivers; storage would drop the first message by its key.
	if got := postSigned(t, srv, body); got != http.StatusOK {
		t.Fatalf("redelivery status: got %d, want %d", got, http.StatusOK)
	}
	var keys []string
	for _, in := range inbox.messages() {
		keys = append(keys, in.Key)
	}
	// Keyed by the wamid's digest: the same for a redelivery, and free of
	// the sender's number, which the wamid encodes.
	want := []string{
		"whatsapp:" + core.Digest("wamid.HBgLNzcwNzEyMzQ1NjcVAgASGBQzQTRBNjU5OUFFRTAzMTE="),
		"whatsapp:" + core.Digest("wamid.HBgLNzcwNzEyMzQ1NjcVAgASGBQzQTRBNjU5OUFFRTAzMTE="),
		"whatsapp:" + core.Digest("wamid.HBgLNzcwNzEyMzQ1NjcVAgASGBQzQTRBNjU5OUFFRTAzMTI="),
	}
	if strings.Join(keys, " ") != strings.Join(want, " ") {
		t.Errorf("keys: got %v, want %v", keys, want)
	}
	for _, k := range keys {
		if strings.Contains(k, "wamid") || strings.Contains(k, "77071234567") {
			t.Errorf("key %q gives the wamid away", k)
		}
	}
}

func TestWebhookReplay(t *testing.T) {
	inbox := &hookInbox{}
	srv := newHookServer(t, inbox, nil)
	body := hookSample(t, "button_reply.json")
	for i := range 2 {
		if got := postSigned(t, srv, body); got != http.StatusOK {
			t.Fatalf("delivery %d: got %d, want %d", i+1, got, http.StatusOK)
		}
	}
	got := inbox.messages()
	if len(got) != 2 || got[0].Key != got[1].Key || got[0].Key == "" {
		t.Fatalf("got %+v, want the same message twice under one key", got)
	}
	if got[0].Received != got[1].Received {
		t.Errorf("received: got %v and %v, want the message's own time both times", got[0].Received, got[1].Received)
	}
}

func TestWebhookDuplicateIsStored(t *testing.T) {
	// An Acceptor that reports a duplicate has the message already.
	inbox := &hookInbox{fail: func(core.Inbound) error { return core.ErrDuplicate }}
	srv := newHookServer(t, inbox, nil)
	if got := postSigned(t, srv, hookSample(t, "text.json")); got != http.StatusOK {
		t.Errorf("status: got %d, want %d", got, http.StatusOK)
	}
}
