package petrarch

import (
	"testing"

	"redline"
)

// TestPrefixFolds checks that the running hash agrees with redline.FoldOf
// for every beginning of a word, so that stems are found by their Fold.
func TestPrefixFolds(t *testing.T) {
	w := "Argentina's"
	var got []redline.Fold
	prefixFolds(w, func(f redline.Fold) { got = append(got, f) })
	for i := range w {
		if want := redline.FoldOf(w[:i+1]); got[i] != want {
			t.Errorf("prefix %q: fold %d, want %d", w[:i+1], got[i], want)
		}
	}
}
