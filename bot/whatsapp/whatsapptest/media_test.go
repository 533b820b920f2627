package whatsapptest_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"testing"
)

// pngBytes starts like a PNG, which is all the fake checks.
var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR fake chart")

// uploadFile posts a multipart upload like the adapter's.
func uploadFile(t *testing.T, srv interface{ URL() string }, typ string, data []byte, fields ...string) (int, answer, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if len(fields) == 0 {
		fields = []string{"messaging_product", "whatsapp"}
	}
	for i := 0; i+1 < len(fields); i += 2 {
		_ = mw.WriteField(fields[i], fields[i+1])
	}
	_ = mw.WriteField("type", typ)
	part, _ := mw.CreateFormFile("file", "chart.png")
	_, _ = part.Write(data)
	_ = mw.Close()
	status, a, raw, err := call(testCtx(t), http.MethodPost, srv.URL()+"/"+testPhoneID+"/media", testToken, mw.FormDataContentType(), buf.Bytes())
	if err != nil {
		t.Fatalf("upload: %v", err)
	}
	var id struct{ ID string }
	_ = json.Unmarshal(raw, &id)
	return status, a, id.ID
}

func TestUpload(t *testing.T) {
	tests := []struct {
		name     string
		typ      string
		data     []byte
		fields   []string
		wantCode int // 0: accepted
	}{
		{"png", "image/png", pngBytes, nil, 0},
		{"wrong product", "image/png", pngBytes, []string{"messaging_product", "sms"}, 100},
		{"unsupported type", "image/bmp", pngBytes, nil, 100},
		{"empty file", "image/png", nil, nil, 131053},
		{"not the declared type", "image/jpeg", pngBytes, nil, 131053},
		{"over 5 MB", "image/png", append(pngBytes, make([]byte, 5<<20)...), nil, 131053},
	}
	srv := newServer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, a, id := uploadFile(t, srv, tt.typ, tt.data, tt.fields...)
			if tt.wantCode != 0 {
				if status != 400 || a.Error.Code != tt.wantCode {
					t.Errorf("got %d %+v, want 400 code %d", status, a.Error, tt.wantCode)
				}
				return
			}
			m, ok := srv.Media(id)
			if status != 200 || !ok || !bytes.Equal(m.Data, tt.data) || !m.Uploaded || m.MIMEType != tt.typ || m.Filename != "chart.png" {
				t.Fatalf("got %d id %q %+v, want the upload stored", status, id, m)
			}
			if status, a := send(t, srv, message(alice, "image", obj{"id": id, "caption": "Chart"})); status != 200 {
				t.Fatalf("send image: got %d %+v", status, a.Error)
			}
			if img := srv.Sent(alice)[0].Image; img == nil || img.ID != id || !bytes.Equal(img.Data, tt.data) {
				t.Errorf("got %+v, want the image with the uploaded bytes", img)
			}
		})
	}
}

func TestDownloadMedia(t *testing.T) {
	srv := newServer(t)
	ctx := testCtx(t)
	photo := []byte("\xff\xd8\xff\xe0 a resident's photo")
	id := srv.AddMedia(photo, "image/jpeg")

	status, _, raw, err := call(ctx, http.MethodGet, srv.URL()+"/"+id, testToken, "", nil)
	var info struct {
		URL      string `json:"url"`
		MIMEType string `json:"mime_type"`
		FileSize int    `json:"file_size"`
		ID       string `json:"id"`
	}
	if err != nil || status != 200 || json.Unmarshal(raw, &info) != nil || info.ID != id || info.FileSize != len(photo) {
		t.Fatalf("got %d %s %v, want the media info", status, raw, err)
	}
	tests := []struct {
		name  string
		token string
		want  int
	}{
		{"with token", testToken, 200},
		{"without token", "", 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, info.URL, nil)
			if tt.token != "" {
				req.Header.Set("Authorization", "Bearer "+tt.token)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			got, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.want || (tt.want == 200 && !bytes.Equal(got, photo)) {
				t.Errorf("got %d %q, want %d", resp.StatusCode, got, tt.want)
			}
		})
	}
	if status, a, _, _ := call(ctx, http.MethodGet, srv.URL()+"/123", testToken, "", nil); status != 400 || a.Error.Code != 100 {
		t.Errorf("unknown media: got %d %+v, want 400 code 100", status, a.Error)
	}
}
