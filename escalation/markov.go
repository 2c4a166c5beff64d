package escalation

import (
	"errors"
	"math"
)

// A pair of memory-one players makes a Markov chain on the four outcomes
// of a turn (CC, CD, DC, DD, the first player's move first). Each player
// cooperates with the probability its vector gives for the last outcome
// seen from its side, and noise then flips each action with probability
// noise, so a player meaning to cooperate with probability p cooperates
// with probability p(1-noise) + (1-p)noise.

// chain is the transition matrix of a pair and its first-turn
// distribution.
type chain struct {
	step  [4][4]float64
	first [4]float64
}

func newChain(a, b *MemoryOne, noise float64) (*chain, error) {
	if !(noise >= 0 && noise <= 1) {
		return nil, errors.New("noise must be between 0 and 1")
	}
	flip := func(p float64) float64 { return p*(1-noise) + (1-p)*noise }
	c := new(chain)
	c.first = joint(flip(a.Start), flip(b.Start))
	for x := range 2 {
		for y := range 2 {
			s := state(Action(x), Action(y))
			c.step[s] = joint(flip(a.P[s]), flip(b.P[state(Action(y), Action(x))]))
		}
	}
	return c, nil
}

// joint returns the distribution of outcomes when the two sides cooperate
// independently with probabilities p and q.
func joint(p, q float64) [4]float64 {
	return [4]float64{p * q, p * (1 - q), (1 - p) * q, (1 - p) * (1 - q)}
}

// payoffs returns both sides' expected payoff under distribution d.
func payoffs(d [4]float64, g Game) (float64, float64) {
	t := g.orDefault().table()
	var u, v float64
	for x := range 2 {
		for y := range 2 {
			s := state(Action(x), Action(y))
			u += d[s] * t[s]
			v += d[s] * t[state(Action(y), Action(x))]
		}
	}
	return u, v
}

// Expected returns the two memory-one players' expected mean payoff per
// turn over a match of the given number of turns, exactly, by carrying the
// distribution of outcomes forward turn by turn.
func Expected(a, b *MemoryOne, g Game, noise float64, turns int) (float64, float64, error) {
	c, err := newChain(a, b, noise)
	if err != nil {
		return 0, 0, err
	}
	if turns < 1 {
		return 0, 0, errors.New("turns must be at least 1")
	}
	var avg [4]float64
	d := c.first
	for range turns {
		for s := range d {
			avg[s] += d[s] / float64(turns)
		}
		d = c.next(d)
	}
	u, v := payoffs(avg, g)
	return u, v, nil
}

// next returns the distribution a turn after d.
func (c *chain) next(d [4]float64) [4]float64 {
	var e [4]float64
	for s, p := range d {
		for t := range e {
			e[t] += p * c.step[s][t]
		}
	}
	return e
}

// LongRun returns the two memory-one players' mean payoff per turn in the
// long run: the limit, as the match grows, of Expected. It is exact, from
// the stationary distribution of the chain. With noise strictly between 0
// and 1 the chain has a single stationary distribution; without noise it
// may have several (tit-for-tat against itself stays in CC, in DD or
// alternates CD and DC), and the one reached from the players' first turn
// is used, mixed by the probability of reaching each.
func LongRun(a, b *MemoryOne, g Game, noise float64) (float64, float64, error) {
	c, err := newChain(a, b, noise)
	if err != nil {
		return 0, 0, err
	}
	u, v := payoffs(c.limit(), g)
	return u, v, nil
}

// Stationary returns the long-run share of turns spent in each outcome
// (CC, CD, DC, DD) by two memory-one players, as LongRun uses it.
func Stationary(a, b *MemoryOne, noise float64) ([4]float64, error) {
	c, err := newChain(a, b, noise)
	if err != nil {
		return [4]float64{}, err
	}
	return c.limit(), nil
}

// limit returns the long-run distribution from the first turn: each closed
// class of the chain contributes its own stationary distribution, weighted
// by the probability of ending in it.
func (c *chain) limit() [4]float64 {
	reach := c.reachability()
	var closed [][]int
	var inClass [4]bool
	for s := range 4 {
		if inClass[s] || !c.recurrent(reach, s) {
			continue
		}
		var class []int
		for t := range 4 {
			if reach[s][t] {
				class = append(class, t)
				inClass[t] = true
			}
		}
		closed = append(closed, class)
	}
	var transient []int
	for s := range 4 {
		if !inClass[s] {
			transient = append(transient, s)
		}
	}
	var out [4]float64
	for _, class := range closed {
		w := c.absorption(class, transient)
		pi := c.stationary(class)
		for k, s := range class {
			out[s] += w * pi[k]
		}
	}
	return out
}

// reachability returns which states can be reached from which, in zero or
// more turns.
func (c *chain) reachability() [4][4]bool {
	var r [4][4]bool
	for s := range 4 {
		r[s][s] = true
		for t := range 4 {
			if c.step[s][t] > 0 {
				r[s][t] = true
			}
		}
	}
	for k := range 4 {
		for s := range 4 {
			for t := range 4 {
				r[s][t] = r[s][t] || (r[s][k] && r[k][t])
			}
		}
	}
	return r
}

// recurrent reports whether every state reachable from s leads back to s.
func (c *chain) recurrent(reach [4][4]bool, s int) bool {
	for t := range 4 {
		if reach[s][t] && !reach[t][s] {
			return false
		}
	}
	return true
}

// stationary solves pi = pi P on a closed class, with pi summing to 1.
func (c *chain) stationary(class []int) []float64 {
	n := len(class)
	// Rows are the equations sum_s pi_s (P[s][t] - [s==t]) = 0 for each t
	// but the last, which is replaced by sum_s pi_s = 1.
	a := make([][]float64, n)
	b := make([]float64, n)
	for k, t := range class {
		a[k] = make([]float64, n)
		for l, s := range class {
			a[k][l] = c.step[s][t]
			if s == t {
				a[k][l]--
			}
		}
	}
	for l := range n {
		a[n-1][l] = 1
	}
	b[n-1] = 1
	return solve(a, b)
}

// absorption returns the probability that play starting from the first
// turn ends in class.
func (c *chain) absorption(class, transient []int) float64 {
	in := func(s int) bool {
		for _, t := range class {
			if s == t {
				return true
			}
		}
		return false
	}
	w := 0.0
	for _, s := range class {
		w += c.first[s]
	}
	if len(transient) == 0 {
		return w
	}
	// h_s, the probability of ending in class from transient s, solves
	// h_s = sum_t P[s][t] h_t + sum_{t in class} P[s][t].
	n := len(transient)
	a := make([][]float64, n)
	b := make([]float64, n)
	for k, s := range transient {
		a[k] = make([]float64, n)
		for l, t := range transient {
			a[k][l] = -c.step[s][t]
		}
		a[k][k]++
		for t := range 4 {
			if in(t) {
				b[k] += c.step[s][t]
			}
		}
	}
	h := solve(a, b)
	for k, s := range transient {
		w += c.first[s] * h[k]
	}
	return w
}

// solve solves a x = b by Gaussian elimination with partial pivoting; a is
// small and non-singular here by construction.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	for col := range n {
		p := col
		for r := col + 1; r < n; r++ {
			if math.Abs(a[r][col]) > math.Abs(a[p][col]) {
				p = r
			}
		}
		a[col], a[p] = a[p], a[col]
		b[col], b[p] = b[p], b[col]
		for r := col + 1; r < n; r++ {
			f := a[r][col] / a[col][col]
			for k := col; k < n; k++ {
				a[r][k] -= f * a[col][k]
			}
			b[r] -= f * b[col]
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		sum := b[r]
		for k := r + 1; k < n; k++ {
			sum -= a[r][k] * x[k]
		}
		x[r] = sum / a[r][r]
	}
	return x
}
