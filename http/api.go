package http

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"redline"
	"redline/analysis"
)

// apiIndex lists the API's collections.
func (s *Server) apiIndex(r *http.Request) (any, error) {
	links := map[string]string{"openapi": "/api/v1/openapi.json"}
	for _, c := range []string{"counts", "documents", "actors", "statements", "events", "timeline", "reversals", "gaps",
		"redlines", "splits", "precedents", "deadlines", "ach", "reciprocity", "simulate"} {
		links[c] = "/api/v1/" + c
	}
	return map[string]any{"name": "redline", "version": "v1", "links": links}, nil
}

// Counts is what the store holds as of the snapshot read at AsOf.
type Counts struct {
	redline.Counts
	AsOf time.Time `json:"as_of"`
}

func (s *Server) apiCounts(r *http.Request) (any, error) {
	sn := s.cache.snap()
	return Counts{sn.counts, sn.read.UTC()}, nil
}

func (s *Server) apiDocuments(r *http.Request) (any, error) {
	p, err := parsePage(r.URL.Query())
	if err != nil {
		return nil, err
	}
	docs, err := s.Store.Documents(r.Context(), redline.DocumentFilter{Limit: p.Limit + 1, Offset: p.Offset})
	if err != nil {
		return nil, err
	}
	return makePage(r, p, docs, s.cache.snap().counts.Documents), nil
}

// DocumentRecords is a document with its text and everything extracted
// from it.
type DocumentRecords struct {
	redline.Document
	Text       string              `json:"text"`
	Statements []redline.Statement `json:"statements"`
	Events     []redline.Event     `json:"events"`
	Deadlines  []redline.Deadline  `json:"deadlines"`
}

// document reads a document and its records.
func (s *Server) document(ctx context.Context, id string) (*DocumentRecords, error) {
	docs, err := s.Store.Documents(ctx, redline.DocumentFilter{ID: id})
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, redline.Errorf(redline.ENOTFOUND, "document %s not found", id)
	}
	out := &DocumentRecords{Document: docs[0], Text: docs[0].Text}
	if out.Statements, err = s.Store.Statements(ctx, redline.StatementFilter{Doc: id}); err != nil {
		return nil, err
	}
	if out.Events, err = s.Store.Events(ctx, redline.EventFilter{Doc: id}); err != nil {
		return nil, err
	}
	dls, err := s.Store.Deadlines(ctx)
	if err != nil {
		return nil, err
	}
	for _, d := range dls {
		if d.Doc == id {
			out.Deadlines = append(out.Deadlines, d)
		}
	}
	out.Statements, out.Events, out.Deadlines = nonNil(out.Statements), nonNil(out.Events), nonNil(out.Deadlines)
	return out, nil
}

func (s *Server) apiDocument(r *http.Request) (any, error) {
	return s.document(r.Context(), r.PathValue("id"))
}

// ActorSummary is an actor with the number of its records, and what the
// dictionary says of it when it is there.
type ActorSummary struct {
	ID         string            `json:"id"`
	Name       string            `json:"name"`
	Kind       redline.ActorKind `json:"kind,omitempty"`
	Country    string            `json:"country,omitempty"`
	Statements int               `json:"statements"`
	Events     int               `json:"events"`
	Roles      []redline.Role    `json:"roles,omitempty"`
	Aliases    []string          `json:"aliases,omitempty"`
}

func (s *Server) summary(a actorStat) ActorSummary {
	out := ActorSummary{ID: a.Ref.ID, Name: a.Ref.Name, Statements: a.Statements, Events: a.Events}
	if s.Actor != nil && a.Ref.ID != "" {
		if d, ok := s.Actor(a.Ref.ID); ok {
			out.Name, out.Kind, out.Country, out.Roles, out.Aliases = d.Name, d.Kind, d.Country, d.Roles, d.Aliases
		}
	}
	return out
}

// actors returns the actors with records, most records first, whose name
// or ID contains q (any case).
func (s *Server) actors(sn *snapshot, q string) []ActorSummary {
	q = strings.ToLower(strings.TrimSpace(q))
	var out []ActorSummary
	for _, a := range sn.actors {
		if q == "" || strings.Contains(strings.ToLower(a.Ref.Name), q) || strings.Contains(strings.ToLower(a.Ref.ID), q) {
			out = append(out, s.summary(a))
		}
	}
	return out
}

func (s *Server) apiActors(r *http.Request) (any, error) {
	p, err := parsePage(r.URL.Query())
	if err != nil {
		return nil, err
	}
	return slicePage(r, p, s.actors(s.cache.snap(), r.URL.Query().Get("q"))), nil
}

// actor returns one actor: from the record, or from the dictionary when
// it has no records yet.
func (s *Server) actor(sn *snapshot, id string) (ActorSummary, error) {
	if i, ok := sn.byID[id]; ok {
		return s.summary(sn.actors[i]), nil
	}
	if s.Actor != nil {
		if _, ok := s.Actor(id); ok {
			return s.summary(actorStat{Ref: redline.ActorRef{ID: id}}), nil
		}
	}
	return ActorSummary{}, redline.Errorf(redline.ENOTFOUND, "actor %s not found", id)
}

func (s *Server) apiActor(r *http.Request) (any, error) {
	return s.actor(s.cache.snap(), r.PathValue("id"))
}

func (s *Server) apiStatements(r *http.Request) (any, error) {
	return listRecords(r, func(q url.Values, p page) ([]redline.Statement, error) {
		f, err := statementFilter(q)
		if err != nil {
			return nil, err
		}
		f.Limit, f.Offset = p.Limit+1, p.Offset
		return s.Store.Statements(r.Context(), f)
	}, statementsCSV)
}

func (s *Server) apiEvents(r *http.Request) (any, error) {
	return listRecords(r, func(q url.Values, p page) ([]redline.Event, error) {
		f, err := eventFilter(q)
		if err != nil {
			return nil, err
		}
		f.Limit, f.Offset = p.Limit+1, p.Offset
		return s.Store.Events(r.Context(), f)
	}, eventsCSV)
}

// listRecords answers a request for a page of stored records: read asks
// the store for one record more than the page holds, so that the page
// knows whether a next one follows, and writeCSV writes the page when the
// request asks for CSV.
func listRecords[T any](r *http.Request, read func(url.Values, page) ([]T, error), writeCSV func(http.ResponseWriter, []T)) (any, error) {
	q := r.URL.Query()
	p, err := parsePage(q)
	if err != nil {
		return nil, err
	}
	csv, err := wantsCSV(r)
	if err != nil {
		return nil, err
	}
	items, err := read(q, p)
	if err != nil {
		return nil, err
	}
	if csv {
		return csvBody(func(w http.ResponseWriter) { writeCSV(w, items[:min(len(items), p.Limit)]) }), nil
	}
	return makePage(r, p, items, -1), nil
}

// timelineQuery reads the filters of a timeline.
func timelineQuery(q url.Values) (timelineFilter, error) {
	f := timelineFilter{Actor: q.Get("actor"), Topic: q.Get("topic"), Target: q.Get("target")}
	if f.Actor == "" {
		return f, redline.Errorf(redline.EINVALID, "timeline: want actor=ID")
	}
	var err error
	f.From, f.To, err = dateRange(q)
	return f, err
}

func (s *Server) apiTimeline(r *http.Request) (any, error) {
	q := r.URL.Query()
	p, err := parsePage(q)
	if err != nil {
		return nil, err
	}
	f, err := timelineQuery(q)
	if err != nil {
		return nil, err
	}
	sn := s.cache.snap()
	items, err := s.timeline(r.Context(), sn, f)
	if err != nil {
		return nil, err
	}
	lo, hi := min(p.Offset, len(items)), min(p.Offset+p.Limit, len(items))
	entries, err := s.entries(r.Context(), sn, items[lo:hi])
	if err != nil {
		return nil, err
	}
	return makePage(r, p, entries, len(items)), nil
}

// sectionPage computes the report a page of one section needs and cuts
// the page out of it, newest first.
func sectionPage[T any](s *Server, r *http.Request, get func(*analysis.Report) ([]T, int)) (any, error) {
	q := r.URL.Query()
	p, err := parsePage(q)
	if err != nil {
		return nil, err
	}
	k, err := depth(p)
	if err != nil {
		return nil, err
	}
	window := analysis.DefaultWindow
	if v := q.Get("window"); v != "" {
		if window, err = analysis.ParseHorizon(v); err != nil {
			return nil, redline.Errorf(redline.EINVALID, "window %q: %v", v, err)
		}
	}
	rep, err := s.report(r.Context(), s.cache.snap(), q.Get("actor"), window, k, s.Wait)
	if err != nil {
		return nil, err
	}
	items, total := get(rep)
	newest := slices.Clone(items)
	slices.Reverse(newest)
	lo, hi := min(p.Offset, len(newest)), min(p.Offset+p.Limit, len(newest))
	return makePage(r, p, newest[lo:hi], total), nil
}

func (s *Server) apiReversals(r *http.Request) (any, error) {
	return sectionPage(s, r, func(rep *analysis.Report) ([]analysis.Reversal, int) { return rep.Reversals, rep.Totals.Reversals })
}

func (s *Server) apiGaps(r *http.Request) (any, error) {
	return sectionPage(s, r, func(rep *analysis.Report) ([]analysis.Gap, int) { return rep.Gaps, rep.Totals.Gaps })
}

func (s *Server) apiRedlines(r *http.Request) (any, error) {
	return sectionPage(s, r, func(rep *analysis.Report) ([]analysis.RedLine, int) { return rep.Redlines, rep.Totals.Redlines })
}

func (s *Server) apiSplits(r *http.Request) (any, error) {
	return sectionPage(s, r, func(rep *analysis.Report) ([]analysis.Split, int) { return rep.Splits, rep.Totals.Splits })
}

// precedentQuery reads a precedent query; ok is false when it names only
// an actor, which asks for the base rates of all its patterns.
func precedentQuery(q url.Values) (pq analysis.PrecedentQuery, ok bool, err error) {
	pq = analysis.PrecedentQuery{Actor: q.Get("actor"), Topic: q.Get("topic"), Stance: redline.Stance(q.Get("stance")), Target: q.Get("target")}
	if pq.Actor == "" {
		return pq, false, redline.Errorf(redline.EINVALID, "precedents: want actor=ID")
	}
	if pq.Topic == "" && pq.Stance == "" {
		return pq, false, nil
	}
	if pq.Topic == "" || !slices.Contains([]redline.Stance{redline.StanceFavor, redline.StanceAgainst, redline.StanceNeutral}, pq.Stance) {
		return pq, false, redline.Errorf(redline.EINVALID, "precedents: want topic=TOPIC and stance=favor, against or neutral together")
	}
	if v := q.Get("horizon"); v != "" {
		if pq.Horizon, err = analysis.ParseHorizon(v); err != nil {
			return pq, false, redline.Errorf(redline.EINVALID, "horizon %q: %v", v, err)
		}
	}
	return pq, true, nil
}

func (s *Server) apiPrecedents(r *http.Request) (any, error) {
	pq, full, err := precedentQuery(r.URL.Query())
	if err != nil {
		return nil, err
	}
	sn := s.cache.snap()
	if !full {
		rates, err := s.baseRates(r.Context(), sn, pq.Actor, s.Wait)
		if err != nil {
			return nil, err
		}
		return map[string]any{"actor": pq.Actor, "base_rates": nonNil(rates)}, nil
	}
	return s.precedents(r.Context(), sn, pq)
}

// deadlinesAfter reads "after": a day, "all" for no bound, or today.
func (s *Server) deadlinesAfter(q url.Values) (time.Time, error) {
	switch v := q.Get("after"); v {
	case "":
		return s.Now().UTC().Truncate(24 * time.Hour), nil
	case "all":
		return time.Time{}, nil
	default:
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return t, redline.Errorf(redline.EINVALID, "after %q: want YYYY-MM-DD or all", v)
		}
		return t, nil
	}
}

// DeadlinePage is a page of deadlines with the whole scenario tree.
type DeadlinePage struct {
	After string `json:"after,omitempty"`
	Page[analysis.DeadlineEntry]
	Scenarios []analysis.Scenario `json:"scenarios"`
}

func (s *Server) apiDeadlines(r *http.Request) (any, error) {
	q := r.URL.Query()
	p, err := parsePage(q)
	if err != nil {
		return nil, err
	}
	after, err := s.deadlinesAfter(q)
	if err != nil {
		return nil, err
	}
	d, err := s.deadlines(r.Context(), s.cache.snap(), after)
	if err != nil {
		return nil, err
	}
	out := DeadlinePage{Page: slicePage(r, p, d.Deadlines), Scenarios: nonNil(d.Scenarios)}
	if !after.IsZero() {
		out.After = d.After
	}
	return out, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// urlQueryEscape escapes s for a query value.
func urlQueryEscape(s string) string { return url.QueryEscape(s) }
