package ach

import "math"

// Rating is how consistent a piece of evidence is with a hypothesis, on
// the scale of PARC ACH: very consistent, consistent, neutral,
// inconsistent, very inconsistent, or not applicable.
type Rating string

// Ratings.
const (
	CC Rating = "CC" // very consistent
	C  Rating = "C"  // consistent
	N  Rating = "N"  // neutral: as likely whatever the hypothesis
	I  Rating = "I"  // inconsistent
	II Rating = "II" // very inconsistent
	NA Rating = "NA" // not applicable: the evidence says nothing of this hypothesis
)

// Valid reports whether r is one of the six ratings.
func (r Rating) Valid() bool {
	switch r {
	case CC, C, N, I, II, NA:
		return true
	}
	return false
}

// Value returns the rating's PARC consistency value: -2 for II, -1 for I
// and 0 for every other rating. PARC counts only inconsistency; consistent
// evidence carries no weight in its score.
func (r Rating) Value() int {
	switch r {
	case II:
		return -2
	case I:
		return -1
	}
	return 0
}

// Likelihood returns the rating read as P(evidence | hypothesis): CC 0.95,
// C 0.80, N 0.50, I 0.20, II 0.05. NA returns 1: the cell leaves the
// hypothesis's posterior untouched.
func (r Rating) Likelihood() float64 {
	switch r {
	case CC:
		return 0.95
	case C:
		return 0.80
	case N:
		return 0.50
	case I:
		return 0.20
	case II:
		return 0.05
	}
	return 1
}

// Level grades the credibility of a piece of evidence, or its relevance
// to the question.
type Level string

// Levels.
const (
	Low    Level = "low"
	Medium Level = "medium"
	High   Level = "high"
)

// Valid reports whether l is low, medium or high.
func (l Level) Valid() bool { return l == Low || l == Medium || l == High }

// Weight returns PARC's weight for the level: 1/√2 for low, 1 for medium
// and √2 for high, so that the product of two levels runs from 1/2 (low,
// low) to 2 (high, high). Any other value weighs as medium.
func (l Level) Weight() float64 {
	switch l {
	case Low:
		return 1 / math.Sqrt2
	case High:
		return math.Sqrt2
	}
	return 1
}

// Abbrev returns L, M or H.
func (l Level) Abbrev() string {
	switch l {
	case Low:
		return "L"
	case High:
		return "H"
	}
	return "M"
}
