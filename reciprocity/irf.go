package reciprocity

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// ImpulseResponse returns the simple impulse responses of a VAR for
// horizons 0 to horizon: Phi[s][i][j] is how much series i moves s
// periods after series j moves by one unit on its own, all else held at
// its expected path. Phi[0] is the identity and
//
//	Phi[s] = Σ_{l=1..min(s,P)} Phi[s−l]·A[l−1].
//
// The responses are simple (forecast-error) ones, not orthogonalised: a
// shock to one series does not move another in the same period, so what
// a response shows comes from the lagged coefficients alone, and the
// order of the series does not matter.
func ImpulseResponse(v *VAR, horizon int) [][][]float64 {
	k := v.K
	phi := make([][][]float64, horizon+1)
	phi[0] = identity(k)
	for s := 1; s <= horizon; s++ {
		phi[s] = zeros(k)
		for l := 1; l <= min(s, v.P); l++ {
			addMul(phi[s], phi[s-l], v.A[l-1])
		}
	}
	return phi
}

// Response is the response of series Effect to a one-unit shock in
// series Cause, period by period over the horizon (Path[s−1] for s = 1
// to Horizon), and its sum, Cumulative. SE is the standard error of the
// sum by the delta method (Lütkepohl 2005, section 3.7: the gradient of
// the sum in the lag coefficients, taken with the coefficients'
// covariance Sigma ⊗ (XᵀX)⁻¹); Z = Cumulative/SE, and P the two-sided
// normal p-value of Z. The horizon starts at 1: at 0 a simple response of
// one series to another is 0 by construction.
type Response struct {
	Cause      int       `json:"cause"`
	Effect     int       `json:"effect"`
	Horizon    int       `json:"horizon"`
	Path       []float64 `json:"path"`
	Cumulative float64   `json:"cumulative"`
	SE         float64   `json:"se"`
	Z          float64   `json:"z"`
	P          float64   `json:"p"`
}

// CumulativeResponse returns the response of series effect to a shock in
// series cause over horizons 1 to horizon.
func CumulativeResponse(v *VAR, cause, effect, horizon int) (Response, error) {
	if cause < 0 || cause >= v.K || effect < 0 || effect >= v.K || horizon < 1 {
		return Response{}, fmt.Errorf("response of series %d to %d over %d periods: want series of %d and a horizon of 1 or more", effect, cause, horizon, v.K)
	}
	phi := ImpulseResponse(v, horizon)
	r := Response{Cause: cause, Effect: effect, Horizon: horizon, Path: make([]float64, horizon)}
	for s := 1; s <= horizon; s++ {
		r.Path[s-1] = phi[s][effect][cause]
		r.Cumulative += phi[s][effect][cause]
	}
	g := responseGradient(v, phi, cause, effect)
	var variance float64
	for q := range g {
		for q2 := range g {
			variance += g[q] * g[q2] * v.coefCov(q, q2)
		}
	}
	if !(variance > 0) {
		return Response{}, fmt.Errorf("%w: the response of series %d to %d has no variance", ErrSingular, effect, cause)
	}
	r.SE = math.Sqrt(variance)
	r.Z = r.Cumulative / r.SE
	r.P = 2 * distuv.UnitNormal.Survival(math.Abs(r.Z))
	return r, nil
}

// The lag coefficients are numbered q = (l·K + i)·K + j for A[l][i][j].

// coefCov returns the estimated covariance of lag coefficients q and q2:
// Sigma[i][i2]·(XᵀX)⁻¹ at their regressors.
func (v *VAR) coefCov(q, q2 int) float64 {
	k := v.K
	l, i, j := q/(k*k), q/k%k, q%k
	l2, i2, j2 := q2/(k*k), q2/k%k, q2%k
	return v.Sigma[i][i2] * v.fit.xtxInv.At(1+l*k+j, 1+l2*k+j2)
}

// responseGradient returns the derivatives of Σ_{s=1..H} Phi[s][effect][cause]
// in each lag coefficient, H = len(phi) − 1, by differentiating the
// recursion of ImpulseResponse:
//
//	dPhi[s] = Σ_l dPhi[s−l]·A[l−1] + Phi[s−l]·dA[l−1].
func responseGradient(v *VAR, phi [][][]float64, cause, effect int) []float64 {
	k, horizon := v.K, len(phi)-1
	g := make([]float64, v.P*k*k)
	d := make([][][]float64, horizon+1)
	for q := range g {
		lq, iq, jq := q/(k*k), q/k%k, q%k
		d[0] = zeros(k)
		for s := 1; s <= horizon; s++ {
			d[s] = zeros(k)
			for l := 1; l <= min(s, v.P); l++ {
				addMul(d[s], d[s-l], v.A[l-1])
				if l-1 == lq { // Phi[s−l] times the unit matrix at (iq, jq)
					for a := range k {
						d[s][a][jq] += phi[s-l][a][iq]
					}
				}
			}
			g[q] += d[s][effect][cause]
		}
	}
	return g
}

func identity(k int) [][]float64 {
	m := zeros(k)
	for i := range k {
		m[i][i] = 1
	}
	return m
}

func zeros(k int) [][]float64 {
	m := make([][]float64, k)
	for i := range m {
		m[i] = make([]float64, k)
	}
	return m
}

// addMul adds a·b to dst, all k×k.
func addMul(dst, a, b [][]float64) {
	for i := range dst {
		for j := range dst[i] {
			var s float64
			for m := range b {
				s += a[i][m] * b[m][j]
			}
			dst[i][j] += s
		}
	}
}
