package redline

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFoldOfIgnoresCase(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"said", "SAID"}, {"Said", "sAiD"}, {"Ελλάδα", "ΕΛΛΆΔΑ"}, {"U.S.", "u.s."},
	} {
		if FoldOf(c.a) != FoldOf(c.b) {
			t.Errorf("FoldOf(%q) != FoldOf(%q)", c.a, c.b)
		}
	}
	if FoldOf("said") == FoldOf("sad") || FoldOf("") == FoldOf(" ") {
		t.Error("different words fold alike")
	}
	if FoldOf("") == 0 {
		t.Error("FoldOf returned 0, which marks an empty slot")
	}
}

func TestFoldMap(t *testing.T) {
	var m FoldMap[int]
	if _, ok := m.Get(FoldOf("x")); ok {
		t.Error("empty map found a word")
	}
	for i := 0; i < 1000; i++ {
		m.Put("w"+strconv.Itoa(i), i)
	}
	m.Put("W7", 70) // same word up to case: replaces
	if m.Len() != 1000 {
		t.Errorf("Len = %d, want 1000", m.Len())
	}
	for i := 0; i < 1000; i++ {
		want := i
		if i == 7 {
			want = 70
		}
		if v, ok := m.Get(FoldOf("W" + strconv.Itoa(i))); !ok || v != want {
			t.Errorf("Get(w%d) = %d, %v; want %d", i, v, ok, want)
		}
	}
	for _, w := range []string{"w1000", "x1", ""} {
		if _, ok := m.Get(FoldOf(w)); ok {
			t.Errorf("Get(%q) found a word never put", w)
		}
	}
	if _, ok := m.Get(0); ok {
		t.Error("Get(0), an unfolded token, found a word")
	}
	if m.Value(FoldOf("nope")) != 0 {
		t.Error("Value of a missing word is not the zero value")
	}
}

func TestFoldSet(t *testing.T) {
	s := NewFoldSet("the", "a", "An")
	for _, w := range []string{"The", "A", "an", "AN"} {
		if !s.HasWord(w) || !s.Has(FoldOf(w)) {
			t.Errorf("set lacks %q", w)
		}
	}
	if s.HasWord("then") || s.Has(0) {
		t.Error("set has a word never added")
	}
	var empty FoldSet
	if empty.HasWord("the") {
		t.Error("zero set has a word")
	}
}

func BenchmarkFoldSet(b *testing.B) {
	s := NewFoldSet("the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those")
	words := []Fold{FoldOf("the"), FoldOf("Iran"), FoldOf("said"), FoldOf("their"), FoldOf("talks")}
	n := 0
	for b.Loop() {
		for _, f := range words {
			if s.Has(f) {
				n++
			}
		}
	}
	if n == 0 {
		b.Fatal("no hits")
	}
}

func TestWordClasses(t *testing.T) {
	const (
		negation uint8 = 1 << iota
		absolute
	)
	m := WordClasses(map[uint8][]string{negation: {"not", "never"}, absolute: {"Never", "always"}})
	for w, want := range map[string]uint8{"not": negation, "NEVER": negation | absolute, "always": absolute, "maybe": 0} {
		if got := m.Value(FoldOf(w)); got != want {
			t.Errorf("classes of %q = %b, want %b", w, got, want)
		}
	}
}

// PrefixFolds must give the Fold of each beginning of a word.
func TestPrefixFolds(t *testing.T) {
	for _, w := range []string{"Negotiat", "RESTORED", "Élysée", "a"} {
		var got []Fold
		PrefixFolds(w, func(f Fold) { got = append(got, f) })
		lower := strings.ToLower(w)
		if len(got) != len(lower) {
			t.Fatalf("PrefixFolds(%q) gave %d folds, want %d", w, len(got), len(lower))
		}
		for n := 1; n <= len(lower); n++ {
			if utf8.ValidString(lower[:n]) && got[n-1] != FoldOf(lower[:n]) {
				t.Errorf("PrefixFolds(%q)[%d] = %x, FoldOf(%q) = %x", w, n-1, got[n-1], lower[:n], FoldOf(lower[:n]))
			}
		}
	}
}
