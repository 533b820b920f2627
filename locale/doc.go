// Package locale holds every text the bot shows to people, in Russian,
// Kazakh and English.
//
// Texts are looked up by Key; a test checks that each exists in all three
// languages with the same placeholders, so a flow can never answer a resident
// in a language they did not choose.
package locale
