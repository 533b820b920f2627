package configs

import (
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/core"
)

// The defaults of the "categories" and "abuse" sections, and their bounds,
// as README.md documents them.
const (
	defaultAcceptWithin  = 24 * time.Hour
	defaultResolveWithin = 7 * 24 * time.Hour
	minServiceLevel      = time.Minute
	// maxButtonName is about what a Telegram button shows on a phone
	// before it cuts the text short with "…".
	maxButtonName = 40

	defaultReportsPerDay     = 5
	maxReportsPerDay         = 100
	defaultMessagesPerMinute = 30
	minMessagesPerMinute     = 5
	maxMessagesPerMinute     = 600
)

// defaultCategories returns the categories a city without a "categories"
// section offers: the pilot's commonest concerns, and a catch-all. Each
// call builds new maps, so that no two cities share a Text.
func defaultCategories() []core.Category {
	cat := func(id, ru, kk, en string) core.Category {
		return core.Category{
			ID:            id,
			Name:          core.Text{core.Russian: ru, core.Kazakh: kk, core.English: en},
			AcceptWithin:  defaultAcceptWithin,
			ResolveWithin: defaultResolveWithin,
		}
	}
	return []core.Category{
		cat("burglary", "Квартирная кража", "Пәтер ұрлығы", "Flat burglary"),
		cat("theft", "Карманная или иная кража", "Қалта ұрлығы немесе басқа ұрлық", "Pickpocketing or other theft"),
		cat("fraud", "Мошенничество (по телефону, онлайн)", "Алаяқтық (телефон, интернет)", "Fraud (by phone, online)"),
		cat("disorder", "Хулиганство, нарушение порядка", "Бұзақылық, қоғамдық тәртіп бұзу", "Public disorder or hooliganism"),
		cat("noise", "Шум, нарушение тишины", "Шу, тыныштықты бұзу", "Noise, disturbing the peace"),
		cat("drugs", "Наркотики, алкоголь в подъездах, дворах", "Кіреберіс пен аулада есірткі, ішімдік", "Drugs or alcohol in stairwells, yards"),
		cat("online", "Противоправный контент в сети (ссылка)", "Желідегі заңсыз контент (сілтеме)", "Illegal online content (a link)"),
		cat("roads", "Безопасность дорог у школ", "Мектеп маңындағы жол қауіпсіздігі", "Road safety near schools"),
		cat("other", "Другое", "Басқа", "Other"),
	}
}

// categories checks the report categories; an absent section means the
// default set.
func (c *checker) categories(docs *[]categoryDoc) []core.Category {
	if docs == nil {
		return defaultCategories()
	}
	list := *docs
	if len(list) == 0 {
		c.errorf("categories", "at least one category is required: list them, or leave the section out for the default set")
		return nil
	}
	seen := collect("categories", len(list), func(i int) string { return list[i].ID })
	out := make([]core.Category, 0, len(list))
	for i, d := range list {
		field := index("categories", i)
		c.ownID(seen, field, d.ID)
		c.text(join(field, "name"), d.Name, true)
		c.buttonName(join(field, "name"), d.Name)
		accept, okAccept := c.serviceLevel(join(field, "accept_within"), d.AcceptWithin, defaultAcceptWithin)
		resolve, okResolve := c.serviceLevel(join(field, "resolve_within"), d.ResolveWithin, defaultResolveWithin)
		if okAccept && okResolve && resolve < accept {
			given := d.ResolveWithin
			if given == "" {
				given = formatDuration(resolve) + ", the default,"
			}
			c.errorf(join(field, "resolve_within"), "%s is less than accept_within %s: a ticket cannot be due for resolution before it is due for acceptance",
				given, formatDuration(accept))
		}
		out = append(out, core.Category{ID: d.ID, Name: d.Name, AcceptWithin: accept, ResolveWithin: resolve})
	}
	return out
}

// serviceLevel parses a service level in Go's duration syntax, or records
// a problem and returns def and false; "" means def.
func (c *checker) serviceLevel(field, s string, def time.Duration) (time.Duration, bool) {
	if s == "" {
		return def, true
	}
	d, err := time.ParseDuration(s)
	switch {
	case err != nil:
		c.errorf(field, `invalid duration %q: want a Go duration in hours or minutes, such as "24h", "168h" (7 days) or "90m"`, s)
		return def, false
	case d < minServiceLevel:
		c.errorf(field, "%s is under a minute: want 1m or more", s)
		return def, false
	}
	return d, true
}

// formatDuration prints whole hours as "168h" rather than "168h0m0s".
func formatDuration(d time.Duration) string {
	if d%time.Hour == 0 {
		return strconv.FormatInt(int64(d/time.Hour), 10) + "h"
	}
	return d.String()
}

// buttonName warns about a name too long for a button.
func (c *checker) buttonName(field string, t core.Text) {
	for _, l := range requiredLangs {
		if n := utf8.RuneCountInString(t[l]); n > maxButtonName {
			c.warnf(join(field, string(l)), "%d characters: a phone shows about %d on a button and cuts the rest; shorten it", n, maxButtonName)
		}
	}
}

// abuse checks the "abuse" section and fills in its defaults.
func (c *checker) abuse(doc *abuseDoc) core.AbuseLimits {
	return core.AbuseLimits{
		ReportsPerDay:     c.bounded("abuse.reports_per_day", doc.ReportsPerDay, defaultReportsPerDay, 1, maxReportsPerDay),
		MessagesPerMinute: c.bounded("abuse.messages_per_minute", doc.MessagesPerMinute, defaultMessagesPerMinute, minMessagesPerMinute, maxMessagesPerMinute),
	}
}

// bounded returns an optional integer within lo..hi, or def if it is
// absent or out of range, which it records.
func (c *checker) bounded(field string, n optional[int], def, lo, hi int) int {
	if !n.set {
		return def
	}
	if n.v < lo || n.v > hi {
		c.errorf(field, "%d is out of range: want %d to %d", n.v, lo, hi)
		return def
	}
	return n.v
}
