package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strings"

	"redline"
	"redline/reciprocity"
	"redline/sqlite"
	"redline/verb"
)

const reciprocityHelp = `Usage: redline reciprocity --dyad A,B [--period week|month] [--from DATE] [--to DATE] [--lags N] [flags]

Measures how two sides answer each other's actions, after Goldstein and
Pevehouse (1997). The events from A to B and from B to A are summed per ISO
week (Monday to Sunday) or calendar month on the Goldstein scale: the net
weight, its cooperative and conflictual parts and their counts, empty
periods counting 0. An official's events count for their state, so
--dyad IRN,USA includes what Iranian officials did toward American ones.
Only events that happened count (not negated, future or hypothetical ones);
events dated more coarsely than a period (a month in a weekly series) are
counted apart. Each event weighs what the verb dictionary gives its CAMEO
code, as at ingest.

Over the two net series it prints their cross-correlation at lags -N..N, a
VAR whose lag order Akaike's criterion (AIC) chooses up to --lags, Granger F
tests both ways, and simple (not orthogonalised) impulse responses summed
over --horizon periods, with a verdict per side: reciprocity when its
response to a shock in the other's flow has the shock's sign, inverse
response ("bullying") when it has the opposite one, significant when the
response's p-value is below 0.05.

DATE is a calendar value: 2025, 2025-02, 2025-02-07 or 2025-W06. The series
runs from the period holding the start of --from to the one holding the end
of --to, or from the dyad's first event to its last.

Flags:
`

func (m *Main) runReciprocity(ctx context.Context, args []string) error {
	var f analysisFlags
	var dyad, period, from, to string
	var opts reciprocity.Options
	fset := flag.NewFlagSet("reciprocity", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, reciprocityHelp); fset.PrintDefaults() }
	f.register(fset)
	fset.StringVar(&dyad, "dyad", "", "the two sides, `A,B` (states or organisations, e.g. IRN,USA)")
	fset.StringVar(&period, "period", "week", "`week` or month")
	fset.StringVar(&from, "from", "", "first `DATE` of the series")
	fset.StringVar(&to, "to", "", "last `DATE` of the series")
	fset.IntVar(&opts.MaxLag, "lags", reciprocity.DefaultMaxLag, "largest VAR lag order and cross-correlation lag `N`")
	fset.IntVar(&opts.Horizon, "horizon", reciprocity.DefaultHorizon, "periods `N` over which responses are summed")
	if err := parseNoArgs(fset, args, "reciprocity"); err != nil {
		return err
	}
	spec, err := dyadSpec("reciprocity", dyad, period, from, to)
	if err != nil {
		return err
	}
	if opts.MaxLag < 1 || opts.Horizon < 1 {
		return &usageError{"reciprocity: --lags and --horizon must be 1 or more"}
	}
	s, err := readDyad(ctx, &f, spec, "reciprocity")
	if err != nil {
		return err
	}
	rep, err := reciprocity.Analyze(s, opts)
	if err != nil {
		if !f.c.json {
			printHeading(m.Stdout, s)
			printFlows(m.Stdout, s) // what there is, to show why it is not enough
		}
		return fmt.Errorf("reciprocity: %w%s", err, remedy(err, spec.Period))
	}
	if f.c.json {
		return m.printJSON(rep)
	}
	return printReciprocity(m.Stdout, rep)
}

// dyadSpec reads the flags that say which series to build, for command
// cmd.
func dyadSpec(cmd, dyad, period, from, to string) (reciprocity.Spec, error) {
	var spec reciprocity.Spec
	a, b, ok := strings.Cut(dyad, ",")
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if !ok || a == "" || b == "" || strings.Contains(b, ",") || a == b {
		return spec, &usageError{fmt.Sprintf("%s: --dyad %q: want two different sides, A,B (e.g. IRN,USA)", cmd, dyad)}
	}
	spec.Dyad = reciprocity.Dyad{A: a, B: b}
	p, err := reciprocity.ParsePeriod(period)
	if err != nil {
		return spec, &usageError{cmd + ": --" + err.Error()}
	}
	spec.Period = p
	if from != "" {
		d, err := redline.ParseDate(from)
		start, _, ok := d.Interval()
		if err != nil || !ok {
			return spec, &usageError{fmt.Sprintf("%s: --from %q: want a date such as 2025, 2025-02 or 2025-02-07", cmd, from)}
		}
		spec.From = start
	}
	if to != "" {
		d, err := redline.ParseDate(to)
		_, end, ok := d.Interval()
		if err != nil || !ok {
			return spec, &usageError{fmt.Sprintf("%s: --to %q: want a date such as 2025, 2025-02 or 2025-02-07", cmd, to)}
		}
		spec.To = end
	}
	if !spec.From.IsZero() && !spec.To.IsZero() && !spec.From.Before(spec.To) {
		return spec, &usageError{fmt.Sprintf("%s: --from %s is after --to %s", cmd, from, to)}
	}
	return spec, nil
}

// readDyad opens the store, checks that the dyad is between sides, and
// builds its series; a dyad with no events in either direction is an
// error.
func readDyad(ctx context.Context, f *analysisFlags, spec reciprocity.Spec, cmd string) (*reciprocity.Series, error) {
	db, countryOf, err := openExisting(&f.c, f.dbPath)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	for _, id := range []string{spec.Dyad.A, spec.Dyad.B} {
		if side := countryOf(id); side != "" && side != id {
			return nil, &usageError{fmt.Sprintf("%s: --dyad: %s belongs to %s; a dyad is between sides (use %s)", cmd, id, side, side)}
		}
	}
	spec.CountryOf = countryOf
	s, err := dyadSeries(ctx, db, &f.c, spec)
	if err != nil {
		return nil, err
	}
	if s.AB.Totals().Events+s.BA.Totals().Events == 0 {
		return nil, fmt.Errorf("%s: no events between %s and %s in either direction%s", cmd, spec.Dyad.A, spec.Dyad.B, leftOut(s))
	}
	return s, nil
}

// dyadSeries builds the series through the store's digest, which reads a
// million events in a fraction of a second where reading them as records
// takes seconds. The digest has no Goldstein weights, so each event
// weighs what the verb dictionary gives its code, which is how the event
// stage assigned it; the few events of codes the dictionary does not know
// are read in full.
func dyadSeries(ctx context.Context, db *sqlite.DB, c *common, spec reciprocity.Spec) (*reciprocity.Series, error) {
	lex, err := verb.Load(c.dictFS())
	if err != nil {
		return nil, fmt.Errorf("verb dictionary:\n%w", err)
	}
	d, err := db.Digest(ctx)
	if err != nil {
		return nil, fmt.Errorf("read digest: %w", err)
	}
	weigh := func(code string) (float64, bool) {
		info, ok := lex.Code(code)
		return info.Goldstein, ok
	}
	evs, unknown, err := reciprocity.FromDigest(d, spec, weigh)
	if err != nil {
		return nil, err
	}
	if len(unknown) > 0 {
		full, err := db.EventsAt(ctx, unknown)
		if err != nil {
			return nil, fmt.Errorf("read events: %w", err)
		}
		evs = append(evs, full...)
	}
	return reciprocity.NewSeries(evs, spec)
}

// remedy suggests what to change when the series cannot be fitted.
func remedy(err error, p reciprocity.Period) string {
	switch {
	case errors.Is(err, reciprocity.ErrTooShort) && p == reciprocity.Month:
		return "; widen --from and --to, lower --lags, or use --period week"
	case errors.Is(err, reciprocity.ErrTooShort):
		return "; widen --from and --to, or lower --lags"
	case errors.Is(err, reciprocity.ErrSingular):
		return "; a longer range, a coarser --period or fewer --lags may help"
	}
	return ""
}

// leftOut says how many of the dyad's events the series left out, if any.
func leftOut(s *reciprocity.Series) string {
	var parts []string
	if s.Coarse > 0 {
		parts = append(parts, fmt.Sprintf("%s dated more coarsely than a %s", plural(s.Coarse, "event"), s.Period))
	}
	if s.Outside > 0 {
		parts = append(parts, fmt.Sprintf("%s outside the range", plural(s.Outside, "event")))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (left out: " + strings.Join(parts, ", ") + ")"
}

// printReciprocity writes the report as text.
func printReciprocity(w io.Writer, r *reciprocity.Report) error {
	s := r.Series
	printHeading(w, s)
	printFlows(w, s)
	printCrossCorrelation(w, r)
	printVAR(w, r)
	fmt.Fprintln(w, "GRANGER (F test of the other flow's lags in each equation)")
	for _, g := range r.Granger {
		fmt.Fprintf(w, "  %s → %s: F(%d, %d) = %.3f, %s\n", r.Names[g.Cause], r.Names[g.Effect], g.DF1, g.DF2, g.F, reciprocity.PValue(g.P))
	}
	fmt.Fprintf(w, "\nIMPULSE RESPONSES (%s, not orthogonalised: to a one-point rise in one flow, %ss 1 to %d)\n",
		r.ResponseKind, s.Period, r.Responses[0].Horizon)
	for _, resp := range r.Responses {
		fmt.Fprintf(w, "  %s to %s: signs %s; cumulative %+.3g (se %.3g, %s)\n", r.Names[resp.Effect], r.Names[resp.Cause],
			signs(resp.Path), resp.Cumulative, resp.SE, reciprocity.PValue(resp.P))
	}
	fmt.Fprintln(w, "\nVERDICT")
	for _, v := range r.Verdicts {
		fmt.Fprintf(w, "  %s\n", v.Text)
	}
	if len(r.Notes) > 0 {
		fmt.Fprintln(w, "\nNOTES")
		for _, note := range r.Notes {
			fmt.Fprintf(w, "  %s\n", note)
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}

// printHeading names the dyad, the period and the span of the series.
func printHeading(w io.Writer, s *reciprocity.Series) {
	span := ""
	if n := s.Len(); n > 0 {
		span = fmt.Sprintf(", %s to %s", s.Labels[0], s.Labels[n-1])
	}
	fmt.Fprintf(w, "RECIPROCITY %s–%s by %s%s (%s)\n\n", s.Dyad.A, s.Dyad.B, s.Period, span, plural(s.Len(), string(s.Period)))
}

// printFlows writes the totals of each direction, then the periods: all
// of them when there are few, else those with events when they are few.
func printFlows(w io.Writer, s *reciprocity.Series) {
	names := []string{s.Dyad.AB(), s.Dyad.BA()}
	fmt.Fprintln(w, "SERIES (sums of Goldstein weights of the events that happened)")
	fmt.Fprintf(w, "  %-14s %7s %6s %6s %12s %10s %9s %10s %8s\n", "direction", "events", "coop", "confl", "cooperation", "conflict", "net", "net/"+string(s.Period), "active")
	for i, f := range []*reciprocity.Flow{&s.AB, &s.BA} {
		t := f.Totals()
		perPeriod := 0.0
		if s.Len() > 0 {
			perPeriod = t.Net / float64(s.Len())
		}
		fmt.Fprintf(w, "  %-14s %7d %6d %6d %+12.1f %+10.1f %+9.1f %+10.3f %8d\n", oneLine(names[i], 14), t.Events, t.Cooperative, t.Conflictual,
			t.Cooperation, t.Conflict, t.Net, perPeriod, t.Active)
	}
	if lo := leftOut(s); lo != "" {
		fmt.Fprintf(w, "  %s\n", strings.Trim(lo, " ()"))
	}
	var rows []int
	for i := range s.Len() {
		if s.Len() <= maxRows || s.AB.Events[i]+s.BA.Events[i] > 0 {
			rows = append(rows, i)
		}
	}
	switch {
	case len(rows) > maxRows:
		fmt.Fprintf(w, "  (%s; --json prints each)\n", plural(s.Len(), string(s.Period)))
	case len(rows) < s.Len():
		fmt.Fprintf(w, "\n  the %s with events (%d of %d; the others are 0):\n", string(s.Period)+"s", len(rows), s.Len())
	default:
		fmt.Fprintln(w)
	}
	if len(rows) <= maxRows {
		fmt.Fprintf(w, "  %-9s %14s %14s\n", s.Period, names[0]+" (n)", names[1]+" (n)")
		for _, i := range rows {
			fmt.Fprintf(w, "  %-9s %+9.1f (%2d) %+9.1f (%2d)\n", s.Labels[i], s.AB.Net[i], s.AB.Events[i], s.BA.Net[i], s.BA.Events[i])
		}
	}
	fmt.Fprintln(w)
}

// maxRows is the most periods printed as a table.
const maxRows = 60

func printCrossCorrelation(w io.Writer, r *reciprocity.Report) {
	fmt.Fprintf(w, "CROSS-CORRELATION r(k) of %s at t with %s at t+k (k > 0: %s follows)\n", r.Names[0], r.Names[1], r.Names[1])
	for _, c := range r.CrossCorrelation {
		mark := ""
		if c.R > r.Bound || c.R < -r.Bound {
			mark = " *"
		}
		fmt.Fprintf(w, "  %3d %+7.3f%s\n", c.Lag, c.R, mark)
	}
	fmt.Fprintf(w, "  * beyond ±%.3f (2/√n), unlikely under no correlation\n\n", r.Bound)
}

func printVAR(w io.Writer, r *reciprocity.Report) {
	v, l := r.VAR, r.Lags
	stable := "stable"
	if len(r.Roots) > 0 && r.Roots[0] >= 1 {
		stable = "not stable"
	}
	root := 0.0
	if len(r.Roots) > 0 {
		root = r.Roots[0]
	}
	fmt.Fprintf(w, "VAR: %s, chosen by %s among 1 to %d (BIC: %d); %s fitted, %d residual df; largest root %.3f (%s)\n",
		plural(v.P, "lag"), r.Criterion, l.Max, l.ByBIC, plural(v.Obs, string(r.Series.Period)), v.DF(), root, stable)
	fmt.Fprintf(w, "  %4s %10s %10s\n", "lags", "AIC", "BIC")
	for p := 1; p <= l.Max; p++ {
		mark := " "
		if p == l.ByAIC {
			mark = "*"
		}
		fmt.Fprintf(w, "  %3d%s %10.4f %10.4f\n", p, mark, l.AIC[p-1], l.BIC[p-1])
	}
	fmt.Fprintf(w, "  %-14s %9s", "equation", "const")
	for lag := 1; lag <= v.P; lag++ {
		for j := range v.K {
			fmt.Fprintf(w, " %14s", fmt.Sprintf("%s(t-%d)", r.Names[j], lag))
		}
	}
	fmt.Fprintln(w)
	for i := range v.K {
		fmt.Fprintf(w, "  %-14s %+9.3f", r.Names[i], v.Intercept[i])
		for lag := range v.P {
			for j := range v.K {
				fmt.Fprintf(w, " %+14.3f", v.A[lag][i][j])
			}
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
}

// signs writes a response path as signs: "+ + - 0", 0 for a response
// below a billionth of the largest.
func signs(path []float64) string {
	var top float64
	for _, x := range path {
		top = max(top, math.Abs(x))
	}
	out := make([]string, len(path))
	for i, x := range path {
		switch {
		case x > 1e-9*top:
			out[i] = "+"
		case x < -1e-9*top:
			out[i] = "-"
		default:
			out[i] = "0"
		}
	}
	return strings.Join(out, " ")
}
