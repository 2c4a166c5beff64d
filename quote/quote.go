package quote

import (
	"cmp"
	"slices"
	"sync"

	"redline"
	"redline/verb"
)

// Extractor finds statements. Lexicon must be set.
type Extractor struct {
	Lexicon *verb.Lexicon
}

// doc is one document being read, with its stages' results indexed.
// Extract takes one from a pool and puts it back when done, so the
// buffers below serve document after document; what the statements
// returned point to (spanBlock, refBlock) is never reused.
type doc struct {
	text       string
	sents      []redline.Sentence
	mentions   []redline.Mention // in text order
	names      []name            // capitalised names the dictionary does not know, in text order
	lex        *verb.Lexicon
	hits       *verb.Hits
	quotes     []quoteSpan         // the document's quotations
	statements []redline.Statement // Extract's statements until they are copied out
	order      []int32             // the statements' indexes in text order
	covered    []bool              // per sentence: a direct quote used its cue
	tokens     []redline.Token     // every sentence's tokens, by dense index
	dense      []int32             // reused by content
	countries  []actorCountry      // countryOf's answers
	spanBlock  []redline.Span      // where newSpan puts statements' spans
	refBlock   []redline.ActorRef  // where newRef puts statements' targets
	first      []int               // dense index of each sentence's first token
	// classes holds, per dense token index, the word lists the token is
	// on and what is known of it in its place (quoteTok, cueTok,
	// capitalTok, nameTok, mentionTok, quotedTok), so that each is worked
	// out once.
	classes []wordClass
	// sentClasses holds, per sentence, the union of its tokens' classes,
	// so that a search can pass over the sentences without what it needs.
	sentClasses []wordClass
}

var docs = sync.Pool{New: func() any { return new(doc) }}

// newDoc indexes a document, in a doc from the pool. Every entry of first,
// classes and sentClasses is written before it is read, so they are not
// cleared.
func newDoc(text string, sents []redline.Sentence, mentions []redline.Mention, lex *verb.Lexicon, hits *verb.Hits) *doc {
	d := docs.Get().(*doc)
	d.text, d.sents, d.mentions, d.lex, d.hits = text, sents, mentions, lex, hits
	d.first = resize(d.first, len(sents))
	d.tokens = d.tokens[:0]
	for i, st := range sents {
		d.first[i] = len(d.tokens)
		d.tokens = append(d.tokens, st.Tokens...)
	}
	n := len(d.tokens)
	d.classes = resize(d.classes, n)
	d.sentClasses = resize(d.sentClasses, len(sents))
	colon := foldColon
	for s, st := range sents {
		cs := d.classes[d.first[s]:][:len(st.Tokens)]
		var all wordClass
		initial := true // the token opens the sentence or a quotation, where any word is capitalised
		for t := range st.Tokens {
			tok := &st.Tokens[t]
			c := wordClasses.Value(tok.Fold)
			if _, ok := hits.CueAt(s, t); ok {
				c |= cueTok
			}
			if sp := tok.Span; sp.Start >= 0 && sp.Start < sp.End && sp.End <= len(text) && text[sp.Start]-'A' < 26 {
				c |= capitalTok
				// Capitalised words can be part of a name, but not pronouns
				// and calendar words, nor a word like "The" or "Officials"
				// that is capitalised only because it comes first.
				if tok.Kind == redline.TokenWord && !(c&notNameWord != 0 && initial) && c&(pronounWord|calendarWord) == 0 {
					c |= nameTok
				}
			}
			if tok.Kind == redline.TokenQuote {
				c |= quoteTok
			}
			cs[t] = c
			all |= c
			initial = tok.Kind == redline.TokenQuote || tok.Fold == colon
		}
		d.sentClasses[s] = all
	}
	var at marker
	for i := range mentions {
		d.mark(mentionTok, mentions[i].Span, &at)
	}
	d.findNames() // after marking the mentions: names are what no mention covers
	return d
}

// resize returns s with length n, reusing its array when it is large
// enough. The elements are not cleared.
func resize[S ~[]E, E any](s S, n int) S {
	if cap(s) < n {
		return make(S, n)
	}
	return s[:n]
}

// release puts d back in the pool. It keeps the buffers, emptied, and
// lets go of the document and of anything the statements returned share.
func (d *doc) release() {
	clear(d.statements) // they hold the text's strings
	clear(d.countries)
	*d = doc{
		names: d.names[:0], quotes: d.quotes[:0], statements: d.statements[:0], order: d.order[:0], covered: d.covered[:0],
		tokens: d.tokens[:0], dense: d.dense[:0], countries: d.countries[:0],
		first: d.first[:0], classes: d.classes[:0], sentClasses: d.sentClasses[:0],
	}
	docs.Put(d)
}

func (d *doc) word(s, i int) string { return d.sents[s].Tokens[i].Span.In(d.text) }

// Extract returns the statements in a document, in text order. hits are
// the Lexicon's matches in the sentences (Lexicon.Scan), which the event
// coder shares. The mentions must be in text order and not overlap, as
// the actor matcher gives them: Extract finds them by binary search.
func (x *Extractor) Extract(text string, sents []redline.Sentence, mentions []redline.Mention, hits *verb.Hits) []redline.Statement {
	d := newDoc(text, sents, mentions, x.Lexicon, hits)
	defer d.release()
	d.quotes = findQuotes(d, d.quotes)
	quotes := d.quotes
	var at marker
	for i := range quotes {
		d.mark(quotedTok, quotes[i].content, &at)
	}
	out := d.statements
	covered := resize(d.covered, len(sents)) // sentences whose cue a direct quote used
	clear(covered)
	d.covered = covered
	var last *redline.Statement
	for i := range quotes {
		if last != nil && i > 0 && d.continues(&quotes[i-1], &quotes[i]) {
			// "We will not," he said, "negotiate under pressure.": one statement.
			last.Text += " " + quotes[i].content.In(text)
			last.Span.End = trimSpan(text, quotes[i].content).End
			continue
		}
		st, ok := d.direct(&quotes[i], last, covered)
		if ok {
			out = append(out, st)
			last = &out[len(out)-1]
		}
	}
	out = d.reported(out, quotes, covered)
	d.statements = out
	if len(out) == 0 {
		return nil
	}
	// Put the statements in text order as they are copied out, sorting
	// their indexes rather than moving the large structs about.
	order := d.order[:0]
	for i := range out {
		order = append(order, int32(i))
	}
	slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(out[a].Span.Start, out[b].Span.Start) })
	d.order = order
	res := make([]redline.Statement, len(out))
	for i, k := range order {
		res[i] = out[k]
		d.assess(&res[i])
	}
	return res
}

// mentionFrom returns the index of the first mention that starts at or
// after byte offset off, or len(d.mentions).
func (d *doc) mentionFrom(off int) int {
	lo, hi := 0, len(d.mentions)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if d.mentions[mid].Span.Start < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// marker is where mark stopped: a sentence and a token in it.
type marker struct{ s, t int }

// mark sets bit c on every token of the document that lies inside span
// sp. Called with spans in text order and the same marker, it merges the
// spans with the tokens in one pass, skipping the tokens before each span.
func (d *doc) mark(c wordClass, sp redline.Span, at *marker) {
	s, t := at.s, at.t
	// A token that starts before the span is not in it: pass over such
	// tokens a sentence at a time, then by binary search. An inverted span
	// ends the walk at its end.
	skip := min(sp.Start, sp.End)
	for s < len(d.sents) {
		toks := d.sents[s].Tokens
		if len(toks) == 0 || toks[len(toks)-1].Span.Start < skip {
			s, t = s+1, 0
			continue
		}
		if t < len(toks) && toks[t].Span.Start < skip {
			t += tokenFrom(toks[t:], skip)
		}
		break
	}
	for s < len(d.sents) {
		toks := d.sents[s].Tokens
		if t >= len(toks) {
			s, t = s+1, 0
			continue
		}
		tok := &toks[t]
		if tok.Span.Start >= sp.End {
			break
		}
		if sp.Contains(tok.Span) {
			d.classes[d.first[s]+t] |= c
		}
		t++
	}
	at.s, at.t = s, t
}

// continues reports whether quote b continues quote a around a cue in one
// sentence: "...," he said, "...".
func (d *doc) continues(a, b *quoteSpan) bool {
	if a.close.s != b.open.s || a.words < minQuoteWords {
		return false
	}
	_, _, found := d.cueIn(a.close.s, a.close.t+1, b.open.t)
	return found
}

// QuotedSpans returns the spans inside quotation marks in a document, so
// that later stages can tell the speaker's words from the author's.
func QuotedSpans(text string, sents []redline.Sentence) []redline.Span {
	d := &doc{text: text, sents: sents}
	var out []redline.Span
	for _, q := range findQuotes(d, nil) {
		out = append(out, q.content)
	}
	return out
}
