package whatsapptest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/beatbot-kz/beatbot/bot/whatsapp/whatsapptest"
)

// A bot behind a webhook answers a resident with reply buttons; the test
// plays Meta and the resident, and reads what the bot sent.
func Example() {
	api := whatsapptest.New("TOKEN", "106540352242922")
	defer api.Close()

	// The bot: answers every text with two buttons through the Graph API.
	bot := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var p struct {
			Entry []struct {
				Changes []struct {
					Value struct {
						Messages []struct{ From, Type string }
					}
				}
			}
		}
		if err := json.NewDecoder(r.Body).Decode(&p); err != nil || len(p.Entry) == 0 || len(p.Entry[0].Changes) == 0 {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		for _, m := range p.Entry[0].Changes[0].Value.Messages {
			if m.Type != "text" {
				continue
			}
			body, _ := json.Marshal(map[string]any{
				"messaging_product": "whatsapp", "to": m.From, "type": "interactive",
				"interactive": map[string]any{"type": "button", "body": map[string]string{"text": "How can I help?"},
					"action": map[string]any{"buttons": []map[string]any{
						{"type": "reply", "reply": map[string]string{"id": "report", "title": "Report a problem"}},
						{"type": "reply", "reply": map[string]string{"id": "ask", "title": "Ask a question"}},
					}}},
			})
			req, _ := http.NewRequestWithContext(r.Context(), http.MethodPost, api.URL()+"/106540352242922/messages", bytes.NewReader(body))
			req.Header.Set("Authorization", "Bearer TOKEN")
			req.Header.Set("Content-Type", "application/json")
			if resp, err := http.DefaultClient.Do(req); err == nil {
				resp.Body.Close()
			}
		}
	}))
	defer bot.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	meta := &whatsapptest.Webhook{URL: bot.URL, AppSecret: "secret", PhoneNumberID: "106540352242922"}
	if _, err := meta.Text(ctx, "77011234567", "Aigerim", "Salem!"); err != nil {
		fmt.Println(err)
		return
	}
	sent, err := api.WaitSent(ctx, "77011234567", 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sent[0].Text, sent[0].Buttons)
	_, err = meta.Press(ctx, "77011234567", "Aigerim", sent[0], "Report a problem")
	fmt.Println(err)
	// Output:
	// How can I help? [{report Report a problem} {ask Ask a question}]
	// <nil>
}
