package render

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"redline"
	"redline/analysis"
)

const (
	scriptText = `<script>alert(1)</script>`
	imgText    = `"><img src=x onerror=alert(1)>`
)

// hostile returns the fixture with attack strings in every field that
// comes from an article or the caller.
func hostile(tb testing.TB) (*analysis.Report, Options) {
	tb.Helper()
	r := fixture(tb)
	evil := redline.ActorRef{ID: `"><script>alert(2)</script>`, Name: `<script>alert(3)</script>`}
	for i := range r.Timeline {
		e := &r.Timeline[i]
		e.Text = scriptText + " | `x` " + imgText
		e.Topic = `<b onmouseover=alert(4)>talk</b>`
		e.Doc = `"><script>alert(5)</script>`
	}
	r.Timeline[0].Actor = evil
	r.Timeline[1].Target = &evil
	r.Reversals[0].Before.Text = scriptText
	r.Reversals[0].Speaker = evil
	r.Gaps[0].Explanation = imgText + scriptText
	r.Gaps[0].Statement.Text = scriptText
	r.Gaps[0].Event.Text = imgText
	r.Deadlines[0].Text = scriptText + "|" + imgText
	r.Deadlines[0].Action = "[click](javascript:alert(6))"
	opts := Options{Title: `</title>` + scriptText, Database: imgText, Actor: scriptText, Generated: `<img src=x>`}
	return r, opts
}

// rawTag matches a tag that data could have injected.
var rawTag = regexp.MustCompile(`(?i)<\s*(script|img|b\s)`)

func TestHTMLEscapesArticleText(t *testing.T) {
	r, opts := hostile(t)
	out := mustRender(t, HTML, r, opts)
	if m := rawTag.FindString(out); m != "" {
		t.Errorf("HTML contains a raw %q from the data", m)
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		"&#34;&gt;&lt;img src=x onerror=alert(1)&gt;",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML lacks the escaped text %q", want)
		}
	}
	svg := out[strings.Index(out, "<svg") : strings.Index(out, "</svg>")+len("</svg>")]
	mustParseSVG(t, svg)
}

func TestHTMLEscapesHooks(t *testing.T) {
	v := newView(fixture(t), Options{})
	v.Hooks = []hook{{ID: "redlines", Title: "Red lines", Items: Items([]any{map[string]string{"text": scriptText}})}}
	v.Hooks[0].Items = append(v.Hooks[0].Items, scriptText) // even if Items stopped escaping
	var b bytes.Buffer
	if err := page.Execute(&b, v); err != nil {
		t.Fatal(err)
	}
	if m := rawTag.FindString(b.String()); m != "" {
		t.Errorf("HTML contains a raw %q from a generic section", m)
	}
}

func TestMarkdownEscapesArticleText(t *testing.T) {
	r, opts := hostile(t)
	out := mustRender(t, Markdown, r, opts)
	if m := rawTag.FindString(out); m != "" {
		t.Errorf("Markdown contains a raw %q from the data", m)
	}
	if strings.Contains(out, "](javascript:") && !strings.Contains(out, `\](javascript:`) {
		t.Error("Markdown contains an unescaped link from the data")
	}
	if strings.Contains(strings.ReplaceAll(out, "\\`", ""), "`") {
		t.Error("Markdown contains an unescaped backtick from the data")
	}
	checkTables(t, out)
}

// checkTables checks that every row of every table has as many cell
// separators as its header, so no text broke out of its cell.
func checkTables(t *testing.T, md string) {
	t.Helper()
	want := -1
	for i, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, "|") {
			want = -1
			continue
		}
		n := pipes(line)
		if want < 0 {
			want = n
		} else if n != want {
			t.Errorf("line %d has %d cell separators, want %d: %s", i+1, n, want, line)
		}
	}
}

// pipes counts the pipes not escaped by an odd run of backslashes.
func pipes(line string) int {
	n, slashes := 0, 0
	for _, c := range line {
		switch {
		case c == '\\':
			slashes++
			continue
		case c == '|' && slashes%2 == 0:
			n++
		}
		slashes = 0
	}
	return n
}

func TestSVGEscapesText(t *testing.T) {
	r, opts := hostile(t)
	out := mustRender(t, SVG, r, opts)
	mustParseSVG(t, out)
	if m := rawTag.FindString(out); m != "" {
		t.Errorf("SVG contains a raw %q from the data", m)
	}
}
