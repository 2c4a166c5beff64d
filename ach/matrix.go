package ach

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"redline"
)

// Store is the part of redline.Store that evidence queries read.
type Store interface {
	Statements(ctx context.Context, f redline.StatementFilter) ([]redline.Statement, error)
	Events(ctx context.Context, f redline.EventFilter) ([]redline.Event, error)
}

var _ Store = redline.Store(nil)

// Matrix is a file's evidence made ready to score: each analyst's entry
// as one item, and each record a query matched as one item rated by the
// query's rules unless the analyst reviewed it.
type Matrix struct {
	Question   string
	Hypotheses []Hypothesis
	// Items is the evidence the scores count, in the order of the file;
	// a query's items follow the store's records by date.
	Items []Item
	// Pending holds what has not been observed: analyst's entries marked
	// watch, and queries that matched no record. They are the indicators
	// to watch, and count in no score.
	Pending []Item
	// Warnings names the reviews in the file that no matched record
	// answers, such as an override of a record the store no longer holds.
	Warnings redline.ProblemList
}

// Item is one row of the matrix.
type Item struct {
	ID          string
	Entry       string // the id of the evidence entry it comes from
	Text        string
	Source      string
	Date        string
	Credibility Level
	Relevance   Level
	// Ratings holds one rating per hypothesis, in the order of
	// Matrix.Hypotheses.
	Ratings []Rating
	// Suggested is set while the ratings are a query's rules that the
	// analyst has neither confirmed nor overridden.
	Suggested bool
	Record    *Record // the stored record behind a query's item
	Query     *Query  // the query of a pending entry that matched nothing
}

// Record describes the stored statement or event behind an item.
type Record struct {
	Kind     string         `json:"kind"` // "statement" or "event"
	Doc      string         `json:"doc"`
	Sentence int            `json:"sentence"`
	Span     redline.Span   `json:"span"`
	Actor    string         `json:"actor"` // the speaker's or actor's name
	ActorID  string         `json:"actor_id,omitempty"`
	Target   string         `json:"target,omitempty"`
	Topic    string         `json:"topic,omitempty"`
	Stance   redline.Stance `json:"stance,omitempty"`
	Mode     redline.Mode   `json:"mode,omitempty"`
}

// Build makes the matrix of f, running its queries against st. countryOf
// gives the state an actor belongs to, so that a query's target matches
// a state's people as well as the state; nil matches targets by ID only.
// st may be nil when f has no queries.
func Build(ctx context.Context, f *File, st Store, countryOf func(string) string) (*Matrix, error) {
	m := &Matrix{Question: f.Question, Hypotheses: f.Hypotheses}
	for i := range f.Evidence {
		e := &f.Evidence[i]
		if e.Query == nil {
			it := Item{ID: e.ID, Entry: e.ID, Text: e.Text, Source: e.Source, Date: e.Date,
				Credibility: e.Credibility, Relevance: e.Relevance, Ratings: e.Ratings}
			if e.Watch {
				m.Pending = append(m.Pending, it)
			} else {
				m.Items = append(m.Items, it)
			}
			continue
		}
		if st == nil {
			return nil, redline.Errorf(redline.EINVALID, "%s:%d: evidence %s queries the store, and no store was given", f.Name, e.Line, e.ID)
		}
		recs, err := find(ctx, st, e.Query, countryOf)
		if err != nil {
			return nil, fmt.Errorf("evidence %s: %w", e.ID, err)
		}
		items := m.queryItems(f.Name, e, recs)
		if len(items) == 0 {
			m.Pending = append(m.Pending, Item{ID: e.ID, Entry: e.ID, Text: e.Text, Source: e.Source,
				Credibility: e.Credibility, Relevance: e.Relevance, Ratings: e.Rules, Suggested: true, Query: e.Query})
		}
		m.Items = append(m.Items, items...)
	}
	return m, nil
}

// queryItems makes one item per record, applies the entry's reviews, and
// warns of reviews that name no item.
func (m *Matrix) queryItems(file string, e *Entry, recs []found) []Item {
	items := make([]Item, len(recs))
	index := map[string]int{}
	for i, r := range recs {
		id := e.ID + "." + r.key()
		for n := 2; ; n++ {
			if _, dup := index[id]; !dup {
				break
			}
			id = fmt.Sprintf("%s.%s-%d", e.ID, r.key(), n)
		}
		index[id] = i
		items[i] = Item{ID: id, Entry: e.ID, Text: r.text, Source: r.rec.Doc, Date: r.date.Value,
			Credibility: e.Credibility, Relevance: e.Relevance, Ratings: e.Rules, Suggested: true, Record: &r.rec}
	}
	review := func(rv Review, what string) {
		i, ok := index[rv.ID]
		if !ok {
			m.Warnings.Add(file, rv.Line, "%s %s: no record the query matches has this id (the store may have changed)", what, rv.ID)
			return
		}
		it := &items[i]
		it.Suggested = false
		if rv.Ratings != nil {
			rs := slices.Clone(it.Ratings)
			for h, r := range rv.Ratings {
				if r != "" {
					rs[h] = r
				}
			}
			it.Ratings = rs
		}
	}
	for _, rv := range e.Confirmed {
		review(rv, "confirmed")
	}
	for _, rv := range e.Overrides {
		review(rv, "override of")
	}
	return items
}

// found is a record a query matched.
type found struct {
	rec   Record
	text  string
	date  redline.Date
	start time.Time // the first day of date; zero when it has none
}

// key names the record within its entry: its kind, the start of its
// document's ID and its byte offset there, so that the name stays the same
// whenever the same document is read again.
func (r *found) key() string {
	doc := make([]byte, 0, 12)
	for i := 0; i < len(r.rec.Doc) && len(doc) < 12; i++ {
		if c := r.rec.Doc[i]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			doc = append(doc, c)
		}
	}
	if len(doc) == 0 {
		doc = append(doc, 'x')
	}
	return fmt.Sprintf("%c.%s.%d", r.rec.Kind[0], doc, r.rec.Span.Start)
}

// find runs a query: the store filters what it can (actor, topic of
// statements, mode of events) and the rest is filtered here.
func find(ctx context.Context, st Store, q *Query, countryOf func(string) string) ([]found, error) {
	type key struct {
		kind, doc string
		span      redline.Span
	}
	var out []found
	seen := map[key]bool{}
	keep := func(r found) {
		k := key{r.rec.Kind, r.rec.Doc, r.rec.Span}
		if !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	if q.statements() {
		for _, f := range statementFilters(q) {
			ss, err := st.Statements(ctx, f)
			if err != nil {
				return nil, err
			}
			for _, s := range ss {
				if q.matchStatement(&s, countryOf) {
					keep(fromStatement(&s))
				}
			}
		}
	}
	if q.events() {
		for _, f := range eventFilters(q) {
			es, err := st.Events(ctx, f)
			if err != nil {
				return nil, err
			}
			for _, e := range es {
				if q.matchEvent(&e, countryOf) {
					keep(fromEvent(&e))
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b found) int {
		return cmp.Or(a.start.Compare(b.start), cmp.Compare(a.rec.Doc, b.rec.Doc),
			cmp.Compare(a.rec.Span.Start, b.rec.Span.Start), cmp.Compare(a.rec.Kind, b.rec.Kind))
	})
	return out, nil
}

// statementFilters asks for the actor as a speaker and as a state: a
// state's ID then matches its people too.
func statementFilters(q *Query) []redline.StatementFilter {
	if q.Actor == "" {
		return []redline.StatementFilter{{Topic: q.Topic}}
	}
	return []redline.StatementFilter{{Speaker: q.Actor, Topic: q.Topic}, {Country: q.Actor, Topic: q.Topic}}
}

// eventFilters is statementFilters for events.
func eventFilters(q *Query) []redline.EventFilter {
	if q.Actor == "" {
		return []redline.EventFilter{{Mode: q.Mode}}
	}
	return []redline.EventFilter{{Actor: q.Actor, Mode: q.Mode}, {Country: q.Actor, Mode: q.Mode}}
}

func (q *Query) matchStatement(s *redline.Statement, countryOf func(string) string) bool {
	return (q.Topic == "" || s.Topic == q.Topic) && (q.Stance == "" || s.Stance == q.Stance) &&
		q.matchTarget(s.Target, countryOf) && q.matchDate(s.Said)
}

func (q *Query) matchEvent(e *redline.Event, countryOf func(string) string) bool {
	return (q.Topic == "" || e.Verb == q.Topic) && (q.Mode == "" || e.Mode == q.Mode) &&
		q.matchTarget(e.Target, countryOf) && q.matchDate(e.Date)
}

func (q *Query) matchTarget(t *redline.ActorRef, countryOf func(string) string) bool {
	if q.Target == "" {
		return true
	}
	if t == nil {
		return false
	}
	return t.ID == q.Target || countryOf != nil && t.ID != "" && countryOf(t.ID) == q.Target
}

// matchDate reports whether d overlaps the query's range. A record with
// no calendar date matches only a query with no range.
func (q *Query) matchDate(d redline.Date) bool {
	if q.From == "" && q.To == "" {
		return true
	}
	start, end, ok := d.Interval()
	if !ok {
		return false
	}
	if q.From != "" {
		if from, _, ok := (redline.Date{Value: q.From}).Interval(); ok && !end.After(from) {
			return false
		}
	}
	if q.To != "" {
		if _, to, ok := (redline.Date{Value: q.To}).Interval(); ok && !start.Before(to) {
			return false
		}
	}
	return true
}

func fromStatement(s *redline.Statement) found {
	r := found{text: s.Text, date: s.Said}
	r.start, _, _ = s.Said.Interval()
	r.rec = Record{Kind: "statement", Doc: s.Doc, Sentence: s.Sentence, Span: s.Span,
		Actor: s.Speaker.Name, ActorID: s.Speaker.ID, Topic: s.Topic, Stance: s.Stance}
	if s.Target != nil {
		r.rec.Target = s.Target.Name
	}
	return r
}

func fromEvent(e *redline.Event) found {
	r := found{text: e.Text, date: e.Date}
	r.start, _, _ = e.Date.Interval()
	r.rec = Record{Kind: "event", Doc: e.Doc, Sentence: e.Sentence, Span: e.Span,
		Actor: e.Actor.Name, ActorID: e.Actor.ID, Topic: e.Verb, Mode: e.Mode}
	if e.Target != nil {
		r.rec.Target = e.Target.Name
	}
	return r
}
