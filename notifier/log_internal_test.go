package notifier

import (
	"bytes"
	"strings"
	"testing"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/rs/zerolog"
)

// A delivery's log lines say which ticket or batch it is about, and never
// the recipient's chat, which bulk keys end with.
func TestWithSubject(t *testing.T) {
	chat := core.ChatRef{Channel: core.WhatsApp, ID: "77011234567"}
	tests := []struct {
		item core.OutboxItem
		want []string
	}{
		{core.OutboxItem{Key: "ticket:42:3:accepted:reporter", Chat: chat}, []string{`"ticket":"42"`}},
		{core.OutboxItem{Key: "notice:7:" + chat.String(), Batch: "notice:7", Chat: chat}, []string{`"batch":"notice:7"`}},
		{core.OutboxItem{Key: "poll:safety:" + chat.String(), Batch: "poll:safety:3", Chat: chat}, []string{`"batch":"poll:safety:3"`}},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		log := withSubject(zerolog.New(&out), tt.item)
		log.Info().Msg("delivery failed; will retry")
		for _, w := range tt.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s: log %q lacks %s", tt.item.Key, out.String(), w)
			}
		}
		if strings.Contains(out.String(), chat.ID) {
			t.Errorf("%s: log %q names the recipient", tt.item.Key, out.String())
		}
	}
}
