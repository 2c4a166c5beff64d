package http

import (
	"encoding/xml"
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"
)

// Line chart geometry, in SVG user units.
const (
	lineWidth  = 900
	lineHeight = 320
	lineLeft   = 64
	lineRight  = 16
	lineTop    = 40
	lineBottom = 56
)

// linePalette colours the lines in turn; each is distinguishable from the
// others and dark enough on white.
var linePalette = []string{"#1f5fa8", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#5d4037", "#455a64"}

// lineChart draws named series over shared x labels as an SVG line chart
// with a zero line, a legend and a text description. Names and labels are
// XML-escaped.
func lineChart(title, xLabel, yLabel string, xs []string, lines []Line) template.HTML {
	var b strings.Builder
	esc := func(s string) string {
		var e strings.Builder
		xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	n := 0
	lo, hi := 0.0, 0.0
	for _, l := range lines {
		n = max(n, len(l.Points))
		for _, p := range l.Points {
			if !math.IsNaN(p) && !math.IsInf(p, 0) {
				lo, hi = math.Min(lo, p), math.Max(hi, p)
			}
		}
	}
	if hi == lo {
		hi = lo + 1
	}
	pw, ph := float64(lineWidth-lineLeft-lineRight), float64(lineHeight-lineTop-lineBottom)
	x := func(i int) float64 {
		if n <= 1 {
			return lineLeft + pw/2
		}
		return lineLeft + pw*float64(i)/float64(n-1)
	}
	y := func(v float64) float64 { return lineTop + ph*(hi-v)/(hi-lo) }
	var desc []string
	for _, l := range lines {
		desc = append(desc, fmt.Sprintf("%s (%d points)", l.Name, len(l.Points)))
	}
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="%s" font-family="system-ui, sans-serif" font-size="12" class="linechart">`,
		lineWidth, lineHeight, esc(title))
	fmt.Fprintf(&b, `<title>%s</title><desc>%s</desc>`, esc(title), esc(strings.Join(desc, "; ")))
	fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%s" height="%s" fill="#f6f6f4"/>`, lineLeft, lineTop, ff(pw), ff(ph))
	for _, v := range []float64{lo, (lo + hi) / 2, hi} {
		fmt.Fprintf(&b, `<text x="%d" y="%s" text-anchor="end">%s</text>`, lineLeft-6, ff(y(v)+4), strconv.FormatFloat(v, 'g', 3, 64))
	}
	if lo < 0 && hi > 0 {
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%s" y2="%s" stroke="#888" stroke-dasharray="4 3"/>`, lineLeft, lineWidth-lineRight, ff(y(0)), ff(y(0)))
	}
	step := max(1, n/10)
	for i := 0; i < n && i < len(xs); i += step {
		fmt.Fprintf(&b, `<text x="%s" y="%d" text-anchor="middle">%s</text>`, ff(x(i)), lineHeight-lineBottom+18, esc(xs[i]))
	}
	fmt.Fprintf(&b, `<text x="%s" y="%d" text-anchor="middle" font-weight="bold">%s</text>`, ff(lineLeft+pw/2), lineHeight-12, esc(xLabel))
	fmt.Fprintf(&b, `<text x="14" y="%s" transform="rotate(-90 14 %s)" text-anchor="middle" font-weight="bold">%s</text>`, ff(lineTop+ph/2), ff(lineTop+ph/2), esc(yLabel))
	lx := float64(lineLeft)
	for i, l := range lines {
		c := linePalette[i%len(linePalette)]
		var pts []string
		for j, p := range l.Points {
			if !math.IsNaN(p) && !math.IsInf(p, 0) {
				pts = append(pts, ff(x(j))+","+ff(y(p)))
			}
		}
		fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="2" points="%s"><title>%s</title></polyline>`, c, strings.Join(pts, " "), esc(l.Name))
		fmt.Fprintf(&b, `<rect x="%s" y="14" width="12" height="12" fill="%s"/><text x="%s" y="24">%s</text>`, ff(lx), c, ff(lx+16), esc(l.Name))
		lx += 28 + 7*float64(len([]rune(l.Name)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func ff(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

func itoa(i int) string { return strconv.Itoa(i) }
