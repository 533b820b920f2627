package emulator

import (
	"encoding/json"
	"testing"

	"github.com/go-telegram/bot/models"
)

// updateKind reads the kind from where models.Update puts it, and falls
// back to decoding for any other shape.
func TestUpdateKind(t *testing.T) {
	encode := func(u models.Update) string {
		raw, err := json.Marshal(&u)
		if err != nil {
			t.Fatal(err)
		}
		return string(raw)
	}
	tests := []struct {
		raw, want string
	}{
		{encode(models.Update{ID: 7, Message: &models.Message{ID: 1, Text: `a "quoted", text`}}), "message"},
		{encode(models.Update{ID: 8, CallbackQuery: &models.CallbackQuery{ID: "q", Data: "x"}}), "callback_query"},
		{encode(models.Update{ID: 9, EditedMessage: &models.Message{ID: 2}}), "edited_message"},
		{`{"message":{"message_id":1},"update_id":3}`, "message"},
		{`{"update_id":3}`, ""},
	}
	for _, tt := range tests {
		if got := updateKind([]byte(tt.raw)); got != tt.want {
			t.Errorf("updateKind(%s) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}
