package quote

import (
	"strings"

	"redline"
)

// wordClass is the set of this package's word lists a word is on, as
// bits, so that one look-up of a token's Fold answers every list. The
// lists compare words up to case; the callers of the lists of capitalised
// words (names, titles, calendar words) check the capital themselves.
type wordClass uint32

const (
	negatorWord wordClass = 1 << iota
	absoluteWord
	hedgeWord
	firmWord
	hostileWord
	determinerWord
	cueNounWord
	locativeWord
	auxiliaryWord
	sentenceAdverbWord
	npBoundaryWord
	clauseBoundaryWord
	conditionWord // the first word of a conditionStarts phrase
	roleNounWord
	orgNounWord
	speakerNounWord // a speaker noun or its plural
	notNameWord
	pronounWord
	calendarWord
	titleWord
	placeWord
	orgWord
	abbreviationWord // takes a period that does not end the phrase: "Inc.", "Mr."
	commaWord
	beWord // a form of "be" that makes a participle passive: "was warned"
	accordingWord
)

// Bits that describe a token in its place rather than its word. They are
// never in wordClasses: newDoc and Extract set them in doc.classes.
const (
	quoteTok   wordClass = 1 << (iota + 26) // a quotation mark
	cueTok                                  // starts a reporting cue (verb.Hits.CueAt)
	capitalTok                              // starts with a capital letter A-Z
	nameTok                                 // a capitalised word that can be part of a name
	mentionTok                              // inside an actor mention
	quotedTok                               // inside quotation marks
)

// clauseBoundaries end a clause for negation scope.
var clauseBoundaries = []string{",", ";", ":", ".", "!", "?", "and", "but", "while", "whereas", "although", "though", "because"}

var wordClasses = func() *redline.FoldMap[wordClass] {
	conditionFirst := make([]string, len(conditionStarts))
	for i, words := range conditionStarts {
		conditionFirst[i] = words[0]
	}
	abbreviations := []string{"Co", "St", "Jr", "Sr"}
	for _, w := range append(orgWords[:len(orgWords):len(orgWords)], titleWords...) {
		if strings.HasSuffix(w, ".") {
			abbreviations = append(abbreviations, strings.TrimSuffix(w, "."))
		}
	}
	return redline.WordClasses(map[wordClass][]string{
		negatorWord:        negators,
		absoluteWord:       absolutes,
		hedgeWord:          hedges,
		firmWord:           firms,
		hostileWord:        hostile,
		determinerWord:     determiners,
		cueNounWord:        cueNouns,
		locativeWord:       locatives,
		auxiliaryWord:      auxiliaries,
		sentenceAdverbWord: sentenceAdverbs,
		npBoundaryWord:     boundaries,
		clauseBoundaryWord: clauseBoundaries,
		conditionWord:      conditionFirst,
		roleNounWord:       roleNouns,
		orgNounWord:        orgNouns,
		speakerNounWord:    append(plurals(speakerNouns), speakerNouns...),
		notNameWord:        notNames,
		pronounWord:        pronounWords,
		calendarWord:       calendarWords,
		titleWord:          titleWords,
		placeWord:          placeWords,
		orgWord:            orgWords,
		abbreviationWord:   abbreviations,
		commaWord:          {","},
		beWord:             {"be", "been", "being", "is", "are", "was", "were"},
		accordingWord:      {"according"},
	})
}()

// plurals returns the plural of each noun: "officials", "authorities".
func plurals(nouns []string) []string {
	out := make([]string, 0, 2*len(nouns))
	for _, n := range nouns {
		out = append(out, n+"s")
		if strings.HasSuffix(n, "y") {
			out = append(out, n[:len(n)-1]+"ies")
		}
	}
	return out
}

// is reports whether token t of sentence s is on any of the lists in c.
func (d *doc) is(s, t int, c wordClass) bool { return d.classes[d.first[s]+t]&c != 0 }

// capitalised reports whether token t of sentence s starts with a capital
// letter.
func (d *doc) capitalised(s, t int) bool { return d.is(s, t, capitalTok) }

// fold returns the Fold of token t of sentence s: comparing it with the
// Fold of a word compares the token's text with the word up to case.
func (d *doc) fold(s, t int) redline.Fold { return d.sents[s].Tokens[t].Fold }

// Folds of single words the code compares tokens with.
var (
	foldIn              = redline.FoldOf("in")
	foldOn              = redline.FoldOf("on")
	foldAt              = redline.FoldOf("at")
	foldTo              = redline.FoldOf("to")
	foldBy              = redline.FoldOf("by")
	foldFrom            = redline.FoldOf("from")
	foldThat            = redline.FoldOf("that")
	foldAs              = redline.FoldOf("as")
	foldAnd             = redline.FoldOf("and")
	foldWho             = redline.FoldOf("who")
	foldWhich           = redline.FoldOf("which")
	foldHe              = redline.FoldOf("he")
	foldShe             = redline.FoldOf("she")
	foldIt              = redline.FoldOf("it")
	foldThey            = redline.FoldOf("they")
	foldI               = redline.FoldOf("i")
	foldWe              = redline.FoldOf("we")
	foldHis             = redline.FoldOf("his")
	foldHer             = redline.FoldOf("her")
	foldIts             = redline.FoldOf("its")
	foldTheir           = redline.FoldOf("their")
	foldPossessive      = redline.FoldOf("'s")
	foldCurlyPossessive = redline.FoldOf("’s")
	foldComma           = redline.FoldOf(",")
	foldSemicolon       = redline.FoldOf(";")
	foldColon           = redline.FoldOf(":")
	foldPeriod          = redline.FoldOf(".")
)
