package main

import (
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"redline/dyad"
	"redline/reciprocity"
)

// dyadJSON is the machine-readable result of "simulate dyad".
type dyadJSON struct {
	Dyad       reciprocity.Dyad   `json:"dyad"`
	Period     reciprocity.Period `json:"period"`
	Record     recordJSON         `json:"record"`
	Rules      [2]ruleJSON        `json:"rules"`
	Projection *dyad.Projection   `json:"projection"`
}

// recordJSON is the record as moves. States[t] is the pair of moves of
// Periods[t], side A's first; Acted[i][t] is false where side i's move
// was read from a quiet period.
type recordJSON struct {
	Coding  dyad.Coding    `json:"coding"`
	Periods []string       `json:"periods"`
	States  []dyad.State   `json:"states"`
	Acted   [2][]bool      `json:"acted"`
	Skipped int            `json:"skipped"`
	Coarse  int            `json:"coarse"`
	Outside int            `json:"outside"`
	Sides   [2]sideSummary `json:"sides"`
	Last    dyad.State     `json:"last"`
	LastRun int            `json:"last_run"`
}

// sideSummary counts one side's moves over the record.
type sideSummary struct {
	Side       string `json:"side"`
	Acts       int    `json:"acts"`
	Cooperated int    `json:"cooperated"`
	Defected   int    `json:"defected"`
	Quiet      int    `json:"quiet"`
}

// ruleJSON is a side's fitted rule and how named rules compare with it.
// Usable is false when the side acted in fewer fitted periods than
// --min-acts asks.
type ruleJSON struct {
	dyad.Rule
	Usable     bool            `json:"usable"`
	Score      *dyad.Likeness  `json:"score,omitempty"`
	Nearest    []string        `json:"nearest"`
	References []dyad.Likeness `json:"references"`
}

func (r *dyadResult) sides() [2]sideSummary {
	var out [2]sideSummary
	mv := r.Moves
	for i := range 2 {
		coop, quiet := mv.Count(i)
		out[i] = sideSummary{Side: mv.Sides[i], Acts: mv.Len() - quiet, Cooperated: coop, Defected: mv.Len() - coop, Quiet: quiet}
	}
	return out
}

func (r *dyadResult) json() dyadJSON {
	mv := r.Moves
	last, run := mv.Run()
	out := dyadJSON{Dyad: r.Series.Dyad, Period: r.Series.Period, Projection: r.Projection,
		Record: recordJSON{Coding: mv.Coding, Periods: mv.Labels, Acted: mv.Acted, Skipped: mv.Skipped,
			Coarse: r.Series.Coarse, Outside: r.Series.Outside, Sides: r.sides(), Last: last, LastRun: run}}
	for t := range mv.Len() {
		out.Record.States = append(out.Record.States, mv.State(t))
	}
	for i, rule := range r.Rules {
		rj := ruleJSON{Rule: rule, Usable: rule.Acts >= r.MinActs, Nearest: []string{}, References: []dyad.Likeness{}}
		self, refs := rule.Compare()
		if refs != nil {
			rj.Score, rj.References = &self, refs
		}
		for _, l := range dyad.Nearest(refs) {
			rj.Nearest = append(rj.Nearest, l.Strategy)
		}
		out.Rules[i] = rj
	}
	return out
}

// printDyad writes the result as text.
func printDyad(w io.Writer, r *dyadResult) error {
	printDyadRecord(w, r)
	printProjection(w, r.Projection, r.Series.Period)
	printStates(w, r.Projection, r.Series.Period)
	if notes := r.notes(); len(notes) > 0 {
		fmt.Fprintln(w, "\nNOTES")
		for _, n := range notes {
			fmt.Fprintf(w, "  %s\n", n)
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}

// notes warns of what weakens the rules and the projection.
func (r *dyadResult) notes() []string {
	var out []string
	mv, p := r.Moves, string(r.Series.Period)
	for i, sd := range r.sides() {
		if mv.Len() == 0 || 2*sd.Quiet <= mv.Len() {
			continue
		}
		how := "carried from its last act"
		if mv.Coding.Quiet == dyad.Cooperate {
			how = "counted as cooperation"
		}
		out = append(out, fmt.Sprintf("%d of %s's %d moves are quiet %ss %s: its rule says more about how the record's quiet is read than about how %s answers %s",
			sd.Quiet, sd.Side, mv.Len(), p, how, sd.Side, mv.Sides[1-i]))
	}
	if pr := r.Projection; pr != nil && pr.Noise > 0 && (pr.Players[0] == "fitted" || pr.Players[1] == "fitted") {
		out = append(out, "a fitted rule already holds whatever misreading the record reflects; --noise adds misperception on top of it")
	}
	return out
}

// printDyadRecord writes the record as moves and the fitted rules.
func printDyadRecord(w io.Writer, r *dyadResult) {
	mv, p := r.Moves, string(r.Series.Period)
	fmt.Fprintf(w, "DYAD %s–%s by %s, %s to %s (%s", mv.Sides[0], mv.Sides[1], p, mv.Labels[0], mv.Labels[mv.Len()-1], plural(mv.Len(), p))
	if mv.Skipped > 0 {
		fmt.Fprintf(w, "; the %s before, when a side had not yet acted, are left out", plural(mv.Skipped, p))
	}
	fmt.Fprintln(w, ")")
	fmt.Fprintf(w, "\nMOVES: %s\n", codingText(mv.Coding, p))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "  side\ttoward\tacts\tcooperated\tdefected\tquiet\t")
	for i, s := range r.sides() {
		fmt.Fprintf(tw, "  %s\t%s\t%d\t%d\t%d\t%d\t\n", oneLine(s.Side, 14), oneLine(mv.Sides[1-i], 14), s.Acts, s.Cooperated, s.Defected, s.Quiet)
	}
	tw.Flush()
	last, run := mv.Run()
	fmt.Fprintf(w, "  the record ends in %s (%s) for the last %s, since %s\n", last, stateWords(last, mv.Sides), plural(run, p), mv.Labels[mv.Len()-run])
	if lo := leftOut(r.Series); lo != "" {
		fmt.Fprintf(w, "  %s\n", strings.Trim(lo, " ()"))
	}
	printRules(w, r)
}

// codingText says how periods became moves.
func codingText(c dyad.Coding, p string) string {
	quiet := "a " + p + " without an act keeps the side's last move (--quiet carry)"
	if c.Quiet == dyad.Cooperate {
		quiet = "a " + p + " without an act counts as cooperation (--quiet cooperate)"
	}
	above, below := "0", "0"
	if c.Threshold > 0 {
		above, below = fmt.Sprintf("+%g", c.Threshold), fmt.Sprintf("-%g", c.Threshold)
	}
	return fmt.Sprintf("a side cooperates in a %s when its net Goldstein weight toward the other is above %s and defects when it is below %s; %s",
		p, above, below, quiet)
}

// stateWords says a state in words: "IRN defected, USA cooperated".
func stateWords(s dyad.State, sides [2]string) string {
	verb := func(c bool) string {
		if c {
			return "cooperated"
		}
		return "defected"
	}
	return fmt.Sprintf("%s %s, %s %s", sides[0], verb(s.A() == 0), sides[1], verb(s.B() == 0))
}

func printRules(w io.Writer, r *dyadResult) {
	p := string(r.Series.Period)
	fmt.Fprintf(w, "\nRESPONSE RULES: each side's probability of cooperating after the pair of moves of the %s before, its own first;\n"+
		"  Beta(1,1) prior; posterior mean and %g%% credible interval\n", p, 100*dyad.Credible)
	for _, rule := range r.Rules {
		note := ""
		if rule.Acts < r.MinActs {
			note = fmt.Sprintf("; fewer than the %d acts --min-acts asks for a fitted rule", r.MinActs)
		}
		fmt.Fprintf(w, "  %s toward %s: %s fitted, %d with an act%s\n", oneLine(rule.Side, 30), oneLine(rule.Other, 30), plural(rule.Transitions(), p), rule.Acts, note)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "    after\t%ss\tcooperated\tP(C)\tinterval\t\n", p)
		for _, s := range dyad.States {
			prior := ""
			if rule.Count[s] == 0 {
				prior = "prior only"
			}
			fmt.Fprintf(tw, "    %s\t%6d\t%10d\t%.3f\t%.3f-%.3f\t%s\n", s, rule.Count[s], rule.Coop[s], rule.Mean[s], rule.Low[s], rule.High[s], prior)
		}
		tw.Flush()
	}
	printNamed(w, r)
}

// printNamed compares the rules with named memory-one rules.
func printNamed(w io.Writer, r *dyadResult) {
	var scores [2][]dyad.Likeness
	var selves [2]dyad.Likeness
	for i := range r.Rules {
		selves[i], scores[i] = r.Rules[i].Compare()
	}
	if scores[0] == nil {
		return
	}
	fmt.Fprintln(w, "\nNAMED RULES against the record: Brier score (0 is perfect, lower is nearer) and share of the side's moves each agrees with")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  rule\tP(C) after CC CD DC DD\t%s\t\t%s\t\n", oneLine(r.Moves.Sides[0], 14), oneLine(r.Moves.Sides[1], 14))
	row := func(name string, p string, a, b dyad.Likeness) {
		fmt.Fprintf(tw, "  %s\t%s\t%.4f\t%5.1f%%\t%.4f\t%5.1f%%\n", name, p, a.Brier, 100*a.Agreement, b.Brier, 100*b.Agreement)
	}
	row("fitted (each side's own)", "", selves[0], selves[1])
	for k, l := range scores[0] {
		row(l.Strategy, vector(l.P), l, scores[1][k])
	}
	tw.Flush()
	var parts []string
	for i, sc := range scores {
		var names []string
		for _, l := range dyad.Nearest(sc) {
			names = append(names, l.Strategy)
		}
		tied := ""
		if len(names) > 1 {
			tied = " (tied: the record cannot tell them apart)"
		}
		parts = append(parts, fmt.Sprintf("%s %s%s", oneLine(r.Moves.Sides[i], 30), strings.Join(names, ", "), tied))
	}
	fmt.Fprintf(w, "  nearest: %s\n", strings.Join(parts, "; "))
}

func vector(p [4]float64) string {
	var s []string
	for _, x := range p {
		s = append(s, fmt.Sprintf("%.2f", x))
	}
	return strings.Join(s, " ")
}

// printProjection writes the headline figures, exact beside simulated.
func printProjection(w io.Writer, pr *dyad.Projection, period reciprocity.Period) {
	p := string(period)
	fmt.Fprintf(w, "\nPROJECTION: %s after %s, from %s; %s plays %s, %s plays %s; misperception %g; %d futures, seed %d\n",
		plural(pr.Periods, p), pr.From, pr.Start, oneLine(pr.Sides[0], 30), pr.Players[0], oneLine(pr.Sides[1], 30), pr.Players[1], pr.Noise, pr.Runs, pr.Seed)
	if pr.Exact == nil {
		fmt.Fprintln(w, "  (no exact values: a strategy that is not memory-one is played)")
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "  \texact\tsimulated\ts.e.\t")
	for _, h := range []struct {
		name    string
		ex, sim *dyad.Hitting
	}{
		{"spiral", exactOf(pr.Exact, true), &pr.Simulated.Spiral},
		{"mutual cooperation", exactOf(pr.Exact, false), &pr.Simulated.Calm},
	} {
		fmt.Fprintf(tw, "  %s (%s of %s in a row) by %s %d\t%s\t%s\t%s\t\n", h.name, plural(h.sim.Run, p), h.sim.State, p, pr.Periods,
			num(within(h.ex)), num(&h.sim.Within), num(h.sim.SE))
		fmt.Fprintf(tw, "    mean %s it comes, in the futures where it does\t%s\t%s\t%s\t\n", p, num(mean(h.ex)), num(h.sim.Mean), num(h.sim.MeanSE))
		fmt.Fprintf(tw, "    not come by %s %d (censored)\t%s\t%s\t\t\n", p, pr.Periods, num(never(h.ex)), num(&h.sim.Never))
	}
	tw.Flush()
	if ex := pr.Exact; ex != nil {
		fmt.Fprintf(w, "  without a horizon (exact): spiral %s; mutual cooperation %s\n", ever(&ex.Spiral, p), ever(&ex.Calm, p))
		if ex.LongRun != nil {
			lr := ex.LongRun
			fmt.Fprintf(w, "  long run (exact): CC %.3f, CD %.3f, DC %.3f, DD %.3f of %ss\n", lr[0], lr[1], lr[2], lr[3], p)
		}
	}
}

func exactOf(o *dyad.Outcome, spiral bool) *dyad.Hitting {
	switch {
	case o == nil:
		return nil
	case spiral:
		return &o.Spiral
	}
	return &o.Calm
}

func within(h *dyad.Hitting) *float64 {
	if h == nil {
		return nil
	}
	return &h.Within
}

func never(h *dyad.Hitting) *float64 {
	if h == nil {
		return nil
	}
	return &h.Never
}

func mean(h *dyad.Hitting) *float64 {
	if h == nil {
		return nil
	}
	return h.Mean
}

// ever says whether and when a run comes without a horizon.
func ever(h *dyad.Hitting, p string) string {
	if h.Ever == nil {
		return "-"
	}
	s := fmt.Sprintf("comes with probability %.4f", *h.Ever)
	if h.EverMean != nil && *h.Ever > 0 {
		s += fmt.Sprintf(", at %s %.1f on average when it does", p, *h.EverMean)
	}
	return s
}

// num writes a figure to four decimals, or "-" for none.
func num(x *float64) string {
	if x == nil || math.IsNaN(*x) {
		return "-"
	}
	return fmt.Sprintf("%.4f", *x)
}

// printStates writes the share of futures in each state at a few periods.
func printStates(w io.Writer, pr *dyad.Projection, period reciprocity.Period) {
	o, kind := pr.Exact, "exact"
	if o == nil {
		o, kind = pr.Simulated, "simulated"
	}
	p := string(period)
	fmt.Fprintf(w, "\nSTATES (%s): share of futures in each state in %s t, and share that have spiralled or reached mutual cooperation by then; --json gives every %s\n", kind, p, p)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "  %s\tCC\tCD\tDC\tDD\tspiral\tmutual cooperation\t\n", p)
	for _, t := range shownPeriods(pr.Periods) {
		d := o.States[t-1]
		fmt.Fprintf(tw, "  %d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", t, d[0], d[1], d[2], d[3], o.Spiral.ByPeriod[t-1], o.Calm.ByPeriod[t-1])
	}
	tw.Flush()
}

// shownPeriods returns 1, 2, 3, 4, 6, 8, 12, 16, 24, ... up to h, and h.
func shownPeriods(h int) []int {
	var out []int
	for t := 1; t < h; {
		out = append(out, t)
		switch {
		case t < 4:
			t++
		case t&(t-1) == 0: // a power of two
			t += t / 2
		default:
			t = t / 3 * 4
		}
	}
	return append(out, h)
}
