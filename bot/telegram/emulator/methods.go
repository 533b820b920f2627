package emulator

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/go-telegram/bot/models"
)

// method is one emulated Bot API method.
type method struct {
	name string
	fn   func(*Server, *request) (any, *apiError)
}

// methods are indexed by lower-case name: the real API ignores the case of
// method names.
var methods = indexMethods([]method{
	{"getMe", (*Server).getMe},
	{"getUpdates", (*Server).getUpdates},
	{"setWebhook", (*Server).setWebhook},
	{"deleteWebhook", (*Server).deleteWebhook},
	{"getWebhookInfo", (*Server).getWebhookInfo},
	{"sendMessage", (*Server).sendMessage},
	{"sendLocation", (*Server).sendLocation},
	{"sendVenue", (*Server).sendVenue},
	{"sendPhoto", (*Server).sendPhoto},
	{"sendChatAction", (*Server).sendChatAction},
	{"editMessageText", (*Server).editMessageText},
	{"editMessageReplyMarkup", (*Server).editMessageReplyMarkup},
	{"deleteMessage", (*Server).deleteMessage},
	{"answerCallbackQuery", (*Server).answerCallbackQuery},
	{"setMyCommands", (*Server).setMyCommands},
	{"getFile", (*Server).getFile},
})

func indexMethods(list []method) map[string]method {
	m := make(map[string]method, len(list))
	for _, x := range list {
		m[strings.ToLower(x.name)] = x
	}
	return m
}

func (s *Server) getMe(*request) (any, *apiError) {
	return s.me, nil
}

// chatActions are the actions sendChatAction accepts.
var chatActions = map[string]bool{
	"typing": true, "upload_photo": true, "record_video": true, "upload_video": true,
	"record_voice": true, "upload_voice": true, "upload_document": true, "choose_sticker": true,
	"find_location": true, "record_video_note": true, "upload_video_note": true,
}

func (s *Server) sendChatAction(req *request) (any, *apiError) {
	chatID, apiErr := req.params.chatID()
	if apiErr != nil {
		return nil, apiErr
	}
	if !chatActions[req.params["action"]] {
		return nil, badRequest("wrong parameter action in request")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, apiErr := s.targetLocked(chatID); apiErr != nil {
		return nil, apiErr
	}
	return true, nil
}

// commandName is what Telegram accepts as a command: 1–32 characters of
// lower-case letters, digits and underscores.
var commandName = regexp.MustCompile(`^[a-z0-9_]{1,32}$`)

// setMyCommands stores the command list per scope and language.
func (s *Server) setMyCommands(req *request) (any, *apiError) {
	p := req.params
	var cmds []models.BotCommand
	if err := json.Unmarshal([]byte(p["commands"]), &cmds); err != nil {
		return nil, badRequest("can't parse commands JSON object")
	}
	if len(cmds) > 100 {
		return nil, badRequest("too many commands")
	}
	for _, c := range cmds {
		if !commandName.MatchString(c.Command) {
			return nil, badRequest("BOT_COMMAND_INVALID")
		}
		if n := textLen(c.Description); n < 1 || n > 256 {
			return nil, badRequest("command description must be non-empty")
		}
	}
	key := commandsKey(p["scope"], p["language_code"])
	s.mu.Lock()
	defer s.mu.Unlock()
	s.commands[key] = cmds
	return true, nil
}

// commandsKey names a scope and language; an absent scope is the default
// one.
func commandsKey(scope, lang string) string {
	var sc struct {
		Type   string          `json:"type"`
		ChatID json.RawMessage `json:"chat_id"`
		UserID json.RawMessage `json:"user_id"`
	}
	if scope != "" {
		_ = json.Unmarshal([]byte(scope), &sc)
	}
	if sc.Type == "" {
		sc.Type = "default"
	}
	return sc.Type + "/" + string(sc.ChatID) + "/" + string(sc.UserID) + "/" + lang
}

// Commands returns the commands the bot last set for the default scope and
// a language ("" for all languages).
func (s *Server) Commands(languageCode string) []models.BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]models.BotCommand(nil), s.commands[commandsKey("", languageCode)]...)
}
