package quote

import "redline"

// pos is a token position: sentence and token index.
type pos struct{ s, t int }

// quoteSpan is one pair of quotation marks and what they enclose.
type quoteSpan struct {
	open, close pos // close.t may be len(Tokens) when the mark never closed
	content     redline.Span
	words       int
	paragraph   int
}

// mark classifies a quotation token as opening, closing or either.
func mark(w string) (opens, closes bool) {
	switch w {
	case "“", "«", "„":
		return true, false
	case "”", "»":
		return false, true
	case "\"", "``", "''":
		return true, true
	}
	return false, false
}

// findQuotes pairs quotation marks across the document and appends them
// to out[:0]. Straight marks alternate; a mark left open at the end of a
// paragraph closes there. It passes over the sentences newDoc found
// without quotation marks; a doc that newDoc did not make has every
// sentence read.
func findQuotes(d *doc, out []quoteSpan) []quoteSpan {
	out = out[:0]
	var open pos
	opened := false
	para := -1
	closeAt := func(end pos, endByte int) {
		if !opened {
			return
		}
		start := d.sents[open.s].Tokens[open.t].Span.End
		q := quoteSpan{open: open, close: end, content: redline.Span{Start: start, End: endByte}, paragraph: d.sents[open.s].Paragraph}
		q.words = countWords(d, open, end)
		if q.content.End > q.content.Start {
			out = append(out, q)
		}
		opened = false
	}
	for s := range d.sents {
		sent := &d.sents[s]
		if sent.Paragraph != para && opened {
			prev := &d.sents[s-1]
			closeAt(pos{s - 1, len(prev.Tokens)}, prev.Span.End)
		}
		para = sent.Paragraph
		if d.sentClasses != nil && d.sentClasses[s]&quoteTok == 0 {
			continue // no quotation mark opens or closes here
		}
		toks := sent.Tokens
		for t := range toks {
			if toks[t].Kind != redline.TokenQuote {
				continue
			}
			tok := &toks[t]
			opens, closes := mark(tok.Span.In(d.text))
			switch {
			case opened && closes:
				closeAt(pos{s, t}, tok.Span.Start)
			case !opened && opens:
				open, opened = pos{s, t}, true
			}
		}
	}
	if opened {
		last := d.sents[len(d.sents)-1]
		closeAt(pos{len(d.sents) - 1, len(last.Tokens)}, last.Span.End)
	}
	return out
}

// countWords counts the word tokens strictly between two positions.
func countWords(d *doc, from, to pos) int {
	n := 0
	for s := from.s; s <= to.s && s < len(d.sents); s++ {
		toks := d.sents[s].Tokens
		start, end := 0, len(toks)
		if s == from.s {
			start = from.t + 1
		}
		if s == to.s {
			end = to.t
		}
		for t := start; t < end && t < len(toks); t++ {
			if toks[t].Kind == redline.TokenWord {
				n++
			}
		}
	}
	return n
}
