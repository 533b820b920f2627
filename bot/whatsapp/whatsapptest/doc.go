// Package whatsapptest is a fake WhatsApp Cloud API (Meta's Graph API) for
// tests, in the spirit of net/http/httptest and of telegramtest: a real
// HTTP server that the WhatsApp adapter is pointed at through its API base
// URL, and a webhook client that plays Meta calling the bot.
//
// The server side answers what the bot calls:
//
//   - POST /{version}/{phone-number-id}/messages checks the bearer token,
//     the phone number id and the message the way Meta does for text,
//     reply buttons, lists, location requests, locations, images and
//     templates, and answers with a wamid or a Graph error object
//     ({"error":{"message","type","code","error_data","fbtrace_id"}}).
//     Read receipts ({"status":"read"}) are accepted.
//   - POST /{version}/{phone-number-id}/media stores a multipart upload and
//     answers its media id; GET /{version}/{media-id} and the URL it names
//     serve media back, as the bot does to fetch a resident's photo.
//
// A test reads what the bot did with Sent, AllSent and WaitSent (parsed
// views with the raw JSON) and Calls (every request with its status), and
// makes things go wrong with FailNext and SetFaultRate (Meta's 130429,
// 131056, 131047 and 131026 errors, 5xx, slow answers, dropped
// connections, or a message that was sent but whose answer was lost),
// OutsideWindow (free-form messages to a number fail with 131047 while
// templates pass) and AddTemplate (unknown templates and wrong parameter
// counts fail with 132001 and 132000).
//
// The webhook side is Webhook: it builds payloads shaped like Meta's
// (entry[].changes[].value.messages[] and statuses[]), signs them with
// X-Hub-Signature-256 and posts them to the bot; Press answers a button
// or list row of a message the bot sent, Replay posts a payload again byte
// for byte, as Meta's retries do, and Post sends arbitrary bytes.
//
// Lengths are counted in characters (runes), as Meta counts them. Meta
// reports some failures, 131047 and 131026 among them, either in the
// answer or later in a "failed" status webhook; the fake answers them
// synchronously, and Webhook.Status sends the asynchronous form.
package whatsapptest
