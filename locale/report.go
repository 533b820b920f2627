package locale

import "github.com/beatbot-kz/beatbot/core"

// Keys of the resident's report flow and "My reports".
const (
	ReportCategory Key = "report.category"
	// ReportText takes the longest description allowed.
	ReportText          Key = "report.text"
	ReportPlace         Key = "report.place"
	ReportPlaceTyped    Key = "report.place_no_location"
	ReportMyDistrict    Key = "report.my_district"
	ReportPlaceNotFound Key = "report.place_not_found"
	// ReportPhotos takes the most photos allowed.
	ReportPhotos     Key = "report.photos"
	ReportPhotosDone Key = "report.photos_done"
	ReportPhotosSkip Key = "report.photos_skip"
	// ReportPhotoAdded takes how many photos there are and the most.
	ReportPhotoAdded Key = "report.photo_added"
	ReportPhotosFull Key = "report.photos_full"
	ReportNoFiles    Key = "report.no_files"
	ReportAnonymous  Key = "report.anonymous"
	ReportAnonYes    Key = "report.anon_yes"
	ReportAnonNo     Key = "report.anon_no"
	// ReportSummary takes the category, the text, the place, the number of
	// photos and Yes/No for anonymity.
	ReportSummary Key = "report.summary"
	ReportSend    Key = "report.send"
	ReportDrop    Key = "report.drop"
	ReportDropped Key = "report.dropped"
	// ReportCreated takes the ticket's code and the time within which it
	// is to be accepted.
	ReportCreated     Key = "report.created"
	ReportNeedConsent Key = "report.needs_consent"
	// ReportLimit takes the daily limit.
	ReportLimit   Key = "report.limit"
	ReportBlocked Key = "report.blocked"
	PlaceUnknown  Key = "report.place_unknown"
	MenuMyReports Key = "menu.my_reports"
	MyReportsNone Key = "report.mine_none"
	MyReports     Key = "report.mine"
	// Hours and Days format a response time.
	Hours Key = "time.hours"
	Days  Key = "time.days"
)

var reportTexts = map[Key]core.Text{
	ReportCategory: {
		core.Russian: "О чём вы хотите сообщить? Выберите тему. Если нужна срочная помощь — звоните 102.",
		core.Kazakh:  "Не туралы хабарлағыңыз келеді? Тақырыпты таңдаңыз. Шұғыл көмек керек болса, 102-ге қоңырау шалыңыз.",
		core.English: "What would you like to report? Choose a topic. If you need urgent help, call 102.",
	},
	ReportText: {
		core.Russian: "Опишите, что случилось, где и когда (до %d символов).",
		core.Kazakh:  "Не болғанын сипаттаңыз, қай жерде және қашан екенін көрсетіңіз (%d таңбаға дейін).",
		core.English: "Describe what happened, where and when (up to %d characters).",
	},
	ReportPlace: {
		core.Russian: "Где это? Отправьте геолокацию кнопкой ниже или напишите адрес, например «Ерубаева 12».",
		core.Kazakh:  "Бұл қай жерде? Төмендегі батырмамен геолокацияны жіберіңіз немесе мекенжайды жазыңыз, мысалы, «Ерубаев 12».",
		core.English: "Where is it? Share the location with the button below, or type an address such as “Erubaev 12”.",
	},
	ReportPlaceTyped: {
		core.Russian: "Где это? Напишите адрес, например «Ерубаева 12».",
		core.Kazakh:  "Бұл қай жерде? Мекенжайды жазыңыз, мысалы, «Ерубаев 12».",
		core.English: "Where is it? Type an address such as “Erubaev 12”.",
	},
	ReportMyDistrict: {
		core.Russian: "🏠 В моём участке",
		core.Kazakh:  "🏠 Менің учаскемде",
		core.English: "🏠 In my district",
	},
	ReportPlaceNotFound: {
		core.Russian: "Не удалось найти этот адрес. Напишите его иначе или отправьте геолокацию.",
		core.Kazakh:  "Бұл мекенжай табылмады. Басқаша жазыңыз немесе геолокацияны жіберіңіз.",
		core.English: "I couldn't find that address. Write it differently, or share the location.",
	},
	ReportPhotos: {
		core.Russian: "Можно приложить до %d фото — отправьте их как фото, не как файлы. Или нажмите «Без фото».",
		core.Kazakh:  "%d фотоға дейін тіркеуге болады — оларды файл емес, фото ретінде жіберіңіз. Немесе «Фотосыз» батырмасын басыңыз.",
		core.English: "You may add up to %d photos: send them as photos, not as files. Or press “No photos”.",
	},
	ReportPhotosDone: {
		core.Russian: "✔️ Готово",
		core.Kazakh:  "✔️ Дайын",
		core.English: "✔️ Done",
	},
	ReportPhotosSkip: {
		core.Russian: "Без фото",
		core.Kazakh:  "Фотосыз",
		core.English: "No photos",
	},
	ReportPhotoAdded: {
		core.Russian: "Фото добавлено (%d из %d). Отправьте ещё или нажмите «Готово».",
		core.Kazakh:  "Фото қосылды (%d/%d). Тағы жіберіңіз немесе «Дайын» батырмасын басыңыз.",
		core.English: "Photo added (%d of %d). Send more, or press “Done”.",
	},
	ReportPhotosFull: {
		core.Russian: "Больше фото добавить нельзя. Нажмите «Готово».",
		core.Kazakh:  "Бұдан артық фото қосуға болмайды. «Дайын» батырмасын басыңыз.",
		core.English: "No more photos can be added. Press “Done”.",
	},
	ReportNoFiles: {
		core.Russian: "Файлы не принимаются: в них могут остаться данные о месте съёмки, по которым можно узнать отправителя. Отправьте снимок как фото.",
		core.Kazakh:  "Файлдар қабылданбайды: оларда түсірілген жер туралы деректер қалуы мүмкін, сол арқылы жіберушіні анықтауға болады. Суретті фото ретінде жіберіңіз.",
		core.English: "Files are not accepted: they may keep data about where a picture was taken, which could identify you. Send the picture as a photo.",
	},
	ReportAnonymous: {
		core.Russian: "Отправить анонимно?\n\nАнонимно — сотрудники полиции не увидят, кто вы. Ответы всё равно придут сюда, в этот чат.\nС именем — сотрудник, который займётся обращением, увидит имя из вашего профиля в мессенджере. Это может помочь разобраться.",
		core.Kazakh:  "Жасырын жібересіз бе?\n\nЖасырын — полиция қызметкерлері сіздің кім екеніңізді көрмейді. Жауаптар бәрібір осы чатқа келеді.\nАтыңызбен — өтінішіңізбен айналысатын қызметкер мессенджер профиліңіздегі атыңызды көреді. Бұл мәселені анықтауға көмектесуі мүмкін.",
		core.English: "Send it anonymously?\n\nAnonymously: police staff never see who you are. Answers still come here, to this chat.\nWith your name: the officer handling your report sees the name on your messenger profile, which may help.",
	},
	ReportAnonYes: {
		core.Russian: "🕶 Анонимно",
		core.Kazakh:  "🕶 Жасырын",
		core.English: "🕶 Anonymously",
	},
	ReportAnonNo: {
		core.Russian: "👤 С моим именем",
		core.Kazakh:  "👤 Менің атыммен",
		core.English: "👤 With my name",
	},
	ReportSummary: {
		core.Russian: "Проверьте обращение:\n\nТема: %s\n%s\n\nМесто: %s\nФото: %d\nАнонимно: %s",
		core.Kazakh:  "Өтінішті тексеріңіз:\n\nТақырып: %s\n%s\n\nОрны: %s\nФото: %d\nЖасырын: %s",
		core.English: "Check your report:\n\nTopic: %s\n%s\n\nPlace: %s\nPhotos: %d\nAnonymous: %s",
	},
	ReportSend: {
		core.Russian: "✅ Отправить",
		core.Kazakh:  "✅ Жіберу",
		core.English: "✅ Send",
	},
	ReportDrop: {
		core.Russian: "✖️ Отменить",
		core.Kazakh:  "✖️ Бас тарту",
		core.English: "✖️ Discard",
	},
	ReportDropped: {
		core.Russian: "Обращение не отправлено.",
		core.Kazakh:  "Өтініш жіберілмеді.",
		core.English: "The report was not sent.",
	},
	ReportCreated: {
		core.Russian: "Ваше обращение %s зарегистрировано и будет взято в работу в течение %s. Ответы придут сюда; все ваши обращения — в меню, «Мои обращения».",
		core.Kazakh:  "Сіздің %s өтінішіңіз тіркелді, ол %s ішінде жұмысқа алынады. Жауаптар осы чатқа келеді; барлық өтініштеріңіз — мәзірде, «Менің өтініштерім» бөлімінде.",
		core.English: "Your report %s has been received and will be taken up within %s. Answers will come here; all your reports are in the menu under “My reports”.",
	},
	ReportNeedConsent: {
		core.Russian: "Чтобы отправить обращение, его нужно сохранить вместе с номером чата для ответа, а вы не дали согласия на хранение данных. Дать согласие можно командой /privacy. Если срочно — звоните 102.",
		core.Kazakh:  "Өтінішті жіберу үшін оны жауап беруге арналған чат нөмірімен бірге сақтау керек, ал сіз деректерді сақтауға келісім бермедіңіз. Келісімді /privacy командасымен беруге болады. Шұғыл жағдайда 102-ге қоңырау шалыңыз.",
		core.English: "To send a report, it must be stored with your chat number so that you can be answered, and you have not consented to your data being stored. You can consent with /privacy. If it is urgent, call 102.",
	},
	ReportLimit: {
		core.Russian: "Лимит обращений на сутки (%d) исчерпан. Попробуйте позже, а если срочно — звоните 102.",
		core.Kazakh:  "Тәуліктік өтініш лимиті (%d) таусылды. Кейінірек қайталаңыз, ал шұғыл болса, 102-ге қоңырау шалыңыз.",
		core.English: "You have reached the daily limit of reports (%d). Please try again later, and if it is urgent, call 102.",
	},
	ReportBlocked: {
		core.Russian: "Отправка обращений для вас сейчас недоступна. Если вам угрожает опасность, звоните 102.",
		core.Kazakh:  "Өтініш жіберу қазір сізге қолжетімсіз. Қауіп төнсе, 102-ге қоңырау шалыңыз.",
		core.English: "Sending reports is not available to you at the moment. If you are in danger, call 102.",
	},
	PlaceUnknown: {
		core.Russian: "место не указано",
		core.Kazakh:  "орны көрсетілмеген",
		core.English: "place not given",
	},
	MenuMyReports: {
		core.Russian: "🗂 Мои обращения",
		core.Kazakh:  "🗂 Менің өтініштерім",
		core.English: "🗂 My reports",
	},
	MyReportsNone: {
		core.Russian: "Вы ещё не отправляли обращений.",
		core.Kazakh:  "Сіз әлі өтініш жібермегенсіз.",
		core.English: "You have not sent any reports yet.",
	},
	MyReports: {
		core.Russian: "Ваши обращения:",
		core.Kazakh:  "Сіздің өтініштеріңіз:",
		core.English: "Your reports:",
	},
	Hours: {
		core.Russian: "%d ч",
		core.Kazakh:  "%d сағ",
		core.English: "%d h",
	},
	Days: {
		core.Russian: "%d сут.",
		core.Kazakh:  "%d тәулік",
		core.English: "%d days",
	},
}
