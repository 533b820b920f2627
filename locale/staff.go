package locale

import "github.com/beatbot-kz/beatbot/core"

// Keys of the admin's commands about staff (/staff, /away), and of tickets
// moved by a change of the configuration.
const (
	// AdminOnly refuses an admin command to anyone else, the same to
	// residents and staff, so it tells nobody who is who.
	AdminOnly Key = "staff.admin_only"
	// StaffHeader heads /staff; StaffLine takes a district, its
	// inspector; StaffNow who takes its tickets now instead.
	StaffHeader Key = "staff.header"
	StaffLine   Key = "staff.line"
	StaffNow    Key = "staff.now"
	// StaffAwayHeader heads the list of who is away; StaffAwayLine takes
	// the staff member, the end of the leave and the deputy.
	StaffAwayHeader Key = "staff.away_header"
	StaffAwayLine   Key = "staff.away_line"
	StaffAwayNone   Key = "staff.away_none"
	// StaffRecorded marks a leave recorded in the bot, not the
	// configuration.
	StaffRecorded Key = "staff.recorded"
	// StaffTheChief names the deputy when there is none.
	StaffTheChief Key = "staff.the_chief"
	AwayUsage     Key = "away.usage"
	// AwayUnknown takes the id typed.
	AwayUnknown Key = "away.unknown"
	// AwayNotOfficer takes the staff member.
	AwayNotOfficer Key = "away.not_officer"
	// AwayBadDate takes the date typed; AwayPast and AwayTooFar the date.
	AwayBadDate Key = "away.bad_date"
	AwayPast    Key = "away.past"
	AwayTooFar  Key = "away.too_far"
	// AwayBadDeputy takes the deputy; AwayDeputyAway the deputy and the
	// end of their own leave.
	AwayBadDeputy  Key = "away.bad_deputy"
	AwaySelf       Key = "away.self"
	AwayDeputyAway Key = "away.deputy_away"
	// AwayRecorded takes the staff member, the end and the deputy.
	AwayRecorded Key = "away.recorded"
	// AwayEnded and AwayNotAway take the staff member.
	AwayEnded   Key = "away.ended"
	AwayNotAway Key = "away.not_away"
	// TkMovedAway tells the staff member a ticket was taken from, by a
	// change of the districts' staff; it takes the code and who has it now.
	TkMovedAway Key = "ticket.moved_away"
)

var staffTexts = map[Key]core.Text{
	AdminOnly: {
		core.Russian: "Эта команда — для администраторов бота.",
		core.Kazakh:  "Бұл команда бот әкімшілеріне арналған.",
		core.English: "This command is for the bot's administrators.",
	},
	StaffHeader:     {core.Russian: "👮 Сотрудники по участкам:", core.Kazakh: "👮 Учаскелер бойынша қызметкерлер:", core.English: "👮 Staff by district:"},
	StaffLine:       {core.Russian: "• %s: %s", core.Kazakh: "• %s: %s", core.English: "• %s: %s"},
	StaffNow:        {core.Russian: "сейчас обращения получает %s", core.Kazakh: "қазір өтініштерді %s алады", core.English: "tickets now go to %s"},
	StaffAwayHeader: {core.Russian: "Отсутствуют:", core.Kazakh: "Орнында жоқтар:", core.English: "Away:"},
	StaffAwayLine: {
		core.Russian: "• %s — до %s, замещает %s",
		core.Kazakh:  "• %s — %s дейін, орнына %s",
		core.English: "• %s — until %s, deputy %s",
	},
	StaffAwayNone: {core.Russian: "Все на месте.", core.Kazakh: "Барлығы орнында.", core.English: "Nobody is away."},
	StaffRecorded: {core.Russian: "(отмечено в боте)", core.Kazakh: "(ботта белгіленген)", core.English: "(recorded in the bot)"},
	StaffTheChief: {core.Russian: "начальник пункта", core.Kazakh: "пункт бастығы", core.English: "the chief"},
	AwayUsage: {
		core.Russian: "Напишите: /away СОТРУДНИК ДАТА ЗАМЕСТИТЕЛЬ, например /away s-i04 2026-12-20 s-i03 — отсутствует до начала 20 декабря, обращения получает s-i03. Без заместителя их получит начальник пункта. /away s-i04 off — сотрудник снова на месте. Список сотрудников — /staff.",
		core.Kazakh:  "Былай жазыңыз: /away ҚЫЗМЕТКЕР КҮН ОРЫНБАСАР, мысалы /away s-i04 2026-12-20 s-i03 — 20 желтоқсанның басына дейін жоқ, өтініштерді s-i03 алады. Орынбасарсыз оларды пункт бастығы алады. /away s-i04 off — қызметкер қайта орнында. Қызметкерлер тізімі — /staff.",
		core.English: "Write: /away STAFF DATE DEPUTY, for example /away s-i04 2026-12-20 s-i03 — away until the start of 20 December, s-i03 takes the tickets. Without a deputy the chief takes them. /away s-i04 off — back at work. The staff list: /staff.",
	},
	AwayUnknown: {
		core.Russian: "Сотрудника «%s» нет в справочнике. Список — /staff.",
		core.Kazakh:  "Анықтамалықта «%s» қызметкері жоқ. Тізім — /staff.",
		core.English: "There is no staff member “%s” in the directory. The list: /staff.",
	},
	AwayNotOfficer: {
		core.Russian: "%s — не сотрудник полиции: обращения ему не назначаются, отмечать отсутствие не нужно.",
		core.Kazakh:  "%s — полиция қызметкері емес: оған өтініштер берілмейді, жоқтығын белгілеудің қажеті жоқ.",
		core.English: "%s is not a police officer: no tickets go to them, so there is no leave to record.",
	},
	AwayBadDate: {
		core.Russian: "Не понимаю дату «%s». Напишите ГГГГ-ММ-ДД, например 2026-12-20, или ДД.ММ.ГГГГ.",
		core.Kazakh:  "«%s» күнін түсінбедім. ЖЖЖЖ-АА-КК түрінде жазыңыз, мысалы 2026-12-20, немесе КК.АА.ЖЖЖЖ.",
		core.English: "I do not understand the date “%s”. Write YYYY-MM-DD, for example 2026-12-20, or DD.MM.YYYY.",
	},
	AwayPast: {
		core.Russian: "%s уже наступило: укажите день, когда сотрудник вернётся.",
		core.Kazakh:  "%s келіп қойды: қызметкер қайтатын күнді көрсетіңіз.",
		core.English: "%s has already begun: give the day the staff member is back.",
	},
	AwayTooFar: {
		core.Russian: "%s — больше чем через год. Отметьте отсутствие не дольше года.",
		core.Kazakh:  "%s — бір жылдан кейін. Жоқтықты бір жылдан аспайтындай белгілеңіз.",
		core.English: "%s is more than a year away. Record a leave of a year at most.",
	},
	AwayBadDeputy: {
		core.Russian: "%s не может замещать: заместителем может быть только участковый инспектор.",
		core.Kazakh:  "%s орынбасар бола алмайды: орынбасар тек учаскелік инспектор бола алады.",
		core.English: "%s cannot stand in: the deputy must be a district inspector.",
	},
	AwaySelf: {
		core.Russian: "Сотрудник не может замещать сам себя.",
		core.Kazakh:  "Қызметкер өзін-өзі алмастыра алмайды.",
		core.English: "A staff member cannot be their own deputy.",
	},
	AwayDeputyAway: {
		core.Russian: "%s сам отсутствует до %s: выберите другого заместителя.",
		core.Kazakh:  "%s өзі %s дейін жоқ: басқа орынбасарды таңдаңыз.",
		core.English: "%s is away too, until %s: choose another deputy.",
	},
	AwayRecorded: {
		core.Russian: "✅ %s отсутствует до %s. Новые обращения получает %s.",
		core.Kazakh:  "✅ %s %s дейін жоқ. Жаңа өтініштерді %s алады.",
		core.English: "✅ %s is away until %s. New tickets go to %s.",
	},
	AwayEnded: {
		core.Russian: "✅ %s снова на месте: новые обращения снова идут ему.",
		core.Kazakh:  "✅ %s қайта орнында: жаңа өтініштер қайтадан соған барады.",
		core.English: "✅ %s is back: new tickets go to them again.",
	},
	AwayNotAway: {
		core.Russian: "%s не отмечен как отсутствующий.",
		core.Kazakh:  "%s жоқ деп белгіленбеген.",
		core.English: "%s is not recorded as away.",
	},
	TkMovedAway: {
		core.Russian: "↪️ Обращение %s передано: %s — участки перераспределены.",
		core.Kazakh:  "↪️ %s өтініші берілді: %s — учаскелер қайта бөлінді.",
		core.English: "↪️ Ticket %s moved to %s: the districts' staff changed.",
	},
}
