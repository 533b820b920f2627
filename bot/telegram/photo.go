package telegram

import (
	"context"
	"fmt"
	"io"
	"net/http"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/go-telegram/bot"
)

// maxPhoto is the largest photo fetched: a resident's photo, sent as a
// photo, is at most a few MB; the Bot API serves files up to 20 MB.
const maxPhoto = 10 << 20

// Photo fetches the bytes of a photo a resident sent on Telegram (its
// file_id), so that staff on another messenger can see it. The download
// URL holds the token: errors are redacted.
func (t *Telegram) Photo(ctx context.Context, ref string) ([]byte, error) {
	if core.PhotoChannel(ref) != core.Telegram || ref == "" {
		return nil, fmt.Errorf("telegram: photo %q: %w", ref, core.ErrRejected)
	}
	f, err := t.bot.GetFile(ctx, &bot.GetFileParams{FileID: ref})
	if err != nil {
		return nil, t.redact(fmt.Errorf("telegram: photo: %w", err))
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, t.bot.FileDownloadLink(f), nil)
	if err != nil {
		return nil, t.redact(fmt.Errorf("telegram: photo: %w", err))
	}
	resp, err := t.cfg.HTTPClient.Do(req)
	if err != nil {
		return nil, t.redact(fmt.Errorf("telegram: download photo: %w", err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("telegram: download photo: HTTP %d", resp.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxPhoto+1))
	if err != nil {
		return nil, t.redact(fmt.Errorf("telegram: download photo: %w", err))
	}
	if len(data) > maxPhoto {
		return nil, fmt.Errorf("telegram: photo larger than %d bytes", maxPhoto)
	}
	return data, nil
}
