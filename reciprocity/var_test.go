package reciprocity

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// TestLeastSquaresByHand checks a regression small enough to work out on
// paper: y = 1, 3, 2, 5, 4 on x = 0..4. Sxy = 8 and Sxx = 10 give slope
// 0.8 and intercept 3 − 0.8·2 = 1.4; the residuals −0.4, 0.8, −1, 1.2,
// −0.6 sum to squares 3.6; (XᵀX)⁻¹ = [30 −10; −10 5]/50.
func TestLeastSquaresByHand(t *testing.T) {
	x := mat.NewDense(5, 2, []float64{1, 0, 1, 1, 1, 2, 1, 3, 1, 4})
	y := mat.NewDense(5, 1, []float64{1, 3, 2, 5, 4})
	f, err := leastSquares(x, y)
	if err != nil {
		t.Fatal(err)
	}
	if !near(f.coef.At(0, 0), 1.4, 1e-12) || !near(f.coef.At(1, 0), 0.8, 1e-12) {
		t.Errorf("coefficients %v, want 1.4 and 0.8", mat.Formatted(f.coef))
	}
	if !near(f.rss(0), 3.6, 1e-12) {
		t.Errorf("RSS = %v, want 3.6", f.rss(0))
	}
	want := mat.NewDense(2, 2, []float64{0.6, -0.2, -0.2, 0.1})
	if !mat.EqualApprox(f.xtxInv, want, 1e-12) {
		t.Errorf("(XᵀX)⁻¹ = %v, want %v", mat.Formatted(f.xtxInv), mat.Formatted(want))
	}
}

// solveNormal solves (XᵀX)b = Xᵀy by Gauss-Jordan elimination with
// partial pivoting, written out here so that the VAR's QR fit is checked
// against a method that shares no code with it.
func solveNormal(x [][]float64, y []float64) []float64 {
	m := len(x[0])
	a := make([][]float64, m)
	for i := range a {
		a[i] = make([]float64, m+1)
		for r := range x {
			for j := range m {
				a[i][j] += x[r][i] * x[r][j]
			}
			a[i][m] += x[r][i] * y[r]
		}
	}
	for c := range m {
		p := c
		for r := c + 1; r < m; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p] = a[p], a[c]
		for r := range m {
			if r != c {
				f := a[r][c] / a[c][c]
				for j := c; j <= m; j++ {
					a[r][j] -= f * a[c][j]
				}
			}
		}
	}
	b := make([]float64, m)
	for i := range b {
		b[i] = a[i][m] / a[i][i]
	}
	return b
}

func TestFitVARMatchesNormalEquations(t *testing.T) {
	y := [][]float64{
		{1, 2, 0, 3, 1, 2, 4, 1, 0, 2, 3, 1},
		{0, 1, 1, 0, 2, 1, 0, 3, 1, 1, 0, 2},
	}
	for p := 1; p <= 2; p++ {
		v, err := FitVAR(y, p)
		if err != nil {
			t.Fatal(err)
		}
		var x [][]float64
		for tt := p; tt < len(y[0]); tt++ {
			row := []float64{1}
			for l := 1; l <= p; l++ {
				row = append(row, y[0][tt-l], y[1][tt-l])
			}
			x = append(x, row)
		}
		for i := range 2 {
			b := solveNormal(x, y[i][p:])
			if !near(v.Intercept[i], b[0], 1e-10) {
				t.Errorf("p=%d eq %d: intercept %v, normal equations %v", p, i, v.Intercept[i], b[0])
			}
			for l := range p {
				for j := range 2 {
					if got := v.A[l][i][j]; !near(got, b[1+2*l+j], 1e-10) {
						t.Errorf("p=%d: A[%d][%d][%d] = %v, normal equations %v", p, l, i, j, got, b[1+2*l+j])
					}
				}
			}
		}
		if v.Obs != len(y[0])-p || v.DF() != v.Obs-1-2*p {
			t.Errorf("p=%d: %d observations, %d df", p, v.Obs, v.DF())
		}
	}
}

// simulate draws n periods of a VAR with the given intercept, lag
// matrices and residual covariance (through its Cholesky factor), after a
// burn-in of 200 periods.
func simulate(rng *rand.Rand, n int, c []float64, a [][][]float64, sigma [][]float64) [][]float64 {
	k, p := len(c), len(a)
	// Lower Cholesky factor of sigma, for k = 1 or 2.
	l := [][]float64{{math.Sqrt(sigma[0][0])}}
	if k == 2 {
		l00 := math.Sqrt(sigma[0][0])
		l10 := sigma[1][0] / l00
		l = [][]float64{{l00, 0}, {l10, math.Sqrt(sigma[1][1] - l10*l10)}}
	}
	const burn = 200
	y := make([][]float64, k)
	for i := range y {
		y[i] = make([]float64, n+burn)
	}
	for t := p; t < n+burn; t++ {
		z := make([]float64, k)
		for i := range z {
			z[i] = rng.NormFloat64()
		}
		for i := range k {
			v := c[i]
			for lag := 1; lag <= p; lag++ {
				for j := range k {
					v += a[lag-1][i][j] * y[j][t-lag]
				}
			}
			for j := 0; j <= i; j++ {
				v += l[i][j] * z[j]
			}
			y[i][t] = v
		}
	}
	for i := range y {
		y[i] = y[i][burn:]
	}
	return y
}

func TestFitVARRecoversCoefficients(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	c := []float64{1, -0.5}
	a := [][][]float64{{{0.5, 0.2}, {-0.3, 0.4}}}
	sigma := [][]float64{{1, 0.3}, {0.3, 0.5}}
	y := simulate(rng, 20000, c, a, sigma)
	v, err := FitVAR(y, 1)
	if err != nil {
		t.Fatal(err)
	}
	// Standard errors are 0.004 to 0.009 for the slopes at this length.
	var worst float64
	for i := range 2 {
		for j := range 2 {
			worst = max(worst, math.Abs(v.A[0][i][j]-a[0][i][j]))
			if !near(v.A[0][i][j], a[0][i][j], 0.03) {
				t.Errorf("A[0][%d][%d] = %.4f, want %.4f", i, j, v.A[0][i][j], a[0][i][j])
			}
			if !near(v.Sigma[i][j], sigma[i][j], 0.03) {
				t.Errorf("Sigma[%d][%d] = %.4f, want %.4f", i, j, v.Sigma[i][j], sigma[i][j])
			}
		}
		if !near(v.Intercept[i], c[i], 0.05) {
			t.Errorf("Intercept[%d] = %.4f, want %.4f", i, v.Intercept[i], c[i])
		}
	}
	t.Logf("largest error of a lag coefficient: %.4f", worst)
	// The companion matrix of a VAR(1) is A itself: eigenvalues
	// 0.45 ± i·sqrt(0.0575), modulus sqrt(0.26).
	if roots := v.Roots(); len(roots) != 2 || !near(roots[0], math.Sqrt(0.26), 0.03) {
		t.Errorf("roots = %v, want two of modulus %.4f", roots, math.Sqrt(0.26))
	}
}

func TestSelectLagFindsTheOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	a := [][][]float64{{{0.4, 0.1}, {0.2, 0.3}}, {{-0.3, 0}, {0.25, -0.2}}}
	y := simulate(rng, 3000, []float64{0, 0}, a, [][]float64{{1, 0}, {0, 1}})
	c, err := SelectLag(y, 6)
	if err != nil {
		t.Fatal(err)
	}
	if c.ByAIC != 2 || c.ByBIC != 2 {
		t.Errorf("chose %d by AIC and %d by BIC, want 2; AIC %v, BIC %v", c.ByAIC, c.ByBIC, c.AIC, c.BIC)
	}
	v, err := FitVAR(y, c.ByAIC)
	if err != nil {
		t.Fatal(err)
	}
	for l := range 2 {
		for i := range 2 {
			for j := range 2 {
				if !near(v.A[l][i][j], a[l][i][j], 0.06) {
					t.Errorf("A[%d][%d][%d] = %.3f, want %.3f", l, i, j, v.A[l][i][j], a[l][i][j])
				}
			}
		}
	}
}

// TestSelectLagCriteria recomputes AIC and BIC of one order from the
// residuals of a fit over the same periods, by the formulas of LagChoice.
func TestSelectLagCriteria(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	y := simulate(rng, 60, []float64{0.5, 0}, [][][]float64{{{0.3, 0.2}, {0, 0.5}}}, [][]float64{{1, 0.2}, {0.2, 2}})
	c, err := SelectLag(y, 3)
	if err != nil {
		t.Fatal(err)
	}
	v, err := fitFrom(y, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	T := float64(len(y[0]) - 3)
	s00, s11, s01 := colDot(v.fit.resid, 0, 0)/T, colDot(v.fit.resid, 1, 1)/T, colDot(v.fit.resid, 0, 1)/T
	ld := math.Log(s00*s11 - s01*s01)
	if want := ld + 2*(2*4+2)/T; !near(c.AIC[1], want, 1e-12) {
		t.Errorf("AIC(2) = %v, want %v", c.AIC[1], want)
	}
	if want := ld + math.Log(T)*(2*4+2)/T; !near(c.BIC[1], want, 1e-12) {
		t.Errorf("BIC(2) = %v, want %v", c.BIC[1], want)
	}
}

func TestFitVARDegenerate(t *testing.T) {
	short := [][]float64{{1, 2, 3, 1, 2}, {0, 1, 0, 1, 0}}
	if _, err := FitVAR(short, 1); err != nil {
		t.Errorf("5 periods, 1 lag: %v (5 ≥ 1 + 3 + 1)", err)
	}
	if _, err := FitVAR(short, 2); !errors.Is(err, ErrTooShort) {
		t.Errorf("5 periods, 2 lags: %v, want ErrTooShort", err)
	}
	flat := [][]float64{{1, 2, 3, 1, 2, 0, 1}, {0, 0, 0, 0, 0, 0, 0}}
	if _, err := FitVAR(flat, 1); !errors.Is(err, ErrConstant) {
		t.Errorf("a constant series: %v, want ErrConstant", err)
	}
	x := []float64{1, 2, 0, 3, 1, 2, 4, 1, 0, 2}
	twice := make([]float64, len(x))
	for i := range x {
		twice[i] = 2 * x[i]
	}
	if _, err := FitVAR([][]float64{x, twice}, 1); !errors.Is(err, ErrSingular) {
		t.Errorf("one series twice the other: %v, want ErrSingular", err)
	}
	if _, err := SelectLag([][]float64{x, twice}, 2); !errors.Is(err, ErrSingular) {
		t.Errorf("SelectLag, one series twice the other: %v, want ErrSingular", err)
	}
}
