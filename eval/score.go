package eval

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"redline"
	"redline/segment"
	"redline/timex"
)

// PRF is a precision, recall and F1 triple, each in [0, 1].
type PRF struct {
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`
}

func prf(correct, system, gold int) PRF {
	var p PRF
	if system > 0 {
		p.P = float64(correct) / float64(system)
	}
	if gold > 0 {
		p.R = float64(correct) / float64(gold)
	}
	if p.P+p.R > 0 {
		p.F1 = 2 * p.P * p.R / (p.P + p.R)
	}
	return p
}

// Counts are the raw counts behind the scores.
type Counts struct {
	Gold    int `json:"gold"`
	System  int `json:"system"`
	Strict  int `json:"strict"`  // exact span matches
	Relaxed int `json:"relaxed"` // overlapping matches
	Value   int `json:"value"`   // relaxed matches with the right value
	Type    int `json:"type"`    // relaxed matches with the right type
}

func (c *Counts) add(o Counts) {
	c.Gold += o.Gold
	c.System += o.System
	c.Strict += o.Strict
	c.Relaxed += o.Relaxed
	c.Value += o.Value
	c.Type += o.Type
}

// DocScore is the score of one document.
type DocScore struct {
	Name string `json:"name"`
	Counts
	Relaxed PRF `json:"relaxed_f"`
	Value   PRF `json:"value_f"`
}

// TimexError is one disagreement: a gold expression the system missed
// (Kind "missed"), a system expression with no gold (Kind "spurious"), or a
// relaxed match with a wrong value or type (Kind "value", "type") or
// inexact span (Kind "span").
type TimexError struct {
	Doc     string `json:"doc"`
	Kind    string `json:"kind"`
	Gold    *Timex `json:"gold,omitempty"`
	System  *Timex `json:"system,omitempty"`
	Context string `json:"context"`
}

// TimexScores are the scores of a tagger on a corpus.
type TimexScores struct {
	Corpus string `json:"corpus"`
	Counts
	Strict        PRF          `json:"strict"`
	RelaxedF      PRF          `json:"relaxed"`
	ValueF        PRF          `json:"value"`
	TypeF         PRF          `json:"type"`
	ValueAccuracy float64      `json:"value_accuracy"`
	TypeAccuracy  float64      `json:"type_accuracy"`
	Docs          []DocScore   `json:"docs"`
	Errors        []TimexError `json:"errors"`
	// Skipped lists the files that could not be read, each as "file:line:
	// message".
	Skipped []string `json:"skipped,omitempty"`
}

// TE3 scores t on the TempEval-3 .tml files of dir.
func TE3(dir string, t *timex.Tagger) (*TimexScores, error) {
	docs, skipped, err := LoadTE3(dir)
	if err != nil {
		return nil, err
	}
	sc := Score("TempEval-3", docs, t)
	for _, e := range skipped {
		sc.Skipped = append(sc.Skipped, e.Error())
	}
	return sc, nil
}

// MEANTIME scores t on the MEANTIME .xml files under dir.
func MEANTIME(dir string, t *timex.Tagger) (*TimexScores, error) {
	docs, skipped, err := LoadMEANTIME(dir)
	if err != nil {
		return nil, err
	}
	sc := Score("MEANTIME", docs, t)
	for _, e := range skipped {
		sc.Skipped = append(sc.Skipped, e.Error())
	}
	return sc, nil
}

// Score tags every document with t and scores the result.
func Score(corpus string, docs []*Doc, t *timex.Tagger) *TimexScores {
	sc := &TimexScores{Corpus: corpus}
	for _, d := range docs {
		res := t.Tag(d.Text, segment.Split(d.Text), d.DCT)
		c, errs := scoreDoc(d, res.Times)
		sc.Counts.add(c)
		sc.Docs = append(sc.Docs, DocScore{Name: d.Name, Counts: c, Relaxed: prf(c.Relaxed, c.System, c.Gold),
			Value: prf(c.Value, c.System, c.Gold)})
		sc.Errors = append(sc.Errors, errs...)
	}
	c := sc.Counts
	sc.Strict = prf(c.Strict, c.System, c.Gold)
	sc.RelaxedF = prf(c.Relaxed, c.System, c.Gold)
	sc.ValueF = prf(c.Value, c.System, c.Gold)
	sc.TypeF = prf(c.Type, c.System, c.Gold)
	if c.Relaxed > 0 {
		sc.ValueAccuracy = float64(c.Value) / float64(c.Relaxed)
		sc.TypeAccuracy = float64(c.Type) / float64(c.Relaxed)
	}
	return sc
}

// scoreDoc matches system expressions to gold ones (exact spans first,
// then the largest overlap) and counts agreements.
func scoreDoc(d *Doc, sys []redline.TimeExpr) (Counts, []TimexError) {
	c := Counts{Gold: len(d.Timexes), System: len(sys)}
	pair, used := pairUp(d.Timexes, sys)
	var errs []TimexError
	for i := range d.Timexes {
		g := &d.Timexes[i]
		k := pair[i]
		if k < 0 {
			errs = append(errs, TimexError{Doc: d.Name, Kind: "missed", Gold: g, Context: context(d.Text, g.Span)})
			continue
		}
		s := sysTimex(sys[k])
		c.Relaxed++
		kind := ""
		if g.Span == s.Span {
			c.Strict++
		} else {
			kind = "span"
		}
		if sameValue(g.Value, s.Value) {
			c.Value++
		} else {
			kind = "value"
		}
		if strings.EqualFold(g.Type, s.Type) {
			c.Type++
		} else if kind == "" || kind == "span" {
			kind = "type"
		}
		if kind != "" {
			errs = append(errs, TimexError{Doc: d.Name, Kind: kind, Gold: g, System: s, Context: context(d.Text, g.Span)})
		}
	}
	for k := range sys {
		if !used[k] {
			s := sysTimex(sys[k])
			errs = append(errs, TimexError{Doc: d.Name, Kind: "spurious", System: s, Context: context(d.Text, s.Span)})
		}
	}
	return c, errs
}

// pairUp matches each gold expression to at most one system expression:
// exact spans first, then the largest overlap. pair[i] is the system
// expression of gold i or -1; used[k] says whether system k was taken.
func pairUp(gold []Timex, sys []redline.TimeExpr) (pair []int, used []bool) {
	pair = make([]int, len(gold))
	used = make([]bool, len(sys))
	for i := range pair {
		pair[i] = -1
	}
	for pass := 0; pass < 2; pass++ {
		for i, g := range gold {
			if pair[i] >= 0 {
				continue
			}
			if k := bestMatch(g.Span, sys, used, pass == 0); k >= 0 {
				pair[i], used[k] = k, true
			}
		}
	}
	return pair, used
}

// bestMatch returns the unused system expression that matches span exactly
// (exact) or overlaps it most (not exact), or -1.
func bestMatch(span redline.Span, sys []redline.TimeExpr, used []bool, exact bool) int {
	best, most := -1, 0
	for k, x := range sys {
		if used[k] {
			continue
		}
		if exact {
			if x.Span == span {
				return k
			}
			continue
		}
		if o := min(span.End, x.Span.End) - max(span.Start, x.Span.Start); o > most {
			best, most = k, o
		}
	}
	return best
}

func sysTimex(x redline.TimeExpr) *Timex {
	return &Timex{Span: x.Span, Text: x.Text, Type: strings.ToUpper(string(x.Type)), Value: x.Value, Mod: x.Mod}
}

// sameValue compares values, reading redline's "199X" and "19XX" as
// TimeML's "199" and "19".
func sameValue(gold, sys string) bool {
	return shortDecade(gold) == shortDecade(sys)
}

func shortDecade(v string) string {
	if len(v) == 4 && (strings.HasSuffix(v, "XX") && v[0] != 'X' || v[3] == 'X' && v[2] != 'X') {
		return strings.TrimRight(v, "X")
	}
	return v
}

// context returns the text around span with the span in brackets.
func context(text string, sp redline.Span) string {
	a, b := max(0, sp.Start-50), min(len(text), sp.End+30)
	if sp.Start < a || sp.End > b || sp.Start > sp.End {
		return ""
	}
	s := text[a:sp.Start] + "[" + text[sp.Start:sp.End] + "]" + text[sp.End:b]
	return strings.ReplaceAll(s, "\n", " ")
}

// Fprint writes the scores as a table, then one line per document.
func (sc *TimexScores) Fprint(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\tgold\tsystem\tP\tR\tF1\t\n", sc.Corpus)
	row := func(name string, p PRF) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f\t%.2f\t%.2f\t\n", name, sc.Gold, sc.System, 100*p.P, 100*p.R, 100*p.F1)
	}
	row("strict span", sc.Strict)
	row("relaxed span", sc.RelaxedF)
	row("value", sc.ValueF)
	row("type", sc.TypeF)
	fmt.Fprintf(tw, "value accuracy\t\t\t\t\t%.2f\t\n", 100*sc.ValueAccuracy)
	fmt.Fprintf(tw, "type accuracy\t\t\t\t\t%.2f\t\n", 100*sc.TypeAccuracy)
	if err := tw.Flush(); err != nil {
		return err
	}
	return fprintSkipped(w, sc.Skipped)
}

// fprintSkipped lists the files an evaluation could not read, one a line.
func fprintSkipped(w io.Writer, skipped []string) error {
	for _, s := range skipped {
		if _, err := fmt.Fprintf(w, "skipped %s\n", s); err != nil {
			return err
		}
	}
	return nil
}

// FprintDocs writes one line per document.
func (sc *TimexScores) FprintDocs(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "document\tgold\tsystem\trelaxed F1\tvalue F1\t\n")
	for _, d := range sc.Docs {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.1f\t%.1f\t\n", d.Name, d.Gold, d.System, 100*d.Relaxed.F1, 100*d.Value.F1)
	}
	return tw.Flush()
}

// FprintErrors writes one line per error: kind, document, gold and system
// text and values, and the context.
func (sc *TimexScores) FprintErrors(w io.Writer) error {
	show := func(x *Timex) string {
		if x == nil {
			return "-"
		}
		s := fmt.Sprintf("%q %s %s", x.Text, x.Type, x.Value)
		if x.Mod != "" {
			s += " " + x.Mod
		}
		return s
	}
	for _, e := range sc.Errors {
		if _, err := fmt.Fprintf(w, "%-8s %s: gold %s | sys %s | %s\n", e.Kind, e.Doc, show(e.Gold), show(e.System),
			e.Context); err != nil {
			return err
		}
	}
	return nil
}

// String returns the table that Fprint writes.
func (sc *TimexScores) String() string {
	var b strings.Builder
	sc.Fprint(&b)
	return b.String()
}
