package eval

import (
	"sort"
	"strings"

	"redline"
	"redline/factual"
	"redline/segment"
)

// Binary is a confusion count for one binary attribute, with its scores.
// The positive class is the marked one: not certain, negated, future.
type Binary struct {
	TP  int `json:"tp"`
	FP  int `json:"fp"`
	FN  int `json:"fn"`
	TN  int `json:"tn"`
	PRF PRF `json:"prf"`
}

func (b *Binary) count(gold, sys bool) {
	switch {
	case gold && sys:
		b.TP++
	case sys:
		b.FP++
	case gold:
		b.FN++
	default:
		b.TN++
	}
}

func (b *Binary) finish() { b.PRF = prf(b.TP, b.TP+b.FP, b.TP+b.FN) }

// FactualityRun is the score of one assessor (redline's or the baseline).
// Certainty maps "GOLD→system" (for example "POSSIBLE→certain") to counts;
// Macro is the mean F1 of NonCertain and Negated, the headline figure.
type FactualityRun struct {
	Name       string         `json:"name"`
	NonCertain Binary         `json:"non_certain"`
	Negated    Binary         `json:"negated"`
	Future     Binary         `json:"future"`
	Macro      float64        `json:"macro"`
	Certainty  map[string]int `json:"certainty_confusion"`
}

func (fr *FactualityRun) finish() {
	fr.NonCertain.finish()
	fr.Negated.finish()
	fr.Future.finish()
	fr.Macro = (fr.NonCertain.PRF.F1 + fr.Negated.PRF.F1) / 2
}

// FactualityError is an event redline judged differently from the gold on
// one attribute (Attr "certainty", "polarity" or "future"): Kind "fp" when
// redline marked it and the gold did not, "fn" the other way round.
type FactualityError struct {
	Doc     string `json:"doc"`
	Attr    string `json:"attr"`
	Kind    string `json:"kind"`
	Event   string `json:"event"`
	Gold    string `json:"gold"`
	System  string `json:"system"`
	Cue     string `json:"cue,omitempty"`
	Context string `json:"context"`
}

// FactualityScores compare factual.Assess, and a naive baseline, with
// MEANTIME's certainty, polarity and time attributes on the gold event
// spans. An event counts for an attribute only when the gold gives it a
// definite value: UNDERSPECIFIED and empty values are left out (certainty
// CERTAIN, PROBABLE, POSSIBLE; polarity POS, NEG; time FUTURE,
// NON_FUTURE). PROBABLE and POSSIBLE together make the non-certain class.
type FactualityScores struct {
	Corpus   string            `json:"corpus"`
	Events   int               `json:"events"`
	System   FactualityRun     `json:"system"`
	Baseline FactualityRun     `json:"baseline"`
	Errors   []FactualityError `json:"errors"`
	Skipped  []string          `json:"skipped,omitempty"`
}

// Factuality scores factual.Assess on the MEANTIME files under dir.
func Factuality(dir string) (*FactualityScores, error) {
	docs, skipped, err := LoadMEANTIMEEvents(dir)
	if err != nil {
		return nil, err
	}
	sc := ScoreFactuality("MEANTIME", docs)
	for _, e := range skipped {
		sc.Skipped = append(sc.Skipped, e.Error())
	}
	return sc, nil
}

// ScoreFactuality assesses every gold event mention with attributes.
func ScoreFactuality(corpus string, docs []*EventDoc) *FactualityScores {
	sc := &FactualityScores{Corpus: corpus,
		System:   FactualityRun{Name: "redline", Certainty: map[string]int{}},
		Baseline: FactualityRun{Name: "baseline (cue within 4 tokens before)", Certainty: map[string]int{}}}
	for _, ed := range docs {
		sents := segment.Split(ed.Text)
		for i := range ed.Events {
			e := &ed.Events[i]
			if e.Certainty == "" && e.Polarity == "" && e.Time == "" {
				continue
			}
			s := sentenceOf(sents, e.Span)
			if s < 0 {
				continue
			}
			sc.Events++
			sys := factual.Assess(ed.Text, sents[s], e.Span)
			sc.System.add(e, sys)
			sc.Baseline.add(e, naive(ed.Text, sents[s], e.Span))
			sc.Errors = append(sc.Errors, factErrors(ed, e, sys)...)
		}
	}
	sc.System.finish()
	sc.Baseline.finish()
	return sc
}

// add counts one event.
func (fr *FactualityRun) add(e *EventMention, sys factual.Factuality) {
	if g, ok := goldNonCertain(e); ok {
		fr.NonCertain.count(g, sys.Certainty != factual.Certain)
		fr.Certainty[e.Certainty+"→"+sys.Certainty]++
	}
	if g, ok := goldNegated(e); ok {
		fr.Negated.count(g, sys.Polarity == factual.Neg)
	}
	if g, ok := goldFuture(e); ok {
		fr.Future.count(g, sys.Future)
	}
}

func goldNonCertain(e *EventMention) (marked, ok bool) {
	switch e.Certainty {
	case "CERTAIN":
		return false, true
	case "PROBABLE", "POSSIBLE":
		return true, true
	}
	return false, false
}

func goldNegated(e *EventMention) (marked, ok bool) {
	return e.Polarity == "NEG", e.Polarity == "NEG" || e.Polarity == "POS"
}

func goldFuture(e *EventMention) (marked, ok bool) {
	return e.Time == "FUTURE", e.Time == "FUTURE" || e.Time == "NON_FUTURE"
}

// factErrors lists the attributes on which sys differs from the gold.
func factErrors(ed *EventDoc, e *EventMention, sys factual.Factuality) []FactualityError {
	var out []FactualityError
	add := func(attr string, gold, got bool, gv, sv string) {
		if gold == got {
			return
		}
		kind := "fn"
		if got {
			kind = "fp"
		}
		out = append(out, FactualityError{Doc: ed.Name, Attr: attr, Kind: kind, Event: e.Text, Gold: gv,
			System: sv, Cue: sys.Cue, Context: context(ed.Text, e.Span)})
	}
	if g, ok := goldNonCertain(e); ok {
		add("certainty", g, sys.Certainty != factual.Certain, e.Certainty, sys.Certainty)
	}
	if g, ok := goldNegated(e); ok {
		add("polarity", g, sys.Polarity == factual.Neg, e.Polarity, sys.Polarity)
	}
	if g, ok := goldFuture(e); ok {
		add("future", g, sys.Future, e.Time, map[bool]string{true: "future", false: "not future"}[sys.Future])
	}
	return out
}

// sentenceOf returns the index of the sentence holding the start of sp.
func sentenceOf(sents []redline.Sentence, sp redline.Span) int {
	i := sort.Search(len(sents), func(i int) bool { return sents[i].Span.End > sp.Start })
	if i < len(sents) && sents[i].Span.Start <= sp.Start {
		return i
	}
	return -1
}

// Word lists of the naive baseline: the modal and hedge words of the
// research note's baseline, plain negators, and future markers.
var (
	naiveHedge  = setOf("may might could would should can possibly probably likely perhaps maybe expect expects expected plan plans planned")
	naiveNeg    = setOf("not n't never no without cannot")
	naiveFuture = setOf("will 'll shall would going plan plans planned expect expects expected to")
)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// naive marks an event with any cue among the four tokens before it in
// its sentence, whatever the cue governs.
func naive(text string, sent redline.Sentence, sp redline.Span) factual.Factuality {
	f := factual.Factuality{Certainty: factual.Certain, Polarity: factual.Pos}
	i0 := -1
	for i, t := range sent.Tokens {
		if t.Span.Overlaps(sp) {
			i0 = i
			break
		}
	}
	for k := i0 - 1; k >= 0 && k >= i0-4; k-- {
		w := strings.ReplaceAll(strings.ToLower(sent.Tokens[k].Span.In(text)), "’", "'")
		if naiveHedge[w] {
			f.Certainty = factual.Possible
		}
		if naiveNeg[w] {
			f.Polarity = factual.Neg
		}
		if naiveFuture[w] {
			f.Future = true
		}
	}
	return f
}
