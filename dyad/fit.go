package dyad

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"redline/escalation"
)

// The prior of every probability a Rule estimates is Beta(PriorA, PriorB):
// uniform, so that a previous state never seen gives 1/2 and an interval
// over the whole of [0, 1], and a few transitions move the estimate only
// part of the way.
const (
	PriorA = 1.0
	PriorB = 1.0
)

// Credible is the probability mass of the interval a Rule gives for each
// probability: equal-tailed, from the 2.5% to the 97.5% quantile of the
// posterior.
const Credible = 0.95

// Rule is one side's memory-one response rule fitted to the record: its
// probability of cooperating in a period given the pair of moves of the
// period before, seen from its side (its own move first, in the order CC,
// CD, DC, DD). Count[s] is the number of periods that followed state s
// and Coop[s] the number of them in which the side cooperated. Each
// probability has posterior Beta(PriorA + Coop, PriorB + Count − Coop);
// Mean is its mean, Low and High bound the central Credible interval.
type Rule struct {
	Side  string     `json:"side"`
	Other string     `json:"other"`
	Count [4]int     `json:"count"`
	Coop  [4]int     `json:"coop"`
	Mean  [4]float64 `json:"p"`
	Low   [4]float64 `json:"low"`
	High  [4]float64 `json:"high"`
	// Acts counts the periods fitted in which the side acted, rather than
	// having its move read from a quiet period.
	Acts int `json:"acts"`
}

// Fit estimates each side's rule from the record's transitions: every
// period but the first, against the state of the period before. Rules[0]
// is A's and Rules[1] B's.
func Fit(m *Moves) [2]Rule {
	var rules [2]Rule
	for i := range 2 {
		r := &rules[i]
		r.Side, r.Other, r.Acts = m.Sides[i], m.Sides[1-i], m.Acts(i)
		for t := 1; t < m.Len(); t++ {
			prev := m.State(t - 1)
			if i == 1 {
				prev = prev.Swap()
			}
			r.Count[prev]++
			if m.Moves[i][t] == escalation.Cooperate {
				r.Coop[prev]++
			}
		}
		r.estimate()
	}
	return rules
}

// NewRule returns the rule fitted to the given counts, for callers that
// tally transitions themselves.
func NewRule(side, other string, count, coop [4]int) (Rule, error) {
	for s := range 4 {
		if count[s] < 0 || coop[s] < 0 || coop[s] > count[s] {
			return Rule{}, fmt.Errorf("state %s: %d cooperations in %d periods", State(s), coop[s], count[s])
		}
	}
	r := Rule{Side: side, Other: other, Count: count, Coop: coop}
	r.estimate()
	return r, nil
}

// estimate fills in the posterior mean and interval of each probability.
func (r *Rule) estimate() {
	tail := (1 - Credible) / 2
	for s := range 4 {
		post := distuv.Beta{Alpha: PriorA + float64(r.Coop[s]), Beta: PriorB + float64(r.Count[s]-r.Coop[s])}
		r.Mean[s] = post.Mean()
		r.Low[s], r.High[s] = post.Quantile(tail), post.Quantile(1-tail)
	}
}

// Transitions returns the number of periods the rule was fitted on.
func (r *Rule) Transitions() int { return r.Count[0] + r.Count[1] + r.Count[2] + r.Count[3] }

// MemoryOne returns the rule as a memory-one player's vector, at the
// posterior means. Its Start is unused: a projection starts from the
// last observed period.
func (r *Rule) MemoryOne() *escalation.MemoryOne {
	return &escalation.MemoryOne{Start: r.Mean[CC], P: r.Mean}
}

// Strategy returns the rule as a strategy named name.
func (r *Rule) Strategy(name string) escalation.Strategy {
	m := *r.MemoryOne()
	return escalation.Strategy{
		Name:        name,
		Description: fmt.Sprintf("%s's rule fitted to the record: cooperates with probability %.3f, %.3f, %.3f, %.3f after CC, CD, DC, DD", r.Side, m.P[0], m.P[1], m.P[2], m.P[3]),
		Stochastic:  true,
		New:         func(escalation.Game) escalation.Player { p := m; return &p },
	}
}

// Likeness says how well a named memory-one rule accounts for the moves a
// Rule was fitted to. Brier is the mean squared difference between the
// named rule's probability of cooperating and what the side did (1 for
// cooperation, 0 for defection), over the fitted periods: 0 is perfect,
// and a deterministic rule's Brier is the share of moves it gets wrong.
// Agreement is the share of moves equal to the one the named rule makes
// more likely, half a move counting where it is even.
type Likeness struct {
	Strategy  string     `json:"strategy"`
	P         [4]float64 `json:"p"`
	Brier     float64    `json:"brier"`
	Agreement float64    `json:"agreement"`
}

// Compare scores the reference rules (References) against the periods r
// was fitted on, in order, and the rule itself first, under its side's
// name. It returns nothing for a rule fitted on no periods.
func (r *Rule) Compare() (self Likeness, refs []Likeness) {
	if r.Transitions() == 0 {
		return Likeness{}, nil
	}
	self = r.likeness("fitted", r.Mean)
	for _, ref := range References() {
		m, _ := escalation.AsMemoryOne(ref, escalation.DefaultGame)
		refs = append(refs, r.likeness(ref.Name, m.P))
	}
	return self, refs
}

// Nearest returns the reference rules with the lowest Brier score: one,
// or several when the record cannot tell them apart (a record that only
// ever shows CC fits every rule that cooperates after CC).
func Nearest(refs []Likeness) []Likeness {
	var best []Likeness
	for _, l := range refs {
		switch {
		case len(best) == 0 || l.Brier < best[0].Brier-1e-12:
			best = []Likeness{l}
		case l.Brier <= best[0].Brier+1e-12:
			best = append(best, l)
		}
	}
	return best
}

func (r *Rule) likeness(name string, p [4]float64) Likeness {
	l := Likeness{Strategy: name, P: p}
	n := float64(r.Transitions())
	for s := range 4 {
		c, d := float64(r.Coop[s]), float64(r.Count[s]-r.Coop[s])
		l.Brier += c*(1-p[s])*(1-p[s]) + d*p[s]*p[s]
		switch {
		case p[s] > 0.5:
			l.Agreement += c
		case p[s] < 0.5:
			l.Agreement += d
		default:
			l.Agreement += (c + d) / 2
		}
	}
	l.Brier /= n
	l.Agreement /= n
	if math.Abs(l.Brier) < 1e-15 {
		l.Brier = 0
	}
	return l
}
