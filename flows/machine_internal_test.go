package flows

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/looplab/fsm"
)

func TestCheckCallbacksCatchesUnknownNames(t *testing.T) {
	noop := func(context.Context, *fsm.Event) {}
	tests := []struct {
		name    string
		cbs     fsm.Callbacks
		wantErr bool
	}{
		{"enter a state", fsm.Callbacks{"enter_" + stMenu: noop}, false},
		{"after an event", fsm.Callbacks{"after_" + evFind: noop}, false},
		{"generic", fsm.Callbacks{"enter_state": noop, "before_event": noop}, false},
		{"misspelt state", fsm.Callbacks{"enter_meun": noop}, true},
		{"misspelt event", fsm.Callbacks{"before_ask_plase": noop}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := checkCallbacks(events, tt.cbs); (err != nil) != tt.wantErr {
				t.Errorf("checkCallbacks: got %v, want error %v", err, tt.wantErr)
			}
		})
	}
}

// TestEveryStateEnterCallbackFires enters every state and checks its enter
// callback really fires: looplab/fsm would silently ignore a callback
// registered under a wrong name.
func TestEveryStateEnterCallbackFires(t *testing.T) {
	for _, ev := range events {
		for _, src := range ev.Src {
			if src == ev.Dst {
				continue
			}
			var entered string
			m := newMachine(src)
			if err := fire(context.Background(), m, ev.Name, func(state string) { entered = state }); err != nil {
				t.Fatalf("%s from %s: %v", ev.Name, src, err)
			}
			if entered != ev.Dst {
				t.Errorf("%s from %s: entered %q, want %q", ev.Name, src, entered, ev.Dst)
			}
		}
	}
}

func TestOnboardingCannotBeSkipped(t *testing.T) {
	for _, st := range []string{stNew, stLanguage, stConsent} {
		m := newMachine(st)
		for _, ev := range []string{evFind, evPick} {
			if m.Can(ev) {
				t.Errorf("%s is possible from %s", ev, st)
			}
		}
	}
}

// checkCallbacks returns an error for a callback that names no known state
// or event: looplab/fsm silently ignores such callbacks, so a test must
// catch a misspelt one.
func checkCallbacks(evs fsm.Events, cbs fsm.Callbacks) error {
	known := map[string]bool{"state": true, "event": true}
	for _, e := range evs {
		known[e.Name] = true
		known[e.Dst] = true
		for _, s := range e.Src {
			known[s] = true
		}
	}
	for name := range cbs {
		target := name
		for _, p := range []string{"before_", "leave_", "enter_", "after_"} {
			target = strings.TrimPrefix(target, p)
		}
		if !known[target] {
			return fmt.Errorf("flows: callback %q names no state or event", name)
		}
	}
	return nil
}
