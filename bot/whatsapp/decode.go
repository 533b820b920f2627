package whatsapp

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

const (
	maxIDLen     = 256       // of a wamid or phone number: a huge one could not key storage
	maxClockSkew = time.Hour // how far ahead a timestamp may be before the local clock replaces it
)

// hookPayload is a webhook POST's body. Values stay raw until their field is
// known: other fields (template reviews, account updates) have other shapes
// and must not spoil the request. Here and below, one-word keys match by
// encoding/json's case-insensitive rule; keys with an underscore have tags.
type hookPayload struct {
	Object string
	Entry  []struct {
		Changes []struct {
			Field string
			Value json.RawMessage
		}
	}
}

// hookValue is the value of a "messages" change. Messages and statuses are
// decoded one by one, so one of an unexpected shape spoils no other.
type hookValue struct {
	Metadata struct {
		PhoneNumberID string `json:"phone_number_id"`
	}
	Contacts []struct {
		Profile struct{ Name string }
		WaID    string `json:"wa_id"`
	}
	Messages, Statuses []json.RawMessage
}

type hookMessage struct {
	From, ID, Timestamp, Type string
	Text                      *struct{ Body string }
	Interactive               *struct {
		ButtonReply *struct{ ID string } `json:"button_reply"`
		ListReply   *struct{ ID string } `json:"list_reply"`
	}
	Button                 *struct{ Payload string }
	Location               *struct{ Latitude, Longitude *float64 }
	Image, Video, Document *hookMedia
	Errors                 []hookError
}

type hookMedia struct{ ID, Caption string }

type hookError struct {
	Code  int
	Title string
}

type hookStatus struct {
	ID, Status, Timestamp string
	RecipientID           string `json:"recipient_id"`
	Errors                []hookError
}

// decoded is what one webhook request carries for the adapter's number.
type decoded struct {
	messages []core.Inbound
	statuses []Status
	ignored  []string // why parts were left out, for the debug log; no personal data
}

// decode reads an authenticated webhook body for the number phoneID. It
// fails only for a body that is not JSON of the webhook's shape; what the
// bot cannot use is left out or unsupported. now replaces bad timestamps.
func decode(body []byte, phoneID string, now time.Time) (decoded, error) {
	var p hookPayload
	if err := json.Unmarshal(body, &p); err != nil {
		return decoded{}, fmt.Errorf("whatsapp: decode webhook: %w", err)
	}
	if p.Object != "whatsapp_business_account" {
		return decoded{ignored: []string{"object " + strconv.Quote(typeName(p.Object))}}, nil
	}
	var d decoded
	for _, e := range p.Entry {
		for _, c := range e.Changes {
			if c.Field != "messages" {
				d.ignored = append(d.ignored, "field "+strconv.Quote(typeName(c.Field)))
				continue
			}
			var v hookValue
			if err := json.Unmarshal(c.Value, &v); err != nil { // the rest is decoded
				d.ignored = append(d.ignored, typeNote("value", err))
			}
			if v.Metadata.PhoneNumberID != phoneID {
				d.ignored = append(d.ignored, "another phone number")
				continue
			}
			d.add(&v, now)
		}
	}
	return d, nil
}

// add converts the messages and statuses of one value.
func (d *decoded) add(v *hookValue, now time.Time) {
	names := make(map[string]string, len(v.Contacts))
	for _, c := range v.Contacts {
		names[c.WaID] = strings.TrimSpace(c.Profile.Name)
	}
	for _, raw := range v.Messages {
		var m hookMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			// The decoder may leave the field half set (a pointer to a
			// zero coordinate), so only the envelope is kept and the
			// message answered as unsupported.
			d.ignored = append(d.ignored, typeNote("message", err))
			m = hookMessage{From: m.From, ID: m.ID, Timestamp: m.Timestamp, Type: m.Type, Errors: []hookError{{}}}
		}
		if !usable(m.ID) || !usable(m.From) {
			d.ignored = append(d.ignored, "message without a usable id or sender")
			continue
		}
		if m.Type == "reaction" {
			// An emoji on one of the bot's messages needs no answer,
			// and answering "unsupported" to a thumbs-up would be rude.
			continue
		}
		in := safeInbound(&m, now)
		in.FromName = names[m.From]
		d.messages = append(d.messages, in)
	}
	for _, raw := range v.Statuses {
		var s hookStatus
		_ = json.Unmarshal(raw, &s) // statuses are advisory: partly decoded will do
		if !usable(s.ID) || !usable(s.RecipientID) {
			d.ignored = append(d.ignored, "status without a usable id")
			continue
		}
		st := Status{MessageID: s.ID, Chat: chat(s.RecipientID), Status: s.Status, At: unixTime(s.Timestamp, now)}
		if len(s.Errors) > 0 {
			st.Code, st.Title = s.Errors[0].Code, s.Errors[0].Title
		}
		d.statuses = append(d.statuses, st)
	}
}

// safeInbound is toInbound, except that a message whose translation panics
// becomes "unsupported": its sender still gets an answer and the other
// messages of the request are still stored, instead of the whole request
// being acknowledged and lost.
func safeInbound(m *hookMessage, now time.Time) (in core.Inbound) {
	defer func() {
		if recover() != nil {
			in = core.Inbound{Key: updateKey(m.ID), MessageID: m.ID, Chat: chat(m.From), From: m.From,
				Kind: core.KindUnsupported, Unsupported: "unknown", Received: now}
		}
	}()
	return toInbound(m, now)
}

// updateKey is the key of the message wamid: Meta redelivers a webhook for
// days, and storage drops a key it has seen. It is the wamid's digest,
// not the wamid, which encodes the sender's phone number: the key is
// stored for a week (seen), becomes part of outbox keys kept for 30 days
// ("answer:<key>") and is logged.
func updateKey(wamid string) string { return "whatsapp:" + core.Digest(wamid) }

// toInbound translates one message, keyed by updateKey.
func toInbound(m *hookMessage, now time.Time) core.Inbound {
	in := core.Inbound{
		Key:       updateKey(m.ID),
		MessageID: m.ID,
		Chat:      chat(m.From),
		From:      m.From,
		Received:  unixTime(m.Timestamp, now),
		Kind:      core.KindUnsupported,
	}
	switch {
	case len(m.Errors) > 0:
		// Meta could not pass the message on ("unsupported" type).
		in.Unsupported = typeName(m.Type)
	case m.Type == "text" && m.Text != nil && strings.HasPrefix(m.Text.Body, "/"):
		in.Kind = core.KindCommand
		in.Command, in.Text = parseCommand(m.Text.Body)
	case m.Type == "text" && m.Text != nil:
		in.Kind, in.Text = core.KindText, m.Text.Body
	case m.Type == "interactive" && m.Interactive != nil && m.Interactive.ButtonReply != nil:
		setButton(&in, m.Interactive.ButtonReply.ID)
	case m.Type == "interactive" && m.Interactive != nil && m.Interactive.ListReply != nil:
		setButton(&in, m.Interactive.ListReply.ID)
	case m.Type == "button" && m.Button != nil:
		setButton(&in, m.Button.Payload)
	case m.Type == "location" && m.Location != nil && validPoint(m.Location.Latitude, m.Location.Longitude):
		in.Kind = core.KindLocation
		in.Location = &core.Point{Lat: *m.Location.Latitude, Lon: *m.Location.Longitude}
	case m.Type == "image" && m.Image != nil && m.Image.ID != "":
		// The prefix marks a WhatsApp media id, so that no other
		// channel takes it for a file id of its own.
		in.Kind, in.Photo, in.Text = core.KindPhoto, mediaPrefix+m.Image.ID, m.Image.Caption
	default:
		in.Unsupported = typeName(m.Type)
		// A caption is still read for emergency words.
		if md := map[string]*hookMedia{"image": m.Image, "video": m.Video, "document": m.Document}[m.Type]; md != nil {
			in.Text = md.Caption
		}
	}
	return in
}

// setButton makes in a button press with payload data, or an unsupported
// "button" when data cannot be one of the bot's payloads.
func setButton(in *core.Inbound, data string) {
	if data == "" || len(data) > core.MaxButtonData {
		in.Unsupported = "button"
		return
	}
	in.Kind, in.Data = core.KindButton, data
}

// usable reports whether id can key a message or address a chat.
func usable(id string) bool { return id != "" && len(id) <= maxIDLen }

// parseCommand splits "/Start args" into "start" and "args", like the
// Telegram adapter; WhatsApp has no "@botname" suffix.
func parseCommand(text string) (cmd, args string) {
	cmd, args, _ = strings.Cut(text[1:], " ")
	return strings.ToLower(cmd), strings.TrimSpace(args)
}

// validPoint reports whether lat and lon are given and in range; NaN fails
// every comparison.
func validPoint(lat, lon *float64) bool {
	return lat != nil && lon != nil && math.Abs(*lat) <= 90 && math.Abs(*lon) <= 180
}

// unixTime reads a timestamp in unix seconds as UTC. A missing, invalid or
// far-future one gives now: storage must be able to encode the time.
func unixTime(s string, now time.Time) time.Time {
	secs, err := strconv.ParseInt(s, 10, 64)
	if err != nil || secs <= 0 || secs > now.Add(maxClockSkew).Unix() {
		return now.UTC()
	}
	return time.Unix(secs, 0).UTC()
}

// typeName returns a message type or field name fit to store and log: Meta's
// are short snake_case words; anything else is "unknown".
func typeName(s string) string {
	if s == "" || len(s) > 32 || strings.Trim(s, "abcdefghijklmnopqrstuvwxyz0123456789_") != "" {
		return "unknown"
	}
	return s
}

// typeNote describes a decoding error by the field's path only: the error's
// own text may quote the value, which could be a phone number.
func typeNote(what string, err error) string {
	if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		return what + " field " + te.Field + " of unexpected type"
	}
	return what + " undecodable"
}
