// Package reciprocity measures how two sides answer each other's actions,
// in the manner of Goldstein and Pevehouse (1997, APSR 91(3)): each
// side's actions toward the other are summed, period by period, on the
// Goldstein conflict-cooperation scale, and the two series are set side
// by side.
//
// A Series holds, for a dyad A and B and a period (an ISO week starting
// on Monday, or a calendar month), the net weight of A's events toward B
// and of B's toward A in every period from the first to the last, empty
// periods counting 0, together with the cooperative and conflictual parts
// and their counts. An actor belongs to its side through a CountryOf
// function, so that an Iranian official's events toward an American one
// count as Iran's toward the United States.
//
// Over a series the package computes
//
//   - the lagged cross-correlation of the two flows (CrossCorrelation);
//   - a vector autoregression of order p, p chosen by Akaike's criterion
//     (SelectLag, FitVAR), fitted by least squares equation by equation;
//   - Granger tests in both directions, as F tests of the other side's
//     lags in each equation (Granger);
//   - simple (not orthogonalised) impulse responses and their cumulative
//     sum over a horizon, with a delta-method standard error
//     (ImpulseResponse, CumulativeResponse);
//
// and Analyze puts them together into a verdict per direction: a side
// that answers cooperation with cooperation and conflict with conflict
// reciprocates; one that answers them with the opposite responds
// inversely (Goldstein and Pevehouse's "bullying").
//
// Everything works on plain values: events in, numbers out. Nothing here
// reads a store, and the fitted coefficients stay in the VAR for whoever
// wants to project a dyad forward.
package reciprocity
