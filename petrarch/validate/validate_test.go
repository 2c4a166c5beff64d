package validate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"redline/petrarch"
)

// eventData is the field's validation data, outside the repository.
const eventData = "../../../shared/data/eventcoding"

// suite reads a validation file and its dictionaries, skipping the test
// when the data is absent. With tabari set, dir is a TABARI project.
func suite(tb testing.TB, records, dir string, tabari bool) (*Suite, *petrarch.Dictionaries) {
	tb.Helper()
	path := filepath.Join(eventData, records)
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("../shared/data not found: %v", err)
	}
	defer f.Close()
	su, err := Read(f)
	if err != nil {
		tb.Fatal(err)
	}
	fsys := os.DirFS(filepath.Join(eventData, dir))
	files := su.Env.Files()
	if tabari {
		files, _, err = petrarch.TABARIFiles(fsys, "Validate.project")
		if err != nil {
			tb.Fatal(err)
		}
	}
	d, probs, err := petrarch.Load(fsys, files)
	if err != nil {
		tb.Fatal(err)
	}
	for _, p := range probs {
		tb.Logf("dictionary problem: %v", p)
	}
	return su, d
}

// TestSuites runs the three validation suites and holds the figures
// measured: a fall below them is a regression.
func TestSuites(t *testing.T) {
	tests := []struct {
		name, records, dir string
		tabari             bool
		recall, extra      float64 // floor of recall, ceiling of extra per record, in percent
	}{
		{"PETR unit tests", "petrarch2/text/PETR.UnitTest.records.xml", "petrarch2/dictionaries", false, 94.9, 6},
		{"UD-PETRARCH", "upetrarch/validate/PETR_Validate_records_2_02.xml", "upetrarch/validate", false, 94.5, 7.5},
		{"TABARI", "tabari/Validate.text", "tabari", true, 57, 25},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			su, d := suite(t, tt.records, tt.dir, tt.tabari)
			sc := Score(su, d, su.UDEnvironment())
			var b strings.Builder
			sc.Fprint(&b)
			t.Logf("%s\n%s", tt.records, b.String())
			if r := sc.Total.Recall(); r < tt.recall {
				t.Errorf("recall %.2f%%, want >= %.2f%%", r, tt.recall)
			}
			if x := sc.Total.ExtraRate(); x > tt.extra {
				t.Errorf("extra events %.2f%% of records, want <= %.2f%%", x, tt.extra)
			}
		})
	}
}

func TestReadMalformed(t *testing.T) {
	// Not XML: a comment inside a comment, a tag mid-line, attributes with
	// spaces and single quotes.
	const text = `<Validation>
<!--
# Use <Sentence ... evaluate="false"> to skip; a comment in <!-- ... --> explains why
# <PLEvent {"event": "012"}>
-->
<Environment>
    <Verbfile>v.txt</Verbfile>
    <Actorfile>a.txt, b.txt</Actorfile>
    <Include>valid DEMO</Include>
</Environment>
<Config option="require_dyad" value="false" />
<Sentence date = "19950101" id="DEMO-01" category="DEMO" evaluate="true">
<EventCoding sourcecode='"INJURY TOLL"' targetcode="~" eventcode="050" />
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="050" />
<Text>
Arnor &amp; Gondor
restore ties.
</Text>
<Parse>
1	Arnor	Arnor	PROPN
</Parse></Sentence>
<Sentence date="19950101" id="DEMO-02" category="DEMO" evaluate="false">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing.</Text>
</Sentence>
<Stop></Stop>
<Sentence date="19950101" id="DEMO-03" category="DEMO">
</Sentence>
`
	su, err := Read(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(su.Records); got != 2 {
		t.Fatalf("read %d records, want 2", got)
	}
	r := su.Records[0]
	if r.Text != "Arnor & Gondor restore ties." || r.Date != 19950101 || r.Options.RequireDyad {
		t.Errorf("record 1 = %+v", r)
	}
	want := []Triple{{`"INJURY TOLL"`, "---", "050"}, {"ARN", "GON", "050"}}
	if len(r.Expected) != 2 || r.Expected[0] != want[0] || r.Expected[1] != want[1] {
		t.Errorf("expected %v, want %v", r.Expected, want)
	}
	if su.Records[1].Skip == "" || !su.Records[1].NoEvents {
		t.Errorf("record 2 = %+v, want skipped with no events", su.Records[1])
	}
	if su.Env.Verbs != "v.txt" || len(su.Env.Actors) != 2 || su.Env.Include[0] != "DEMO" {
		t.Errorf("environment = %+v", su.Env)
	}
}

func TestTally(t *testing.T) {
	ev := func(s, g, c string) petrarch.Event { return petrarch.Event{Source: s, Target: g, Code: c} }
	tests := []struct {
		name   string
		rec    Record
		events []petrarch.Event
		want   Counts
	}{
		{"all found", Record{Expected: []Triple{{"A", "B", "010"}}}, []petrarch.Event{ev("A", "B", "010")}, Counts{Records: 1, Correct: 1}},
		{"wrong code", Record{Expected: []Triple{{"A", "B", "010"}}}, []petrarch.Event{ev("A", "B", "011")}, Counts{Records: 1, Missed: 1, Extra: 1}},
		{"none coded", Record{Expected: []Triple{{"A", "B", "010"}, {"B", "A", "010"}}}, nil, Counts{Records: 1, Missed: 2}},
		{"no events, none coded", Record{NoEvents: true}, nil, Counts{Records: 1, Correct: 1}},
		{"no events, some coded", Record{NoEvents: true}, []petrarch.Event{ev("A", "B", "010")}, Counts{Records: 1, Missed: 1, Extra: 1}},
		{"null code", Record{NoEvents: true}, []petrarch.Event{ev("A", "B", "---")}, Counts{Records: 1, Correct: 1, Null: 1}},
	}
	for _, tt := range tests {
		if got := tally(&tt.rec, tt.events).Counts; got != tt.want {
			t.Errorf("%s: tally = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}
