package whatsapptest

import "fmt"

// outInteractive is the interactive object of a message.
type outInteractive struct {
	Type   string `json:"type"`
	Header *struct {
		Type string `json:"type"`
		Text string `json:"text"`
	} `json:"header"`
	Body *struct {
		Text string `json:"text"`
	} `json:"body"`
	Footer *struct {
		Text string `json:"text"`
	} `json:"footer"`
	Action *struct {
		Name    string `json:"name"`
		Button  string `json:"button"`
		Buttons []struct {
			Type  string `json:"type"`
			Reply struct {
				ID    string `json:"id"`
				Title string `json:"title"`
			} `json:"reply"`
		} `json:"buttons"`
		Sections []struct {
			Title string `json:"title"`
			Rows  []struct {
				ID          string `json:"id"`
				Title       string `json:"title"`
				Description string `json:"description"`
			} `json:"rows"`
		} `json:"sections"`
	} `json:"action"`
}

// parseInteractive checks reply buttons, lists and location requests.
func parseInteractive(in *outInteractive, sent *Sent) *graphError {
	if in == nil {
		return invalid(CodeInvalidParameter, "The parameter interactive is required.")
	}
	maxBody := maxButtonBody
	switch in.Type {
	case "button", "location_request_message":
	case "list":
		maxBody = maxListBody
	default:
		return invalid(CodeInvalidParameter, "Param interactive['type'] %q is not emulated by whatsapptest (button, list, location_request_message)", in.Type)
	}
	if in.Body == nil {
		return invalid(CodeInvalidParameter, "The parameter interactive['body'] is required.")
	}
	if gerr := checkLen(CodeInvalidParameter, "Body text", "interactive['body']['text']", in.Body.Text, 1, maxBody); gerr != nil {
		return gerr
	}
	sent.Text = in.Body.Text
	if h := in.Header; h != nil && h.Type == "text" {
		if gerr := checkLen(CodeInvalidValue, "Header text", "interactive['header']['text']", h.Text, 1, maxHeader); gerr != nil {
			return gerr
		}
	}
	if f := in.Footer; f != nil {
		if gerr := checkLen(CodeInvalidValue, "Footer text", "interactive['footer']['text']", f.Text, 1, maxFooter); gerr != nil {
			return gerr
		}
	}
	if in.Action == nil {
		return invalid(CodeInvalidParameter, "The parameter interactive['action'] is required.")
	}
	switch in.Type {
	case "button":
		return parseButtons(in, sent)
	case "list":
		return parseList(in, sent)
	}
	if in.Action.Name != "send_location" {
		return invalid(CodeInvalidParameter, "Param interactive['action']['name'] must be \"send_location\", got %q", in.Action.Name)
	}
	sent.LocationRequest = true
	return nil
}

func parseButtons(in *outInteractive, sent *Sent) *graphError {
	buttons := in.Action.Buttons
	if len(buttons) < 1 || len(buttons) > maxButtons {
		return invalid(CodeInvalidValue, "Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: %d. Got %d.", maxButtons, len(buttons))
	}
	ids := map[string]bool{}
	for i, b := range buttons {
		param := fmt.Sprintf("interactive['action']['buttons'][%d]", i)
		if b.Type != "reply" {
			return invalid(CodeInvalidParameter, "Param %s['type'] must be \"reply\", got %q", param, b.Type)
		}
		if gerr := checkLen(CodeInvalidValue, "Button title", param+"['reply']['title']", b.Reply.Title, 1, maxButtonTitle); gerr != nil {
			return gerr
		}
		if gerr := checkLen(CodeInvalidValue, "Button id", param+"['reply']['id']", b.Reply.ID, 1, maxButtonID); gerr != nil {
			return gerr
		}
		if ids[b.Reply.ID] {
			return invalid(CodeInvalidValue, "Duplicate button id %q in %s: button ids must be unique", b.Reply.ID, param)
		}
		ids[b.Reply.ID] = true
		sent.Buttons = append(sent.Buttons, Button{ID: b.Reply.ID, Title: b.Reply.Title})
	}
	return nil
}

func parseList(in *outInteractive, sent *Sent) *graphError {
	a := in.Action
	if gerr := checkLen(CodeInvalidValue, "Button label", "interactive['action']['button']", a.Button, 1, maxListButton); gerr != nil {
		return gerr
	}
	if len(a.Sections) < 1 || len(a.Sections) > maxSections {
		return invalid(CodeInvalidValue, "Invalid sections count. Min allowed sections: 1, Max allowed sections: %d. Got %d.", maxSections, len(a.Sections))
	}
	list := &List{Button: a.Button}
	ids := map[string]bool{}
	for i, sec := range a.Sections {
		param := fmt.Sprintf("interactive['action']['sections'][%d]", i)
		if len(a.Sections) > 1 || sec.Title != "" {
			if gerr := checkLen(CodeInvalidValue, "Section title", param+"['title']", sec.Title, 1, maxRowTitle); gerr != nil {
				if sec.Title == "" {
					gerr.Data.Details += " (a title is required when there is more than one section)"
				}
				return gerr
			}
		}
		if len(sec.Rows) == 0 {
			return invalid(CodeInvalidValue, "Section %s has no rows: each section needs at least one", param)
		}
		for j, r := range sec.Rows {
			rp := fmt.Sprintf("%s['rows'][%d]", param, j)
			if gerr := checkLen(CodeInvalidValue, "Row title", rp+"['title']", r.Title, 1, maxRowTitle); gerr != nil {
				return gerr
			}
			if gerr := checkLen(CodeInvalidValue, "Row description", rp+"['description']", r.Description, 0, maxRowDesc); gerr != nil {
				return gerr
			}
			if gerr := checkLen(CodeInvalidValue, "Row id", rp+"['id']", r.ID, 1, maxRowID); gerr != nil {
				return gerr
			}
			if ids[r.ID] {
				return invalid(CodeInvalidValue, "Duplicate row id %q in %s: row ids must be unique across sections", r.ID, rp)
			}
			ids[r.ID] = true
			list.Rows = append(list.Rows, Row{ID: r.ID, Title: r.Title, Description: r.Description, Section: sec.Title})
		}
	}
	if len(list.Rows) > maxRows {
		return invalid(CodeInvalidValue, "Total row count exceed max allowed count: %d. Got %d.", maxRows, len(list.Rows))
	}
	sent.List = list
	return nil
}
