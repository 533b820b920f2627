package whatsapptest

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync/atomic"
)

// ErrClosed is returned by WaitSent when the server was closed before
// enough messages were sent.
var ErrClosed = errors.New("whatsapptest: server closed")

// ErrNoButton is returned by Press when the message has no reply button
// or list row with the title.
var ErrNoButton = errors.New("whatsapptest: no button with that title")

// ErrUnknownMessage is returned by Replay for a wamid the webhook never
// posted.
var ErrUnknownMessage = errors.New("whatsapptest: unknown message")

// StatusError is returned by the Webhook methods when the bot answered
// with a status other than 200; Meta would deliver the payload again.
type StatusError struct {
	// StatusCode is the HTTP status the bot answered.
	StatusCode int
	// Body is the start of the bot's answer.
	Body string
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("whatsapptest: webhook answered %d %s", e.StatusCode, http.StatusText(e.StatusCode))
}

// Graph error codes the fake answers with, as documented by Meta.
const (
	CodeUnknown           = 1      // An unknown error occurred
	CodeUnavailable       = 2      // Service temporarily unavailable
	CodeInvalidParameter  = 100    // Invalid parameter
	CodeAccessToken       = 190    // Invalid OAuth access token
	CodeThroughput        = 130429 // Rate limit hit
	CodeGeneric           = 131000 // Something went wrong
	CodeInvalidValue      = 131009 // Parameter value is not valid
	CodeUndeliverable     = 131026 // Message undeliverable
	CodeReEngagement      = 131047 // Re-engagement message
	CodeUnsupportedType   = 131051 // Unsupported message type
	CodeMediaUpload       = 131053 // Media upload error
	CodePairRateLimit     = 131056 // pair rate limit hit
	CodeTemplateParams    = 132000 // Number of parameters does not match
	CodeTemplateNotExists = 132001 // Template name does not exist
)

// titles are Meta's titles of the codes, used in messages and statuses.
var titles = map[int]string{
	CodeUnknown:           "An unknown error occurred",
	CodeUnavailable:       "Service temporarily unavailable",
	CodeInvalidParameter:  "Invalid parameter",
	CodeAccessToken:       "Invalid OAuth access token.",
	CodeThroughput:        "Rate limit hit",
	CodeGeneric:           "Something went wrong",
	CodeInvalidValue:      "Parameter value is not valid",
	CodeUndeliverable:     "Message undeliverable",
	CodeReEngagement:      "Re-engagement message",
	CodeUnsupportedType:   "Unsupported message type",
	CodeMediaUpload:       "Media upload error",
	CodePairRateLimit:     "(Business Account, Consumer Account) pair rate limit hit",
	CodeTemplateParams:    "Number of parameters does not match the expected number of params",
	CodeTemplateNotExists: "Template name does not exist in the translation",
}

// defaultDetails explain the codes that are mostly injected as faults.
var defaultDetails = map[int]string{
	CodeThroughput:    "Message failed to send because there were too many messages sent from this phone number in a short period of time.",
	CodePairRateLimit: "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.",
	CodeReEngagement:  "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
	CodeUndeliverable: "Message undeliverable.",
	CodeGeneric:       "Message failed to send due to an unknown error.",
}

// Title returns Meta's title for a Graph error code, or "" for a code the
// fake does not know.
func Title(code int) string { return titles[code] }

// graphError is a Graph API error answer; status is the HTTP status.
type graphError struct {
	status  int
	Message string     `json:"message"`
	Type    string     `json:"type"`
	Code    int        `json:"code"`
	Subcode int        `json:"error_subcode,omitempty"`
	Data    *errorData `json:"error_data,omitempty"`
	TraceID string     `json:"fbtrace_id"`
}

type errorData struct {
	MessagingProduct string `json:"messaging_product"`
	Details          string `json:"details"`
}

// invalid builds a 400 answer about a WhatsApp message, with details that
// say what exactly was wrong.
func invalid(code int, format string, args ...any) *graphError {
	return &graphError{
		status:  http.StatusBadRequest,
		Message: fmt.Sprintf("(#%d) %s", code, titles[code]),
		Type:    "OAuthException",
		Code:    code,
		Data:    &errorData{MessagingProduct: "whatsapp", Details: fmt.Sprintf(format, args...)},
	}
}

// errToken is Meta's answer to a missing or wrong access token.
func errToken() *graphError {
	return &graphError{status: http.StatusUnauthorized, Message: titles[CodeAccessToken],
		Type: "OAuthException", Code: CodeAccessToken}
}

// errNoObject is Meta's answer for a path naming an unknown object, such
// as a wrong phone number id.
func errNoObject(method, id string) *graphError {
	return &graphError{
		status: http.StatusBadRequest,
		Message: fmt.Sprintf("Unsupported %s request. Object with ID '%s' does not exist, cannot be loaded due to "+
			"missing permissions, or does not support this operation. Please read the Graph API documentation at "+
			"https://developers.facebook.com/docs/graph-api", method, id),
		Type: "GraphMethodException", Code: CodeInvalidParameter, Subcode: 33,
	}
}

var traceCounter atomic.Int64

func writeGraphError(w http.ResponseWriter, e *graphError) int {
	e.TraceID = fmt.Sprintf("AzX%09dQpL", traceCounter.Add(1))
	return writeJSON(w, e.status, map[string]*graphError{"error": e})
}

func writeJSON(w http.ResponseWriter, status int, v any) int {
	body, err := json.Marshal(v)
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`{"error":{"message":"An unknown error occurred","code":1}}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
	return status
}
