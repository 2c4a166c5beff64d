package dyad

import (
	"context"
	"fmt"
	"math"

	"redline/escalation"
	"redline/reciprocity"
)

// Defaults and bounds of Options.
const (
	DefaultRuns   = 10_000
	DefaultRun    = 3  // periods in a row that make a spiral, or mutual cooperation
	DefaultWeeks  = 52 // horizon of a weekly record
	DefaultMonths = 24 // horizon of a monthly record
	MaxRun        = 100
	MaxPeriods    = 10_000
	MaxRuns       = 10_000_000
)

// Options say how to project a record forward.
type Options struct {
	// Periods is the horizon: how many periods after the last observed
	// one are projected. Zero means DefaultWeeks or DefaultMonths.
	Periods int `json:"periods"`
	// Runs is the number of simulated futures; zero means DefaultRuns.
	Runs int `json:"runs"`
	// Seed seeds every random draw; run r draws from a stream of its own.
	Seed uint64 `json:"seed"`
	// Noise is the probability with which each side misreads each of the
	// other's moves, in the record as in the projection.
	Noise float64 `json:"noise"`
	// Spiral is the number of periods of mutual defection in a row that
	// make a spiral; Calm the number of periods of mutual cooperation in a
	// row that make mutual cooperation. Zero means DefaultRun.
	Spiral int `json:"spiral"`
	Calm   int `json:"calm"`
}

// DefaultPeriods returns the default horizon of a record by period p:
// DefaultMonths for months, DefaultWeeks otherwise.
func DefaultPeriods(p reciprocity.Period) int {
	if p == reciprocity.Month {
		return DefaultMonths
	}
	return DefaultWeeks
}

func (o Options) withDefaults(p reciprocity.Period) Options {
	if o.Periods == 0 {
		o.Periods = DefaultPeriods(p)
	}
	if o.Runs == 0 {
		o.Runs = DefaultRuns
	}
	if o.Spiral == 0 {
		o.Spiral = DefaultRun
	}
	if o.Calm == 0 {
		o.Calm = DefaultRun
	}
	return o
}

// Validate reports options that cannot be used for a record by period p,
// defaults filled in.
func (o Options) Validate(p reciprocity.Period) error {
	return o.withDefaults(p).check()
}

func (o Options) check() error {
	switch {
	case o.Periods < 1 || o.Periods > MaxPeriods:
		return fmt.Errorf("periods %d: want 1 to %d", o.Periods, MaxPeriods)
	case o.Runs < 1 || o.Runs > MaxRuns:
		return fmt.Errorf("runs %d: want 1 to %d", o.Runs, MaxRuns)
	case !(o.Noise >= 0 && o.Noise <= 1):
		return fmt.Errorf("noise %g: want 0 to 1", o.Noise)
	}
	for _, k := range []int{o.Spiral, o.Calm} {
		if k < 1 || k > min(MaxRun, o.Periods) {
			return fmt.Errorf("run of %d periods: want 1 to %d, and no more than the %d periods projected", k, MaxRun, o.Periods)
		}
	}
	return nil
}

// Projection is what follows the record under two strategies. Exact is
// set when both are memory-one rules, Simulated always.
type Projection struct {
	Sides   [2]string `json:"sides"`
	Players [2]string `json:"players"`
	// Start is the state of the last observed period, labelled From; it
	// does not count toward a run.
	Start State  `json:"start"`
	From  string `json:"from"`
	Options
	Exact     *Outcome `json:"exact"`
	Simulated *Outcome `json:"simulated"`
}

// Outcome is the course of the projection. States[t] is the share of
// futures in each state in period t+1 after the last observed one.
type Outcome struct {
	States [][4]float64 `json:"states"`
	Spiral Hitting      `json:"spiral"`
	Calm   Hitting      `json:"calm"`
	// LongRun is the share of periods in each state in the long run,
	// from the exact chain.
	LongRun *[4]float64 `json:"long_run,omitempty"`
}

// Hitting says when a run of Run periods in a row in State first comes:
// ByPeriod[t] is the share of futures in which it has come by period
// t+1, Within the share by the horizon and Never the share in which it
// has not (censored: they may still get there later). Mean is the mean
// period of its coming among the futures in which it comes within the
// horizon, absent when there are none; it is not the mean over all
// futures, which the censored ones would bias down.
//
// A simulated outcome gives standard errors (SE of Within, MeanSE of
// Mean). An exact one gives instead the same quantities without a
// horizon: Ever, the probability that the run ever comes, and EverMean,
// the mean period of its coming given that it does.
type Hitting struct {
	State    State     `json:"state"`
	Run      int       `json:"run"`
	ByPeriod []float64 `json:"by_period"`
	Within   float64   `json:"within"`
	Never    float64   `json:"never"`
	Mean     *float64  `json:"mean_period,omitempty"`
	SE       *float64  `json:"se,omitempty"`
	MeanSE   *float64  `json:"mean_period_se,omitempty"`
	Ever     *float64  `json:"ever,omitempty"`
	EverMean *float64  `json:"ever_mean_period,omitempty"`
}

// Project continues the record from its last period for o.Periods
// periods, side A playing players[0] and side B players[1], each
// misreading each of the other's moves with probability o.Noise. A
// memory-one strategy answers the last period; any other strategy is
// first replayed over the whole record as its side read it, so that
// grudger, GRIT and the like start in the state that history puts them
// in. Strategies are made for escalation.DefaultGame, which sets
// generous tit-for-tat's generosity to 1/3.
//
// The futures are simulated; when both strategies are memory-one the
// outcome is also computed exactly from the four-state Markov chain.
func Project(ctx context.Context, m *Moves, players [2]escalation.Strategy, o Options) (*Projection, error) {
	o = o.withDefaults(m.Period)
	if err := o.check(); err != nil {
		return nil, err
	}
	if m.Len() == 0 {
		return nil, fmt.Errorf("%w: nothing to project from", ErrNoMoves)
	}
	p := &Projection{Sides: m.Sides, Players: [2]string{players[0].Name, players[1].Name},
		Start: m.Last(), From: m.Labels[m.Len()-1], Options: o}
	a, okA := escalation.AsMemoryOne(players[0], escalation.DefaultGame)
	b, okB := escalation.AsMemoryOne(players[1], escalation.DefaultGame)
	if okA && okB {
		p.Exact = exact(a, b, p.Start, o)
	}
	s := &simulation{m: m, players: players, o: o, memoryOne: [2]bool{okA, okB}}
	var err error
	if p.Simulated, err = s.run(ctx); err != nil {
		return nil, err
	}
	return p, nil
}

// exact computes the outcome of two memory-one rules from the chain.
func exact(a, b *escalation.MemoryOne, start State, o Options) *Outcome {
	c := newChain(a, b, o.Noise)
	out := &Outcome{States: c.states(start, o.Periods)}
	out.Spiral = exactHitting(c, start, DD, o.Spiral, o.Periods)
	out.Calm = exactHitting(c, start, CC, o.Calm, o.Periods)
	// The chain is escalation's for the blurred rules without noise,
	// starting from the first projected period.
	pa, pb := Blur(a.P, o.Noise), Blur(b.P, o.Noise)
	ea := &escalation.MemoryOne{Start: pa[start], P: pa}
	eb := &escalation.MemoryOne{Start: pb[start.Swap()], P: pb}
	if lr, err := escalation.Stationary(ea, eb, 0); err == nil {
		out.LongRun = &lr
	}
	return out
}

func exactHitting(c *chain, start, target State, k, h int) Hitting {
	r := c.runs(target, k)
	hit := Hitting{State: target, Run: k, ByPeriod: r.byPeriod(start, h)}
	hit.Within = hit.ByPeriod[h-1]
	hit.Never = 1 - hit.Within
	if hit.Within > 0 {
		sum, prev := 0.0, 0.0
		for t, f := range hit.ByPeriod {
			sum += float64(t+1) * (f - prev)
			prev = f
		}
		hit.Mean = ptr(sum / hit.Within)
	}
	ever, mean := r.ever(start)
	if !math.IsNaN(ever) {
		hit.Ever = ptr(ever)
	}
	if !math.IsNaN(mean) {
		hit.EverMean = ptr(mean)
	}
	return hit
}

func ptr(x float64) *float64 { return &x }
