package reciprocity

import (
	"errors"
	"fmt"
)

// Defaults of Options.
const (
	DefaultMaxLag  = 4
	DefaultHorizon = 8
)

// Alpha is the significance level of the verdicts.
const Alpha = 0.05

// Options tune Analyze.
type Options struct {
	// MaxLag is the largest VAR order tried and the largest lag of the
	// cross-correlation; 0 means DefaultMaxLag.
	MaxLag int
	// Horizon is the number of periods over which a response is summed;
	// 0 means DefaultHorizon.
	Horizon int
}

// Report is the analysis of a dyad's series. Series 0 of the VAR is the
// flow from A to B and series 1 that from B to A; Names names them.
// Granger, Responses and Verdicts hold two entries each: first how B
// responds to A (the effect of series 0 on series 1), then how A responds
// to B.
type Report struct {
	Series           *Series        `json:"series"`
	Names            [2]string      `json:"names"`
	Totals           [2]Totals      `json:"totals"`
	CrossCorrelation []Lagged       `json:"cross_correlation"`
	Bound            float64        `json:"cross_correlation_bound"`
	Criterion        string         `json:"criterion"`     // the criterion that chose the lag order: "AIC"
	ResponseKind     string         `json:"response_kind"` // "simple": not orthogonalised
	Lags             *LagChoice     `json:"lag_choice"`
	VAR              *VAR           `json:"var"`
	Roots            []float64      `json:"roots"`
	Granger          [2]GrangerTest `json:"granger"`
	Responses        [2]Response    `json:"responses"`
	Verdicts         [2]Verdict     `json:"verdicts"`
	Notes            []string       `json:"notes"`
}

// Verdict kinds.
const (
	KindReciprocity = "reciprocity" // the response has the sign of the shock
	KindInverse     = "inverse"     // the opposite sign: cooperation met with conflict, conflict with cooperation
	KindNone        = "none"        // no response at all
)

// Verdict says how one side (Side) responds to the other (To): by the
// sign of the cumulative response of its flow to a shock in the other's,
// reciprocity when it has the shock's sign and inverse response when it
// has the opposite one. Significant is true when the response's p-value
// is below Alpha; Text says it all in a sentence.
type Verdict struct {
	Side        string  `json:"side"`
	To          string  `json:"to"`
	Kind        string  `json:"kind"`
	Significant bool    `json:"significant"`
	Cumulative  float64 `json:"cumulative"`
	P           float64 `json:"p"`
	GrangerP    float64 `json:"granger_p"`
	Text        string  `json:"text"`
}

// Analyze fits the dyad's two net flows: their cross-correlation, a VAR
// whose order Akaike's criterion chooses up to Options.MaxLag, Granger
// tests and cumulative simple impulse responses in both directions, and
// a verdict for each. It fails, with a message that says why, when the
// series has too few periods for the lags, when a flow is constant (no
// events in one direction, say) and when the lagged flows are collinear;
// the errors wrap ErrTooShort, ErrConstant and ErrSingular.
func Analyze(s *Series, o Options) (*Report, error) {
	maxLag, horizon := o.MaxLag, o.Horizon
	if maxLag == 0 {
		maxLag = DefaultMaxLag
	}
	if horizon == 0 {
		horizon = DefaultHorizon
	}
	if maxLag < 1 || horizon < 1 {
		return nil, fmt.Errorf("lags %d, horizon %d: want 1 or more of each", maxLag, horizon)
	}
	r := &Report{Series: s, Names: [2]string{s.Dyad.AB(), s.Dyad.BA()}, Totals: [2]Totals{s.AB.Totals(), s.BA.Totals()},
		Criterion: "AIC", ResponseKind: "simple", Notes: []string{}}
	if err := r.check(maxLag); err != nil {
		return nil, err
	}
	y := [][]float64{s.AB.Net, s.BA.Net}
	var err error
	if r.CrossCorrelation, err = CrossCorrelation(y[0], y[1], maxLag); err != nil {
		return nil, err
	}
	r.Bound = Bound(s.Len())
	if r.Lags, err = SelectLag(y, maxLag); err != nil {
		return nil, r.explain(err)
	}
	if r.VAR, err = FitVAR(y, r.Lags.ByAIC); err != nil {
		return nil, r.explain(err)
	}
	r.Roots = r.VAR.Roots()
	for d, pair := range [2][2]int{{0, 1}, {1, 0}} {
		if r.Granger[d], err = Granger(r.VAR, pair[0], pair[1]); err != nil {
			return nil, r.explain(err)
		}
		if r.Responses[d], err = CumulativeResponse(r.VAR, pair[0], pair[1], horizon); err != nil {
			return nil, r.explain(err)
		}
	}
	r.Verdicts[0] = r.verdict(s.Dyad.B, s.Dyad.A, 0)
	r.Verdicts[1] = r.verdict(s.Dyad.A, s.Dyad.B, 1)
	r.notes()
	return r, nil
}

// check turns the cases no VAR can be fitted to into plain messages.
func (r *Report) check(maxLag int) error {
	s := r.Series
	n, need := s.Len(), minPeriods(2, maxLag)
	if n < need {
		span := ""
		if n > 0 {
			span = fmt.Sprintf(" (%s to %s)", s.Labels[0], s.Labels[n-1])
		}
		return fmt.Errorf("%w: %s has %s%s, and a VAR with up to %d lags needs at least %d",
			ErrTooShort, dyadName(s), count(n, string(s.Period)), span, maxLag, need)
	}
	for i, f := range []*Flow{&s.AB, &s.BA} {
		if !constant(f.Net) {
			continue
		}
		if r.Totals[i].Events == 0 {
			return fmt.Errorf("%w: %s has no events in any of the %s, so there is no response to measure",
				ErrConstant, r.Names[i], count(n, string(s.Period)))
		}
		return fmt.Errorf("%w: %s is %+.1f in every one of the %s, so it explains nothing and nothing explains it",
			ErrConstant, r.Names[i], f.Net[0], count(n, string(s.Period)))
	}
	return nil
}

// explain adds the dyad to an error of the model, and says in words what
// a singular fit means.
func (r *Report) explain(err error) error {
	s := r.Series
	if errors.Is(err, ErrSingular) {
		return fmt.Errorf("%w: %s over %s: the past values of the two flows are collinear, so no VAR fits them uniquely; "+
			"%s from %s to %s and %d from %s to %s are too few, or too alike in timing, to tell their effects apart",
			ErrSingular, dyadName(s), count(s.Len(), string(s.Period)), count(r.Totals[0].Events, "event"), s.Dyad.A, s.Dyad.B,
			r.Totals[1].Events, s.Dyad.B, s.Dyad.A)
	}
	return fmt.Errorf("%s: %w", dyadName(s), err)
}

func dyadName(s *Series) string { return s.Dyad.A + "–" + s.Dyad.B }

// count writes n and a noun, plural when n is not 1: "1 week", "3 months".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// verdict says how side responds to the other, from response d.
func (r *Report) verdict(side, to string, d int) Verdict {
	resp, g := r.Responses[d], r.Granger[d]
	v := Verdict{Side: side, To: to, Cumulative: resp.Cumulative, P: resp.P, GrangerP: g.P, Significant: resp.P < Alpha}
	switch {
	case resp.Cumulative > 0:
		v.Kind = KindReciprocity
	case resp.Cumulative < 0:
		v.Kind = KindInverse
	default:
		v.Kind = KindNone
	}
	effect := fmt.Sprintf("a one-point rise in %s is followed by %+.3g in %s over the next %s (%s; Granger %s)",
		r.Names[d], resp.Cumulative, r.Names[1-d], count(resp.Horizon, string(r.Series.Period)), PValue(resp.P), PValue(g.P))
	switch {
	case v.Significant && v.Kind == KindReciprocity:
		v.Text = fmt.Sprintf("%s answers %s in kind (reciprocity), significant at %g%%: %s", side, to, 100*Alpha, effect)
	case v.Significant && v.Kind == KindInverse:
		v.Text = fmt.Sprintf("%s answers %s inversely (bullying: cooperation met with conflict, conflict with cooperation), significant at %g%%: %s",
			side, to, 100*Alpha, effect)
	default:
		lean := "in neither direction"
		switch v.Kind {
		case KindReciprocity:
			lean = "toward reciprocity"
		case KindInverse:
			lean = "toward inverse response"
		}
		v.Text = fmt.Sprintf("no significant response of %s to %s: %s; the point estimate leans %s", side, to, effect, lean)
	}
	return v
}

// PValue writes "p = 0.031" with two significant digits, or "p < 0.0001".
func PValue(p float64) string {
	if p < 0.0001 {
		return "p < 0.0001"
	}
	return fmt.Sprintf("p = %.2g", p)
}

// notes warns of what weakens the estimates.
func (r *Report) notes() {
	s, n := r.Series, r.Series.Len()
	active := 0
	for i := range n {
		if s.AB.Events[i]+s.BA.Events[i] > 0 {
			active++
		}
	}
	if active*4 < n {
		r.Notes = append(r.Notes, fmt.Sprintf("only %d of the %s have an event in either direction: the estimates rest on few events and most of the series is empty",
			active, count(n, string(s.Period))))
	}
	if df := r.VAR.DF(); df < 20 {
		r.Notes = append(r.Notes, fmt.Sprintf("each equation has %d residual degrees of freedom: the tests have little power", df))
	}
	if len(r.Roots) > 0 && r.Roots[0] >= 1 {
		r.Notes = append(r.Notes, fmt.Sprintf("the fitted VAR is not stable (largest root %.3g): responses grow rather than die out, so the cumulative responses depend on the horizon", r.Roots[0]))
	}
	if r.Lags.ByBIC != r.Lags.ByAIC {
		r.Notes = append(r.Notes, fmt.Sprintf("BIC would choose %d lags where AIC chose %d", r.Lags.ByBIC, r.Lags.ByAIC))
	}
}
