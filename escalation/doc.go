// Package escalation plays iterated two-player games between strategies,
// to reason about how escalation and de-escalation unfold when each side
// answers the other's last moves.
//
// The conventions and the numbers it is checked against are those of the
// Axelrod Python library (Knight et al., 2016), so that results can be
// compared with the literature that uses it:
//
//   - A Game is any symmetric 2x2 game given by its four payoffs R, S, T and
//     P; the default is the prisoner's dilemma 3, 0, 5, 1, and Chicken is
//     provided for brinkmanship.
//   - A match is played for a fixed number of turns, or for a length drawn
//     from a geometric distribution (ProbEnd); players are never told the
//     length. With noise, each chosen action is flipped with that
//     probability after both sides have chosen, and both histories keep the
//     flipped action: a trembling hand, not a misreading.
//   - A Tournament is a round robin that plays every pair, each strategy
//     against itself included, for a number of repetitions. Self-play enters
//     the payoff matrix but not the scores, wins or normalised scores; the
//     ranking orders strategies by their median normalised score.
//   - Moran runs the birth-death Moran process to fixation; FixationExact
//     gives the exact fixation probability of the same process for
//     deterministic play.
//   - Ecosystem is Axelrod's ecological variant: the discrete replicator
//     dynamics on a tournament's payoff matrix.
//   - LongRun and Expected give exact payoffs of two memory-one players
//     under noise from the four-state Markov chain of their joint moves.
//
// Every random draw comes from a math/rand/v2 PCG generator seeded from an
// explicit seed; nothing reads the clock, so the same seed gives the same
// result on every run and with any number of workers. Each match, and each
// Moran run, draws from its own stream derived from the seed and its index.
//
// Strategies are small state machines. A Strategy makes a fresh Player for
// every match; players see the two histories so far and return their next
// action. The registry (Lookup, Names, Strategies) holds the classic
// strategies under kebab-case names, and GRIT, Osgood's graduated and
// reciprocated initiatives in tension reduction.
package escalation
