package eval

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"redline"
	"redline/timex"
)

func TestReadTE3(t *testing.T) {
	d, err := ReadTE3("testdata/te3/envoy.tml")
	if err != nil {
		t.Fatal(err)
	}
	if got := d.DCT.Format("2006-01-02"); got != "2025-02-07" {
		t.Errorf("DCT = %s, want 2025-02-07", got)
	}
	wantText := "\nThe envoy arrived Tuesday & left after three days.\nTalks began in 2013.\n"
	if d.Text != wantText {
		t.Errorf("Text = %q, want %q", d.Text, wantText)
	}
	var got []string
	for _, x := range d.Timexes {
		if x.Span.In(d.Text) != x.Text {
			t.Errorf("span %v covers %q, want %q", x.Span, x.Span.In(d.Text), x.Text)
		}
		got = append(got, x.Text+"="+x.Type+":"+x.Value)
	}
	want := []string{"Tuesday=DATE:2025-02-04", "three days=DURATION:P3D", "2013=DATE:2013"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("timexes mismatch (-want +got):\n%s", diff)
	}
}

func TestReadTE3Malformed(t *testing.T) {
	_, err := ReadTE3("testdata/bad/broken.tml")
	if err == nil || !strings.Contains(err.Error(), "broken.tml:5:") {
		t.Errorf("ReadTE3(broken) error = %v, want one naming broken.tml:5", err)
	}
	docs, skipped, err := LoadTE3("testdata/bad")
	if err != nil || len(docs) != 0 || len(skipped) != 1 {
		t.Errorf("LoadTE3(bad) = %d docs, %v skipped, %v; want 0 docs, 1 skipped", len(docs), skipped, err)
	}
}

func TestReadMEANTIME(t *testing.T) {
	d, err := ReadMEANTIME("testdata/meantime/1_envoy.xml")
	if err != nil {
		t.Fatal(err)
	}
	wantText := "Envoy leaves\n\nThe U.S.'s envoy left yesterday after two weeks."
	if d.Text != wantText {
		t.Errorf("Text = %q, want %q", d.Text, wantText)
	}
	var got []string
	for _, x := range d.Timexes {
		got = append(got, x.Text+"="+x.Value)
	}
	if diff := cmp.Diff([]string{"yesterday=2025-02-06", "two weeks=P2W"}, got); diff != "" {
		t.Errorf("timexes mismatch (-want +got):\n%s", diff)
	}
}

func TestScoreDoc(t *testing.T) {
	d := &Doc{Name: "x", Text: "On Tuesday and for three days in 2013 and now.", Timexes: []Timex{
		{Span: redline.Span{Start: 3, End: 10}, Type: "DATE", Value: "2025-02-04"},
		{Span: redline.Span{Start: 15, End: 30}, Type: "DURATION", Value: "P3D"},
		{Span: redline.Span{Start: 34, End: 38}, Type: "DATE", Value: "2013"},
	}}
	sys := []redline.TimeExpr{
		{Span: redline.Span{Start: 3, End: 10}, Type: redline.TimeDate, Value: "2025-02-04"},   // strict, right
		{Span: redline.Span{Start: 19, End: 30}, Type: redline.TimeDuration, Value: "P3D"},     // relaxed, right
		{Span: redline.Span{Start: 34, End: 38}, Type: redline.TimeDate, Value: "2012"},        // strict, wrong value
		{Span: redline.Span{Start: 43, End: 46}, Type: redline.TimeDate, Value: "PRESENT_REF"}, // spurious
	}
	c, errs := scoreDoc(d, sys)
	want := Counts{Gold: 3, System: 4, Strict: 2, Relaxed: 3, Value: 2, Type: 3}
	if c != want {
		t.Errorf("scoreDoc counts = %+v, want %+v", c, want)
	}
	var kinds []string
	for _, e := range errs {
		kinds = append(kinds, e.Kind)
	}
	if diff := cmp.Diff([]string{"span", "value", "spurious"}, kinds); diff != "" {
		t.Errorf("error kinds mismatch (-want +got):\n%s", diff)
	}
}

func TestSameValue(t *testing.T) {
	for _, tt := range []struct {
		gold, sys string
		want      bool
	}{
		{"199", "199X", true}, {"19", "19XX", true}, {"2013", "2013", true}, {"2013", "201X", false},
		{"XXXX", "XXXX", true}, {"P1Y", "P1Y", true},
	} {
		if got := sameValue(tt.gold, tt.sys); got != tt.want {
			t.Errorf("sameValue(%q, %q) = %v, want %v", tt.gold, tt.sys, got, tt.want)
		}
	}
}

// TestSharedCorpora runs the tagger on the shared TempEval-3 and MEANTIME
// data when present, logs the scores (set REDLINE_ERRORS=1 to print every
// TE3 error) and guards against regressions with floors a little below the
// measured figures.
func TestSharedCorpora(t *testing.T) {
	te3 := "../../shared/data/time/te3-platinum"
	if _, err := os.Stat(te3); err != nil {
		t.Skipf("../shared/data not found: %v", err)
	}
	sc, err := TE3(te3, timex.New())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", sc)
	if os.Getenv("REDLINE_ERRORS") != "" {
		sc.FprintErrors(os.Stdout)
	}
	if sc.ValueF.F1 < 0.85 || sc.RelaxedF.F1 < 0.92 || sc.Strict.F1 < 0.87 {
		t.Errorf("TE3 value F1 %.3f, relaxed F1 %.3f, strict F1 %.3f: below the floors 0.85, 0.92, 0.87",
			sc.ValueF.F1, sc.RelaxedF.F1, sc.Strict.F1)
	}
	mt, err := MEANTIME("../../shared/data/time/meantime-en", timex.New())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", mt)
	if mt.ValueAccuracy < 0.88 {
		t.Errorf("MEANTIME value accuracy %.3f: below the floor 0.88", mt.ValueAccuracy)
	}
}
