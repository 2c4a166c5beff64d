package event

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"redline"
	"redline/verb"
)

// Coder codes events. Lexicon must be set; the other fields are options
// whose zero values keep the author's report apart from what actors say.
type Coder struct {
	Lexicon *verb.Lexicon

	// SpeechActs codes the content of reported speech as the speech act
	// it is, as PETRARCH-2 does: "Iran said it will attack Israel" is a
	// threat (138), "Iran said Israel attacked" an accusation (112),
	// "Norway said it will send aid" an intent (033). Off, statement
	// content is left to the quote stage, so that what an actor says and
	// what it does stay apart for say-do gap analysis.
	SpeechActs bool

	// NewActors lets an actor missing from the dictionary be an event's
	// source: a capitalised name or a plural role noun before the action
	// ("the Homeland Union", "Demonstrators"). Such actors have an empty
	// ID and the text's words as their name.
	NewActors bool

	// Discards lists phrases that mark a sentence as sport or
	// entertainment, whose "attacks" and "defeats" are not political
	// events. Nil means DefaultDiscards; an empty list discards nothing.
	Discards []string

	discardOnce  sync.Once
	discardIndex redline.FoldMap[[][]redline.Fold] // Discards by first word
}

// DefaultDiscards are the phrases that stop a sentence being coded when
// Coder.Discards is nil.
var DefaultDiscards = []string{
	"world cup", "premier league", "champions league", "grand prix", "box office", "film festival",
	"super bowl", "scored a goal", "semi-final", "quarter-final", "hat-trick", "gold medal", "silver medal",
	"video game", "reality show", "movie star", "pop star", "the oscars", "test match", "penalty shootout",
}

// sentence is one sentence being coded, with its mentions.
type sentence struct {
	text     string
	index    int
	toks     []redline.Token
	lower    []string   // each token's text in lower case, "" until word asks for it
	hits     *verb.Hits // the lexicon's matches in the document
	mentions []redline.Mention
	skip     []redline.Span // quoted and reported content: not the author's claims
	used     []bool         // tokens already coded as part of an action
	lastEnd  int            // token after the last event coded, or 0 before any
}

// Code returns the events of a document in text order. hits are the
// Lexicon's matches in the sentences (Lexicon.Scan). skip lists spans
// whose actions are someone's words rather than the author's report (the
// statements' content); mentions must be in text order. An event repeated
// in one sentence, or with the same dyad, code and mode later in the
// document, is reported once.
func (c *Coder) Code(text string, sents []redline.Sentence, mentions []redline.Mention, hits *verb.Hits, skip []redline.Span) []redline.Event {
	var out []redline.Event
	var lower []string // reused from sentence to sentence
	mi := 0
	for i, s := range sents {
		for mi < len(mentions) && mentions[mi].Sentence < i {
			mi++
		}
		end := mi
		for end < len(mentions) && mentions[end].Sentence == i {
			end++
		}
		if !c.SpeechActs && !hits.HasAction(i) {
			continue // nothing to code; the speech acts, when asked for, come from statements
		}
		lower = slices.Grow(lower[:0], len(s.Tokens))[:len(s.Tokens)]
		clear(lower)
		sent := sentence{text: text, index: i, toks: s.Tokens, lower: lower, hits: hits, mentions: mentions[mi:end], skip: skip}
		if c.discarded(&sent) {
			continue
		}
		if c.SpeechActs {
			sent.skip = c.leading(&sent)
		}
		out = append(out, c.codeSentence(&sent)...)
	}
	return dedupe(out)
}

// CodeDocument is Code over a document's text, which makes a Coder the
// event stage of extract.Pipeline.
func (c *Coder) CodeDocument(doc *redline.Document, sents []redline.Sentence, mentions []redline.Mention, hits *verb.Hits, skip []redline.Span) []redline.Event {
	return c.Code(doc.Text, sents, mentions, hits, skip)
}

// pastObject returns the token after a nominal action that is the object
// of the action ending at end ("withdraw from talks", "pull out of the
// deal", "walked away from negotiations"): that noun names what was acted
// on and is no event of its own. Otherwise it returns end.
func (s *sentence) pastObject(end int) int {
	k := end
	prep := func(w string) bool { return w == "from" || w == "of" || w == "on" }
	switch {
	case k > 0 && prep(s.word(k-1)): // the phrase ends in its preposition: "withdraw from"
	case k < len(s.toks) && prep(s.word(k)):
		k++
	default:
		return end
	}
	for k < len(s.toks) && (determinerWords[s.word(k)] || s.toks[k].Kind == redline.TokenNumber) {
		k++
	}
	if k < len(s.toks) && (s.word(k) == "talks" || s.word(k) == "negotiations" || s.word(k) == "deal" ||
		s.word(k) == "agreement" || s.word(k) == "treaty" || s.word(k) == "accord") {
		return k + 1
	}
	return end
}

var determinerWords = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true, "this": true, "that": true}

func (c *Coder) codeSentence(s *sentence) []redline.Event {
	var out []redline.Event
	for t := 0; t < len(s.toks); t++ {
		m, ok := s.hits.ActionAt(s.index, t)
		if !ok || s.skipped(s.toks[t].Span) || !s.isEvent(t, m) || s.background(t, m) {
			continue
		}
		a := c.action(s, t, m)
		evs := c.events(s, a)
		if len(evs) > 0 {
			s.lastEnd = a.end
		}
		out = append(out, evs...)
		s.markUsed(t, a.end)
		t = s.pastObject(a.end) - 1
	}
	if c.SpeechActs {
		out = append(out, c.speechActs(s)...)
		sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	}
	return out
}

// isEvent reports whether an action phrase at token t reports an action
// rather than naming one.
func (s *sentence) isEvent(t int, m verb.Match) bool {
	switch m.Form {
	case verb.FormNoun:
		return s.happened(t, m.End)
	case verb.FormBase:
		// A bare lemma is a verb after an auxiliary or straight after its
		// subject ("The Palestinians reject"); otherwise it is usually a
		// noun or an infinitive of intent.
		if t > 0 && determiners[s.word(t-1)] {
			return false // "a press release"
		}
		return s.hasAuxBefore(t) || s.afterSubject(t) || zeroPast[s.word(t)]
	case verb.FormGerund:
		// "negotiating with Washington is unwise" names an action; a frame
		// reports one ("a declaration demanding that ...").
		return s.progressive(t) || frameOf(m.Action) != noFrame
	case verb.FormThird:
		return !(s.nounContext(t) || s.adjectival(t)) || s.happened(t, m.End) // "a series of bombs", "Israeli attacks"
	case verb.FormPast:
		return !s.nounContext(t) // "the banned movement"
	}
	return true
}

// background reports whether an action after the sentence's first event
// is only its circumstance rather than a second event: its purpose ("to
// help", "to demand"), a subordinate or relative clause ("where 28 people
// were killed", "after talks"), a named event ("in ethnic riots") or a
// participle modifying a noun ("equipment seized last year").
func (s *sentence) background(t int, m verb.Match) bool {
	if s.lastEnd == 0 {
		return false
	}
	for k := s.lastEnd; k < t; k++ {
		if subordinators[s.word(k)] {
			return true
		}
	}
	switch m.Form {
	case verb.FormNoun:
		return true
	case verb.FormBase:
		return !s.hasModalBefore(t)
	case verb.FormPast:
		w := s.word(t - 1)
		return !(auxiliaries[w] || w == "and" || w == "," || s.afterMention(t))
	}
	return false
}

var subordinators = map[string]bool{
	"where": true, "which": true, "who": true, "whom": true, "whose": true, "after": true, "when": true,
	"while": true, "as": true, "following": true, "since": true, "before": true, "because": true,
	"until": true, "unless": true, "if": true, "during": true, "that": true, "amid": true, "despite": true,
}

var auxiliaries = map[string]bool{
	"has": true, "have": true, "had": true, "was": true, "were": true, "is": true, "are": true, "been": true,
	"also": true, "then": true, "later": true,
}

// hasModalBefore reports whether a modal (not "to") precedes token t.
func (s *sentence) hasModalBefore(t int) bool {
	for k := t - 1; k >= 0 && k >= t-3; k-- {
		switch w := s.word(k); w {
		case "to":
			return false
		case "will", "would", "could", "can", "may", "might", "must", "shall", "should", "did", "'ll", "’ll":
			return true
		}
	}
	return false
}

// afterMention reports whether a mention ends just before token t.
func (s *sentence) afterMention(t int) bool {
	end := s.toks[t-1].Span.End
	for _, m := range s.mentions {
		if m.Span.End == end {
			return true
		}
	}
	return false
}

// nounContext reports whether the word at t follows a determiner, a
// preposition or a number, so that "attacks" or "banned" there
// is a noun or an adjective.
func (s *sentence) nounContext(t int) bool {
	if t == 0 {
		return false
	}
	if s.toks[t-1].Kind == redline.TokenNumber || determiners[s.word(t-1)] {
		return true
	}
	return false
}

// adjectival reports whether the word at t follows a singular demonym, so
// that "attacks" there is a noun ("Israeli attacks").
func (s *sentence) adjectival(t int) bool {
	for _, m := range s.mentions {
		if t > 0 && m.Span.End == s.toks[t-1].Span.End && m.Kind == redline.MentionDemonym && !m.Plural {
			return true
		}
	}
	return false
}

// zeroPast are verbs whose past tense is their lemma ("settlers set fire
// to", "the government cut aid").
var zeroPast = map[string]bool{
	"set": true, "put": true, "cut": true, "hit": true, "shut": true, "let": true, "quit": true, "cast": true,
	"spread": true, "beat": true, "broadcast": true, "burst": true, "hurt": true, "shed": true, "split": true,
}

var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true, "our": true,
	"of": true, "this": true, "these": true, "those": true, "'s": true, "’s": true, "such": true, "new": true,
	"recent": true, "any": true, "no": true, "more": true, "further": true, "by": true, "for": true,
}

// afterSubject reports whether a plural or demonym mention ends just
// before token t, as the subject of a present-tense verb.
func (s *sentence) afterSubject(t int) bool {
	if t == 0 {
		return false
	}
	end := s.toks[t-1].Span.End
	if t+1 < len(s.toks) && agents[s.word(t+1)] != "" {
		return false // "Liberian riot police"
	}
	for _, m := range s.mentions {
		if m.Span.End == end && (m.Plural || m.Kind == redline.MentionDemonym) {
			return true
		}
	}
	return false
}

func (s *sentence) markUsed(from, to int) {
	if s.used == nil {
		s.used = make([]bool, len(s.toks))
	}
	for k := from; k < to && k < len(s.used); k++ {
		s.used[k] = true
	}
}

func (s *sentence) isUsed(t int) bool { return s.used != nil && s.used[t] }

// word returns token t in lower case. Sentences are read around their
// actions only, so each word is lower-cased when first asked for.
func (s *sentence) word(t int) string {
	if s.lower[t] == "" {
		s.lower[t] = strings.ToLower(s.toks[t].Span.In(s.text))
	}
	return s.lower[t]
}

func (s *sentence) skipped(sp redline.Span) bool {
	for _, k := range s.skip {
		if k.Contains(sp) {
			return true
		}
	}
	return false
}

// hasAuxBefore reports whether a modal or "to" precedes token t closely,
// which makes a base-form verb a verb ("will impose", "refused to meet").
func (s *sentence) hasAuxBefore(t int) bool {
	for k := t - 1; k >= 0 && k >= t-3; k-- {
		switch s.word(k) {
		case "will", "would", "could", "can", "may", "might", "must", "shall", "should", "to", "did", "do", "does", "'ll", "’ll":
			return true
		}
	}
	return false
}

// progressive reports whether a gerund at token t is the verb of a
// progressive or aspectual phrase ("were negotiating", "began holding").
func (s *sentence) progressive(t int) bool {
	for k := t - 1; k >= 0 && k >= t-2; k-- {
		switch s.word(k) {
		case "is", "are", "was", "were", "been", "be", "began", "begun", "started", "kept", "continued", "resumed", "'re", "’re":
			return true
		}
	}
	return false
}

// happened reports whether a nominal event at tokens [t, end) is said to
// have taken place, rather than merely being named.
func (s *sentence) happened(t, end int) bool {
	for k := max(0, t-3); k < t; k++ {
		if modeClasses.Value(s.toks[k].Fold)&covertWord != 0 || heldVerbs[s.word(k)] || s.toks[k].Kind == redline.TokenNumber {
			return true
		}
	}
	for k := end; k < len(s.toks) && k < end+4; k++ {
		if heldAfter[s.word(k)] {
			return true
		}
	}
	return false
}

var heldVerbs = map[string]bool{
	"held": true, "hold": true, "holding": true, "conducted": true, "began": true, "launched": true,
	"joined": true, "signed": true, "reached": true, "concluded": true, "opened": true, "resumed": true,
	"staged": true, "imposed": true, "carried": true, "continued": true, "organized": true, "organised": true,
	"renewed": true, "declared": true, "announced": true,
}

var heldAfter = map[string]bool{
	"took": true, "were": true, "was": true, "began": true, "resumed": true, "continued": true,
	"underway": true, "under": true, "opened": true, "started": true, "ended": true, "killed": true,
	"wounded": true, "erupted": true, "broke": true, "raged": true,
}
