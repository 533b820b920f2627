package emulator

import (
	"net/http"
	"strings"

	"github.com/go-telegram/bot/models"
)

// Limits of the real API, in UTF-16 code units.
const (
	maxTextLen    = 4096
	maxCaptionLen = 1024
)

// targetLocked returns the chat a sending method writes to, or the error
// Telegram gives when the user blocked the bot.
func (s *Server) targetLocked(chatID int64) (*chatState, *apiError) {
	if s.chats.blocked[chatID] {
		return nil, &apiError{Code: http.StatusForbidden, Description: descBlocked}
	}
	return s.chatLocked(chatID, nil), nil
}

// sendLocked stores m as a new message from the bot in c and records sent.
func (s *Server) sendLocked(c *chatState, m models.Message, sent Sent) models.Message {
	me := s.me
	m.From = &me
	m.Date = int(s.now().Unix())
	m = c.addLocked(m)
	sent.ChatID, sent.MessageID, sent.At = c.chat.ID, m.ID, s.now()
	s.addSentLocked(sent)
	return m
}

// checkText applies sendMessage's and editMessageText's text limits.
func checkText(text string) *apiError {
	if strings.TrimSpace(text) == "" {
		return badRequest(descTextEmpty)
	}
	if textLen(text) > maxTextLen {
		return badRequest(descTextTooLong)
	}
	return nil
}

func (s *Server) sendMessage(req *request) (any, *apiError) {
	p := req.params
	chatID, apiErr := p.chatID()
	if apiErr != nil {
		return nil, apiErr
	}
	if apiErr := checkText(p["text"]); apiErr != nil {
		return nil, apiErr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, apiErr := s.targetLocked(chatID)
	if apiErr != nil {
		return nil, apiErr
	}
	markup, inline, apiErr := parseMarkup(p["reply_markup"], c.chat)
	if apiErr != nil {
		return nil, apiErr
	}
	return s.sendLocked(c, models.Message{Text: p["text"], ReplyMarkup: inline},
		Sent{Method: "sendMessage", Text: p["text"], ParseMode: p["parse_mode"], ReplyMarkup: markup}), nil
}

// location reads latitude and longitude, which both location methods need.
func (p params) location() (*models.Location, *apiError) {
	lat, okLat := p.float("latitude")
	lon, okLon := p.float("longitude")
	if !okLat || lat < -90 || lat > 90 {
		return nil, badRequest("wrong latitude")
	}
	if !okLon || lon < -180 || lon > 180 {
		return nil, badRequest("wrong longitude")
	}
	loc := &models.Location{Latitude: lat, Longitude: lon}
	loc.HorizontalAccuracy, _ = p.float("horizontal_accuracy")
	loc.LivePeriod = p.int("live_period")
	return loc, nil
}

func (s *Server) sendLocation(req *request) (any, *apiError) {
	return s.sendPlace(req, false)
}

func (s *Server) sendVenue(req *request) (any, *apiError) {
	return s.sendPlace(req, true)
}

// sendPlace serves sendLocation and sendVenue; a venue message carries
// both venue and location, as Telegram's do.
func (s *Server) sendPlace(req *request, venue bool) (any, *apiError) {
	p := req.params
	chatID, apiErr := p.chatID()
	if apiErr != nil {
		return nil, apiErr
	}
	loc, apiErr := p.location()
	if apiErr != nil {
		return nil, apiErr
	}
	msg := models.Message{Location: loc}
	sent := Sent{Method: "sendLocation", Location: loc}
	if venue {
		if strings.TrimSpace(p["title"]) == "" || strings.TrimSpace(p["address"]) == "" {
			return nil, badRequest("venue title and address must be non-empty")
		}
		v := &models.Venue{Location: *loc, Title: p["title"], Address: p["address"],
			FoursquareID: p["foursquare_id"], GooglePlaceID: p["google_place_id"]}
		msg.Venue, sent.Venue, sent.Method = v, v, "sendVenue"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, apiErr := s.targetLocked(chatID)
	if apiErr != nil {
		return nil, apiErr
	}
	markup, inline, apiErr := parseMarkup(p["reply_markup"], c.chat)
	if apiErr != nil {
		return nil, apiErr
	}
	msg.ReplyMarkup, sent.ReplyMarkup = inline, markup
	return s.sendLocked(c, msg, sent), nil
}
