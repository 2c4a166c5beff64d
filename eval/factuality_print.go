package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// Fprint writes the scores of redline and of the baseline as a table,
// then the certainty confusion of redline.
func (sc *FactualityScores) Fprint(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s factuality (%d events)\tTP\tFP\tFN\tP\tR\tF1\t\n", sc.Corpus, sc.Events)
	for _, run := range []*FactualityRun{&sc.System, &sc.Baseline} {
		row := func(name string, b Binary) {
			fmt.Fprintf(tw, "%s: %s\t%d\t%d\t%d\t%.2f\t%.2f\t%.2f\t\n", run.Name, name, b.TP, b.FP, b.FN,
				100*b.PRF.P, 100*b.PRF.R, 100*b.PRF.F1)
		}
		row("non-certain", run.NonCertain)
		row("negated", run.Negated)
		row("future", run.Future)
		fmt.Fprintf(tw, "%s: macro (non-certain, negated)\t\t\t\t\t\t%.2f\t\n", run.Name, 100*run.Macro)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if err := sc.System.fprintConfusion(w); err != nil {
		return err
	}
	return fprintSkipped(w, sc.Skipped)
}

// fprintConfusion writes the certainty confusion: gold rows, system
// columns.
func (fr *FactualityRun) fprintConfusion(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	cols := []string{"certain", "probable", "possible"}
	fmt.Fprintf(tw, "gold \\ %s\t%s\t\n", fr.Name, strings.Join(cols, "\t"))
	for _, g := range []string{"CERTAIN", "PROBABLE", "POSSIBLE"} {
		fmt.Fprintf(tw, "%s", g)
		for _, c := range cols {
			fmt.Fprintf(tw, "\t%d", fr.Certainty[g+"→"+c])
		}
		fmt.Fprintf(tw, "\t\n")
	}
	return tw.Flush()
}

// FprintErrors writes, per attribute, how often each cue was right and
// wrong, then one line per error.
func (sc *FactualityScores) FprintErrors(w io.Writer) error {
	type tally struct{ fp, fn int }
	cues := map[string]*tally{}
	for _, e := range sc.Errors {
		key := e.Attr + " " + e.Kind + " " + e.Cue
		if cues[key] == nil {
			cues[key] = &tally{}
		}
		if e.Kind == "fp" {
			cues[key].fp++
		} else {
			cues[key].fn++
		}
	}
	keys := make([]string, 0, len(cues))
	for k := range cues {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if _, err := fmt.Fprintf(w, "%4d %s\n", cues[k].fp+cues[k].fn, k); err != nil {
			return err
		}
	}
	for _, e := range sc.Errors {
		if _, err := fmt.Fprintf(w, "%-9s %s %s: %q gold %s sys %s cue %q | %s\n", e.Attr, e.Kind, e.Doc, e.Event,
			e.Gold, e.System, e.Cue, e.Context); err != nil {
			return err
		}
	}
	return nil
}

// String returns the table that Fprint writes.
func (sc *FactualityScores) String() string {
	var b strings.Builder
	sc.Fprint(&b)
	return b.String()
}
