package core

import "time"

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

// Walk follows the poll as these answers direct it: an answered question
// leads where its answer skips to, an unanswered one to the next. It
// returns the questions on the way, in order, and the first of them not
// answered yet, or len(p.Questions) when every one is.
func (p *Poll) Walk(answers []Answer) (asked []int, next int) {
	next = len(p.Questions)
	for i := 0; i < len(p.Questions); {
		asked = append(asked, i)
		a, ok := FindAnswer(answers, i)
		if !ok {
			next = min(next, i)
			i++
			continue
		}
		i = p.Next(i, a)
	}
	return asked, next
}
