package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"redline"
	"redline/escalation"
)

const simulateHelp = `Usage: redline simulate <sub-command> [flags]

Plays iterated 2x2 games between strategies (tit-for-tat, grudger, GRIT,
...) to reason about escalation: how answering the other side's last moves
plays out over time, with and without mistakes. The conventions and the
numbers it is checked against are those of the Axelrod Python library.

Sub-commands:
  tournament  a round robin, each strategy against itself included, ranked
              by median score per turn against the others
  match       one match, move by move
  moran       the Moran process: how often each strategy takes over a
              population (--exact for the closed form)
  ecosystem   the replicator dynamics on a tournament's payoff matrix
  dyad        fit two sides' response rules to their record of events and
              project it: the chance of a spiral, the time to mutual
              cooperation
  strategies  the strategies and how each plays

Run "redline simulate <sub-command> -h" for its flags.
`

func (m *Main) runSimulate(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, simulateHelp)
		return &usageError{"simulate: want a sub-command"}
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "tournament":
		return m.simTournament(ctx, rest)
	case "match":
		return m.simMatch(rest)
	case "moran":
		return m.simMoran(ctx, rest)
	case "ecosystem":
		return m.simEcosystem(ctx, rest)
	case "dyad":
		return m.simDyad(ctx, rest)
	case "strategies":
		return m.simStrategies(rest)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(m.Stdout, simulateHelp)
		return nil
	}
	fmt.Fprint(m.Stderr, simulateHelp)
	return &usageError{fmt.Sprintf("simulate: unknown sub-command %q", args[0])}
}

// simFlags are the flags every simulation takes.
type simFlags struct {
	players string
	turns   int
	noise   float64
	probEnd float64
	seed    uint64
	game    string
	json    bool
}

func (f *simFlags) register(fset *flag.FlagSet) {
	fset.StringVar(&f.players, "players", "", "comma-separated strategy `NAMES`; NAME:K repeats a name K times")
	fset.IntVar(&f.turns, "turns", 0, "turns per match (default 200; with --prob-end, the most a match lasts, default no bound)")
	fset.Float64Var(&f.noise, "noise", 0, "probability that each action is flipped")
	fset.Float64Var(&f.probEnd, "prob-end", 0, "probability that a match ends after each turn (0: fixed length)")
	fset.Uint64Var(&f.seed, "seed", 1, "seed of every random draw")
	fset.StringVar(&f.game, "game", "", "payoffs `R,S,T,P`, \"chicken\" (0,-1,1,-10) or \"pd\" (3,0,5,1, the default)")
	fset.BoolVar(&f.json, "json", false, "print machine-readable JSON")
}

// newSimFlagSet returns the flag set of a sub-command with the shared flags.
func (m *Main) newSimFlagSet(name, help string, f *simFlags) *flag.FlagSet {
	fset := flag.NewFlagSet("simulate "+name, flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, help); fset.PrintDefaults() }
	f.register(fset)
	return fset
}

// setup parses the flags and checks the shared ones.
func (f *simFlags) setup(name string, fset *flag.FlagSet, args []string, minPlayers int) ([]escalation.Strategy, escalation.Rules, error) {
	var r escalation.Rules
	if err := parse(fset, args); err != nil {
		return nil, r, err
	}
	if fset.NArg() > 0 {
		return nil, r, &usageError{fmt.Sprintf("simulate %s: unexpected arguments %q", name, fset.Args())}
	}
	players, err := parsePlayers(f.players)
	if err != nil {
		return nil, r, &usageError{fmt.Sprintf("simulate %s: %v", name, err)}
	}
	if len(players) < minPlayers {
		return nil, r, &usageError{fmt.Sprintf("simulate %s: want --players with at least %d names", name, minPlayers)}
	}
	game, err := parseGame(f.game)
	if err != nil {
		return nil, r, &usageError{fmt.Sprintf("simulate %s: --game: %v", name, err)}
	}
	r = escalation.Rules{Game: game, Turns: f.turns, ProbEnd: f.probEnd, Noise: f.noise}
	if err := r.Validate(); err != nil {
		return nil, r, &usageError{fmt.Sprintf("simulate %s: %v", name, err)}
	}
	return players, r, nil
}

// parsePlayers reads "a,b:3,c" into strategies, b three times.
func parsePlayers(list string) ([]escalation.Strategy, error) {
	var out []escalation.Strategy
	for item := range strings.SplitSeq(list, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		name, count := item, 1
		if i := strings.LastIndexByte(item, ':'); i >= 0 {
			k, err := strconv.Atoi(item[i+1:])
			if err != nil || k < 1 {
				return nil, fmt.Errorf("%q: want NAME or NAME:K with K at least 1", item)
			}
			name, count = item[:i], k
		}
		s, ok := escalation.Lookup(name)
		if !ok {
			return nil, fmt.Errorf("unknown strategy %q (see \"redline simulate strategies\")", name)
		}
		for range count {
			out = append(out, s)
		}
	}
	return out, nil
}

// parseGame reads "R,S,T,P", "chicken" or "pd".
func parseGame(s string) (escalation.Game, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "pd", "prisoners-dilemma":
		return escalation.DefaultGame, nil
	case "chicken":
		return escalation.Chicken, nil
	}
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return escalation.Game{}, fmt.Errorf("%q: want R,S,T,P, chicken or pd", s)
	}
	var v [4]float64
	for i, p := range parts {
		x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return escalation.Game{}, fmt.Errorf("%q: %q is not a number", s, p)
		}
		v[i] = x
	}
	return escalation.Game{R: v[0], S: v[1], T: v[2], P: v[3]}, nil
}

// simError reports a simulation's refusal of its inputs as a usage
// problem; cancellation passes through.
func simError(err error) error {
	if err == nil || errors.Is(err, context.Canceled) {
		return err
	}
	return redline.Errorf(redline.EINVALID, "simulate: %v", err)
}

// describe writes the rules in one line.
func describe(r escalation.Rules, seed uint64) string {
	turns := strconv.Itoa(r.Turns)
	switch {
	case r.ProbEnd > 0 && r.Turns == 0:
		turns = fmt.Sprintf("ending with probability %g per turn", r.ProbEnd)
	case r.ProbEnd > 0:
		turns = fmt.Sprintf("ending with probability %g per turn, at most %d", r.ProbEnd, r.Turns)
	case r.Turns == 0:
		turns = strconv.Itoa(escalation.DefaultTurns)
	}
	return fmt.Sprintf("turns %s, noise %g, game %s, seed %d", turns, r.Noise, r.Game, seed)
}

const simTournamentHelp = `Usage: redline simulate tournament --players A,B,... [flags]

Plays a round robin: every pair of players, each against itself included,
once per repetition. A player's score in a repetition is its total against
the others (self-play left out); "normalised" is its median over
repetitions of the mean score per turn against the others; "wins" counts,
per repetition, the matches in which it scored more than its opponent.
Players are ranked by normalised score, ties kept in the order given.

JSON: {"players": [{"name", "scores": [per repetition], "normalised",
"wins": [per repetition]}], "ranking": [names]}.

Flags:
`

// tournamentJSON is the machine-readable result of a tournament.
type tournamentJSON struct {
	Players []tournamentPlayer `json:"players"`
	Ranking []string           `json:"ranking"`
}

type tournamentPlayer struct {
	Name       string    `json:"name"`
	Scores     []float64 `json:"scores"`
	Normalised float64   `json:"normalised"`
	Wins       []int     `json:"wins"`
}

func (m *Main) simTournament(ctx context.Context, args []string) error {
	var f simFlags
	var reps int
	fset := m.newSimFlagSet("tournament", simTournamentHelp, &f)
	fset.IntVar(&reps, "repetitions", escalation.DefaultRepetitions, "times each pair plays")
	players, rules, err := f.setup("tournament", fset, args, 2)
	if err != nil {
		return err
	}
	if reps < 1 {
		return &usageError{"simulate tournament: --repetitions must be at least 1"}
	}
	t := escalation.Tournament{Players: players, Rules: rules, Repetitions: reps, Seed: f.seed}
	res, err := t.Play(ctx)
	if err != nil {
		return simError(err)
	}
	out := tournamentJSON{Ranking: res.RankedNames()}
	for i, name := range res.Names {
		out.Players = append(out.Players, tournamentPlayer{name, res.Scores[i], res.Median(i), res.Wins[i]})
	}
	if f.json {
		return m.printJSON(out)
	}
	fmt.Fprintf(m.Stdout, "TOURNAMENT: %d players, %d repetitions, %s\n\n", len(players), reps, describe(rules, f.seed))
	w := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "rank\tplayer\tper turn\twins\tmedian score")
	for k, i := range res.Ranking {
		fmt.Fprintf(w, "%4d\t%s\t%8.4f\t%4d\t%12g\n", k+1, res.Names[i], res.Median(i), res.TotalWins(i), res.MedianScore(i))
	}
	w.Flush()
	fmt.Fprintf(m.Stdout, "\n\"per turn\" is the median over repetitions of the score per turn against the others;\n\"wins\" counts won matches over all %d repetitions.\n", reps)
	fmt.Fprintln(m.Stdout, "\nPAYOFF PER TURN (row against column, mean over repetitions)")
	printMatrix(m.Stdout, res.Names, res.PayoffMatrix)
	return nil
}

// printMatrix writes a square matrix with numbered columns.
func printMatrix(out io.Writer, names []string, rows [][]float64) {
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	for j := range names {
		fmt.Fprintf(w, "\t%8d", j+1)
	}
	fmt.Fprintln(w)
	for i, row := range rows {
		fmt.Fprintf(w, "%2d %s", i+1, names[i])
		for _, x := range row {
			fmt.Fprintf(w, "\t%8.3f", x)
		}
		fmt.Fprintln(w)
	}
	w.Flush()
}

const simMatchHelp = `Usage: redline simulate match --players A,B [flags]

Plays one match and prints both sides' moves (C cooperate, D defect), their
totals, scores per turn and cooperations. With --noise, moves are shown as
played, after the flip.

Flags:
`

// matchJSON is the machine-readable record of a match.
type matchJSON struct {
	Players      [2]string  `json:"players"`
	Turns        int        `json:"turns"`
	Moves        []string   `json:"moves"`
	Scores       [2]float64 `json:"scores"`
	PerTurn      [2]float64 `json:"per_turn"`
	Cooperations [2]int     `json:"cooperations"`
	Winner       *string    `json:"winner"`
}

func (m *Main) simMatch(args []string) error {
	var f simFlags
	fset := m.newSimFlagSet("match", simMatchHelp, &f)
	players, rules, err := f.setup("match", fset, args, 2)
	if err != nil {
		return err
	}
	if len(players) != 2 {
		return &usageError{"simulate match: want --players with exactly two names"}
	}
	res, err := escalation.Play(players[0], players[1], rules, f.seed)
	if err != nil {
		return simError(err)
	}
	out := matchJSON{Players: res.Names, Turns: res.Turns(), Scores: res.Scores, PerTurn: res.PerTurn(), Cooperations: res.Cooperations}
	for t := range res.Turns() {
		out.Moves = append(out.Moves, res.Moves[0][t].String()+res.Moves[1][t].String())
	}
	if w := res.Winner(); w >= 0 {
		out.Winner = &res.Names[w]
	}
	if f.json {
		return m.printJSON(out)
	}
	printMatch(m.Stdout, res, describe(rules, f.seed))
	return nil
}

// printMatch writes both sides' moves, fifty turns a line, and the totals.
func printMatch(w io.Writer, res *escalation.MatchResult, rules string) {
	fmt.Fprintf(w, "MATCH: %s against %s, %s\n\n", res.Names[0], res.Names[1], rules)
	width := max(len(res.Names[0]), len(res.Names[1]))
	for start := 0; start < res.Turns(); start += 50 {
		end := min(start+50, res.Turns())
		fmt.Fprintf(w, "turn %d\n", start+1)
		for side := range 2 {
			var b strings.Builder
			for _, a := range res.Moves[side][start:end] {
				b.WriteString(a.String())
			}
			fmt.Fprintf(w, "  %-*s  %s\n", width, res.Names[side], b.String())
		}
	}
	outcome := "a tie"
	if k := res.Winner(); k >= 0 {
		outcome = res.Names[k] + " scores more"
	}
	pt := res.PerTurn()
	fmt.Fprintf(w, "\nscores %g and %g (%.4f and %.4f per turn), cooperations %d and %d of %d: %s\n",
		res.Scores[0], res.Scores[1], pt[0], pt[1], res.Cooperations[0], res.Cooperations[1], res.Turns(), outcome)
}

const simMoranHelp = `Usage: redline simulate moran --players A,B,... [flags]

Runs the birth-death Moran process from the population given (repeat a
name, or write NAME:K, for several members): at each step every member
plays every other, one member reproduces with probability proportional to
its total score per turn, and a member chosen uniformly (the parent
included) is replaced by the copy. Each run ends when one strategy has
taken over; the share of runs each strategy took over estimates its
fixation probability, given with its standard error.

--exact also gives the exact probability from the closed form, for a
population of two deterministic strategies without noise or --prob-end.

Flags:
`

// moranJSON is the machine-readable result of a Moran estimate.
type moranJSON struct {
	Runs      int           `json:"runs"`
	MeanSteps float64       `json:"mean_steps"`
	Players   []moranPlayer `json:"players"`
}

type moranPlayer struct {
	Name        string   `json:"name"`
	Start       int      `json:"start"`
	Fixations   int      `json:"fixations"`
	Probability float64  `json:"probability"`
	StdErr      float64  `json:"stderr"`
	Exact       *float64 `json:"exact,omitempty"`
}

func (m *Main) simMoran(ctx context.Context, args []string) error {
	var f simFlags
	var runs int
	var exact bool
	fset := m.newSimFlagSet("moran", simMoranHelp, &f)
	fset.IntVar(&runs, "runs", escalation.DefaultMoranRuns, "number of runs")
	fset.BoolVar(&exact, "exact", false, "also give the exact fixation probabilities (two deterministic strategies)")
	players, rules, err := f.setup("moran", fset, args, 2)
	if err != nil {
		return err
	}
	if runs < 1 {
		return &usageError{"simulate moran: --runs must be at least 1"}
	}
	mo := escalation.Moran{Population: players, Rules: rules, Runs: runs, Seed: f.seed}
	res, err := mo.Run(ctx)
	if err != nil {
		return simError(err)
	}
	out := moranJSON{Runs: res.Runs, MeanSteps: res.Steps}
	for i, name := range res.Names {
		p, se := res.Fixation(i)
		out.Players = append(out.Players, moranPlayer{Name: name, Start: res.Start[i], Fixations: res.Fixations[i], Probability: p, StdErr: se})
	}
	if exact {
		if err := exactFixation(out.Players, players, rules); err != nil {
			return err
		}
	}
	if f.json {
		return m.printJSON(out)
	}
	fmt.Fprintf(m.Stdout, "MORAN: population of %d, %d runs (%.1f births per run on average), %s\n\n", len(players), res.Runs, res.Steps, describe(rules, f.seed))
	return printMoran(m.Stdout, out.Players)
}

// printMoran writes each strategy's share of runs won.
func printMoran(out io.Writer, players []moranPlayer) error {
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "strategy\tstart\ttook over\tshare\ts.e.\texact")
	for _, p := range players {
		ex := "-"
		if p.Exact != nil {
			ex = fmt.Sprintf("%.5f", *p.Exact)
		}
		fmt.Fprintf(w, "%s\t%5d\t%9d\t%.4f\t%.4f\t%s\n", p.Name, p.Start, p.Fixations, p.Probability, p.StdErr, ex)
	}
	return w.Flush()
}

// exactFixation fills in the exact fixation probability of each of two
// strategies.
func exactFixation(out []moranPlayer, players []escalation.Strategy, rules escalation.Rules) error {
	if len(out) != 2 {
		return &usageError{"simulate moran: --exact needs a population of exactly two strategies"}
	}
	byName := map[string]escalation.Strategy{}
	for _, s := range players {
		byName[s.Name] = s
	}
	n := out[0].Start + out[1].Start
	rho, err := escalation.FixationExact(byName[out[0].Name], byName[out[1].Name], n, out[0].Start, rules)
	if err != nil {
		return simError(err)
	}
	other := 1 - rho
	out[0].Exact, out[1].Exact = &rho, &other
	return nil
}

const simEcosystemHelp = `Usage: redline simulate ecosystem --players A,B,... [--steps 100] [flags]

Axelrod's ecological variant: plays a tournament of the players, then runs
the discrete replicator dynamics on its payoff matrix from equal shares.
At each step a strategy's share is multiplied by its payoff per turn
against the population (itself included) and the shares renormalised.
Payoffs that vary between repetitions are drawn afresh at each step.
Prints the shares at steps 0, 1, 10, 100, ... and the last; --json gives
every step. Payoffs must not be negative.

Flags:
`

// ecosystemJSON holds the shares of each strategy at every step.
type ecosystemJSON struct {
	Players []string    `json:"players"`
	Shares  [][]float64 `json:"shares"`
}

func (m *Main) simEcosystem(ctx context.Context, args []string) error {
	var f simFlags
	var steps, reps int
	fset := m.newSimFlagSet("ecosystem", simEcosystemHelp, &f)
	fset.IntVar(&steps, "steps", 100, "number of steps")
	fset.IntVar(&reps, "repetitions", escalation.DefaultRepetitions, "repetitions of the tournament")
	players, rules, err := f.setup("ecosystem", fset, args, 2)
	if err != nil {
		return err
	}
	if steps < 0 || reps < 1 {
		return &usageError{"simulate ecosystem: want --steps of at least 0 and --repetitions of at least 1"}
	}
	t := escalation.Tournament{Players: players, Rules: rules, Repetitions: reps, Seed: f.seed}
	res, err := t.Play(ctx)
	if err != nil {
		return simError(err)
	}
	shares, err := (&escalation.Ecosystem{Results: res, Seed: f.seed}).Reproduce(steps)
	if err != nil {
		return simError(err)
	}
	if f.json {
		return m.printJSON(ecosystemJSON{Players: res.Names, Shares: shares})
	}
	fmt.Fprintf(m.Stdout, "ECOSYSTEM: %d steps, tournament of %d repetitions, %s\n\n", steps, reps, describe(rules, f.seed))
	w := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(w, "step")
	for _, name := range res.Names {
		fmt.Fprintf(w, "\t%s", name)
	}
	fmt.Fprintln(w, "\t")
	for step := 0; step <= steps; step = nextShown(step, steps) {
		fmt.Fprintf(w, "%d", step)
		for _, x := range shares[step] {
			fmt.Fprintf(w, "\t%.6f", x)
		}
		fmt.Fprintln(w, "\t")
	}
	return w.Flush()
}

// nextShown returns the step shown after step: 1, 10, 100, ... then last.
func nextShown(step, last int) int {
	next := 1
	for next <= step {
		next *= 10
	}
	if next > last && step < last {
		return last
	}
	return next
}

const simStrategiesHelp = `Usage: redline simulate strategies [--json]

Lists the strategies, each with how it plays. "stochastic" strategies draw
random numbers; "memory-one" ones depend only on the last turn. GRIT with
other settings than the default is named grit-PERIOD-LENGTH-STEPS.

Flags:
`

// strategyJSON describes one strategy.
type strategyJSON struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Stochastic  bool   `json:"stochastic"`
	MemoryOne   bool   `json:"memory_one"`
}

func (m *Main) simStrategies(args []string) error {
	var asJSON bool
	fset := flag.NewFlagSet("simulate strategies", flag.ContinueOnError)
	fset.SetOutput(m.Stderr)
	fset.Usage = func() { fmt.Fprint(m.Stderr, simStrategiesHelp); fset.PrintDefaults() }
	fset.BoolVar(&asJSON, "json", false, "print machine-readable JSON")
	if err := parse(fset, args); err != nil {
		return err
	}
	if fset.NArg() > 0 {
		return &usageError{"simulate strategies: unexpected arguments"}
	}
	var out []strategyJSON
	for _, s := range escalation.Strategies() {
		_, m1 := escalation.AsMemoryOne(s, escalation.DefaultGame)
		out = append(out, strategyJSON{s.Name, s.Description, s.Stochastic, m1})
	}
	if asJSON {
		return m.printJSON(out)
	}
	w := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
	for _, s := range out {
		var tags []string
		if s.Stochastic {
			tags = append(tags, "stochastic")
		}
		if s.MemoryOne {
			tags = append(tags, "memory-one")
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", s.Name, strings.Join(tags, ", "), s.Description)
	}
	return w.Flush()
}
