// Package dyad reads how two sides have answered each other, as rules of
// an iterated 2x2 game, and projects the exchange forward: how likely a
// spiral of mutual defection is, and how long mutual cooperation takes.
//
// # Moves
//
// The record is a reciprocity.Series: each side's net Goldstein weight
// toward the other, period by period. Code reads it as moves. A side
// cooperates in a period when its net weight is above +Threshold and
// defects when it is below −Threshold (Threshold 0 by default: any net
// cooperation or conflict); otherwise the period is quiet, and the
// Coding's Quiet rule says what it is. By default (Carry) a quiet period
// keeps the side's previous move: a posture stands until an act changes
// it, and leading periods before both sides have acted are left out.
// Cooperate reads quiet periods as cooperation instead (nothing hostile
// was done), which suits a dense record and flatters a sparse one.
//
// # Response rules
//
// Fit estimates each side's memory-one rule: its probability of
// cooperating given the pair of moves of the period before, seen from its
// side (own move first: CC, CD, DC, DD). Each of the four probabilities
// is a Bernoulli rate with a uniform Beta(1, 1) prior, so that a previous
// state never seen gives 1/2 with an interval over all of [0, 1], and one
// transition moves the estimate only part of the way. The rule carries
// the counts, the posterior mean, which is used, and the central 95%
// credible interval. Under Carry the rule counts quiet periods as moves
// too: it is the chance the side's posture is cooperative next period,
// whether or not it acts, which is the quantity a projection in real
// periods needs.
//
// Each rule is compared with named memory-one rules (References: tit-for-
// tat, generous tit-for-tat, win-stay-lose-shift, grim, persist, always
// defect, ...) by their Brier score over the fitted periods: the mean
// squared gap between the named rule's probability of cooperating and
// what the side did. The nearest has the lowest.
//
// The continuous alternative, the vector autoregression of package
// reciprocity, is not used here: spirals and mutual cooperation are runs
// of discrete states, the named strategies are rules over those states,
// and memory-one rules give exact answers, where a linear-Gaussian VAR on
// sparse, lumpy event weights would give neither.
//
// # Projection
//
// Project continues the record for a number of periods (52 weeks or 24
// months by default) under two strategies, the fitted rules or any that
// Lookup knows, over many seeded futures. Each side misreads each of the
// other's moves with probability Noise, privately and independently: it
// knows its own moves, and what it answers is what it read. This is not
// the trembling hand of escalation.Rules, where a side's act is flipped
// and both record the flipped act. A misreading changes what a side
// answers, not what it does, so a side that ignores the other (always
// defect) is unaffected and the two sides' histories disagree. For a
// memory-one rule, misperception at rate e acts as the blurred rule
// (1 − e)·p(a, b) + e·p(a, not b) (Blur).
//
// The last observed period is the starting state and does not count
// toward a run. A spiral is Spiral periods of mutual defection in a row
// (3 by default) within the horizon; mutual cooperation is Calm periods
// of mutual cooperation in a row (3 by default). For each, the projection
// gives the share of futures in which it has come by each period, the
// share in which it has not come by the horizon (censored, not "never"),
// and the mean period of its first coming among the futures in which it
// comes, a conditional mean: averaging over all futures with the
// censored ones counted at the horizon would bias it down.
//
// When both strategies are memory-one the pair of moves is a four-state
// Markov chain, and everything is also computed exactly: the state
// distribution in each period by powers of the transition matrix; the
// first coming of a run by the chain extended with the length of the
// current run, absorbed when it reaches the run's length; the same
// without a horizon (the probability the run ever comes and its mean
// period given that it does) by solving the absorption equations; and the
// long-run share of each state (escalation.Stationary on the blurred
// rules). Simulated figures come with standard errors so that the two
// can be compared.
//
// Every draw comes from a PCG generator seeded from the seed and the
// number of the future; nothing reads the clock.
package dyad
