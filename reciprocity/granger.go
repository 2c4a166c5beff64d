package reciprocity

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// GrangerTest is the test of whether series Cause helps to predict series
// Effect once Effect's own past (and that of any other series in the VAR)
// is known: the hypothesis that the lags of Cause all have coefficient 0
// in the equation of Effect.
//
// F is the Wald statistic divided by the number of lags; under the
// hypothesis, with normal residuals, it follows an F distribution with
// DF1 = the number of lags and DF2 = the equation's residual degrees of
// freedom, and P is its upper tail. This is the classical F test of the
// restriction in one equation, the same number as
// ((RSS restricted − RSS) / DF1) / (RSS / DF2). R's vars::causality
// reports the same statistic but takes its DF2 as K times this one. Chi2
// = DF1·F is the Wald statistic, asymptotically chi-squared with DF1
// degrees of freedom, and PChi2 its upper tail.
type GrangerTest struct {
	Cause  int     `json:"cause"`
	Effect int     `json:"effect"`
	F      float64 `json:"f"`
	DF1    int     `json:"df1"`
	DF2    int     `json:"df2"`
	P      float64 `json:"p"`
	Chi2   float64 `json:"chi2"`
	PChi2  float64 `json:"p_chi2"`
}

// Granger tests whether series cause Granger-causes series effect in the
// fitted VAR.
func Granger(v *VAR, cause, effect int) (GrangerTest, error) {
	if cause < 0 || cause >= v.K || effect < 0 || effect >= v.K || cause == effect {
		return GrangerTest{}, fmt.Errorf("granger: series %d and %d: want two different series of %d", cause, effect, v.K)
	}
	s2 := v.Sigma[effect][effect]
	if !(s2 > 0) {
		return GrangerTest{}, fmt.Errorf("%w: the equation of series %d fits exactly", ErrSingular, effect)
	}
	p := v.P
	beta := mat.NewVecDense(p, nil)
	cov := mat.NewSymDense(p, nil)
	for a := range p {
		ra := 1 + a*v.K + cause
		beta.SetVec(a, v.fit.coef.At(ra, effect))
		for b := a; b < p; b++ {
			cov.SetSym(a, b, v.fit.xtxInv.At(ra, 1+b*v.K+cause))
		}
	}
	var ch mat.Cholesky
	if !ch.Factorize(cov) {
		return GrangerTest{}, fmt.Errorf("%w: the lags of series %d are collinear", ErrSingular, cause)
	}
	var sol mat.VecDense
	if err := ch.SolveVecTo(&sol, beta); err != nil {
		return GrangerTest{}, fmt.Errorf("%w: %v", ErrSingular, err)
	}
	w := mat.Dot(beta, &sol) / s2
	t := GrangerTest{Cause: cause, Effect: effect, F: w / float64(p), DF1: p, DF2: v.DF(), Chi2: w}
	t.P = distuv.F{D1: float64(t.DF1), D2: float64(t.DF2)}.Survival(t.F)
	t.PChi2 = distuv.ChiSquared{K: float64(p)}.Survival(w)
	return t, nil
}
