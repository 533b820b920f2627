package telegram

// The bot decodes updates into these types rather than go-telegram/bot's
// models.Update: they hold only what convert reads. encoding/json fills
// every field of the object it is given, and an update's callback query
// carries the whole message its button was under, keyboard included,
// which models.MaybeInaccessibleMessage decodes twice. Decoding updates
// was a twelfth of the bot's processor time under load; with these types
// it costs about a third as much, and a tenth of the memory
// (BenchmarkDecodeUpdates).

// update is a Telegram update as the bot reads it.
type update struct {
	ID            int64          `json:"update_id"`
	Message       *message       `json:"message"`
	CallbackQuery *callbackQuery `json:"callback_query"`
}

// user is a message's or a button press's sender.
type user struct {
	ID           int64  `json:"id"`
	FirstName    string `json:"first_name"`
	LastName     string `json:"last_name"`
	LanguageCode string `json:"language_code"`
}

type chat struct {
	ID   int64  `json:"id"`
	Type string `json:"type"`
}

type location struct {
	Latitude  float64 `json:"latitude"`
	Longitude float64 `json:"longitude"`
}

type photoSize struct {
	FileID string `json:"file_id"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
}

// present is a field the bot only needs to know is there: decoding into
// it skips the value without building anything.
type present *struct{}

// message is a message as the bot reads it. The fields of kinds the bot
// does not handle only say the kind is there, for the resident's answer.
type message struct {
	ID       int         `json:"message_id"`
	From     *user       `json:"from"`
	Chat     chat        `json:"chat"`
	Text     string      `json:"text"`
	Caption  string      `json:"caption"`
	Location *location   `json:"location"`
	Venue    *venue      `json:"venue"`
	Photo    []photoSize `json:"photo"`

	Sticker   present `json:"sticker"`
	Voice     present `json:"voice"`
	Audio     present `json:"audio"`
	Document  present `json:"document"`
	Contact   present `json:"contact"`
	Video     present `json:"video"`
	VideoNote present `json:"video_note"`
	Animation present `json:"animation"`
	Poll      present `json:"poll"`
	Dice      present `json:"dice"`
}

type venue struct {
	Location location `json:"location"`
}

// callbackQuery is a pressed inline button. Its message is the one the
// button was under; a message too old for Telegram to send again comes
// as an InaccessibleMessage, which has the same message_id and chat.
type callbackQuery struct {
	ID      string `json:"id"`
	From    user   `json:"from"`
	Message *struct {
		ID   int  `json:"message_id"`
		Chat chat `json:"chat"`
	} `json:"message"`
	Data string `json:"data"`
}
