package event

import "redline"

var covertWords = map[string]bool{
	"secret": true, "secretly": true, "covert": true, "covertly": true, "backchannel": true,
	"back-channel": true, "undisclosed": true, "clandestine": true, "clandestinely": true,
	"confidential": true, "quietly": true, "unpublicized": true, "unpublicised": true,
}

var allegedWords = map[string]bool{
	"reportedly": true, "allegedly": true, "alleged": true, "purportedly": true, "reported": true,
	"suspected": true, "apparently": true,
}

var negationWords = map[string]bool{
	"not": true, "n't": true, "never": true, "refused": true, "refuses": true, "refuse": true,
	"declined": true, "declines": true, "decline": true, "no": true, "failed": true, "fails": true, "fail": true,
}

var futureWords = map[string]bool{
	"will": true, "'ll": true, "’ll": true, "shall": true, "plans": true, "planned": true, "intends": true,
}

var hypotheticalWords = map[string]bool{"would": true, "could": true, "might": true, "may": true, "if": true, "unless": true}

// mode decides how the action at tokens [t, end) is known: covert and
// alleged words anywhere close, negation, future and hypothetical words
// just before the verb.
func (s *sentence) mode(t, end int) redline.Mode {
	lo, hi := max(0, t-7), min(len(s.toks), end+4)
	covert, alleged := false, false
	for k := lo; k < hi; k++ {
		w := s.word(k)
		covert = covert || covertWords[w] || (w == "in" && k+2 < len(s.toks) && s.word(k+2) == "shadows")
		alleged = alleged || allegedWords[w]
	}
	for k := t - 1; k >= max(0, t-4); k-- {
		w := s.word(k)
		switch {
		case negationWords[w]:
			return redline.ModeNegated
		case hypotheticalWords[w]:
			return redline.ModeHypothetical
		case futureWords[w]:
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
