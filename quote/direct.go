package quote

import (
	"strings"

	"redline"
)

// cueHit is a reporting cue found near a quote: tokens [start, end) of
// its sentence. The zero cueHit stands for no cue.
type cueHit struct {
	lemma      string
	start, end int
	according  bool
}

// span returns the text span of the cue in sentence s, with the medium
// that follows it ("said in a statement", "told in an interview"), or nil
// for no cue.
func (h *cueHit) span(d *doc, s int) *redline.Span {
	toks := d.sents[s].Tokens
	if h.start < 0 || h.end > len(toks) || h.start >= h.end {
		return nil
	}
	end := h.end
	if end+2 < len(toks) && toks[end].Fold == foldIn && d.is(s, end+1, determinerWord) && d.is(s, end+2, cueNounWord) {
		end += 3
	}
	return d.newSpan(redline.Span{Start: toks[h.start].Span.Start, End: toks[end-1].Span.End})
}

// cueNouns name a statement: "in a statement", "Fiat's announcement".
var cueNouns = []string{
	"statement", "announcement", "declaration", "speech", "report",
	"remarks", "comments", "response", "interview", "letter",
	"message", "address", "briefing", "warning", "post", "tweet",
}

// minQuoteWords is the fewest words a quotation needs to be a statement of
// its own; shorter ones ("maximum pressure") are scare quotes or parts of
// mixed quotes.
const minQuoteWords = 3

// attribution is who said a quote and with which cue, if any, in which
// sentence.
type attribution struct {
	who  speaker
	cue  cueHit
	sent int
}

// direct attributes one direct quote. last is the previous statement found,
// for quotes with no cue of their own. covered marks sentences whose cue
// the quote used, so reported speech does not count them again.
func (d *doc) direct(q *quoteSpan, last *redline.Statement, covered []bool) (redline.Statement, bool) {
	if q.words < minQuoteWords {
		return redline.Statement{}, false
	}
	st := redline.Statement{
		Sentence: q.open.s, Kind: redline.QuoteDirect, Span: trimSpan(d.text, q.content),
		Text: strings.TrimSpace(q.content.In(d.text)), Conditions: []string{},
	}
	a, ok := d.attributeAfter(q)
	if !ok {
		a, ok = d.attributeBefore(q)
	}
	if ok {
		covered[a.sent] = true
		d.setSpeaker(&st, &a)
		return st, true
	}
	if a, ok := d.floating(q, last); ok {
		d.setSpeaker(&st, &a)
		return st, true
	}
	return redline.Statement{}, false
}

// setSpeaker records an attribution on a statement.
func (d *doc) setSpeaker(st *redline.Statement, a *attribution) {
	st.Speaker = a.who.actor
	if a.who.span.End > 0 {
		st.SpeakerSpan = d.newSpan(a.who.span)
	}
	st.Cue = a.cue.lemma
	st.CueSpan = a.cue.span(d, a.sent)
}

// newSpan returns a pointer to a copy of sp. The copies are carved from
// blocks, so that a document's statements take a few allocations for
// their spans rather than two each.
func (d *doc) newSpan(sp redline.Span) *redline.Span {
	if len(d.spanBlock) == cap(d.spanBlock) {
		d.spanBlock = make([]redline.Span, 0, 32)
	}
	d.spanBlock = append(d.spanBlock, sp)
	return &d.spanBlock[len(d.spanBlock)-1]
}

// attributeAfter looks for `"...," X said` and `"...," said X` after the
// closing mark, in the sentence where the quote closes.
func (d *doc) attributeAfter(q *quoteSpan) (attribution, bool) {
	s := q.close.s
	if s >= len(d.sents) || q.close.t >= len(d.sents[s].Tokens) {
		return attribution{}, false
	}
	c, hit, found := d.cueIn(s, q.close.t+1, q.close.t+9)
	if !found {
		return attribution{}, false
	}
	who, ok := d.speakerAt(s, q.close.t+1, c, &hit)
	return attribution{who, hit, s}, ok
}

// attributeBefore looks for `X said: "..."` and `according to X, "..."`
// before the opening mark, in the sentence where the quote opens.
func (d *doc) attributeBefore(q *quoteSpan) (attribution, bool) {
	s := q.open.s
	c, hit, found := d.cueBefore(s, q.open.t)
	if !found {
		return attribution{}, false
	}
	if hit.according {
		who, ok := d.npAfter(s, c+1)
		return attribution{who, hit, s}, ok
	}
	who, ok := d.speakerAt(s, 0, c, &hit)
	return attribution{who, hit, s}, ok
}

// floating attributes a quote with no cue of its own: to the person a
// sentence just before it introduced with a cue ("This is what he
// said:"), or to the speaker of the previous statement when it is in the
// same or the previous paragraph.
func (d *doc) floating(q *quoteSpan, last *redline.Statement) (attribution, bool) {
	if s := q.open.s - 1; s >= 0 && q.open.t == 0 {
		toks := d.sents[s].Tokens
		if n := len(toks); n > 0 && (toks[n-1].Fold == foldColon || d.hasCue(s)) {
			if c, hit, found := d.cueIn(s, 0, n); found {
				if who, ok := d.speakerAt(s, 0, c, &hit); ok {
					return attribution{who: who, sent: s}, true
				}
			}
		}
	}
	if last != nil && (last.Speaker.ID != "" || last.Speaker.Name != "") && q.paragraph-d.sents[last.Sentence].Paragraph <= 1 {
		return attribution{who: speaker{actor: last.Speaker}, sent: last.Sentence}, true
	}
	return attribution{}, false
}

func (d *doc) hasCue(s int) bool {
	_, _, found := d.cueIn(s, 0, len(d.sents[s].Tokens))
	return found
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
