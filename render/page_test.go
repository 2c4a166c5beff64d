package render

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"strings"
	"testing"
)

func hostilePage() *Page {
	chart := LineChart{
		ID:          `x"><script>`,
		Title:       scriptText,
		Description: "shares " + imgText,
		XLabel:      scriptText,
		YLabel:      imgText,
		Lines: []Line{
			{Name: scriptText, Color: `red" onload="alert(1)`, Values: []float64{0, 0.5, 1}},
			{Name: "second", Color: "#123", Dashed: true, Values: []float64{0.2, math.NaN(), 0.4}},
		},
	}
	return &Page{
		Title: "</title>" + scriptText,
		Meta:  []string{imgText},
		Sections: []Section{{
			ID: `a"><script>`, Heading: scriptText, Paragraphs: []string{imgText},
			Tables: []Table{{Caption: scriptText, Header: []string{scriptText, "n"}, Rows: [][]string{{imgText, "1"}}, Numeric: []bool{false, true}}},
			Charts: []LineChart{chart},
			Notes:  []string{scriptText},
		}},
		Footer: scriptText,
	}
}

func TestPageHTMLEscapes(t *testing.T) {
	var buf bytes.Buffer
	if err := PageHTML(&buf, hostilePage()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if m := rawTag.FindString(out); m != "" {
		t.Errorf("page contains a raw %q from the data", m)
	}
	if strings.Contains(out, "onload") {
		t.Error("a colour that is not #rgb or #rrggbb reached an attribute")
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", `<td class="num">1</td>`, "<svg", "<polyline", "<circle"} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// The SVG is well-formed XML.
	svg := out[strings.Index(out, "<svg") : strings.Index(out, "</svg>")+len("</svg>")]
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the chart is not well-formed XML: %v", err)
		}
	}
}

func TestLineChartGeometry(t *testing.T) {
	c := LineChart{Lines: []Line{{Name: "up", Values: []float64{0, 0.25, 0.5, 0.75, 1}}}}
	svg := c.SVG()
	// Five steps across 64..936, values from 0 (y 328) to 1 (y 56).
	if !strings.Contains(svg, `points="64.0,328.0 282.0,260.0 500.0,192.0 718.0,124.0 936.0,56.0"`) {
		t.Errorf("unexpected points in\n%s", svg)
	}
	if !strings.Contains(svg, `aria-labelledby="line-chart-title line-chart-desc"`) || !strings.Contains(svg, `stroke="#2e7d32"`) {
		t.Error("default id or palette colour missing")
	}
	// Out-of-range values are drawn at the edge, and YMax scales.
	c = LineChart{YMax: 10, Lines: []Line{{Name: "n", Values: []float64{-3, 5, 20}}}}
	if svg := c.SVG(); !strings.Contains(svg, `points="64.0,328.0 500.0,192.0 936.0,56.0"`) || !strings.Contains(svg, ">2.5</text>") {
		t.Errorf("YMax 10:\n%s", svg)
	}
	if got := stepTicks(52); got != 5 {
		t.Errorf("stepTicks(52) = %d", got)
	}
}
