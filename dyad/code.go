package dyad

import (
	"errors"
	"fmt"
	"math"

	"redline/escalation"
	"redline/reciprocity"
)

// State is the pair of moves the two sides made in one period, side A's
// first: CC, CD, DC or DD. Its value is 2·a + b, escalation's order.
type State uint8

// The four states.
const (
	CC State = iota // both cooperated
	CD              // A cooperated, B defected
	DC              // A defected, B cooperated
	DD              // both defected
)

// StateOf returns the state in which A played a and B played b.
func StateOf(a, b escalation.Action) State { return State(a)<<1 | State(b) }

// A returns side A's move.
func (s State) A() escalation.Action { return escalation.Action(s >> 1) }

// B returns side B's move.
func (s State) B() escalation.Action { return escalation.Action(s & 1) }

// Swap returns the state as B sees it, its own move first: CD becomes DC.
func (s State) Swap() State { return StateOf(s.B(), s.A()) }

// String returns "CC", "CD", "DC" or "DD".
func (s State) String() string { return s.A().String() + s.B().String() }

// MarshalText writes the state as its name, so JSON shows "CD".
func (s State) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// States lists the four states in order.
var States = [4]State{CC, CD, DC, DD}

// Quiet says what a side's move is in a period in which it did not act:
// no event toward the other, or events whose net weight is within the
// threshold.
type Quiet string

// The ways to read a quiet period.
const (
	// Carry keeps the side's move of the period before: a posture stands
	// until an act changes it. Periods before a side first acts have no
	// move and are left out.
	Carry Quiet = "carry"
	// Cooperate reads a quiet period as cooperation: the side did nothing
	// hostile.
	Cooperate Quiet = "cooperate"
)

// ParseQuiet reads "carry" or "cooperate".
func ParseQuiet(s string) (Quiet, error) {
	switch q := Quiet(s); q {
	case Carry, Cooperate:
		return q, nil
	}
	return "", fmt.Errorf("quiet %q: want carry or cooperate", s)
}

// Coding turns a period's net Goldstein weight into a move.
type Coding struct {
	// Threshold is the net weight a period must exceed to count as an
	// act: cooperation above +Threshold, defection below −Threshold.
	// Zero means any net cooperation or conflict.
	Threshold float64 `json:"threshold"`
	// Quiet is how a period without an act is read. The zero value means
	// Carry.
	Quiet Quiet `json:"quiet"`
}

func (c Coding) quiet() Quiet {
	if c.Quiet == "" {
		return Carry
	}
	return c.Quiet
}

func (c Coding) check() error {
	if !(c.Threshold >= 0) || math.IsInf(c.Threshold, 1) {
		return fmt.Errorf("threshold %g: want a finite number of 0 or more", c.Threshold)
	}
	_, err := ParseQuiet(string(c.quiet()))
	return err
}

// Moves is a dyad's record coded as moves, one pair per period. Moves[0]
// holds A's moves toward B and Moves[1] B's toward A; Acted[i][t] is
// true when side i acted in period t, false when its move there was read
// from a quiet period.
type Moves struct {
	Sides  [2]string              `json:"sides"`
	Period reciprocity.Period     `json:"period"`
	Coding Coding                 `json:"coding"`
	Labels []string               `json:"periods"`
	Moves  [2][]escalation.Action `json:"-"`
	Acted  [2][]bool              `json:"-"`
	// Skipped counts the leading periods of the series left out because
	// a side had not yet acted, so that its move was unknown (Carry).
	Skipped int `json:"skipped"`
}

// Len returns the number of periods coded.
func (m *Moves) Len() int { return len(m.Labels) }

// State returns the state of period t.
func (m *Moves) State(t int) State { return StateOf(m.Moves[0][t], m.Moves[1][t]) }

// Last returns the state of the last period.
func (m *Moves) Last() State { return m.State(m.Len() - 1) }

// Acts returns how many of the periods a response rule is fitted on (all
// but the first) side i acted in.
func (m *Moves) Acts(i int) int {
	n := 0
	for t := 1; t < m.Len(); t++ {
		if m.Acted[i][t] {
			n++
		}
	}
	return n
}

// Count returns how many periods side i cooperated in, and how many of
// its moves came from quiet periods.
func (m *Moves) Count(i int) (coop, quiet int) {
	for t := range m.Len() {
		if m.Moves[i][t] == escalation.Cooperate {
			coop++
		}
		if !m.Acted[i][t] {
			quiet++
		}
	}
	return coop, quiet
}

// Run returns the state of the last period and how many periods in a row
// the record ends in it.
func (m *Moves) Run() (State, int) {
	last, n := m.Last(), 0
	for t := m.Len() - 1; t >= 0 && m.State(t) == last; t-- {
		n++
	}
	return last, n
}

// ErrNoMoves means the coded record has no period in which both sides
// have a move.
var ErrNoMoves = errors.New("no moves")

// Code reads the series's net flows as moves. A side cooperates in a
// period when its net weight toward the other exceeds c.Threshold and
// defects when it is below −c.Threshold; otherwise the period is quiet
// and c.Quiet decides. With Carry, the record starts at the first period
// by which both sides have acted. It fails, wrapping ErrNoMoves, when no
// period is left.
func Code(s *reciprocity.Series, c Coding) (*Moves, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	c.Quiet = c.quiet()
	n := s.Len()
	var moves [2][]escalation.Action
	var acted [2][]bool
	start := 0
	var silent []string
	for i, f := range []*reciprocity.Flow{&s.AB, &s.BA} {
		moves[i], acted[i] = make([]escalation.Action, n), make([]bool, n)
		known := c.Quiet == Cooperate
		first := -1
		for t, w := range f.Net {
			switch {
			case w > c.Threshold:
				moves[i][t], acted[i][t], known = escalation.Cooperate, true, true
			case w < -c.Threshold:
				moves[i][t], acted[i][t], known = escalation.Defect, true, true
			case c.Quiet == Cooperate:
				moves[i][t] = escalation.Cooperate
			case t > 0:
				moves[i][t] = moves[i][t-1]
			}
			if known && first < 0 {
				first = t
			}
		}
		if first < 0 {
			start, silent = n, append(silent, f.From)
		}
		start = max(start, first)
	}
	m := &Moves{Sides: [2]string{s.Dyad.A, s.Dyad.B}, Period: s.Period, Coding: c, Labels: s.Labels[start:], Skipped: start}
	for i := range 2 {
		m.Moves[i], m.Acted[i] = moves[i][start:], acted[i][start:]
	}
	if m.Len() == 0 {
		who := "neither side acted toward the other"
		if len(silent) == 1 {
			who = silent[0] + " did not act toward the other"
		}
		return m, fmt.Errorf("%w: %s in any of the %d periods", ErrNoMoves, who, n)
	}
	return m, nil
}
