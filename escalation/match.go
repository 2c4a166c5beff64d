package escalation

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// DefaultTurns is the length of a match when neither Turns nor ProbEnd is
// set, as in the Axelrod library.
const DefaultTurns = 200

// MaxTurns bounds the length of any match, including those whose length
// is drawn.
const MaxTurns = 10_000_000

// Rules are the conditions every match of a simulation is played under.
type Rules struct {
	// Game scores each turn; the zero Game means DefaultGame.
	Game Game
	// Turns is the length of a match. With ProbEnd set it is the most a
	// match may last (0 for no bound but MaxTurns); without, 0 means
	// DefaultTurns.
	Turns int
	// ProbEnd, if positive, is the probability that the match ends after
	// any turn: the length n is drawn once per match as
	// ceil(ln(1-x)/ln(1-ProbEnd)) for x uniform in [0, 1), at least 1.
	ProbEnd float64
	// Noise is the probability that each chosen action is flipped.
	Noise float64
}

// Validate reports rules that cannot be played.
func (r Rules) Validate() error {
	switch {
	case r.Turns < 0 || r.Turns > MaxTurns:
		return fmt.Errorf("turns %d: want 0 to %d", r.Turns, MaxTurns)
	case !(r.ProbEnd >= 0 && r.ProbEnd <= 1):
		return fmt.Errorf("probability of ending %g: want 0 to 1", r.ProbEnd)
	case !(r.Noise >= 0 && r.Noise <= 1):
		return fmt.Errorf("noise %g: want 0 to 1", r.Noise)
	}
	for _, v := range []float64{r.Game.R, r.Game.S, r.Game.T, r.Game.P} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return errors.New("game payoffs must be finite")
		}
	}
	return nil
}

// Random reports whether matches under r can differ between two plays of
// the same deterministic strategies.
func (r Rules) Random() bool { return r.Noise > 0 || r.ProbEnd > 0 }

// setup is Rules made ready for the inner loop.
type setup struct {
	pay     [4]float64 // the row player's payoff by state
	turns   int        // fixed length, or the bound with probEnd
	probEnd float64
	logKeep float64 // ln(1-probEnd)
	noise   float64
}

func (r Rules) setup() setup {
	s := setup{pay: r.Game.orDefault().table(), turns: r.Turns, probEnd: r.ProbEnd, noise: r.Noise}
	switch {
	case r.ProbEnd > 0 && r.Turns == 0:
		s.turns = MaxTurns
	case r.Turns == 0:
		s.turns = DefaultTurns
	}
	if r.ProbEnd > 0 && r.ProbEnd < 1 {
		s.logKeep = math.Log1p(-r.ProbEnd)
	}
	return s
}

// length returns the number of turns of the next match.
func (s *setup) length(rng *rand.Rand) int {
	if s.probEnd <= 0 {
		return s.turns
	}
	if s.probEnd >= 1 {
		return 1
	}
	x := rng.Float64()
	n := math.Ceil(math.Log1p(-x) / s.logKeep)
	if n >= float64(s.turns) {
		return s.turns
	}
	return max(1, int(n))
}

// outcome is what a tournament or Moran process keeps of a match.
type outcome struct {
	turns int
	score [2]float64
	coop  [2]int
	first [2]Action
}

// perTurn returns the mean payoff per turn of side i.
func (o *outcome) perTurn(i int) float64 { return o.score[i] / float64(o.turns) }

// arena plays matches one after another without allocating per turn: the
// histories live in buffers that grow to the longest match seen, and the
// generator is reseeded for each match.
type arena struct {
	pcg      rand.PCG
	rng      *rand.Rand
	own, oth []Action
}

func newArena() *arena {
	a := new(arena)
	a.rng = rand.New(&a.pcg)
	return a
}

// seed starts the generator on the stream of match or run number stream.
// Both halves of the generator's state depend on both numbers, so that no
// two streams share a half.
func (a *arena) seed(seed, stream uint64) {
	a.pcg.Seed(mix(seed^mix(stream)), mix(stream^mix(seed+1)))
}

// mix scrambles a seed (the splitmix64 finaliser), so that neighbouring
// seeds and stream numbers start far-apart generator states.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// play plays one match between p and q with the generator as seeded and
// leaves the histories in a.own[:turns] and a.oth[:turns].
func (a *arena) play(p, q Player, s *setup) outcome {
	n := s.length(a.rng)
	if cap(a.own) < n {
		a.own, a.oth = make([]Action, n), make([]Action, n)
	}
	own, oth := a.own[:n], a.oth[:n]
	o := outcome{turns: n}
	for t := range n {
		x := p.Move(own[:t], oth[:t], a.rng)
		y := q.Move(oth[:t], own[:t], a.rng)
		if s.noise > 0 {
			if a.rng.Float64() < s.noise {
				x ^= 1
			}
			if a.rng.Float64() < s.noise {
				y ^= 1
			}
		}
		own[t], oth[t] = x, y
		o.score[0] += s.pay[state(x, y)]
		o.score[1] += s.pay[state(y, x)]
		o.coop[0] += int(1 - x)
		o.coop[1] += int(1 - y)
	}
	o.first = [2]Action{own[0], oth[0]}
	return o
}

// MatchResult is the record of one match.
type MatchResult struct {
	// Names are the two strategies, in the order they were given.
	Names [2]string
	// Moves holds what each side played in each turn, noise included.
	Moves [2][]Action
	// Scores are the two totals.
	Scores [2]float64
	// Cooperations counts each side's cooperations.
	Cooperations [2]int
}

// Turns returns the length of the match.
func (m *MatchResult) Turns() int { return len(m.Moves[0]) }

// PerTurn returns each side's mean payoff per turn.
func (m *MatchResult) PerTurn() [2]float64 {
	n := float64(m.Turns())
	return [2]float64{m.Scores[0] / n, m.Scores[1] / n}
}

// Winner returns 0 or 1 for the side with the higher total, or -1 for a
// tie.
func (m *MatchResult) Winner() int {
	switch {
	case m.Scores[0] > m.Scores[1]:
		return 0
	case m.Scores[1] > m.Scores[0]:
		return 1
	}
	return -1
}

// Play plays one match between a and b under r, drawing from a generator
// seeded with seed.
func Play(a, b Strategy, r Rules, seed uint64) (*MatchResult, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	s := r.setup()
	ar := newArena()
	ar.seed(seed, 0)
	g := r.Game.orDefault()
	o := ar.play(a.New(g), b.New(g), &s)
	return &MatchResult{
		Names:        [2]string{a.Name, b.Name},
		Moves:        [2][]Action{ar.own[:o.turns:o.turns], ar.oth[:o.turns:o.turns]},
		Scores:       o.score,
		Cooperations: o.coop,
	}, nil
}
