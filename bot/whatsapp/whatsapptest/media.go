package whatsapptest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
)

// downloadPath serves media bytes, like Meta's lookaside URLs.
const downloadPath = "/whatsapp_business/attachments/"

// mediaLimits are the MIME types Meta takes, with their size limits.
var mediaLimits = map[string]int{
	"image/jpeg": 5 << 20, "image/png": 5 << 20, "image/webp": 500 << 10,
	"audio/ogg": 16 << 20, "audio/mpeg": 16 << 20, "audio/aac": 16 << 20, "audio/mp4": 16 << 20, "audio/amr": 16 << 20,
	"video/mp4": 16 << 20, "video/3gpp": 16 << 20,
	"application/pdf": 100 << 20, "text/plain": 100 << 20,
}

// Media is a file stored on the server: uploaded by the bot, or added by a
// test with AddMedia as a resident's photo. Data must not be modified.
type Media struct {
	ID, MIMEType, Filename, SHA256 string
	Data                           []byte
	// Uploaded is set for media the bot uploaded.
	Uploaded bool
}

// AddMedia stores a file as if a resident had sent it and returns its
// media id, for Webhook.Image: the bot can then fetch it with GET
// /{media-id} and the URL that answers.
func (s *Server) AddMedia(data []byte, mimeType string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addMediaLocked(&Media{MIMEType: mimeType, Data: data})
}

func (s *Server) addMediaLocked(m *Media) string {
	s.nextID++
	m.ID = strconv.FormatInt(1_037_543_291_000_000+s.nextID, 10)
	sum := sha256.Sum256(m.Data)
	m.SHA256 = hex.EncodeToString(sum[:])
	s.media[m.ID] = m
	s.notifyLocked()
	return m.ID
}

// Media returns a stored file by id.
func (s *Server) Media(id string) (Media, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.media[id]
	if !ok {
		return Media{}, false
	}
	return *m, true
}

// upload serves POST /{phone-number-id}/media.
func (s *Server) upload(w http.ResponseWriter, r *http.Request, body []byte) int {
	if f, ok := s.takeFault(true, ""); ok {
		status, done := s.applyFault(r.Context(), w, f, func() { _, _ = s.storeUpload(r, body) })
		if done {
			return status
		}
	}
	id, gerr := s.storeUpload(r, body)
	if gerr != nil {
		return writeGraphError(w, gerr)
	}
	return writeJSON(w, http.StatusOK, map[string]string{"id": id})
}

// storeUpload checks a multipart upload like Meta and stores it.
func (s *Server) storeUpload(r *http.Request, body []byte) (string, *graphError) {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		return "", invalid(CodeInvalidParameter, "Media must be uploaded as multipart/form-data, got Content-Type %q", r.Header.Get("Content-Type"))
	}
	form, err := multipart.NewReader(bytes.NewReader(body), params["boundary"]).ReadForm(maxBody)
	if err != nil {
		return "", invalid(CodeInvalidParameter, "Malformed multipart body: %s", err.Error())
	}
	defer func() { _ = form.RemoveAll() }()
	value := func(k string) string {
		if v := form.Value[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	if p := value("messaging_product"); p != "whatsapp" {
		return "", invalid(CodeInvalidParameter, "Param messaging_product must be \"whatsapp\", got %q", p)
	}
	typ := value("type")
	limit, ok := mediaLimits[typ]
	if !ok {
		return "", invalid(CodeInvalidParameter, "Param type must be a supported MIME type such as image/jpeg or image/png, got %q", typ)
	}
	files := form.File["file"]
	if len(files) != 1 {
		return "", invalid(CodeInvalidParameter, "The parameter file is required: one file part named \"file\".")
	}
	data, err := readPart(files[0])
	switch {
	case err != nil:
		return "", invalid(CodeMediaUpload, "Could not read the file part: %s", err.Error())
	case len(data) == 0:
		return "", invalid(CodeMediaUpload, "The uploaded file is empty.")
	case len(data) > limit:
		return "", invalid(CodeMediaUpload, "File of %d bytes is over the %d byte limit for %s.", len(data), limit, typ)
	}
	if strings.HasPrefix(typ, "image/") {
		if got := http.DetectContentType(data); got != typ {
			return "", invalid(CodeMediaUpload, "The file declared as %s looks like %s.", typ, got)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addMediaLocked(&Media{MIMEType: typ, Filename: files[0].Filename, Data: data, Uploaded: true}), nil
}

func readPart(fh *multipart.FileHeader) ([]byte, error) {
	f, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// mediaInfo serves GET /{media-id}.
func (s *Server) mediaInfo(w http.ResponseWriter, id string) int {
	m, ok := s.Media(id)
	if !ok {
		return writeGraphError(w, errNoObject("get", id))
	}
	return writeJSON(w, http.StatusOK, map[string]any{
		"messaging_product": "whatsapp",
		"url":               s.ts.URL + downloadPath + "?mid=" + m.ID,
		"mime_type":         m.MIMEType,
		"sha256":            m.SHA256,
		"file_size":         len(m.Data),
		"id":                m.ID,
	})
}

// download serves the bytes of a media URL; like Meta's it needs the
// access token.
func (s *Server) download(w http.ResponseWriter, r *http.Request) int {
	m, ok := s.Media(r.URL.Query().Get("mid"))
	if !ok {
		http.NotFound(w, r)
		return http.StatusNotFound
	}
	w.Header().Set("Content-Type", m.MIMEType)
	w.Header().Set("Content-Length", strconv.Itoa(len(m.Data)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(m.Data)
	return http.StatusOK
}
