package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// Answer sets are stored in a compact binary form rather than JSON: a
// poll's results are computed by reading every set, and a city-wide poll
// has a million of them. Decoding this form costs a fraction of decoding
// JSON and allocates nothing but the district and free texts.
//
//	version byte (1)
//	flags   byte (bit 0: done)
//	uvarint len(district), district
//	varint  started, updated (unix seconds, whole days)
//	uvarint number of answers, then each:
//	  uvarint question, byte flags (bit 0: skipped, bit 1: written),
//	  uvarint options, uvarint value
//
// Free texts are not in the set: they are kept apart (bucketPollTexts).
const answersVersion = 1

var errAnswersCorrupt = errors.New("corrupt answer set")

func encodeAnswers(s *core.AnswerSet) []byte {
	b := make([]byte, 0, 32+len(s.District)+8*len(s.Answers))
	var flags byte
	if s.Done {
		flags = 1
	}
	b = append(b, answersVersion, flags)
	b = binary.AppendUvarint(b, uint64(len(s.District)))
	b = append(b, s.District...)
	b = binary.AppendVarint(b, day(s.Started))
	b = binary.AppendVarint(b, day(s.Updated))
	b = binary.AppendUvarint(b, uint64(len(s.Answers)))
	for _, a := range s.Answers {
		b = binary.AppendUvarint(b, uint64(a.Q))
		var f byte
		if a.Skipped {
			f |= 1
		}
		if a.Written || a.Text != "" {
			f |= 2
		}
		b = append(b, f)
		b = binary.AppendUvarint(b, uint64(a.Options))
		b = binary.AppendUvarint(b, uint64(a.Value))
	}
	return b
}

// day is t in unix seconds, cut to the start of its UTC day: an exact time
// could be matched with when a chat was last active.
func day(t time.Time) int64 {
	s := t.Unix()
	return s - s%86400
}

// answerReader reads the fields of an encoded answer set; the first
// malformed field sets err and stops the rest.
type answerReader struct {
	data []byte
	err  error
}

func (r *answerReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.data)
	if n <= 0 {
		r.err = errAnswersCorrupt
		r.data = nil
		return 0
	}
	r.data = r.data[n:]
	return v
}

func (r *answerReader) varint() int64 {
	v, n := binary.Varint(r.data)
	if n <= 0 {
		r.err = errAnswersCorrupt
		r.data = nil
		return 0
	}
	r.data = r.data[n:]
	return v
}

func (r *answerReader) bytes(n uint64) []byte {
	if uint64(len(r.data)) < n {
		r.err = errAnswersCorrupt
		r.data = nil
		return nil
	}
	b := r.data[:n]
	r.data = r.data[n:]
	return b
}

func (r *answerReader) byte() byte {
	b := r.bytes(1)
	if b == nil {
		return 0
	}
	return b[0]
}

// decodeAnswers fills s from data, reusing s.Answers' storage. s.Poll and
// s.Key are left to the caller, who has them from the record's key.
// districts, if not nil, interns district names: a poll's million sets
// name a few thousand districts.
func decodeAnswers(data []byte, s *core.AnswerSet, districts map[string]string) error {
	r := answerReader{data: data}
	if v := r.byte(); v != answersVersion {
		return fmt.Errorf("%w: version %d", errAnswersCorrupt, v)
	}
	s.Done = r.byte()&1 != 0
	switch d := r.bytes(r.uvarint()); {
	case string(d) == s.District:
	case districts == nil:
		s.District = string(d)
	default:
		name, ok := districts[string(d)]
		if !ok {
			name = string(d)
			districts[name] = name
		}
		s.District = name
	}
	s.Started = time.Unix(r.varint(), 0).UTC()
	s.Updated = time.Unix(r.varint(), 0).UTC()
	n := r.uvarint()
	if n > uint64(core.MaxQuestions)*4 {
		return fmt.Errorf("%w: %d answers", errAnswersCorrupt, n)
	}
	s.Answers = s.Answers[:0]
	for i := uint64(0); i < n && r.err == nil; i++ {
		a := core.Answer{Q: int(r.uvarint())}
		f := r.byte()
		a.Skipped = f&1 != 0
		a.Written = f&2 != 0
		a.Options = uint16(r.uvarint())
		a.Value = int(r.uvarint())
		s.Answers = append(s.Answers, a)
	}
	return r.err
}
