package escalation

import "fmt"

// Action is a move in a turn: cooperate or defect.
type Action uint8

// The two actions. Their values index payoff tables: the state of a turn
// seen by one player is 2*own + other, in the order CC, CD, DC, DD.
const (
	Cooperate Action = 0
	Defect    Action = 1
)

// String returns "C" or "D".
func (a Action) String() string {
	if a == Defect {
		return "D"
	}
	return "C"
}

// Game is a symmetric 2x2 game, given by the payoff of the row player:
// R for mutual cooperation (reward), S for cooperating against a defector
// (sucker), T for defecting against a cooperator (temptation) and P for
// mutual defection (punishment). The zero Game stands for DefaultGame
// wherever a Game is a setting.
type Game struct {
	R, S, T, P float64
}

// DefaultGame is the prisoner's dilemma the Axelrod library uses.
var DefaultGame = Game{R: 3, S: 0, T: 5, P: 1}

// Chicken is the game of chicken: backing down against a player who holds
// firm costs a little, but both holding firm is a disaster.
var Chicken = Game{R: 0, S: -1, T: 1, P: -10}

// orDefault returns g, or DefaultGame for the zero Game.
func (g Game) orDefault() Game {
	if g == (Game{}) {
		return DefaultGame
	}
	return g
}

// Payoff returns the payoffs of the two players when they play a and b.
func (g Game) Payoff(a, b Action) (float64, float64) {
	t := g.table()
	return t[state(a, b)], t[state(b, a)]
}

// table returns the row player's payoff indexed by state(own, other).
func (g Game) table() [4]float64 {
	return [4]float64{g.R, g.S, g.T, g.P}
}

// state indexes the four outcomes of a turn from one player's side.
func state(own, other Action) int { return int(own)<<1 | int(other) }

// String writes the game as "R,S,T,P".
func (g Game) String() string {
	return fmt.Sprintf("%g,%g,%g,%g", g.R, g.S, g.T, g.P)
}

// MinPayoff returns the smallest of the four payoffs.
func (g Game) MinPayoff() float64 {
	return min(g.R, g.S, g.T, g.P)
}
