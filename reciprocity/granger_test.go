package reciprocity

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// TestFDistributionClosedForms checks the tails the tests read from
// gonum against distributions whose tails have closed forms:
// F(2, d) has P(F > x) = (1 + 2x/d)^(−d/2); F(1, 1) is the square of a
// Cauchy variable, so P(F > x) = 1 − (2/π)·atan(√x); chi-squared with 2
// degrees of freedom has P(X > x) = exp(−x/2). The last row is the 5%
// point of F(2, 10) in printed tables, 4.10.
func TestFDistributionClosedForms(t *testing.T) {
	for _, tt := range []struct {
		name      string
		got, want float64
		tol       float64
	}{
		{"F(2,10) > 4.1028", distuv.F{D1: 2, D2: 10}.Survival(4.1028), math.Pow(1+2*4.1028/10, -5), 1e-12},
		{"F(2,37) > 1.3", distuv.F{D1: 2, D2: 37}.Survival(1.3), math.Pow(1+2*1.3/37, -37.0/2), 1e-12},
		{"F(2,500) > 0.2", distuv.F{D1: 2, D2: 500}.Survival(0.2), math.Pow(1+2*0.2/500, -250), 1e-12},
		{"F(1,1) > 3", distuv.F{D1: 1, D2: 1}.Survival(3), 1 - 2/math.Pi*math.Atan(math.Sqrt(3)), 1e-12}, // = 1/3
		{"chi2(2) > 5.991", distuv.ChiSquared{K: 2}.Survival(5.991), math.Exp(-5.991 / 2), 1e-12},
		{"F(2,10) table 5% point", distuv.F{D1: 2, D2: 10}.Survival(4.10), 0.05, 1e-3},
	} {
		if !near(tt.got, tt.want, tt.tol) {
			t.Errorf("%s: %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

// restrictedF computes the Granger F statistic the long way: fit the
// effect's equation without the cause's lags, and compare the residual
// sums of squares.
func restrictedF(t *testing.T, y [][]float64, p, cause, effect int) float64 {
	t.Helper()
	n := len(y[0])
	var x [][]float64
	var resp []float64
	for tt := p; tt < n; tt++ {
		row := []float64{1}
		for l := 1; l <= p; l++ {
			for j := range y {
				if j != cause {
					row = append(row, y[j][tt-l])
				}
			}
		}
		x = append(x, row)
		resp = append(resp, y[effect][tt])
	}
	b := solveNormal(x, resp)
	var rssR float64
	for r := range x {
		var fit float64
		for j := range b {
			fit += b[j] * x[r][j]
		}
		rssR += (resp[r] - fit) * (resp[r] - fit)
	}
	v, err := FitVAR(y, p)
	if err != nil {
		t.Fatal(err)
	}
	rssU := v.fit.rss(effect)
	return ((rssR - rssU) / float64(p)) / (rssU / float64(v.DF()))
}

func TestGrangerRejectsWhenLagsMatter(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	n := 200
	x, y := make([]float64, n), make([]float64, n)
	for i := range n {
		x[i] = rng.NormFloat64()
		if i > 0 {
			y[i] = 0.6*x[i-1] + rng.NormFloat64()
		}
	}
	v, err := FitVAR([][]float64{x, y}, 2)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Granger(v, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if g.P > 1e-6 || g.DF1 != 2 || g.DF2 != n-2-5 {
		t.Errorf("x → y: F(%d, %d) = %.2f, p = %.3g; want a rejection on F(2, %d)", g.DF1, g.DF2, g.F, g.P, n-7)
	}
	// The Wald form and the restricted regression are one statistic.
	if want := restrictedF(t, [][]float64{x, y}, 2, 0, 1); !near(g.F, want, 1e-9*want) {
		t.Errorf("F = %v, restricted regression gives %v", g.F, want)
	}
	// With two lags, the p-value has F(2, d)'s closed form.
	if want := math.Pow(1+2*g.F/float64(g.DF2), -float64(g.DF2)/2); !near(g.P, want, 1e-12) {
		t.Errorf("p = %v, closed form %v", g.P, want)
	}
	if !near(g.Chi2, 2*g.F, 1e-12) || !near(g.PChi2, math.Exp(-g.Chi2/2), 1e-12) {
		t.Errorf("chi2 = %v (p %v), want 2F = %v", g.Chi2, g.PChi2, 2*g.F)
	}
	back, err := Granger(v, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := restrictedF(t, [][]float64{x, y}, 2, 1, 0); !near(back.F, want, 1e-9*want) {
		t.Errorf("y → x: F = %v, restricted regression gives %v", back.F, want)
	}
	if back.P < 0.01 {
		t.Errorf("y → x: p = %.3g; y does not drive x", back.P)
	}
}

// TestGrangerSize runs the test on independent series many times: it
// must reject about 5% of them at 5%.
func TestGrangerSize(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	const runs, n = 400, 80
	rejected := 0
	for range runs {
		y := simulate(rng, n, []float64{0, 0}, [][][]float64{{{0.5, 0}, {0, -0.3}}}, [][]float64{{1, 0}, {0, 1}})
		v, err := FitVAR(y, 2)
		if err != nil {
			t.Fatal(err)
		}
		g, err := Granger(v, 0, 1)
		if err != nil {
			t.Fatal(err)
		}
		if g.P < 0.05 {
			rejected++
		}
	}
	t.Logf("rejected %d of %d independent pairs at 5%%", rejected, runs)
	// 5% of 400 is 20, with a standard deviation of 4.4.
	if rejected < 9 || rejected > 31 {
		t.Errorf("rejected %d of %d independent pairs at 5%%, want about 20", rejected, runs)
	}
}

func TestGrangerBadSeries(t *testing.T) {
	v, err := FitVAR([][]float64{{1, 2, 0, 3, 1, 2, 4}, {0, 1, 1, 0, 2, 1, 0}}, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, pair := range [][2]int{{0, 0}, {0, 2}, {-1, 1}} {
		if _, err := Granger(v, pair[0], pair[1]); err == nil {
			t.Errorf("Granger(%d, %d) succeeded", pair[0], pair[1])
		}
	}
}
