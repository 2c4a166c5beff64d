package quote

import (
	"strings"

	"redline"
	"redline/verb"
)

// cueHit is a reporting cue found near a quote.
type cueHit struct {
	lemma     string
	end       int
	match     verb.Match
	according bool
}

// minQuoteWords is the fewest words a quotation needs to be a statement of
// its own; shorter ones ("maximum pressure") are scare quotes or parts of
// mixed quotes.
const minQuoteWords = 3

// direct attributes one direct quote. last is the previous statement found,
// for quotes with no cue of their own. covered marks sentences whose cue
// the quote used, so reported speech does not count them again.
func (d *doc) direct(q *quoteSpan, last *redline.Statement, covered []bool) (redline.Statement, bool) {
	if q.words < minQuoteWords {
		return redline.Statement{}, false
	}
	st := redline.Statement{
		Sentence: q.open.s, Kind: redline.QuoteDirect, Span: q.content,
		Text: strings.TrimSpace(q.content.In(d.text)), Conditions: []string{},
	}
	st.Span = trimSpan(d.text, st.Span)
	if ref, cue, s, ok := d.attributeAfter(q); ok {
		st.Speaker, st.Cue = ref, cue
		covered[s] = true
		return st, true
	}
	if ref, cue, ok := d.attributeBefore(q); ok {
		st.Speaker, st.Cue = ref, cue
		covered[q.open.s] = true
		return st, true
	}
	if ref, ok := d.floating(q, last); ok {
		st.Speaker, st.Cue = ref, ""
		return st, true
	}
	return redline.Statement{}, false
}

// attributeAfter looks for `"...," X said` and `"...," said X` after the
// closing mark, in the sentence where the quote closes.
func (d *doc) attributeAfter(q *quoteSpan) (redline.ActorRef, string, int, bool) {
	s := q.close.s
	if s >= len(d.sents) || q.close.t >= len(d.sents[s].Tokens) {
		return redline.ActorRef{}, "", 0, false
	}
	c, hit := d.cueIn(s, q.close.t+1, q.close.t+9)
	if hit == nil {
		return redline.ActorRef{}, "", 0, false
	}
	ref, ok := d.speakerAt(s, q.close.t+1, c)
	return ref, hit.lemma, s, ok
}

// attributeBefore looks for `X said: "..."` and `according to X, "..."`
// before the opening mark, in the sentence where the quote opens.
func (d *doc) attributeBefore(q *quoteSpan) (redline.ActorRef, string, bool) {
	s := q.open.s
	c, hit := d.cueBefore(s, q.open.t)
	if hit == nil {
		return redline.ActorRef{}, "", false
	}
	if hit.according {
		ref, ok := d.firstReferent(s, c+1, q.open.t)
		return ref, hit.lemma, ok
	}
	ref, ok := d.speakerAt(s, 0, c)
	return ref, hit.lemma, ok
}

// firstReferent returns the first actor referred to in tokens [from, to).
func (d *doc) firstReferent(s, from, to int) (redline.ActorRef, bool) {
	for t := from; t < to && t < len(d.sents[s].Tokens); t++ {
		if ref, ok := d.referent(s, t); ok {
			return ref, true
		}
	}
	return redline.ActorRef{}, false
}

// floating attributes a quote with no cue of its own: to the speaker of
// the previous statement when it is in the same or the previous
// paragraph, or to the person a colon-ended sentence just before it
// introduced ("This is what he said:").
func (d *doc) floating(q *quoteSpan, last *redline.Statement) (redline.ActorRef, bool) {
	if s := q.open.s - 1; s >= 0 && q.open.t == 0 {
		toks := d.sents[s].Tokens
		if n := len(toks); n > 0 && (d.word(s, n-1) == ":" || d.hasCue(s)) {
			if c, hit := d.cueIn(s, 0, n); hit != nil {
				if ref, ok := d.speakerAt(s, 0, c); ok {
					return ref, true
				}
			}
		}
	}
	if last != nil && last.Speaker.ID != "" && q.paragraph-d.sents[last.Sentence].Paragraph <= 1 {
		return last.Speaker, true
	}
	return redline.ActorRef{}, false
}

func (d *doc) hasCue(s int) bool {
	_, hit := d.cueIn(s, 0, len(d.sents[s].Tokens))
	return hit != nil
}

// trimSpan narrows a span to exclude surrounding white space.
func trimSpan(text string, sp redline.Span) redline.Span {
	for sp.Start < sp.End && isSpaceByte(text[sp.Start]) {
		sp.Start++
	}
	for sp.End > sp.Start && isSpaceByte(text[sp.End-1]) {
		sp.End--
	}
	return sp
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }
