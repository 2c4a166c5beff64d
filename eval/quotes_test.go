package eval

import (
	"os"
	"testing"

	"redline/dict"
	"redline/extract"
)

// TestQuotesShared scores the quote stage on the shared MEANTIME data when
// present (set REDLINE_ERRORS=1 to print every error) and guards against
// regressions with floors a little below the measured figures (recall
// 0.37, speaker accuracy 0.85 when written; MEANTIME's speakers are mostly
// companies and executives the actor dictionary does not know).
func TestQuotesShared(t *testing.T) {
	if _, err := os.Stat(meantimeDir); err != nil {
		t.Skipf("../shared/data not found: %v", err)
	}
	p, err := extract.Load(dict.FS)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := Quotes(meantimeDir, p)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", sc)
	if os.Getenv("REDLINE_ERRORS") != "" {
		sc.FprintErrors(os.Stdout)
	}
	if sc.Recall < 0.33 || sc.SpeakerAccuracy < 0.80 {
		t.Errorf("MEANTIME quote recall %.3f, speaker accuracy %.3f: below the floors 0.33, 0.80",
			sc.Recall, sc.SpeakerAccuracy)
	}
}
