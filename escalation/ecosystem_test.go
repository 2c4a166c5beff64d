package escalation

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// round6 rounds each share to six decimals.
func round6(xs []float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = math.Round(x*1e6) / 1e6
	}
	return out
}

// TestEcosystemFourPlayers checks table T4's replicator shares on the
// 200-turn tournament of Cooperator, Defector, TitForTat and Grudger.
func TestEcosystemFourPlayers(t *testing.T) {
	r := mustTournament(t, 200, 1, "cooperator", "defector", "tit-for-tat", "grudger")
	shares, err := (&Ecosystem{Results: r}).Reproduce(1000)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		step int
		want []float64
	}{
		{0, []float64{0.25, 0.25, 0.25, 0.25}},
		{1, []float64{0.243046, 0.217121, 0.269916, 0.269916}},
		{10, []float64{0.241213, 0.012693, 0.373047, 0.373047}},
		{100, []float64{0.241981, 0, 0.37901, 0.37901}},
		{1000, []float64{0.241981, 0, 0.37901, 0.37901}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, round6(shares[tt.step])); diff != "" {
			t.Errorf("step %d (-want +got):\n%s", tt.step, diff)
		}
	}
}

// TestEcosystemCooperatorsDefector checks the library's test_ecosystem:
// three cooperators and a defector, default tournament, 1000 steps.
func TestEcosystemCooperatorsDefector(t *testing.T) {
	r := mustTournament(t, 0, 0, "cooperator", "cooperator", "cooperator", "defector")
	shares, err := (&Ecosystem{Results: r}).Reproduce(1000)
	if err != nil {
		t.Fatal(err)
	}
	last := shares[len(shares)-1]
	for i, want := range []float64{0, 0, 0, 1} {
		if math.Abs(last[i]-want) > 1e-9 {
			t.Errorf("share of %s after 1000 steps = %g, want %g", r.Names[i], last[i], want)
		}
	}
}

func TestEcosystemStart(t *testing.T) {
	r := mustTournament(t, 10, 1, "cooperator", "defector")
	shares, err := (&Ecosystem{Results: r, Population: []float64{3, 1}}).Reproduce(1)
	if err != nil {
		t.Fatal(err)
	}
	// Cooperator: 0.75*3 + 0.25*0 = 2.25; defector: 0.75*5 + 0.25*1 = 4.
	want := [][]float64{{0.75, 0.25}, {0.75 * 2.25 / 2.6875, 0.25 * 4 / 2.6875}}
	if diff := cmp.Diff(want, shares, approx); diff != "" {
		t.Errorf("shares (-want +got):\n%s", diff)
	}
	for _, pop := range [][]float64{{1}, {-1, 2}, {0, 0}} {
		if _, err := (&Ecosystem{Results: r, Population: pop}).Reproduce(1); err == nil {
			t.Errorf("population %v gave no error", pop)
		}
	}
}
