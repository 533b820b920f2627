package whatsapp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
)

// APIError is an error answer of the Graph API: the HTTP status and Meta's
// own code, such as 130429 (over the throughput), 131056 (too many
// messages to one person), 131047 (outside the 24-hour window) or 131026
// (undeliverable).
type APIError struct {
	Status  int
	Code    int
	Subcode int
	Message string
	Details string
}

// Error gives the status, Meta's code and its message; never the token.
func (e *APIError) Error() string {
	msg := fmt.Sprintf("graph api: HTTP %d, code %d: %s", e.Status, e.Code, e.Message)
	if e.Details != "" {
		msg += " (" + e.Details + ")"
	}
	return msg
}

// graphError is the error object of a Graph API answer.
type graphError struct {
	Error struct {
		Message      string `json:"message"`
		Code         int    `json:"code"`
		ErrorSubcode int    `json:"error_subcode"`
		ErrorData    struct {
			Details string `json:"details"`
		} `json:"error_data"`
	} `json:"error"`
}

// maxAnswer bounds what is read of an answer: Meta's are small.
const maxAnswer = 1 << 20

// post sends a request to the Graph API and decodes a successful answer
// into out (if not nil). The token goes only in the Authorization header,
// never in an error.
func (w *WhatsApp) post(ctx context.Context, path, contentType string, body []byte, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.cfg.APIURL+"/"+w.cfg.PhoneNumberID+path, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("whatsapp: build request %s: %w", path, err)
	}
	req.Header.Set("Authorization", "Bearer "+w.cfg.Token)
	req.Header.Set("Content-Type", contentType)
	resp, err := w.client.Do(req)
	if err != nil {
		return fmt.Errorf("whatsapp: %s: %w", path, scrub(err))
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil && resp.StatusCode/100 == 2 {
		// Meta took the message; only its answer was lost. Sending it
		// again would deliver it twice.
		w.log.Warn().Err(err).Str("call", path).Msg("answer of an accepted call could not be read")
		return nil
	}
	if err != nil {
		return fmt.Errorf("whatsapp: %s: read answer: %w", path, err)
	}
	if resp.StatusCode/100 != 2 {
		var g graphError
		_ = json.Unmarshal(data, &g) // a proxy's HTML page leaves it empty
		return &APIError{Status: resp.StatusCode, Code: g.Error.Code, Subcode: g.Error.ErrorSubcode,
			Message: g.Error.Message, Details: g.Error.ErrorData.Details}
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			// As above: accepted is accepted.
			w.log.Warn().Err(err).Str("call", path).Msg("answer of an accepted call could not be decoded")
		}
	}
	return nil
}

// scrub drops the request URL from a transport error: it names only the
// phone number id, but errors are logged and ids need not be.
func scrub(err error) error {
	var u *url.Error
	if errors.As(err, &u) {
		return fmt.Errorf("%s: %w", u.Op, u.Err)
	}
	return err
}

// sendMessage posts one message and returns its wamid.
func (w *WhatsApp) sendMessage(ctx context.Context, msg map[string]any) (string, error) {
	body, err := json.Marshal(msg)
	if err != nil {
		return "", fmt.Errorf("whatsapp: encode message: %w", err)
	}
	var out struct {
		Messages []struct {
			ID string `json:"id"`
		} `json:"messages"`
	}
	if err := w.post(ctx, "/messages", "application/json", body, &out); err != nil {
		return "", err
	}
	if len(out.Messages) == 0 {
		return "", nil
	}
	return out.Messages[0].ID, nil
}

// upload stores a PNG with Meta and returns its media id.
func (w *WhatsApp) upload(ctx context.Context, png []byte) (string, error) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("messaging_product", "whatsapp")
	_ = mw.WriteField("type", "image/png")
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="file"; filename="chart.png"`)
	h.Set("Content-Type", "image/png")
	part, err := mw.CreatePart(h)
	if err != nil {
		return "", fmt.Errorf("whatsapp: upload: %w", err)
	}
	if _, err := part.Write(png); err != nil {
		return "", fmt.Errorf("whatsapp: upload: %w", err)
	}
	if err := mw.Close(); err != nil {
		return "", fmt.Errorf("whatsapp: upload: %w", err)
	}
	var out struct {
		ID string `json:"id"`
	}
	if err := w.post(ctx, "/media", mw.FormDataContentType(), buf.Bytes(), &out); err != nil {
		return "", err
	}
	if out.ID == "" {
		return "", fmt.Errorf("whatsapp: upload: no media id in the answer")
	}
	return out.ID, nil
}
