package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"redline"
	"redline/extract"
)

// ploverNames maps the category names of the PLOVER gold records (draft
// 0.5, 2016) to those of the 2021 draft redline codes in.
var ploverNames = map[string]string{
	"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
}

// PLOVERCategory returns the 2021 name of a PLOVER category, mapping the
// older names DEMAND, DISAPPROVE, INVESTIGATE and FIGHT.
func PLOVERCategory(name string) string {
	if n, ok := ploverNames[name]; ok {
		return n
	}
	return name
}

// ploverRecord is one record of PLOVER_GSR_CAMEO.shared.json.
type ploverRecord struct {
	ID       string          `json:"id"`
	Event    string          `json:"event"`
	Text     string          `json:"text"`
	Source   json.RawMessage `json:"source"`
	Target   json.RawMessage `json:"target"`
	TextInfo json.RawMessage `json:"textInfo"` // {"markup": ...}, or a string in a few records
}

// ReadPLOVER reads the PLOVER gold records at path: the CAMEO manual's
// example sentences coded in PLOVER, with the source, target and event
// words marked inline ("(SRC: Libya) has (EVT: offered)"). The markup is
// stripped to give the raw sentence; the event words' spans are kept.
// Documentation records (event DOCUMENT) are skipped.
func ReadPLOVER(path string) ([]EventRecord, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var raw []ploverRecord
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []EventRecord
	for _, r := range raw {
		if r.Event == "DOCUMENT" || r.Event == "" {
			continue
		}
		rec := EventRecord{ID: r.ID, Gold: r.Event, Source: actorCodes(r.Source), Target: actorCodes(r.Target)}
		markup := markupOf(r.TextInfo)
		rec.Text, rec.Event = stripMarkup(markup)
		if r.Text != "" && r.Text != rec.Text {
			// The markup is hand-made and sometimes unbalanced; the record's
			// own text is then the sentence, and the event words are found
			// in it in order.
			rec.Text, rec.Event = r.Text, findWords(r.Text, eventWords(markup))
		}
		out = append(out, rec)
	}
	return out, nil
}

// markupOf returns the markup of a record's textInfo, which is an object
// {"markup": ...} or, in a few records, the marked-up string itself.
func markupOf(raw json.RawMessage) string {
	var info struct {
		Markup string `json:"markup"`
	}
	if json.Unmarshal(raw, &info) == nil {
		return info.Markup
	}
	var s string
	_ = json.Unmarshal(raw, &s)
	return s
}

// eventWords returns the words of each "(EVT: ...)" in a markup, up to the
// next parenthesis or brace.
func eventWords(markup string) []string {
	var out []string
	for {
		i := strings.Index(markup, "EVT: ")
		if i < 0 {
			return out
		}
		markup = markup[i+5:]
		j := strings.IndexAny(markup, "(){}")
		if j < 0 {
			j = len(markup)
		}
		if w := strings.TrimSpace(markup[:j]); w != "" {
			out = append(out, w)
		}
	}
}

// findWords returns the spans of words found in text in order.
func findWords(text string, words []string) []redline.Span {
	var out []redline.Span
	from := 0
	for _, w := range words {
		if i := strings.Index(text[from:], w); i >= 0 {
			sp := redline.Span{Start: from + i, End: from + i + len(w)}
			out = append(out, sp)
			from = sp.End
		}
	}
	return out
}

// actorCodes reads a source or target field: a list of {actorText, code},
// or an empty string or null for none.
func actorCodes(raw json.RawMessage) []string {
	var list []struct {
		Code string `json:"code"`
	}
	if json.Unmarshal(raw, &list) != nil {
		return nil
	}
	var out []string
	for _, a := range list {
		if a.Code != "" {
			out = append(out, a.Code)
		}
	}
	return out
}

// stripMarkup removes "(SRC: ...)", "(TAR: ...)", "(SRC/TAR: ...)" and
// "(EVT: ...)" wrappers, keeping their words, and returns the spans of the
// event words in the stripped text.
func stripMarkup(s string) (string, []redline.Span) {
	var b strings.Builder
	var evts []redline.Span
	for {
		i := strings.Index(s, "(")
		if i < 0 {
			b.WriteString(s)
			break
		}
		tag, rest, ok := markupTag(s[i+1:])
		j := strings.Index(rest, ")")
		if !ok || j < 0 {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		start := b.Len()
		b.WriteString(rest[:j])
		if tag == "EVT" {
			evts = append(evts, redline.Span{Start: start, End: b.Len()})
		}
		s = rest[j+1:]
	}
	return strings.TrimSpace(b.String()), evts
}

// markupTag recognises a markup tag at the start of s and returns it with
// the text after "TAG: ".
func markupTag(s string) (tag, rest string, ok bool) {
	for _, t := range []string{"SRC/TAR", "SRC", "TAR", "EVT"} {
		if strings.HasPrefix(s, t+": ") {
			return t, s[len(t)+2:], true
		}
	}
	return "", s, false
}

// PLOVER scores p on the PLOVER gold records at path (see ReadPLOVER):
// event category accuracy of the best system event, source and target
// country accuracy, recall, extras, a per-category table and the errors.
// Gold categories are compared under their 2021 names (PLOVERCategory);
// the table keeps the names the records use.
func PLOVER(path string, p *extract.Pipeline) (*EventScores, error) {
	recs, err := ReadPLOVER(path)
	if err != nil {
		return nil, err
	}
	key := func(e redline.Event) string { return e.PLOVER }
	gold := func(r EventRecord) string { return PLOVERCategory(r.Gold) }
	label := func(r EventRecord) string { return r.Gold }
	return scoreEvents("PLOVER GSR", recs, forEvents(p), key, gold, label), nil
}
