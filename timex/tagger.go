package timex

import (
	"sync"
	"time"

	"redline"
)

// Tagger finds and normalises time expressions. Its tables are compiled
// once; a Tagger is safe for concurrent use.
type Tagger struct {
	pool sync.Pool
}

// New returns a Tagger.
func New() *Tagger {
	return &Tagger{pool: sync.Pool{New: func() any { return &scanner{} }}}
}

// Result holds what Tag found in one document.
type Result struct {
	// Times are the time expressions in text order. Their Anchor is none
	// (written out in full), document (computed from the publication date)
	// or narrative (computed from the time most recently mentioned).
	Times []redline.TimeExpr
	// Sentences gives, for each of Times, the index of its sentence.
	Sentences []int
	// Deadlines are future dates attached to an action ("the October
	// snapback deadline"). Actor is left nil for the caller to fill.
	Deadlines []redline.Deadline
	// Narrative gives, for each sentence, the narrative time in force when
	// the sentence starts; a zero Date when none is.
	Narrative []redline.Date
	// Published is the publication day.
	Published redline.Date
}

// Tag finds and normalises the time expressions of one document whose
// text is text, whose sentences are sents (from segment.Split) and whose
// publication date is published.
func (t *Tagger) Tag(text string, sents []redline.Sentence, published time.Time) *Result {
	s := t.pool.Get().(*scanner)
	defer t.pool.Put(s)
	y, m, d := published.Date()
	pub := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	// The scanner's slices are kept for the next document; the result gets
	// copies of exactly the size found, not a guess grown by appending.
	*s = scanner{text: text, fold: foldASCII(s.fold[:0], text), dct: day(pub), t: s.t[:0], cues: s.cues[:0],
		out: s.out[:0], sents: s.sents[:0]}
	r := &Result{Published: redline.Day(pub), Narrative: make([]redline.Date, len(sents))}
	for i, sent := range sents {
		if s.hasNarr {
			r.Narrative[i] = redline.Date{Value: s.narrVal, Grain: narrGrain(s.narr), Anchor: redline.AnchorNarrative}
		}
		s.sent = i
		s.load(sent)
		first := len(s.out)
		s.sentence()
		r.Deadlines = s.deadlines(r.Deadlines, first)
	}
	r.Times = append(make([]redline.TimeExpr, 0, len(s.out)), s.out...)
	r.Sentences = append(make([]int, 0, len(s.sents)), s.sents...)
	return r
}

// narrGrain returns the grain of a narrative point as a date grain.
func narrGrain(p point) redline.Grain { return p.g }

// DateOf returns the date of a record (a statement or an event) whose text
// is span in sentence i. It is the calendar time expression of that
// sentence nearest the span, preferring one inside it, with Anchor
// "sentence"; else the narrative time in force at the sentence, with
// Anchor "narrative"; else the publication day, with Anchor "published".
// Durations, sets and references never date a record: a sentence whose
// only time is PRESENT_REF or PAST_REF falls through to the narrative time
// or the publication day.
func (r *Result) DateOf(i int, span redline.Span) redline.Date {
	return r.dateOf(i, span, false)
}

// SaidOf returns the date a statement was made, whose words are span in
// sentence i. It is DateOf except that times inside the words themselves
// are what the speaker spoke about, not when they spoke, and are passed
// over: in "Khamenei said on Tuesday that talks since February had gone
// well", the statement is dated Tuesday.
func (r *Result) SaidOf(i int, span redline.Span) redline.Date {
	return r.dateOf(i, span, true)
}

func (r *Result) dateOf(i int, span redline.Span, outside bool) redline.Date {
	best, dist := -1, 0
	for k, x := range r.Times {
		if r.Sentences[k] != i || !calendar(x) || (outside && span.Overlaps(x.Span)) {
			continue
		}
		d := spanDistance(span, x.Span)
		if best < 0 || d < dist {
			best, dist = k, d
		}
	}
	if best >= 0 {
		x := r.Times[best]
		return redline.Date{Value: x.Value, Grain: x.Grain, Anchor: redline.AnchorSentence}
	}
	if i >= 0 && i < len(r.Narrative) && !r.Narrative[i].IsZero() {
		return r.Narrative[i]
	}
	d := r.Published
	d.Anchor = redline.AnchorPublished
	return d
}

// calendar reports whether x is a date or time with a calendar value.
func calendar(x redline.TimeExpr) bool {
	_, ok := calendarDate(x)
	return ok
}

// calendarDate returns the calendar value of x, or false when x is not a
// date or time with one.
func calendarDate(x redline.TimeExpr) (redline.Date, bool) {
	if x.Type != redline.TimeDate && x.Type != redline.TimeTime {
		return redline.Date{}, false
	}
	d, err := redline.ParseDate(x.Value)
	return d, err == nil
}

// spanDistance is 0 when b lies inside a, else the gap between the spans
// plus one, so that contained expressions are preferred.
func spanDistance(a, b redline.Span) int {
	switch {
	case a.Contains(b):
		return 0
	case b.End <= a.Start:
		return a.Start - b.End + 1
	case b.Start >= a.End:
		return b.Start - a.End + 1
	}
	return 1
}
