package reciprocity

import (
	"errors"
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// Errors for series a model cannot be fitted to. Analyze and FitVAR wrap
// them with the particulars.
var (
	// ErrTooShort means the series has too few periods for the lags asked.
	ErrTooShort = errors.New("not enough periods")
	// ErrConstant means a series has the same value in every period, so
	// it explains nothing and nothing can explain it.
	ErrConstant = errors.New("constant series")
	// ErrSingular means the regressors are collinear (or nearly so) and
	// the least-squares problem has no unique answer.
	ErrSingular = errors.New("singular regression")
)

// maxCondition is the largest condition number of a design matrix that
// is fitted. Solving by QR loses about log10(condition) digits of the 16
// a float64 holds; beyond 1e10 fewer than 6 would be left.
const maxCondition = 1e10

// lsq is a least-squares fit of the columns of Y on the columns of X:
// Coef (m×k) minimises |Y − X·Coef|, column by column.
type lsq struct {
	coef   *mat.Dense // m×k
	resid  *mat.Dense // n×k
	xtxInv *mat.Dense // m×m: (XᵀX)⁻¹
	n, m   int
}

// leastSquares fits Y on X through the QR factorisation of X, which is
// as accurate as the problem allows rather than squaring its condition
// as the normal equations would. It returns ErrSingular when X has fewer
// rows than columns or is too close to rank deficient.
func leastSquares(x, y *mat.Dense) (*lsq, error) {
	n, m := x.Dims()
	if n < m {
		return nil, fmt.Errorf("%w: %d observations for %d coefficients", ErrSingular, n, m)
	}
	var qr mat.QR
	qr.Factorize(x)
	if c := qr.Cond(); c > maxCondition {
		return nil, fmt.Errorf("%w: the regressors are collinear (condition number %.3g)", ErrSingular, c)
	}
	f := &lsq{coef: &mat.Dense{}, n: n, m: m}
	if err := qr.SolveTo(f.coef, false, y); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSingular, err)
	}
	f.resid = &mat.Dense{}
	f.resid.Mul(x, f.coef)
	f.resid.Sub(y, f.resid)
	// XᵀX = RᵀR, so (XᵀX)⁻¹ = R⁻¹R⁻ᵀ.
	var full mat.Dense
	qr.RTo(&full)
	r := mat.NewTriDense(m, mat.Upper, nil)
	r.Copy(full.Slice(0, m, 0, m))
	var rInv mat.TriDense
	if err := rInv.InverseTri(r); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSingular, err)
	}
	f.xtxInv = &mat.Dense{}
	f.xtxInv.Mul(&rInv, rInv.T())
	return f, nil
}

// rss returns the residual sum of squares of response j.
func (f *lsq) rss(j int) float64 {
	col := mat.Col(nil, j, f.resid)
	return mat.Dot(mat.NewVecDense(len(col), col), mat.NewVecDense(len(col), col))
}
