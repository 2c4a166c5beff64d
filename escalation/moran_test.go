package escalation

import (
	"context"
	"math"
	"testing"
)

// t6 lists table T6: one mutant among three residents, 200-turn matches.
var t6 = []struct {
	mutant, resident string
	rho              float64 // exact, five decimals
}{
	{"defector", "cooperator", 0.66265},
	{"tit-for-tat", "defector", 0.34510},
	{"defector", "tit-for-tat", 0.09305},
	{"cooperator", "defector", 0},
}

func TestFixationExact(t *testing.T) {
	for _, tt := range t6 {
		rho, err := FixationExact(mustLookup(t, tt.mutant), mustLookup(t, tt.resident), 4, 1, Rules{Turns: 200})
		if err != nil {
			t.Fatal(err)
		}
		if math.Round(rho*1e5)/1e5 != tt.rho {
			t.Errorf("FixationExact(%s among %s) = %.6f, want %.5f", tt.mutant, tt.resident, rho, tt.rho)
		}
	}
}

func TestFixationProbability(t *testing.T) {
	// Neutral: every member equally fit, so mutants fix with i/n.
	for i := range 6 {
		if got, want := FixationProbability(3, 3, 3, 3, 5, i), float64(i)/5; math.Abs(got-want) > 1e-12 {
			t.Errorf("neutral, %d of 5: %v, want %v", i, got, want)
		}
	}
	// All payoffs 0: the parent is uniform, so the process is neutral too.
	if got := FixationProbability(0, 0, 0, 0, 4, 1); math.Abs(got-0.25) > 1e-12 {
		t.Errorf("all payoffs 0: %v, want 0.25", got)
	}
	// Cooperators among defectors: a lone cooperator scores 0 and never
	// reproduces, but two cooperators do, so from two or more they can win.
	if got := FixationProbability(3, 0, 5, 1, 4, 1); got != 0 {
		t.Errorf("one cooperator among defectors: %v, want 0", got)
	}
	// From 2 of 4: f_M(2) = 3, f_R(2) = 2*5 + 1 = 11; f_M(3) = 6, f_R(3) = 15;
	// the barrier at 1 gives rho_2 = 1 / (1 + 11/3 + 11/3 * 15/6).
	if got, want := FixationProbability(3, 0, 5, 1, 4, 2), 1/(1+11.0/3+11.0/3*15/6); math.Abs(got-want) > 1e-12 {
		t.Errorf("two cooperators among defectors: %v, want %v", got, want)
	}
	if FixationProbability(3, 0, 5, 1, 4, 0) != 0 || FixationProbability(3, 0, 5, 1, 4, 4) != 1 {
		t.Error("fixation from 0 or n mutants must be 0 or 1")
	}
}

// TestMoranEstimate runs the process and checks each estimate lies within
// three standard errors of the exact value: on counts (deterministic
// play) with the 200-turn matches of table T6, and with every match played
// (the same strategies marked stochastic) with 20-turn matches, against
// the exact value for those. The 30,000-run estimate of table T6 is
// BenchmarkMoran.
func TestMoranEstimate(t *testing.T) {
	for _, tt := range t6 {
		for _, played := range []bool{false, true} {
			mutant, resident := mustLookup(t, tt.mutant), mustLookup(t, tt.resident)
			rules, runs, rho := Rules{Turns: 200}, 4000, tt.rho
			if played {
				var err error
				rules, runs = Rules{Turns: 20}, 1000
				if rho, err = FixationExact(mutant, resident, 4, 1, rules); err != nil {
					t.Fatal(err)
				}
				mutant.Stochastic, resident.Stochastic = true, true
			}
			m := Moran{Population: []Strategy{mutant, resident, resident, resident}, Rules: rules, Runs: runs, Seed: 3}
			r, err := m.Run(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			p, _ := r.Fixation(0)
			se := math.Sqrt(rho * (1 - rho) / float64(runs))
			if math.Abs(p-rho) > 3*se || r.Fixations[0]+r.Fixations[1] != runs {
				t.Errorf("%s among %s, %d turns, played %v: %.4f over %d runs (%v), want %.5f ± %.4f",
					tt.mutant, tt.resident, rules.Turns, played, p, runs, r.Fixations, rho, 3*se)
			}
		}
	}
}

func TestMoranSeeded(t *testing.T) {
	run := func(seed uint64, workers int) *MoranResult {
		m := Moran{
			Population: strategies(t, "tit-for-tat", "defector", "generous-tit-for-tat", "win-stay-lose-shift"),
			Rules:      Rules{Turns: 20, Noise: 0.05}, Runs: 50, Seed: seed, Workers: workers,
		}
		r, err := m.Run(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	a, b := run(5, 1), run(5, 2)
	for i := range a.Fixations {
		if a.Fixations[i] != b.Fixations[i] || a.Steps != b.Steps {
			t.Fatalf("same seed, 1 and 2 workers: %v %v, %v %v", a.Fixations, a.Steps, b.Fixations, b.Steps)
		}
	}
}

func TestMoranErrors(t *testing.T) {
	chicken := Rules{Game: Chicken, Turns: 10}
	tests := []Moran{
		{Population: strategies(t, "defector")},
		{Population: strategies(t, "defector", "cooperator"), Runs: -1},
		{Population: strategies(t, "defector", "cooperator"), Rules: chicken},
		{Population: strategies(t, "defector", "random"), Rules: chicken},
	}
	for _, m := range tests {
		if _, err := m.Run(context.Background()); err == nil {
			t.Errorf("Run(%v) gave no error", m.Population)
		}
	}
	if _, err := FixationExact(mustLookup(t, "random"), mustLookup(t, "defector"), 4, 1, Rules{}); err == nil {
		t.Error("FixationExact with a stochastic strategy gave no error")
	}
	if _, err := FixationExact(mustLookup(t, "defector"), mustLookup(t, "defector"), 4, 1, Rules{Noise: 0.1}); err == nil {
		t.Error("FixationExact with noise gave no error")
	}
}
