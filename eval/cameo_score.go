package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"redline"
	"redline/extract"
)

// EventRecord is one gold event-coded sentence: its text, the gold code
// (a PLOVER category or a CAMEO code), the gold source and target codes
// (country codes, or a group code such as IGO), and the spans of the gold
// event words when the corpus marks them.
type EventRecord struct {
	ID     string
	Text   string
	Gold   string
	Source []string
	Target []string
	Event  []redline.Span
}

// CategoryScore is the score of one gold category (or CAMEO root).
type CategoryScore struct {
	Category string `json:"category"`
	Gold     int    `json:"gold"`
	Correct  int    `json:"correct"`
	Recalled int    `json:"recalled"`
}

// EventError is one record whose best system event disagrees with the
// gold: System is "-" when the sentence was not coded at all.
type EventError struct {
	ID     string `json:"id"`
	Gold   string `json:"gold"`
	System string `json:"system"`
	Text   string `json:"text"`
}

// EventScores are the scores of the event coder on a gold corpus. Accuracy
// compares the best system event of each record (the one covering a gold
// event word, else the first) with the gold: the PLOVER category for the
// PLOVER corpus, the CAMEO root for the CAMEO codebook; uncoded records
// count as wrong. Code3Accuracy (CAMEO only) compares the first three
// digits. Recall is the share of records with any event of the gold
// category or root. Source and target accuracy are over coded records with
// a gold source (target): the best event's actor (target) country is one
// of the gold codes. Extras is the share of system events beyond the gold
// events of their record.
type EventScores struct {
	Corpus         string          `json:"corpus"`
	Records        int             `json:"records"`
	Coded          int             `json:"coded"`
	Events         int             `json:"events"`
	Correct        int             `json:"correct"`
	Accuracy       float64         `json:"accuracy"`
	Code3Accuracy  float64         `json:"code3_accuracy,omitempty"`
	SourceAccuracy float64         `json:"source_accuracy,omitempty"`
	TargetAccuracy float64         `json:"target_accuracy,omitempty"`
	Recall         float64         `json:"recall"`
	Extra          int             `json:"extra"`
	Extras         float64         `json:"extras"`
	Categories     []CategoryScore `json:"categories"`
	Errors         []EventError    `json:"errors"`

	code3, srcGold, srcOK, tgtGold, tgtOK, recalled int
	cats                                            map[string]*CategoryScore
}

// eventKey says what of an event a corpus compares: its PLOVER category
// or its CAMEO root.
type eventKey func(redline.Event) string

// scoreEvents runs p over every record and scores the events against the
// gold with key; gold is the record's gold key, label its table row.
func scoreEvents(corpus string, recs []EventRecord, p *extract.Pipeline, key eventKey, gold, label func(EventRecord) string) *EventScores {
	sc := &EventScores{Corpus: corpus, cats: map[string]*CategoryScore{}}
	date := redline.Day(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	for _, r := range recs {
		doc := redline.Document{ID: r.ID, Text: r.Text, Published: date}
		evs := p.Run(&doc).Events
		sc.add(r, evs, p, key, gold(r), label(r))
	}
	sc.finish()
	return sc
}

func (sc *EventScores) add(r EventRecord, evs []redline.Event, p *extract.Pipeline, key eventKey, gold, label string) {
	sc.Records++
	sc.Events += len(evs)
	sc.Extra += max(0, len(evs)-goldEvents(r))
	c := sc.cats[label]
	if c == nil {
		c = &CategoryScore{Category: label}
		sc.cats[label] = c
	}
	c.Gold++
	for _, e := range evs {
		if key(e) == gold {
			sc.recalled++
			c.Recalled++
			break
		}
	}
	best, ok := bestEvent(r, evs)
	if !ok {
		sc.Errors = append(sc.Errors, EventError{ID: r.ID, Gold: r.Gold, System: "-", Text: r.Text})
		return
	}
	sc.Coded++
	if key(best) == gold {
		sc.Correct++
		c.Correct++
	} else {
		sc.Errors = append(sc.Errors, EventError{ID: r.ID, Gold: r.Gold, System: describe(best), Text: r.Text})
	}
	if len(best.CAMEO) >= 3 && len(r.Gold) >= 3 && best.CAMEO[:3] == r.Gold[:3] {
		sc.code3++
	}
	sc.scoreActors(r, best, p)
}

// scoreActors counts whether the best event's actor and target belong to
// the gold source and target.
func (sc *EventScores) scoreActors(r EventRecord, best redline.Event, p *extract.Pipeline) {
	if len(r.Source) > 0 {
		sc.srcGold++
		if sameCountry(r.Source, &best.Actor, p) {
			sc.srcOK++
		}
	}
	if len(r.Target) > 0 {
		sc.tgtGold++
		if sameCountry(r.Target, best.Target, p) {
			sc.tgtOK++
		}
	}
}

func (sc *EventScores) finish() {
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	sc.Accuracy = ratio(sc.Correct, sc.Records)
	sc.Code3Accuracy = ratio(sc.code3, sc.Records)
	sc.SourceAccuracy = ratio(sc.srcOK, sc.srcGold)
	sc.TargetAccuracy = ratio(sc.tgtOK, sc.tgtGold)
	sc.Recall = ratio(sc.recalled, sc.Records)
	sc.Extras = ratio(sc.Extra, sc.Events)
	for _, c := range sc.cats {
		sc.Categories = append(sc.Categories, *c)
	}
	sort.Slice(sc.Categories, func(i, j int) bool { return sc.Categories[i].Category < sc.Categories[j].Category })
}

// goldEvents is the number of events a record stands for once compound
// actors are expanded into dyads, as the coder expands them.
func goldEvents(r EventRecord) int {
	return max(1, len(r.Source)) * max(1, len(r.Target))
}

// bestEvent returns the event that codes a gold event word, else the first.
func bestEvent(r EventRecord, evs []redline.Event) (redline.Event, bool) {
	if len(evs) == 0 {
		return redline.Event{}, false
	}
	for _, e := range evs {
		for _, sp := range r.Event {
			if e.Span.Overlaps(sp) {
				return e, true
			}
		}
	}
	return evs[0], true
}

// groupCodes are CAMEO actor codes for non-state actors: any actor that is
// not a state matches them.
var groupCodes = map[string]bool{"IGO": true, "NGO": true, "IMG": true, "ISM": true, "MNC": true, "UIS": true}

// cameoCountries maps the CAMEO country codes that differ from ISO 3166.
var cameoCountries = map[string]string{"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "GER": "DEU"}

// sameCountry reports whether ref's country is one of the gold codes.
func sameCountry(gold []string, ref *redline.ActorRef, p *extract.Pipeline) bool {
	if ref == nil {
		return false
	}
	country := ref.ID
	if p.Actors != nil && ref.ID != "" {
		if c := p.Actors.CountryOf(ref.ID); c != "" {
			country = c
		}
	}
	isState := country != "" && country == ref.ID
	for _, g := range gold {
		if c, ok := cameoCountries[g]; ok {
			g = c
		}
		if g == country || (groupCodes[g] && !isState) {
			return true
		}
	}
	return false
}

func describe(e redline.Event) string {
	tgt := "-"
	if e.Target != nil {
		tgt = refName(*e.Target)
	}
	return fmt.Sprintf("%s %s %s>%s %q", e.CAMEO, e.PLOVER, refName(e.Actor), tgt, e.Text)
}

func refName(r redline.ActorRef) string {
	name := r.ID
	if name == "" {
		name = "«" + r.Name + "»"
	}
	if r.Sector != "" {
		name += "/" + r.Sector
	}
	return name
}

// Fprint writes the scores, then the per-category table.
func (sc *EventScores) Fprint(w io.Writer) error {
	fmt.Fprintf(w, "%s: %d records, %d coded, %d events\n", sc.Corpus, sc.Records, sc.Coded, sc.Events)
	fmt.Fprintf(w, "accuracy %.1f%%", 100*sc.Accuracy)
	if sc.Code3Accuracy > 0 {
		fmt.Fprintf(w, "  3-digit %.1f%%", 100*sc.Code3Accuracy)
	}
	if sc.srcGold > 0 {
		fmt.Fprintf(w, "  source %.1f%%  target %.1f%%", 100*sc.SourceAccuracy, 100*sc.TargetAccuracy)
	}
	fmt.Fprintf(w, "  recall %.1f%%  extras %.1f%%\n", 100*sc.Recall, 100*sc.Extras)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "category\tgold\tcorrect\trecalled\t\n")
	for _, c := range sc.Categories {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t\n", c.Category, c.Gold, c.Correct, c.Recalled)
	}
	return tw.Flush()
}

// FprintErrors writes one line per record whose best event is wrong.
func (sc *EventScores) FprintErrors(w io.Writer) error {
	for _, e := range sc.Errors {
		if _, err := fmt.Fprintf(w, "%s gold %s | sys %s | %s\n", e.ID, e.Gold, e.System, strings.TrimSpace(e.Text)); err != nil {
			return err
		}
	}
	return nil
}
