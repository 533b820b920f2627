package whatsapp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/beatbot-kz/beatbot/core"
)

// maxPhoto is the largest photo fetched: WhatsApp's own limit on images.
const maxPhoto = 5 << 20

// Photo fetches the bytes of a photo a resident sent on WhatsApp
// ("wa:<media id>"), so that staff on another messenger can see it. Meta
// hands out a short-lived URL for the media id; both requests carry the
// token, neither appears in an error.
func (w *WhatsApp) Photo(ctx context.Context, ref string) ([]byte, error) {
	id, ok := strings.CutPrefix(ref, core.WhatsAppMedia)
	if !ok || id == "" || strings.ContainsAny(id, "/?#") {
		return nil, fmt.Errorf("whatsapp: photo %q: %w", ref, core.ErrRejected)
	}
	var info struct {
		URL string `json:"url"`
	}
	data, err := w.get(ctx, w.cfg.APIURL+"/"+id, 1<<16) // Meta's media info: a small JSON
	if err != nil {
		return nil, fmt.Errorf("whatsapp: photo %s: %w", id, err)
	}
	if err := json.Unmarshal(data, &info); err != nil || info.URL == "" {
		return nil, fmt.Errorf("whatsapp: photo %s: no download URL in the answer", id)
	}
	if !w.mediaHost(info.URL) {
		return nil, fmt.Errorf("whatsapp: photo %s: refusing to send the token to the download host given", id)
	}
	data, err = w.get(ctx, info.URL, maxPhoto)
	if err != nil {
		return nil, fmt.Errorf("whatsapp: download photo %s: %w", id, err)
	}
	return data, nil
}

// get fetches url with the token, reading at most limit bytes.
func (w *WhatsApp) get(ctx context.Context, target string, limit int64) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+w.cfg.Token)
	resp, err := w.client.Do(req)
	if err != nil {
		return nil, scrub(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	switch {
	case err != nil:
		return nil, err
	case resp.StatusCode/100 != 2:
		var g graphError
		_ = json.Unmarshal(data, &g)
		return nil, &APIError{Status: resp.StatusCode, Code: g.Error.Code, Message: g.Error.Message}
	case int64(len(data)) > limit:
		return nil, fmt.Errorf("larger than %d bytes", limit)
	}
	return data, nil
}

// mediaHosts are where Meta serves media; the token goes nowhere else.
var mediaHosts = []string{".fbsbx.com", ".facebook.com", ".whatsapp.net", ".fbcdn.net"}

// mediaHost reports whether the token may be sent to raw: an https URL on
// one of Meta's media hosts, or on the configured API's own host (a fake
// in tests, a proxy in some deployments).
func (w *WhatsApp) mediaHost(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return false
	}
	if api, err := url.Parse(w.cfg.APIURL); err == nil && u.Scheme == api.Scheme && u.Host == api.Host {
		return true
	}
	if u.Scheme != "https" {
		return false
	}
	for _, h := range mediaHosts {
		if strings.HasSuffix(u.Hostname(), h) {
			return true
		}
	}
	return false
}
