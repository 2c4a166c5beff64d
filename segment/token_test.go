package segment

import (
	"redline"
	"strings"
	"testing"
)

// TestNotAlnum checks the eight-bytes-at-once test against byteClass for
// every byte value in every position.
func TestNotAlnum(t *testing.T) {
	for pos := range 8 {
		for b := range 256 {
			s := []byte("abcdefgh")
			s[pos] = byte(b)
			m := notAlnum(load64(string(s), 0))
			want := byteClass[b]&(classLetter|classDigit) == 0
			if got := m&(0x80<<(8*pos)) != 0; got != want {
				t.Errorf("notAlnum(%q) marks byte %d (%#x) as not alphanumeric: %v, want %v", s, pos, b, got, want)
			}
			if m&^(0x80<<(8*pos)) != 0 {
				t.Errorf("notAlnum(%q) = %#x marks other bytes than %d", s, m, pos)
			}
		}
	}
}

// TestPlainWord checks plainWord against asciiAlnumPrefix at every length
// around the eight bytes it tests at once.
func TestPlainWord(t *testing.T) {
	for n := 1; n <= 20; n++ {
		word := strings.Repeat("a", n)
		for _, tail := range []string{"", " x", ",", ".", "-x", "é", "'s"} {
			text := word + tail
			end, ok := plainWord(text, 0)
			wantOK := tail == "" || tail == " x" || tail == ","
			if ok != wantOK || ok && end != n {
				t.Errorf("plainWord(%q, 0) = %d, %v, want %d, %v", text, end, ok, n, wantOK)
			}
		}
	}
}

func TestShapes(t *testing.T) {
	text := "Iran's U.S.-led talks, Tehran said 2025 «Non»"
	const plain, capital = redline.ShapePlain, redline.ShapeCapital
	want := []struct {
		word  string
		shape redline.TokenShape
	}{
		{"Iran", capital}, {"'s", 0}, {"U.S.", capital}, {"-", 0}, {"led", plain}, {"talks", plain}, {",", 0},
		{"Tehran", plain | capital}, {"said", plain}, {"2025", 0}, {"«", 0},
		{"Non", capital}, // plain, though the fast path, which wants an ASCII byte after a word, does not say so
		{"»", 0},
	}
	var got []redline.Token
	for _, s := range Split(text) {
		got = append(got, s.Tokens...)
	}
	if len(got) != len(want) {
		t.Fatalf("%d tokens, want %d", len(got), len(want))
	}
	for i, tok := range got {
		if w := tok.Span.In(text); w != want[i].word || tok.Shape != want[i].shape {
			t.Errorf("token %d: %q shape %02b, want %q shape %02b", i, w, tok.Shape, want[i].word, want[i].shape)
		}
	}
}
