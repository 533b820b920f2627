package whatsapptest

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// Meta's limits, in characters.
const (
	maxText        = 4096
	maxButtonBody  = 1024
	maxListBody    = 4096
	maxHeader      = 60
	maxFooter      = 60
	maxButtons     = 3
	maxButtonTitle = 20
	maxButtonID    = 256
	maxListButton  = 20
	maxRows        = 10
	maxSections    = 10
	maxRowTitle    = 24
	maxRowDesc     = 72
	maxRowID       = 200
	maxCaption     = 1024
	maxTemplate    = 512
)

// parseMessage checks a message like Meta and returns its parsed view.
func parseMessage(m *outMessage) (Sent, *graphError) {
	switch {
	case m.MessagingProduct != "whatsapp":
		return Sent{}, invalid(CodeInvalidParameter, "Param messaging_product must be \"whatsapp\", got %q", m.MessagingProduct)
	case m.RecipientType != "" && m.RecipientType != "individual":
		return Sent{}, invalid(CodeInvalidParameter, "Param recipient_type must be \"individual\", got %q", m.RecipientType)
	case !isPhone(m.To):
		return Sent{}, invalid(CodeInvalidParameter, "Param to must be a phone number of 1 to 15 digits, got %q", m.To)
	}
	if m.Type == "" {
		m.Type = "text" // Meta's default
	}
	sent := Sent{To: m.To, Type: m.Type}
	if m.Context != nil {
		sent.ReplyTo = m.Context.MessageID
	}
	var gerr *graphError
	switch m.Type {
	case "text":
		if m.Text == nil || m.Text.Body == "" {
			return Sent{}, invalid(CodeInvalidParameter, "The parameter text['body'] is required.")
		}
		sent.Text = m.Text.Body
		gerr = checkLen(CodeInvalidParameter, "Text body", "text['body']", m.Text.Body, 1, maxText)
	case "interactive":
		gerr = parseInteractive(m.Interactive, &sent)
	case "location":
		gerr = parseLocation(m, &sent)
	case "image":
		gerr = parseImage(m, &sent)
	case "template":
		gerr = parseTemplate(m.Template, &sent)
	default:
		gerr = invalid(CodeInvalidParameter, "Param type %q is not emulated by whatsapptest (text, interactive, location, image, template)", m.Type)
	}
	return sent, gerr
}

func isPhone(s string) bool {
	if len(s) == 0 || len(s) > 15 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// checkLen checks that s has min to max characters.
func checkLen(code int, what, param, s string, min, max int) *graphError {
	if n := utf8.RuneCountInString(s); n < min || n > max {
		return invalid(code, "%s length invalid. Min length: %d, Max length: %d. Got %d characters in %s: %q",
			what, min, max, n, param, s)
	}
	return nil
}

func parseLocation(m *outMessage, sent *Sent) *graphError {
	l := m.Location
	switch {
	case l == nil || l.Latitude == nil || l.Longitude == nil:
		return invalid(CodeInvalidParameter, "The parameters location['latitude'] and location['longitude'] are required numbers.")
	case *l.Latitude < -90 || *l.Latitude > 90 || *l.Longitude < -180 || *l.Longitude > 180:
		return invalid(CodeInvalidValue, "Location out of range: latitude %v, longitude %v", *l.Latitude, *l.Longitude)
	}
	sent.Location = &Location{Latitude: *l.Latitude, Longitude: *l.Longitude, Name: l.Name, Address: l.Address}
	return nil
}

func parseImage(m *outMessage, sent *Sent) *graphError {
	img := m.Image
	switch {
	case img == nil || (img.ID == "") == (img.Link == ""):
		return invalid(CodeInvalidParameter, "Param image must contain exactly one of id and link.")
	case img.Link != "" && !isHTTPURL(img.Link):
		return invalid(CodeInvalidParameter, "Param image['link'] must be an http or https URL, got %q", img.Link)
	}
	if gerr := checkLen(CodeInvalidParameter, "Image caption", "image['caption']", img.Caption, 0, maxCaption); gerr != nil {
		return gerr
	}
	sent.Text = img.Caption
	sent.Image = &Image{ID: img.ID, Link: img.Link, Caption: img.Caption}
	return nil
}

func isHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func parseTemplate(t *outTemplate, sent *Sent) *graphError {
	switch {
	case t == nil || t.Name == "":
		return invalid(CodeInvalidParameter, "The parameter template['name'] is required.")
	case t.Language == nil || t.Language.Code == "":
		return invalid(CodeInvalidParameter, "The parameter template['language']['code'] is required.")
	}
	if gerr := checkLen(CodeInvalidParameter, "Template name", "template['name']", t.Name, 1, maxTemplate); gerr != nil {
		return gerr
	}
	tpl := &Template{Name: t.Name, Lang: t.Language.Code}
	for i, c := range t.Components {
		switch c.Type {
		case "header", "button", "footer":
			continue
		case "body":
		default:
			return invalid(CodeInvalidParameter, "Param template['components'][%d]['type'] must be header, body, footer or button, got %q", i, c.Type)
		}
		for j, p := range c.Parameters {
			switch {
			case p.Type != "text":
				return invalid(CodeInvalidValue, "Param template['components'][%d]['parameters'][%d]['type'] is %q; whatsapptest emulates text body parameters only", i, j, p.Type)
			case p.Text == nil || strings.TrimSpace(*p.Text) == "":
				return invalid(CodeInvalidValue, "Param template['components'][%d]['parameters'][%d]['text'] must not be empty", i, j)
			}
			tpl.Params = append(tpl.Params, *p.Text)
		}
	}
	sent.Template = tpl
	sent.Text = strings.Join(tpl.Params, "\n")
	return nil
}
