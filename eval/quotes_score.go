package eval

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"redline"
)

// QuoteCounts are the raw counts of a quote evaluation.
type QuoteCounts struct {
	Gold       int `json:"gold"`         // gold reporting cues with an Arg0 speaker
	Found      int `json:"found"`        // gold cues a statement matched
	ByContent  int `json:"by_content"`   // of Found, matched through the content (no cue span)
	Speaker    int `json:"speaker"`      // found quotes with the right speaker
	Statements int `json:"statements"`   // system statements
	WithCue    int `json:"with_cue"`     // system statements with a cue span
	Cues       int `json:"cues"`         // system cue spans in the fully annotated part
	CuesOnGold int `json:"cues_on_gold"` // of Cues, those on a gold speech event of any kind
}

func (c *QuoteCounts) addCounts(o QuoteCounts) {
	c.Gold += o.Gold
	c.Found += o.Found
	c.ByContent += o.ByContent
	c.Speaker += o.Speaker
	c.Statements += o.Statements
	c.WithCue += o.WithCue
	c.Cues += o.Cues
	c.CuesOnGold += o.CuesOnGold
}

// QuoteDocScore is the quote score of one document.
type QuoteDocScore struct {
	Name string `json:"name"`
	QuoteCounts
}

// QuoteError is one disagreement: a gold quote no statement matched (Kind
// "missed"), a matched quote with the wrong speaker ("speaker"), or a
// system cue on no gold speech event ("extra"; MEANTIME leaves some speech
// events without an Arg0, so these are not all wrong).
type QuoteError struct {
	Doc           string     `json:"doc"`
	Kind          string     `json:"kind"`
	Gold          *GoldQuote `json:"gold,omitempty"`
	SystemCue     string     `json:"system_cue,omitempty"`
	SystemSpeaker string     `json:"system_speaker,omitempty"`
	SpeakerText   string     `json:"speaker_text,omitempty"` // the text under the system's speaker span
	Context       string     `json:"context"`
}

// QuoteScores are the scores of the quote stage on MEANTIME's speech
// events. A gold quote is a SPEECH_COGNITIVE event mention whose word is a
// reporting cue (see reportingForms) with an Arg0 participant. It is found
// when a statement's CueSpan overlaps it or, for a statement with no cue
// span, when the statement's span overlaps an event the gold cue
// subordinates (an SLINK target: what was said). Each statement matches at
// most one gold quote. The speaker rule is speakerRight's.
//
// Recall is Found/Gold; SpeakerAccuracy is Speaker/Found; EndToEnd is
// Speaker/Gold. CuePrecision is the share of system cue spans in the fully
// annotated part of each document (EventDoc.Full) that lie on a gold
// speech event (with or without an Arg0), and CueF1 combines it with
// Recall. Gold quotes come from the whole document: past the fully
// annotated part MEANTIME still marks the speech events it links across
// documents, with their sayers.
type QuoteScores struct {
	Corpus string `json:"corpus"`
	QuoteCounts
	Recall          float64         `json:"recall"`
	SpeakerAccuracy float64         `json:"speaker_accuracy"`
	EndToEnd        float64         `json:"end_to_end"`
	CuePrecision    float64         `json:"cue_precision"`
	CueF1           float64         `json:"cue_f1"`
	Docs            []QuoteDocScore `json:"docs"`
	Errors          []QuoteError    `json:"errors"`
	Skipped         []string        `json:"skipped,omitempty"`
}

func (sc *QuoteScores) add(d QuoteDocScore) { sc.QuoteCounts.addCounts(d.QuoteCounts) }

func (sc *QuoteScores) finish() {
	c := sc.QuoteCounts
	sc.Recall = ratio(c.Found, c.Gold)
	sc.SpeakerAccuracy = ratio(c.Speaker, c.Found)
	sc.EndToEnd = ratio(c.Speaker, c.Gold)
	sc.CuePrecision = ratio(c.CuesOnGold, c.Cues)
	if p, r := sc.CuePrecision, sc.Recall; p+r > 0 {
		sc.CueF1 = 2 * p * r / (p + r)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// scoreQuoteDoc matches one document's statements to its gold quotes.
func scoreQuoteDoc(ed *EventDoc, sts []redline.Statement) (QuoteDocScore, []QuoteError) {
	gold := goldQuotes(ed)
	ds := QuoteDocScore{Name: ed.Name, QuoteCounts: QuoteCounts{Gold: len(gold), Statements: len(sts)}}
	pair, used := pairQuotes(gold, sts)
	var errs []QuoteError
	for i := range gold {
		g := &gold[i]
		k := pair[i]
		if k < 0 {
			errs = append(errs, QuoteError{Doc: ed.Name, Kind: "missed", Gold: g, Context: context(ed.Text, g.Cue)})
			continue
		}
		ds.Found++
		if sts[k].CueSpan == nil {
			ds.ByContent++
		}
		if speakerRight(ed, g, &sts[k]) {
			ds.Speaker++
			continue
		}
		errs = append(errs, sysQuoteError(ed, "speaker", g, &sts[k]))
	}
	for k := range sts {
		st := &sts[k]
		if st.CueSpan != nil {
			ds.WithCue++
		}
		if st.CueSpan == nil || !ed.Full.Contains(*st.CueSpan) {
			continue
		}
		ds.Cues++
		if onSpeech(ed, *st.CueSpan) {
			ds.CuesOnGold++
		} else if !used[k] {
			errs = append(errs, sysQuoteError(ed, "extra", nil, st))
		}
	}
	return ds, errs
}

func sysQuoteError(ed *EventDoc, kind string, g *GoldQuote, st *redline.Statement) QuoteError {
	e := QuoteError{Doc: ed.Name, Kind: kind, Gold: g, SystemCue: st.Cue, SystemSpeaker: st.Speaker.Name}
	if st.SpeakerSpan != nil {
		e.SpeakerText = st.SpeakerSpan.In(ed.Text)
	}
	switch {
	case g != nil:
		e.Context = context(ed.Text, g.Cue)
	case st.CueSpan != nil:
		e.Context = context(ed.Text, *st.CueSpan)
	default:
		e.Context = context(ed.Text, st.Span)
	}
	return e
}

// onSpeech reports whether sp overlaps a gold speech event mention.
func onSpeech(ed *EventDoc, sp redline.Span) bool {
	for _, e := range ed.Events {
		if e.Class == "SPEECH_COGNITIVE" && e.Span.Overlaps(sp) {
			return true
		}
	}
	return false
}

// pairQuotes matches each gold quote to at most one statement: first by
// cue span, then, among statements without a cue span, by content.
func pairQuotes(gold []GoldQuote, sts []redline.Statement) (pair []int, used []bool) {
	pair = make([]int, len(gold))
	used = make([]bool, len(sts))
	for i := range gold {
		pair[i] = -1
		for k := range sts {
			if !used[k] && sts[k].CueSpan != nil && sts[k].CueSpan.Overlaps(gold[i].Cue) {
				pair[i], used[k] = k, true
				break
			}
		}
	}
	for i := range gold {
		for k := range sts {
			if pair[i] >= 0 {
				break
			}
			if used[k] || sts[k].CueSpan != nil {
				continue
			}
			for _, c := range gold[i].Complements {
				if sts[k].Span.Overlaps(c) {
					pair[i], used[k] = k, true
					break
				}
			}
		}
	}
	return pair, used
}

// Fprint writes the scores as a table.
func (sc *QuoteScores) Fprint(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	c := sc.QuoteCounts
	fmt.Fprintf(tw, "%s quotes\tcount\tof\t%%\t\n", sc.Corpus)
	fmt.Fprintf(tw, "gold cues with a speaker\t%d\t\t\t\n", c.Gold)
	fmt.Fprintf(tw, "found (recall)\t%d\t%d\t%.2f\t\n", c.Found, c.Gold, 100*sc.Recall)
	fmt.Fprintf(tw, "  through content, no cue span\t%d\t%d\t\t\n", c.ByContent, c.Found)
	fmt.Fprintf(tw, "speaker right (of found)\t%d\t%d\t%.2f\t\n", c.Speaker, c.Found, 100*sc.SpeakerAccuracy)
	fmt.Fprintf(tw, "speaker right (of gold)\t%d\t%d\t%.2f\t\n", c.Speaker, c.Gold, 100*sc.EndToEnd)
	fmt.Fprintf(tw, "system statements\t%d\t\t\t\n", c.Statements)
	fmt.Fprintf(tw, "  with a cue span\t%d\t%d\t\t\n", c.WithCue, c.Statements)
	fmt.Fprintf(tw, "cue spans in the fully annotated part\t%d\t\t\t\n", c.Cues)
	fmt.Fprintf(tw, "  on a gold speech event (precision)\t%d\t%d\t%.2f\t\n", c.CuesOnGold, c.Cues, 100*sc.CuePrecision)
	fmt.Fprintf(tw, "cue F1\t\t\t%.2f\t\n", 100*sc.CueF1)
	if err := tw.Flush(); err != nil {
		return err
	}
	return fprintSkipped(w, sc.Skipped)
}

// FprintDocs writes one line per document.
func (sc *QuoteScores) FprintDocs(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "document\tgold\tfound\tspeaker\tstatements\tcues\t\n")
	for _, d := range sc.Docs {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t\n", d.Name, d.Gold, d.Found, d.Speaker, d.Statements, d.Cues)
	}
	return tw.Flush()
}

// FprintErrors writes one line per error: kind, document, the gold cue
// and speaker (with the entity's names), the system's cue and speaker,
// and the context.
func (sc *QuoteScores) FprintErrors(w io.Writer) error {
	for _, e := range sc.Errors {
		gold := "-"
		if g := e.Gold; g != nil {
			gold = fmt.Sprintf("%q by %q", g.CueText, g.SpeakerText)
			if len(g.Names) > 0 {
				gold += " (" + strings.Join(uniq(g.Names), "; ") + ")"
			}
		}
		sys := "-"
		if e.Kind != "missed" {
			sys = fmt.Sprintf("%q by %q", e.SystemCue, e.SystemSpeaker)
			if e.SpeakerText != "" && e.SpeakerText != e.SystemSpeaker {
				sys += fmt.Sprintf(" [%s]", e.SpeakerText)
			}
		}
		if _, err := fmt.Fprintf(w, "%-8s %s: gold %s | sys %s | %s\n", e.Kind, e.Doc, gold, sys, e.Context); err != nil {
			return err
		}
	}
	return nil
}

// String returns the table that Fprint writes.
func (sc *QuoteScores) String() string {
	var b strings.Builder
	sc.Fprint(&b)
	return b.String()
}

// uniq returns ss without repeats, in first-seen order.
func uniq(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
