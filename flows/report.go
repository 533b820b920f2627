package flows

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/locale"
)

// Button actions of the report flow.
const (
	actReportCategory = "rc" // rc:<category id>
	actReportHome     = "rp" // rp:home, the resident's own district
	actReportPlace    = "rq" // rq:<gen>:<kind>:<id>[:<house>], a place choice
	actReportPhotos   = "rf" // rf:done
	actReportAnon     = "ra" // ra:yes, ra:no
	actReportSend     = "rs" // rs:send, rs:drop
)

const (
	// maxReportText is the longest description of a concern.
	maxReportText = 2000
	// maxReportPhotos is how many photos a report may carry.
	maxReportPhotos = 5
)

var reportActions = map[string]string{
	actReportCategory: stReportCategory, actReportHome: stReportPlace, actReportPlace: stReportPlace,
	actReportPhotos: stReportPhotos, actReportAnon: stReportAnon, actReportSend: stReportConfirm,
}

// startReport begins a report. It needs consent, since the report and the
// chat to answer it in are stored, and is refused to a blocked resident or
// one over the daily limit.
func (t *turn) startReport(ctx context.Context) error {
	r := &t.s.Resident
	switch {
	case !r.Consented():
		t.send(core.Reply{Text: locale.T(t.lang(), locale.ReportNeedConsent), Buttons: t.homeRow()})
		return nil
	case r.Blocked != nil:
		t.send(core.Reply{Text: locale.T(t.lang(), locale.ReportBlocked), Buttons: t.homeRow()})
		return nil
	}
	if over, err := t.overReportLimit(ctx); err != nil || over {
		return err
	}
	if err := t.goTo(ctx, evReportCategory); err != nil {
		return err
	}
	t.s.Conversation.Report = &core.Ticket{}
	return nil
}

// overReportLimit says so when the resident reached the daily limit.
func (t *turn) overReportLimit(ctx context.Context) (bool, error) {
	limit := t.city.Abuse.ReportsPerDay
	if limit <= 0 {
		return false, nil
	}
	n, err := t.e.store.ReportsSince(ctx, t.in.Chat, t.e.now().Add(-24*time.Hour))
	if err != nil {
		return false, err
	}
	if n >= limit {
		t.send(core.Reply{Text: locale.T(t.lang(), locale.ReportLimit, limit), Buttons: t.homeRow()})
		return true, nil
	}
	return false, nil
}

// reportButton handles the report flow's buttons, each only in its step.
func (t *turn) reportButton(ctx context.Context, action, arg string) error {
	draft := t.s.Conversation.Report
	if draft == nil || t.m.Current() != reportActions[action] {
		return t.stale(ctx)
	}
	switch action {
	case actReportCategory:
		if t.city.Category(arg) == nil {
			return t.stale(ctx)
		}
		draft.Category = arg
		return t.goTo(ctx, evReportText)
	case actReportHome:
		d := t.city.District(t.s.Resident.HomeDistrict)
		if arg != "home" || d == nil {
			return t.stale(ctx)
		}
		return t.reportDistrict(ctx, d)
	case actReportPlace:
		return t.choose(ctx, arg, t.reportPlaces())
	case actReportPhotos:
		if arg != "done" {
			return t.stale(ctx)
		}
		return t.goTo(ctx, evReportAnon)
	case actReportAnon:
		if arg != "yes" && arg != "no" {
			return t.stale(ctx)
		}
		draft.Anonymous = arg == "yes"
		return t.goTo(ctx, evReportConfirm)
	case actReportSend:
		switch arg {
		case "send":
			return t.createTicket(ctx)
		case "drop":
			t.say(locale.ReportDropped)
			return t.goTo(ctx, evMenu)
		}
	}
	return t.stale(ctx)
}

// reportInput handles what a resident sends in a report step.
func (t *turn) reportInput(ctx context.Context) error {
	draft := t.s.Conversation.Report
	if draft == nil {
		return t.goTo(ctx, evMenu)
	}
	text := strings.TrimSpace(t.in.Text)
	switch state := t.m.Current(); {
	case state == stReportText && (t.in.Kind == core.KindText || t.in.Kind == core.KindPhoto && text != ""):
		if n := utf8.RuneCountInString(text); n > maxReportText {
			t.say(locale.TooLong, n, maxReportText)
			return nil
		}
		draft.Text = text
		if t.in.Kind == core.KindPhoto {
			draft.Photos = append(draft.Photos, t.in.Photo)
		}
		return t.goTo(ctx, evReportPlace)
	case state == stReportPlace && t.in.Kind == core.KindLocation:
		draft.Location = t.in.Location
		if d := t.index.District(*t.in.Location); d != nil {
			return t.reportDistrict(ctx, d)
		}
		// Outside every district: it goes to the nearest precinct.
		if p, _ := t.index.NearestPrecinct(*t.in.Location); p != nil {
			draft.Precinct = p.ID
		}
		return t.placeRecorded(ctx)
	case state == stReportPlace && t.in.Kind == core.KindText:
		c := &t.s.Conversation
		if h, err := core.ParseHouse(text); err == nil && c.Street != "" {
			// A house number completing the street typed before.
			if st := t.city.Street(c.Street); st != nil {
				draft.Address = st.Name.In(t.lang()) + ", " + h.String()
			}
			return t.lookupStreet(ctx, c.Street, &h, t.reportPlaces())
		}
		draft.Address = clip(text, 200)
		return t.resolveAddress(ctx, text, t.reportPlaces())
	case state == stReportPhotos && t.in.Kind == core.KindPhoto:
		if len(draft.Photos) >= maxReportPhotos {
			t.say(locale.ReportPhotosFull)
			return nil
		}
		draft.Photos = append(draft.Photos, t.in.Photo)
		t.dirty = true
		t.send(core.Reply{Text: locale.T(t.lang(), locale.ReportPhotoAdded, len(draft.Photos), maxReportPhotos), Buttons: t.photosDone()})
		return nil
	case t.in.Kind == core.KindUnsupported && t.in.Unsupported == "document" && (state == stReportPhotos || state == stReportText):
		t.say(locale.ReportNoFiles)
		return nil
	}
	t.say(locale.Unsupported)
	t.prompt(t.m.Current())
	return nil
}

// reportPlaces is how the report flow uses the place resolver: the district
// is recorded and the flow moves on; choices stay in the place step.
func (t *turn) reportPlaces() placeFlow {
	return placeFlow{
		action: actReportPlace,
		found:  t.reportDistrict,
		offer: func(_ context.Context, r core.Reply, street string) error {
			t.send(r)
			// Kept for a house number typed next; reporting needs consent.
			t.s.Conversation.Street = street
			return nil
		},
		notFound: func(string) { t.say(locale.ReportPlaceNotFound) },
	}
}

// reportDistrict records where the concern is and moves on to photos.
func (t *turn) reportDistrict(ctx context.Context, d *core.District) error {
	draft := t.s.Conversation.Report
	draft.District, draft.Precinct = d.ID, d.Precinct
	return t.placeRecorded(ctx)
}

// placeRecorded confirms the place, which also hides the location keyboard,
// and moves on to photos.
func (t *turn) placeRecorded(ctx context.Context) error {
	t.send(core.Reply{Text: "📍 " + t.placeName(t.s.Conversation.Report, t.lang()), RemoveKeyboard: true})
	return t.goTo(ctx, evReportPhotos)
}

func (t *turn) photosDone() [][]core.Button {
	return [][]core.Button{{button(locale.T(t.lang(), locale.ReportPhotosDone), actReportPhotos, "done")}}
}

// reportPrompt shows what a report step waits for.
func (t *turn) reportPrompt(state string) {
	l := t.lang()
	draft := t.s.Conversation.Report
	if draft == nil {
		draft = &core.Ticket{}
	}
	switch state {
	case stReportCategory:
		var rows [][]core.Button
		for _, c := range t.city.Categories {
			rows = append(rows, []core.Button{button(c.Name.In(l), actReportCategory, c.ID)})
		}
		t.send(core.Reply{Text: locale.T(l, locale.ReportCategory), Buttons: append(rows, t.homeRow()...)})
	case stReportText:
		t.send(core.Reply{Text: locale.T(l, locale.ReportText, maxReportText), Buttons: t.homeRow()})
	case stReportPlace:
		t.send(core.Reply{Text: locale.T(l, locale.ReportPlace), RequestLocation: locale.T(l, locale.FindShareLocation)})
		if d := t.city.District(t.s.Resident.HomeDistrict); d != nil {
			t.send(core.Reply{Text: d.Name.In(l), Buttons: [][]core.Button{{button(locale.T(l, locale.ReportMyDistrict), actReportHome, "home")}}})
		}
	case stReportPhotos:
		t.send(core.Reply{Text: locale.T(l, locale.ReportPhotos, maxReportPhotos), Buttons: [][]core.Button{{button(locale.T(l, locale.ReportPhotosSkip), actReportPhotos, "done")}}})
	case stReportAnon:
		t.send(core.Reply{Text: locale.T(l, locale.ReportAnonymous), Buttons: [][]core.Button{
			{button(locale.T(l, locale.ReportAnonYes), actReportAnon, "yes")},
			{button(locale.T(l, locale.ReportAnonNo), actReportAnon, "no")},
		}})
	case stReportConfirm:
		anon := locale.T(l, locale.No)
		if draft.Anonymous {
			anon = locale.T(l, locale.Yes)
		}
		category := ""
		if c := t.city.Category(draft.Category); c != nil {
			category = c.Name.In(l)
		}
		t.send(core.Reply{
			Text: locale.T(l, locale.ReportSummary, category, draft.Text, t.placeName(draft, l), len(draft.Photos), anon),
			Buttons: [][]core.Button{{
				button(locale.T(l, locale.ReportSend), actReportSend, "send"),
				button(locale.T(l, locale.ReportDrop), actReportSend, "drop"),
			}},
		})
	}
}

// placeName describes where a ticket is about.
func (t *turn) placeName(tk *core.Ticket, l core.Lang) string {
	var parts []string
	if d := t.city.District(tk.District); d != nil {
		parts = append(parts, d.Name.In(l))
	} else if p := t.city.Precinct(tk.Precinct); p != nil {
		parts = append(parts, p.Name.In(l))
	}
	if tk.Address != "" {
		parts = append(parts, tk.Address)
	}
	if len(parts) == 0 {
		return locale.T(l, locale.PlaceUnknown)
	}
	return strings.Join(parts, ", ")
}
