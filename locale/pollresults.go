package locale

import "github.com/beatbot-kz/beatbot/core"

// Keys of looking after polls: the staff's list, invitations and results.
const (
	PollsNoneDefined  Key = "poll.staff_none"
	PollsStaffHeader  Key = "poll.staff_header"
	PollStateOpen     Key = "poll.state_open"
	PollStateUpcoming Key = "poll.state_upcoming"
	PollStateClosed   Key = "poll.state_closed"
	PollResultsButton Key = "poll.results_button"
	PollInviteButton  Key = "poll.invite_button"
	PollInviteClosed  Key = "poll.invite_closed"
	PollInviteNowhere Key = "poll.invite_nowhere"
	// PollInviteAfterClose answers a time for an invitation that is not
	// before the poll closes.
	PollInviteAfterClose Key = "poll.invite_after_close"
	PollResultsWholeCity Key = "poll.results_whole_city"
	// PollResultsWithheld takes the respondents left out and the fewest
	// shown.
	PollResultsWithheld Key = "poll.results_withheld"
	// PollInvitationOf names an invitation in lists of notices; it takes
	// the title.
	PollInvitationOf      Key = "poll.invitation_of"
	PollResultsNotAllowed Key = "poll.results_not_allowed"
	// PollResultsScope takes the title.
	PollResultsScope Key = "poll.results_scope"
	// PollResultsTooFew takes the title, the scope, the respondents and
	// the fewest shown.
	PollResultsTooFew Key = "poll.results_too_few"
	// PollResultsHeader takes the title, the scope, the first and the
	// last day.
	PollResultsHeader Key = "poll.results_header"
	// PollResultsRespondents takes the respondents and those who finished.
	PollResultsRespondents Key = "poll.results_respondents"
	// PollResultsInvited takes the residents invited and the response
	// rate in per cent.
	PollResultsInvited    Key = "poll.results_invited"
	PollResultsByDistrict Key = "poll.results_by_district"
	// PollResultsHidden takes the number of districts and the fewest
	// shown.
	PollResultsHidden Key = "poll.results_hidden"
	// PollResultsChanges and PollResultsSince take the previous run's
	// title.
	PollResultsChanges  Key = "poll.results_changes"
	PollResultsSince    Key = "poll.results_since"
	PollResultsAnswered Key = "poll.results_answered"
	// PollResultsFewAnswers takes the fewest shown.
	PollResultsFewAnswers Key = "poll.results_few_answers"
	// PollResultsMean takes the mean and the top of the scale.
	PollResultsMean      Key = "poll.results_mean"
	PollResultsMeanShort Key = "poll.results_mean_short"
	PollResultsTexts     Key = "poll.results_texts"
	PercentagePoints     Key = "poll.percentage_points"
	// PollResultsEnd takes the fewest shown.
	PollResultsEnd Key = "poll.results_end"
)

var pollResultTexts = map[Key]core.Text{
	PollsNoneDefined: {
		core.Russian: "Опросов пока нет. Администратор добавляет их командой beatbot polls import или в конфигурации города.",
		core.Kazakh:  "Әзірге сауалнама жоқ. Әкімші оларды beatbot polls import командасымен немесе қала конфигурациясында қосады.",
		core.English: "There are no polls yet. An administrator adds them with beatbot polls import or in the city configuration.",
	},
	PollsStaffHeader: {
		core.Russian: "Опросы о безопасности:",
		core.Kazakh:  "Қауіпсіздік сауалнамалары:",
		core.English: "Safety polls:",
	},
	PollStateOpen:     {core.Russian: "идёт", core.Kazakh: "жүріп жатыр", core.English: "open"},
	PollStateUpcoming: {core.Russian: "ещё не начался", core.Kazakh: "әлі басталған жоқ", core.English: "not started yet"},
	PollStateClosed:   {core.Russian: "завершён", core.Kazakh: "аяқталды", core.English: "closed"},
	PollResultsButton: {core.Russian: "📊 Итоги", core.Kazakh: "📊 Қорытынды", core.English: "📊 Results"},
	PollInviteButton:  {core.Russian: "📨 Пригласить жителей", core.Kazakh: "📨 Тұрғындарды шақыру", core.English: "📨 Invite residents"},
	PollInviteClosed: {
		core.Russian: "Опрос уже закрыт, приглашать на него нельзя.",
		core.Kazakh:  "Сауалнама жабылған, оған шақыруға болмайды.",
		core.English: "The poll has closed; nobody can be invited to it any more.",
	},
	PollInviteAfterClose: {
		core.Russian: "Опрос закроется раньше этого времени. Укажите время до его закрытия.",
		core.Kazakh:  "Сауалнама бұл уақыттан бұрын жабылады. Жабылғанға дейінгі уақытты көрсетіңіз.",
		core.English: "The poll closes before then. Give a time before it closes.",
	},
	PollResultsWholeCity: {core.Russian: "🏙 По всему городу", core.Kazakh: "🏙 Бүкіл қала бойынша", core.English: "🏙 Whole city"},
	PollResultsWithheld: {
		core.Russian: "Не учтены ответы %d чел. из участков, где ответили меньше %d человек: их станет видно, когда ответят больше.",
		core.Kazakh:  "Жауап бергендері %[2]d адамнан аз учаскелердің %[1]d адамының жауабы есепке алынбады: көбірек адам жауап бергенде көрінеді.",
		core.English: "Answers of %d people from districts where fewer than %d answered are left out; they will count once more answer there.",
	},
	PollInviteNowhere: {
		core.Russian: "Этот опрос не проводится ни в одном из ваших участков.",
		core.Kazakh:  "Бұл сауалнама сіздің учаскелеріңіздің ешқайсысында өткізілмейді.",
		core.English: "This poll is not held in any of your districts.",
	},
	PollInvitationOf: {
		core.Russian: "Приглашение на опрос «%s»",
		core.Kazakh:  "«%s» сауалнамасына шақыру",
		core.English: "Invitation to the poll “%s”",
	},
	PollResultsNotAllowed: {
		core.Russian: "Итоги опросов видят начальники участковых пунктов и администраторы.",
		core.Kazakh:  "Сауалнама қорытындысын учаскелік пункт бастықтары мен әкімшілер көреді.",
		core.English: "Poll results are for precinct chiefs and administrators.",
	},
	PollResultsScope: {
		core.Russian: "Итоги опроса «%s»: по всему городу или по пункту?",
		core.Kazakh:  "«%s» сауалнамасының қорытындысы: бүкіл қала бойынша ма, әлде пункт бойынша ма?",
		core.English: "Results of the poll “%s”: for the whole city or one precinct?",
	},
	PollResultsTooFew: {
		core.Russian: "Опрос «%s», %s: ответили %d чел. Итоги показываются, когда ответят не меньше %d человек, чтобы никого нельзя было узнать по ответам.",
		core.Kazakh:  "«%s» сауалнамасы, %s: %d адам жауап берді. Ешкімді жауабынан тануға болмауы үшін қорытынды кемінде %d адам жауап бергенде көрсетіледі.",
		core.English: "Poll “%s”, %s: %d people answered. Results are shown once at least %d have answered, so that nobody can be recognised by their answers.",
	},
	PollResultsHeader: {
		core.Russian: "📊 Итоги опроса «%s»\n%s · %s–%s",
		core.Kazakh:  "📊 «%s» сауалнамасының қорытындысы\n%s · %s–%s",
		core.English: "📊 Results of the poll “%s”\n%s · %s–%s",
	},
	PollResultsRespondents: {
		core.Russian: "Ответили: %d (до конца: %d)",
		core.Kazakh:  "Жауап бергендер: %d (соңына дейін: %d)",
		core.English: "Respondents: %d (finished: %d)",
	},
	PollResultsInvited: {
		core.Russian: "Приглашений отправлено: %d · ответивших на 100 приглашённых: %.0f (среди ответивших и те, кто нашёл опрос в меню)",
		core.Kazakh:  "Жіберілген шақырулар: %d · әр 100 шақырылғанға жауап бергендер: %.0f (олардың ішінде сауалнаманы мәзірден тапқандар да бар)",
		core.English: "Invitations sent: %d · respondents per 100 invited: %.0f (respondents include those who found the poll in the menu)",
	},
	PollResultsByDistrict: {
		core.Russian: "По участкам (ответивших):",
		core.Kazakh:  "Учаскелер бойынша (жауап бергендер):",
		core.English: "By district (respondents):",
	},
	PollResultsHidden: {
		core.Russian: "участков, где ответили меньше %[2]d человек: %[1]d; отдельно они не показываются",
		core.Kazakh:  "жауап бергендері %[2]d адамнан аз учаскелер: %[1]d; олар бөлек көрсетілмейді",
		core.English: "districts where fewer than %[2]d people answered: %[1]d; they are not shown separately",
	},
	PollResultsChanges: {
		core.Russian: "Изменения с прошлого опроса «%s» (средняя оценка):",
		core.Kazakh:  "Өткен «%s» сауалнамасынан бергі өзгерістер (орташа баға):",
		core.English: "Changes since the previous poll “%s” (mean score):",
	},
	PollResultsSince: {
		core.Russian: "По сравнению с опросом «%s»:",
		core.Kazakh:  "«%s» сауалнамасымен салыстырғанда:",
		core.English: "Compared with the poll “%s”:",
	},
	PollResultsFewAnswers: {
		core.Russian: "ответов меньше %d: не показываются, чтобы никого нельзя было узнать",
		core.Kazakh:  "жауаптар саны %d жауаптан аз: ешкімді тануға болмауы үшін көрсетілмейді",
		core.English: "fewer than %d answers: not shown, so that nobody can be recognised",
	},
	PollResultsAnswered:  {core.Russian: "ответов: %d", core.Kazakh: "жауап саны: %d", core.English: "answers: %d"},
	PollResultsMean:      {core.Russian: "Средняя оценка: %.1f из %d", core.Kazakh: "Орташа баға: %.1f / %d", core.English: "Mean score: %.1f of %d"},
	PollResultsMeanShort: {core.Russian: "средняя оценка", core.Kazakh: "орташа баға", core.English: "mean score"},
	PollResultsTexts: {
		core.Russian: "Письменных ответов: %d. Некоторые из них:",
		core.Kazakh:  "Жазбаша жауаптар: %d. Олардың кейбірі:",
		core.English: "Written answers: %d. Some of them:",
	},
	PercentagePoints: {core.Russian: "п. п.", core.Kazakh: "п. т.", core.English: "pp"},
	PollResultsEnd: {
		core.Russian: "Это все итоги. Каждая цифра складывается из групп не меньше чем по %d человек: ответы участков, где ответили меньше, не учитываются, пока их не станет больше.",
		core.Kazakh:  "Қорытынды осы. Әр сан кемінде %d адамнан тұратын топтардан құралады: жауап бергендері аз учаскелердің жауаптары көбейгенше есепке алынбайды.",
		core.English: "That is all. Every figure is made of groups of at least %d people: answers from districts where fewer answered are left out until more do.",
	},
}
