package locale

import (
	"strconv"
	"strings"

	"github.com/beatbot-kz/beatbot/core"
)

// Km formats a distance given in metres as kilometres with one decimal, the
// way l writes it: "2,4 км" in Russian and Kazakh, which use a decimal
// comma, and "2.4 km" in English. An unknown language is written as
// Russian, as T does. Distances under 0.1 km (and negative or NaN ones)
// read "0,1 км", never "0,0 км".
func Km(l core.Lang, metres float64) string {
	km := metres / 1000
	if !(km >= 0.1) { // also catches NaN
		km = 0.1
	}
	s := strconv.FormatFloat(km, 'f', 1, 64)
	if l == core.English {
		return s + " km"
	}
	return strings.Replace(s, ".", ",", 1) + " км"
}
