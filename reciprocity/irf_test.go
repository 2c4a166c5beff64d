package reciprocity

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// TestImpulseResponseCompanion checks the recursion against powers of the
// companion matrix: for a VAR(2), Phi[s] is the top-left K×K block of
// C^s, C = [A1 A2; I 0].
func TestImpulseResponseCompanion(t *testing.T) {
	v := &VAR{K: 2, P: 2, A: [][][]float64{{{0.5, 0.2}, {-0.3, 0.4}}, {{0.1, -0.2}, {0.25, 0}}}}
	c := mat.NewDense(4, 4, []float64{
		0.5, 0.2, 0.1, -0.2,
		-0.3, 0.4, 0.25, 0,
		1, 0, 0, 0,
		0, 1, 0, 0,
	})
	phi := ImpulseResponse(v, 6)
	pow := mat.NewDense(4, 4, nil)
	for i := range 4 {
		pow.Set(i, i, 1)
	}
	for s := 0; s <= 6; s++ {
		for i := range 2 {
			for j := range 2 {
				if !near(phi[s][i][j], pow.At(i, j), 1e-14) {
					t.Errorf("Phi[%d][%d][%d] = %v, companion power gives %v", s, i, j, phi[s][i][j], pow.At(i, j))
				}
			}
		}
		pow.Mul(pow, c)
	}
}

// fitted returns a VAR fitted to a simulated series in which series 1
// answers series 0 with coefficient b one period later.
func fitted(t *testing.T, seed uint64, n int, b float64) *VAR {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, seed+1))
	a := [][][]float64{{{0.4, 0.1}, {b, 0.3}}}
	v, err := FitVAR(simulate(rng, n, []float64{0.2, -0.1}, a, [][]float64{{1, 0.2}, {0.2, 1}}), 2)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestResponseGradient checks the derivative recursion against central
// differences of the cumulative response in each lag coefficient.
func TestResponseGradient(t *testing.T) {
	v := fitted(t, 11, 300, 0.3)
	const horizon, h = 7, 1e-6
	sum := func() float64 {
		phi := ImpulseResponse(v, horizon)
		var s float64
		for k := 1; k <= horizon; k++ {
			s += phi[k][1][0]
		}
		return s
	}
	g := responseGradient(v, ImpulseResponse(v, horizon), 0, 1)
	if len(g) != 8 {
		t.Fatalf("%d derivatives, want P·K² = 8", len(g))
	}
	for q := range g {
		l, i, j := q/4, q/2%2, q%2
		keep := v.A[l][i][j]
		v.A[l][i][j] = keep + h
		up := sum()
		v.A[l][i][j] = keep - h
		down := sum()
		v.A[l][i][j] = keep
		if num := (up - down) / (2 * h); !near(g[q], num, 1e-7) {
			t.Errorf("d/dA[%d][%d][%d] = %v, central difference %v", l, i, j, g[q], num)
		}
	}
}

// TestCumulativeResponseCoverage draws many series from one VAR and wants
// the delta-method 95% interval of the cumulative response to hold the
// true value about 95% of the time.
func TestCumulativeResponseCoverage(t *testing.T) {
	const horizon, runs = 6, 300
	truth := &VAR{K: 2, P: 1, A: [][][]float64{{{0.4, 0.1}, {0.3, 0.3}}}}
	phi := ImpulseResponse(truth, horizon)
	var want float64
	for s := 1; s <= horizon; s++ {
		want += phi[s][1][0]
	}
	z := distuv.UnitNormal.Quantile(0.975)
	covered := 0
	for r := range runs {
		v := fitted(t, uint64(100+2*r), 200, 0.3)
		resp, err := CumulativeResponse(v, 0, 1, horizon)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(resp.Cumulative-want) <= z*resp.SE {
			covered++
		}
	}
	t.Logf("the 95%% interval held the true cumulative response %.4f in %d of %d runs", want, covered, runs)
	// 95% of 300 is 285, with a standard deviation of 3.8.
	if covered < 270 || covered > 297 {
		t.Errorf("covered %d of %d, want about 285", covered, runs)
	}
}

func TestCumulativeResponseSigns(t *testing.T) {
	for _, b := range []float64{0.4, -0.4} {
		v := fitted(t, 21, 300, b)
		r, err := CumulativeResponse(v, 0, 1, 8)
		if err != nil {
			t.Fatal(err)
		}
		if (r.Cumulative > 0) != (b > 0) || r.P > 1e-4 || len(r.Path) != 8 {
			t.Errorf("b = %v: cumulative %.3f, p %.3g; want the sign of b, significant", b, r.Cumulative, r.P)
		}
		if !near(r.Path[0], v.A[0][1][0], 1e-15) {
			t.Errorf("b = %v: the first response is %v, want A[0][1][0] = %v", b, r.Path[0], v.A[0][1][0])
		}
		if !near(r.P, 2*distuv.UnitNormal.Survival(math.Abs(r.Cumulative/r.SE)), 1e-15) {
			t.Errorf("p = %v does not match z = %v", r.P, r.Z)
		}
	}
}

func TestCrossCorrelationPeaksAtTheShift(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	const n, shift = 300, 3
	x, y := make([]float64, n), make([]float64, n)
	for i := range n {
		x[i] = rng.NormFloat64()
		if i >= shift {
			y[i] = x[i-shift] + 0.3*rng.NormFloat64()
		}
	}
	cc, err := CrossCorrelation(x, y, 6)
	if err != nil {
		t.Fatal(err)
	}
	if len(cc) != 13 || cc[0].Lag != -6 || cc[12].Lag != 6 {
		t.Fatalf("lags %v, want -6..6", cc)
	}
	best := cc[0]
	for _, c := range cc {
		if math.Abs(c.R) > math.Abs(best.R) {
			best = c
		}
	}
	if best.Lag != shift || best.R < 0.9 {
		t.Errorf("peak at lag %d (r %.3f), want %d: y follows x by %d", best.Lag, best.R, shift, shift)
	}
	// The swapped pair peaks at the negative shift.
	back, _ := CrossCorrelation(y, x, 6)
	if back[6-shift].R != cc[6+shift].R {
		t.Errorf("r_yx(-%d) = %v, r_xy(%d) = %v; want equal", shift, back[6-shift].R, shift, cc[6+shift].R)
	}
	// At lag 0 the estimator is Pearson's correlation.
	if want := stat.Correlation(x, y, nil); !near(cc[6].R, want, 1e-12) {
		t.Errorf("r(0) = %v, Pearson %v", cc[6].R, want)
	}
}

// TestCrossCorrelationByHand: x = 1, 2, 3, 4 and y = 2, 1, 4, 3 have
// means 2.5, deviations (−1.5, −0.5, 0.5, 1.5) and (−0.5, −1.5, 1.5,
// 0.5), and n·sx·sy = 5. At lag 1 the products of x(t) and y(t+1) sum to
// 2.25 − 0.75 + 0.25 = 1.75; at lag −1, x(t) with y(t−1): 0.25 − 0.75 +
// 2.25 = 1.75; at 0, 0.75 + 0.75 + 0.75 + 0.75 = 3.
func TestCrossCorrelationByHand(t *testing.T) {
	cc, err := CrossCorrelation([]float64{1, 2, 3, 4}, []float64{2, 1, 4, 3}, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{1.75 / 5, 3.0 / 5, 1.75 / 5} {
		if !near(cc[i].R, want, 1e-15) {
			t.Errorf("r(%d) = %v, want %v", cc[i].Lag, cc[i].R, want)
		}
	}
	if _, err := CrossCorrelation([]float64{1, 1, 1}, []float64{1, 2, 3}, 1); err == nil {
		t.Error("a constant series was correlated")
	}
	if _, err := CrossCorrelation([]float64{1, 2, 3}, []float64{1, 2, 0}, 3); err == nil {
		t.Error("lag 3 of 3 periods was computed")
	}
}
