package render

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"

	"redline"
	"redline/analysis"
)

//go:embed report.html report.css page.html
var assets embed.FS

// page is the report template, parsed once; css is trusted because it is
// ours.
var (
	page = template.Must(template.New("report.html").
		Funcs(template.FuncMap{"inc": func(i int) int { return i + 1 }}).
		ParseFS(assets, "report.html"))
	css = template.CSS(mustRead("report.css"))
)

func mustRead(name string) string {
	b, err := assets.ReadFile(name)
	if err != nil {
		panic(err) // embedded at build time
	}
	return string(b)
}

// HTML writes r as one self-contained HTML document: summary counts, the
// stance chart (inline SVG), a collapsible timeline table per actor,
// reversals, say-do gaps with the said and done records side by side, the
// generically rendered sections (see Items) and deadlines. Styles are
// inline; there are no scripts and no external resources, so the file
// works offline. Article text goes through html/template and is always
// shown as text.
func HTML(w io.Writer, r *analysis.Report, opts Options) error {
	if r == nil {
		return errors.New("render html: nil report")
	}
	var buf bytes.Buffer
	if err := page.Execute(&buf, newView(r, opts)); err != nil {
		return fmt.Errorf("render html: %w", err)
	}
	if _, err := buf.WriteTo(w); err != nil {
		return fmt.Errorf("render html: %w", err)
	}
	return nil
}

// view is what the template shows; every string in it is plain text that
// the template escapes, except CSS and Chart, which this package makes.
type view struct {
	Title, Database, Actor, Generated string
	CSS                               template.CSS
	Counts                            []count
	Chart                             template.HTML // SVG drawn by svg.go, its text XML-escaped
	ChartNote                         string
	Records, ActorCount               string
	ReversalsNote, GapsNote           string
	Actors                            []actorView
	Reversals                         []reversalView
	Gaps                              []gapView
	Hooks                             []hook
	Deadlines                         []rowView
}

// actorView is one actor's collapsible timeline.
type actorView struct {
	Name, ID, Records string
	Open              bool
	Rows              []rowView
}

// rowView is one record as shown in a table or a gap.
type rowView struct {
	Date, Grain, Verb, What, Class string
	Actor, Topic, Target, Text     string
	Toward                         string // " toward Iran", or empty
	Doc, DocShort                  string
	Sentence                       int
}

type reversalView struct {
	Speaker, Topic, Target string
	Days                   int
	Before, After          rowView
}

type gapView struct {
	Explanation string
	Said, Done  rowView
}

func newView(r *analysis.Report, opts Options) view {
	c := buildChart(r.Timeline, opts.chartActors(), opts.Link)
	if len(r.Timeline) < r.Totals.Timeline {
		c.Note += fmt.Sprintf(" It draws only the records the report shows: %s.", records(r))
	}
	v := view{
		Title: oneLine(opts.title(), 0), Database: opts.Database, Actor: opts.Actor, Generated: opts.Generated,
		CSS: css, Counts: counts(r), Chart: template.HTML(c.SVG), ChartNote: c.Note,
		Records: upperFirst(records(r)), Hooks: hooks(r),
		ReversalsNote: latestOf(len(r.Reversals), r.Totals.Reversals), GapsNote: latestOf(len(r.Gaps), r.Totals.Gaps),
	}
	gs := groups(r.Timeline)
	v.ActorCount = plural(len(gs), "actor")
	for i, g := range gs {
		a := actorView{Name: oneLine(g.Name, 0), ID: g.idLabel(), Records: g.records(), Open: i == 0}
		for _, e := range g.Entries {
			a.Rows = append(a.Rows, entryRow(e))
		}
		v.Actors = append(v.Actors, a)
	}
	for _, rv := range r.Reversals {
		v.Reversals = append(v.Reversals, reversalView{Speaker: oneLine(rv.Speaker.Name, 0), Topic: oneLine(orDash(rv.Topic), 0),
			Target: oneLine(refName(rv.Target), 0), Days: rv.Days, Before: statementRow(rv.Before), After: statementRow(rv.After)})
	}
	for _, g := range r.Gaps {
		v.Gaps = append(v.Gaps, gapView{Explanation: oneLine(g.Explanation, 0), Said: statementRow(g.Statement), Done: eventRow(g.Event)})
	}
	for _, d := range r.Deadlines {
		v.Deadlines = append(v.Deadlines, deadlineRow(d))
	}
	return v
}

// htmlText is the longest quoted text shown, in runes.
const htmlText = 400

func entryRow(e analysis.Entry) rowView {
	return rowView{Date: orDash(e.Date.Value), Grain: orDash(string(e.Date.Grain)), Verb: verb(e), What: what(e),
		Class: stanceClass(e), Actor: oneLine(e.Actor.Name, 0), Topic: oneLine(orDash(e.Topic), 0), Target: oneLine(refName(e.Target), 0),
		Toward: toward(e.Target),
		Text:   quote(e.Text, htmlText), Doc: e.Doc, DocShort: short(e.Doc), Sentence: e.Sentence}
}

func statementRow(st redline.Statement) rowView {
	return entryRow(analysis.Entry{Date: st.Said, Kind: "statement", Actor: st.Speaker, Target: st.Target,
		Topic: st.Topic, Stance: st.Stance, Text: st.Text, Doc: st.Doc, Sentence: st.Sentence, Statement: &st})
}

func eventRow(ev redline.Event) rowView {
	row := entryRow(analysis.Entry{Date: ev.Date, Kind: "event", Actor: ev.Actor, Target: ev.Target,
		Topic: ev.Verb, Mode: ev.Mode, CAMEO: ev.CAMEO, Text: ev.Text, Doc: ev.Doc, Sentence: ev.Sentence, Event: &ev})
	if ev.CAMEO != "" {
		row.What += ", CAMEO " + ev.CAMEO
	}
	return row
}

func deadlineRow(d redline.Deadline) rowView {
	return rowView{Date: orDash(d.Date.Value), Grain: orDash(string(d.Date.Grain)), Topic: oneLine(orDash(d.Action), 0),
		Actor: oneLine(refName(d.Actor), 0), Text: quote(d.Text, htmlText), Doc: d.Doc, DocShort: short(d.Doc), Sentence: d.Sentence}
}
