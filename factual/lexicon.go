package factual

import "strings"

// Complement kinds a governor takes.
const (
	compTo     = 1 << iota // "expects to cut"
	compThat               // "believes that ...", also with no "that"
	compObj                // "negotiated the purchase"
	compGerund             // "stop selling"
)

// gov is how a governing word presents the event it governs.
type gov struct {
	cert   string // Probable, Possible or "" (no change)
	neg    bool   // negates the event: "failed to", "refused to"
	future bool   // puts the event in the future: "plans to"
	comps  int    // the complements it takes
	say    bool   // a reporting or knowledge verb: transparent, ends the chain
}

// govLexicon lists governors by lemma: "lemma[+][|irregular forms]" where
// "+" doubles the final consonant ("plan+" gives "planned", "planning").
// Nouns are listed with their plural in the same entry.
var govLexicon = []struct {
	words string
	g     gov
}{
	// Intention and expectation: probable and future.
	{"expect intend want wish hope anticipate predict forecast|forecast", gov{cert: Probable, future: true, comps: compTo | compThat}},
	{"intention intentions expectation expectations hopes", gov{cert: Probable, future: true, comps: compTo}},
	{"likely poised", gov{cert: Probable, future: true, comps: compTo}},
	{"believe think|thought estimate suspect presume", gov{cert: Probable, comps: compTo | compThat}},
	// Attempt, proposal, permission, option: possible.
	{"try attempt seek|sought offer bid+ strive|strove|striven threaten", gov{cert: Possible, future: true, comps: compTo}},
	{"consider propose suggest", gov{cert: Possible, future: true, comps: compTo | compGerund | compThat}},
	{"negotiate discuss weigh explore", gov{cert: Possible, future: true, comps: compObj | compGerund}},
	{"option options effort efforts attempts proposal proposals bids offers chance chances possibility", gov{cert: Possible, future: true, comps: compTo}},
	{"appear seem", gov{cert: Possible, comps: compTo | compThat}},
	{"possible unlikely uncertain unclear doubtful", gov{cert: Possible, comps: compThat}},
	{"doubt", gov{cert: Possible, comps: compThat}},
	// Failure, refusal, cessation, prevention: negated.
	{"fail refuse decline cease stop+ avoid prevent halt abandon quit+ forgo|forwent|forgone deny refrain", gov{neg: true, comps: compTo | compGerund | compObj | compThat}},
	{"cancel+ scrap+ postpone delay", gov{neg: true, comps: compObj}},
	// Commitment and decision: future, certain.
	// Plans, commitments and decisions: future, and certain as MEANTIME
	// has them ("Apple plans to sell movies").
	{"plan+ aim schedule agree decide promise pledge vow commit+ prepare order arrange resolve urge recommend", gov{future: true, comps: compTo}},
	{"plans contract contracts agreement agreements deal deals decision decisions order orders deadline move", gov{future: true, comps: compTo}},
	// Reporting and knowledge: transparent.
	{"say|said tell|told state announce report add claim note explain confirm reveal insist argue show|shown find|found know|knew|known learn|learnt|learned admit+ warn declare stress write|wrote|written verify prove|proven establish", gov{comps: compThat, say: true}},
}

// epistemicPassives turn "be X-ed to" into a hedge: "are said to be",
// "is believed to be".
var epistemicPassives = map[string]string{
	"said": Possible, "reported": Possible, "rumored": Possible, "rumoured": Possible, "alleged": Possible,
	"supposed": Possible, "thought": Probable, "believed": Probable, "expected": Probable,
	"understood": Probable, "considered": Probable, "estimated": Probable, "projected": Probable,
	"scheduled": Probable, "predicted": Probable, "forecast": Probable, "allowed": Possible, "permitted": Possible,
}

// governors maps every inflected form to its class.
var governors = func() map[string]gov {
	m := map[string]gov{}
	for _, e := range govLexicon {
		for _, w := range strings.Fields(e.words) {
			for _, f := range inflect(w) {
				if _, dup := m[f]; !dup {
					m[f] = e.g
				}
			}
		}
	}
	return m
}()

// inflect returns the forms of a lemma entry (see govLexicon).
func inflect(entry string) []string {
	parts := strings.Split(entry, "|")
	w, double := parts[0], false
	if strings.HasSuffix(w, "+") {
		w, double = w[:len(w)-1], true
	}
	out := append([]string{w}, parts[1:]...)
	n := len(w)
	switch {
	case double:
		d := w + w[n-1:]
		out = append(out, w+"s", d+"ed", d+"ing")
	case strings.HasSuffix(w, "e"):
		out = append(out, w+"s", w+"d", w[:n-1]+"ing")
	case n > 1 && w[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(w[n-2])):
		out = append(out, w[:n-1]+"ies", w[:n-1]+"ied", w+"ing")
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "x"):
		out = append(out, w+"es", w+"ed", w+"ing")
	default:
		out = append(out, w+"s", w+"ed", w+"ing")
	}
	return out
}

// modals map a modal to the certainty it gives ("" keeps certain) and
// whether it points to the future.
var modals = map[string]struct {
	cert   string
	future bool
}{
	"may": {Possible, true}, "might": {Possible, true}, "could": {Possible, false},
	"can": {Possible, false}, "ca": {Possible, false}, "cannot": {Possible, false},
	"would": {Probable, true}, "'d": {Probable, true}, "should": {Probable, false}, "ought": {Probable, false},
	"will": {"", true}, "wo": {"", true}, "'ll": {"", true}, "shall": {"", true}, "sha": {"", true},
	"must": {"", false},
}

// hedges are adverbs that weaken the event they modify.
var hedges = map[string]string{
	"possibly": Possible, "perhaps": Possible, "maybe": Possible, "potentially": Possible,
	"conceivably": Possible, "allegedly": Possible, "supposedly": Possible, "purportedly": Possible,
	"probably": Probable, "likely": Probable, "presumably": Probable, "apparently": Probable,
	"reportedly": Probable, "seemingly": Probable, "evidently": Probable, "ostensibly": Possible,
}

// negators negate the verb group they stand in.
var negators = map[string]bool{"not": true, "n't": true, "never": true, "cannot": true}

// auxiliaries may stand in a verb group between a modal and the event.
var auxiliaries = map[string]bool{
	"be": true, "is": true, "are": true, "was": true, "were": true, "been": true, "being": true, "am": true,
	"'s": true, "'re": true, "'m": true, "have": true, "has": true, "had": true, "having": true, "'ve": true,
	"do": true, "does": true, "did": true, "get": true, "gets": true, "got": true, "to": true,
}

// groupAdverbs are adverbs that may sit inside a verb group.
var groupAdverbs = map[string]bool{
	"also": true, "still": true, "just": true, "now": true, "already": true, "even": true, "further": true,
	"then": true, "soon": true, "again": true, "yet": true, "ever": true,
	"publicly": true, "officially": true, "eventually": true, "finally": true, "actually": true,
	"certainly": true, "definitely": true, "initially": true, "almost": true, "fully": true, "well": true,
}

// determiners open a noun phrase.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true, "our": true,
	"my": true, "your": true, "this": true, "these": true, "those": true, "'s": true,
	"no": true, "any": true, "some": true, "further": true, "more": true, "another": true,
}

// npNegators before a noun phrase negate its head: "without approval".
var npNegators = map[string]bool{"without": true, "not": true, "never": true, "no": true}

// negModifiers are participles and adjectives that cancel the noun they
// modify ("the cancelled deal") or, after it, the noun they predicate of
// ("the departure has been delayed").
var negModifiers = map[string]bool{
	"cancelled": true, "canceled": true, "postponed": true, "delayed": true, "scrapped": true,
	"abandoned": true, "aborted": true, "halted": true, "suspended": true, "rejected": true,
	"killed": true, "blocked": true, "vetoed": true, "shelved": true, "failed": true, "denied": true,
}

// headlineNeg are the participles that cancel the noun right before them
// with no auxiliary, as headlines write them: "test flight delayed".
var headlineNeg = map[string]bool{
	"delayed": true, "postponed": true, "cancelled": true, "canceled": true, "scrapped": true,
	"suspended": true, "halted": true, "shelved": true, "vetoed": true, "blocked": true, "called": false,
}

// modModifiers hedge or date the noun they modify: "a possible merger",
// "the planned launch".
var modModifiers = map[string]struct {
	cert   string
	future bool
}{
	"possible": {Possible, false}, "potential": {Possible, false}, "proposed": {Possible, true},
	"would-be": {Possible, true}, "rumored": {Possible, false}, "rumoured": {Possible, false},
	"alleged": {Possible, false}, "likely": {Probable, false}, "probable": {Probable, false},
	"expected": {Probable, true}, "planned": {Probable, true}, "intended": {Probable, true},
	"future": {"", true}, "upcoming": {"", true}, "forthcoming": {"", true}, "prospective": {Possible, true},
}

// negNouns cancel the noun after their preposition: "delay in delivery",
// "lack of progress".
var negNouns = map[string]bool{
	"delay": true, "delays": true, "lack": true, "absence": true, "cancellation": true,
	"postponement": true, "suspension": true, "halt": true, "end": true, "failure": true, "refusal": true,
}

// boundaries end the clause a cue may govern.
var boundaries = map[string]bool{
	",": true, ";": true, ":": true, "(": true, ")": true, "-": true, "--": true, "–": true, "—": true,
	"and": true, "but": true, "or": true, "which": true, "who": true, "whom": true, "because": true,
	"while": true, "although": true, "though": true, "when": true, "after": true, "before": true,
	"since": true, "until": true, "if": true, "unless": true, "whereas": true, "as": true, ".": true,
}
