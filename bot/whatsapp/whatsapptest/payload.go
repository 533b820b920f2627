package whatsapptest

// The webhook payload, shaped like Meta's: one entry with one change of
// field "messages", carrying either messages with the sender's contact or
// statuses.

type payload struct {
	Object string  `json:"object"`
	Entry  []entry `json:"entry"`
}

type entry struct {
	ID      string   `json:"id"`
	Changes []change `json:"changes"`
}

type change struct {
	Value value  `json:"value"`
	Field string `json:"field"`
}

type value struct {
	MessagingProduct string      `json:"messaging_product"`
	Metadata         metadata    `json:"metadata"`
	Contacts         []contact   `json:"contacts,omitempty"`
	Messages         []inMessage `json:"messages,omitempty"`
	Statuses         []status    `json:"statuses,omitempty"`
}

type metadata struct {
	DisplayPhoneNumber string `json:"display_phone_number"`
	PhoneNumberID      string `json:"phone_number_id"`
}

type contact struct {
	Profile struct {
		Name string `json:"name"`
	} `json:"profile"`
	WaID string `json:"wa_id"`
}

type inMessage struct {
	Context     *msgContext    `json:"context,omitempty"`
	From        string         `json:"from"`
	ID          string         `json:"id"`
	Timestamp   string         `json:"timestamp"`
	Type        string         `json:"type"`
	Text        *inText        `json:"text,omitempty"`
	Interactive *inInteractive `json:"interactive,omitempty"`
	Location    *inLocation    `json:"location,omitempty"`
	Image       *inMedia       `json:"image,omitempty"`
	Sticker     *inMedia       `json:"sticker,omitempty"`
}

type msgContext struct {
	From string `json:"from"`
	ID   string `json:"id"`
}

type inText struct {
	Body string `json:"body"`
}

type inInteractive struct {
	Type        string   `json:"type"`
	ButtonReply *inReply `json:"button_reply,omitempty"`
	ListReply   *inReply `json:"list_reply,omitempty"`
}

type inReply struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
}

type inLocation struct {
	Latitude  float64 `json:"latitude"`
	Longitude float64 `json:"longitude"`
}

type inMedia struct {
	Caption  string `json:"caption,omitempty"`
	MIMEType string `json:"mime_type"`
	SHA256   string `json:"sha256"`
	ID       string `json:"id"`
	Animated *bool  `json:"animated,omitempty"`
}

type status struct {
	ID           string        `json:"id"`
	Status       string        `json:"status"`
	Timestamp    string        `json:"timestamp"`
	RecipientID  string        `json:"recipient_id"`
	Conversation *conversation `json:"conversation,omitempty"`
	Pricing      *pricing      `json:"pricing,omitempty"`
	Errors       []statusError `json:"errors,omitempty"`
}

type conversation struct {
	ID                  string `json:"id"`
	ExpirationTimestamp string `json:"expiration_timestamp,omitempty"`
	Origin              struct {
		Type string `json:"type"`
	} `json:"origin"`
}

type pricing struct {
	Billable     bool   `json:"billable"`
	PricingModel string `json:"pricing_model"`
	Category     string `json:"category"`
}

type statusError struct {
	Code      int    `json:"code"`
	Title     string `json:"title"`
	Message   string `json:"message"`
	ErrorData struct {
		Details string `json:"details"`
	} `json:"error_data"`
	Href string `json:"href"`
}
