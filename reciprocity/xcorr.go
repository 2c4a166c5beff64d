package reciprocity

import (
	"fmt"
	"math"
)

// Lagged is the correlation of one series with another Lag periods later.
type Lagged struct {
	Lag int     `json:"lag"`
	R   float64 `json:"r"`
}

// CrossCorrelation returns the correlations of x(t) with y(t+k) for k
// from −maxLag to maxLag: a peak at k > 0 means y follows x by k periods,
// at k < 0 that x follows y. It uses the usual estimator of time-series
// analysis (Box and Jenkins; R's ccf, which names the lag the other way
// round):
//
//	r(k) = Σ (x(t) − x̄)(y(t+k) − ȳ) / (n·sx·sy)
//
// summed over the n − |k| pairs both series hold, the means and the
// standard deviations (divided by n) taken over all n periods. Under no
// correlation |r(k)| exceeds 2/√n about one time in twenty (Bound).
func CrossCorrelation(x, y []float64, maxLag int) ([]Lagged, error) {
	n := len(x)
	switch {
	case len(y) != n:
		return nil, fmt.Errorf("cross-correlation: series of %d and %d periods", n, len(y))
	case maxLag < 0:
		return nil, fmt.Errorf("cross-correlation: lag %d: want 0 or more", maxLag)
	case maxLag >= n:
		return nil, fmt.Errorf("%w: %d periods for lags up to %d", ErrTooShort, n, maxLag)
	case constant(x) || constant(y):
		return nil, fmt.Errorf("%w: a cross-correlation needs both series to vary", ErrConstant)
	}
	mx, sx := meanSD(x)
	my, sy := meanSD(y)
	out := make([]Lagged, 0, 2*maxLag+1)
	for k := -maxLag; k <= maxLag; k++ {
		var s float64
		for t := max(0, -k); t < n && t+k < n; t++ {
			s += (x[t] - mx) * (y[t+k] - my)
		}
		out = append(out, Lagged{Lag: k, R: s / (float64(n) * sx * sy)})
	}
	return out, nil
}

// Bound returns 2/√n, the approximate 95% bound of a cross-correlation
// of n periods under no correlation.
func Bound(n int) float64 { return 2 / math.Sqrt(float64(n)) }

func meanSD(x []float64) (mean, sd float64) {
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	for _, v := range x {
		sd += (v - mean) * (v - mean)
	}
	return mean, math.Sqrt(sd / float64(len(x)))
}
