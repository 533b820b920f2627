package polls_test

import (
	"bytes"
	"errors"
	"image/png"
	"math"
	"testing"

	"github.com/beatbot-kz/beatbot/polls"
)

func safetyChart() polls.Chart {
	return polls.Chart{
		Title: "Насколько безопасно вы чувствуете себя вечером во дворе?",
		Labels: []string{
			"Очень безопасно",
			"Скорее безопасно, хотя иногда бывает тревожно",
			"Қауіпсіз емес: түнде көшеде жарық жоқ, әсіресе ғимараттардың арасында",
			"Не знаю",
		},
		Series: []polls.Series{
			{Name: "Участок № 12", Values: []float64{41.8, 31.3, 19.4, 7.5}},
			{Name: "Мкр. Әуезов", Values: []float64{50, 25, 20, 5}},
			{Name: "Мкр. Жетісу-2", Values: []float64{100, 0, 0, 0}},
		},
		Unit: "%",
		Note: "n = 134; микрорайоны с менее чем 5 ответами вошли в участок",
	}
}

func TestChartPNG(t *testing.T) {
	one := safetyChart()
	one.Series = one.Series[:1]
	many := safetyChart()
	for len(many.Labels) < 10 {
		many.Labels = append(many.Labels, "Другое")
	}
	many.Series = nil
	for range 6 {
		many.Series = append(many.Series, polls.Series{Name: "Мкр.", Values: make([]float64, 10)})
	}
	tests := []struct {
		name  string
		chart polls.Chart
		tall  bool // grows past ChartHeight for its many bars
	}{
		{"grouped", safetyChart(), false},
		{"one series", one, false},
		{"scale means", polls.Chart{Labels: []string{"1", "2"}, Series: []polls.Series{{Values: []float64{3.7, 0}}}}, false},
		{"many bars", many, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.chart.PNG()
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			size := img.Bounds().Size()
			if size.X != polls.ChartWidth || (size.Y == polls.ChartHeight) == tt.tall || size.Y < polls.ChartHeight {
				t.Errorf("got %v, want %d wide and %d tall (taller: %v)",
					size, polls.ChartWidth, polls.ChartHeight, tt.tall)
			}
		})
	}
}

func TestChartPNGBad(t *testing.T) {
	ok := polls.Series{Name: "ok", Values: []float64{1, 2}}
	tests := []struct {
		name  string
		chart polls.Chart
	}{
		{"no labels", polls.Chart{Series: []polls.Series{{}}}},
		{"no series", polls.Chart{Labels: []string{"a"}}},
		{"too few values", polls.Chart{Labels: []string{"a", "b", "c"}, Series: []polls.Series{ok}}},
		{"negative", polls.Chart{Labels: []string{"a", "b"}, Series: []polls.Series{ok, {Values: []float64{-1, 0}}}}},
		{"NaN", polls.Chart{Labels: []string{"a", "b"}, Series: []polls.Series{{Values: []float64{math.NaN(), 0}}}}},
		{"infinite", polls.Chart{Labels: []string{"a", "b"}, Series: []polls.Series{{Values: []float64{math.Inf(1), 0}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.chart.PNG()
			if !errors.Is(err, polls.ErrBadChart) || b != nil {
				t.Errorf("got %d bytes, %v; want %v", len(b), err, polls.ErrBadChart)
			}
		})
	}
}
