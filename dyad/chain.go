package dyad

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"redline/escalation"
)

// Blur returns the rule a memory-one player follows in effect when it
// misreads the other side's last move with probability noise: after own
// move a and the other's move b it cooperates with probability
//
//	(1 − noise)·p(a, b) + noise·p(a, not b).
//
// Its own move it knows. Compare the trembling hand of escalation.Rules,
// under which a player meaning to cooperate with probability p cooperates
// with probability (1 − noise)·p + noise·(1 − p): misperception changes
// what a side answers, the trembling hand what it does.
func Blur(p [4]float64, noise float64) [4]float64 {
	var out [4]float64
	for s := range 4 {
		out[s] = (1-noise)*p[s] + noise*p[s^1] // s^1 flips the other's move
	}
	return out
}

// chain is the Markov chain of the pair of moves actually made when both
// sides follow memory-one rules and each misreads the other's last move
// with probability noise: c[s][u] is the probability of state u in the
// period after state s. Misreadings are drawn afresh in every period, so
// the true state alone carries the chain forward.
type chain [4][4]float64

func newChain(a, b *escalation.MemoryOne, noise float64) *chain {
	pa, pb := Blur(a.P, noise), Blur(b.P, noise)
	c := new(chain)
	for _, s := range States {
		x, y := pa[s], pb[s.Swap()]
		c[s] = [4]float64{x * y, x * (1 - y), (1 - x) * y, (1 - x) * (1 - y)}
	}
	return c
}

// states returns the distribution of the state in each of the h periods
// after a period in state s0.
func (c *chain) states(s0 State, h int) [][4]float64 {
	out := make([][4]float64, h)
	d := [4]float64{}
	d[s0] = 1
	for t := range h {
		var e [4]float64
		for s, p := range d {
			for u := range e {
				e[u] += p * c[s][u]
			}
		}
		out[t], d = e, e
	}
	return out
}

// edge is a transition of a runChain; to is absorbed for the end of the
// run.
type edge struct {
	to int
	p  float64
}

const absorbed = -1

// runChain follows the chain until its first run of k periods in a row
// in state target. Its states are 0 to 3 for each state of the chain with
// no run under way (target with a run of 0 only before the first
// period), then 3+j for target with a run of j periods, j from 1 to k−1.
// A run reaching k periods is absorbed.
type runChain struct {
	next [][]edge
}

func (c *chain) runs(target State, k int) *runChain {
	r := &runChain{next: make([][]edge, 4+k-1)}
	for from := range r.next {
		s, j := State(min(from, 3)), 0
		if from > 3 {
			s, j = target, from-3
		}
		for _, u := range States {
			p := c[s][u]
			if p == 0 {
				continue
			}
			to := int(u)
			if u == target {
				switch run := j + 1; {
				case run >= k:
					to = absorbed
				default:
					to = 3 + run
				}
			}
			r.next[from] = append(r.next[from], edge{to, p})
		}
	}
	return r
}

// byPeriod returns, for t from 1 to h, the probability that the run has
// happened by period t, starting from state start.
func (r *runChain) byPeriod(start State, h int) []float64 {
	out := make([]float64, h)
	d := make([]float64, len(r.next))
	d[start] = 1
	done := 0.0
	for t := range h {
		e := make([]float64, len(d))
		for from, p := range d {
			if p == 0 {
				continue
			}
			for _, x := range r.next[from] {
				if x.to == absorbed {
					done += p * x.p
				} else {
					e[x.to] += p * x.p
				}
			}
		}
		out[t], d = min(1, done), e
	}
	return out
}

// ever returns the probability that the run ever happens from start and
// the mean period at which it first does, given that it does (NaN when
// it never can). Over the states that can reach the run, the probability
// h solves h = Q·h + b and g = E[T; the run happens] solves g = Q·g + h,
// where Q holds the transitions among those states and b the one-step
// probabilities of completing the run.
func (r *runChain) ever(start State) (p, mean float64) {
	reach := r.canReach()
	var idx []int
	pos := make([]int, len(r.next))
	for i := range r.next {
		pos[i] = -1
		if reach[i] {
			pos[i] = len(idx)
			idx = append(idx, i)
		}
	}
	if !reach[start] {
		return 0, math.NaN()
	}
	n := len(idx)
	a := mat.NewDense(n, n, nil)
	b := mat.NewVecDense(n, nil)
	for k, from := range idx {
		a.Set(k, k, 1)
		for _, x := range r.next[from] {
			switch {
			case x.to == absorbed:
				b.SetVec(k, b.AtVec(k)+x.p)
			case pos[x.to] >= 0:
				a.Set(k, pos[x.to], a.At(k, pos[x.to])-x.p)
			}
		}
	}
	var h, g mat.VecDense
	if err := h.SolveVec(a, b); err != nil {
		return math.NaN(), math.NaN()
	}
	if err := g.SolveVec(a, &h); err != nil {
		return math.NaN(), math.NaN()
	}
	i := pos[start]
	return min(1, h.AtVec(i)), g.AtVec(i) / h.AtVec(i)
}

// canReach returns which states can lead to the end of the run.
func (r *runChain) canReach() []bool {
	reach := make([]bool, len(r.next))
	for changed := true; changed; {
		changed = false
		for from, es := range r.next {
			if reach[from] {
				continue
			}
			for _, x := range es {
				if x.to == absorbed || reach[x.to] {
					reach[from], changed = true, true
					break
				}
			}
		}
	}
	return reach
}
