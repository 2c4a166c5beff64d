package quote

import (
	"strings"

	"redline"
)

// nominalIn finds a statement named by a noun rather than a verb, at or
// after token from of sentence s: "the announcement by General Motors
// that it had filed", "Fiat's announcement", "In his speech, the Prime
// Minister applauded ...". The speaker is the possessor or the by-agent;
// what was said is the that-clause after the noun or, when the noun opens
// the sentence, the clause after the comma. It sets *st to the statement
// and returns the token after the noun.
func (d *doc) nominalIn(st *redline.Statement, s, from int, quotes []quoteSpan) (int, bool) {
	toks := d.sents[s].Tokens
	cs := d.classes[d.first[s]:][:len(toks)]
	for t := from; t < len(toks); t++ {
		if cs[t]&(cueNounWord|quotedTok) != cueNounWord {
			continue
		}
		who, ok := d.possessor(s, t)
		if !ok && t+1 < len(toks) && (toks[t+1].Fold == foldBy || toks[t+1].Fold == foldFrom) {
			who, ok = d.npAfter(s, t+2)
		}
		if !ok {
			continue
		}
		content := d.nominalContent(s, t)
		if content.Len() == 0 {
			continue
		}
		a := attribution{who, cueHit{lemma: strings.ToLower(d.word(s, t)), start: t, end: t + 1}, s}
		*st = d.reportedStatement(s, a, content, quotes)
		return t + 1, true
	}
	return 0, false
}

// possessor returns who owns the noun at token t: "Fiat's", "his".
func (d *doc) possessor(s, t int) (speaker, bool) {
	if t == 0 {
		return speaker{}, false
	}
	switch d.fold(s, t-1) {
	case foldHis:
		return d.pronoun(s, t-1, male)
	case foldHer:
		return d.pronoun(s, t-1, female)
	case foldIts, foldTheir:
		return d.pronoun(s, t-1, thing)
	case foldPossessive, foldCurlyPossessive:
		if t >= 2 {
			return d.speakerOfNP(s, d.npStart(s, 0, t-2), t-2)
		}
	}
	return speaker{}, false
}

// nominalContent returns what a nominal statement at token t said: a
// that-clause within a few tokens after the noun, or the clause after the
// next comma when the noun opens the sentence.
func (d *doc) nominalContent(s, t int) redline.Span {
	toks := d.sents[s].Tokens
	for k := t + 1; k < len(toks) && k <= t+8; k++ {
		f := toks[k].Fold
		if f == foldThat {
			return d.contentAfter(s, k+1)
		}
		if f == foldComma || toks[k].Kind == redline.TokenQuote {
			if t <= 3 && f == foldComma {
				return d.contentAfter(s, k+1)
			}
			break
		}
	}
	return redline.Span{}
}
