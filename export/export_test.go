package export_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"redline"
	"redline/export"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func mustDate(tb testing.TB, v string) redline.Date {
	tb.Helper()
	d, err := redline.ParseDate(v)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// fixture returns events of one document: a dated sanction with a
// sectored actor, a negated rejection with no target, and talks held by
// two states, coded in both directions (one PLOVER record).
func fixture(tb testing.TB) ([]redline.Event, map[string]redline.Document) {
	doc := redline.Document{ID: "d1", URL: "https://example.org/a", Source: "Example Wire", Title: "Title, with comma",
		Published: mustDate(tb, "2018-05-09")}
	evs := []redline.Event{
		{Doc: "d1", Sentence: 0, Actor: redline.ActorRef{ID: "USA", Name: "United States", Sector: "GOV"},
			Target: &redline.ActorRef{ID: "IRN", Name: "Iran"}, Verb: "sanction", CAMEO: "163", PLOVER: "SANCTION",
			Date: mustDate(tb, "2018-05-08"), Mode: redline.ModePublic, Goldstein: -8, Quad: 4,
			Text: "imposed sanctions", Span: redline.Span{Start: 14, End: 31}},
		{Doc: "d1", Sentence: 2, Actor: redline.ActorRef{ID: "ali-khamenei", Name: "Ali Khamenei"},
			Verb: "negotiate", CAMEO: "125", PLOVER: "REJECT", Mode: redline.ModeNegated, Goldstein: -5, Quad: 3,
			Text: "refused to negotiate", Span: redline.Span{Start: 90, End: 110}},
		{Doc: "d1", Sentence: 3, Actor: redline.ActorRef{ID: "IRN", Name: "Iran"}, Target: &redline.ActorRef{ID: "USA", Name: "United States"},
			Verb: "negotiate", CAMEO: "046", PLOVER: "CONSULT", Mode: redline.ModeCovert, Goldstein: 7, Quad: 1,
			Text: "held talks", Span: redline.Span{Start: 140, End: 150}},
		{Doc: "d1", Sentence: 3, Actor: redline.ActorRef{ID: "USA", Name: "United States"}, Target: &redline.ActorRef{ID: "IRN", Name: "Iran"},
			Verb: "negotiate", CAMEO: "046", PLOVER: "CONSULT", Mode: redline.ModeCovert, Goldstein: 7, Quad: 1,
			Text: "held talks", Span: redline.Span{Start: 140, End: 150}},
	}
	return evs, map[string]redline.Document{"d1": doc}
}

func TestWriteGolden(t *testing.T) {
	evs, docs := fixture(t)
	for _, format := range export.Formats() {
		t.Run(format, func(t *testing.T) {
			var b bytes.Buffer
			enc := &export.Encoder{Format: format, Country: func(id string) string {
				if id == "ali-khamenei" {
					return "IRN"
				}
				return ""
			}}
			if err := enc.Encode(&b, evs, docs); err != nil {
				t.Fatalf("Encode(%s): %v", format, err)
			}
			golden := filepath.Join("testdata", format+".golden")
			if *update {
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if diff := cmp.Diff(string(want), b.String()); diff != "" {
				t.Errorf("Encode(%s) mismatch (-want +got):\n%s", format, diff)
			}
		})
	}
}

func TestPhoenixColumns(t *testing.T) {
	evs, docs := fixture(t)
	var b bytes.Buffer
	if err := export.Write(&b, export.Phoenix, evs, docs); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if n := len(strings.Split(line, "\t")); n != 26 {
			t.Errorf("phoenix line %d has %d columns, want 26: %q", i, n, line)
		}
	}
}

func TestCSVHeaderOnce(t *testing.T) {
	evs, docs := fixture(t)
	var b bytes.Buffer
	enc := &export.Encoder{Format: export.CSV}
	for _, batch := range [][]redline.Event{evs[:1], evs[1:]} {
		if err := enc.Encode(&b, batch, docs); err != nil {
			t.Fatal(err)
		}
	}
	if got := strings.Count(b.String(), "doc,sentence,date"); got != 1 {
		t.Errorf("CSV in two batches has %d headers, want 1", got)
	}
}

func TestUnknownFormat(t *testing.T) {
	if err := export.Write(&bytes.Buffer{}, "xml", nil, nil); err == nil {
		t.Error(`Write("xml") succeeded, want an error`)
	}
}
