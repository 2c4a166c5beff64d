package escalation

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// DefaultRepetitions is how often a tournament plays each pair when
// Repetitions is not set, as in the Axelrod library.
const DefaultRepetitions = 10

// Tournament is a round robin: every pair of players, each player against
// itself included, plays one match per repetition.
type Tournament struct {
	// Players take part in the order given; the same strategy may appear
	// more than once.
	Players []Strategy
	Rules
	// Repetitions is the number of times each pair plays; 0 means
	// DefaultRepetitions.
	Repetitions int
	// Seed seeds every random draw. Each match draws from its own stream,
	// so results do not depend on Workers.
	Seed uint64
	// Workers is the number of matches played at once; 0 means GOMAXPROCS.
	Workers int
}

// Results are a tournament's outcome. Scores, normalised scores and wins
// leave out self-play; the payoff matrix and cooperation counts include
// it.
type Results struct {
	// Names are the players' strategy names in the order they took part.
	Names       []string
	Repetitions int
	// Scores[i][r] is player i's total score in repetition r, summed over
	// its matches against the others.
	Scores [][]float64
	// NormalisedScores[i][r] is player i's mean score per turn against the
	// others in repetition r: the mean over opponents of its score per
	// turn, which for matches of equal length is the score divided by
	// turns*(players-1).
	NormalisedScores [][]float64
	// Wins[i][r] counts player i's matches in repetition r in which it
	// scored strictly more than its opponent.
	Wins [][]int
	// PayoffMatrix[i][j] is player i's mean payoff per turn against j,
	// averaged over repetitions. On the diagonal it is the mean of the two
	// sides of the self-play match.
	PayoffMatrix [][]float64
	// PayoffStdDevs[i][j] is the standard deviation over repetitions of the
	// per-turn payoff behind PayoffMatrix[i][j] (0 for deterministic play).
	PayoffStdDevs [][]float64
	// Cooperation[i][j] counts player i's cooperations against j over all
	// repetitions; self-play is counted once (half the two sides' total,
	// rounded down).
	Cooperation [][]int
	// InitialCooperation[i] counts player i's matches against the others,
	// over all repetitions, in which it cooperated in the first turn.
	InitialCooperation []int
	// Ranking lists player indexes by median normalised score, highest
	// first; ties keep the order in which players took part.
	Ranking []int
}

// Median returns player i's median normalised score over repetitions.
func (r *Results) Median(i int) float64 { return median(r.NormalisedScores[i]) }

// MedianScore returns player i's median score over repetitions.
func (r *Results) MedianScore(i int) float64 { return median(r.Scores[i]) }

// RankedNames returns the players' names in the order of Ranking.
func (r *Results) RankedNames() []string {
	names := make([]string, len(r.Ranking))
	for k, i := range r.Ranking {
		names[k] = r.Names[i]
	}
	return names
}

// TotalWins returns player i's wins over all repetitions.
func (r *Results) TotalWins(i int) int {
	n := 0
	for _, w := range r.Wins[i] {
		n += w
	}
	return n
}

// pair is one match of the schedule: players i and j in repetition rep.
type pair struct{ rep, i, j int }

// schedule lists every match in a fixed order; a match's stream is its
// index in this list.
func (t *Tournament) schedule(reps int) []pair {
	n := len(t.Players)
	ps := make([]pair, 0, reps*n*(n+1)/2)
	for rep := range reps {
		for i := range n {
			for j := i; j < n; j++ {
				ps = append(ps, pair{rep, i, j})
			}
		}
	}
	return ps
}

// Play plays the tournament. It stops early with ctx's error if ctx is
// cancelled.
func (t *Tournament) Play(ctx context.Context) (*Results, error) {
	if len(t.Players) < 2 {
		return nil, errors.New("a tournament needs at least two players")
	}
	if t.Repetitions < 0 {
		return nil, fmt.Errorf("repetitions %d: want at least 1", t.Repetitions)
	}
	if err := t.Rules.Validate(); err != nil {
		return nil, err
	}
	reps := t.Repetitions
	if reps == 0 {
		reps = DefaultRepetitions
	}
	ps := t.schedule(reps)
	out := make([]outcome, len(ps))
	s := t.Rules.setup()
	g := t.Game.orDefault()
	err := parallel(ctx, len(ps), t.Workers, func(ar *arena, k int) error {
		p := ps[k]
		ar.seed(t.Seed, uint64(k))
		out[k] = ar.play(t.Players[p.i].New(g), t.Players[p.j].New(g), &s)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t.collect(reps, ps, out), nil
}

// parallel calls do(ar, k) for k in [0, n) on up to workers goroutines,
// each with its own arena. It returns the first error do returns, or ctx's
// error if ctx is cancelled first.
func parallel(ctx context.Context, n, workers int, do func(ar *arena, k int) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, n))
	var next atomic.Int64
	var once sync.Once
	var first error
	fail := func(err error) { once.Do(func() { first = err }); next.Store(int64(n)) }
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			ar := newArena()
			for {
				k := int(next.Add(1) - 1)
				if k >= n {
					return
				}
				if k%64 == 0 && ctx.Err() != nil {
					fail(ctx.Err())
					return
				}
				if err := do(ar, k); err != nil {
					fail(err)
					return
				}
			}
		})
	}
	wg.Wait()
	return first
}

// collect turns the outcomes of the schedule into results.
func (t *Tournament) collect(reps int, ps []pair, out []outcome) *Results {
	n := len(t.Players)
	r := newResults(t.Players, reps)
	// payoffs[i][j][rep] is i's per-turn payoff against j; perTurn[i][rep]
	// collects i's per-turn payoffs against the others, and length[i][rep]
	// is the length all those matches share, or -1.
	payoffs := make([][][]float64, n)
	perTurn := make([][][]float64, n)
	for i := range n {
		payoffs[i], perTurn[i] = grid[float64](n, reps), make([][]float64, reps)
	}
	length := grid[int](n, reps)
	selfCoop := make([]int, n)
	for k, p := range ps {
		o := &out[k]
		if p.i == p.j {
			payoffs[p.i][p.i][p.rep] = (o.perTurn(0) + o.perTurn(1)) / 2
			selfCoop[p.i] += o.coop[0] + o.coop[1]
			continue
		}
		for side, me := range [2]int{p.i, p.j} {
			r.Scores[me][p.rep] += o.score[side]
			perTurn[me][p.rep] = append(perTurn[me][p.rep], o.perTurn(side))
			if l := &length[me][p.rep]; *l == 0 {
				*l = o.turns
			} else if *l != o.turns {
				*l = -1
			}
			if o.score[side] > o.score[1-side] {
				r.Wins[me][p.rep]++
			}
			r.InitialCooperation[me] += int(1 - o.first[side])
		}
		payoffs[p.i][p.j][p.rep], payoffs[p.j][p.i][p.rep] = o.perTurn(0), o.perTurn(1)
		r.Cooperation[p.i][p.j] += o.coop[0]
		r.Cooperation[p.j][p.i] += o.coop[1]
	}
	for i := range n {
		for rep, xs := range perTurn[i] {
			r.NormalisedScores[i][rep] = normalise(r.Scores[i][rep], length[i][rep], xs, n-1)
		}
		for j := range n {
			r.PayoffMatrix[i][j], r.PayoffStdDevs[i][j] = meanStd(payoffs[i][j])
		}
		r.Cooperation[i][i] = selfCoop[i] / 2
	}
	r.rank()
	return r
}

// newResults returns empty results for players over reps repetitions.
func newResults(players []Strategy, reps int) *Results {
	n := len(players)
	r := &Results{
		Repetitions:        reps,
		Scores:             grid[float64](n, reps),
		NormalisedScores:   grid[float64](n, reps),
		Wins:               grid[int](n, reps),
		PayoffMatrix:       grid[float64](n, n),
		PayoffStdDevs:      grid[float64](n, n),
		Cooperation:        grid[int](n, n),
		InitialCooperation: make([]int, n),
	}
	for _, p := range players {
		r.Names = append(r.Names, p.Name)
	}
	return r
}

// rank orders the players by median normalised score, keeping ties in
// order.
func (r *Results) rank() {
	n := len(r.Names)
	r.Ranking = make([]int, n)
	medians := make([]float64, n)
	for i := range n {
		r.Ranking[i], medians[i] = i, r.Median(i)
	}
	slices.SortStableFunc(r.Ranking, func(a, b int) int { return -cmpFloat(medians[a], medians[b]) })
}

func grid[T any](rows, cols int) [][]T {
	g := make([][]T, rows)
	cells := make([]T, rows*cols)
	for i := range g {
		g[i] = cells[i*cols : (i+1)*cols : (i+1)*cols]
	}
	return g
}

// normalise returns a player's mean per-turn score against its opponents.
// When its matches all lasted the same turns it is the total divided by
// turns*opponents, so that equal totals give exactly equal scores (and a
// tie in the ranking), and integer payoffs give the nearest float to the
// true mean. Otherwise the per-turn scores are added in increasing order,
// so that the same scores against different opponents give the same sum.
func normalise(total float64, turns int, perTurn []float64, opponents int) float64 {
	if turns > 0 {
		return total / float64(turns*opponents)
	}
	slices.Sort(perTurn)
	sum := 0.0
	for _, x := range perTurn {
		sum += x
	}
	return sum / float64(opponents)
}

// median returns the median of xs (the mean of the two middle values for
// an even count).
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return math.NaN()
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// meanStd returns the mean and population standard deviation of xs.
func meanStd(xs []float64) (mean, sd float64) {
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		sd += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(sd / float64(len(xs)))
}

// cmpFloat orders a NaN below every number.
func cmpFloat(a, b float64) int {
	switch {
	case a < b || (math.IsNaN(a) && !math.IsNaN(b)):
		return -1
	case a > b || (math.IsNaN(b) && !math.IsNaN(a)):
		return 1
	}
	return 0
}
