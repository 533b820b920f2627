package locale

import (
	"time"

	"github.com/beatbot-kz/beatbot/core"
)

// Minutes formats a duration under an hour.
const Minutes Key = "time.minutes"

func init() {
	catalog[Minutes] = core.Text{core.Russian: "%d мин", core.Kazakh: "%d мин", core.English: "%d min"}
}

// Duration formats d for people, rounded up to whole minutes, hours or days:
// "45 мин", "24 ч", "7 сут.".
func Duration(l core.Lang, d time.Duration) string {
	switch {
	case d < time.Hour:
		return T(l, Minutes, max(1, int((d+time.Minute-1)/time.Minute)))
	case d < 48*time.Hour:
		return T(l, Hours, int((d+time.Hour-1)/time.Hour))
	}
	return T(l, Days, int((d+24*time.Hour-1)/(24*time.Hour)))
}
