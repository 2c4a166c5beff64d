package http

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"redline"
	"redline/analysis"
	"redline/http/assets"
	"redline/render"
)

// pages holds one parsed template set per page, each with the layout.
var pages = parsePages()

var funcs = template.FuncMap{
	"docURL":    docURL,
	"spanURL":   spanURL,
	"actorURL":  actorURL,
	"short":     short,
	"refName":   refName,
	"orDash":    orDash,
	"pct":       func(f float64) string { return strconv.FormatFloat(100*f, 'f', 1, 64) + "%" },
	"num":       func(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) },
	"thousands": thousands,
	"inc":       func(i int) int { return i + 1 },
	"stance":    stanceClass,
	"rating":    ratingClass,
	"status":    statusClass,
	"days":      daysText,
	"clip":      clip,
	"until":     until,
}

// until counts the days from today to the first day of d, as
// analysis.Deadlines does: "in 3 days", or "now" once it has begun.
func until(d redline.Date, today time.Time) string {
	start, _, ok := d.Interval()
	if !ok {
		return ""
	}
	n := max(0, int(start.Sub(today.UTC().Truncate(24*time.Hour))/(24*time.Hour)))
	return daysText(&n)
}

func parsePages() map[string]*template.Template {
	names, err := fs.Glob(assets.FS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	out := map[string]*template.Template{}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if base == "layout" {
			continue
		}
		out[base] = template.Must(template.New(base).Funcs(funcs).ParseFS(assets.FS, "templates/layout.html", n))
	}
	return out
}

// layout is what every page has around its content.
type layout struct {
	Title     string
	Nav       string // the current section, for aria-current
	Query     string // the search box's text
	Token     bool   // whether the server has a token
	Signed    bool   // whether this browser holds the session
	FormToken string
	Now       string // the server's clock, for the script's countdowns
	Data      any
}

// render writes a page with status.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name, title, nav string, data any) {
	t, ok := pages[name]
	if !ok {
		panic("no template " + name)
	}
	l := layout{Title: title, Nav: nav, Query: r.URL.Query().Get("q"), Token: s.Token != "",
		Signed: s.Token != "" && s.hasToken(r), FormToken: s.formToken(), Now: s.Now().UTC().Format(time.RFC3339), Data: data}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", l); err != nil {
		s.Logger.Error("render page", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	buf.WriteTo(w)
}

// errorView is what the error page shows.
type errorView struct {
	Status  int
	Code    string
	Message string
}

// pageError answers with the error page.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := s.publicError(r, err)
	status := codeStatus(code)
	if code == EPENDING {
		w.Header().Set("Retry-After", "5")
	}
	s.render(w, r, status, "error", http.StatusText(status), "", errorView{status, code, msg})
}

// Links and labels.

func docURL(doc string, sentence int) string {
	return "/documents/" + url.PathEscape(doc) + "#s-" + strconv.Itoa(sentence)
}

func spanURL(doc string, sentence int, span redline.Span) string {
	return fmt.Sprintf("/documents/%s?span=%d-%d#s-%d", url.PathEscape(doc), span.Start, span.End, sentence)
}

func actorURL(id string) string { return "/actors/" + url.PathEscape(id) }

func short(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}

func refName(r *redline.ActorRef) string {
	if r == nil || r.Name == "" {
		return "-"
	}
	return r.Name
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// stanceClass maps a stance or an event's mode to a fixed CSS class, so
// stored text never chooses a class name.
func stanceClass(v string) string {
	switch v {
	case "favor", "against", "neutral", "covert", "alleged", "public", "negated", "future", "hypothetical":
		return "k-" + v
	}
	return "k-other"
}

func ratingClass(v string) string {
	switch v {
	case "CC", "C", "N", "I", "II":
		return "r-" + strings.ToLower(v)
	}
	return "r-na"
}

func statusClass(v string) string {
	switch v {
	case analysis.StatusHeld, analysis.StatusReaffirmed, analysis.StatusSoftened, analysis.StatusCrossed:
		return "st-" + v
	}
	return "st-other"
}

func daysText(d *int) string {
	switch {
	case d == nil:
		return ""
	case *d == 0:
		return "now"
	case *d == 1:
		return "in 1 day"
	}
	return fmt.Sprintf("in %d days", *d)
}

// pageOffset reads a page's offset; a bad one is 0.
func pageOffset(r *http.Request) int {
	n, err := strconv.Atoi(r.URL.Query().Get("offset"))
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// pager links to the pages before and after one.
type pager struct {
	Prev, Next string
	From, To   int
	Total      int // -1 when unknown
}

func newPager(r *http.Request, offset, limit, shown int, more bool, total int) pager {
	p := pager{From: offset + 1, To: offset + shown, Total: total}
	link := func(o int) string {
		q := r.URL.Query()
		q.Set("offset", strconv.Itoa(o))
		return r.URL.Path + "?" + q.Encode()
	}
	if offset > 0 {
		p.Prev = link(max(0, offset-limit))
	}
	if more {
		p.Next = link(offset + limit)
	}
	return p
}

// overview is the front page.
type overview struct {
	Counts    redline.Counts
	AsOf      string
	Documents []redline.Document
	Actors    []ActorSummary
	Deadlines []analysis.DeadlineEntry
	Pending   string
	Gaps      []analysis.Gap
	Redlines  map[string]int
	Totals    analysis.Totals
	Ready     bool
}

// overviewWait is how long the front page waits for the report over the
// whole record; the page says it is being computed otherwise.
const overviewWait = 2 * time.Second

// actorWait is how long an actor's page waits for the actor's analyses.
const actorWait = 5 * time.Second

func (s *Server) pageOverview(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	sn := s.cache.snap()
	v := overview{Counts: sn.counts, AsOf: sn.read.UTC().Format("2006-01-02 15:04:05 MST")}
	const recent = 10
	docs, err := s.Store.Documents(ctx, redline.DocumentFilter{Limit: recent, Offset: max(0, sn.counts.Documents-recent)})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	for i := len(docs) - 1; i >= 0; i-- {
		v.Documents = append(v.Documents, docs[i])
	}
	all := s.actors(sn, "")
	v.Actors = all[:min(15, len(all))]
	if d, err := s.deadlines(ctx, sn, s.Now()); err == nil {
		v.Deadlines = d.Deadlines[:min(10, len(d.Deadlines))]
	} else if ready(err) {
		s.pageError(w, r, err)
		return
	}
	rep, err := s.report(ctx, sn, "", analysis.DefaultWindow, 64, overviewWait)
	switch {
	case err == nil:
		v.Ready, v.Totals, v.Redlines = true, rep.Totals, rep.Totals.Statuses
		g := rep.Gaps
		for i := len(g) - 1; i >= 0 && len(v.Gaps) < 5; i-- {
			v.Gaps = append(v.Gaps, g[i])
		}
	case !ready(err):
		v.Pending = "The analyses of the whole record are being computed; reload in a moment."
	default:
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "overview", "Overview", "overview", v)
}

// actorsView is the list of actors.
type actorsView struct {
	Actors []ActorSummary
	Filter string
	Pager  pager
}

func (s *Server) pageActors(w http.ResponseWriter, r *http.Request) {
	const limit = 100
	filter := r.URL.Query().Get("filter")
	all := s.actors(s.cache.snap(), filter)
	off := min(pageOffset(r), len(all))
	end := min(off+limit, len(all))
	v := actorsView{Actors: all[off:end], Filter: filter, Pager: newPager(r, off, limit, end-off, end < len(all), len(all))}
	s.render(w, r, http.StatusOK, "actors", "Actors", "actors", v)
}

// actorView is an actor's page.
type actorView struct {
	Actor     ActorSummary
	Chart     template.HTML // drawn by package render, its text XML-escaped
	ChartNote string
	Timeline  []analysis.Entry
	Pager     pager
	Report    *analysis.Report
	Pending   string
	BaseRates []analysis.BaseRate
	RatesNote string
	Today     time.Time
}

// chartRecords is how many of an actor's latest records its chart draws.
const chartRecords = 2000

func (s *Server) pageActor(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	sn := s.cache.snap()
	id := r.PathValue("id")
	a, err := s.actor(sn, id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	v := actorView{Actor: a, Today: s.Now()}
	items, err := s.timeline(ctx, sn, timelineFilter{Actor: id})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	v.Chart, v.ChartNote, err = s.chart(ctx, sn, items, a)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	const limit = 50
	// Newest first: the page at offset 0 shows the latest records.
	off := min(pageOffset(r), len(items))
	hi := len(items) - off
	lo := max(0, hi-limit)
	if v.Timeline, err = s.entries(ctx, sn, items[lo:hi]); err != nil {
		s.pageError(w, r, err)
		return
	}
	for i, j := 0, len(v.Timeline)-1; i < j; i, j = i+1, j-1 {
		v.Timeline[i], v.Timeline[j] = v.Timeline[j], v.Timeline[i]
	}
	v.Pager = newPager(r, off, limit, hi-lo, lo > 0, len(items))
	rep, err := s.report(ctx, sn, id, analysis.DefaultWindow, 64, actorWait)
	switch {
	case err == nil:
		v.Report = newestFirst(rep)
	case !ready(err):
		v.Pending = "The analyses of this actor are still being computed; reload in a moment."
	default:
		s.pageError(w, r, err)
		return
	}
	rates, err := s.baseRates(ctx, sn, id, 0)
	switch {
	case err == nil:
		v.BaseRates = rates
	case !ready(err):
		v.RatesNote = "Base rates are being computed from the actor's records; reload in a moment."
	default:
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "actor", a.Name, "actors", v)
}

// newestFirst returns a copy of a report with each section newest first.
func newestFirst(r *analysis.Report) *analysis.Report {
	c := *r
	c.Reversals = reversed(r.Reversals)
	c.Gaps = reversed(r.Gaps)
	c.Redlines = reversed(r.Redlines)
	c.Splits = reversed(r.Splits)
	return &c
}

func reversed[T any](s []T) []T {
	out := make([]T, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}

// chart draws an actor's stance over time from its latest records, with
// the covert and alleged events of its state on a lane of their own.
func (s *Server) chart(ctx context.Context, sn *snapshot, items []tlItem, a ActorSummary) (template.HTML, string, error) {
	items = items[max(0, len(items)-chartRecords):]
	entries, err := s.entries(ctx, sn, items)
	if err != nil {
		return "", "", err
	}
	note := ""
	if len(items) == chartRecords {
		note = fmt.Sprintf("The chart draws the latest %s records.", thousands(chartRecords))
	}
	if state := s.CountryOf(a.ID); state != "" && state != a.ID {
		for _, m := range []redline.Mode{redline.ModeCovert, redline.ModeAlleged} {
			evs, err := s.Store.Events(ctx, redline.EventFilter{Country: state, Mode: m, Limit: 500})
			if err != nil {
				return "", "", err
			}
			for i := range evs {
				ev := &evs[i]
				if ev.Actor.ID == a.ID {
					continue
				}
				entries = append(entries, analysis.Entry{Date: ev.Date, Kind: "event", Actor: ev.Actor, Target: ev.Target,
					Topic: ev.Verb, Mode: ev.Mode, Text: ev.Text, Doc: ev.Doc, Sentence: ev.Sentence, Event: ev})
			}
		}
	}
	var buf bytes.Buffer
	if err := render.SVG(&buf, &analysis.Report{Timeline: entries}, render.Options{ChartActors: 1, Link: docURL}); err != nil {
		return "", "", err
	}
	return template.HTML(buf.String()), note, nil
}

// actorChart serves an actor's chart alone, as an SVG document.
func (s *Server) actorChart(w http.ResponseWriter, r *http.Request) {
	sn := s.cache.snap()
	a, err := s.actor(sn, r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	items, err := s.timeline(r.Context(), sn, timelineFilter{Actor: a.ID})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	svg, _, err := s.chart(r.Context(), sn, items, a)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Write([]byte(svg))
}

// precedentsView is the page of one pattern's precedents.
type precedentsView struct {
	Actor   ActorSummary
	Report  *analysis.PrecedentReport
	Pending string
}

// precedentsWait is how long the page of a pattern's precedents waits.
const precedentsWait = 10 * time.Second

func (s *Server) pagePrecedents(w http.ResponseWriter, r *http.Request) {
	sn := s.cache.snap()
	a, err := s.actor(sn, r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	q := r.URL.Query()
	q.Set("actor", a.ID)
	pq, full, err := precedentQuery(q)
	if err == nil && !full {
		err = redline.Errorf(redline.EINVALID, "precedents: want topic and stance")
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	v := precedentsView{Actor: a}
	v.Report, err = s.precedentsWithin(r.Context(), sn, pq, precedentsWait)
	switch {
	case err == nil:
	case !ready(err):
		v.Pending = "The precedents are still being computed from the actor's records; reload in a moment."
	default:
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "precedents", a.Name+": precedents", "actors", v)
}
