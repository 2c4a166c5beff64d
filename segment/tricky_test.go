package segment

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"redline"
)

// describe renders each sentence of text as its paragraph number and its
// tokens, each followed by a slash and its kind: W word, N number, Q
// quotation mark, P other punctuation.
func describe(text string) []string {
	var out []string
	for _, s := range Split(text) {
		var b strings.Builder
		fmt.Fprintf(&b, "%d:", s.Paragraph)
		for _, tok := range s.Tokens {
			b.WriteString(" " + tok.Span.In(text) + "/" + kindLetter[tok.Kind])
		}
		out = append(out, b.String())
	}
	return out
}

var kindLetter = map[redline.TokenKind]string{
	redline.TokenWord:   "W",
	redline.TokenNumber: "N",
	redline.TokenQuote:  "Q",
	redline.TokenPunct:  "P",
}

// TestSplitTricky pins the tokens, kinds, sentence breaks and paragraphs of
// input that exercises every branch of the tokenizer, so that work on its
// speed cannot change its output unnoticed. Some wants record what the
// tokenizer does rather than what would be ideal ("Mr . Smith" ends a
// sentence, "1th" is a number); change them only on purpose.
func TestSplitTricky(t *testing.T) {
	for _, tt := range trickyTests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, describe(tt.in)); diff != "" {
				t.Errorf("Split(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// trickyTests are TestSplitTricky's cases; FuzzSplit starts from their
// inputs too.
var trickyTests = []struct {
	name string
	in   string
	want []string
}{
	{"empty", "", nil},
	{"whitespace only", " \t\n\r\n\u00a0\u2003", nil},
	{"curly quotes close sentence", "He said: “We will fight.” Then he left.", []string{
		"0: He/W said/W :/P “/Q We/W will/W fight/W ./P ”/Q",
		"0: Then/W he/W left/W ./P",
	}},
	{"curly single quotes", "‘Yes,’ she said. ‘No.’ He nodded.", []string{
		"0: ‘/Q Yes/W ,/P ’/Q she/W said/W ./P",
		"0: ‘/Q No/W ./P ’/Q He/W nodded/W ./P",
	}},
	{"guillemets and low quote", "«Non», dit-il. „Nein“, sagte er.", []string{
		"0: «/Q Non/W »/Q ,/P dit-il/W ./P",
		"0: „/Q Nein/W “/Q ,/P sagte/W er/W ./P",
	}},
	{"backtick and straight quotes", "``Maybe'' he said. 'Fine.' She left.", []string{
		"0: `/Q `/Q Maybe/W '/Q '/Q he/W said/W ./P",
		"0: '/Q Fine/W ./P '/Q",
		"0: She/W left/W ./P",
	}},
	{"initialism mid sentence", "The U.S. envoy met the U.N. chief at 10 a.m. today.", []string{
		"0: The/W U.S./W envoy/W met/W the/W U.N./W chief/W at/W 10/N a.m./W today/W ./P",
	}},
	{"initialism before starter", "Talks resumed with the U.S. The move surprised many.", []string{
		"0: Talks/W resumed/W with/W the/W U.S./W",
		"0: The/W move/W surprised/W many/W ./P",
	}},
	{"initialism at end", "He flew to the U.S.", []string{
		"0: He/W flew/W to/W the/W U.S./W",
	}},
	{"initialism before paragraph", "He flew to the U.S.\n\nShe stayed.", []string{
		"0: He/W flew/W to/W the/W U.S./W",
		"1: She/W stayed/W ./P",
	}},
	{"lower-case initialism", "It is cheap, e.g. rice, i.e. food.", []string{
		"0: It/W is/W cheap/W ,/P e.g./W rice/W ,/P i.e./W food/W ./P",
	}},
	{"titles", "Mr. Araghchi met Dr. Smith and Gen. Lee. Mrs. Jones left.", []string{
		"0: Mr/W ./P Araghchi/W met/W Dr/W ./P Smith/W and/W Gen/W ./P Lee/W ./P",
		"0: Mrs/W ./P Jones/W left/W ./P",
	}},
	{"initials", "John F. Kennedy and J. R. R. Tolkien spoke. It ended.", []string{
		"0: John/W F/W ./P Kennedy/W and/W J/W ./P R/W ./P R/W ./P Tolkien/W spoke/W ./P",
		"0: It/W ended/W ./P",
	}},
	{"company mid and end", "Apple Inc. CEO Tim Cook sold shares of Apple Inc. The company agreed.", []string{
		"0: Apple/W Inc/W ./P CEO/W Tim/W Cook/W sold/W shares/W of/W Apple/W Inc/W ./P",
		"0: The/W company/W agreed/W ./P",
	}},
	{"month before number and word", "On Feb. 7 he spoke. In Feb. The talks ended.", []string{
		"0: On/W Feb/W ./P 7/N he/W spoke/W ./P",
		"0: In/W Feb/W ./P",
		"0: The/W talks/W ended/W ./P",
	}},
	{"abbreviation not adjacent", "Mr . Smith left. Dr.Smith stayed.", []string{
		"0: Mr/W ./P",
		"0: Smith/W left/W ./P",
		"0: Dr/W ./P Smith/W stayed/W ./P",
	}},
	{"numbers", "It cost 1,000.5 dollars, up 3.5. Then 2025-02-07, 10:30 and 2025/02/07.", []string{
		"0: It/W cost/W 1,000.5/N dollars/W ,/P up/W 3.5/N ./P",
		"0: Then/W 2025-02-07/N ,/P 10:30/N and/W 2025/02/07/N ./P",
	}},
	{"number separators at edges", "Add 1,000, then 5- and 7. Also 1,,2 and 3..4.", []string{
		"0: Add/W 1,000/N ,/P then/W 5/N -/P and/W 7/N ./P",
		"0: Also/W 1/N ,/P ,/P 2/N and/W 3/N ./P ./P",
		"0: 4/N ./P",
	}},
	{"ordinals and decades", "The 1st, 2nd, 3rd, 7th and 21st in the 1990s; 1th 7stx 5s.", []string{
		"0: The/W 1st/N ,/P 2nd/N ,/P 3rd/N ,/P 7th/N and/W 21st/N in/W the/W 1990s/N ;/P 1th/N 7/N stx/W 5s/N ./P",
	}},
	{"hyphens", "Kim Jong-un met a well- known -5 pro--and anti-war x-ray.", []string{
		"0: Kim/W Jong-un/W met/W a/W well/W -/P known/W -/P 5/N pro/W --/P and/W anti-war/W x-ray/W ./P",
	}},
	{"ampersand", "AT&T and R&D. Q&A & more.", []string{
		"0: AT&T/W and/W R&D/W ./P",
		"0: Q&A/W &/P more/W ./P",
	}},
	{"non-ASCII letters", "Zürich’s naïve café met Ελλάδα and Москва. Ça va.", []string{
		"0: Zürich/W ’s/W naïve/W café/W met/W Ελλάδα/W and/W Москва/W ./P",
		"0: Ça/W va/W ./P",
	}},
	{"combining marks", "Cafe\u0301 e\u0301te\u0301. Next.", []string{
		"0: Cafe\u0301/W e\u0301te\u0301/W ./P",
		"0: Next/W ./P",
	}},
	{"clitics", "Iran's leader didn't talk; they're sure I'd go, IRAN'S won’t we’ve.", []string{
		"0: Iran/W 's/W leader/W did/W n't/W talk/W ;/P they/W 're/W sure/W I/W 'd/W go/W ,/P IRAN/W 'S/W wo/W n’t/W we/W ’ve/W ./P",
	}},
	{"apostrophe edges", "'s' Iran' 'tis rock'n'roll o'clock.", []string{
		"0: '/Q s/W '/Q Iran/W '/Q '/Q tis/W rock'n'roll/W o'clock/W ./P",
	}},
	{"unbalanced open quote", "He said \"no. Then he left.", []string{
		"0: He/W said/W \"/Q no/W ./P",
		"0: Then/W he/W left/W ./P",
	}},
	{"unbalanced close quote", "He left.\" She stayed.", []string{
		"0: He/W left/W ./P \"/Q",
		"0: She/W stayed/W ./P",
	}},
	{"question in quote continues", "\"Will you talk?\" he asked. No answer came.", []string{
		"0: \"/Q Will/W you/W talk/W ?/P \"/Q he/W asked/W ./P",
		"0: No/W answer/W came/W ./P",
	}},
	{"closers after period", "He left (for good.) Then (she came). [Done.] Yes.", []string{
		"0: He/W left/W (/P for/W good/W ./P )/P",
		"0: Then/W (/P she/W came/W )/P ./P",
		"0: [/P Done/W ./P ]/P",
		"0: Yes/W ./P",
	}},
	{"ellipsis", "We waited... Nothing came. Then … silence… And!? Why?!", []string{
		"0: We/W waited/W .../P",
		"0: Nothing/W came/W ./P",
		"0: Then/W …/P silence/W …/P",
		"0: And/W !/P ?/P",
		"0: Why/W ?/P !/P",
	}},
	{"exclamation lower case", "Stop! he said. Go? she asked.", []string{
		"0: Stop/W !/P he/W said/W ./P",
		"0: Go/W ?/P she/W asked/W ./P",
	}},
	{"invalid UTF-8", "\xff\xfe. ab\xffcd. Ef\xc3 gh. \xe2\x80", []string{
		"0: \xff/P \xfe/P ./P ab/W \xff/P cd/W ./P",
		"0: Ef/W \xc3/P gh/W ./P \xe2/P \x80/P",
	}},
	{"heading and lists", "# Title here\nThe leader spoke.\n- one item\n- two\n* star\n+ plus\n> quoted\n-x not a list", []string{
		"0: #/P Title/W here/W",
		"1: The/W leader/W spoke/W ./P",
		"2: -/P one/W item/W",
		"3: -/P two/W",
		"4: */P star/W",
		"5: +/P plus/W",
		"6: >/P quoted/W -/P x/W not/W a/W list/W",
	}},
	{"heading then paragraph", "## Sub\n\nBody text.\n\n\n\nMore.", []string{
		"0: #/P #/P Sub/W",
		"1: Body/W text/W ./P",
		"2: More/W ./P",
	}},
	{"wrapped lines", "The leader\nspoke at\r\nlength.", []string{
		"0: The/W leader/W spoke/W at/W length/W ./P",
	}},
	{"unicode spaces", "a\u00a0b\u2003c\u2028d\u0085e\vf\fg.", []string{
		"0: a/W b/W c/W d/W e/W f/W g/W ./P",
	}},
	{"symbols", "Prices rose 5% to $100 (€90) — a #1 @home ~ record.", []string{
		"0: Prices/W rose/W 5/N %/P to/W $/P 100/N (/P €/P 90/N )/P —/P a/W #/P 1/N @/P home/W ~/P record/W ./P",
	}},
	{"digits then letters", "Model A380s and 4x4 or 3D and B2B.", []string{
		"0: Model/W A380s/W and/W 4/N x4/W or/W 3/N D/W and/W B2B/W ./P",
	}},
	{"trailing period token", ".", []string{
		"0: ./P",
	}},
}
