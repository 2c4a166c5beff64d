package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"redline"
	"redline/dyad"
	"redline/escalation"
	"redline/reciprocity"
)

const simDyadHelp = `Usage: redline simulate dyad --dyad A,B [--period week|month] [--from DATE] [--to DATE]
       [--a fitted|STRATEGY] [--b fitted|STRATEGY] [--noise P] [--periods N] [--runs N]
       [--spiral K] [--calm K] [--seed N] [--html FILE] [flags]

Reads how two sides have answered each other as rules of an iterated 2x2
game, and projects the exchange forward: the probability of a spiral and
the time to mutual cooperation.

The record. The dyad's events are summed per week or month on the
Goldstein scale exactly as "redline reciprocity" does (same --dyad,
--period, --from, --to, --db and --dict). A side cooperates in a period
when its net weight toward the other is above +T and defects when it is
below -T (--threshold T, default 0: any net cooperation or conflict).
Otherwise the period is quiet: by default (--quiet carry) the side keeps
its last move, a posture standing until an act changes it, and the
periods before both sides have first acted are left out; --quiet
cooperate reads a quiet period as cooperation instead (nothing hostile
was done), which suits a dense record and flatters a sparse one.

The rules. Each side's response is fitted as a memory-one rule: its
probability of cooperating given the pair of moves of the period before,
its own first (CC, CD, DC, DD), counted over the record's transitions with
a uniform Beta(1,1) prior, so that a pair never seen gives 1/2 and one
seen once moves only part of the way. The posterior mean is used; the
counts and the 95% credible interval are printed. Under --quiet carry the
quiet periods count as moves, so the rule is the chance the side's
posture is cooperative next period, acting or not. A rule is fitted only
when its side acted (beyond the threshold) in at least --min-acts of the
fitted periods; a side playing a named strategy needs no fit. Each rule
is scored against named memory-one rules by Brier score (mean squared gap
between the named rule's probability of cooperating and what the side
did) and the nearest is named: cooperator, defector, tit-for-tat,
generous-tit-for-tat, alternator, win-stay-lose-shift, random, grim
(grudger as a memory-one rule: cooperates only after CC) and persist
(repeats its own move). Ties are shown as ties. The VAR of
"redline reciprocity" is not used: spirals and mutual cooperation are runs
of discrete states, which memory-one rules answer exactly.

The projection. From the last observed period, which does not count
toward a run, --periods periods are played (default 52 weeks or 24
months) in --runs seeded futures, side A playing --a and side B --b: the
fitted rule, or any strategy of "redline simulate strategies", grim or
persist. A memory-one strategy answers the last period; any other
(grudger, GRIT, gradual...) is first replayed over the whole record, so
it starts in the state that history puts it in. Generous tit-for-tat
forgives with probability 1/3, as in the default prisoner's dilemma.
--noise P is misperception: each side misreads each of the other's moves,
in the record and in the projection, with probability P, privately. It
knows its own moves and answers what it read. This is not the trembling
hand of the other simulate commands, where an act itself is flipped and
both sides see the flip: misreading changes what a side answers, not what
it does, so always-defect is untouched by it. The fitted rules already
hold whatever misreading the record reflects; --noise adds more, for
what-if questions, and defaults to 0.

The answers. A spiral is --spiral K periods of mutual defection (DD) in a
row, mutual cooperation --calm K periods of CC in a row (3 each by
default). For each: the share of futures in which it comes within the
horizon, the mean period of its first coming among those futures (a
conditional mean: the futures in which it has not come are censored, not
counted at the horizon), and the share in which it has not come by the
horizon. The share of futures in each state is given period by period.
When both sides play memory-one rules (the fitted rule, tit-for-tat,
generous tit-for-tat, win-stay-lose-shift, grim, persist, ...) all of it is
also computed exactly from the four-state Markov chain, with the same
without a horizon (the probability it ever comes and its mean period
then) and the long-run share of each state; the simulated figures carry
standard errors to compare.

--json prints everything, period by period (states in the order CC, CD,
DC, DD, side A's move first). --html FILE also writes a self-contained
page with the tables and two charts: the share of futures in each state,
and the share that have spiralled or reached mutual cooperation, period
by period.

Flags:
`

// dyadFlags are the settings of "simulate dyad".
type dyadFlags struct {
	analysisFlags
	dyad, period, from, to string
	coding                 dyad.Coding
	quiet                  string
	minActs                int
	a, b                   string
	opts                   dyad.Options
	html                   string
}

func (m *Main) simDyad(ctx context.Context, args []string) error {
	var f dyadFlags
	fset := flag.NewFlagSet("simulate dyad", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, simDyadHelp); fset.PrintDefaults() }
	f.register(fset)
	if err := parseNoArgs(fset, args, "simulate dyad"); err != nil {
		return err
	}
	spec, players, err := f.check()
	if err != nil {
		return err
	}
	s, err := readDyad(ctx, &f.analysisFlags, spec, "simulate dyad")
	if err != nil {
		return err
	}
	res, err := f.model(ctx, s, players)
	if err != nil {
		if res != nil && !f.c.json {
			printDyadRecord(m.Stdout, res) // what there is, to show why it is not enough
		}
		return err
	}
	if f.html != "" {
		if err := writeDyadHTML(f.html, res, f.dbPath); err != nil {
			return err
		}
	}
	if f.c.json {
		return m.printJSON(res.json())
	}
	return printDyad(m.Stdout, res)
}

func (f *dyadFlags) register(fset *flag.FlagSet) {
	f.analysisFlags.register(fset)
	fset.StringVar(&f.dyad, "dyad", "", "the two sides, `A,B` (states or organisations, e.g. IRN,USA)")
	fset.StringVar(&f.period, "period", "week", "`week` or month")
	fset.StringVar(&f.from, "from", "", "first `DATE` of the record")
	fset.StringVar(&f.to, "to", "", "last `DATE` of the record")
	fset.Float64Var(&f.coding.Threshold, "threshold", 0, "net Goldstein weight `T` a period must exceed to be an act (above +T cooperates, below -T defects)")
	fset.StringVar(&f.quiet, "quiet", string(dyad.Carry), "a period without an act: `carry` the last move, or cooperate")
	fset.IntVar(&f.minActs, "min-acts", 10, "fewest acts `N` by a side, in the periods fitted, for its fitted rule to be played")
	fset.StringVar(&f.a, "a", "fitted", "side A's `STRATEGY`: fitted, or a name from \"redline simulate strategies\", grim or persist")
	fset.StringVar(&f.b, "b", "fitted", "side B's `STRATEGY`")
	fset.Float64Var(&f.opts.Noise, "noise", 0, "probability `P` that a side misreads each of the other's moves (misperception)")
	fset.IntVar(&f.opts.Periods, "periods", 0, "periods `N` to project (default 52 weeks or 24 months)")
	fset.IntVar(&f.opts.Runs, "runs", dyad.DefaultRuns, "simulated futures `N`")
	fset.IntVar(&f.opts.Spiral, "spiral", dyad.DefaultRun, "periods `K` of mutual defection in a row that make a spiral")
	fset.IntVar(&f.opts.Calm, "calm", dyad.DefaultRun, "periods `K` of mutual cooperation in a row that make mutual cooperation")
	fset.Uint64Var(&f.opts.Seed, "seed", 1, "seed of every random draw")
	fset.StringVar(&f.html, "html", "", "also write the result as a self-contained HTML page to `FILE`")
}

// check reads the flags that need no store.
func (f *dyadFlags) check() (reciprocity.Spec, [2]string, error) {
	var players [2]string
	spec, err := dyadSpec("simulate dyad", f.dyad, f.period, f.from, f.to)
	if err != nil {
		return spec, players, err
	}
	q, err := dyad.ParseQuiet(f.quiet)
	if err != nil {
		return spec, players, &usageError{"simulate dyad: --" + err.Error()}
	}
	f.coding.Quiet = q
	if !(f.coding.Threshold >= 0) {
		return spec, players, &usageError{fmt.Sprintf("simulate dyad: --threshold %g: want 0 or more", f.coding.Threshold)}
	}
	if f.minActs < 0 {
		return spec, players, &usageError{"simulate dyad: --min-acts must be 0 or more"}
	}
	for i, name := range []string{f.a, f.b} {
		name = strings.TrimSpace(name)
		if !strings.EqualFold(name, "fitted") {
			s, ok := dyad.Lookup(name)
			if !ok {
				return spec, players, &usageError{fmt.Sprintf("simulate dyad: --%c: unknown strategy %q (fitted, grim, persist or see \"redline simulate strategies\")", "ab"[i], name)}
			}
			name = s.Name
		} else {
			name = "fitted"
		}
		players[i] = name
	}
	if err := f.checkOptions(spec.Period); err != nil {
		return spec, players, err
	}
	if err := f.opts.Validate(spec.Period); err != nil {
		return spec, players, &usageError{"simulate dyad: " + err.Error()}
	}
	return spec, players, nil
}

// checkOptions checks the projection's flags, naming them.
func (f *dyadFlags) checkOptions(p reciprocity.Period) error {
	o := f.opts
	periods := o.Periods
	if periods == 0 {
		periods = dyad.DefaultPeriods(p)
	}
	var msg string
	switch {
	case o.Periods < 0 || o.Periods > dyad.MaxPeriods:
		msg = fmt.Sprintf("--periods %d: want 1 to %d, or 0 for the default", o.Periods, dyad.MaxPeriods)
	case o.Runs < 1 || o.Runs > dyad.MaxRuns:
		msg = fmt.Sprintf("--runs %d: want 1 to %d", o.Runs, dyad.MaxRuns)
	case !(o.Noise >= 0 && o.Noise <= 1):
		msg = fmt.Sprintf("--noise %g: want 0 to 1", o.Noise)
	case o.Spiral < 1 || o.Spiral > min(dyad.MaxRun, periods):
		msg = fmt.Sprintf("--spiral %d: want 1 to %d, and no more than the %d periods projected", o.Spiral, dyad.MaxRun, periods)
	case o.Calm < 1 || o.Calm > min(dyad.MaxRun, periods):
		msg = fmt.Sprintf("--calm %d: want 1 to %d, and no more than the %d periods projected", o.Calm, dyad.MaxRun, periods)
	default:
		return nil
	}
	return &usageError{"simulate dyad: " + msg}
}

// dyadResult is everything "simulate dyad" found.
type dyadResult struct {
	Series     *reciprocity.Series
	Moves      *dyad.Moves
	Rules      [2]dyad.Rule
	MinActs    int
	Projection *dyad.Projection
}

// errTooFewActs means a side to play its fitted rule acted too rarely.
var errTooFewActs = errors.New("too few acts to fit a response rule")

// model codes the record, fits the rules and projects. On a record too
// thin to fit, it returns what it has with the error.
func (f *dyadFlags) model(ctx context.Context, s *reciprocity.Series, players [2]string) (*dyadResult, error) {
	res := &dyadResult{Series: s, MinActs: f.minActs}
	mv, err := dyad.Code(s, f.coding)
	if err != nil {
		return nil, fmt.Errorf("simulate dyad: %w%s", err, leftOut(s))
	}
	res.Moves = mv
	res.Rules = dyad.Fit(mv)
	if err := res.enough(players, s.Period); err != nil {
		return res, err
	}
	var strategies [2]escalation.Strategy
	for i, name := range players {
		if name == "fitted" {
			strategies[i] = res.Rules[i].Strategy("fitted")
			continue
		}
		strategies[i], _ = dyad.Lookup(name)
	}
	if res.Projection, err = dyad.Project(ctx, mv, strategies, f.opts); err != nil {
		if errors.Is(err, context.Canceled) {
			return nil, err
		}
		return nil, redline.Errorf(redline.EINVALID, "simulate dyad: %v", err)
	}
	return res, nil
}

// enough checks that each side to play its fitted rule acted often
// enough in the fitted periods.
func (r *dyadResult) enough(players [2]string, p reciprocity.Period) error {
	mv := r.Moves
	var short []string
	for i, name := range players {
		if name == "fitted" && r.Rules[i].Acts < r.MinActs {
			short = append(short, fmt.Sprintf("%s acted toward %s in %d", mv.Sides[i], mv.Sides[1-i], r.Rules[i].Acts))
		}
	}
	if len(short) == 0 {
		return nil
	}
	n := mv.Len() - 1
	span := ""
	if n > 0 {
		span = fmt.Sprintf(" (%s to %s)", mv.Labels[1], mv.Labels[n])
	}
	fix := "widen --from and --to"
	if p == reciprocity.Month {
		fix += " or use --period week"
	}
	if mv.Coding.Threshold > 0 {
		fix += ", lower --threshold"
	}
	return fmt.Errorf("simulate dyad: %w: of the %s fitted%s, %s; a fitted rule needs at least %d acts of its side (--min-acts). "+
		"To go on, %s, give the side a named strategy with --a or --b, or lower --min-acts to accept a rule that rests mostly on its prior",
		errTooFewActs, plural(n, string(p)), span, strings.Join(short, " and "), r.MinActs, fix)
}

// writeDyadHTML writes the page to path.
func writeDyadHTML(path string, r *dyadResult, db string) error {
	var b strings.Builder
	if err := renderDyadHTML(&b, r, db); err != nil {
		return err
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("simulate dyad: write --html: %w", err)
	}
	return nil
}
