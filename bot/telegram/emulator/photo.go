package emulator

import (
	"bytes"
	"image"
	_ "image/gif" // formats an uploaded photo may be in
	_ "image/jpeg"
	_ "image/png"
	"strings"

	"github.com/go-telegram/bot/models"
)

// Telegram's limits on the dimensions of an uploaded photo.
const (
	maxPhotoSides = 10000 // width plus height
	maxPhotoRatio = 20    // longer side over shorter side
)

// photoSides are the longest sides of the sizes Telegram makes of an
// uploaded photo, smallest first; it makes none larger than the original.
var photoSides = []int{90, 320, 800, 1280, 2560}

// sendPhoto accepts a file part, an "attach://name" reference to one, a
// URL or a file_id received earlier; the last is echoed back as the file_id.
// An upload must decode as a PNG, JPEG or GIF image within Telegram's
// dimension limits; it gets sizes scaled from its own dimensions and new
// file_ids, and is recorded in Sent.Upload.
func (s *Server) sendPhoto(req *request) (any, *apiError) {
	p := req.params
	chatID, apiErr := p.chatID()
	if apiErr != nil {
		return nil, apiErr
	}
	upload, given := photoInput(req)
	if upload == nil && given == "" {
		return nil, badRequest("there is no photo in the request")
	}
	if textLen(p["caption"]) > maxCaptionLen {
		return nil, badRequest(descCaptionTooLong)
	}
	var cfg image.Config
	if upload != nil {
		if cfg, apiErr = checkImage(upload.Data); apiErr != nil {
			return nil, apiErr
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, apiErr := s.targetLocked(chatID)
	if apiErr != nil {
		return nil, apiErr
	}
	markup, inline, apiErr := parseMarkup(p["reply_markup"], c.chat)
	if apiErr != nil {
		return nil, apiErr
	}
	var photo []models.PhotoSize
	if upload != nil {
		photo = s.uploadSizesLocked(cfg, len(upload.Data))
	} else {
		photo = s.knownSizesLocked(given)
	}
	msg := models.Message{Photo: photo, Caption: p["caption"], ReplyMarkup: inline}
	return s.sendLocked(c, msg, Sent{Method: "sendPhoto", Text: p["caption"], ParseMode: p["parse_mode"],
		ReplyMarkup: markup, Photo: photo[len(photo)-1].FileID, Upload: upload}), nil
}

// photoInput finds the photo of a sendPhoto call: the uploaded file, or
// else the file_id or URL given as text.
func photoInput(req *request) (upload *File, given string) {
	given = req.params["photo"]
	field := "photo"
	if name, ok := strings.CutPrefix(given, "attach://"); ok {
		field, given = name, ""
	}
	if f, ok := req.files[field]; ok {
		return &f, ""
	}
	return nil, given
}

// checkImage reads an uploaded photo's dimensions and applies Telegram's
// limits, with the descriptions the real API gives.
func checkImage(data []byte) (image.Config, *apiError) {
	if len(data) == 0 {
		return image.Config{}, badRequest(descFileEmpty)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return image.Config{}, badRequest(descImageFailed)
	}
	long, short := max(cfg.Width, cfg.Height), min(cfg.Width, cfg.Height)
	if cfg.Width+cfg.Height > maxPhotoSides || long > maxPhotoRatio*short {
		return image.Config{}, badRequest(descPhotoDimensions)
	}
	return cfg, nil
}

// uploadSizesLocked makes the sizes of an uploaded photo as Telegram does:
// one per step of photoSides up to the original's longest side, scaled to
// keep the aspect ratio, file sizes in proportion to the area.
func (s *Server) uploadSizesLocked(cfg image.Config, n int) []models.PhotoSize {
	w, h := cfg.Width, cfg.Height
	long := max(w, h)
	var sizes []models.PhotoSize
	for _, side := range photoSides {
		sw, sh := w, h
		if long > side {
			sw, sh = max(w*side/long, 1), max(h*side/long, 1)
		}
		id, unique := s.newFileIDLocked()
		sizes = append(sizes, models.PhotoSize{FileID: id, FileUniqueID: unique, Width: sw, Height: sh,
			FileSize: max(int(int64(n)*int64(sw*sh)/int64(w*h)), 1)})
		if long <= side {
			break
		}
	}
	return sizes
}

// knownSizesLocked makes the sizes of a photo sent by file_id or URL,
// whose dimensions the fake does not know: a file_id is kept as the largest
// size's, as Telegram keeps it.
func (s *Server) knownSizesLocked(given string) []models.PhotoSize {
	smallID, smallUnique := s.newFileIDLocked()
	bigID, bigUnique := s.newFileIDLocked()
	if !strings.Contains(given, "://") {
		bigID = given
	}
	return []models.PhotoSize{
		{FileID: smallID, FileUniqueID: smallUnique, Width: 90, Height: 67, FileSize: 1200},
		{FileID: bigID, FileUniqueID: bigUnique, Width: 800, Height: 600, FileSize: 48000},
	}
}
