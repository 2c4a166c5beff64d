package verb

import (
	"redline"
)

// Cue is a reporting cue: a verb or phrase that introduces what someone
// said, with what the cue itself implies about the statement.
type Cue struct {
	Lemma      string
	Stance     redline.Stance     // "" when the cue carries no stance
	Commitment redline.Commitment // "" when the cue carries no commitment
	Threat     bool
	Promise    bool
}

// Action is an action class: the topic statements are about and the code
// of the events that carry it out.
type Action struct {
	Topic   string
	CAMEO   string
	Negated string // CAMEO code when the action is refused; "" to keep CAMEO
}

// Code describes one CAMEO code.
type Code struct {
	Code      string
	Name      string
	Goldstein float64
	PLOVER    string
	Quad      int
}

// Form tells which inflection of a verb matched.
type Form uint8

// Verb forms.
const (
	FormBase      Form = iota // negotiate
	FormThird                 // negotiates
	FormPast                  // negotiated
	FormGerund                // negotiating
	FormNoun                  // talks (a nominal event)
	FormIrregular             // an irregular form listed in the lexicon
)

// Match is a lexicon entry found at a token position. End is the index
// just past the last token of the phrase.
type Match struct {
	End    int
	Form   Form
	Cue    *Cue
	Action *Action
}

type phrase struct {
	words  []string // lower case
	folds  []redline.Fold
	rank   int // place among the phrases with the same first word, longest first
	form   Form
	cue    *Cue
	action *Action
}

// Lexicon is a compiled verb lexicon. It is safe for concurrent use.
type Lexicon struct {
	byLemma map[string]*Cue
	cues    map[string][]phrase
	actions map[string][]phrase
	codes   map[string]Code
	topics  [2]map[string]string // by code: the topic of the first action with it as CAMEO, as Negated
	// first maps a phrase's first word to all phrases starting with it, so
	// that one look-up per token serves both cues and actions.
	first redline.FoldMap[*firstWord]
}

type firstWord struct{ cues, actions phraseSet }

// phraseSet holds the phrases that start with one word, indexed so that a
// look-up tries only the phrases whose second word is in the text.
type phraseSet struct {
	single *phrase                   // the first one-word phrase, or nil
	longer redline.FoldMap[[]phrase] // longer phrases by their second word, longest first
}

// newPhraseSet indexes phrases, given longest first. Each phrase's rank
// is its place in that order, which breaks ties between matches.
func newPhraseSet(phrases []phrase) phraseSet {
	var set phraseSet
	for k := range phrases {
		p := phrases[k]
		p.rank = k
		if len(p.folds) == 1 {
			if set.single == nil {
				set.single = &p
			}
			continue
		}
		set.longer.PutFold(p.folds[1], append(set.longer.Value(p.folds[1]), p))
	}
	return set
}

// Code returns the description of a CAMEO code.
func (l *Lexicon) Code(code string) (Code, bool) {
	c, ok := l.codes[code]
	return c, ok
}

// Topic returns the topic of the actions that carry a CAMEO code: of the
// first action in the lexicon coded with it, else of the first that
// gives it when refused ("125" is reject, a refused "meet"). It returns ""
// when no action carries the code. An event coded by a coder other than
// redline's own takes its topic from here, so that its deeds can be set
// beside statements on the same topic.
func (l *Lexicon) Topic(code string) string {
	if t, ok := l.topics[0][code]; ok {
		return t
	}
	return l.topics[1][code]
}

// Cue returns the reporting cue with the given lemma.
func (l *Lexicon) Cue(lemma string) (*Cue, bool) {
	c, ok := l.byLemma[lemma]
	return c, ok
}

// CueAt returns the longest reporting cue starting at token i.
func (l *Lexicon) CueAt(text string, toks []redline.Token, i int) (Match, bool) {
	if fw := l.lookup(text, toks, i); fw != nil {
		return longest(&fw.cues, toks, i)
	}
	return Match{}, false
}

// ActionAt returns the longest action phrase starting at token i.
func (l *Lexicon) ActionAt(text string, toks []redline.Token, i int) (Match, bool) {
	if fw := l.lookup(text, toks, i); fw != nil {
		return longest(&fw.actions, toks, i)
	}
	return Match{}, false
}

// At returns both the longest cue and the longest action starting at token
// i, with a single look-up.
func (l *Lexicon) At(text string, toks []redline.Token, i int) (cue Match, isCue bool, action Match, isAction bool) {
	fw := l.lookup(text, toks, i)
	if fw == nil {
		return
	}
	cue, isCue = longest(&fw.cues, toks, i)
	action, isAction = longest(&fw.actions, toks, i)
	return
}

// lookup returns the phrases whose first word is token i.
//
// The table is probed first: most tokens start no phrase, and the probe,
// on the Fold the segmenter computed, costs less than reading the word's
// text for the checks that follow.
func (l *Lexicon) lookup(text string, toks []redline.Token, i int) *firstWord {
	t := &toks[i]
	if t.Kind != redline.TokenWord {
		return nil // a number or a mark
	}
	fw := l.first.Value(t.Fold)
	if fw == nil {
		return nil
	}
	w := t.Span.In(text)
	if w != "" && w[0] >= 'A' && w[0] <= 'Z' && i > 0 && !opens(toks[i-1], text) && !allCaps(w) {
		return nil // a capitalised word inside a sentence is a name: "William Burns", "Islamic State"
	}
	return fw
}

// allCaps reports whether w has no lower-case ASCII letter, as words in a
// headline set in capitals do.
func allCaps(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 'a' && w[i] <= 'z' {
			return false
		}
	}
	return true
}

// opens reports whether a token may stand before a sentence's first word:
// a quotation mark, a colon, a dash or an opening bracket.
func opens(t redline.Token, text string) bool {
	if t.Kind == redline.TokenQuote {
		return true
	}
	switch t.Span.In(text) {
	case ":", "(", "—", "–", "--", "-":
		return true
	}
	return false
}

// longest returns the longest phrase of set starting at token i. A time
// adverb may stand right after the verb ("denied on Thursday charges",
// "lifted Friday the blockade"), so longer phrases are also tried past
// it. Of matches that end at the same token, the one ranked first wins.
func longest(set *phraseSet, toks []redline.Token, i int) (Match, bool) {
	var best *phrase
	bestEnd := 0
	try := func(second int) {
		if second >= len(toks) {
			return
		}
		for k, cands := 0, set.longer.Value(toks[second].Fold); k < len(cands); k++ {
			p := &cands[k]
			end, ok := matchAt(p.folds[2:], toks, second+1)
			if ok && (best == nil || end > bestEnd || (end == bestEnd && p.rank < best.rank)) {
				best, bestEnd = p, end
			}
		}
	}
	if set.longer.Len() > 0 {
		try(i + 1)
		if skip := timeAdverb(toks, i+1); skip > 0 {
			try(i + 1 + skip)
		}
	}
	if best == nil && set.single != nil {
		best, bestEnd = set.single, i+1
	}
	if best == nil {
		return Match{}, false
	}
	return Match{End: bestEnd, Form: best.form, Cue: best.cue, Action: best.action}, true
}

// matchAt matches words against the tokens from index t on and returns
// the index past the last token.
func matchAt(words []redline.Fold, toks []redline.Token, t int) (int, bool) {
	if t+len(words) > len(toks) {
		return 0, false
	}
	for j, w := range words {
		if toks[t+j].Fold != w {
			return 0, false
		}
	}
	return t + len(words), true
}

// timeAdverb returns how many tokens from t make a short time adverb:
// "today", "Friday", "on Thursday"; 0 when there is none.
func timeAdverb(toks []redline.Token, t int) int {
	if t >= len(toks) {
		return 0
	}
	if dayWords.Has(toks[t].Fold) {
		return 1
	}
	if toks[t].Fold == foldOn && t+1 < len(toks) && dayWords.Has(toks[t+1].Fold) {
		return 2
	}
	return 0
}

var (
	foldOn   = redline.FoldOf("on")
	dayWords = redline.NewFoldSet("today", "yesterday", "tonight", "Monday", "Tuesday", "Wednesday",
		"Thursday", "Friday", "Saturday", "Sunday")
)
