package quote

import (
	"sort"

	"redline"
	"redline/verb"
)

// Extractor finds statements. Lexicon must be set.
type Extractor struct {
	Lexicon *verb.Lexicon
}

// doc is one document being read, with its stages' results indexed.
type doc struct {
	text              string
	sents             []redline.Sentence
	mentions          []redline.Mention // in text order
	bySent            [][]int           // mention indexes per sentence
	names             []name            // capitalised names the dictionary does not know, in text order
	lex               *verb.Lexicon
	hits              *verb.Hits
	tokBuf            []redline.Token // reused by content
	global            []int32         // lexicon hit index of each token in tokBuf
	first             []int           // dense index of each sentence's first token
	classes           []wordClass     // per dense token index: the word lists the token is on
	mentioned, quoted []bool          // per dense token index: inside a mention, inside quotation marks
}

func newDoc(text string, sents []redline.Sentence, mentions []redline.Mention, lex *verb.Lexicon, hits *verb.Hits) *doc {
	d := &doc{text: text, sents: sents, mentions: mentions, bySent: make([][]int, len(sents)), lex: lex, hits: hits}
	d.first = make([]int, len(sents))
	n := 0
	for i, st := range sents {
		d.first[i] = n
		n += len(st.Tokens)
	}
	d.classes = make([]wordClass, 0, n)
	for _, st := range sents {
		for _, t := range st.Tokens {
			d.classes = append(d.classes, classOf(t))
		}
	}
	for i, m := range mentions {
		if m.Sentence >= 0 && m.Sentence < len(sents) {
			d.bySent[m.Sentence] = append(d.bySent[m.Sentence], i)
		}
	}
	d.mentioned = d.coverage(func(yield func(redline.Span) bool) {
		for _, m := range mentions {
			if !yield(m.Span) {
				return
			}
		}
	})
	d.findNames() // after the mention coverage: names are what no mention covers
	return d
}

func (d *doc) word(s, i int) string { return d.sents[s].Tokens[i].Span.In(d.text) }

// Extract returns the statements in a document, in text order. hits are
// the Lexicon's matches in the sentences (Lexicon.Scan), which the event
// coder shares.
func (x *Extractor) Extract(text string, sents []redline.Sentence, mentions []redline.Mention, hits *verb.Hits) []redline.Statement {
	d := newDoc(text, sents, mentions, x.Lexicon, hits)
	quotes := findQuotes(d)
	d.quoted = d.coverage(func(yield func(redline.Span) bool) {
		for _, q := range quotes {
			if !yield(q.content) {
				return
			}
		}
	})
	var out []redline.Statement
	covered := make([]bool, len(sents)) // sentences whose cue a direct quote used
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
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	for i := range out {
		d.assess(&out[i], quotes)
	}
	return out
}

// coverage marks, for every token of the document in dense order, whether
// it lies inside one of the spans, which must come in text order. It
// merges the two ordered lists in one pass.
func (d *doc) coverage(spans func(yield func(redline.Span) bool)) []bool {
	n := 0
	if k := len(d.sents); k > 0 {
		n = d.first[k-1] + len(d.sents[k-1].Tokens)
	}
	out := make([]bool, n)
	s, t := 0, 0
	for sp := range spans {
		for s < len(d.sents) {
			if t >= len(d.sents[s].Tokens) {
				s, t = s+1, 0
				continue
			}
			tok := d.sents[s].Tokens[t]
			if tok.Span.Start >= sp.End {
				break
			}
			if sp.Contains(tok.Span) {
				out[d.first[s]+t] = true
			}
			t++
		}
	}
	return out
}

// continues reports whether quote b continues quote a around a cue in one
// sentence: "...," he said, "...".
func (d *doc) continues(a, b *quoteSpan) bool {
	if a.close.s != b.open.s || a.words < minQuoteWords {
		return false
	}
	_, hit := d.cueIn(a.close.s, a.close.t+1, b.open.t)
	return hit != nil
}

// QuotedSpans returns the spans inside quotation marks in a document, so
// that later stages can tell the speaker's words from the author's.
func QuotedSpans(text string, sents []redline.Sentence) []redline.Span {
	d := &doc{text: text, sents: sents}
	var out []redline.Span
	for _, q := range findQuotes(d) {
		out = append(out, q.content)
	}
	return out
}
