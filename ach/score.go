package ach

import (
	"cmp"
	"math"
	"slices"
)

// Result is the scoring of a matrix. Hypotheses keep the file's order.
type Result struct {
	Question    string            `json:"question"`
	Hypotheses  []HypothesisScore `json:"hypotheses"`
	Leaders     Leaders           `json:"leaders"`
	Evidence    []ItemScore       `json:"evidence"`
	Sensitivity []Sensitivity     `json:"sensitivity"`
	Indicators  []ItemScore       `json:"indicators"`
	Warnings    []string          `json:"warnings"`
}

// HypothesisScore is one hypothesis's scores. Rank is its place under
// PARC's weighted inconsistency and PosteriorRank its place by posterior,
// both from 1; hypotheses that tie share a rank.
type HypothesisScore struct {
	ID                    string  `json:"id"`
	Text                  string  `json:"text"`
	Prior                 float64 `json:"prior"`
	Inconsistency         int     `json:"inconsistency"`
	WeightedInconsistency float64 `json:"weighted_inconsistency"`
	Rank                  int     `json:"rank"`
	Posterior             float64 `json:"posterior"`
	PosteriorRank         int     `json:"posterior_rank"`
}

// Leaders names the leading hypotheses, more than one when they tie.
type Leaders struct {
	PARC      []string `json:"parc"`
	Posterior []string `json:"posterior"`
}

// ItemScore is an item of evidence, or an indicator, with its
// diagnosticity. Ratings maps hypothesis ids to ratings.
type ItemScore struct {
	ID            string            `json:"id"`
	Entry         string            `json:"entry"`
	Text          string            `json:"text"`
	Source        string            `json:"source,omitempty"`
	Date          string            `json:"date,omitempty"`
	Credibility   Level             `json:"credibility"`
	Relevance     Level             `json:"relevance"`
	Ratings       map[string]Rating `json:"ratings"`
	Suggested     bool              `json:"suggested"`
	Diagnosticity float64           `json:"diagnosticity"`
	Record        *Record           `json:"record,omitempty"`
	Query         *Query            `json:"query,omitempty"`
}

// Sensitivity says what the scores become without one item.
type Sensitivity struct {
	ID string `json:"id"`
	// PARCOrder lists the hypotheses best first under PARC without the
	// item, ties in the file's order.
	PARCOrder        []string `json:"parc_order"`
	PARCLeaders      []string `json:"parc_leaders"`
	PosteriorLeaders []string `json:"posterior_leaders"`
	ChangesPARC      bool     `json:"changes_parc"`
	ChangesPosterior bool     `json:"changes_posterior"`
	// PosteriorShift is the largest change of any hypothesis's posterior
	// when the item is left out.
	PosteriorShift float64 `json:"posterior_shift"`
}

// tie is how close two scores must be to count as equal.
const tie = 1e-9

// Score computes the PARC scores, the posterior, each item's
// diagnosticity, the leave-one-out sensitivity and the ranked indicators
// of m. See the package documentation for the rules.
func Score(m *Matrix) *Result {
	t := newTally(m.Hypotheses)
	for i := range m.Items {
		t.add(&m.Items[i], 1)
	}
	post := t.posterior()
	r := &Result{Question: m.Question, Sensitivity: []Sensitivity{}, Warnings: []string{}}
	ranks, postRanks := competitionRanks(t.weighted), competitionRanks(post)
	for j, h := range m.Hypotheses {
		r.Hypotheses = append(r.Hypotheses, HypothesisScore{ID: h.ID, Text: h.Text, Prior: t.prior[j],
			Inconsistency: t.count[j], WeightedInconsistency: t.weighted[j], Rank: ranks[j],
			Posterior: post[j], PosteriorRank: postRanks[j]})
	}
	r.Leaders = Leaders{PARC: t.ids(ranks), Posterior: t.ids(postRanks)}
	r.Evidence = itemScores(m.Hypotheses, m.Items)
	for i := range m.Items {
		r.Sensitivity = append(r.Sensitivity, t.without(&m.Items[i], r.Leaders, post))
	}
	r.Indicators = itemScores(m.Hypotheses, m.Pending)
	slices.SortStableFunc(r.Indicators, func(a, b ItemScore) int { return cmp.Compare(b.Diagnosticity, a.Diagnosticity) })
	for _, w := range m.Warnings {
		r.Warnings = append(r.Warnings, w.Error())
	}
	return r
}

// Diagnosticity is how far an item can move the odds between two
// hypotheses: w × (max ln L − min ln L) over its cells, where w is its
// credibility weight times its relevance weight and L the likelihood of
// each rating (1 for NA, as in the posterior). An item rated alike for
// every hypothesis scores 0.
func Diagnosticity(it *Item) float64 {
	if len(it.Ratings) == 0 {
		return 0
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range it.Ratings {
		l := math.Log(r.Likelihood())
		lo, hi = min(lo, l), max(hi, l)
	}
	return weight(it) * (hi - lo)
}

// weight is an item's credibility weight times its relevance weight.
func weight(it *Item) float64 { return it.Credibility.Weight() * it.Relevance.Weight() }

func itemScores(hyps []Hypothesis, items []Item) []ItemScore {
	out := make([]ItemScore, 0, len(items))
	for i := range items {
		it := &items[i]
		rs := make(map[string]Rating, len(hyps))
		for j, h := range hyps {
			if j < len(it.Ratings) {
				rs[h.ID] = it.Ratings[j]
			}
		}
		out = append(out, ItemScore{ID: it.ID, Entry: it.Entry, Text: it.Text, Source: it.Source, Date: it.Date,
			Credibility: it.Credibility, Relevance: it.Relevance, Ratings: rs, Suggested: it.Suggested,
			Diagnosticity: Diagnosticity(it), Record: it.Record, Query: it.Query})
	}
	return out
}

// tally holds the running sums over a matrix's items, one per hypothesis.
type tally struct {
	hyps     []Hypothesis
	count    []int     // PARC inconsistency: Σ |value|
	weighted []float64 // PARC weighted inconsistency: Σ w × value
	prior    []float64 // the normalised prior
	logPrior []float64 // its logarithm
	logLik   []float64 // Σ w × ln L
}

func newTally(hyps []Hypothesis) *tally {
	n := len(hyps)
	t := &tally{hyps: hyps, count: make([]int, n), weighted: make([]float64, n),
		prior: make([]float64, n), logPrior: make([]float64, n), logLik: make([]float64, n)}
	// Scaling by the largest prior first keeps huge priors from summing
	// to infinity.
	top := 0.0
	for _, h := range hyps {
		top = max(top, h.Prior)
	}
	sum := 0.0
	for _, h := range hyps {
		if top > 0 {
			sum += h.Prior / top
		}
	}
	for j, h := range hyps {
		if sum > 0 {
			t.prior[j] = h.Prior / top / sum
		} else {
			t.prior[j] = 1 / float64(n)
		}
		t.logPrior[j] = math.Log(t.prior[j])
	}
	return t
}

// add adds an item's cells to the sums, or takes them away for sign -1.
func (t *tally) add(it *Item, sign int) {
	w := weight(it)
	for j := range t.hyps {
		if j >= len(it.Ratings) {
			break
		}
		r := it.Ratings[j]
		v := r.Value()
		t.count[j] += sign * abs(v)
		t.weighted[j] += float64(sign) * w * float64(v)
		t.logLik[j] += float64(sign) * w * math.Log(r.Likelihood())
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// posterior normalises prior × likelihood, working in logs so that long
// matrices do not underflow.
func (t *tally) posterior() []float64 {
	n := len(t.hyps)
	logs := make([]float64, n)
	top := math.Inf(-1)
	for j := range logs {
		logs[j] = t.logPrior[j] + t.logLik[j]
		top = max(top, logs[j])
	}
	p := make([]float64, n)
	sum := 0.0
	for j := range p {
		p[j] = math.Exp(logs[j] - top)
		sum += p[j]
	}
	for j := range p {
		p[j] /= sum
	}
	return p
}

// without scores the matrix with one item left out and compares the
// leaders with those of the whole matrix.
func (t *tally) without(it *Item, leaders Leaders, post []float64) Sensitivity {
	t.add(it, -1)
	defer t.add(it, 1)
	p := t.posterior()
	s := Sensitivity{ID: it.ID, PARCOrder: t.order(),
		PARCLeaders: t.ids(competitionRanks(t.weighted)), PosteriorLeaders: t.ids(competitionRanks(p))}
	s.ChangesPARC = !slices.Equal(s.PARCLeaders, leaders.PARC)
	s.ChangesPosterior = !slices.Equal(s.PosteriorLeaders, leaders.Posterior)
	for j := range p {
		s.PosteriorShift = max(s.PosteriorShift, math.Abs(p[j]-post[j]))
	}
	return s
}

// order lists the hypotheses best first by weighted inconsistency, ties in
// the file's order.
func (t *tally) order() []string {
	idx := make([]int, len(t.hyps))
	for j := range idx {
		idx[j] = j
	}
	slices.SortStableFunc(idx, func(a, b int) int { return compareScore(t.weighted[b], t.weighted[a]) })
	ids := make([]string, len(idx))
	for k, j := range idx {
		ids[k] = t.hyps[j].ID
	}
	return ids
}

// ids returns the ids of the hypotheses ranked first.
func (t *tally) ids(ranks []int) []string {
	var out []string
	for j, r := range ranks {
		if r == 1 {
			out = append(out, t.hyps[j].ID)
		}
	}
	return out
}

// competitionRanks ranks scores highest first, from 1; scores within tie
// of each other share a rank and the next rank is skipped ("1, 1, 3").
func competitionRanks(scores []float64) []int {
	ranks := make([]int, len(scores))
	for j, s := range scores {
		ranks[j] = 1
		for _, o := range scores {
			if compareScore(o, s) > 0 {
				ranks[j]++
			}
		}
	}
	return ranks
}

// compareScore compares two scores, treating those within tie as equal.
func compareScore(a, b float64) int {
	if math.Abs(a-b) <= tie {
		return 0
	}
	return cmp.Compare(a, b)
}
