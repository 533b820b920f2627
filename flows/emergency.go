package flows

import (
	"strings"
	"unicode"
)

// emergencyWords are words and phrases that suggest someone is in danger
// now, per language, lower-case. A false alarm costs one extra message; a
// missed emergency costs far more, so the list errs towards matching. Words
// match whole (after lower-casing); entries with a space match as a phrase.
var emergencyWords = []string{
	// Russian.
	"помогите", "помоги", "помощь", "спасите", "спаси", "sos", "сос",
	"убивают", "убьют", "убили", "убил", "убить", "нож", "ножом", "пистолет",
	"стреляют", "стрельба", "выстрел", "выстрелы", "насилуют", "изнасиловали",
	"напали", "нападение", "избивают", "бьют", "пожар", "горит", "кровь",
	"умирает", "похитили", "заложник", "заложники", "бомба", "взрыв", "теракт",
	"ломятся", "срочно",
	// Kazakh.
	"көмектесіңдер", "көмектесіңіз", "көмектес", "көмек", "құтқарыңдар",
	"құтқарыңыз", "өлтіріп", "өлтіреді", "өлтірді", "пышақ", "пышақпен",
	"мылтық", "атып жатыр", "атыс", "ұрып жатыр", "соғып жатыр", "шабуыл",
	"өрт", "жанып жатыр", "қан", "кепілге", "жарылыс", "бомба", "шұғыл",
	"зорлап",
	// English.
	"help", "emergency", "urgent", "knife", "gun", "shooting", "shot",
	"stabbed", "kill", "killing", "killed", "murder", "rape", "attack",
	"attacked", "fire", "bleeding", "dying", "kidnapped", "hostage", "bomb",
	"explosion", "break in", "breaking in",
}

var emergencySet, emergencyPhrases = splitEmergencyWords()

func splitEmergencyWords() (map[string]bool, []string) {
	set := make(map[string]bool)
	var phrases []string
	for _, w := range emergencyWords {
		if strings.Contains(w, " ") {
			phrases = append(phrases, w)
		} else {
			set[w] = true
		}
	}
	return set, phrases
}

// looksLikeEmergency reports whether text contains an emergency word or
// phrase.
func looksLikeEmergency(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for _, w := range words {
		if emergencySet[strings.ReplaceAll(w, "ё", "е")] {
			return true
		}
	}
	if len(emergencyPhrases) > 0 && len(words) > 1 {
		joined := " " + strings.Join(words, " ") + " "
		for _, p := range emergencyPhrases {
			if strings.Contains(joined, " "+p+" ") {
				return true
			}
		}
	}
	return false
}
