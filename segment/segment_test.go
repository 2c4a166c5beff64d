package segment

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"redline"
)

func sentenceTexts(text string) []string {
	var out []string
	for _, s := range Split(text) {
		out = append(out, s.Span.In(text))
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "Iran refused. Washington waited.", []string{"Iran refused.", "Washington waited."}},
		{"initialism mid sentence", "The U.S. envoy met him in Muscat.", []string{"The U.S. envoy met him in Muscat."}},
		{"initialism ends sentence", "Talks resumed with the U.S. The move surprised many.",
			[]string{"Talks resumed with the U.S.", "The move surprised many."}},
		{"title", "Mr. Araghchi flew to Oman. Dr. Smith stayed.", []string{"Mr. Araghchi flew to Oman.", "Dr. Smith stayed."}},
		{"month abbreviation", "On Feb. 7 he spoke. Then he left.", []string{"On Feb. 7 he spoke.", "Then he left."}},
		{"initial", "John F. Kennedy spoke. It was brief.", []string{"John F. Kennedy spoke.", "It was brief."}},
		{"quote closes sentence", `He said: "We will fight." Then he left.`, []string{`He said: "We will fight."`, "Then he left."}},
		{"curly quote closes sentence", "He said: “We will fight.” Then he left.", []string{"He said: “We will fight.”", "Then he left."}},
		{"question in quote continues", `"Will you talk?" he asked. No answer came.`, []string{`"Will you talk?" he asked.`, "No answer came."}},
		{"split quote", `"We will not," he said, "negotiate under pressure."`, []string{`"We will not," he said, "negotiate under pressure."`}},
		{"decimal and date", "Oil rose 3.5 percent on 2025-02-07. Prices fell.", []string{"Oil rose 3.5 percent on 2025-02-07.", "Prices fell."}},
		{"paragraph without period", "Khamenei rejects talks\n\nThe leader spoke.", []string{"Khamenei rejects talks", "The leader spoke."}},
		{"wrapped line", "The leader\nspoke at length.", []string{"The leader\nspoke at length."}},
		{"heading line", "# Title here\nThe leader spoke.", []string{"# Title here", "The leader spoke."}},
		{"lowercase after period", "It cost 5 bn. dollars in all.", []string{"It cost 5 bn. dollars in all."}},
		{"company abbreviation mid sentence", `"We agree," said Apple Inc. CEO Steve Jobs.`, []string{`"We agree," said Apple Inc. CEO Steve Jobs.`}},
		{"company abbreviation ends sentence", "He bought shares of Apple Inc. The company agreed.", []string{"He bought shares of Apple Inc.", "The company agreed."}},
		{"ellipsis", "We waited... Nothing came.", []string{"We waited...", "Nothing came."}},
		{"empty", "", nil},
		{"spaces only", "  \n\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, sentenceTexts(tt.in)); diff != "" {
				t.Errorf("Split(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestSplitTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Iran's leader didn't talk.", []string{"Iran", "'s", "leader", "did", "n't", "talk", "."}},
		{"Iran’s U.S. policy", []string{"Iran", "’s", "U.S.", "policy"}},
		{"Kim Jong-un, 1,000 troops, 7th February", []string{"Kim", "Jong-un", ",", "1,000", "troops", ",", "7th", "February"}},
		{"“No,” he said", []string{"“", "No", ",", "”", "he", "said"}},
		{"the 1990s and 10:30 a.m.", []string{"the", "1990s", "and", "10:30", "a.m."}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range Split(tt.in) {
			for _, tok := range s.Tokens {
				got = append(got, tok.Span.In(tt.in))
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("tokens of %q mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestSplitParagraphs(t *testing.T) {
	text := "One. Two.\n\nThree.\n\n\n\nFour."
	var got []int
	for _, s := range Split(text) {
		got = append(got, s.Paragraph)
	}
	if diff := cmp.Diff([]int{0, 0, 1, 2}, got); diff != "" {
		t.Errorf("paragraphs mismatch (-want +got):\n%s", diff)
	}
}

func TestTokenKinds(t *testing.T) {
	text := `He said "2013" , yes`
	var got []redline.TokenKind
	for _, s := range Split(text) {
		for _, tok := range s.Tokens {
			got = append(got, tok.Kind)
		}
	}
	want := []redline.TokenKind{redline.TokenWord, redline.TokenWord, redline.TokenQuote, redline.TokenNumber,
		redline.TokenQuote, redline.TokenPunct, redline.TokenWord}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("kinds mismatch (-want +got):\n%s", diff)
	}
}

// checkInvariants verifies what every caller relies on: spans inside the
// text, in order, on rune boundaries, tokens inside their sentence.
func checkInvariants(t *testing.T, text string) {
	t.Helper()
	prev := 0
	for _, s := range Split(text) {
		if s.Span.Start < prev || s.Span.End > len(text) || s.Span.Start >= s.Span.End {
			t.Fatalf("sentence span %v out of order or range (prev end %d, len %d)", s.Span, prev, len(text))
		}
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %v has no tokens", s.Span)
		}
		for _, tok := range s.Tokens {
			if !s.Span.Contains(tok.Span) || tok.Span.Start >= tok.Span.End || tok.Span.Start < prev {
				t.Fatalf("token %v outside sentence %v or out of order", tok.Span, s.Span)
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[tok.Span.Start]) ||
				(tok.Span.End < len(text) && !utf8.RuneStart(text[tok.Span.End]))) {
				t.Fatalf("token %v splits a rune in %q", tok.Span, text)
			}
			prev = tok.Span.End
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"", "U.S. A.", "“Yes,” he said. No.", "a.\n\nb", "1,000.5.", "'s'", "...", "\xff\xfe.", "Mr.", "e.g. x"} {
		f.Add(s)
	}
	for _, tt := range trickyTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text)
	})
}

// TestSplitAllocs checks that a news article of ordinary length costs two
// allocations: one array for its tokens and one for its sentences.
func TestSplitAllocs(t *testing.T) {
	text := strings.Repeat("Iran's foreign minister said on Tuesday that talks with European envoys would "+
		"resume in March, after a two-week pause that followed the collapse of the previous round in "+
		"Geneva. “We are ready to negotiate, but not under pressure,” he told reporters in Tehran. "+
		"The U.S. envoy, Mr. Malley, said on Feb. 7 that Washington had not been consulted.\n\n", 8)
	if allocs := testing.AllocsPerRun(10, func() { Split(text) }); allocs != 2 {
		t.Errorf("Split of %d bytes made %v allocations, want 2", len(text), allocs)
	}
}

func TestInvariantsOnLongText(t *testing.T) {
	checkInvariants(t, strings.Repeat("The U.S. said: “We won’t talk.” Iran's envoy, Mr. Zarif, left on Feb. 7, 2013...\n\n", 50))
}
