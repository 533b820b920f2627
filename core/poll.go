package core

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Poll is a safety poll (a "safety checklist"): a short questionnaire
// residents of some districts answer in the messenger between two dates.
// Polls are defined in YAML and imported into storage; a new run of the same
// questionnaire is a new poll with the same Series, so that results can be
// compared with the previous run.
type Poll struct {
	// ID is unique among polls, at most 32 bytes: it travels in buttons.
	ID string `json:"id"`
	// Series names the questionnaire the poll is a run of; runs of one
	// series are compared with each other. Empty means the poll stands
	// alone.
	Series string `json:"series,omitempty"`
	Title  Text   `json:"title"`
	// Intro is shown before the first question; Invitation is the text of
	// a chief's invitation to take the poll.
	Intro      Text `json:"intro,omitempty"`
	Invitation Text `json:"invitation,omitempty"`
	// Opens and Closes bound when answers are accepted: from Opens
	// inclusive until Closes exclusive.
	Opens  time.Time `json:"opens"`
	Closes time.Time `json:"closes"`
	// Districts are the districts whose residents may answer; empty means
	// the whole city.
	Districts []string   `json:"districts,omitempty"`
	Questions []Question `json:"questions"`
	// Imported is when the definition was last stored.
	Imported time.Time `json:"imported,omitzero"`
}

// QuestionKind is the kind of answer a question takes.
type QuestionKind string

// Question kinds.
const (
	// SingleChoice takes exactly one of the options.
	SingleChoice QuestionKind = "single"
	// MultiChoice takes one or more of the options.
	MultiChoice QuestionKind = "multi"
	// Scale takes a whole number from 1 to ScaleMax.
	Scale QuestionKind = "scale"
	// YesNo takes yes or no; its options are YesNoOptions.
	YesNo QuestionKind = "yesno"
	// FreeText takes a typed answer.
	FreeText QuestionKind = "text"
)

// ScaleMax is the top of a scale question; scales run from 1.
const ScaleMax = 5

// MaxOptions is the most options a choice question may have: the chosen
// options of an answer are a bit set.
const MaxOptions = 10

// MaxQuestions is the most questions a poll may have.
const MaxQuestions = 40

// MaxFreeText is the longest free-text answer, in characters.
const MaxFreeText = 1000

// EndOfPoll is the target of a skip that ends the poll.
const EndOfPoll = "end"

// Question is one question of a poll.
type Question struct {
	// ID is unique within the poll; skips and exports name it.
	ID   string       `json:"id"`
	Kind QuestionKind `json:"kind"`
	Text Text         `json:"text"`
	// Options are the choices of a single- or multiple-choice question;
	// a yes/no question has the two of YesNoOptions.
	Options []Option `json:"options,omitempty"`
	// Low and High label the ends of a scale ("very unsafe", "very
	// safe").
	Low  Text `json:"low,omitempty"`
	High Text `json:"high,omitempty"`
	// Optional questions may be skipped.
	Optional bool `json:"optional,omitempty"`
	// Skips jump ahead after some answers: an option id (or a scale value
	// "1" to "5") to the id of a later question, or EndOfPoll. Without a
	// matching skip the next question follows.
	Skips map[string]string `json:"skips,omitempty"`
}

// Option is one choice of a question.
type Option struct {
	ID   string `json:"id"`
	Text Text   `json:"text"`
	// Short is a label of at most 20 characters for messengers with short
	// buttons; empty means Text is short enough.
	Short Text `json:"short,omitempty"`
}

// Choices reports whether the question is answered by choosing options.
func (q *Question) Choices() bool {
	return q.Kind == SingleChoice || q.Kind == MultiChoice || q.Kind == YesNo
}

// Open reports whether the poll takes answers at t.
func (p *Poll) Open(t time.Time) bool {
	return !t.Before(p.Opens) && t.Before(p.Closes)
}

// Targets reports whether residents of district may answer the poll.
func (p *Poll) Targets(district string) bool {
	if len(p.Districts) == 0 {
		return district != ""
	}
	for _, d := range p.Districts {
		if d == district {
			return true
		}
	}
	return false
}

// Question returns the index of the question with id, or -1.
func (p *Poll) Question(id string) int {
	for i := range p.Questions {
		if p.Questions[i].ID == id {
			return i
		}
	}
	return -1
}

// Next returns the index of the question that follows question i given
// its answer, or len(p.Questions) when the poll ends there.
func (p *Poll) Next(i int, a Answer) int {
	q := &p.Questions[i]
	if len(q.Skips) > 0 && !a.Skipped {
		for key, to := range q.Skips {
			if a.Matches(q, key) {
				if to == EndOfPoll {
					return len(p.Questions)
				}
				if j := p.Question(to); j > i {
					return j
				}
			}
		}
	}
	return i + 1
}

// Path returns the questions a resident with these answers is asked, in
// order, up to and including the first one not answered yet (if any).
func (p *Poll) Path(answers []Answer) []int {
	var path []int
	for i := 0; i < len(p.Questions); {
		path = append(path, i)
		a, ok := FindAnswer(answers, i)
		if !ok {
			break
		}
		i = p.Next(i, a)
	}
	return path
}

// Answer is the answer to one question.
type Answer struct {
	// Q is the question's index in the poll.
	Q int `json:"q"`
	// Options is the set of chosen options, bit i for option i; for a
	// yes/no question bit 0 is yes and bit 1 is no.
	Options uint16 `json:"options,omitempty"`
	// Value is a scale's answer, 1 to ScaleMax.
	Value int `json:"value,omitempty"`
	// Text is a free-text answer.
	Text string `json:"text,omitempty"`
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
	Key      string `json:"key"`
	District string `json:"district"`
	// Answers are ordered by question.
	Answers []Answer `json:"answers"`
	// Done is set once the resident reached the end of the poll.
	Done    bool      `json:"done,omitempty"`
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

// Prune drops answers to questions off the resident's path, left behind
// when a changed answer skips over them, so results count only what the
// poll asked.
func (s *AnswerSet) Prune(p *Poll) {
	path := p.Path(s.Answers)
	kept := s.Answers[:0]
	for _, a := range s.Answers {
		for _, q := range path {
			if a.Q == q {
				kept = append(kept, a)
				break
			}
		}
	}
	s.Answers = kept
}

// Pseudonym is the key a resident's answers to a poll are stored under: an
// HMAC-SHA256 of the poll and the chat with a server secret, so that the
// same resident always finds their own answers, while nobody holding only
// the database can tell whose they are, or link one resident's answers
// across polls.
func Pseudonym(secret []byte, poll string, chat ChatRef) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(poll))
	m.Write([]byte{0})
	m.Write([]byte(chat.String()))
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// PollProgress is where a resident stands in the poll they are answering.
// The answers themselves are stored in the answer set, so a resident who
// stops finds them again when they come back.
type PollProgress struct {
	Poll string `json:"poll"`
	// Q is the question being asked.
	Q int `json:"q"`
	// Picked are the options ticked so far in a multiple-choice question.
	Picked uint16 `json:"picked,omitempty"`
	// Review is set when the resident goes through a finished poll again
	// to change answers.
	Review bool `json:"review,omitempty"`
}
