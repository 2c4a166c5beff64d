package dyad

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"testing"

	"redline/escalation"
)

func project(tb testing.TB, hist, a, b string, o Options) *Projection {
	tb.Helper()
	p, err := Project(context.Background(), record(tb, hist), [2]escalation.Strategy{mustLookup(tb, a), mustLookup(tb, b)}, o)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func near(x, want, tol float64) bool { return math.Abs(x-want) <= tol }

func val(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}

// TestExactCoinFlips checks the chain against values known in closed
// form. Misreading with probability 1/2 makes tit-for-tat a fair coin, so
// the states are independent and uniform: a run of k periods in one state
// (probability p = 1/4 each) first ends at a mean period of
// (1 − p^k) / ((1 − p)·p^k): 4, 20 and 84 for k = 1, 2, 3; and a single
// period of mutual defection comes within h periods with probability
// 1 − (3/4)^h.
func TestExactCoinFlips(t *testing.T) {
	for _, k := range []int{1, 2, 3} {
		p := project(t, "DD", "tit-for-tat", "tit-for-tat", Options{Periods: 10, Runs: 1, Noise: 0.5, Spiral: 1, Calm: k})
		ex := p.Exact
		want := map[int]float64{1: 4, 2: 20, 3: 84}[k]
		if !near(val(ex.Calm.EverMean), want, 1e-9) || !near(val(ex.Calm.Ever), 1, 1e-12) {
			t.Errorf("k = %d: mean first period of the run %v (ever %v), want %v", k, val(ex.Calm.EverMean), val(ex.Calm.Ever), want)
		}
		for h := 1; h <= 10; h++ {
			if w := 1 - math.Pow(0.75, float64(h)); !near(ex.Spiral.ByPeriod[h-1], w, 1e-12) {
				t.Errorf("spiral of 1 by period %d: %v, want %v", h, ex.Spiral.ByPeriod[h-1], w)
			}
		}
		for _, d := range ex.States {
			for s := range 4 {
				if !near(d[s], 0.25, 1e-12) {
					t.Fatalf("state shares %v, want 1/4 each", d)
				}
			}
		}
	}
	// Within the horizon, the first period of a single CC has the
	// geometric law cut at h: its conditional mean is
	// sum t·p·q^(t−1) / (1 − q^h).
	p := project(t, "CD", "tft", "tft", Options{Periods: 6, Runs: 1, Noise: 0.5, Spiral: 1, Calm: 1})
	num := 0.0
	for k := 1; k <= 6; k++ {
		num += float64(k) * 0.25 * math.Pow(0.75, float64(k-1))
	}
	if want := num / (1 - math.Pow(0.75, 6)); !near(val(p.Exact.Calm.Mean), want, 1e-12) || !near(p.Exact.Calm.Never, math.Pow(0.75, 6), 1e-12) {
		t.Errorf("conditional mean %v, censored %v; want %v, %v", val(p.Exact.Calm.Mean), p.Exact.Calm.Never, want, math.Pow(0.75, 6))
	}
}

// TestExactTitForTatByHand works two periods of noisy tit-for-tat out by
// hand. From CC each side cooperates with probability 1 − e; from CD, A
// cooperates only if it misreads B (e) and B cooperates unless it
// misreads A (1 − e). So a period of mutual defection comes first in
// period 1 with probability e² and in period 2 with probability
// (1 − e)²·e² + 2·e(1 − e)·e(1 − e) = 3e²(1 − e)². In the long run the
// four states are equally likely.
func TestExactTitForTatByHand(t *testing.T) {
	e := 0.1
	p := project(t, "CC", "tit-for-tat", "tit-for-tat", Options{Periods: 2, Runs: 1, Noise: e, Spiral: 1, Calm: 2})
	ex := p.Exact
	w1, w2 := e*e, e*e+3*e*e*(1-e)*(1-e)
	if !near(ex.Spiral.ByPeriod[0], w1, 1e-15) || !near(ex.Spiral.ByPeriod[1], w2, 1e-15) {
		t.Errorf("spiral by periods 1, 2: %v, want %v, %v", ex.Spiral.ByPeriod, w1, w2)
	}
	// Two periods of CC come by period 2 only if both are CC.
	if w := math.Pow(1-e, 4); !near(ex.Calm.Within, w, 1e-15) || !near(val(ex.Calm.Mean), 2, 1e-15) {
		t.Errorf("calm within 2: %v at mean %v, want %v at 2", ex.Calm.Within, val(ex.Calm.Mean), w)
	}
	for s := range 4 {
		if !near(ex.LongRun[s], 0.25, 1e-12) {
			t.Errorf("long run %v, want 1/4 each", *ex.LongRun)
		}
	}
}

// TestExactCertainties checks chains whose answers are 0 or 1.
func TestExactCertainties(t *testing.T) {
	tests := []struct {
		name, hist, a, b string
		noise            float64
		spiral, calm     float64 // probability within 12 periods of runs of 3
		spiralAt, calmAt float64 // period the run comes, when certain
		spiralEver       float64
		calmEver         float64
	}{
		{"tit-for-tat keeps CC", "CC", "tft", "tft", 0, 0, 1, 0, 3, 0, 1},
		{"tit-for-tat echoes CD for ever", "CD", "tft", "tft", 0, 0, 0, 0, 0, 0, 0},
		{"tit-for-tat keeps DD", "DD", "tft", "tft", 0, 1, 0, 3, 0, 1, 0},
		// Misreading does not move a side that ignores the other, though a
		// trembling hand would.
		{"defectors ignore misreadings", "CC", "defector", "defector", 0.3, 1, 0, 3, 0, 1, 0},
		{"cooperators never spiral", "DD", "cooperator", "cooperator", 0.3, 0, 1, 0, 3, 0, 1},
		// Grim never leaves DD once in it; persist keeps each side's move.
		{"grim locks in", "CD", "grim", "grim", 0, 1, 0, 3, 0, 1, 0},
		{"persist keeps DC", "DC", "persist", "persist", 0.4, 0, 0, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		p := project(t, tt.hist, tt.a, tt.b, Options{Periods: 12, Runs: 200, Noise: tt.noise, Seed: 1})
		for _, o := range []struct {
			kind string
			out  *Outcome
		}{{"exact", p.Exact}, {"simulated", p.Simulated}} {
			sp, ca := o.out.Spiral, o.out.Calm
			if sp.Within != tt.spiral || ca.Within != tt.calm || sp.Never != 1-tt.spiral {
				t.Errorf("%s, %s: spiral %v, calm %v; want %v, %v", tt.name, o.kind, sp.Within, ca.Within, tt.spiral, tt.calm)
			}
			if (tt.spiral == 1 && val(sp.Mean) != tt.spiralAt) || (tt.calm == 1 && val(ca.Mean) != tt.calmAt) {
				t.Errorf("%s, %s: spiral at %v, calm at %v; want %v, %v", tt.name, o.kind, val(sp.Mean), val(ca.Mean), tt.spiralAt, tt.calmAt)
			}
			if (tt.spiral == 0 && sp.Mean != nil) || (tt.calm == 0 && ca.Mean != nil) {
				t.Errorf("%s, %s: a mean period for a run that never comes", tt.name, o.kind)
			}
		}
		ex := p.Exact
		if !near(val(ex.Spiral.Ever), tt.spiralEver, 1e-12) || !near(val(ex.Calm.Ever), tt.calmEver, 1e-12) {
			t.Errorf("%s: ever %v and %v, want %v and %v", tt.name, val(ex.Spiral.Ever), val(ex.Calm.Ever), tt.spiralEver, tt.calmEver)
		}
	}
}

// TestExactRunWithACoin: against a cooperator, random's record is CC or
// CD with even odds, so two CC in a row take 6 periods on average.
func TestExactRunWithACoin(t *testing.T) {
	p := project(t, "CD", "cooperator", "random", Options{Periods: 100, Runs: 1, Calm: 2, Spiral: 1})
	if !near(val(p.Exact.Calm.EverMean), 6, 1e-9) || val(p.Exact.Spiral.Ever) != 0 {
		t.Errorf("mean %v, spiral ever %v; want 6 and 0", val(p.Exact.Calm.EverMean), val(p.Exact.Spiral.Ever))
	}
}

// TestSimulationAgreesWithExact plays 20,000 futures of memory-one pairs
// and checks every summary, and the state shares at a few periods,
// within three standard errors of the exact values.
func TestSimulationAgreesWithExact(t *testing.T) {
	tests := []struct {
		hist, a, b string
		noise      float64
	}{
		{"CC CC", "tit-for-tat", "tit-for-tat", 0.1},
		{"CC DD", "win-stay-lose-shift", "generous-tit-for-tat", 0.05},
		{"CD", "generous-tit-for-tat", "grim", 0.02},
		{"DC DD", "random", "tit-for-tat", 0.2},
		{"DD", "fitted", "fitted", 0},
		{"DD", "fitted", "tit-for-tat", 0.1},
	}
	fitted := Fit(play(300, [4]float64{0.85, 0.3, 0.6, 0.15}, [4]float64{0.7, 0.2, 0.55, 0.25}, 11))
	checks, worst := 0, 0.0
	check := func(name, what string, x, want, se float64) {
		if math.IsNaN(want) && math.IsNaN(x) {
			return
		}
		checks++
		if se > 0 {
			worst = max(worst, math.Abs(x-want)/se)
		}
		if !(math.Abs(x-want) <= 3*se+1e-12) {
			t.Errorf("%s: %s %.5f, exact %.5f, more than 3 s.e. (%.5f) apart", name, what, x, want, se)
		}
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%s vs %s, noise %g, after %s", tt.a, tt.b, tt.noise, tt.hist)
		var players [2]escalation.Strategy
		for i, n := range []string{tt.a, tt.b} {
			if n == "fitted" {
				players[i] = fitted[i].Strategy("fitted")
			} else {
				players[i] = mustLookup(t, n)
			}
		}
		p, err := Project(context.Background(), record(t, tt.hist), players,
			Options{Periods: 40, Runs: 20_000, Noise: tt.noise, Seed: 3, Spiral: 2, Calm: 3})
		if err != nil {
			t.Fatal(err)
		}
		ex, sim := p.Exact, p.Simulated
		check(name, "spiral within", sim.Spiral.Within, ex.Spiral.Within, val(sim.Spiral.SE))
		check(name, "calm within", sim.Calm.Within, ex.Calm.Within, val(sim.Calm.SE))
		check(name, "spiral mean period", val(sim.Spiral.Mean), val(ex.Spiral.Mean), val(sim.Spiral.MeanSE))
		check(name, "calm mean period", val(sim.Calm.Mean), val(ex.Calm.Mean), val(sim.Calm.MeanSE))
		for _, k := range []int{0, 4, 39} {
			for s := range 4 {
				w := ex.States[k][s]
				check(name, fmt.Sprintf("share of %s in period %d", State(s), k+1), sim.States[k][s], w, math.Sqrt(w*(1-w)/20_000))
			}
		}
	}
	t.Logf("%d figures of %d pairs within 3 s.e. of exact; largest gap %.2f s.e.", checks, len(tests), worst)
}

// TestMisperceptionIsPrivate contrasts misperception with the trembling
// hand on generous tit-for-tat after CC: a misreading makes it answer a
// defection that did not happen, which it forgives with probability 1/3,
// so it cooperates with probability 1 − e + e/3; a trembling hand would
// flip its act, 1 − e.
func TestMisperceptionIsPrivate(t *testing.T) {
	e := 0.3
	gtft, _ := escalation.AsMemoryOne(mustLookup(t, "gtft"), escalation.DefaultGame)
	if got := Blur(gtft.P, e)[CC]; !near(got, 1-e+e/3, 1e-12) {
		t.Errorf("blurred generous tit-for-tat after CC: %v, want %v", got, 1-e+e/3)
	}
	p := project(t, "CC", "gtft", "cooperator", Options{Periods: 1, Runs: 1, Noise: e, Calm: 1, Spiral: 1})
	if w := 1 - e + e/3; !near(p.Exact.States[0][CC], w, 1e-12) {
		t.Errorf("P(CC) after CC = %v, want %v", p.Exact.States[0][CC], w)
	}
}

// TestReplayPutsStrategiesInState checks that a strategy with memory
// starts the projection where the record leaves it: grudger, wronged
// once long ago, defects for ever; without the wrong it cooperates.
func TestReplayPutsStrategiesInState(t *testing.T) {
	p := project(t, "CD CC CC CC CC", "grudger", "cooperator", Options{Periods: 5, Runs: 50})
	if p.Exact != nil {
		t.Error("grudger is not memory-one, yet there are exact values")
	}
	if p.Simulated.States[0][DC] != 1 || p.Simulated.States[4][DC] != 1 {
		t.Errorf("wronged grudger: %v", p.Simulated.States)
	}
	p = project(t, "CC CC CC CC CC", "grudger", "cooperator", Options{Periods: 5, Runs: 50})
	if p.Simulated.Calm.Within != 1 || val(p.Simulated.Calm.Mean) != 3 {
		t.Errorf("unwronged grudger: %v", p.Simulated.States)
	}
	// Misreading the record is enough: at noise 1 every C is read as D.
	p = project(t, "CC CC", "grudger", "cooperator", Options{Periods: 3, Runs: 10, Noise: 1})
	if p.Simulated.States[0][DC] != 1 {
		t.Errorf("grudger misreading the record: %v", p.Simulated.States)
	}
}

func TestProjectIsSeeded(t *testing.T) {
	o := Options{Periods: 30, Runs: 500, Noise: 0.1, Seed: 9}
	a := project(t, "CD DC", "grit", "tft", o)
	b := project(t, "CD DC", "grit", "tft", o)
	ja, _ := json.Marshal(a.Simulated)
	jb, _ := json.Marshal(b.Simulated)
	if string(ja) != string(jb) {
		t.Error("the same seed gave two outcomes")
	}
	o.Seed = 10
	c := project(t, "CD DC", "grit", "tft", o)
	if fmt.Sprint(a.Simulated.States) == fmt.Sprint(c.Simulated.States) {
		t.Error("two seeds gave the same outcome")
	}
}

func TestProjectOptions(t *testing.T) {
	p := project(t, "CC", "tft", "tft", Options{})
	if p.Periods != DefaultWeeks || p.Runs != DefaultRuns || p.Spiral != DefaultRun || p.Calm != DefaultRun || p.From != "w1" || p.Start != CC {
		t.Errorf("defaults: %+v", p.Options)
	}
	for _, o := range []Options{
		{Periods: -1}, {Periods: MaxPeriods + 1}, {Runs: -1}, {Noise: 1.5}, {Noise: math.NaN()},
		{Spiral: 101, Periods: 200}, {Calm: 10, Periods: 5}, {Spiral: -2},
	} {
		if _, err := Project(context.Background(), record(t, "CC"), [2]escalation.Strategy{mustLookup(t, "tft"), mustLookup(t, "tft")}, o); err == nil {
			t.Errorf("Project accepted %+v", o)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Project(ctx, record(t, "CC"), [2]escalation.Strategy{mustLookup(t, "tft"), mustLookup(t, "tft")}, Options{}); err == nil {
		t.Error("Project ignored a cancelled context")
	}
}
