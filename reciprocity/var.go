package reciprocity

import (
	"fmt"
	"math"
	"math/cmplx"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// VAR is a fitted vector autoregression of order P over K series:
//
//	y(t) = Intercept + A[0]·y(t−1) + … + A[P−1]·y(t−P) + u(t)
//
// A[l][i][j] is the effect of series j, l+1 periods earlier, on series i.
// Sigma is the covariance of the residuals u, each sum of squares divided
// by the residual degrees of freedom Obs − 1 − K·P. Obs is the number of
// periods fitted: those with P periods before them.
type VAR struct {
	K         int           `json:"k"`
	P         int           `json:"p"`
	Obs       int           `json:"observations"`
	Intercept []float64     `json:"intercept"`
	A         [][][]float64 `json:"a"`
	Sigma     [][]float64   `json:"sigma"`

	fit *lsq // the regression behind the coefficients: (XᵀX)⁻¹ and residuals
}

// DF returns the residual degrees of freedom of each equation.
func (v *VAR) DF() int { return v.Obs - 1 - v.K*v.P }

// minPeriods returns the fewest periods a VAR of K series with lags up to
// p can be fitted to: p to start from, then one more observation than the
// 1 + K·p coefficients of each equation, so that one degree of freedom is
// left for the residuals.
func minPeriods(k, p int) int { return p + 1 + k*p + 1 }

// checkSeries checks that y holds k ≥ 1 series of one length that can
// carry lags up to p.
func checkSeries(y [][]float64, p int) error {
	if len(y) == 0 {
		return fmt.Errorf("%w: no series", ErrTooShort)
	}
	if p < 1 {
		return fmt.Errorf("lag %d: want at least 1", p)
	}
	n := len(y[0])
	for i, s := range y {
		if len(s) != n {
			return fmt.Errorf("series %d has %d periods, series 0 has %d", i, len(s), n)
		}
	}
	if need := minPeriods(len(y), p); n < need {
		return fmt.Errorf("%w: %d periods, and %d lags of %d series need at least %d", ErrTooShort, n, p, len(y), need)
	}
	for i, s := range y {
		if constant(s) {
			return fmt.Errorf("%w: series %d is %g in every period", ErrConstant, i, s[0])
		}
	}
	return nil
}

func constant(s []float64) bool {
	for _, v := range s {
		if v != s[0] {
			return false
		}
	}
	return true
}

// design returns the regressors and responses of a VAR(p) fitted from
// period start on (start ≥ p): row r is period start+r, its columns 1,
// then y(t−1), …, y(t−p), each lag holding the K series in order.
func design(y [][]float64, p, start int) (x, resp *mat.Dense) {
	k, n := len(y), len(y[0])-start
	x = mat.NewDense(n, 1+k*p, nil)
	resp = mat.NewDense(n, k, nil)
	for r := range n {
		t := start + r
		x.Set(r, 0, 1)
		for l := 1; l <= p; l++ {
			for j := range k {
				x.Set(r, 1+(l-1)*k+j, y[j][t-l])
			}
		}
		for i := range k {
			resp.Set(r, i, y[i][t])
		}
	}
	return x, resp
}

// FitVAR fits a VAR(p) to the series y (y[i] is series i, period by
// period) by least squares, one equation per series over the same
// regressors, which for a VAR is also the maximum-likelihood fit. It
// returns an error wrapping ErrTooShort when the series are too short
// for p lags, ErrConstant when one is constant, and ErrSingular when the
// lagged values are collinear.
func FitVAR(y [][]float64, p int) (*VAR, error) {
	if err := checkSeries(y, p); err != nil {
		return nil, err
	}
	return fitFrom(y, p, p)
}

// fitFrom fits a VAR(p) to the periods from start on.
func fitFrom(y [][]float64, p, start int) (*VAR, error) {
	k := len(y)
	x, resp := design(y, p, start)
	f, err := leastSquares(x, resp)
	if err != nil {
		return nil, err
	}
	v := &VAR{K: k, P: p, Obs: f.n, Intercept: make([]float64, k), A: make([][][]float64, p), fit: f}
	for i := range k {
		v.Intercept[i] = f.coef.At(0, i)
	}
	for l := range p {
		v.A[l] = make([][]float64, k)
		for i := range k {
			v.A[l][i] = make([]float64, k)
			for j := range k {
				v.A[l][i][j] = f.coef.At(1+l*k+j, i)
			}
		}
	}
	df := float64(v.DF())
	v.Sigma = make([][]float64, k)
	for i := range k {
		v.Sigma[i] = make([]float64, k)
		for j := range k {
			v.Sigma[i][j] = colDot(f.resid, i, j) / df
		}
	}
	return v, nil
}

func colDot(m *mat.Dense, i, j int) float64 {
	n, _ := m.Dims()
	var s float64
	for r := range n {
		s += m.At(r, i) * m.At(r, j)
	}
	return s
}

// logDetML returns the log determinant of the maximum-likelihood residual
// covariance, each sum of squares divided by Obs.
func (v *VAR) logDetML() (float64, error) {
	k := v.K
	s := mat.NewSymDense(k, nil)
	for i := range k {
		for j := i; j < k; j++ {
			s.SetSym(i, j, colDot(v.fit.resid, i, j)/float64(v.Obs))
		}
	}
	var ch mat.Cholesky
	if !ch.Factorize(s) {
		return 0, fmt.Errorf("%w: the residuals are collinear", ErrSingular)
	}
	return ch.LogDet(), nil
}

// Roots returns the moduli of the eigenvalues of the VAR's companion
// matrix, largest first. The VAR is stable, and its impulse responses die
// out, when all are below 1.
func (v *VAR) Roots() []float64 {
	k, p := v.K, v.P
	c := mat.NewDense(k*p, k*p, nil)
	for l := range p {
		for i := range k {
			for j := range k {
				c.Set(i, l*k+j, v.A[l][i][j])
			}
		}
	}
	for i := k; i < k*p; i++ {
		c.Set(i, i-k, 1)
	}
	var e mat.Eigen
	if !e.Factorize(c, mat.EigenNone) {
		return nil
	}
	var out []float64
	for _, z := range e.Values(nil) {
		out = append(out, cmplx.Abs(z))
	}
	slices.Sort(out)
	slices.Reverse(out)
	return out
}

// LagChoice is the outcome of choosing a VAR's order: the information
// criteria of orders 1 to Max, all fitted to the same periods (those
// after the first Max), and the order each criterion prefers. AIC[p−1]
// and BIC[p−1] belong to order p. As R's vars::VARselect does, both count
// the K intercepts among the parameters:
//
//	AIC(p) = ln det Σ̃(p) + 2·(p·K² + K)/T
//	BIC(p) = ln det Σ̃(p) + ln T·(p·K² + K)/T
//
// where Σ̃ is the residual covariance with sums of squares divided by T,
// the number of periods fitted.
type LagChoice struct {
	Max   int       `json:"max"`
	AIC   []float64 `json:"aic"`
	BIC   []float64 `json:"bic"`
	ByAIC int       `json:"by_aic"`
	ByBIC int       `json:"by_bic"`
}

// SelectLag fits VARs of orders 1 to maxLag to the periods after the
// first maxLag, so that they are compared on the same data, and returns
// their criteria. It fails as FitVAR does for maxLag.
func SelectLag(y [][]float64, maxLag int) (*LagChoice, error) {
	if err := checkSeries(y, maxLag); err != nil {
		return nil, err
	}
	c := &LagChoice{Max: maxLag, AIC: make([]float64, maxLag), BIC: make([]float64, maxLag)}
	k := float64(len(y))
	for p := 1; p <= maxLag; p++ {
		v, err := fitFrom(y, p, maxLag)
		if err != nil {
			return nil, fmt.Errorf("lag %d: %w", p, err)
		}
		ld, err := v.logDetML()
		if err != nil {
			return nil, fmt.Errorf("lag %d: %w", p, err)
		}
		t := float64(v.Obs)
		params := float64(p)*k*k + k
		c.AIC[p-1] = ld + 2*params/t
		c.BIC[p-1] = ld + math.Log(t)*params/t
	}
	c.ByAIC, c.ByBIC = argmin(c.AIC)+1, argmin(c.BIC)+1
	return c, nil
}

func argmin(s []float64) int {
	best := 0
	for i, v := range s {
		if v < s[best] {
			best = i
		}
	}
	return best
}
