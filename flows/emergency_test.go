package flows

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLooksLikeEmergency(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		// Russian: the misses from the review.
		{"ru убивает", "Он её убивает", true},
		{"ru убьёт", "он меня убьёт", true},
		{"ru убьет", "он меня убьет", true},
		{"ru ножа", "у него нет ножа? есть!", true},
		{"ru ножи", "в руках ножи", true},
		{"ru ножом", "угрожает ножом", true},
		{"ru избили", "меня избили возле дома", true},
		{"ru бьёт", "муж бьёт жену", true},
		{"ru бьет", "муж бьет жену", true},
		{"ru стреляет", "кто-то стреляет во дворе", true},
		{"ru ранили", "его ранили", true},
		{"ru изнасилование", "изнасилование в подъезде", true},
		{"ru напал", "на меня напал мужчина", true},
		{"ru нападают", "на нас нападают", true},
		{"ru грабят", "грабят магазин", true},
		{"ru душит", "он её душит", true},
		{"ru помогите", "помогите", true},
		{"ru спасите", "спасите", true},
		// Russian: inflections and other words.
		{"ru убивают caps", "УБИВАЮТ", true},
		{"ru убийство", "здесь убийство", true},
		{"ru ножевое", "ножевое ранение", true},
		{"ru пырнул", "его пырнули", true},
		{"ru стрельба", "Стрельба на Бухар-Жырау", true},
		{"ru выстрелы", "слышны выстрелы", true},
		{"ru ранен", "человек ранен", true},
		{"ru ограбили", "нас ограбили только что", true},
		{"ru задушит", "он меня задушит", true},
		{"ru похитили", "похитили ребёнка", true},
		{"ru заложники", "там заложники", true},
		{"ru взрыв", "взрыв на Степном", true},
		{"ru пожар", "Пожар в доме!", true},
		{"ru горит", "горит квартира", true},
		{"ru кровь", "много крови", true},
		{"ru кровотечение", "сильное кровотечение", true},
		{"ru без сознания", "человек без сознания", true},
		{"ru драка", "во дворе драка", true},
		{"ru дерутся", "соседи дерутся", true},
		{"ru пистолет", "у него пистолет", true},
		{"ru вломились", "к нам вломились", true},
		{"ru ломятся", "ломятся в дверь", true},
		{"ru угрожает", "сосед угрожает", true},
		{"ru помощь", "нужна помощь", true},
		// Russian: case, punctuation and typing habits.
		{"ru shouting", "ПОМОГИТЕ!!!", true},
		{"ru mixed case", "ПоМоГиТе", true},
		{"ru stretched", "помоооогитееее", true},
		{"ru comma", "нож,", true},
		{"ru glued", "у него нож.Помогите", true},
		{"ru glued comma", "нож,помогите", true},
		{"ru hashtag", "#помогите", true},
		{"ru quoted", "«спасите»", true},
		{"ru Latin o", "пoмогите", true},
		{"ru decomposed й", "убии\u0306ство", true},
		{"ru decomposed ё", "убье\u0308т", true},
		// Kazakh: the misses from the review.
		{"kk көмектесіңдерші", "көмектесіңдерші", true},
		{"kk көмектесіңізші", "Көмектесіңізші!", true},
		{"kk пышақтады", "мені пышақтады", true},
		{"kk пышағы", "оның пышағы бар", true},
		{"kk өлтіремін", "өлтіремін деп тұр", true},
		{"kk ұрды", "ол мені ұрды", true},
		{"kk мені атты", "мені атты", true},
		{"kk құтқар", "құтқар", true},
		{"kk құтқарыңдар", "Құтқарыңдар!!!", true},
		{"kk зорлады", "зорлады", true},
		{"kk жәрдем", "жәрдем керек", true},
		{"kk көмектесіңдер", "көмектесіңдер", true},
		{"kk өрт", "үйде өрт", true},
		{"kk жанып жатыр", "үй жанып жатыр", true},
		{"kk ұрып жатыр", "әйелін ұрып жатыр", true},
		{"kk атып", "атып жатыр", true},
		{"kk мылтық", "мылтығы бар", true},
		{"kk шабуыл", "шабуыл жасады", true},
		{"kk жарылыс", "жарылыс болды", true},
		{"kk қан", "қан ағып жатыр", true},
		// Kazakh on a Russian keyboard.
		{"kk-ru комектесиндер", "комектесиндер", true},
		{"kk-ru пышак", "пышак", true},
		{"kk-ru олтиреди", "олтиреди", true},
		{"kk-ru куткарындар", "куткарындар", true},
		{"kk-ru Latin i", "көмектесiңдер", true},
		// Russian and Kazakh in Latin letters.
		{"lat pomogite", "pomogite", true},
		{"lat spasite", "Spasite!", true},
		{"lat ubivaut", "ubivaut", true},
		{"lat ubivayut", "menya ubivayut", true},
		{"lat ub'yut", "ub'yut", true},
		{"lat nozhom", "ugrozhaet nozhom", true},
		{"lat pyshak", "pyshak", true},
		{"lat pyşaq", "pyşaq", true},
		{"lat komektesinder", "komektesinder", true},
		{"lat qutqaryndar", "qutqaryndar", true},
		{"lat öltiredi", "öltiredi", true},
		// English.
		{"en stabbing", "there is a stabbing", true},
		{"en attacking", "they are attacking", true},
		{"en broke in", "someone broke in", true},
		{"en break-in", "break-in at my flat", true},
		{"en attacking me", "someone is attacking me", true},
		{"en help me", "help me", true},
		{"en breaking in", "someone is breaking in, help", true},
		{"en broke into", "they broke into the car", true},
		{"en HEEELP", "HEEELP", true},
		{"en sos", "SOS!!!", true},
		{"en gun", "he has a gun", true},
		{"en shots", "shots fired", true},
		{"en on fire", "my house is on fire", true},
		{"en killed", "he killed him", true},
		{"en kidnapped", "my child was kidnapped", true},
		{"en bleeding", "he is bleeding", true},
		{"en explosion", "explosion on the street", true},
		{"en emergency", "Emergency!", true},
		{"en knife", "he has a knife", true},
		{"en intruder", "intruder in the house", true},

		// Everyday messages to a district inspector.
		{"address ru", "Ерубаева 12", false},
		{"address hyphen", "Бухар-Жырау 63", false},
		{"address microdistrict", "Степной 35", false},
		{"address kk", "Қиял көшесі 5", false},
		{"address Latin", "Erubaeva 15", false},
		{"find inspector", "как найти участкового", false},
		{"noise", "шумят соседи", false},
		{"past theft", "украли велосипед вчера", false},
		{"scissors", "ножницы", false},
		{"bought scissors", "купил ножницы в магазине", false},
		{"table leg", "ножка стола сломалась", false},
		{"rake", "грабли во дворе", false},
		{"kk my name", "Менің атым Айгерім", false},
		{"kk named after", "Сатпаев атындағы көше", false},
		{"kk named", "Айгерім атты қыз хабарласты", false},
		{"kk centre", "Орталық аудан, орта мектеп", false},
		{"kk benefit", "жәрдемақы туралы сұрақ", false},
		{"kk past theft", "кеше ұрлық болды", false},
		{"kk lesson", "сабақтан кейін келемін", false},
		{"fireworks", "fireworks every night", false},
		{"hello", "hello", false},
		{"thanks ru", "Спасибо большое!", false},
		{"thanks kk", "Рахмет", false},
		{"thanks for help ru", "Спасибо за помощь!", false},
		{"thanks for help en", "Thank you for your help", false},
		{"lamp out", "в подъезде не горит свет", false},
		{"lamps out", "не горят фонари во дворе", false},
		{"polling station", "где избирательный участок", false},
		{"rubbish", "кто должен убирать мусор", false},
		{"earlier", "ранее писал заявление", false},
		{"bed", "выбросили кровать во двор", false},
		{"roof", "протекает кровля", false},
		{"shower", "душ не работает", false},
		{"clock hand", "стрелка на часах", false},
		{"parking", "машина стоит на газоне", false},
		{"dog", "собака лает всю ночь", false},
		{"en find", "where is my district inspector", false},
		{"en stable", "the situation is stable, thanks", false},
		{"en helpful", "very helpful, thank you", false},
		{"en explore", "explore the city", false},
		{"empty", "", false},
		{"punctuation only", "?!…", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := looksLikeEmergency(tt.text); got != tt.want {
				t.Errorf("looksLikeEmergency(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestFoldWord(t *testing.T) {
	tests := []struct {
		word string
		want string
	}{
		{"Көмектесіңдерші", "комектесиндерши"},
		{"ҚҰТҚАРЫҢДАР", "куткарындар"},
		{"жәрдем", "жардем"},
		{"Өлтіремін", "олтиремин"},
		{"ёлка", "елка"},
		{"ПОМОГИИИТЕ", "помогите"},
		{"HEEELP", "help"},
		{"killed", "killed"},
		{"ub'yut", "ubyut"},
		{"pyşaq", "pyshak"},
		{"öltir", "oltir"},
		{"пoмoгите", "помогите"},
		{"убии\u0306ство", "убийство"},
		{"убье\u0308т", "убьет"},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := foldEntry(tt.word); got != tt.want {
				t.Errorf("fold(%q) = %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}

func TestFoldWordTruncatesLongWords(t *testing.T) {
	long := "помогите" + strings.Repeat("аб", maxFoldedWord)
	var buf [maxFoldedWord]byte
	got, whole := foldWord(buf[:], long, true)
	if whole || !utf8.Valid(got) || !strings.HasPrefix(string(got), "помогите") {
		t.Errorf("fold(long) = %q, %v, want a valid prefix and false", got, whole)
	}
	if !looksLikeEmergency(long) {
		t.Errorf("looksLikeEmergency(long) = false, want a stem to match its beginning")
	}
}

// TestEmergencyLists keeps the lists tidy: every entry folds to itself once
// folded, none repeats, every entry is found (or, for exclusions, not found)
// on its own, and every exclusion shadows some stem (else it is dead
// weight).
func TestEmergencyLists(t *testing.T) {
	seen := make(map[string]string)
	for name, list := range map[string][]string{
		"emergencyStems": emergencyStems, "emergencyWords": emergencyWords, "everydayPrefixes": everydayPrefixes,
	} {
		for _, s := range list {
			f := foldEntry(s)
			if f == "" || foldEntry(f) != f {
				t.Errorf("%s: %q folds to %q, which is not stable", name, s, f)
			}
			if other, ok := seen[f]; ok {
				t.Errorf("%s: %q folds to %q, already in %s", name, s, f, other)
			}
			seen[f] = name
		}
	}
	for _, s := range slices.Concat(emergencyStems, emergencyWords) {
		if !looksLikeEmergency(s) {
			t.Errorf("looksLikeEmergency(%q) = false, want true for a list entry", s)
		}
	}
	for _, p := range emergencyPairs {
		if text := p[0] + " " + p[1]; !looksLikeEmergency(text) {
			t.Errorf("looksLikeEmergency(%q) = false, want true for a pair", text)
		}
	}
	for _, p := range everydayPairs {
		if text := p[0] + " " + p[1]; looksLikeEmergency(text) {
			t.Errorf("looksLikeEmergency(%q) = true, want false for an everyday pair", text)
		}
	}
	for _, e := range everydayPrefixes {
		if looksLikeEmergency(e) {
			t.Errorf("looksLikeEmergency(%q) = true, want false for an exclusion", e)
		}
		f := foldEntry(e)
		shadows := false
		for _, s := range emergencyStems {
			shadows = shadows || strings.HasPrefix(f, foldEntry(s))
		}
		if !shadows {
			t.Errorf("everydayPrefixes: %q shadows no stem", e)
		}
	}
}

// typicalMessage is an everyday message of about 100 characters.
const typicalMessage = "Здравствуйте! Подскажите, пожалуйста, кто участковый по адресу Ерубаева 12, кв. 5? Соседи шумят ночью."

func TestLooksLikeEmergencyAllocatesNothing(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { looksLikeEmergency(typicalMessage) }); n != 0 {
		t.Errorf("allocations per call = %v, want 0", n)
	}
}

func BenchmarkLooksLikeEmergency(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if looksLikeEmergency(typicalMessage) {
			b.Fatal("typical message taken for an emergency")
		}
	}
}
