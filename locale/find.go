package locale

import "github.com/beatbot-kz/beatbot/core"

// Keys of finding one's inspector by location or by address, and of the
// inspector's card.
const (
	FindPrompt           Key = "find.prompt"
	FindPromptNoLocation Key = "find.prompt_no_location"
	FindShareLocation    Key = "find.share_location"
	FindLocationConsent  Key = "find.location_needs_consent"
	// AddressNotFound takes what the resident typed.
	AddressNotFound Key = "find.address_not_found"
	// AddressNotFoundNoLocation takes what the resident typed. It is for
	// residents who declined consent, whose location the bot does not use,
	// so it does not suggest sharing one.
	AddressNotFoundNoLocation Key = "find.address_not_found_no_location"
	AddressAmbiguous          Key = "find.address_ambiguous"
	// AddressNeedHouse takes the street's full name, such as "улица
	// Ерубаева", "Ерубаев көшесі" or "Yerubayev Street".
	AddressNeedHouse Key = "find.address_need_house"
	// HouseOutOfRange takes the house and the street's full name.
	HouseOutOfRange Key = "find.house_out_of_range"
	PickDistrict    Key = "find.pick_district"
	// PickReask answers anything but a choice while choices are shown.
	PickReask Key = "find.pick_reask"
	// MoreChoices takes the number of choices left out of the buttons.
	MoreChoices Key = "find.more_choices"
	// Outside takes the nearest precinct's name, address and phone, its
	// distance as formatted by Km, and the city police's name and phone.
	Outside Key = "find.outside"
	// Card takes the district, the inspector's name, rank, phone and
	// reception hours, and the precinct's name, address and phone.
	Card Key = "find.card"
)

var findTexts = map[Key]core.Text{
	FindPrompt: {
		core.Russian: "Отправьте геолокацию кнопкой ниже или напишите адрес, например «Ерубаева 12».",
		core.Kazakh:  "Төмендегі батырмамен геолокацияны жіберіңіз немесе мекенжайды жазыңыз, мысалы, «Ерубаев 12».",
		core.English: "Share your location with the button below, or type an address such as “Erubaev 12”.",
	},
	FindPromptNoLocation: {
		core.Russian: "Напишите адрес, например «Ерубаева 12».",
		core.Kazakh:  "Мекенжайды жазыңыз, мысалы, «Ерубаев 12».",
		core.English: "Type an address, for example “Erubaev 12”.",
	},
	FindShareLocation: {
		core.Russian: "📍 Отправить геолокацию",
		core.Kazakh:  "📍 Геолокацияны жіберу",
		core.English: "📍 Share my location",
	},
	FindLocationConsent: {
		core.Russian: "Вы не дали согласия на обработку персональных данных, поэтому геолокацию я не использую. Напишите адрес или дайте согласие командой /privacy.",
		core.Kazakh:  "Сіз дербес деректерді өңдеуге келісім бермедіңіз, сондықтан геолокацияны пайдаланбаймын. Мекенжайды жазыңыз немесе /privacy командасымен келісім беріңіз.",
		core.English: "You haven't agreed to the processing of personal data, so I don't use your location. Type an address, or give consent with /privacy.",
	},
	AddressNotFound: {
		core.Russian: "Не удалось найти улицу по запросу «%s». Проверьте написание, напишите соседнюю улицу или отправьте геолокацию.",
		core.Kazakh:  "«%s» бойынша көше табылмады. Жазылуын тексеріңіз, көрші көшені жазыңыз немесе геолокацияны жіберіңіз.",
		core.English: "I couldn't find a street for “%s”. Check the spelling, try a nearby street, or share your location.",
	},
	AddressNotFoundNoLocation: {
		core.Russian: "Не удалось найти улицу по запросу «%s». Проверьте написание или напишите соседнюю улицу.",
		core.Kazakh:  "«%s» бойынша көше табылмады. Жазылуын тексеріңіз немесе көрші көшені жазыңыз.",
		core.English: "I couldn't find a street for “%s”. Check the spelling or try a nearby street.",
	},
	AddressAmbiguous: {
		core.Russian: "Подходит несколько улиц. Какую вы имеете в виду?",
		core.Kazakh:  "Бірнеше көше сәйкес келеді. Қайсысын айтып отырсыз?",
		core.English: "Several streets match. Which one do you mean?",
	},
	AddressNeedHouse: {
		core.Russian: "Дома по адресу «%s» относятся к разным участкам. Напишите номер дома, например «12», или выберите участок:",
		core.Kazakh:  "«%s» бірнеше учаскеге бөлінген. Үй нөмірін жазыңыз, мысалы, «12», немесе учаскені таңдаңыз:",
		core.English: "%s is split between several districts. Type the house number, for example “12”, or choose a district:",
	},
	HouseOutOfRange: {
		core.Russian: "Дома %s по адресу «%s» нет в нашем списке. Выберите один из участков по этому адресу:",
		core.Kazakh:  "«%[2]s», %[1]s үй мекенжай тізімімізде жоқ. Осы мекенжай қарайтын учаскелердің бірін таңдаңыз:",
		core.English: "House %s at “%s” is not in our address list. Choose one of the districts for this address:",
	},
	PickReask: {
		core.Russian: "Выберите вариант кнопкой выше или напишите адрес заново.",
		core.Kazakh:  "Жоғарыдағы батырмалардың бірін таңдаңыз немесе мекенжайды қайта жазыңыз.",
		core.English: "Choose one of the buttons above, or type the address again.",
	},
	PickDistrict: {
		core.Russian: "Выберите участок:",
		core.Kazakh:  "Учаскені таңдаңыз:",
		core.English: "Choose a district:",
	},
	MoreChoices: {
		core.Russian: "…и ещё %d. Напишите адрес точнее.",
		core.Kazakh:  "…тағы %d нұсқа бар. Мекенжайды нақтырақ жазыңыз.",
		core.English: "…and %d more: type the address more precisely.",
	},
	Outside: {
		core.Russian: "Эта точка за пределами обслуживаемых участков.\n\nБлижайший пункт полиции — в %[4]s:\n%[1]s\n%[2]s\n📞 %[3]s\n\n%[5]s: %[6]s",
		core.Kazakh:  "Бұл нүкте қызмет көрсетілетін учаскелерден тыс.\n\nЕң жақын полиция пункті — %[4]s жерде:\n%[1]s\n%[2]s\n📞 %[3]s\n\n%[5]s: %[6]s",
		core.English: "This place is outside the districts we serve.\n\nThe nearest police station is %[4]s away:\n%[1]s\n%[2]s\n📞 %[3]s\n\n%[5]s: %[6]s",
	},
	Card: {
		core.Russian: "Ваш участок: %s\n\n👮 Участковый инспектор: %s, %s\n📞 %s\n🕘 Часы приёма: %s\n\n🏢 %s\n%s\n📞 %s",
		core.Kazakh:  "Сіздің учаскеңіз: %s\n\n👮 Учаскелік полиция инспекторы: %s, %s\n📞 %s\n🕘 Қабылдау уақыты: %s\n\n🏢 %s\n%s\n📞 %s",
		core.English: "Your district: %s\n\n👮 District inspector: %s, %s\n📞 %s\n🕘 Office hours: %s\n\n🏢 %s\n%s\n📞 %s",
	},
}
