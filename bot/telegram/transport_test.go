package telegram

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A streamed body goes whole, with its length, and arrives intact; a
// body too big for memory is refused rather than read without end.
func TestWholeBodies(t *testing.T) {
	var gotLen int64
	var gotTE []string
	var gotBody string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotLen, gotTE = r.ContentLength, r.TransferEncoding
		b, _ := io.ReadAll(r.Body)
		gotBody = string(b)
	}))
	defer srv.Close()
	client := &http.Client{Transport: wholeBodies{http.DefaultTransport}}

	pr, pw := io.Pipe()
	go func() {
		for _, part := range []string{"--boundary\r\n", "Content-Disposition: form-data; name=\"text\"\r\n\r\n", "Сәлем", "\r\n--boundary--\r\n"} {
			pw.Write([]byte(part))
		}
		pw.Close()
	}()
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/botTOKEN/sendMessage", pr)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if gotLen <= 0 || len(gotTE) != 0 {
		t.Errorf("sent with length %d and transfer encoding %v, want a known length and none", gotLen, gotTE)
	}
	if !strings.Contains(gotBody, "Сәлем") || int64(len(gotBody)) != gotLen {
		t.Errorf("body %q (%d bytes, length %d)", gotBody, len(gotBody), gotLen)
	}

	big, _ := http.NewRequest(http.MethodPost, srv.URL+"/botTOKEN/sendPhoto", io.LimitReader(zeros{}, maxBody+10))
	if _, err := client.Do(big); err == nil || !strings.Contains(err.Error(), "over") {
		t.Errorf("a body over the bound: %v, want refused", err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
