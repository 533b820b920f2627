package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf16"
)

// maxBody bounds a request body; the real API accepts uploads of up to 50 MB.
const maxBody = 50 << 20

// File is a file the bot uploaded as a multipart file part.
type File struct {
	// Field is the form field that carried the file ("photo", or the name
	// used in an "attach://name" reference).
	Field string
	// Filename is the file name the client gave.
	Filename string
	// Data is the whole content.
	Data []byte
}

// params are the values of one call: form values as they arrived, JSON
// values as their JSON text (strings unquoted), as the real API reads them.
type params map[string]string

// readParams reads the query string and the body of r, whatever its
// encoding: multipart/form-data (what go-telegram/bot sends), JSON, or
// application/x-www-form-urlencoded.
func readParams(r *http.Request) (params, map[string]File, error) {
	p := params{}
	for k, v := range r.URL.Query() {
		p[k] = v[0]
	}
	files := map[string]File{}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBody))
	if err != nil {
		return nil, nil, fmt.Errorf("read body: %w", err)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		// go-telegram/bot sends a multipart Content-Type with an empty body
		// for methods without parameters (getWebhookInfo, getMe).
		return p, files, nil
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mediaType {
	case "multipart/form-data":
		if err := r.ParseMultipartForm(maxBody); err != nil {
			return nil, nil, fmt.Errorf("parse multipart body: %w", err)
		}
		defer r.MultipartForm.RemoveAll()
		for k, v := range r.MultipartForm.Value {
			p[k] = v[0]
		}
		for k, fhs := range r.MultipartForm.File {
			f, err := fhs[0].Open()
			if err != nil {
				return nil, nil, fmt.Errorf("open file part %s: %w", k, err)
			}
			data, err := io.ReadAll(f)
			_ = f.Close()
			if err != nil {
				return nil, nil, fmt.Errorf("read file part %s: %w", k, err)
			}
			files[k] = File{Field: k, Filename: fhs[0].Filename, Data: data}
		}
	case "application/json":
		if err := readJSONParams(body, p); err != nil {
			return nil, nil, err
		}
	default:
		if err := r.ParseForm(); err != nil {
			return nil, nil, fmt.Errorf("parse form body: %w", err)
		}
		for k, v := range r.PostForm {
			p[k] = v[0]
		}
	}
	return p, files, nil
}

// readJSONParams flattens a JSON object into params: strings lose their
// quotes, everything else keeps its JSON text, null means absent.
func readJSONParams(data []byte, p params) error {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		return fmt.Errorf("decode JSON body: %w", err)
	}
	for k, raw := range obj {
		raw = bytes.TrimSpace(raw)
		switch {
		case string(raw) == "null":
		case len(raw) > 0 && raw[0] == '"':
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return fmt.Errorf("decode JSON field %s: %w", k, err)
			}
			p[k] = s
		default:
			p[k] = string(raw)
		}
	}
	return nil
}

// has reports whether a value was given; go-telegram/bot sends "null" for a
// nil chat_id, which the real API treats as missing too.
func (p params) has(name string) bool {
	v, ok := p[name]
	return ok && v != "" && v != "null"
}

// int returns an integer value, 0 when it is absent or malformed.
func (p params) int(name string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(p[name]))
	return n
}

// float returns a number value and whether it was present and well formed.
func (p params) float(name string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(p[name]), 64)
	return f, err == nil
}

// bool returns a boolean value; the real API accepts true/false and 1/0.
func (p params) bool(name string) bool {
	b, _ := strconv.ParseBool(strings.TrimSpace(p[name]))
	return b
}

// chatID reads chat_id. Only numeric ids are known to the fake: "@channel"
// names answer "chat not found".
func (p params) chatID() (int64, *apiError) {
	if !p.has("chat_id") {
		return 0, badRequest(descChatIDEmpty)
	}
	id, err := strconv.ParseInt(strings.TrimSpace(p["chat_id"]), 10, 64)
	if err != nil || id == 0 {
		return 0, badRequest(descChatNotFound)
	}
	return id, nil
}

// textLen counts s the way Telegram limits text: in UTF-16 code units, so an
// emoji outside the BMP counts twice and a Cyrillic letter once.
func textLen(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
