package render

import (
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"redline"
	"redline/analysis"
)

// SVG writes the stance chart of r as a standalone SVG document: one row
// per actor with the most statements (Options.ChartActors), time in years
// across, each statement a mark coloured by stance and shaped by
// commitment, covert and alleged events as triangles. It is the chart the
// HTML report embeds.
func SVG(w io.Writer, r *analysis.Report, opts Options) error {
	if r == nil {
		return errors.New("render svg: nil report")
	}
	c := buildChart(r.Timeline, opts.chartActors(), opts.Link)
	if _, err := io.WriteString(w, c.SVG); err != nil {
		return fmt.Errorf("render svg: %w", err)
	}
	return nil
}

// Chart geometry, in SVG user units.
const (
	chartWidth = 960
	plotLeft   = 190 // room for actor names
	plotRight  = 24
	plotTop    = 64 // room for the legend
	laneHeight = 76 // stance band plus event strip
	bandHeight = 58 // the part of a lane where stance is drawn
	laneGap    = 8
	axisHeight = 48
)

// Stance colours, and the colour of covert and alleged events.
var stanceColor = map[redline.Stance]string{
	redline.StanceFavor:   "#2e7d32",
	redline.StanceAgainst: "#c62828",
	redline.StanceNeutral: "#8a8a8a",
}

const eventColor = "#5e35b1"

// point is one mark on the chart.
type point struct {
	At     time.Time
	Score  float64 // stance score in [-1, 1]; unused for events
	Stance redline.Stance
	Commit redline.Commitment
	Event  redline.Mode // covert or alleged for an event triangle, else ""
	Label  string       // tooltip text
	Doc    string       // where the record is, for Options.Link
	Line   int
}

// lane is one row of the chart.
type lane struct {
	Name   string
	Sub    string // what the row counts: "54 statements"
	Points []point
}

// chart is a drawn chart and a sentence describing what it leaves out.
type chart struct {
	SVG  string
	Note string
}

// buildChart lays out the top n actors by number of statements and draws
// them.
func buildChart(entries []analysis.Entry, n int, link func(string, int) string) chart {
	ls, undated, total := chartLanes(entries, n)
	note := fmt.Sprintf("Showing %d of %d actors, those with the most statements.", min(n, total), total)
	if undated > 0 {
		note += fmt.Sprintf(" %d records without a calendar date are not drawn.", undated)
	}
	start, end, early, ok := span(ls)
	if !ok {
		return chart{SVG: emptyChart(), Note: "No dated statements to chart."}
	}
	if early > 0 {
		note += fmt.Sprintf(" %s dated before %d %s drawn at the left edge.", plural(early, "mark"), start.Year(), isAre(early))
	}
	s := &svgWriter{start: start, end: end, link: link}
	s.draw(ls, note)
	return chart{SVG: s.String(), Note: note}
}

// chartLanes picks the actors with the most statements and fills their
// lanes. Covert and alleged events of other actors go to a last lane of
// their own. It also returns how many chosen records had no date and how
// many actors there were.
func chartLanes(entries []analysis.Entry, n int) (ls []lane, undated, actors int) {
	gs := groups(entries)
	slices.SortStableFunc(gs, func(a, b group) int {
		return cmp.Or(cmp.Compare(b.Statements, a.Statements), cmp.Compare(a.Name, b.Name))
	})
	total := len(gs)
	gs = gs[:min(n, len(gs))]
	chosen := map[string]int{}
	for i, g := range gs {
		chosen[g.Key] = i
		ls = append(ls, lane{Name: g.Name, Sub: plural(g.Statements, "statement")})
	}
	other := lane{Name: "Other actors", Sub: "covert and alleged events"}
	for _, e := range entries {
		i, in := chosen[actorKey(e.Actor)]
		if (e.Kind == "event" && !hiddenMode(e.Mode)) || (!in && e.Kind != "event") {
			continue
		}
		p, ok := toPoint(e)
		switch {
		case !ok:
			undated++
		case in:
			ls[i].Points = append(ls[i].Points, p)
		default:
			other.Points = append(other.Points, p)
		}
	}
	if len(other.Points) > 0 {
		ls = append(ls, other)
	}
	return ls, undated, total
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func hiddenMode(m redline.Mode) bool { return m == redline.ModeCovert || m == redline.ModeAlleged }

// toPoint turns an entry into a mark at the middle of its date's interval.
// ok is false for an entry with no calendar date.
func toPoint(e analysis.Entry) (point, bool) {
	start, end, ok := e.Date.Interval()
	if !ok {
		return point{}, false
	}
	p := point{At: start.Add(end.Sub(start) / 2), Stance: e.Stance, Commit: commitment(e), Doc: e.Doc, Line: e.Sentence}
	p.Label = fmt.Sprintf("%s %s %s: %s on %s toward %s: %s", e.Date.Value, e.Actor.Name, verb(e), what(e),
		orDash(e.Topic), refName(e.Target), quote(e.Text, 200))
	if e.Kind == "event" {
		p.Event = e.Mode
		return p, true
	}
	p.Score = scoreOf(e)
	return p, true
}

// scoreOf returns a statement's stance score, or a nominal score for its
// stance when the entry carries no statement.
func scoreOf(e analysis.Entry) float64 {
	s := map[redline.Stance]float64{redline.StanceFavor: 0.6, redline.StanceAgainst: -0.6}[e.Stance]
	if e.Statement != nil {
		s = e.Statement.Score
	}
	return max(-1, min(1, s))
}

// span returns the whole years that cover the points. When a few early
// outliers (under 2% of the points) would take up over 40% of the axis,
// the axis starts after them and early counts the points drawn at its
// left edge instead.
func span(ls []lane) (start, end time.Time, early int, ok bool) {
	var years []int
	for _, l := range ls {
		for _, p := range l.Points {
			years = append(years, p.At.Year())
		}
	}
	if len(years) == 0 {
		return time.Time{}, time.Time{}, 0, false
	}
	slices.Sort(years)
	lo, hi := years[0], years[len(years)-1]
	if cut := years[len(years)/50]; (hi-cut+1)*10 < (hi-lo+1)*6 {
		lo = cut
		for _, y := range years {
			if y < lo {
				early++
			}
		}
	}
	return yearStart(lo), yearStart(hi + 1), early, true
}

func yearStart(y int) time.Time { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC) }

func emptyChart() string {
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 40" width="480" height="40" role="img" aria-label="No dated statements to chart">` +
		`<title>No dated statements to chart</title><text x="8" y="24" font-family="sans-serif" font-size="13">No dated statements to chart.</text></svg>`
}

// svgWriter draws the chart into a string over a time range.
type svgWriter struct {
	strings.Builder
	start, end time.Time
	link       func(doc string, sentence int) string
}

func (s *svgWriter) printf(format string, args ...any) { fmt.Fprintf(&s.Builder, format, args...) }

// text writes the XML-escaped form of t.
func (s *svgWriter) text(t string) {
	if err := xml.EscapeText(&s.Builder, []byte(t)); err != nil {
		panic(err) // a strings.Builder never fails to write
	}
}

// f formats a coordinate with one decimal, so output is stable.
func f(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// x places t on the axis; times before the axis start at its left edge.
func (s *svgWriter) x(t time.Time) float64 {
	if t.Before(s.start) {
		t = s.start
	}
	w := float64(chartWidth - plotLeft - plotRight)
	return plotLeft + w*float64(t.Sub(s.start))/float64(s.end.Sub(s.start))
}

func (s *svgWriter) draw(ls []lane, note string) {
	h := plotTop + len(ls)*(laneHeight+laneGap) + axisHeight
	s.printf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="chart-title chart-desc" font-family="system-ui, sans-serif" font-size="12">`,
		chartWidth, h, chartWidth, h)
	s.printf(`<title id="chart-title">Stance over time, by actor</title><desc id="chart-desc">`)
	s.text(describe(ls, note))
	s.printf("</desc>\n")
	s.legend()
	bottom := float64(plotTop + len(ls)*(laneHeight+laneGap) - laneGap)
	s.axis(bottom)
	for i, l := range ls {
		s.lane(l, float64(plotTop+i*(laneHeight+laneGap)))
	}
	s.printf("</svg>\n")
}

// describe is the chart's text alternative.
func describe(ls []lane, note string) string {
	var parts []string
	for _, l := range ls {
		parts = append(parts, fmt.Sprintf("%s (%d marks)", oneLine(l.Name, 60), len(l.Points)))
	}
	return "Each row is an actor; each statement is a mark placed by date and stance score, " +
		"green for favor, red for against, grey for neutral; squares are absolute commitments, " +
		"filled circles firm, hollow circles hedged, small dots none; triangles are covert or alleged events. Rows: " +
		strings.Join(parts, ", ") + ". " + note
}

// legend draws the key to colours and shapes across the top.
func (s *svgWriter) legend() {
	s.printf(`<g class="legend" aria-hidden="true">`)
	x := 8.0
	item := func(kind, label string, c string) {
		s.mark(kind, x+5, 18, c, "")
		s.printf(`<text x="%s" y="22">%s</text>`, f(x+14), label)
		x += 22 + 7*float64(len(label))
	}
	for _, st := range []redline.Stance{redline.StanceFavor, redline.StanceAgainst, redline.StanceNeutral} {
		item("firm", string(st), stanceColor[st])
	}
	x += 16
	for _, c := range []redline.Commitment{redline.CommitAbsolute, redline.CommitFirm, redline.CommitHedged, redline.CommitNone} {
		item(string(c), string(c), "#444")
	}
	x += 16
	item("covert", "covert event", eventColor)
	item("alleged", "alleged event", eventColor)
	s.printf(`<text x="8" y="44" fill="#555">Height in each row is the stance score: favor above the dashed line, against below. Triangles mark covert and alleged events.</text></g>`)
	s.printf("\n")
}

// axis draws the year grid and labels below the lanes.
func (s *svgWriter) axis(bottom float64) {
	y0, y1 := s.start.Year(), s.end.Year()
	step := yearStep(y1 - y0)
	s.printf(`<g class="axis">`)
	s.printf(`<line x1="%d" y1="%s" x2="%d" y2="%s" stroke="#333"/>`, plotLeft, f(bottom+4), chartWidth-plotRight, f(bottom+4))
	for y := y0; y <= y1; y++ {
		if y%step != 0 {
			continue
		}
		x := f(s.x(yearStart(y)))
		s.printf(`<line x1="%s" y1="%d" x2="%s" y2="%s" stroke="#ddd"/>`, x, plotTop-4, x, f(bottom+8))
		s.printf(`<text x="%s" y="%s" text-anchor="middle">%d</text>`, x, f(bottom+22), y)
	}
	s.printf(`<text x="%d" y="%s" text-anchor="middle" font-weight="bold">Year</text></g>`,
		plotLeft+(chartWidth-plotLeft-plotRight)/2, f(bottom+40))
	s.printf("\n")
}

// yearStep picks a tick interval that gives at most a dozen ticks.
func yearStep(years int) int {
	for _, s := range []int{1, 2, 5, 10, 20, 25, 50, 100} {
		if years/s <= 12 {
			return s
		}
	}
	return 200
}

// lane draws one actor's row with its top edge at y.
func (s *svgWriter) lane(l lane, y float64) {
	mid := y + bandHeight/2
	s.printf(`<g class="lane"><rect x="%d" y="%s" width="%d" height="%d" fill="#f6f6f4"/>`,
		plotLeft, f(y), chartWidth-plotLeft-plotRight, laneHeight)
	s.printf(`<line x1="%d" y1="%s" x2="%d" y2="%s" stroke="#bbb" stroke-dasharray="4 3"/>`,
		plotLeft, f(mid), chartWidth-plotRight, f(mid))
	s.printf(`<text x="%d" y="%s" text-anchor="end" font-weight="bold">`, plotLeft-8, f(mid))
	s.text(oneLine(l.Name, 24))
	s.printf(`</text><text x="%d" y="%s" text-anchor="end" fill="#555">%s</text>`, plotLeft-8, f(mid+15), l.Sub)
	for _, p := range l.Points {
		py := mid - p.Score*(bandHeight/2-6)
		c := stanceColor[p.Stance]
		kind := string(p.Commit)
		if p.Event != "" {
			py, c, kind = y+bandHeight+9, eventColor, string(p.Event)
		}
		if c == "" {
			c = stanceColor[redline.StanceNeutral]
		}
		if s.link != nil {
			s.printf(`<a href="`)
			s.text(s.link(p.Doc, p.Line))
			s.printf(`">`)
		}
		s.mark(kind, s.x(p.At), py, c, p.Label)
		if s.link != nil {
			s.printf(`</a>`)
		}
	}
	s.printf("</g>\n")
}

// mark draws one shape centred on (x, y) with an optional tooltip: a
// square for absolute, a filled circle for firm, a hollow circle for
// hedged, a triangle for an event (hollow when alleged) and a small dot
// for anything else.
func (s *svgWriter) mark(kind string, x, y float64, color, label string) {
	switch kind {
	case string(redline.CommitAbsolute):
		s.printf(`<rect x="%s" y="%s" width="9" height="9" fill="%s" fill-opacity="0.85">`, f(x-4.5), f(y-4.5), color)
		s.tip(label, "rect")
	case string(redline.CommitFirm):
		s.printf(`<circle cx="%s" cy="%s" r="4.5" fill="%s" fill-opacity="0.85">`, f(x), f(y), color)
		s.tip(label, "circle")
	case string(redline.CommitHedged):
		s.printf(`<circle cx="%s" cy="%s" r="4" fill="#fff" stroke="%s" stroke-width="1.6">`, f(x), f(y), color)
		s.tip(label, "circle")
	case string(redline.ModeCovert), string(redline.ModeAlleged):
		fill := color
		if kind == string(redline.ModeAlleged) {
			fill = "#fff"
		}
		s.printf(`<path d="M%s %sL%s %sL%s %sZ" fill="%s" stroke="%s" stroke-width="1.4">`,
			f(x), f(y-5.5), f(x+5.5), f(y+4.5), f(x-5.5), f(y+4.5), fill, color)
		s.tip(label, "path")
	default:
		s.printf(`<circle cx="%s" cy="%s" r="2.2" fill="%s">`, f(x), f(y), color)
		s.tip(label, "circle")
	}
}

// tip writes an optional tooltip and closes the element.
func (s *svgWriter) tip(label, elem string) {
	if label != "" {
		s.printf("<title>")
		s.text(label)
		s.printf("</title>")
	}
	s.printf("</%s>", elem)
}
