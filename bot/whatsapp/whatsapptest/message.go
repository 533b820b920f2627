package whatsapptest

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// outMessage is the body of POST /messages, as far as the fake reads it.
type outMessage struct {
	MessagingProduct string `json:"messaging_product"`
	RecipientType    string `json:"recipient_type"`
	To               string `json:"to"`
	Type             string `json:"type"`
	// Status and MessageID make a read receipt.
	Status    string `json:"status"`
	MessageID string `json:"message_id"`
	Context   *struct {
		MessageID string `json:"message_id"`
	} `json:"context"`
	Text *struct {
		Body string `json:"body"`
	} `json:"text"`
	Interactive *outInteractive `json:"interactive"`
	Location    *struct {
		Latitude  *float64 `json:"latitude"`
		Longitude *float64 `json:"longitude"`
		Name      string   `json:"name"`
		Address   string   `json:"address"`
	} `json:"location"`
	Image *struct {
		ID      string `json:"id"`
		Link    string `json:"link"`
		Caption string `json:"caption"`
	} `json:"image"`
	Template *outTemplate `json:"template"`
}

type outTemplate struct {
	Name     string `json:"name"`
	Language *struct {
		Code string `json:"code"`
	} `json:"language"`
	Components []struct {
		Type       string `json:"type"`
		Parameters []struct {
			Type string  `json:"type"`
			Text *string `json:"text"`
		} `json:"parameters"`
	} `json:"components"`
}

// sendAnswer is Meta's answer to an accepted message.
type sendAnswer struct {
	MessagingProduct string          `json:"messaging_product"`
	Contacts         []answerContact `json:"contacts"`
	Messages         []answerMessage `json:"messages"`
}

type answerContact struct {
	Input string `json:"input"`
	WaID  string `json:"wa_id"`
}

type answerMessage struct {
	ID string `json:"id"`
	// Status is "accepted" for templates, as Meta reports it.
	Status string `json:"message_status,omitempty"`
}

// messages serves POST /{phone-number-id}/messages.
func (s *Server) messages(w http.ResponseWriter, r *http.Request, body []byte) int {
	var m outMessage
	decodeErr := json.Unmarshal(body, &m)
	if f, ok := s.takeFault(false, m.To); ok {
		status, done := s.applyFault(r.Context(), w, f, func() {
			if decodeErr == nil {
				_, _ = s.accept(&m, body)
			}
		})
		if done {
			return status
		}
	}
	if decodeErr != nil {
		return writeGraphError(w, decodeError(decodeErr))
	}
	if m.Status != "" || m.MessageID != "" {
		return s.readReceipt(w, &m)
	}
	sent, gerr := s.accept(&m, body)
	if gerr != nil {
		return writeGraphError(w, gerr)
	}
	answer := sendAnswer{
		MessagingProduct: "whatsapp",
		Contacts:         []answerContact{{Input: m.To, WaID: m.To}},
		Messages:         []answerMessage{{ID: sent.ID}},
	}
	if sent.Template != nil {
		answer.Messages[0].Status = "accepted"
	}
	return writeJSON(w, http.StatusOK, answer)
}

// accept validates a message and records it as sent.
func (s *Server) accept(m *outMessage, body []byte) (Sent, *graphError) {
	sent, gerr := parseMessage(m)
	if gerr != nil {
		return Sent{}, gerr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if sent.Template == nil && s.outside[sent.To] {
		return Sent{}, invalid(CodeReEngagement, "%s", defaultDetails[CodeReEngagement])
	}
	if sent.Template != nil {
		if gerr := s.checkTemplateLocked(sent.Template); gerr != nil {
			return Sent{}, gerr
		}
	}
	if sent.Image != nil && sent.Image.ID != "" {
		if md, ok := s.media[sent.Image.ID]; ok {
			sent.Image.Data = md.Data
		}
	}
	s.nextID++
	raw := fmt.Sprintf("%s\x15\x02\x00\x11\x18\x12%016X", sent.To, s.nextID)
	sent.ID = "wamid.HBgL" + base64.StdEncoding.EncodeToString([]byte(raw))
	sent.Raw = json.RawMessage(body)
	sent.At = s.now()
	s.sent = append(s.sent, sent)
	s.notifyLocked()
	return sent, nil
}

// readReceipt accepts a {"status":"read","message_id":…} call.
func (s *Server) readReceipt(w http.ResponseWriter, m *outMessage) int {
	switch {
	case m.MessagingProduct != "whatsapp":
		return writeGraphError(w, invalid(CodeInvalidParameter, "Param messaging_product must be \"whatsapp\", got %q", m.MessagingProduct))
	case m.Status != "read":
		return writeGraphError(w, invalid(CodeInvalidParameter, "Param status must be \"read\", got %q", m.Status))
	case !strings.HasPrefix(m.MessageID, "wamid."):
		return writeGraphError(w, invalid(CodeInvalidParameter, "Param message_id must be a wamid, got %q", m.MessageID))
	}
	return writeJSON(w, http.StatusOK, map[string]bool{"success": true})
}

// decodeError describes a body that is not the JSON Meta expects.
func decodeError(err error) *graphError {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return invalid(CodeInvalidParameter, "Param %s must be of type %s, got a JSON %s", typeErr.Field, typeErr.Type, typeErr.Value)
	}
	return invalid(CodeInvalidParameter, "Request body is not valid JSON: %s", err.Error())
}
