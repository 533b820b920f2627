// Package emulator is an in-process Telegram Bot API server: it serves
// POST /bot{token}/{method} like api.telegram.org, so the real
// go-telegram/bot client can be pointed at it with bot.WithServerURL. The
// tests drive the bot through it, and the playground runs the whole bot on
// it without a token or a network, in the spirit of net/http/httptest.
//
// A test plays the users and reads what the bot did:
//
//   - SendText, SendLocation, PressButton and SendUpdate queue updates, which
//     a polling bot receives through getUpdates (long polling that blocks
//     like Telegram's, honours offset, limit, timeout and allowed_updates)
//     and a webhook bot through DeliverWebhook. Redeliver queues a duplicate.
//   - Calls records every request; Sent, Edits and Message give parsed views
//     of the messages the bot sent into a chat, with the bytes of an uploaded
//     photo in Sent.Upload; WaitSent and Wait block until something
//     happened, without sleeping.
//   - FailNext and SetFaultRate inject errors (429 with retry_after, 5xx),
//     delays and dropped connections; SetBlocked makes a chat answer 403.
//
// The emulated methods are getMe, getUpdates, setWebhook, deleteWebhook,
// getWebhookInfo, sendMessage, sendLocation, sendVenue, sendPhoto,
// sendChatAction, editMessageText, editMessageReplyMarkup, deleteMessage,
// answerCallbackQuery and setMyCommands; any other answers 404 as the real
// API does for unknown methods. Requests may be multipart/form-data (what
// go-telegram/bot sends, with nested objects as JSON text in form fields),
// JSON or URL-encoded.
//
// The server checks what commonly breaks bots in production: text of 1 to
// 4096 UTF-16 code units, callback_data of 1 to 64 bytes, inline buttons
// without an action, request_location outside private chats, edits that
// change nothing, unknown callback queries, uploaded photos that are empty,
// not PNG, JPEG or GIF, or beyond Telegram's dimension limits. Descriptions
// match the real API where they are well known ("Bad Request: message is
// too long"); for rarer cases they are close approximations. Formatting
// (parse_mode) is recorded but not parsed.
package emulator
