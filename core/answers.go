package core

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Answer is the answer to one question.
type Answer struct {
	// Q is the question's index in the poll.
	Q int `json:"q"`
	// Options is the set of chosen options, bit i for option i; for a
	// yes/no question bit 0 is yes and bit 1 is no.
	Options uint16 `json:"options,omitempty"`
	// Value is a scale's answer, 1 to ScaleMax.
	Value int `json:"value,omitempty"`
	// Text is a free-text answer as it is given. Storage keeps it apart
	// from the set (see PollText) and sets Written instead, so a text that
	// names a place or a person cannot be joined to the other answers.
	Text string `json:"text,omitempty"`
	// Written is set when a free-text answer was given.
	Written bool `json:"written,omitempty"`
	// Skipped is set when an optional question was passed over.
	Skipped bool `json:"skipped,omitempty"`
}

// Matches reports whether a is the answer a skip key names: an option id,
// or a scale value.
func (a Answer) Matches(q *Question, key string) bool {
	switch q.Kind {
	case Scale:
		return a.Value > 0 && key == itoa(uint64(a.Value))
	case SingleChoice, MultiChoice, YesNo:
		opts := q.Options
		for i := range opts {
			if opts[i].ID == key {
				return a.Options&(1<<i) != 0
			}
		}
	}
	return false
}

// YesNoOptions are the options of every yes/no question, in this order.
var YesNoOptions = []Option{
	{ID: "yes", Text: Text{Russian: "Да", Kazakh: "Иә", English: "Yes"}},
	{ID: "no", Text: Text{Russian: "Нет", Kazakh: "Жоқ", English: "No"}},
}

// FindAnswer returns the answer to question q, if any.
func FindAnswer(answers []Answer, q int) (Answer, bool) {
	for _, a := range answers {
		if a.Q == q {
			return a, true
		}
	}
	return Answer{}, false
}

// AnswerSet is one resident's answers to one poll. It carries no chat or
// name: Key is a pseudonym that cannot be turned back into the resident
// without the server's secret, and District is the only place kept.
type AnswerSet struct {
	Poll string `json:"poll"`
	// Key is the resident's pseudonym for this poll (see Pseudonym).
	Key string `json:"key"`
	// TextKey is the different pseudonym their free-text answers are kept
	// under (see TextPseudonym); it is never stored with the set.
	TextKey  string `json:"-"`
	District string `json:"district"`
	// Answers are ordered by question.
	Answers []Answer `json:"answers"`
	// Done is set while every question on the resident's way through the
	// poll is answered.
	Done bool `json:"done,omitempty"`
	// Started and Updated are kept to the day: exact times could be
	// matched with a chat's activity.
	Started time.Time `json:"started"`
	Updated time.Time `json:"updated"`
}

// Set records a, replacing any earlier answer to the same question and
// keeping the answers in question order.
func (s *AnswerSet) Set(a Answer) {
	for i := range s.Answers {
		switch {
		case s.Answers[i].Q == a.Q:
			s.Answers[i] = a
			return
		case s.Answers[i].Q > a.Q:
			s.Answers = append(s.Answers[:i], append([]Answer{a}, s.Answers[i:]...)...)
			return
		}
	}
	s.Answers = append(s.Answers, a)
}

// Settle drops answers to questions a changed answer now skips over, so
// results count only what the poll asked, and sets Done when every
// question on the way is answered.
func (s *AnswerSet) Settle(p *Poll) {
	asked, next := p.Walk(s.Answers)
	kept := s.Answers[:0]
	for _, a := range s.Answers {
		for _, q := range asked {
			if a.Q == q {
				kept = append(kept, a)
				break
			}
		}
	}
	s.Answers = kept
	s.Done = next == len(p.Questions)
}

// Pseudonym is the key a resident's answers to a poll are stored under: an
// HMAC-SHA256 of the poll and the chat with a server secret, so that the
// same resident always finds their own answers, while nobody holding only
// the database can tell whose they are, or link one resident's answers
// across polls.
func Pseudonym(secret []byte, poll string, chat ChatRef) string {
	return pseudonym(secret, "set", poll, chat)
}

// TextPseudonym is the key a resident's free-text answers to a poll are
// kept under: unlike Pseudonym's, so that a text cannot be matched to the
// answer set it came with, while the resident can still change it.
func TextPseudonym(secret []byte, poll string, chat ChatRef) string {
	return pseudonym(secret, "text", poll, chat)
}

func pseudonym(secret []byte, label, poll string, chat ChatRef) string {
	m := hmac.New(sha256.New, secret)
	for _, part := range []string{label, poll, chat.String()} {
		m.Write([]byte(part))
		m.Write([]byte{0})
	}
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// PollText is one free-text answer as stored: the question, the district
// and the text, nothing else.
type PollText struct {
	Poll     string `json:"poll"`
	Q        int    `json:"q"`
	District string `json:"district"`
	Text     string `json:"text"`
}

// PollProgress is where a resident stands in the poll they are answering.
// The answers themselves are stored in the answer set, so a resident who
// stops finds them again when they come back.
type PollProgress struct {
	Poll string `json:"poll"`
	// Q is the question being asked.
	Q int `json:"q"`
	// Review is set when the resident goes through a finished poll again
	// to change answers.
	Review bool `json:"review,omitempty"`
}

// AnswerRef locates one resident's answers to a poll: the set under Key,
// the free texts under TextKey.
type AnswerRef struct {
	Poll    string
	Key     string
	TextKey string
}
