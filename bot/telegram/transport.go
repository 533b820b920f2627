package telegram

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
)

// maxBody bounds a request body read into memory: Telegram takes photos
// up to 10 MB, and the bot's own charts are far smaller.
const maxBody = 20 << 20

// wholeBodies sends each request with its body whole and its length
// known. go-telegram/bot streams every call's multipart form through a
// pipe, which net/http sends chunked, flushing after each part: a dozen
// write syscalls for one short message, a sixth of the bot's time under
// load by profile. Read first, the form goes in one write.
type wholeBodies struct{ next http.RoundTripper }

func (t wholeBodies) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body == nil || r.Body == http.NoBody || r.ContentLength > 0 {
		return t.next.RoundTrip(r)
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	r.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("telegram: read request body: %w", err)
	}
	if len(data) > maxBody {
		return nil, fmt.Errorf("telegram: request body over %d bytes", maxBody)
	}
	// A RoundTripper must not change the request it is given.
	r2 := r.Clone(r.Context())
	r2.ContentLength = int64(len(data))
	r2.Body = io.NopCloser(bytes.NewReader(data))
	r2.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
	r2.TransferEncoding = nil
	return t.next.RoundTrip(r2)
}
