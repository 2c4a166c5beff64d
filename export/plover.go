package export

import (
	"encoding/json"
	"io"

	"redline"
)

// ploverActor is an actor or recipient of a PLOVER record.
type ploverActor struct {
	Name    string `json:"name,omitempty"`
	Code    string `json:"code,omitempty"`
	Country string `json:"country,omitempty"`
	Sector  string `json:"sector,omitempty"`
}

// ploverRecord is one PLOVER event record. Actor and recipient are lists:
// "Iran and the United States held talks" is one record whose actors are
// both states, where CAMEO-style formats give two dyads.
type ploverRecord struct {
	ID        string        `json:"id"`
	Date      string        `json:"date,omitempty"`
	Actor     []ploverActor `json:"actor"`
	Recipient []ploverActor `json:"recipient,omitempty"`
	Event     string        `json:"event"`
	Mode      string        `json:"mode,omitempty"`
	EventText string        `json:"event_text,omitempty"`
	QuadCode  int           `json:"quad_code"`
	CAMEO     string        `json:"cameo,omitempty"`
	Goldstein float64       `json:"goldstein"`
	StoryID   string        `json:"story_id,omitempty"`
	Sentence  int           `json:"sentence"`
	URL       string        `json:"url,omitempty"`
	Publisher string        `json:"publisher,omitempty"`
	Redline   redline.Mode  `json:"redline_mode,omitempty"`
}

// ploverModes maps redline's modes to PLOVER's auxiliary modes; covert and
// alleged have none and are kept in redline_mode only.
var ploverModes = map[redline.Mode]string{
	redline.ModeNegated: "negation", redline.ModeFuture: "future", redline.ModeHypothetical: "hypothetical",
}

// plover writes one PLOVER JSON record per event, merging the two
// directions of a reciprocal event (same sentence, words and code, actor
// and target swapped) into one record with both actors.
func (e *Encoder) plover(w io.Writer, evs []redline.Event, docs map[string]redline.Document) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := 0; i < len(evs); i++ {
		ev := evs[i]
		r := ploverRecord{
			ID: eventID(ev, i), Actor: []ploverActor{e.ploverActor(ev.Actor)}, Event: ev.PLOVER, Mode: ploverModes[ev.Mode],
			EventText: ev.Text, QuadCode: ev.Quad, CAMEO: ev.CAMEO, Goldstein: ev.Goldstein, StoryID: ev.Doc,
			Sentence: ev.Sentence, URL: docs[ev.Doc].URL, Publisher: docs[ev.Doc].Source, Redline: ev.Mode,
		}
		if d := day(ev, docs); !d.IsZero() {
			r.Date = d.Format("2006-01-02")
		}
		if i+1 < len(evs) && reciprocal(ev, evs[i+1]) {
			r.Actor = append(r.Actor, e.ploverActor(evs[i+1].Actor))
			i++ // the other direction is in this record
		} else if ev.Target != nil {
			r.Recipient = []ploverActor{e.ploverActor(*ev.Target)}
		}
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

// reciprocal reports whether b is a's event in the other direction.
func reciprocal(a, b redline.Event) bool {
	return a.Target != nil && b.Target != nil && a.Doc == b.Doc && a.Sentence == b.Sentence &&
		a.Span == b.Span && a.CAMEO == b.CAMEO && a.Actor.ID == b.Target.ID && b.Actor.ID == a.Target.ID
}

func (e *Encoder) ploverActor(ref redline.ActorRef) ploverActor {
	return ploverActor{Name: ref.Name, Code: ref.ID, Country: e.country(ref), Sector: ref.Sector}
}
