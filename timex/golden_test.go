package timex

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"redline/segment"
)

// goldenCase is one line of testdata/golden.tsv.
type goldenCase struct {
	line      int
	published time.Time
	text      string
	want      string
}

func readGolden(tb testing.TB, path string) []goldenCase {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var cases []goldenCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			tb.Fatalf("%s:%d: want 3 tab-separated fields, got %d", path, n, len(f))
		}
		d, err := time.Parse("2006-01-02", f[0])
		if err != nil {
			tb.Fatalf("%s:%d: %v", path, n, err)
		}
		cases = append(cases, goldenCase{line: n, published: d, text: f[1], want: f[2]})
	}
	return cases
}

// describe writes a result in the golden file's notation.
func describe(r *Result) string {
	var ex []string
	for _, x := range r.Times {
		g := string(x.Grain)
		if g == "" {
			g = "-"
		}
		e := fmt.Sprintf("%s=%s %s %s %s", x.Text, x.Value, g, x.Type, x.Anchor)
		if x.Mod != "" {
			e += " " + x.Mod
		}
		ex = append(ex, e)
	}
	for _, d := range r.Deadlines {
		ex = append(ex, fmt.Sprintf("deadline:%s=%s", d.Action, d.Date.Value))
	}
	return strings.Join(ex, " | ")
}

// TestGolden runs every hand-written case of testdata/golden.tsv and
// reports each one that differs.
func TestGolden(t *testing.T) {
	cases := readGolden(t, "testdata/golden.tsv")
	if len(cases) < 150 {
		t.Errorf("golden.tsv has %d cases, want at least 150", len(cases))
	}
	tg := New()
	for _, c := range cases {
		got := describe(tg.Tag(c.text, segment.Split(c.text), c.published))
		if got != c.want {
			t.Errorf("golden.tsv:%d: Tag(%q, %s)\n got: %s\nwant: %s", c.line, c.text,
				c.published.Format("2006-01-02"), got, c.want)
		}
	}
}
