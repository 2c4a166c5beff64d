package escalation

import (
	"fmt"
	"math/rand/v2"
)

// GRIT is Charles Osgood's "graduated and reciprocated initiatives in
// tension reduction" (An Alternative to War or Surrender, 1962) as a
// strategy of the iterated game.
//
// A GRIT player opens with cooperation and answers in kind, like
// tit-for-tat: cooperation is matched with cooperation, and each defection
// is met with one defection, no more. On top of that it takes conciliatory
// steps on a schedule fixed in advance, so they can be announced: when the
// other defected in the last turn and at least Period turns have passed
// since the previous step began (or since the match began), it cooperates
// for Length turns in a row whatever the other does. Unreciprocated steps
// go on up to Steps in a row; any cooperation by the other counts as
// reciprocation and renews the campaign. After Steps unanswered steps the
// player only reciprocates.
type GRIT struct {
	// Period is the least number of turns from the start of one step to
	// the start of the next. Default 10.
	Period int
	// Length is the number of turns a step lasts; the player cooperates in
	// each of them regardless of the reply. Default 2.
	Length int
	// Steps is how many steps in a row the player takes without
	// reciprocation before it stops initiating; 0 means no limit.
	// Default 5.
	Steps int
}

// DefaultGRIT is the GRIT the registry knows as "grit".
var DefaultGRIT = GRIT{Period: 10, Length: 2, Steps: 5}

// Validate reports settings that make no schedule.
func (g GRIT) Validate() error {
	if g.Period < 1 || g.Length < 1 || g.Steps < 0 {
		return fmt.Errorf("grit: want period >= 1, length >= 1 and steps >= 0, have %d, %d, %d", g.Period, g.Length, g.Steps)
	}
	return nil
}

// Strategy returns g as a strategy. DefaultGRIT is named "grit"; other
// settings are named "grit-PERIOD-LENGTH-STEPS".
func (g GRIT) Strategy() Strategy {
	name := "grit"
	if g != DefaultGRIT {
		name = fmt.Sprintf("grit-%d-%d-%d", g.Period, g.Length, g.Steps)
	}
	return Strategy{
		Name: name,
		Description: fmt.Sprintf("Osgood's GRIT: reciprocates in kind, and in tension cooperates for %d turns whatever the reply, "+
			"at most every %d turns, up to %d unanswered steps", g.Length, g.Period, g.Steps),
		New: func(Game) Player { return &gritPlayer{GRIT: g} },
	}
}

type gritPlayer struct {
	GRIT
	left       int // turns of the current step still to play
	began      int // the turn the last step began, 0 before any
	unanswered int // steps taken since the other last cooperated
}

func (p *gritPlayer) Move(_, other []Action, _ *rand.Rand) Action {
	n := len(other)
	if n == 0 {
		return Cooperate
	}
	reciprocated := other[n-1] == Cooperate
	if reciprocated {
		p.unanswered = 0
	}
	switch {
	case p.left > 0:
		p.left--
		return Cooperate
	case reciprocated:
		return Cooperate
	case n-p.began >= p.Period && (p.Steps == 0 || p.unanswered < p.Steps):
		p.began, p.left = n, p.Length-1
		p.unanswered++
		return Cooperate
	}
	return Defect
}
