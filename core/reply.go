package core

// Reply is one message the bot sends, in channel-neutral form. Adapters
// render it as well as their messenger allows: inline buttons or a list on
// WhatsApp, a reply keyboard with a location button on Telegram.
type Reply struct {
	// Text is the message body. It may be empty only when Pin, Photo or
	// Image is set.
	Text string
	// Buttons are choices shown with the message, in rows.
	Buttons [][]Button
	// RequestLocation, when not empty, is the label of a button that asks
	// the messenger to share the resident's location.
	RequestLocation string
	// RemoveKeyboard hides a keyboard left by an earlier RequestLocation.
	RemoveKeyboard bool
	// Pin is a place shown on a map.
	Pin *Pin
	// Photo is a messenger's reference to a photo to show, with Text as its
	// caption where the messenger allows one that long.
	Photo string
	// Image is a picture the bot made (a PNG chart) to upload and show,
	// with Text as its caption.
	Image []byte `json:",omitempty"`
	// Template is the kind of a message the bot sends on its own
	// (TemplateNotice, TemplatePoll, TemplateTicket, TemplateAlert), for
	// messengers that let a business write first only with an approved
	// template: WhatsApp, outside 24 hours from the person's last message.
	// Empty for the answer to a message just received.
	Template string `json:",omitempty"`
	// Lang is the language the reply is written in, for such a template.
	Lang Lang `json:",omitempty"`
}

// Kinds of messages the bot sends on its own, for Reply.Template.
const (
	TemplateNotice = "notice"
	TemplatePoll   = "poll"
	TemplateTicket = "ticket"
	TemplateAlert  = "alert"
)

// Button is one choice the resident can press.
type Button struct {
	// Label is shown on the button.
	Label string
	// Short is a label of at most 20 characters for messengers with short
	// buttons (WhatsApp); empty means Label is short enough.
	Short string
	// Data comes back in Inbound.Data when the button is pressed. It is at
	// most MaxButtonData bytes and must be validated like any input.
	Data string
}

// MaxButtonData is the longest button payload, in bytes (Telegram's
// callback_data limit).
const MaxButtonData = 64

// Pin is a place on a map, with a title and an address.
type Pin struct {
	Point   Point
	Title   string
	Address string
}
