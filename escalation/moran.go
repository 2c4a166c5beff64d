package escalation

import (
	"context"
	"errors"
	"fmt"
	"math"
)

// DefaultMoranRuns is the number of runs of a Moran estimate when Runs is
// not set.
const DefaultMoranRuns = 1000

// Moran is the birth-death Moran process of the Axelrod library on a
// well-mixed population, without mutation. At each step every member plays
// a match against every other member; a member's fitness is the sum of its
// per-turn scores in those matches. One member is chosen to reproduce with
// probability proportional to fitness (uniformly if every fitness is 0),
// one is chosen to die uniformly among all members, the parent included,
// and the dead member is replaced by a copy of the parent. A run ends when
// one strategy has taken over the population.
//
// When every strategy is deterministic and the rules draw nothing (no
// noise, fixed length), a match between two strategies always ends the
// same way, so each pairing is played once and the process is run on the
// counts of each strategy, which is the same process and much faster.
// Otherwise every match of every step is played afresh, as the library
// does.
type Moran struct {
	// Population holds the starting members; members with the same Name
	// are the same strategy.
	Population []Strategy
	Rules
	// Runs is the number of independent runs; 0 means DefaultMoranRuns.
	Runs int
	// Seed seeds every random draw; each run draws from its own stream, so
	// results do not depend on Workers.
	Seed uint64
	// Workers is the number of runs made at once; 0 means GOMAXPROCS.
	Workers int
}

// MoranResult counts how often each strategy took over.
type MoranResult struct {
	// Names are the distinct strategies in order of first appearance.
	Names []string
	// Start counts each strategy's members at the start.
	Start []int
	// Fixations counts the runs each strategy took over.
	Fixations []int
	// Runs is the number of runs made.
	Runs int
	// Steps is the mean number of births per run.
	Steps float64
}

// Fixation returns the share of runs strategy i took over and its standard
// error, sqrt(p(1-p)/runs).
func (r *MoranResult) Fixation(i int) (p, stderr float64) {
	p = float64(r.Fixations[i]) / float64(r.Runs)
	return p, math.Sqrt(p * (1 - p) / float64(r.Runs))
}

// Run makes the runs. It stops early with ctx's error if ctx is cancelled.
func (m *Moran) Run(ctx context.Context) (*MoranResult, error) {
	if len(m.Population) < 2 {
		return nil, errors.New("moran: the population needs at least two members")
	}
	if m.Runs < 0 {
		return nil, fmt.Errorf("moran: runs %d: want at least 1", m.Runs)
	}
	if err := m.Rules.Validate(); err != nil {
		return nil, err
	}
	runs := m.Runs
	if runs == 0 {
		runs = DefaultMoranRuns
	}
	types, members, start := group(m.Population)
	winners, steps := make([]int, runs), make([]int, runs)
	run, err := m.runner(types, members, start)
	if err != nil {
		return nil, err
	}
	err = parallel(ctx, runs, m.Workers, func(ar *arena, k int) error {
		ar.seed(m.Seed, uint64(k))
		var err error
		winners[k], steps[k], err = run(ar)
		return err
	})
	if err != nil {
		return nil, err
	}
	res := &MoranResult{Start: start, Fixations: make([]int, len(types)), Runs: runs}
	for _, t := range types {
		res.Names = append(res.Names, t.Name)
	}
	total := 0
	for k := range runs {
		res.Fixations[winners[k]]++
		total += steps[k]
	}
	res.Steps = float64(total) / float64(runs)
	return res, nil
}

// group returns the distinct strategies of a population in order of first
// appearance, each member's strategy and each strategy's count.
func group(pop []Strategy) (types []Strategy, members, counts []int) {
	members = make([]int, len(pop))
	for k, s := range pop {
		t := len(types)
		for i, u := range types {
			if u.Name == s.Name {
				t = i
			}
		}
		if t == len(types) {
			types = append(types, s)
			counts = append(counts, 0)
		}
		members[k] = t
		counts[t]++
	}
	return types, members, counts
}

// runner returns the function that makes one run from a seeded arena: on
// counts with a table of payoffs when play is deterministic, match by
// match otherwise.
func (m *Moran) runner(types []Strategy, members, start []int) (func(*arena) (int, int, error), error) {
	if !m.deterministic(types) {
		s := m.Rules.setup()
		return func(ar *arena) (int, int, error) { return m.runPlayed(ar, &s, types, members) }, nil
	}
	pay, err := payoffTable(types, m.Rules)
	if err != nil {
		return nil, err
	}
	return func(ar *arena) (int, int, error) {
		winner, steps := runCounts(ar, pay, start)
		return winner, steps, nil
	}, nil
}

// deterministic reports whether every match of the process has one outcome.
func (m *Moran) deterministic(types []Strategy) bool {
	if m.Rules.Random() {
		return false
	}
	for _, s := range types {
		if s.Stochastic {
			return false
		}
	}
	return true
}

// payoffTable plays each pairing once and returns the per-turn payoff of
// the row strategy against the column strategy.
func payoffTable(types []Strategy, r Rules) ([][]float64, error) {
	n := len(types)
	pay := grid[float64](n, n)
	s := r.setup()
	g := r.Game.orDefault()
	ar := newArena()
	for i := range n {
		for j := i; j < n; j++ {
			o := ar.play(types[i].New(g), types[j].New(g), &s)
			pay[i][j], pay[j][i] = o.perTurn(0), o.perTurn(1)
			if pay[i][j] < 0 || pay[j][i] < 0 {
				return nil, errNegativeFitness
			}
		}
	}
	return pay, nil
}

var errNegativeFitness = errors.New("moran: a member's fitness is negative; fitness-proportionate birth needs payoffs of at least 0 (shift the game's payoffs)")

// runCounts runs the process on the number of members of each strategy,
// given the per-turn payoffs between strategies, and returns the strategy
// that took over and the number of births.
func runCounts(ar *arena, pay [][]float64, start []int) (winner, steps int) {
	counts := append([]int(nil), start...)
	n := 0
	for _, c := range counts {
		n += c
	}
	weight := make([]float64, len(counts)) // count times fitness
	for {
		for a, c := range counts {
			if c == n {
				return a, steps
			}
		}
		total := 0.0
		for a, c := range counts {
			f := -pay[a][a] // a member does not play itself
			for b, d := range counts {
				f += float64(d) * pay[a][b]
			}
			weight[a] = float64(c) * f
			if c == 0 {
				weight[a] = 0
			}
			total += weight[a]
		}
		var parent int
		if total > 0 {
			parent = pickWeight(ar, weight, total)
		} else {
			parent = pickCount(ar, counts, n)
		}
		dead := pickCount(ar, counts, n)
		counts[parent]++
		counts[dead]--
		steps++
	}
}

// pickCount picks a member uniformly and returns its strategy.
func pickCount(ar *arena, counts []int, n int) int {
	r := ar.rng.IntN(n)
	for a, c := range counts {
		if r < c {
			return a
		}
		r -= c
	}
	return len(counts) - 1
}

// pickWeight picks index a with probability w[a]/total.
func pickWeight(ar *arena, w []float64, total float64) int {
	r := ar.rng.Float64() * total
	last := 0
	for a, x := range w {
		if x <= 0 {
			continue
		}
		if r < x {
			return a
		}
		r -= x
		last = a
	}
	return last // r ran past the end by rounding
}

// runPlayed runs the process member by member, playing every match of
// every step.
func (m *Moran) runPlayed(ar *arena, s *setup, types []Strategy, start []int) (winner, steps int, err error) {
	pop := append([]int(nil), start...)
	n := len(pop)
	fitness := make([]float64, n)
	counts := make([]int, len(types))
	for _, t := range pop {
		counts[t]++
	}
	for {
		for a, c := range counts {
			if c == n {
				return a, steps, nil
			}
		}
		total, err := m.fitness(ar, s, types, pop, fitness)
		if err != nil {
			return 0, 0, err
		}
		var parent int
		if total > 0 {
			parent = pickWeight(ar, fitness, total)
		} else {
			parent = ar.rng.IntN(n)
		}
		dead := ar.rng.IntN(n)
		counts[pop[dead]]--
		counts[pop[parent]]++
		pop[dead] = pop[parent]
		steps++
	}
}

// fitness plays every pair of members once and sets each member's fitness
// to the sum of its per-turn scores; it returns the total.
func (m *Moran) fitness(ar *arena, s *setup, types []Strategy, pop []int, fitness []float64) (float64, error) {
	g := m.Game.orDefault()
	clear(fitness)
	for i := range pop {
		for j := i + 1; j < len(pop); j++ {
			o := ar.play(types[pop[i]].New(g), types[pop[j]].New(g), s)
			fitness[i] += o.perTurn(0)
			fitness[j] += o.perTurn(1)
		}
	}
	total := 0.0
	for _, f := range fitness {
		if f < 0 {
			return 0, errNegativeFitness
		}
		total += f
	}
	return total, nil
}

// FixationExact returns the exact probability that mutant takes over a
// population of n members under the process Moran runs, starting from i
// mutants and n-i residents. Both strategies must be deterministic and the
// rules must draw nothing, so that each pairing has one outcome; the
// probability then follows from the payoffs as FixationProbability gives
// it.
func FixationExact(mutant, resident Strategy, n, i int, r Rules) (float64, error) {
	if err := r.Validate(); err != nil {
		return 0, err
	}
	if mutant.Stochastic || resident.Stochastic || r.Random() {
		return 0, errors.New("moran: exact fixation needs deterministic strategies, no noise and a fixed length")
	}
	if n < 2 || i < 0 || i > n {
		return 0, fmt.Errorf("moran: %d mutants in a population of %d", i, n)
	}
	pay, err := payoffTable([]Strategy{mutant, resident}, r)
	if err != nil {
		return 0, err
	}
	return FixationProbability(pay[0][0], pay[0][1], pay[1][0], pay[1][1], n, i), nil
}

// FixationProbability returns the probability that mutants take over a
// population of n members from i of them, under birth proportional to
// fitness and uniform death among all n. The arguments are per-turn
// payoffs: mm of a mutant against a mutant, mr of a mutant against a
// resident, rm and rr likewise. With j mutants a mutant's fitness is
// f_M(j) = (j-1)mm + (n-j)mr, since it does not play itself, and a
// resident's is f_R(j) = j rm + (n-j-1)rr. The number of mutants goes up
// by one with probability proportional to j f_M(j) (n-j) and down by one
// with probability proportional to (n-j) f_R(j) j, so with
// g(j) = f_R(j)/f_M(j),
//
//	rho_i = (1 + sum_{k=1}^{i-1} prod_{j=1}^{k} g(j)) / (1 + sum_{k=1}^{n-1} prod_{j=1}^{k} g(j)),
//
// which for a single mutant is 1/(1 + sum_{k=1}^{n-1} prod_{j=1}^{k} g(j)).
// A state in which mutants cannot reproduce (f_M(j) = 0 < f_R(j)) is a
// barrier they never cross; when both fitnesses are 0 the parent is
// chosen uniformly and g(j) = 1.
func FixationProbability(mm, mr, rm, rr float64, n, i int) float64 {
	if i <= 0 {
		return 0
	}
	if i >= n {
		return 1
	}
	g := make([]float64, n) // g[j] for j in 1..n-1
	barrier := 0            // the highest j < i that mutants cannot leave upwards
	for j := 1; j < n; j++ {
		fm := float64(j-1)*mm + float64(n-j)*mr
		fr := float64(j)*rm + float64(n-j-1)*rr
		switch {
		case fm == 0 && fr == 0:
			g[j] = 1
		case fm == 0:
			if j >= i {
				return 0
			}
			g[j] = math.Inf(1)
			barrier = j
		default:
			g[j] = fr / fm
		}
	}
	// Above a barrier b the chain is the same with b in place of 0:
	// rho_i = sum_{k=b}^{i-1} prod_{j=b+1}^{k} g(j) / sum_{k=b}^{n-1} prod_{j=b+1}^{k} g(j).
	var num, den float64
	prod := 1.0
	for k := barrier; k < n; k++ {
		if k > barrier {
			prod *= g[k]
		}
		if k < i {
			num += prod
		}
		den += prod
	}
	return num / den
}
