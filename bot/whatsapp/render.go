package whatsapp

import (
	"strings"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// Meta's limits on what a message may hold.
const (
	maxText        = 4096 // a text message's body
	maxCaption     = 1024 // an image's caption
	maxButtonBody  = 1024 // the body of a reply-button or location-request message
	maxListBody    = 4096 // the body of a list message
	maxButtons     = 3    // reply buttons in one message
	maxButtonTitle = 20   // a reply button's title
	maxRows        = 10   // rows of one list message
	maxRowTitle    = 24   // a list row's title
	maxRowDesc     = 72   // a list row's description
)

// call is one Graph API request of a reply: a message, or an image to
// upload first and then send.
type call struct {
	msg   map[string]any
	image []byte
}

// render turns a channel-neutral reply into WhatsApp messages, in the
// order a person reads them: the picture, the place, then the text with
// its choices last, where the thumb is. It depends on r alone, so a retry
// of the same reply skips exactly the calls already made.
func render(to string, r core.Reply) []call {
	var calls []call
	text := r.Text
	add := func(typ string, body map[string]any) {
		calls = append(calls, call{msg: outMessage(to, typ, body)})
	}
	switch {
	case r.Image != nil:
		c := call{image: r.Image, msg: outMessage(to, "image", map[string]any{})}
		if fits(text, maxCaption) && len(r.Buttons) == 0 && r.RequestLocation == "" {
			c.msg["image"].(map[string]any)["caption"] = text
			text = ""
		}
		calls = append(calls, c)
	case strings.HasPrefix(r.Photo, mediaPrefix):
		img := map[string]any{"id": strings.TrimPrefix(r.Photo, mediaPrefix)}
		if fits(text, maxCaption) && len(r.Buttons) == 0 && r.RequestLocation == "" {
			img["caption"] = text
			text = ""
		}
		add("image", img)
	case r.Photo != "":
		// Another messenger's photo, which could not be fetched: a note
		// takes the picture's place, with the text it would have had as
		// its caption, so the calls are the same as with the picture and
		// a retry's count of calls done still holds.
		note := locale.T(lang(r), locale.PhotoElsewhere)
		if fits(text, maxCaption) && len(r.Buttons) == 0 && r.RequestLocation == "" && strings.TrimSpace(text) != "" {
			note, text = note+"\n\n"+text, ""
		}
		add("text", map[string]any{"body": note, "preview_url": false})
	}
	if p := r.Pin; p != nil {
		add("location", map[string]any{"latitude": p.Point.Lat, "longitude": p.Point.Lon, "name": p.Title, "address": p.Address})
	}
	options := flatten(r.Buttons)
	switch {
	case len(options) > 0:
		calls = append(calls, choices(to, text, options, lang(r))...)
	case strings.TrimSpace(text) != "" && r.RequestLocation == "":
		for _, part := range split(text, maxText) {
			add("text", map[string]any{"body": part, "preview_url": false})
		}
	}
	if r.RequestLocation != "" {
		body := text
		if len(options) > 0 || strings.TrimSpace(body) == "" {
			body = r.RequestLocation // the text went with the choices
		}
		parts := split(body, maxButtonBody)
		for _, part := range parts[:len(parts)-1] {
			add("text", map[string]any{"body": part, "preview_url": false})
		}
		add("interactive", map[string]any{
			"type":   "location_request_message",
			"body":   map[string]any{"text": parts[len(parts)-1]},
			"action": map[string]any{"name": "send_location"},
		})
	}
	return calls
}

// mediaPrefix marks a photo reference that is a WhatsApp media id.
const mediaPrefix = core.WhatsAppMedia

func outMessage(to, typ string, body map[string]any) map[string]any {
	return map[string]any{"messaging_product": "whatsapp", "recipient_type": "individual", "to": to, "type": typ, typ: body}
}

// lang is the language to label the messenger's own controls in.
func lang(r core.Reply) core.Lang {
	if r.Lang != "" {
		return r.Lang
	}
	return core.DefaultLang
}

func flatten(rows [][]core.Button) []core.Button {
	var out []core.Button
	for _, row := range rows {
		out = append(out, row...)
	}
	return out
}

// choices renders text with options: up to three reply buttons when every
// label fits, else list messages of up to ten rows each (more options make
// more pages). Text too long for the message body goes before it.
func choices(to, text string, options []core.Button, l core.Lang) []call {
	var calls []call
	asButtons := len(options) <= maxButtons
	for _, o := range options {
		if _, ok := short(o, maxButtonTitle); !ok {
			asButtons = false
		}
	}
	limit := maxListBody
	if asButtons {
		limit = maxButtonBody
	}
	if strings.TrimSpace(text) == "" {
		text = locale.T(l, locale.ChooseBelow)
	}
	parts := split(text, limit)
	for _, part := range parts[:len(parts)-1] {
		calls = append(calls, call{msg: outMessage(to, "text", map[string]any{"body": part, "preview_url": false})})
	}
	body := parts[len(parts)-1]
	if asButtons {
		var buttons []map[string]any
		for _, o := range options {
			title, _ := short(o, maxButtonTitle)
			buttons = append(buttons, map[string]any{"type": "reply", "reply": map[string]any{"id": o.Data, "title": title}})
		}
		return append(calls, call{msg: outMessage(to, "interactive", map[string]any{
			"type": "button", "body": map[string]any{"text": body}, "action": map[string]any{"buttons": buttons},
		})})
	}
	pages := (len(options) + maxRows - 1) / maxRows
	for page := range pages {
		chunk := options[page*maxRows : min(len(options), (page+1)*maxRows)]
		var rows []map[string]any
		for _, o := range chunk {
			title, whole := short(o, maxRowTitle)
			row := map[string]any{"id": o.Data, "title": title}
			if !whole {
				row["description"] = clip(o.Label, maxRowDesc)
			}
			rows = append(rows, row)
		}
		if page > 0 {
			body = locale.T(l, locale.MorePage, page+1, pages)
		}
		calls = append(calls, call{msg: outMessage(to, "interactive", map[string]any{
			"type": "list", "body": map[string]any{"text": body},
			"action": map[string]any{"button": clip(locale.T(l, locale.ChooseButton), maxButtonTitle),
				"sections": []map[string]any{{"rows": rows}}},
		})})
	}
	return calls
}

// short returns a label of at most n characters for o: its own label,
// else its short one (the button's, or the catalog's for the label), else
// the label cut at a word; whole reports whether nothing was cut.
func short(o core.Button, n int) (label string, whole bool) {
	if utf8.RuneCountInString(o.Label) <= n {
		return o.Label, true
	}
	for _, s := range []string{o.Short, locale.Short(o.Label)} {
		if s != "" && utf8.RuneCountInString(s) <= n {
			return s, true
		}
	}
	return clip(o.Label, n), false
}

// clip shortens s to at most n characters, at a word boundary where there
// is one, with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	if i := strings.LastIndexByte(string(r), ' '); i > n/2 {
		return strings.TrimRight(string(r)[:i], " ,.;:—-") + "…"
	}
	return string(r) + "…"
}

func fits(s string, n int) bool { return utf8.RuneCountInString(s) <= n }

// split cuts text into parts of at most n characters, at paragraph or line
// breaks where it can.
func split(text string, n int) []string {
	var parts []string
	for utf8.RuneCountInString(text) > n {
		r := []rune(text)
		cut := string(r[:n])
		i := strings.LastIndex(cut, "\n")
		if i < len(cut)/2 {
			i = len(cut)
		}
		parts = append(parts, strings.TrimRight(cut[:i], "\n"))
		text = strings.TrimLeft(text[i:], "\n")
	}
	parts = append(parts, text)
	// Meta refuses an empty body: blank parts (trailing newlines) go.
	kept := parts[:0]
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		return []string{""}
	}
	return kept
}
