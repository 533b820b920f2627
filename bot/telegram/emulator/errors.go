package emulator

import (
	"errors"
	"fmt"
	"net/http"
)

// ErrClosed is returned by the waiting helpers when the server was closed
// before the awaited condition held.
var ErrClosed = errors.New("emulator: server closed")

// ErrNoWebhook is returned by DeliverWebhook when the bot has not set a
// webhook.
var ErrNoWebhook = errors.New("emulator: no webhook set")

// ErrWebhookRejected is returned by DeliverWebhook when the bot answered an
// update with a status other than 2xx; Telegram keeps such an update and
// tries again later, and so does the server.
var ErrWebhookRejected = errors.New("emulator: webhook rejected update")

// ErrUnknownUpdate is returned by Redeliver for an update_id the server never
// queued.
var ErrUnknownUpdate = errors.New("emulator: unknown update")

// apiError is an unsuccessful Bot API answer. Its Code is also the HTTP
// status, as with the real API.
type apiError struct {
	Code        int
	Description string
	RetryAfter  int
}

// badRequest builds a 400 answer; the real API prefixes every description
// with "Bad Request: ".
func badRequest(description string) *apiError {
	return &apiError{Code: http.StatusBadRequest, Description: "Bad Request: " + description}
}

// Descriptions the real API uses, kept in one place so tests can match them.
const (
	descUnauthorized    = "Unauthorized"
	descNotFound        = "Not Found"
	descChatIDEmpty     = "chat_id is empty"
	descChatNotFound    = "chat not found"
	descTextEmpty       = "message text is empty"
	descTextTooLong     = "message is too long"
	descCaptionTooLong  = "message caption is too long"
	descFileEmpty       = "file must be non-empty"
	descImageFailed     = "IMAGE_PROCESS_FAILED"
	descPhotoDimensions = "PHOTO_INVALID_DIMENSIONS"
	descButtonData      = "BUTTON_DATA_INVALID"
	descTextButtons     = "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
	descMarkupJSON      = "can't parse reply keyboard markup JSON object"
	descLocationPrivate = "location can be requested in a private chats only"
	descEditNotFound    = "message to edit not found"
	descDeleteNotFound  = "message to delete not found"
	descCantEdit        = "message can't be edited"
	descNoTextToEdit    = "there is no text in the message to edit"
	descNotModified     = "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"
	descQueryInvalid    = "query is too old and response timeout expired or query ID is invalid"
	descWebhookActive   = "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
	descOtherPoll       = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
	descBlocked         = "Forbidden: bot was blocked by the user"
)

// defaultDescription is what the real API says for a status when a Fault
// names none.
func defaultDescription(code, retryAfter int) string {
	switch code {
	case http.StatusBadRequest:
		return "Bad Request"
	case http.StatusUnauthorized:
		return descUnauthorized
	case http.StatusForbidden:
		return descBlocked
	case http.StatusNotFound:
		return descNotFound
	case http.StatusConflict:
		return descOtherPoll
	case http.StatusTooManyRequests:
		return fmt.Sprintf("Too Many Requests: retry after %d", retryAfter)
	case http.StatusBadGateway:
		return "Bad Gateway"
	}
	if t := http.StatusText(code); t != "" {
		return t
	}
	return "Internal Server Error"
}
