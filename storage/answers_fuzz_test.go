package storage

import (
	"reflect"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// FuzzDecodeAnswers feeds the answer-set decoder arbitrary bytes: a
// damaged record must be reported, never crash the bot or a results run.
// Whatever decodes must, once encoded (which cuts times to the day),
// encode and decode again unchanged.
func FuzzDecodeAnswers(f *testing.F) {
	at := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	for _, s := range []core.AnswerSet{
		{District: "krg-d02", Started: at, Updated: at},
		{District: "d", Done: true, Started: at, Updated: at.Add(time.Hour), Answers: []core.Answer{
			{Q: 0, Value: 5}, {Q: 1, Options: 0x3ff}, {Q: 2, Skipped: true}, {Q: 39, Written: true},
		}},
	} {
		f.Add(encodeAnswers(&s))
	}
	f.Add([]byte{answersVersion, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, data []byte) {
		var s core.AnswerSet
		if err := decodeAnswers(data, &s, nil); err != nil {
			return
		}
		var once, twice core.AnswerSet
		if err := decodeAnswers(encodeAnswers(&s), &once, map[string]string{}); err != nil {
			t.Fatalf("re-encoded set does not decode: %v", err)
		}
		if err := decodeAnswers(encodeAnswers(&once), &twice, nil); err != nil {
			t.Fatalf("re-encoded set does not decode: %v", err)
		}
		if !reflect.DeepEqual(once, twice) {
			t.Fatalf("round trip changed the set:\n%+v\n%+v", once, twice)
		}
	})
}
