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

// classOf returns the lists a token's word is on.
func classOf(t redline.Token) wordClass { return wordClasses.Value(t.Fold) }

// is reports whether token t of sentence s is on any of the lists in c.
func (d *doc) is(s, t int, c wordClass) bool { return d.classes[d.first[s]+t]&c != 0 }

// capitalised reports whether token t of sentence s starts with a capital
// letter.
func (d *doc) capitalised(s, t int) bool {
	w := d.word(s, t)
	return w != "" && w[0] >= 'A' && w[0] <= 'Z'
}

// Folds of single words the code compares tokens with.
var (
	foldIn        = redline.FoldOf("in")
	foldOn        = redline.FoldOf("on")
	foldAt        = redline.FoldOf("at")
	foldTo        = redline.FoldOf("to")
	foldAccording = redline.FoldOf("according")
)
