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
		core.Russian: "Приглашено: %d · отклик %.1f%%",
		core.Kazakh:  "Шақырылғандар: %d · жауап деңгейі %.1f%%",
		core.English: "Invited: %d · response rate %.1f%%",
	},
	PollResultsByDistrict: {
		core.Russian: "По участкам (ответивших):",
		core.Kazakh:  "Учаскелер бойынша (жауап бергендер):",
		core.English: "By district (respondents):",
	},
	PollResultsHidden: {
		core.Russian: "ещё участков: %d, в каждом меньше %d ответивших, отдельно не показаны",
		core.Kazakh:  "тағы %d учаске: әрқайсысында жауап бергендер %d-ден аз, бөлек көрсетілмейді",
		core.English: "%d more districts with fewer than %d respondents each, not shown separately",
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
		core.Kazakh:  "жауаптар %d-ден аз: ешкімді тануға болмауы үшін көрсетілмейді",
		core.English: "fewer than %d answers: not shown, so that nobody can be recognised",
	},
	PollResultsAnswered:  {core.Russian: "ответов: %d", core.Kazakh: "жауап саны: %d", core.English: "answers: %d"},
	PollResultsMean:      {core.Russian: "Средняя оценка: %.1f из %d", core.Kazakh: "Орташа баға: %.1f / %d", core.English: "Mean score: %.1f of %d"},
	PollResultsMeanShort: {core.Russian: "средняя оценка", core.Kazakh: "орташа баға", core.English: "mean score"},
	PollResultsTexts: {
		core.Russian: "Письменных ответов: %d. Последние:",
		core.Kazakh:  "Жазбаша жауаптар: %d. Соңғылары:",
		core.English: "Written answers: %d. The latest:",
	},
	PercentagePoints: {core.Russian: "п. п.", core.Kazakh: "п. т.", core.English: "pp"},
	PollResultsEnd: {
		core.Russian: "Это все итоги. Участки, где ответили меньше %d человек, входят в общие цифры, но отдельно не показываются.",
		core.Kazakh:  "Қорытынды осы. Жауап бергендер %d адамнан аз учаскелер жалпы сандарға кіреді, бірақ бөлек көрсетілмейді.",
		core.English: "That is all. Districts where fewer than %d people answered count in the totals but are not shown separately.",
	},
}
