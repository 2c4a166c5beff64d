package petrarch

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadInput(t *testing.T) {
	const text = `<Sentences>
<!-- a comment
<Sentence date="19990101" id="IN-COMMENT-1"><Text>Not read.</Text></Sentence>
-->
<Sentence date = "20080804" id ="AFP0808020625_4" source = "AFP" sentence = "True">
<Text>
The US leader prepared to attend the
Beijing Olympics &amp; more.
</Text>
<Parse>
(ROOT (S (NP (DT The))))
</Parse>
</Sentence>
<Sentence date="20080805" id="AFP1-2" url="http://x"><Text>One line.</Text></Sentence>
<Sentence id="NODATE-1"><Text>Skipped.</Text></Sentence>
</Sentences>
`
	got, problems, err := ReadInput(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	want := []Input{
		{ID: "AFP0808020625_4", Story: "AFP0808020625", Source: "AFP", Date: 20080804, Text: "The US leader prepared to attend the Beijing Olympics & more.", Line: 5},
		{ID: "AFP1-2", Story: "AFP1", URL: "http://x", Date: 20080805, Text: "One line.", Line: 14},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ReadInput (-want +got):\n%s", diff)
	}
	if len(problems) != 1 || !strings.Contains(problems[0], "line 15") {
		t.Errorf("problems = %q, want one at line 15", problems)
	}
}
