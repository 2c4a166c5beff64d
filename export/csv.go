package export

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"

	"redline"
)

// csvHeader names the CSV columns: every field of redline.Event, then the
// document's publication date, URL, source and title.
var csvHeader = []string{
	"doc", "sentence", "date", "actor_id", "actor_name", "actor_sector", "target_id", "target_name",
	"target_sector", "verb", "cameo", "plover", "mode", "goldstein", "quad", "text", "span_start", "span_end",
	"published", "url", "source", "title",
}

// csv writes a header (before the first batch) and one row per event.
func (e *Encoder) csv(w io.Writer, evs []redline.Event, docs map[string]redline.Document) error {
	cw := csv.NewWriter(w)
	if !e.header {
		e.header = true
		if err := cw.Write(csvHeader); err != nil {
			return err
		}
	}
	for _, ev := range evs {
		var tgt redline.ActorRef
		if ev.Target != nil {
			tgt = *ev.Target
		}
		d := docs[ev.Doc]
		row := []string{
			ev.Doc, strconv.Itoa(ev.Sentence), ev.Date.Value, ev.Actor.ID, ev.Actor.Name, ev.Actor.Sector,
			tgt.ID, tgt.Name, tgt.Sector, ev.Verb, ev.CAMEO, ev.PLOVER, string(ev.Mode),
			strconv.FormatFloat(ev.Goldstein, 'f', -1, 64), strconv.Itoa(ev.Quad), ev.Text,
			strconv.Itoa(ev.Span.Start), strconv.Itoa(ev.Span.End), d.Published.Value, d.URL, d.Source, d.Title,
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// jsonl writes one event as JSON per line.
func jsonl(w io.Writer, evs []redline.Event, _ map[string]redline.Document) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, ev := range evs {
		if err := enc.Encode(ev); err != nil {
			return err
		}
	}
	return nil
}
