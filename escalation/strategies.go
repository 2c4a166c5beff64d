package escalation

import (
	"math"
	"math/rand/v2"
)

// MemoryOne is a player whose move depends only on the turn before: Start
// is its probability of cooperating in the first turn and P[s] its
// probability of cooperating after outcome s, in the order CC, CD, DC, DD
// with its own move first. Tit-for-tat is {1, [1 0 1 0]}. A probability of
// 0 or 1 draws no random number.
type MemoryOne struct {
	Start float64
	P     [4]float64
}

// Move implements Player.
func (m *MemoryOne) Move(own, other []Action, rng *rand.Rand) Action {
	p := m.Start
	if n := len(own); n > 0 {
		p = m.P[state(own[n-1], other[n-1])]
	}
	return choose(p, rng)
}

// stochastic reports whether m draws random numbers.
func (m *MemoryOne) stochastic() bool {
	if m.Start > 0 && m.Start < 1 {
		return true
	}
	for _, p := range m.P {
		if p > 0 && p < 1 {
			return true
		}
	}
	return false
}

// choose cooperates with probability p.
func choose(p float64, rng *rand.Rand) Action {
	switch {
	case p >= 1:
		return Cooperate
	case p <= 0:
		return Defect
	case rng.Float64() < p:
		return Cooperate
	}
	return Defect
}

// memoryOneStrategy makes a registry entry for a memory-one strategy.
func memoryOneStrategy(name, desc string, vector func(Game) MemoryOne) Strategy {
	m := vector(DefaultGame)
	return Strategy{
		Name:        name,
		Description: desc,
		Stochastic:  m.stochastic(),
		New:         func(g Game) Player { m := vector(g); return &m },
	}
}

// AsMemoryOne returns the memory-one form of s in game g, if its players
// are memory-one.
func AsMemoryOne(s Strategy, g Game) (*MemoryOne, bool) {
	m, ok := s.New(g.orDefault()).(*MemoryOne)
	return m, ok
}

// Generosity returns the probability with which generous tit-for-tat
// forgives a defection in game g: min(1-(T-R)/(R-S), (R-P)/(T-P)), kept
// within [0, 1] (0 when the formula is undefined). It is 1/3 in the
// default game and 0 in Chicken.
func Generosity(g Game) float64 {
	g = g.orDefault()
	p := min(1-(g.T-g.R)/(g.R-g.S), (g.R-g.P)/(g.T-g.P))
	if math.IsNaN(p) { // a degenerate game with R = S or T = P
		return 0
	}
	return max(0, min(1, p))
}

func generousTitForTat(g Game) MemoryOne {
	p := Generosity(g)
	return MemoryOne{Start: 1, P: [4]float64{1, p, 1, p}}
}

// titForTwoTats defects only after two defections in a row.
type titForTwoTats struct{}

func (titForTwoTats) Move(_, other []Action, _ *rand.Rand) Action {
	if n := len(other); n >= 2 && other[n-1] == Defect && other[n-2] == Defect {
		return Defect
	}
	return Cooperate
}

// hardTitForTat defects if the other defected in any of the last three
// turns.
type hardTitForTat struct{}

func (hardTitForTat) Move(_, other []Action, _ *rand.Rand) Action {
	for _, a := range other[max(0, len(other)-3):] {
		if a == Defect {
			return Defect
		}
	}
	return Cooperate
}

// grudger defects for ever once the other has defected.
type grudger struct{ wronged bool }

func (p *grudger) Move(_, other []Action, _ *rand.Rand) Action {
	if n := len(other); n > 0 && other[n-1] == Defect {
		p.wronged = true
	}
	if p.wronged {
		return Defect
	}
	return Cooperate
}

// gradual is the Gradual of the Axelrod library since 2018 (the version
// of the CRISTAL-SMAC tournament): when the other defects outside a
// punishment, it defects as many times as the other has defected in the
// whole match, then cooperates twice. Defections during a punishment or
// the calm that follows count towards the next punishment but do not start
// one.
type gradual struct {
	defections int // the other's defections so far
	punish     int // defections still to play after the current one
	calm       int // cooperations still to play after the punishment
}

func (p *gradual) Move(_, other []Action, _ *rand.Rand) Action {
	n := len(other)
	if n == 0 {
		return Cooperate
	}
	last := other[n-1]
	if last == Defect {
		p.defections++
	}
	switch {
	case p.punish > 0:
		p.punish--
		return Defect
	case p.calm > 0:
		p.calm--
		return Cooperate
	case last == Defect:
		p.punish, p.calm = p.defections-1, 2
		return Defect
	}
	return Cooperate
}

// originalGradual is Gradual as Beaufils, Delahaye and Mathieu described
// it in 1997 and the library keeps as OriginalGradual: the k-th
// punishment (started by a defection outside a punishment or calm) is k
// defections followed by two cooperations, whatever the other does
// meanwhile.
type originalGradual struct {
	calming, punishing bool
	count, limit       int
}

func (p *originalGradual) Move(_, other []Action, _ *rand.Rand) Action {
	if p.calming {
		p.calming = false
		return Cooperate
	}
	if p.punishing {
		if p.count < p.limit {
			p.count++
			return Defect
		}
		p.calming, p.punishing, p.count = true, false, 0
		return Cooperate
	}
	if n := len(other); n > 0 && other[n-1] == Defect {
		p.punishing = true
		p.count++
		p.limit++
		return Defect
	}
	return Cooperate
}

// goByMajority cooperates while the other's cooperations are at least its
// defections (the library's "Soft Go By Majority", with a memory of the
// whole match).
type goByMajority struct{ balance int } // cooperations minus defections

func (p *goByMajority) Move(_, other []Action, _ *rand.Rand) Action {
	if n := len(other); n > 0 {
		if other[n-1] == Defect {
			p.balance--
		} else {
			p.balance++
		}
	}
	if p.balance >= 0 {
		return Cooperate
	}
	return Defect
}

// prober opens D, C, C; it exploits an opponent that cooperated in turns
// 2 and 3 by defecting for ever, and plays tit-for-tat with any other.
type prober struct{}

func (prober) Move(_, other []Action, _ *rand.Rand) Action {
	n := len(other)
	switch {
	case n == 0:
		return Defect
	case n < 3:
		return Cooperate
	case other[1] == Cooperate && other[2] == Cooperate:
		return Defect
	}
	return other[n-1]
}

// cycler repeats a fixed sequence of moves.
type cycler []Action

func (c cycler) Move(own, _ []Action, _ *rand.Rand) Action {
	return c[len(own)%len(c)]
}

func cyclerStrategy(name string, pattern ...Action) Strategy {
	var seq []byte
	for _, a := range pattern {
		seq = append(seq, a.String()...)
	}
	return Strategy{
		Name:        name,
		Description: "repeats " + string(seq) + " whatever the other does",
		New:         func(Game) Player { return cycler(pattern) },
	}
}
