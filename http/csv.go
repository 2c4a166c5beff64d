package http

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"

	"redline"
)

// wantsCSV reports whether a list was asked for as CSV (format=csv).
func wantsCSV(r *http.Request) (bool, error) {
	switch f := r.URL.Query().Get("format"); f {
	case "", "json":
		return false, nil
	case "csv":
		return true, nil
	default:
		return false, redline.Errorf(redline.EINVALID, "format %q: want json or csv", f)
	}
}

// cell makes article text safe in a spreadsheet: a cell that starts with
// =, +, -, @ or a control character would be read as a formula, so it
// gets a leading apostrophe.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func refID(r *redline.ActorRef) string {
	if r == nil {
		return ""
	}
	return r.ID
}

// writeCSV writes a header and rows as CSV, each cell made safe.
func writeCSV(w http.ResponseWriter, name string, header []string, rows [][]string) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
	cw := csv.NewWriter(w)
	cw.Write(header)
	for _, row := range rows {
		for i := range row {
			row[i] = cell(row[i])
		}
		cw.Write(row)
	}
	cw.Flush()
}

// statementsCSV writes statements as CSV rows, with a link to each
// sentence.
func statementsCSV(w http.ResponseWriter, ss []redline.Statement) {
	rows := make([][]string, 0, len(ss))
	for _, st := range ss {
		rows = append(rows, []string{st.Said.Value, string(st.Said.Grain), st.Speaker.ID, st.Speaker.Name, st.Topic, refID(st.Target), refName(st.Target),
			string(st.Stance), strconv.FormatFloat(st.Score, 'f', 2, 64), string(st.Commitment), strings.Join(st.Conditions, "; "),
			strconv.FormatBool(st.Threat), strconv.FormatBool(st.Promise), st.Text, st.Doc, strconv.Itoa(st.Sentence), spanURL(st.Doc, st.Sentence, st.Span)})
	}
	writeCSV(w, "statements", []string{"said", "grain", "speaker_id", "speaker", "topic", "target_id", "target", "stance", "score",
		"commitment", "conditions", "threat", "promise", "text", "doc", "sentence", "link"}, rows)
}

// eventsCSV writes events as CSV rows, with a link to each sentence.
func eventsCSV(w http.ResponseWriter, es []redline.Event) {
	rows := make([][]string, 0, len(es))
	for _, ev := range es {
		rows = append(rows, []string{ev.Date.Value, string(ev.Date.Grain), ev.Actor.ID, ev.Actor.Name, ev.Verb, refID(ev.Target), refName(ev.Target),
			ev.CAMEO, ev.PLOVER, string(ev.Mode), strconv.FormatFloat(ev.Goldstein, 'f', 1, 64), strconv.Itoa(ev.Quad),
			ev.Text, ev.Doc, strconv.Itoa(ev.Sentence), spanURL(ev.Doc, ev.Sentence, ev.Span)})
	}
	writeCSV(w, "events", []string{"date", "grain", "actor_id", "actor", "verb", "target_id", "target", "cameo", "plover", "mode",
		"goldstein", "quad", "text", "doc", "sentence", "link"}, rows)
}
