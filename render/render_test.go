package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"redline"
	"redline/analysis"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./render -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		if i >= len(g) || i >= len(w) || g[i] != w[i] {
			t.Fatalf("%s differs at line %d:\ngot:  %q\nwant: %q\n(run go test ./render -update if the change is intended)",
				path, i+1, at(g, i), at(w, i))
		}
	}
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "<end of file>"
}

// renderer is the shape shared by Markdown, HTML and SVG.
type renderer func(io.Writer, *analysis.Report, Options) error

func mustRender(tb testing.TB, fn renderer, r *analysis.Report, opts Options) string {
	tb.Helper()
	var b bytes.Buffer
	if err := fn(&b, r, opts); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		fn   renderer
	}{
		{"report.md", Markdown},
		{"report.html", HTML},
		{"chart.svg", SVG},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, tt.name, []byte(mustRender(t, tt.fn, fixture(t), fixtureOptions)))
		})
	}
}

func TestNilReport(t *testing.T) {
	for _, fn := range []renderer{Markdown, HTML, SVG} {
		if err := fn(io.Discard, nil, Options{}); err == nil {
			t.Error("rendering a nil report: got no error")
		}
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	for _, fn := range []renderer{Markdown, HTML, SVG} {
		if err := fn(failWriter{}, fixture(t), Options{}); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("render to a failing writer: err = %v, want disk full", err)
		}
	}
}

// TestDemoShape renders a report built by the analyses from records shaped
// like the demo corpus's, and the same report after a JSON round trip,
// which drops the statements behind timeline entries.
func TestDemoShape(t *testing.T) {
	sts, evs := statements(t), events(t)
	countryOf := func(id string) string {
		return map[string]string{"ali-khamenei": "IRN", "donald-trump": "USA"}[id]
	}
	r := &analysis.Report{
		Counts:    redline.Counts{Documents: 4, Statements: len(sts), Events: len(evs)},
		Timeline:  analysis.Timeline(sts, evs, ""),
		Reversals: analysis.Reversals(sts, analysis.DefaultWindow),
		Gaps:      analysis.Gaps(sts, evs, countryOf),
		Deadlines: []redline.Deadline{},
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var decoded analysis.Report
	if err := json.Unmarshal(b, &decoded); err != nil {
		t.Fatal(err)
	}
	for _, rep := range []*analysis.Report{r, &decoded} {
		for _, fn := range []renderer{Markdown, HTML, SVG} {
			if out := mustRender(t, fn, rep, Options{}); !strings.Contains(out, "Ali Khamenei") {
				t.Errorf("output does not name Ali Khamenei:\n%s", out)
			}
		}
	}
}

func TestEmptyReport(t *testing.T) {
	r := &analysis.Report{}
	for _, fn := range []renderer{Markdown, HTML} {
		if out := mustRender(t, fn, r, Options{}); !strings.Contains(out, "None found") || !strings.Contains(out, DefaultTitle) {
			t.Errorf("empty report lacks %q or the default title:\n%s", "None found", out)
		}
	}
	mustParseSVG(t, mustRender(t, SVG, r, Options{}))
}

func TestItems(t *testing.T) {
	type ledger struct {
		Status string `json:"status"`
	}
	tests := []struct {
		name string
		in   any
		want []string
	}{
		{"nil", nil, nil},
		{"not a slice", "held", nil},
		{"untyped", []any{map[string]string{"status": "held"}}, []string{`{"status":"held"}`}},
		{"typed", []ledger{{"crossed"}}, []string{`{"status":"crossed"}`}},
		{"hostile", []any{"<script>"}, []string{`"\u003cscript\u003e"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Items(tt.in); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Items(%v) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"a\n\tb  c", 0, "a b c"},
		{"abcdef", 4, "abc…"},
		{"evil\u202Etxt.exe\x07", 0, "eviltxt.exe"},
	}
	for _, tt := range tests {
		if got := oneLine(tt.in, tt.n); got != tt.want {
			t.Errorf("oneLine(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// mustParseSVG checks that s is well-formed XML with an svg root and
// returns the number of elements of each name.
func mustParseSVG(tb testing.TB, s string) map[string]int {
	tb.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	names := map[string]int{}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		} else if err != nil {
			tb.Fatalf("SVG is not well-formed XML: %v\n%s", err, s)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if len(names) == 0 && (se.Name.Local != "svg" || se.Name.Space != "http://www.w3.org/2000/svg") {
				tb.Fatalf("root element = %v, want svg in the SVG namespace", se.Name)
			}
			names[se.Name.Local]++
		}
	}
	return names
}

func TestSVG(t *testing.T) {
	names := mustParseSVG(t, mustRender(t, SVG, fixture(t), Options{}))
	// Four statements by two charted actors: Khamenei's absolute one is a
	// square, Trump's firm one and Khamenei's hedged one circles, the one
	// with no commitment a dot; Iran's covert talks a triangle in a lane of
	// its own. The legend adds one of each shape.
	if names["path"] != 1+2 {
		t.Errorf("triangles = %d, want 3 (one event, two in the legend)", names["path"])
	}
	if names["rect"] < 1+1 {
		t.Errorf("squares and lane backgrounds = %d, want at least 2", names["rect"])
	}
	if names["title"] < 1+5 || names["desc"] != 1 {
		t.Errorf("titles = %d, descs = %d; want a chart title and one per mark, and one desc", names["title"], names["desc"])
	}
}

func TestYearStep(t *testing.T) {
	for _, tt := range []struct{ years, want int }{{1, 1}, {12, 1}, {13, 2}, {47, 5}, {300, 25}, {400, 50}} {
		if got := yearStep(tt.years); got != tt.want {
			t.Errorf("yearStep(%d) = %d, want %d", tt.years, got, tt.want)
		}
	}
}

// TestHTMLSelfContained checks that the report loads nothing from outside
// the file and runs no script.
func TestHTMLSelfContained(t *testing.T) {
	out := mustRender(t, HTML, fixture(t), fixtureOptions)
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", " src=", "@import", "url(", `href="http`, `href="//`} {
		if strings.Contains(strings.ToLower(out), bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
}

// TestLimitedReport checks that a report a limit cut says so: the summary
// counts every entry, and each cut section says how many it shows.
func TestLimitedReport(t *testing.T) {
	r := fixture(t)
	r.Limit = 1
	r.Totals = analysis.Totals{Timeline: 2_000_000, Reversals: 295_109, Gaps: len(r.Gaps), Redlines: 7}
	r.Timeline, r.Reversals = r.Timeline[len(r.Timeline)-1:], r.Reversals[:1]
	md := mustRender(t, Markdown, r, fixtureOptions)
	for _, want := range []string{"The latest 1 of 2,000,000 records from 1 actor", "The latest 1 of 295,109.", "| 295109 |"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	if strings.Contains(md, "The latest 1 of "+strconv.Itoa(len(r.Gaps))) {
		t.Error("Markdown says the gaps were cut; the report shows them all")
	}
	html := mustRender(t, HTML, r, fixtureOptions)
	for _, want := range []string{"The latest 1 of 2,000,000 records from 1 actor", "<p>The latest 1 of 295,109.</p>",
		"It draws only the records the report shows: the latest 1 of 2,000,000 records."} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
}

func TestSVGLinks(t *testing.T) {
	link := func(doc string, sentence int) string {
		return fmt.Sprintf("/documents/%s?x=1&y=\"#s-%d", doc, sentence)
	}
	out := mustRender(t, SVG, fixture(t), Options{Link: link})
	names := mustParseSVG(t, out)
	plain := mustParseSVG(t, mustRender(t, SVG, fixture(t), Options{}))
	// Every mark is a link; the legend's marks are not.
	if marks := names["path"] + names["circle"] - 3 - 4; names["a"] == 0 || names["a"] < marks-names["rect"] {
		t.Errorf("links = %d for the marks of %v", names["a"], names)
	}
	if plain["a"] != 0 {
		t.Errorf("links = %d without Options.Link, want 0", plain["a"])
	}
	if !strings.Contains(out, `?x=1&amp;y=&#34;#s-`) {
		t.Errorf("the link is not escaped as XML:\n%.400s", out)
	}
}
