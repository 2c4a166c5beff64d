package render

import (
	"fmt"
	"math"
	"regexp"
	"strings"
)

// LineChart is a chart of a few series over numbered steps (periods of a
// projection, say), drawn as a standalone SVG: step 1 to the longest
// series across, values from 0 to YMax up. Every text in it is escaped.
type LineChart struct {
	// ID prefixes the ids of the chart's title and description, which
	// must be unique within a page; only letters, digits and '-' are
	// kept. Empty means "line-chart".
	ID string
	// Title names the chart; Description is its text alternative.
	Title, Description string
	// XLabel and YLabel name the axes.
	XLabel, YLabel string
	// YMax is the top of the vertical axis; 0 means 1, for shares.
	YMax float64
	// Lines are the series, drawn in order with a legend above.
	Lines []Line
}

// Line is one series of a LineChart: Values[i] is its value at step i+1,
// and a NaN leaves a gap.
type Line struct {
	Name string
	// Color is a CSS colour in #rgb or #rrggbb form; anything else takes
	// the next colour of the default palette.
	Color string
	// Dashed draws the line dashed, as for a second estimate of a line
	// drawn solid.
	Dashed bool
	Values []float64
}

// Line chart geometry, in SVG user units.
const (
	lineWidth  = 960
	lineHeight = 380
	lineLeft   = 64
	lineRight  = 24
	lineTop    = 56 // room for the legend
	lineBottom = 52
)

var palette = []string{"#2e7d32", "#f9a825", "#6a1b9a", "#c62828", "#1565c0", "#555555"}

var (
	hexColor = regexp.MustCompile(`^#(?:[0-9a-fA-F]{3}){1,2}$`)
	idChars  = regexp.MustCompile(`[^A-Za-z0-9-]+`)
)

// SVG draws the chart.
func (c *LineChart) SVG() string {
	s := &lineWriter{c: c, ymax: c.YMax}
	if !(s.ymax > 0) || math.IsInf(s.ymax, 0) {
		s.ymax = 1
	}
	for _, l := range c.Lines {
		s.n = max(s.n, len(l.Values))
	}
	s.draw()
	return s.String()
}

type lineWriter struct {
	svgWriter
	c    *LineChart
	n    int // steps across
	ymax float64
}

func (s *lineWriter) id() string {
	id := idChars.ReplaceAllString(s.c.ID, "")
	if id == "" {
		id = "line-chart"
	}
	return id
}

func (s *lineWriter) px(step float64) float64 {
	w := float64(lineWidth - lineLeft - lineRight)
	if s.n <= 1 {
		return lineLeft + w/2
	}
	return lineLeft + w*(step-1)/float64(s.n-1)
}

func (s *lineWriter) py(v float64) float64 {
	h := float64(lineHeight - lineTop - lineBottom)
	v = max(0, min(s.ymax, v))
	return lineTop + h*(1-v/s.ymax)
}

func (s *lineWriter) draw() {
	id := s.id()
	s.printf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%s-title %s-desc" font-family="system-ui, sans-serif" font-size="12">`,
		lineWidth, lineHeight, lineWidth, lineHeight, id, id)
	s.printf(`<title id="%s-title">`, id)
	s.text(s.c.Title)
	s.printf(`</title><desc id="%s-desc">`, id)
	s.text(s.c.Description)
	s.printf("</desc>\n")
	s.lineLegend()
	s.grid()
	for i, l := range s.c.Lines {
		s.series(l, colorOf(l.Color, i))
	}
	s.printf("</svg>\n")
}

func colorOf(c string, i int) string {
	if hexColor.MatchString(c) {
		return c
	}
	return palette[i%len(palette)]
}

// lineLegend names the lines across the top, wrapping as needed.
func (s *lineWriter) lineLegend() {
	s.printf(`<g class="legend">`)
	x, y := 8.0, 18.0
	for i, l := range s.c.Lines {
		name := oneLine(l.Name, 40)
		w := 34 + 7*float64(len([]rune(name)))
		if x+w > lineWidth-8 && x > 8 {
			x, y = 8, y+18
		}
		s.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2.5"%s/>`,
			f(x), f(y-4), f(x+22), f(y-4), colorOf(l.Color, i), dash(l.Dashed))
		s.printf(`<text x="%s" y="%s">`, f(x+28), f(y))
		s.text(name)
		s.printf(`</text>`)
		x += w
	}
	s.printf("</g>\n")
}

func dash(d bool) string {
	if d {
		return ` stroke-dasharray="6 4"`
	}
	return ""
}

// grid draws the axes, their ticks and labels.
func (s *lineWriter) grid() {
	bottom, right := float64(lineHeight-lineBottom), float64(lineWidth-lineRight)
	s.printf(`<g class="axis">`)
	for k := 0; k <= 4; k++ {
		v := s.ymax * float64(k) / 4
		y := s.py(v)
		s.printf(`<line x1="%d" y1="%s" x2="%s" y2="%s" stroke="#ddd"/>`, lineLeft, f(y), f(right), f(y))
		s.printf(`<text x="%d" y="%s" text-anchor="end">%s</text>`, lineLeft-6, f(y+4), tick(v))
	}
	step := stepTicks(s.n)
	for k := 1; k <= s.n; k++ {
		if k != 1 && k%step != 0 {
			continue
		}
		x := f(s.px(float64(k)))
		s.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#333"/>`, x, f(bottom), x, f(bottom+5))
		s.printf(`<text x="%s" y="%s" text-anchor="middle">%d</text>`, x, f(bottom+18), k)
	}
	s.printf(`<line x1="%d" y1="%s" x2="%s" y2="%s" stroke="#333"/>`, lineLeft, f(bottom), f(right), f(bottom))
	s.printf(`<text x="%s" y="%s" text-anchor="middle" font-weight="bold">`, f((lineLeft+right)/2), f(bottom+40))
	s.text(s.c.XLabel)
	s.printf(`</text><text transform="translate(16 %s) rotate(-90)" text-anchor="middle" font-weight="bold">`, f((lineTop+bottom)/2))
	s.text(s.c.YLabel)
	s.printf("</text></g>\n")
}

// tick writes an axis value with no more digits than it needs.
func tick(v float64) string {
	t := strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.3f", v), "0"), ".")
	if t == "" || t == "-0" {
		return "0"
	}
	return t
}

// stepTicks picks a tick interval that gives at most a dozen ticks.
func stepTicks(n int) int {
	for _, s := range []int{1, 2, 4, 5, 10, 13, 26, 52, 100, 250, 500, 1000} {
		if n/s <= 12 {
			return s
		}
	}
	return 1 + n/12
}

// series draws one line as polylines broken at NaN values, with its name
// as a tooltip.
func (s *lineWriter) series(l Line, color string) {
	s.printf(`<g class="line" fill="none" stroke="%s" stroke-width="2"%s><title>`, color, dash(l.Dashed))
	s.text(l.Name)
	s.printf("</title>")
	var pts []string
	flush := func() {
		switch len(pts) {
		case 0:
		case 1:
			xy := strings.Split(pts[0], ",")
			s.printf(`<circle cx="%s" cy="%s" r="2.5" fill="%s"/>`, xy[0], xy[1], color)
		default:
			s.printf(`<polyline points="%s"/>`, strings.Join(pts, " "))
		}
		pts = pts[:0]
	}
	for i, v := range l.Values {
		if math.IsNaN(v) {
			flush()
			continue
		}
		pts = append(pts, f(s.px(float64(i+1)))+","+f(s.py(v)))
	}
	flush()
	s.printf("</g>\n")
}
