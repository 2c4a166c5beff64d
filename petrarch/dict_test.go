package petrarch

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"redline"
)

// mustLoad loads inline dictionary files and fails on any problem.
func mustLoad(tb testing.TB, files map[string]string, f Files) *Dictionaries {
	tb.Helper()
	d, probs := load(tb, files, f)
	if len(probs) > 0 {
		tb.Fatalf("Load: %v", probs)
	}
	return d
}

func load(tb testing.TB, files map[string]string, f Files) (*Dictionaries, redline.ProblemList) {
	tb.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	if f.Verbs == "" {
		f.Verbs = "verbs.txt"
		if _, ok := fsys["verbs.txt"]; !ok {
			fsys["verbs.txt"] = &fstest.MapFile{Data: []byte("--- SAY [010] ---\nSAY\n")}
		}
	}
	d, probs, err := Load(fsys, f)
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return d, probs
}

// actorCode looks phrase up in the actor dictionary and returns its code
// on date, or "" when the whole phrase is not an actor.
func actorCode(d *Dictionaries, phrase string, date int) string {
	s := sentence{text: phrase}
	s.words = splitWords(phrase)
	m, ok := d.Actors.trie.longest(&s, 0, npGap)
	if !ok || m.end != len(s.words) {
		return ""
	}
	return d.Actors.List[m.val].CodeOn(date)
}

func TestActorDates(t *testing.T) {
	d := mustLoad(t, map[string]string{"a.txt": `
# comment line
<!-- an XML comment
   over two lines -->
GOLLUM  # a comment
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]
SAM_GAMGEE [HOB]
	[ORCHOB 20100109-20100112] # first match wins
	[HOBMIL 20080120-20121109]
ZIMBABWE
	[RHO <790606]
	[ZBW]#jw 9/30/91
THE_SHIRE [FRO/BIL/SAM]
ALBRIGHT  [USAGOV 991201-010114] [---]
ISRAELI_TROOPS [ISRMIL]
ITHILEN TELEVISION [ITHTV]
`}, Files{Actors: []string{"a.txt"}})
	tests := []struct {
		phrase string
		date   int
		want   string
	}{
		{"Gollum", 19950101, "HOB"},
		{"Smeagol", 19950602, "HOBGOV"},
		{"Gollum", 19990815, "HOBGOV"},
		{"Gollum", 19990816, "HOBREB"},
		{"Sam Gamgee", 20100110, "ORCHOB"},
		{"Sam Gamgee", 20100113, "HOBMIL"},
		{"Sam Gamgee", 20150101, "HOB"},
		{"Zimbabwe", 19781223, "RHO"},
		{"Zimbabwe", 20010101, "ZBW"},
		{"the Shire", 0, "FRO/BIL/SAM"},
		{"Albright", 20000101, "USAGOV"},
		{"Albright", 20020101, "---"},
		{"Israeli troops", 0, "ISRMIL"},
		{"Israeli state troops", 0, ""},
		{"Ithilen state-run television", 0, "ITHTV"},
	}
	for _, tt := range tests {
		if got := actorCode(d, tt.phrase, tt.date); got != tt.want {
			t.Errorf("actor %q on %d = %q, want %q", tt.phrase, tt.date, got, tt.want)
		}
	}
}

func TestActorProblems(t *testing.T) {
	_, probs := load(t, map[string]string{"a.txt": `+ORPHAN
	[XYZ]
GOLLUM
	[950601-990815]
	[AAA950601-990815]
	[HOB 990101-980101]
	[HOB >991340]
	[HOB
[NOPHRASE]
GONDOR [GON] extra
<!-- never closed
`}, Files{Actors: []string{"a.txt"}})
	want := []string{
		"a.txt:1: synonym before any actor",
		"a.txt:2: date restriction before any actor",
		"a.txt:4: code block [950601-990815] has no code before its dates",
		"a.txt:5: code block [AAA950601-990815] has no code before its dates",
		"a.txt:6: code HOB: date restriction \"990101-980101\" ends before it starts",
		"a.txt:7: code HOB: date \"991340\" is not a day of the calendar",
		"a.txt:8: unclosed \"[\" in \"[HOB\"",
		"a.txt:9: codes \"[NOPHRASE]\" without a phrase",
		"a.txt:10: unexpected \"extra\" after a code",
		"a.txt:11: comment \"<!--\" is never closed",
	}
	var got []string
	for _, p := range probs {
		got = append(got, p.Error())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// agentCodes returns the agents phrase is made of, coded.
func agentCode(d *Dictionaries, phrase string) string {
	s := sentence{text: phrase}
	s.words = splitWords(phrase)
	m, ok := d.Agents.trie.longest(&s, 0, npGap)
	if !ok || m.end != len(s.words) {
		return ""
	}
	a := d.Agents.List[m.val]
	if a.Prefix {
		return a.Code + "~"
	}
	return "~" + a.Code
}

func TestAgents(t *testing.T) {
	d := mustLoad(t, map[string]string{"ag.txt": `
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
POLICE {} [ ~COP]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
CONGRESS [~LEG]
CONGRESS!PERSON! [~LEG]
!MINST!_OF_SILLY_WALKS [~GOV]
AUTHORITY [~GOV]
HUMAN_RIGHTS_ORGANIZATION  [  NGO~]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
`}, Files{Agents: []string{"ag.txt"}})
	tests := []struct{ phrase, want string }{
		{"police", "~COP"},
		{"polices", ""},
		{"golden goose", "~GGS"},
		{"golden geese", "~GGS"},
		{"golden gooses", ""},
		{"congresses", "~LEG"},
		{"congresswomen", "~LEG"},
		{"ministry of silly walks", "~GOV"},
		{"ministers of silly walks", "~GOV"},
		{"authorities", "~GOV"},
		{"human rights organizations", "NGO~"},
		{"attorneys general", "~GOV"},
	}
	for _, tt := range tests {
		if got := agentCode(d, tt.phrase); got != tt.want {
			t.Errorf("agent %q = %q, want %q", tt.phrase, got, tt.want)
		}
	}
}

func TestAgentProblems(t *testing.T) {
	_, probs := load(t, map[string]string{"ag.txt": `DEPARMENT_OF_ENVIRONMENT [~ENV}
ISLAMIC_EXTREMIST
BAD [GOV]
!NOPE!_OF_THINGS [~GOV]
!BROKEN = A, B
`}, Files{Agents: []string{"ag.txt"}})
	want := []string{
		"ag.txt:1: agent \"DEPARMENT_OF_ENVIRONMENT [~ENV}\" has no [code]",
		"ag.txt:2: agent \"ISLAMIC_EXTREMIST\" has no [code]",
		"ag.txt:3: agent code [GOV] needs a \"~\" before or after it",
		"ag.txt:4: substitution set !NOPE! is not defined",
		"ag.txt:5: substitution set \"!BROKEN\": want !NAME! = A, B, ...",
	}
	var got []string
	for _, p := range probs {
		got = append(got, p.Error())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// verbBlock returns the name of the block whose verb phrase is the whole
// of phrase, and the verb's code.
func verbOf(d *Dictionaries, phrase string) (string, string) {
	s := sentence{text: phrase}
	s.words = splitWords(phrase)
	for i := range s.words {
		m, ok := d.Verbs.trie.longest(&s, i, tightGap)
		if !ok {
			continue
		}
		e := d.Verbs.entries[m.val]
		start := i - len(e.before)
		if start != 0 || m.end != len(s.words) {
			continue
		}
		for k, w := range e.before {
			if !w.matches(&s, i-1-k) {
				return "", ""
			}
		}
		return d.Verbs.Blocks[e.blocks[0]].Name, e.code.String()
	}
	return "", ""
}

const testVerbs = `
&CURRENCY
+DOLLAR
+SWISS FRANC
+KRONER_

&AUXVERB3_
+HAVE
+HAS

--- BREAK [120] ---
BREAK { BROKE BROKEN  }
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN +BROKEN_DOWN }
- * TREATY  [1246]

--- CONFISCATE [170] ---
CONFISCATE
WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING }
CORDON_OFF
- WILL NOT * [081]

--- DELAY [120] ---
DELAY
DOWNPLAY [014]
POSTPONE
- % &AUXVERB3 * [191]
- * {NEW &CURRENCY RELATIONS} (WITH +) [1951]

--- ARRIVE [042:043] ---
ARRIVE
STOP {STOPS STEOPPED}
`

func TestVerbs(t *testing.T) {
	d := mustLoad(t, map[string]string{"verbs.txt": testVerbs}, Files{})
	tests := []struct{ phrase, block, code string }{
		{"break", "BREAK", "120"},
		{"broke", "BREAK", "120"},
		{"breaks", "", ""}, // irregular forms given: no regular ones
		{"broken down", "BREAK", "120"},
		{"wire tapped", "CONFISCATE", "170"},
		{"tapped", "", ""},
		{"cordon off", "CONFISCATE", "170"},
		{"cordons off", "CONFISCATE", "170"},
		{"cordoned off", "CONFISCATE", "170"},
		{"confiscating", "CONFISCATE", "170"},
		{"downplayed", "DELAY", "014"},
		{"postponed", "DELAY", "120"},
		{"postpones", "DELAY", "120"},
		{"arrives", "ARRIVE", "042:043"},
		{"steopped", "ARRIVE", "042:043"},
	}
	for _, tt := range tests {
		block, code := verbOf(d, tt.phrase)
		if block != tt.block || code != tt.code {
			t.Errorf("verb %q = %s [%s], want %s [%s]", tt.phrase, block, code, tt.block, tt.code)
		}
	}
	delay := d.Verbs.Blocks[2]
	if len(delay.Patterns) != 2 {
		t.Fatalf("DELAY has %d patterns, want 2", len(delay.Patterns))
	}
	p := delay.Patterns[1]
	if len(p.Lower) != 5 || p.Lower[0].group != '{' || !p.Lower[0].first || p.Lower[4].kind != elTarget || p.Lower[4].group != '(' {
		t.Errorf("pattern %q read as %+v", p.Text, p.Lower)
	}
	cur := d.Verbs.Synsets[d.Verbs.parser.synsets["CURRENCY"]]
	// DOLLAR, DOLLARS, SWISS FRANC, SWISS FRANCS, KRONER (no plural).
	if len(cur.Members) != 5 {
		t.Errorf("&CURRENCY has %d members, want 5", len(cur.Members))
	}
}

func TestVerbProblems(t *testing.T) {
	_, probs := load(t, map[string]string{"verbs.txt": `- * ORPHAN [010]
--- SAY [010] ---
SAY
- * &NOSUCH [011]
- * TALK
- * (UNCLOSED [012]
- SAID * TWICE * [013]
* MISSING DASH [014]
- * PLAIN [0a:1:2]
&EMPTY
`}, Files{})
	want := []string{
		"verbs.txt:1: pattern before any verb",
		"verbs.txt:4: pattern \"* &NOSUCH\": synset &NOSUCH is not defined",
		"verbs.txt:5: pattern has no [code]",
		"verbs.txt:6: pattern \"* (UNCLOSED\": unclosed '('",
		"verbs.txt:7: pattern \"SAID * TWICE *\": pattern has more than one \"*\"",
		"verbs.txt:8: pattern line lacks its leading \"-\"; read as a pattern",
		"verbs.txt:9: malformed code pair [0a:1:2]",
		"verbs.txt:10: synset &EMPTY has no members",
	}
	var got []string
	for _, p := range probs {
		got = append(got, p.Error())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestIssueForms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"n:massacre", []string{"massacre", "massacres"}},
		{"ethnic v:purge", []string{"ethnic purge", "ethnic purges", "ethnic purged", "ethnic purging"}},
		{"al+zarqawi network", []string{"al zarqawi network", "al-zarqawi network"}},
		{"pre+n:school", []string{"pre school", "pre schools", "pre-school", "pre-schools"}},
	}
	for _, tt := range tests {
		got, err := issueForms(tt.in)
		if err != nil {
			t.Fatalf("issueForms(%q): %v", tt.in, err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("issueForms(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestDiscardsAndIssues(t *testing.T) {
	d := mustLoad(t, map[string]string{
		"discards.txt": "MONTHS LATER\nBASEBALL\n+TYPHOON   # story\n+World Golf Championships\nEXACT_\n",
		"issues.txt": `<ISSUE CATEGORY="ATROCITY">
n:massacre [ID_ATROCITY]
war n:crime [ID_ATROCITY]
~Saturday Night massacre
</ISSUE>
<ISSUE CATEGORY="EDU">
n:school [SCHOOLS]
</ISSUE>
`}, Files{Discards: "discards.txt", Issues: "issues.txt"})
	c := NewCoder(d)
	for _, tt := range []struct{ text, want string }{
		{"The typhoons hit Gondor.", "story"},
		{"A baseball team said so.", "sentence"},
		{"Baseballs said so.", "sentence"},
		{"He spoke of the World Golf Championships.", "story"},
		{"Six months later he said so.", "sentence"},
		{"Exactly so, he said.", ""},
		{"Typhon said so.", ""},
	} {
		if got := c.discard(&sentence{text: tt.text, words: splitWords(tt.text)}); got != tt.want {
			t.Errorf("discard(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	for _, tt := range []struct {
		text string
		want []Issue
	}{
		{"War crimes and massacres near two schools.", []Issue{{"ID_ATROCITY", 2}, {"SCHOOLS", 1}}},
		{"The Saturday Night massacre and war crimes at a school.", []Issue{{"SCHOOLS", 1}}},
	} {
		got := c.issues(&sentence{text: tt.text, words: splitWords(tt.text)})
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("issues(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestOntologyNegation(t *testing.T) {
	d := mustLoad(t, map[string]string{"pico.txt": `# PICO
050:0x0080#DiplomaticCoop
110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove
120:-0xFFFF#Reject
121:-0xFFFF+0x0070
060:0x0070
`}, Files{Ontology: "pico.txt"})
	for _, tt := range []struct{ code, want string }{{"110", "050"}, {"060", "121"}} {
		if got, ok := d.ontology.negate(tt.code); !ok || got != tt.want {
			t.Errorf("negate(%s) = %q, %v, want %q", tt.code, got, ok, tt.want)
		}
	}
	if got, ok := d.ontology.negate("050"); ok {
		t.Errorf("negate(050) = %q, want none", got)
	}
}

func TestReadLinesComments(t *testing.T) {
	var probs redline.ProblemList
	got := readLines("f", "A # c\nB <!-- x --> C\n<!-- start\nmid\nend --> D\n[###] ; legacy\n\n   \n", petrDialect, &probs)
	var texts []string
	for _, l := range got {
		texts = append(texts, strings.TrimSpace(l.text))
	}
	if diff := cmp.Diff([]string{"A", "B  C", "D", "[###]"}, texts); diff != "" {
		t.Errorf("readLines (-want +got):\n%s", diff)
	}
}

func TestTABARIDialect(t *testing.T) {
	d := mustLoad(t, map[string]string{
		"t.actors": `<NOUN>
FORCES_  ;JW   10/18/91
</NOUN>
<ADJECTIVE>
EVIL
</ADJECTIVE>
ARGENTIN  [ARG]
ARNOR_  [ARN] ; a comment
ENT  [### <890101] [ENT]
#ALBRIGHZ  [991201-010114] [---] ; commented out
~~FINISH
GONDOR [GON]
`,
		"t.verbs": `<SYNSETS>
&TIETYPES
+MILITARY
+ECONOMIC
</SYNSETS>
<TIME>
LAST_WEEK [-7]
</TIME>
ABANDON  [345] ;pas 15 Jul 2003
- * NEW_&TIETYPES_RELATIONS [903]
ASK  [090]
- * FOR { ECONOMIC_SANCTIONS | TOTAL_BOYCOTT | EMBARGO }  [172]
BREAK_ [1717]
{ BROKE_ BROKEN_ }
`,
	}, Files{Verbs: "t.verbs", Actors: []string{"t.actors"}, TABARI: true})
	for _, tt := range []struct {
		phrase string
		date   int
		want   string
	}{
		{"Argentina", 0, "ARG"},
		{"Argentine", 0, "ARG"},
		{"Arnor", 0, "ARN"},
		{"Arnorian", 0, ""},
		{"Ent", 19880101, "###"},
		{"Ents", 19950101, "ENT"},
		{"Gondor", 0, ""}, // after ~~FINISH
	} {
		if got := actorCode(d, tt.phrase, tt.date); got != tt.want {
			t.Errorf("TABARI actor %q = %q, want %q", tt.phrase, got, tt.want)
		}
	}
	for _, tt := range []struct{ phrase, block string }{
		{"abandoned", "ABANDON"}, {"asking", "ASK"}, {"broke", "BREAK"}, {"breaking", ""},
	} {
		if block, _ := verbOf(d, tt.phrase); block != tt.block {
			t.Errorf("TABARI verb %q in block %q, want %q", tt.phrase, block, tt.block)
		}
	}
	if !d.Nouns.HasWord("forces") || !d.Adjectives.HasWord("evil") {
		t.Error("TABARI <NOUN> and <ADJECTIVE> lists not read")
	}
	c := NewCoder(d)
	for _, tt := range []struct{ text, want string }{
		{"Arnor abandoned new economic relations with Argentina.", "903"},
		{"Arnor asked for an embargo against Argentina.", "172"},
	} {
		evs := c.Code(tt.text, 0).Events
		if len(evs) != 1 || evs[0].Code != tt.want {
			t.Errorf("Code(%q) = %+v, want one event %s", tt.text, evs, tt.want)
		}
	}
}

// splitWords splits text into the coder's words.
func splitWords(text string) []word {
	w, _ := split(text, nil, nil)
	return w
}
