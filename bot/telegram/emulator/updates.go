package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"
)

// queuedUpdate is one update waiting to be confirmed, kept as the exact
// JSON delivered so a redelivery is byte for byte the same.
type queuedUpdate struct {
	id         int64
	kind       string // "message", "callback_query", …
	raw        json.RawMessage
	redelivery bool // queued by Redeliver, see confirmLocked
	delivered  bool // returned by getUpdates at least once
}

// updateQueue is Telegram's per-bot update storage.
type updateQueue struct {
	next    int64
	maxGap  int64
	pending []*queuedUpdate
	history map[int64]*queuedUpdate
	allowed map[string]bool // nil: Telegram's default set
	pollGen int             // bumped by each getUpdates; older polls end with 409
}

func newUpdateQueue() updateQueue {
	return updateQueue{next: 1, history: map[int64]*queuedUpdate{}}
}

// notByDefault are the kinds Telegram sends only when asked for by name.
var notByDefault = map[string]bool{"chat_member": true, "message_reaction": true, "message_reaction_count": true}

// enqueueLocked gives u the next update_id and queues it.
func (s *Server) enqueueLocked(u models.Update) int64 {
	q := &s.updates
	u.ID = q.next
	gap := int64(1)
	if q.maxGap > 1 {
		gap += s.rng.Int64N(q.maxGap)
	}
	q.next += gap
	raw, err := json.Marshal(&u)
	if err != nil {
		panic(fmt.Sprintf("emulator: encode update: %v", err))
	}
	item := &queuedUpdate{id: u.ID, kind: updateKind(raw), raw: raw}
	q.pending = append(q.pending, item)
	q.history[u.ID] = item
	s.notifyLocked()
	return u.ID
}

// updateKind is the name of the one optional field an update carries.
// models.Update encodes update_id first and then that field, so it is
// read from there; decoding every update again cost the load harness a
// tenth of its time. Any other shape is decoded.
func updateKind(raw []byte) string {
	if rest, ok := bytes.CutPrefix(raw, []byte(`{"update_id":`)); ok {
		if _, after, ok := bytes.Cut(rest, []byte(`,"`)); ok {
			if name, _, ok := bytes.Cut(after, []byte(`":`)); ok {
				return string(name)
			}
		}
	}
	var fields map[string]json.RawMessage
	_ = json.Unmarshal(raw, &fields)
	for k := range fields {
		if k != "update_id" {
			return k
		}
	}
	return ""
}

// SendUpdate queues any update, for kinds without a helper (stickers, voice,
// documents, contacts…). Its ID is replaced by the next update_id, which is
// returned. A Message without chat goes to the private chat of its sender;
// a zero message_id or date is filled in. It panics if u cannot be encoded.
func (s *Server) SendUpdate(u models.Update) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u.Message != nil {
		m := s.userMessageLocked(*u.Message)
		u.Message = &m
	}
	return s.enqueueLocked(u)
}

// Redeliver queues an exact copy of an earlier update, with the same
// update_id, as Telegram does when it believes delivery failed. Telegram
// never returns an update below the offset a poll confirms; to let a
// polling bot see the duplicate, the copy is exempt from confirmation until
// a getUpdates has returned it.
func (s *Server) Redeliver(updateID int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	orig, ok := s.updates.history[updateID]
	if !ok {
		return fmt.Errorf("emulator: redeliver %d: %w", updateID, ErrUnknownUpdate)
	}
	// Insert in id order: go-telegram/bot takes the last id of a batch as
	// its offset, so a copy after newer updates would unconfirm them.
	q := &s.updates
	at := len(q.pending)
	for i, u := range q.pending {
		if u.id > updateID {
			at = i
			break
		}
	}
	copied := &queuedUpdate{id: orig.id, kind: orig.kind, raw: orig.raw, redelivery: true}
	q.pending = slices.Insert(q.pending, at, copied)
	s.notifyLocked()
	return nil
}

// Pending returns the ids of updates not yet confirmed, in delivery order.
func (s *Server) Pending() []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]int64, 0, len(s.updates.pending))
	for _, u := range s.updates.pending {
		ids = append(ids, u.id)
	}
	return ids
}

// confirmLocked forgets the updates an offset confirms: those below a
// positive offset, or all but the last -offset for a negative one.
func (s *Server) confirmLocked(offset int64) {
	q := &s.updates
	if offset < 0 {
		if keep := int(-offset); keep < len(q.pending) {
			q.pending = append([]*queuedUpdate(nil), q.pending[len(q.pending)-keep:]...)
		}
		return
	}
	kept := q.pending[:0]
	for _, u := range q.pending {
		if offset == 0 || u.id >= offset || (u.redelivery && !u.delivered) {
			kept = append(kept, u)
		}
	}
	clear(q.pending[len(kept):])
	q.pending = kept
}

// takeLocked returns up to limit pending updates of allowed kinds as a JSON
// array, dropping those of other kinds as Telegram never stores them.
func (s *Server) takeLocked(limit int) (json.RawMessage, int) {
	q := &s.updates
	var batch []string
	kept := q.pending[:0]
	for _, u := range q.pending {
		if !q.allowedLocked(u.kind) {
			continue
		}
		kept = append(kept, u)
		if len(batch) < limit {
			if !u.delivered {
				for _, fn := range s.onDelivered {
					fn(u.id)
				}
			}
			u.delivered = true
			batch = append(batch, string(u.raw))
		}
	}
	clear(q.pending[len(kept):])
	q.pending = kept
	return json.RawMessage("[" + strings.Join(batch, ",") + "]"), len(batch)
}

func (q *updateQueue) allowedLocked(kind string) bool {
	if q.allowed == nil {
		return !notByDefault[kind]
	}
	return q.allowed[kind]
}

// setAllowedLocked stores allowed_updates; like Telegram, the setting stays
// until changed, and an empty list means the default set.
func (q *updateQueue) setAllowedLocked(raw string) *apiError {
	var kinds []string
	if err := json.Unmarshal([]byte(raw), &kinds); err != nil {
		return badRequest("can't parse allowed updates")
	}
	q.allowed = nil
	if len(kinds) > 0 {
		q.allowed = map[string]bool{}
		for _, k := range kinds {
			q.allowed[k] = true
		}
	}
	return nil
}

// getUpdates long-polls: it answers as soon as updates are available, and
// otherwise only when timeout seconds pass, the client goes away, another
// getUpdates starts (409, as for two bot instances) or the server closes.
func (s *Server) getUpdates(req *request) (any, *apiError) {
	p := req.params
	offset, _ := strconv.ParseInt(strings.TrimSpace(p["offset"]), 10, 64)
	limit := p.int("limit")
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	var expired <-chan time.Time
	timeout := p.int("timeout")
	if timeout > 0 {
		t := time.NewTimer(time.Duration(timeout) * time.Second)
		defer t.Stop()
		expired = t.C
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if p.has("allowed_updates") {
		if apiErr := s.updates.setAllowedLocked(p["allowed_updates"]); apiErr != nil {
			return nil, apiErr
		}
	}
	s.updates.pollGen++
	gen := s.updates.pollGen
	s.notifyLocked()
	s.confirmLocked(offset)
	for {
		switch {
		case s.webhook.url != "":
			return nil, &apiError{Code: http.StatusConflict, Description: descWebhookActive}
		case gen != s.updates.pollGen:
			return nil, &apiError{Code: http.StatusConflict, Description: descOtherPoll}
		}
		batch, n := s.takeLocked(limit)
		if n > 0 || timeout <= 0 || s.closed {
			return batch, nil
		}
		changed := s.changed
		s.mu.Unlock()
		select {
		case <-changed:
		case <-expired:
			timeout = 0 // answer with whatever there is now
		case <-req.ctx.Done():
			s.mu.Lock()
			return nil, errAbandoned
		}
		s.mu.Lock()
	}
}
