package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// petrarchDict writes a small PETRARCH dictionary directory.
func petrarchDict(t *testing.T) string {
	dir := t.TempDir()
	writeFile(t, dir, "PETR_config.ini", `[Dictionaries]
verbfile_name    = verbs.txt
actorfile_list   = actors.txt
agentfile_name   = agents.txt
discardfile_name = discards.txt
issuefile_name   = issues.txt
`)
	writeFile(t, dir, "verbs.txt", "--- RESTORE [064] ---\nRESTORE\n- * TIES [064]\n\n--- ACCUSE [112] ---\nACCUSE\n- * [oops\n")
	writeFile(t, dir, "actors.txt", "ARNOR [ARN]\nGONDOR [GON]\n")
	writeFile(t, dir, "agents.txt", "POLICE {} [~COP]\n")
	writeFile(t, dir, "discards.txt", "+BASEBALL\n")
	writeFile(t, dir, "issues.txt", "<ISSUE CATEGORY=\"X\">\nn:tie [TIES]\n</ISSUE>\n")
	return dir
}

func TestPetrarchCode(t *testing.T) {
	dir := petrarchDict(t)
	in := writeFile(t, dir, "in.xml", `<Sentences>
<Sentence date = "20080804" id ="AFP1-1" source = "AFP" sentence = "True">
<Text>
Arnor police restored ties with Gondor.
</Text>
</Sentence>
<Sentence date="20080804" id="AFP2-1" source="AFP">
<Text>Arnor restored ties with Gondor, a baseball star said.</Text>
</Sentence>
</Sentences>
`)
	code, out, errs := run(t, "", "petrarch", "code", "--dict", "petrarch:"+dir, in)
	if code != exitOK {
		t.Fatalf("petrarch code exit %d: %s", code, errs)
	}
	// The second story has a story discard.
	if want := "20080804\tARNCOP\tGON\t064\tTIES,1\tAFP1-1\tAFP\n"; out != want {
		t.Errorf("event lines = %q, want %q", out, want)
	}
	if !strings.Contains(errs, "verbs.txt:7: ") {
		t.Errorf("stderr lacks the malformed pattern: %q", errs)
	}
	code, out, _ = run(t, "", "petrarch", "code", "--dict", "petrarch:"+dir, "--actor-text", "--event-text", in)
	if want := "20080804\tARNCOP\tGON\t064\tTIES,1\tAFP1-1\tAFP\tArnor police\tGondor\trestored\n"; code != exitOK || out != want {
		t.Errorf("event lines with texts = %q, want %q", out, want)
	}
	code, out, _ = run(t, "", "petrarch", "code", "--dict", "petrarch:"+dir, "--format", "phoenix", in)
	if code != exitOK {
		t.Fatal("phoenix output failed")
	}
	cols := strings.Split(strings.TrimSuffix(out, "\n"), "\t")
	if len(cols) != 26 || cols[5] != "ARNCOP" || cols[6] != "ARN" || cols[7] != "COP" || cols[13] != "064" || cols[15] != "2" || cols[16] != "7.0" {
		t.Errorf("phoenix row = %q", cols)
	}
	code, out, _ = run(t, "", "petrarch", "check", "--dict", "petrarch:"+dir)
	if code != exitError || !strings.Contains(out, "verbs.txt:7: ") {
		t.Errorf("check exit %d, output %q", code, out)
	}
}

func TestEvalPetrarch(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "data", "eventcoding")
	records := filepath.Join(data, "upetrarch", "validate", "PETR_Validate_records_2_02.xml")
	if _, err := os.Stat(records); err != nil {
		t.Skipf("../shared/data not found: %v", err)
	}
	code, out, errs := run(t, "", "eval", "petrarch", records, "--json", "--dict", "petrarch:"+filepath.Join(data, "upetrarch", "validate"))
	if code != exitOK {
		t.Fatalf("eval petrarch exit %d: %s", code, errs)
	}
	var sc struct {
		Records, Correct, Missed, Extra int
		ByCategory                      map[string]struct{ Correct, Missed, Extra int } `json:"by_category"`
	}
	if err := json.Unmarshal([]byte(out), &sc); err != nil {
		t.Fatal(err)
	}
	if sc.Records < 240 || sc.Correct == 0 || len(sc.ByCategory) < 9 {
		t.Errorf("scores = %+v", sc)
	}
}
