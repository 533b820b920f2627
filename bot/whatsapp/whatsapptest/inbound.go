package whatsapptest

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// Text posts a text message from a resident (from is their number, name
// their profile name).
func (h *Webhook) Text(ctx context.Context, from, name, body string) (string, error) {
	return h.send(ctx, from, name, inMessage{Type: "text", Text: &inText{Body: body}})
}

// Button posts a press of a reply button with the id and title, without a
// context (see Press for one).
func (h *Webhook) Button(ctx context.Context, from, name, id, title string) (string, error) {
	return h.send(ctx, from, name, buttonReply("", "", id, title))
}

// ListReply posts a choice of a list row with the id and title, without a
// context (see Press for one).
func (h *Webhook) ListReply(ctx context.Context, from, name, id, title string) (string, error) {
	return h.send(ctx, from, name, listReply("", "", Row{ID: id, Title: title}))
}

// Location posts a shared location, as after a location request.
func (h *Webhook) Location(ctx context.Context, from, name string, lat, lon float64) (string, error) {
	return h.send(ctx, from, name, inMessage{Type: "location", Location: &inLocation{Latitude: lat, Longitude: lon}})
}

// Image posts a photo with a caption. mediaID is normally one from
// Server.AddMedia, so the bot can fetch the bytes.
func (h *Webhook) Image(ctx context.Context, from, name, mediaID, caption string) (string, error) {
	return h.send(ctx, from, name, inMessage{Type: "image", Image: &inMedia{
		Caption: caption, MIMEType: "image/jpeg", SHA256: fakeHash(mediaID), ID: mediaID}})
}

// Sticker posts a sticker, a message kind the bot does not handle.
func (h *Webhook) Sticker(ctx context.Context, from, name string) (string, error) {
	animated := false
	id := strconv.FormatInt(2_000_000_000_000_000+inboundCounter.Add(1), 10)
	return h.send(ctx, from, name, inMessage{Type: "sticker", Sticker: &inMedia{
		MIMEType: "image/webp", SHA256: fakeHash(id), ID: id, Animated: &animated}})
}

// Press posts a resident's answer to a message the bot sent: the reply
// button or list row with the title, as a button_reply or list_reply whose
// context names the message. It returns an error wrapping ErrNoButton when
// s has no such button or row.
func (h *Webhook) Press(ctx context.Context, from, name string, s Sent, title string) (string, error) {
	business := orDefault(h.DisplayPhoneNumber, DefaultDisplayPhoneNumber)
	for _, b := range s.Buttons {
		if b.Title == title {
			return h.send(ctx, from, name, buttonReply(business, s.ID, b.ID, b.Title))
		}
	}
	if s.List != nil {
		for _, r := range s.List.Rows {
			if r.Title == title {
				return h.send(ctx, from, name, listReply(business, s.ID, r))
			}
		}
	}
	return "", fmt.Errorf("whatsapptest: press %q on %s: %w", title, s.ID, ErrNoButton)
}

func buttonReply(business, wamid, id, title string) inMessage {
	return inMessage{Context: replyContext(business, wamid), Type: "interactive", Interactive: &inInteractive{
		Type: "button_reply", ButtonReply: &inReply{ID: id, Title: title}}}
}

func listReply(business, wamid string, r Row) inMessage {
	return inMessage{Context: replyContext(business, wamid), Type: "interactive", Interactive: &inInteractive{
		Type: "list_reply", ListReply: &inReply{ID: r.ID, Title: r.Title, Description: r.Description}}}
}

func replyContext(business, wamid string) *msgContext {
	if wamid == "" {
		return nil
	}
	return &msgContext{From: business, ID: wamid}
}

// fakeHash stands in for the sha256 of media the webhook has no bytes of.
func fakeHash(id string) string {
	sum := sha256.Sum256([]byte(id))
	return base64.StdEncoding.EncodeToString(sum[:])
}

// Status posts a delivery status for a message the bot sent: "sent",
// "delivered", "read" or "failed". A non-zero errCode adds Meta's error
// object for it, as for a failed 131047 or 131026.
func (h *Webhook) Status(ctx context.Context, recipient, wamid, state string, errCode int) error {
	st := status{ID: wamid, Status: state, Timestamp: h.timestamp(), RecipientID: recipient}
	if state == "sent" || state == "delivered" {
		conv := &conversation{ID: "CONVERSATION_" + fakeHash(recipient)[:16]}
		conv.Origin.Type = "service"
		if state == "sent" {
			conv.ExpirationTimestamp = strconv.FormatInt(h.now().Add(24*time.Hour).Unix(), 10)
		}
		st.Conversation = conv
		st.Pricing = &pricing{Billable: true, PricingModel: "CBP", Category: "service"}
	}
	if errCode != 0 {
		e := statusError{Code: errCode, Title: orDefault(Title(errCode), "Unknown error"),
			Href: "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}
		e.Message = e.Title
		e.ErrorData.Details = orDefault(defaultDetails[errCode], e.Title)
		st.Errors = []statusError{e}
	}
	body, err := json.Marshal(h.envelope(value{Statuses: []status{st}}))
	if err != nil {
		return fmt.Errorf("whatsapptest: encode status: %w", err)
	}
	return h.deliver(ctx, body)
}
