package eval

import (
	"os"
	"testing"
)

// meantimeDir is the shared MEANTIME corpus, relative to this package.
const meantimeDir = "../../shared/data/time/meantime-en"

// TestFactualityShared scores factual.Assess on the shared MEANTIME data
// when present (set REDLINE_ERRORS=1 to print every error) and guards the
// figures with floors a little below those measured when written
// (non-certain F1 0.63, negated 0.84, future 0.67, macro 0.74; the naive
// baseline's macro 0.50).
func TestFactualityShared(t *testing.T) {
	if _, err := os.Stat(meantimeDir); err != nil {
		t.Skipf("../shared/data not found: %v", err)
	}
	sc, err := Factuality(meantimeDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", sc)
	if os.Getenv("REDLINE_ERRORS") != "" {
		sc.FprintErrors(os.Stdout)
	}
	s := sc.System
	if s.Macro < 0.71 || s.NonCertain.PRF.F1 < 0.60 || s.Negated.PRF.F1 < 0.80 || s.Future.PRF.F1 < 0.63 {
		t.Errorf("MEANTIME factuality macro %.3f, non-certain F1 %.3f, negated F1 %.3f, future F1 %.3f: "+
			"below the floors 0.71, 0.60, 0.80, 0.63", s.Macro, s.NonCertain.PRF.F1, s.Negated.PRF.F1, s.Future.PRF.F1)
	}
	if s.Macro <= sc.Baseline.Macro {
		t.Errorf("macro %.3f does not beat the baseline's %.3f", s.Macro, sc.Baseline.Macro)
	}
}
