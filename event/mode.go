package event

import "redline"

var covertWords = []string{
	"secret", "secretly", "covert", "covertly", "backchannel",
	"back-channel", "undisclosed", "clandestine", "clandestinely",
	"confidential", "quietly", "unpublicized", "unpublicised",
}

var allegedWords = []string{
	"reportedly", "allegedly", "alleged", "purportedly", "reported",
	"suspected", "apparently",
}

var negationWords = []string{
	"not", "n't", "never", "refused", "refuses", "refuse",
	"declined", "declines", "decline", "no", "failed", "fails", "fail",
}

var futureWords = []string{
	"will", "'ll", "’ll", "shall", "plans", "planned", "intends",
}

var hypotheticalWords = []string{"would", "could", "might", "may", "if", "unless"}

// modeClass is the set of the mode word lists a word is on, as bits.
type modeClass uint8

const (
	covertWord modeClass = 1 << iota
	allegedWord
	negationWord
	futureWord
	hypotheticalWord
)

var modeClasses = redline.WordClasses(map[modeClass][]string{
	covertWord: covertWords, allegedWord: allegedWords, negationWord: negationWords,
	futureWord: futureWords, hypotheticalWord: hypotheticalWords,
})

var foldIn, foldShadows = redline.FoldOf("in"), redline.FoldOf("shadows")

// mode decides how the action at tokens [t, end) is known: covert and
// alleged words anywhere close, negation, future and hypothetical words
// just before the verb.
func (s *sentence) mode(t, end int) redline.Mode {
	lo, hi := max(0, t-7), min(len(s.toks), end+4)
	covert, alleged := false, false
	for k := lo; k < hi; k++ {
		c := modeClasses.Value(s.toks[k].Fold)
		covert = covert || c&covertWord != 0 || (s.toks[k].Fold == foldIn && k+2 < len(s.toks) && s.toks[k+2].Fold == foldShadows)
		alleged = alleged || c&allegedWord != 0
	}
	for k := t - 1; k >= max(0, t-4); k-- {
		switch c := modeClasses.Value(s.toks[k].Fold); {
		case c&negationWord != 0:
			return redline.ModeNegated
		case c&hypotheticalWord != 0:
			return redline.ModeHypothetical
		case c&futureWord != 0:
			return redline.ModeFuture
		}
	}
	switch {
	case covert:
		return redline.ModeCovert
	case alleged:
		return redline.ModeAlleged
	}
	return redline.ModePublic
}
