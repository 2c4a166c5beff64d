package actor

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"redline/segment"
)

// caseDict has names with apostrophes, hyphens, letters beyond ASCII and
// words in lower case, which the trie keys by Fold but must still match
// by the case rules.
var caseDict = map[string]string{
	"actors/states.yaml": `
- {id: USA, name: United States, kind: state, aliases: [the US, US]}
- {id: CIV, name: Côte d'Ivoire, kind: state, aliases: [Ivory Coast]}
- {id: IRN, name: Iran, kind: state}
`,
	"actors/people/irl.yaml": `
- {id: tip-oneill, name: Tip O'Neill, kind: person, aliases: [O'Neill]}
- {id: jean-marie, name: Jean-Marie Leclerc, kind: person}
`,
}

func TestMatchCase(t *testing.T) {
	g := mustLoad(t, mapFS(caseDict))
	tests := []struct {
		text string
		want []string
	}{
		{"THE US and the us.", []string{"THE US|USA|name|USA|s0"}},
		{"Côte d’Ivoire and Côte d'Ivoire and CÔTE D'IVOIRE.", []string{"Côte d’Ivoire|CIV|name|CIV|s0", "Côte d'Ivoire|CIV|name|CIV|s0"}},
		{"O’Neill, O'Neill, o'neill and O’NEILL.", []string{"O’Neill|tip-oneill|name||s0", "O'Neill|tip-oneill|name||s0"}},
		{"Jean-Marie Leclerc and jean-marie leclerc.", []string{"Jean-Marie Leclerc|jean-marie|name||s0"}},
		{"IVORY COAST, Ivory Coast-led and Iran’s-backed.", []string{"Ivory Coast|CIV|name|CIV|s0", "Iran|IRN|name|IRN|s0"}},
		{strings.Repeat("Iran", 13) + " Iran", []string{"Iran|IRN|name|IRN|s0"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range g.Match(tt.text, segment.Split(tt.text), day("2025-02-07")) {
			got = append(got, brief(tt.text, m))
		}
		if !cmp.Equal(got, tt.want) {
			t.Errorf("Match(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestLower8(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			x := uint64('Q')*0x0101010101010101&^(0xff<<(8*pos)) | uint64(c)<<(8*pos)
			want := uint64(0)
			for i := 0; i < 8; i++ {
				want |= uint64(lower(byte(x>>(8*i)))) << (8 * i)
			}
			if got := lower8(x); got != want {
				t.Fatalf("lower8(%#x) = %#x, want %#x", x, got, want)
			}
		}
	}
}

func TestSameWord(t *testing.T) {
	words := append(notCurrentWords[:], "the", "of", "-", "'s", "'", "elect", "designate")
	texts := []string{"", "s", "S", "ſ", "K", "k", "'ſ", "'S", "'K", "éx", "EX", "Ex", "eX", "ex-", "designatE",
		"DESIGNATE", "deſignate", "thé", "THE", "tHE", "thE", "of", "OF", "ƒ", "'", "’", "–", "-", "ELECT", "eleKt", "eleKt"}
	for _, w := range words {
		texts = append(texts, w, strings.ToUpper(w), strings.ReplaceAll(w, "s", "ſ"), strings.ReplaceAll(w, "k", "K"), w+"s", w[1:])
	}
	for _, w := range words {
		for _, s := range texts {
			want := strings.EqualFold(s, w)
			if got := sameWord(s, w, false); got != want {
				t.Errorf("sameWord(%q, %q, false) = %v, want %v", s, w, got, want)
			}
			if got := sameWord(s, w, isASCII(s)); got != want {
				t.Errorf("sameWord(%q, %q, %v) = %v, want %v", s, w, isASCII(s), got, want)
			}
		}
	}
}
