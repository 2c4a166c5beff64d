package escalation

import (
	"errors"
	"fmt"
	"math/rand/v2"
)

// Ecosystem is Axelrod's ecological variant of a tournament: the discrete
// replicator dynamics on its payoff matrix. At each step every strategy's
// payoff is the sum over all strategies (itself included) of its per-turn
// payoff against them weighted by their share, and its share is multiplied
// by that payoff and renormalised.
type Ecosystem struct {
	// Results supply the payoff matrix and its spread over repetitions.
	Results *Results
	// Population holds the starting sizes of the strategies, scaled to sum
	// to 1; nil starts every strategy with an equal share.
	Population []float64
	// Seed seeds the draws made when payoffs vary between repetitions:
	// each payoff is then drawn at every step from a normal distribution
	// with the mean and standard deviation of its repetitions. Payoffs
	// that do not vary are used as they are, so deterministic tournaments
	// give deterministic ecosystems.
	Seed uint64
}

// Reproduce runs the dynamics for steps steps and returns the shares at
// every step, from the start (index 0) to the last (index steps).
func (e *Ecosystem) Reproduce(steps int) ([][]float64, error) {
	if e.Results == nil {
		return nil, errors.New("ecosystem: no tournament results")
	}
	n := len(e.Results.Names)
	pops, err := e.start(n)
	if err != nil {
		return nil, err
	}
	if steps < 0 {
		return nil, fmt.Errorf("ecosystem: steps %d: want at least 0", steps)
	}
	rng := rand.New(rand.NewPCG(mix(e.Seed), mix(1)))
	shares := make([][]float64, 1, steps+1)
	shares[0] = pops
	for range steps {
		last := shares[len(shares)-1]
		next := make([]float64, n)
		total := 0.0
		for i := range n {
			payoff := 0.0
			for j := range n {
				payoff += e.payoff(rng, i, j) * last[j]
			}
			if payoff < 0 {
				return nil, fmt.Errorf("ecosystem: %s has a negative payoff; the replicator needs payoffs of at least 0", e.Results.Names[i])
			}
			next[i] = last[i] * payoff
			total += next[i]
		}
		if total <= 0 {
			return nil, errors.New("ecosystem: every payoff is 0")
		}
		for i := range next {
			next[i] /= total
		}
		shares = append(shares, next)
	}
	return shares, nil
}

// start returns the starting shares.
func (e *Ecosystem) start(n int) ([]float64, error) {
	pops := make([]float64, n)
	if e.Population == nil {
		for i := range pops {
			pops[i] = 1 / float64(n)
		}
		return pops, nil
	}
	if len(e.Population) != n {
		return nil, fmt.Errorf("ecosystem: %d starting sizes for %d strategies", len(e.Population), n)
	}
	total := 0.0
	for _, p := range e.Population {
		if p < 0 {
			return nil, errors.New("ecosystem: starting sizes must not be negative")
		}
		total += p
	}
	if total <= 0 {
		return nil, errors.New("ecosystem: starting sizes sum to 0")
	}
	for i, p := range e.Population {
		pops[i] = p / total
	}
	return pops, nil
}

// payoff returns i's payoff against j for one step.
func (e *Ecosystem) payoff(rng *rand.Rand, i, j int) float64 {
	mean := e.Results.PayoffMatrix[i][j]
	if sd := e.Results.PayoffStdDevs[i][j]; sd > 0 {
		return mean + sd*rng.NormFloat64()
	}
	return mean
}
