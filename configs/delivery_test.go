package configs_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/beatbot-kz/beatbot/configs"
	"github.com/beatbot-kz/beatbot/core"
)

// defaultDelivery is what README.md promises when "delivery" is absent.
func defaultDelivery() core.Delivery {
	return core.Delivery{
		QuietHours: core.QuietHours{From: 22 * time.Hour, To: 8 * time.Hour},
		Limits: map[core.Channel]core.Limits{
			core.Telegram: core.DefaultLimits(core.Telegram),
			core.WhatsApp: core.DefaultLimits(core.WhatsApp),
		},
		MaxAttempts: 10,
	}
}

func TestDelivery(t *testing.T) {
	partial := defaultDelivery()
	partial.QuietHours.From = 23 * time.Hour
	tests := []struct {
		name string
		file string
		want core.Delivery
	}{
		{"defaults when absent", "valid.yaml", defaultDelivery()},
		{"quiet hours with only from", "alert_warnings.yaml", partial},
		{"every field set", "delivery_alerts.yaml", core.Delivery{
			QuietHours: core.QuietHours{},
			Limits: map[core.Channel]core.Limits{
				core.Telegram: {Rate: 1000, PerChat: 0, PerGroup: 2500 * time.Millisecond, PaidBroadcast: true},
				core.WhatsApp: {Rate: 200, PerChat: time.Second, PerGroup: 3 * time.Second},
			},
			MaxAttempts: 5,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			city, _, err := configs.Load("testdata/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if got := city.Delivery; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestAlerts(t *testing.T) {
	t.Run("none when absent", func(t *testing.T) {
		city, _, err := configs.Load("testdata/valid.yaml")
		if err != nil {
			t.Fatal(err)
		}
		if len(city.Alerts) != 0 {
			t.Errorf("got %d alerts, want none", len(city.Alerts))
		}
	})
	t.Run("every field set", func(t *testing.T) {
		city, warnings, err := configs.Load("testdata/delivery_alerts.yaml")
		if err != nil {
			t.Fatal(err)
		}
		if len(warnings) != 0 {
			t.Errorf("got warnings %v, want none", warnings)
		}
		want := []core.ScheduledAlert{
			{ID: "doors", Cron: "0 18 * 6-8 5",
				Text: core.Text{core.Russian: "Закройте двери", core.Kazakh: "Есікті жабыңыз", core.English: "Lock the doors"}},
			{ID: "storm", Cron: "@daily", Districts: []string{"d2"}, Urgent: true,
				Text: core.Text{core.Russian: "Штормовое предупреждение", core.Kazakh: "Дауыл туралы ескерту", core.English: "Storm warning"}},
		}
		if !reflect.DeepEqual(city.Alerts, want) {
			t.Errorf("got %+v, want %+v", city.Alerts, want)
		}
	})
}
