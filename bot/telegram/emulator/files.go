package emulator

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"

	"github.com/go-telegram/bot/models"
)

// filesPath prefixes file downloads: /file/bot{token}/{file_path}, as on
// api.telegram.org.
const filesPath = "/file/bot"

// AddPhoto stores a picture a user is about to send, and returns the
// file_id to put in their message's photo: the bot can then fetch it with
// getFile and a download, as from Telegram.
func (s *Server) AddPhoto(data []byte) string {
	sum := sha256.Sum256(data)
	id := "AgACAgIAAx" + hex.EncodeToString(sum[:12])
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.files == nil {
		s.files = map[string][]byte{}
	}
	s.files[id] = append([]byte(nil), data...)
	return id
}

// getFile answers with the file's path for a stored photo.
func (s *Server) getFile(req *request) (any, *apiError) {
	id := req.params["file_id"]
	s.mu.Lock()
	data, ok := s.files[id]
	s.mu.Unlock()
	if !ok {
		return nil, badRequest("Bad Request: invalid file_id")
	}
	return models.File{FileID: id, FileUniqueID: id[len(id)-8:], FileSize: int64(len(data)), FilePath: "photos/" + id + ".png"}, nil
}

// serveFile serves a download, or reports false when path is not one.
func (s *Server) serveFile(w http.ResponseWriter, path string) bool {
	rest, ok := strings.CutPrefix(path, filesPath)
	if !ok {
		return false
	}
	token, file, _ := strings.Cut(rest, "/")
	id := strings.TrimSuffix(strings.TrimPrefix(file, "photos/"), ".png")
	s.mu.Lock()
	data, found := s.files[id]
	s.mu.Unlock()
	if token != s.token || !found {
		http.NotFound(w, nil)
		return true
	}
	w.Header().Set("Content-Type", "image/png")
	_, _ = w.Write(data)
	return true
}
