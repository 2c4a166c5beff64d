package dyad

import (
	"context"
	"math"
	"math/rand/v2"

	"redline/escalation"
)

// simulation plays the futures of a record one after another. Each side
// keeps its own history: its own moves as made, and the other's as it
// read them.
type simulation struct {
	m         *Moves
	players   [2]escalation.Strategy
	memoryOne [2]bool
	o         Options

	rng       *rand.Rand
	pcg       rand.PCG
	own, read [2][]escalation.Action
}

// tally gathers what the futures did.
type tally struct {
	states       [][4]int
	spiral, calm runTally
	runs         int
}

// runTally counts, period by period, the futures in which a run first
// came, and sums the periods of its coming.
type runTally struct {
	first    []int
	sum, sq  float64
	hits     int
	state    State
	k        int
	length   int // length of the current run, within one future
	achieved bool
}

func (r *runTally) reset() { r.length, r.achieved = 0, false }

func (r *runTally) see(t int, s State) {
	if s != r.state {
		r.length = 0
		return
	}
	r.length++
	if r.length >= r.k && !r.achieved {
		r.achieved = true
		r.first[t]++
		r.hits++
		r.sum += float64(t + 1)
		r.sq += float64(t+1) * float64(t+1)
	}
}

func (s *simulation) run(ctx context.Context) (*Outcome, error) {
	h := s.o.Periods
	t := &tally{states: make([][4]int, h), runs: s.o.Runs,
		spiral: runTally{first: make([]int, h), state: DD, k: s.o.Spiral},
		calm:   runTally{first: make([]int, h), state: CC, k: s.o.Calm}}
	s.rng = rand.New(&s.pcg)
	for run := range s.o.Runs {
		if run%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		s.seed(uint64(run))
		s.future(t)
	}
	return t.outcome(), nil
}

// seed starts the generator on the stream of run number run.
func (s *simulation) seed(run uint64) {
	s.pcg.Seed(mix(s.o.Seed^mix(run)), mix(run^mix(s.o.Seed+1)))
}

// mix scrambles a seed (the splitmix64 finaliser), so that neighbouring
// seeds and run numbers start far-apart generator states.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// misread returns a as the other side reads it.
func (s *simulation) misread(a escalation.Action) escalation.Action {
	if s.o.Noise > 0 && s.rng.Float64() < s.o.Noise {
		return a ^ 1
	}
	return a
}

// future plays one future and adds it to t.
func (s *simulation) future(t *tally) {
	var p [2]escalation.Player
	n := s.m.Len()
	for i := range 2 {
		p[i] = s.players[i].New(escalation.DefaultGame)
		from := 0
		if s.memoryOne[i] {
			from = n - 1 // only the last period matters
		}
		s.own[i] = append(s.own[i][:0], s.m.Moves[i][from:]...)
		s.read[i] = s.read[i][:0]
		for _, a := range s.m.Moves[1-i][from:] {
			s.read[i] = append(s.read[i], s.misread(a))
		}
		if !s.memoryOne[i] {
			for k := range s.own[i] {
				p[i].Move(s.own[i][:k], s.read[i][:k], s.rng)
			}
		}
	}
	t.spiral.reset()
	t.calm.reset()
	for k := range s.o.Periods {
		x := p[0].Move(s.own[0], s.read[0], s.rng)
		y := p[1].Move(s.own[1], s.read[1], s.rng)
		s.own[0], s.own[1] = append(s.own[0], x), append(s.own[1], y)
		s.read[0] = append(s.read[0], s.misread(y))
		s.read[1] = append(s.read[1], s.misread(x))
		st := StateOf(x, y)
		t.states[k][st]++
		t.spiral.see(k, st)
		t.calm.see(k, st)
	}
}

func (t *tally) outcome() *Outcome {
	n := float64(t.runs)
	out := &Outcome{States: make([][4]float64, len(t.states))}
	for k, c := range t.states {
		for s := range 4 {
			out.States[k][s] = float64(c[s]) / n
		}
	}
	out.Spiral = t.spiral.hitting(n)
	out.Calm = t.calm.hitting(n)
	return out
}

func (r *runTally) hitting(n float64) Hitting {
	h := Hitting{State: r.state, Run: r.k, ByPeriod: make([]float64, len(r.first))}
	cum := 0
	for k, c := range r.first {
		cum += c
		h.ByPeriod[k] = float64(cum) / n
	}
	h.Within = float64(r.hits) / n
	h.Never = 1 - h.Within
	h.SE = ptr(math.Sqrt(h.Within * (1 - h.Within) / n))
	if r.hits > 0 {
		k := float64(r.hits)
		mean := r.sum / k
		h.Mean = ptr(mean)
		if r.hits > 1 {
			v := max(0, (r.sq-k*mean*mean)/(k-1))
			h.MeanSE = ptr(math.Sqrt(v / k))
		}
	}
	return h
}
