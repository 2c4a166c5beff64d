package eval

import (
	"os"
	"path/filepath"
	"testing"

	"redline/dict"
	"redline/extract"
)

const eventData = "../../shared/data/eventcoding"

func mustPipeline(tb testing.TB) *extract.Pipeline {
	tb.Helper()
	p, err := extract.Load(dict.FS)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func sharedFile(tb testing.TB, rel string) string {
	tb.Helper()
	path := filepath.Join(eventData, rel)
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("shared data %s not found (%v): skipping", path, err)
	}
	return path
}

func TestStripMarkup(t *testing.T) {
	in := "(SRC: Libya) has (EVT: offered to hand over) to (TAR: Great Britain) (APEC) two."
	text, evts := stripMarkup(in)
	if want := "Libya has offered to hand over to Great Britain (APEC) two."; text != want {
		t.Fatalf("stripMarkup text = %q, want %q", text, want)
	}
	if len(evts) != 1 || evts[0].In(text) != "offered to hand over" {
		t.Errorf("stripMarkup events = %v, want the span of %q", evts, "offered to hand over")
	}
}

func TestPLOVERCategory(t *testing.T) {
	for in, want := range map[string]string{"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "AGREE": "AGREE"} {
		if got := PLOVERCategory(in); got != want {
			t.Errorf("PLOVERCategory(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPLOVERGold runs the coder over the PLOVER gold records and checks
// the scores stay above their floors.
func TestPLOVERGold(t *testing.T) {
	path := sharedFile(t, "plover/PLOVER_GSR_CAMEO.shared.json")
	sc, err := PLOVER(path, mustPipeline(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + scoresText(sc))
	if testing.Verbose() && os.Getenv("EVAL_ERRORS") != "" {
		sc.FprintErrors(os.Stderr)
	}
	if sc.Records != 193 {
		t.Errorf("PLOVER read %d records, want 193", sc.Records)
	}
	checkFloor(t, "category accuracy", sc.Accuracy, ploverFloors.accuracy)
	checkFloor(t, "recall", sc.Recall, ploverFloors.recall)
	if sc.Extras > ploverFloors.extras {
		t.Errorf("extras = %.3f, want <= %.3f", sc.Extras, ploverFloors.extras)
	}
}

var ploverFloors = struct{ accuracy, recall, extras float64 }{0.83, 0.83, 0.12}

func checkFloor(t *testing.T, name string, got, floor float64) {
	t.Helper()
	if got < floor {
		t.Errorf("%s = %.3f, want >= %.3f", name, got, floor)
	}
}

func scoresText(sc *EventScores) string {
	var b []byte
	w := &byteWriter{&b}
	sc.Fprint(w)
	return string(b)
}

type byteWriter struct{ b *[]byte }

func (w *byteWriter) Write(p []byte) (int, error) { *w.b = append(*w.b, p...); return len(p), nil }
