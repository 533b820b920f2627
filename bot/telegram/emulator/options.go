package emulator

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"
)

// Option configures a Server in New.
type Option func(*Server)

// WithUpdateIDBase makes the first update_id base instead of 1.
func WithUpdateIDBase(base int64) Option {
	return func(s *Server) { s.updates.next = base }
}

// WithUpdateIDJumps makes each update_id exceed the previous one by a random
// amount from 1 to maxGap instead of by exactly 1, so a test can show the bot
// does not expect consecutive ids. The ids still increase, as Telegram's do
// while updates are pending; maxGap below 2 keeps them consecutive.
func WithUpdateIDJumps(maxGap int64) Option {
	return func(s *Server) { s.updates.maxGap = maxGap }
}

// WithSeed seeds the random source behind WithUpdateIDJumps and
// SetFaultRate, so a failing run can be repeated. The default seed is 1.
func WithSeed(seed uint64) Option {
	return func(s *Server) { s.rng = rand.New(rand.NewPCG(seed, seed)) }
}

// WithClock sets the clock used for message dates and call times.
func WithClock(now func() time.Time) Option {
	return func(s *Server) { s.now = now }
}

// defaultBotUser takes the bot id from the token, as Telegram's tokens start
// with it ("123456:ABC…"); go-telegram/bot's Bot.ID reads it the same way.
func defaultBotUser(token string) models.User {
	id, err := strconv.ParseInt(strings.Split(token, ":")[0], 10, 64)
	if err != nil || id <= 0 {
		id = 7000000001
	}
	return models.User{
		ID:            id,
		IsBot:         true,
		FirstName:     "Beatbot Test",
		Username:      "beatbot_test_bot",
		CanJoinGroups: true,
	}
}
