package redline

import (
	"strconv"
	"testing"
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

// FoldIn must agree with FoldOf on every span, whatever lies around it.
func TestFoldInAgreesWithFoldOf(t *testing.T) {
	text := "Iran's FOREIGN Minister said: « Négociations »\tU.S.-led talks, 2025-02-07; Ελλάδα ΕΛΛΆΔΑ counter-proposals"
	for start := 0; start <= len(text); start++ {
		for end := start; end <= len(text); end++ {
			if got, want := FoldIn(text, start, end), FoldOf(text[start:end]); got != want {
				t.Fatalf("FoldIn(text, %d, %d) = %x, FoldOf(%q) = %x", start, end, got, text[start:end], want)
			}
		}
	}
}

func FuzzFoldIn(f *testing.F) {
	f.Add("Tehran rejected the NEGOTIATIONS outright", 7, 15)
	f.Add("ÉLYSÉE élysée", 0, 7)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		if start < 0 || end < start || end > len(text) {
			return
		}
		if got, want := FoldIn(text, start, end), FoldOf(text[start:end]); got != want {
			t.Fatalf("FoldIn(%q, %d, %d) = %x, FoldOf = %x", text, start, end, got, want)
		}
		if FoldOf(text[start:end]) != FoldOf([]byte(text[start:end])) {
			t.Fatal("FoldOf of a string and of its bytes differ")
		}
	})
}
