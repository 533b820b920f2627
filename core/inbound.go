package core

import "time"

// InboundKind says what a resident sent.
type InboundKind string

// Kinds of inbound messages. Adapters map everything a messenger can deliver
// onto one of these; anything the bot cannot use becomes Unsupported so that
// the resident still gets an answer.
const (
	// KindText is a plain text message.
	KindText InboundKind = "text"
	// KindCommand is a text starting with "/", e.g. "/start".
	KindCommand InboundKind = "command"
	// KindLocation is a shared location.
	KindLocation InboundKind = "location"
	// KindButton is a press on a button the bot sent; Data carries the
	// button's payload, which must never be trusted.
	KindButton InboundKind = "button"
	// KindPhoto is a photo sent as a photo (not as a file); Photo holds
	// the messenger's reference to it and Text its caption.
	KindPhoto InboundKind = "photo"
	// KindUnsupported is anything else: a sticker, voice, file, contact.
	KindUnsupported InboundKind = "unsupported"
)

// MaxTextLen is the longest text the bot accepts in one message, in
// characters (Telegram's own limit).
const MaxTextLen = 4096

// Inbound is one message from a resident or staff member, already
// translated out of the messenger's own format.
type Inbound struct {
	// Key identifies the update on its channel, e.g. "telegram:u:123". A
	// second Inbound with the same Key is a redelivery and is ignored.
	Key string `json:"key"`
	// Seq is assigned by storage when the update is recorded or admitted
	// (see storage.DB.Admit); it orders updates that wait to be handled.
	Seq uint64 `json:"seq,omitempty"`
	// Chat is where the message came from and where replies go.
	Chat ChatRef `json:"chat"`
	// From is the sender's user id on the channel. In a private chat it is
	// the chat's own id.
	From string `json:"from,omitempty"`
	// FromName is the sender's display name on the channel. It is shown to
	// staff only on a ticket its reporter chose not to make anonymous.
	FromName string `json:"from_name,omitempty"`
	// MessageID is the messenger's id of the message, if it has one.
	MessageID string      `json:"message_id,omitempty"`
	Kind      InboundKind `json:"kind"`
	// Text is the message text for KindText, or the arguments after the
	// command for KindCommand.
	Text string `json:"text,omitempty"`
	// Command is the command name without "/" or "@botname", lower-cased.
	Command string `json:"command,omitempty"`
	// Location is set for KindLocation.
	Location *Point `json:"location,omitempty"`
	// Photo is the messenger's reference to the photo for KindPhoto (the
	// largest size Telegram offers), usable to send it on.
	Photo string `json:"photo,omitempty"`
	// Data is a pressed button's payload for KindButton.
	Data string `json:"data,omitempty"`
	// Unsupported names what was sent for KindUnsupported: "sticker",
	// "voice", "document", "contact", "video", …
	Unsupported string `json:"unsupported,omitempty"`
	// LangHint is the language the resident's messenger app reports, used
	// until they choose one.
	LangHint Lang `json:"lang_hint,omitempty"`
	// Received is when the message was sent, where the messenger says
	// (WhatsApp's timestamp: its 24-hour window counts from it), else when
	// the bot first saw the update.
	Received time.Time `json:"received"`
	// Unrecorded marks an update handed over for handling before it was
	// recorded (see storage.DB.Admit): the change that handles it records
	// its Key, so that arrival and outcome share one commit. It is never
	// stored.
	Unrecorded bool `json:"-"`
}
