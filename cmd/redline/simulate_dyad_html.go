package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"redline/dyad"
	"redline/render"
)

// Colours of the four states and of the two runs in the charts.
var stateColors = [4]string{"#2e7d32", "#f9a825", "#6a1b9a", "#c62828"}

// renderDyadHTML writes the result as a self-contained page. Every name
// in it (sides, periods) goes through render's escaping.
func renderDyadHTML(w io.Writer, r *dyadResult, db string) error {
	mv, pr, p := r.Moves, r.Projection, string(r.Series.Period)
	a, b := mv.Sides[0], mv.Sides[1]
	page := &render.Page{
		Title: fmt.Sprintf("Dyad projection: %s and %s", a, b),
		Meta: []string{
			fmt.Sprintf("Record by %s, %s to %s (%s). Database %s.", p, mv.Labels[0], mv.Labels[mv.Len()-1], plural(mv.Len(), p), db),
			fmt.Sprintf("%s plays %s, %s plays %s; misperception %g; %s projected from %s; %d futures, seed %d.",
				a, pr.Players[0], b, pr.Players[1], pr.Noise, plural(pr.Periods, p), pr.From, pr.Runs, pr.Seed),
		},
		Footer: "Made by redline simulate dyad. The fitted rules and the projection rest on the events stored; see the record section for how sparse it is.",
	}
	page.Sections = append(page.Sections, summarySection(r), chartsSection(r), recordSection(r), rulesSection(r), modelSection(r))
	return render.PageHTML(w, page)
}

func summarySection(r *dyadResult) render.Section {
	pr, p := r.Projection, string(r.Series.Period)
	s := render.Section{ID: "summary", Heading: "Summary"}
	for _, h := range []struct {
		name    string
		ex, sim *dyad.Hitting
	}{
		{"A spiral", exactOf(pr.Exact, true), &pr.Simulated.Spiral},
		{"Mutual cooperation", exactOf(pr.Exact, false), &pr.Simulated.Calm},
	} {
		best := h.sim
		kind := fmt.Sprintf("simulated, s.e. %s", num(h.sim.SE))
		if h.ex != nil {
			best, kind = h.ex, fmt.Sprintf("exact; simulated %s", num(&h.sim.Within))
		}
		text := fmt.Sprintf("%s (%s of %s in a row) comes within %s with probability %.3f (%s).",
			h.name, plural(h.sim.Run, p), h.sim.State, plural(pr.Periods, p), best.Within, kind)
		if best.Mean != nil {
			text += fmt.Sprintf(" Where it comes, it comes at %s %.1f on average; in %.1f%% of futures it has not come by %s %d.",
				p, *best.Mean, 100*best.Never, p, pr.Periods)
		}
		s.Paragraphs = append(s.Paragraphs, text)
	}
	t := render.Table{Header: []string{"", "exact", "simulated", "s.e."}, Numeric: []bool{false, true, true, true}}
	for _, h := range []struct {
		name    string
		ex, sim *dyad.Hitting
	}{
		{"spiral", exactOf(pr.Exact, true), &pr.Simulated.Spiral},
		{"mutual cooperation", exactOf(pr.Exact, false), &pr.Simulated.Calm},
	} {
		t.Rows = append(t.Rows,
			[]string{fmt.Sprintf("%s by %s %d", h.name, p, pr.Periods), num(within(h.ex)), num(&h.sim.Within), num(h.sim.SE)},
			[]string{fmt.Sprintf("%s: mean %s of coming, where it comes", h.name, p), num(mean(h.ex)), num(h.sim.Mean), num(h.sim.MeanSE)},
			[]string{fmt.Sprintf("%s: not come by %s %d (censored)", h.name, p, pr.Periods), num(never(h.ex)), num(&h.sim.Never), ""})
	}
	s.Tables = append(s.Tables, t)
	if ex := pr.Exact; ex != nil {
		s.Notes = append(s.Notes, "Without a horizon (exact): spiral "+ever(&ex.Spiral, p)+"; mutual cooperation "+ever(&ex.Calm, p)+".")
		if lr := ex.LongRun; lr != nil {
			s.Notes = append(s.Notes, fmt.Sprintf("In the long run (exact), the share of %ss in each state: CC %.3f, CD %.3f, DC %.3f, DD %.3f.", p, lr[0], lr[1], lr[2], lr[3]))
		}
	} else {
		s.Notes = append(s.Notes, "No exact values: a strategy that is not memory-one is played.")
	}
	for _, n := range r.notes() {
		s.Notes = append(s.Notes, upperFirst(n)+".")
	}
	return s
}

func chartsSection(r *dyadResult) render.Section {
	pr, p := r.Projection, string(r.Series.Period)
	a, b := r.Moves.Sides[0], r.Moves.Sides[1]
	states := render.LineChart{
		ID: "states", Title: "Share of futures in each state, " + p + " by " + p,
		XLabel: p + " after " + pr.From, YLabel: "share of futures",
		Description: fmt.Sprintf("The share of the simulated futures in which, in each %s, both sides cooperated (CC), only %s cooperated (CD), only %s cooperated (DC) or both defected (DD); %s",
			p, a, b, solidDashed(pr.Exact != nil)),
	}
	runs := render.LineChart{
		ID: "runs", Title: "Share of futures that have spiralled, or reached mutual cooperation, by each " + p,
		XLabel: p + " after " + pr.From, YLabel: "share of futures",
		Description: fmt.Sprintf("The share of futures in which %s of mutual defection in a row (a spiral), or %s of mutual cooperation in a row, has come by each %s; %s",
			plural(pr.Spiral, p), plural(pr.Calm, p), p, solidDashed(pr.Exact != nil)),
	}
	for _, o := range []struct {
		out    *dyad.Outcome
		kind   string
		dashed bool
	}{{pr.Exact, "exact", false}, {pr.Simulated, "simulated", pr.Exact != nil}} {
		if o.out == nil {
			continue
		}
		for _, s := range dyad.States {
			v := make([]float64, len(o.out.States))
			for t, d := range o.out.States {
				v[t] = d[s]
			}
			states.Lines = append(states.Lines, render.Line{Name: fmt.Sprintf("%s (%s)", s, o.kind), Color: stateColors[s], Dashed: o.dashed, Values: v})
		}
		runs.Lines = append(runs.Lines,
			render.Line{Name: "spiral (" + o.kind + ")", Color: stateColors[dyad.DD], Dashed: o.dashed, Values: o.out.Spiral.ByPeriod},
			render.Line{Name: "mutual cooperation (" + o.kind + ")", Color: stateColors[dyad.CC], Dashed: o.dashed, Values: o.out.Calm.ByPeriod})
	}
	return render.Section{ID: "course", Heading: "Over time", Charts: []render.LineChart{states, runs}}
}

func solidDashed(exact bool) string {
	if exact {
		return "solid lines are exact, dashed ones simulated."
	}
	return "all simulated."
}

func recordSection(r *dyadResult) render.Section {
	mv, p := r.Moves, string(r.Series.Period)
	s := render.Section{ID: "record", Heading: "The record as moves"}
	s.Paragraphs = append(s.Paragraphs, "A"+codingText(mv.Coding, p)[1:]+".")
	if mv.Skipped > 0 {
		s.Paragraphs = append(s.Paragraphs, fmt.Sprintf("The %s before %s are left out: a side had not yet acted, so its move was unknown.", plural(mv.Skipped, p), mv.Labels[0]))
	}
	t := render.Table{Header: []string{"side", "toward", "acts", "cooperated", "defected", "quiet"}, Numeric: []bool{false, false, true, true, true, true}}
	for i, sd := range r.sides() {
		t.Rows = append(t.Rows, []string{sd.Side, mv.Sides[1-i], strconv.Itoa(sd.Acts), strconv.Itoa(sd.Cooperated), strconv.Itoa(sd.Defected), strconv.Itoa(sd.Quiet)})
	}
	s.Tables = append(s.Tables, t)
	last, run := mv.Run()
	s.Notes = append(s.Notes, fmt.Sprintf("The record ends in %s (%s) for the last %s, since %s.", last, stateWords(last, mv.Sides), plural(run, p), mv.Labels[mv.Len()-run]))
	if lo := leftOut(r.Series); lo != "" {
		s.Notes = append(s.Notes, "Left out of the series: "+strings.TrimSuffix(strings.TrimPrefix(lo, " (left out: "), ")")+".")
	}
	return s
}

func rulesSection(r *dyadResult) render.Section {
	p := string(r.Series.Period)
	s := render.Section{ID: "rules", Heading: "Response rules"}
	s.Paragraphs = append(s.Paragraphs, fmt.Sprintf("Each side's probability of cooperating after the pair of moves of the %s before, its own move first; "+
		"Beta(1,1) prior, posterior mean and %g%% credible interval.", p, 100*dyad.Credible))
	for _, rule := range r.Rules {
		t := render.Table{Caption: fmt.Sprintf("%s toward %s: %s fitted, %d with an act", rule.Side, rule.Other, plural(rule.Transitions(), p), rule.Acts),
			Header: []string{"after", p + "s", "cooperated", "P(C)", "interval", ""}, Numeric: []bool{false, true, true, true, true, false}}
		for _, st := range dyad.States {
			prior := ""
			if rule.Count[st] == 0 {
				prior = "prior only"
			}
			t.Rows = append(t.Rows, []string{st.String(), strconv.Itoa(rule.Count[st]), strconv.Itoa(rule.Coop[st]),
				fmt.Sprintf("%.3f", rule.Mean[st]), fmt.Sprintf("%.3f–%.3f", rule.Low[st], rule.High[st]), prior})
		}
		s.Tables = append(s.Tables, t)
		if rule.Acts < r.MinActs {
			s.Notes = append(s.Notes, fmt.Sprintf("%s acted in fewer of the fitted %ss than the %d a fitted rule needs; its rule is shown but not played.", rule.Side, p, r.MinActs))
		}
	}
	var scores [2][]dyad.Likeness
	var selves [2]dyad.Likeness
	for i := range r.Rules {
		selves[i], scores[i] = r.Rules[i].Compare()
	}
	if scores[0] != nil {
		a, b := r.Moves.Sides[0], r.Moves.Sides[1]
		t := render.Table{Caption: "Named rules against the record: Brier score (0 is perfect, lower is nearer) and share of the side's moves each agrees with",
			Header:  []string{"rule", "P(C) after CC CD DC DD", a + " Brier", a + " agrees", b + " Brier", b + " agrees"},
			Numeric: []bool{false, false, true, true, true, true}}
		row := func(name, vec string, x, y dyad.Likeness) {
			t.Rows = append(t.Rows, []string{name, vec, fmt.Sprintf("%.4f", x.Brier), pct(x.Agreement), fmt.Sprintf("%.4f", y.Brier), pct(y.Agreement)})
		}
		row("fitted (each side's own)", "", selves[0], selves[1])
		for k, l := range scores[0] {
			row(l.Strategy, vector(l.P), l, scores[1][k])
		}
		s.Tables = append(s.Tables, t)
	}
	return s
}

func pct(x float64) string {
	if math.IsNaN(x) {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*x)
}

func modelSection(r *dyadResult) render.Section {
	pr := r.Projection
	return render.Section{ID: "model", Heading: "How this was computed", Paragraphs: []string{
		"Each side's rule is memory-one: the probability of cooperating given the pair of moves of the period before. Each of its four probabilities has a uniform Beta(1,1) prior, so a pair never seen gives 1/2; the posterior mean is played.",
		fmt.Sprintf("Misperception (%g here) is private: each side misreads each of the other's moves with that probability and answers what it read; it knows its own moves. This differs from the trembling hand of the other simulate commands, in which an act itself is flipped and both sides see the flip.", pr.Noise),
		"The last observed period is the starting state and does not count toward a run. Means of the period a run first comes are taken over the futures in which it comes within the horizon; the others are censored and shown apart.",
		"When both sides play memory-one rules, the pair of moves is a four-state Markov chain, and the figures marked exact come from it: powers of its transition matrix, the chain extended with the length of the current run, and the absorption equations for the figures without a horizon.",
	}}
}

// upperFirst capitalises the first letter of a sentence.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
