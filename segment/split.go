package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"redline"
)

// Split returns the sentences of text in order, each with its tokens.
// Whitespace between sentences belongs to none of them.
func Split(text string) []redline.Sentence {
	z := tokenizer{text: text}
	z.tokens = make([]redline.Token, 0, len(text)/5+1)
	z.breaks = make([]bool, 0, len(text)/5+1)
	z.run()
	for i := range z.tokens {
		t := &z.tokens[i]
		t.Fold = redline.FoldOf(text[t.Span.Start:t.Span.End])
	}
	return z.sentences()
}

// sentences groups the tokens into sentences.
func (z *tokenizer) sentences() []redline.Sentence {
	var out []redline.Sentence
	para, first := 0, 0
	flush := func(end int) {
		if end > first {
			toks := z.tokens[first:end:end]
			out = append(out, redline.Sentence{
				Span:      redline.Span{Start: toks[0].Span.Start, End: toks[len(toks)-1].Span.End},
				Paragraph: para,
				Tokens:    toks,
			})
		}
		first = end
	}
	for i := range z.tokens {
		if z.breaks[i] && i > first {
			flush(i)
			para++
		} else if z.breaks[i] && i > 0 {
			para++
		}
		if end, ok := z.endsSentence(i); ok {
			flush(end)
		}
	}
	flush(len(z.tokens))
	return out
}

// endsSentence reports whether token i is sentence-final punctuation that
// ends a sentence, and if so the index just past the sentence (after any
// closing quotation marks and brackets).
func (z *tokenizer) endsSentence(i int) (int, bool) {
	t := z.tokens[i]
	w := t.Span.In(z.text)
	if t.Kind == redline.TokenWord && strings.HasSuffix(w, ".") {
		// An initialism such as "U.S." may end a sentence.
		if !z.initialismEnds(i) {
			return 0, false
		}
		return i + 1, true
	}
	if t.Kind != redline.TokenPunct || (w != "." && w != "!" && w != "?" && w != "…" && w != "...") {
		return 0, false
	}
	if w == "." && i > 0 && z.abbreviation(i-1) {
		return 0, false
	}
	end := i + 1
	for end < len(z.tokens) && !z.breaks[end] && z.closer(end) && z.adjacent(end) {
		end++
	}
	if end >= len(z.tokens) || z.breaks[end] {
		return end, true
	}
	return end, z.startsSentence(end)
}

// adjacent reports whether token i touches the token before it.
func (z *tokenizer) adjacent(i int) bool {
	return z.tokens[i].Span.Start == z.tokens[i-1].Span.End
}

// closer reports whether token i closes a quotation or bracket.
func (z *tokenizer) closer(i int) bool {
	w := z.tokens[i].Span.In(z.text)
	switch w {
	case "\"", "”", "’", "'", "»", ")", "]":
		return true
	}
	return false
}

// startsSentence reports whether token i can begin a new sentence: it opens
// a quotation, or begins with an upper-case letter or a digit.
func (z *tokenizer) startsSentence(i int) bool {
	t := z.tokens[i]
	w := t.Span.In(z.text)
	if t.Kind == redline.TokenQuote || w == "(" || w == "[" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// abbreviation reports whether token i, followed by a period, is an
// abbreviation after which a sentence does not end.
func (z *tokenizer) abbreviation(i int) bool {
	t := z.tokens[i]
	if t.Kind != redline.TokenWord || z.tokens[i+1].Span.Start != t.Span.End {
		return false
	}
	w := t.Span.In(z.text)
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r) // an initial: "J. Smith"
	}
	if titles[w] {
		return true
	}
	if corporate[w] {
		// "Apple Inc. CEO Steve Jobs" continues; "shares of Apple Inc. The
		// company ..." ends.
		next := i + 2
		return next < len(z.tokens) && !starters[z.tokens[next].Span.In(z.text)]
	}
	if months[w] {
		// "Feb. 7" continues; "in Feb. The" would end, but is rare in news.
		next := i + 2
		return next < len(z.tokens) && z.tokens[next].Kind == redline.TokenNumber
	}
	return false
}

// initialismEnds reports whether an initialism with its period ("U.S.")
// ends the sentence: only when the next word plainly starts one.
func (z *tokenizer) initialismEnds(i int) bool {
	next := i + 1
	if next >= len(z.tokens) || z.breaks[next] {
		return true
	}
	w := z.tokens[next].Span.In(z.text)
	return starters[w]
}

// titles are abbreviations that precede a name and never end a sentence.
var titles = setOf("Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm",
	"Sgt", "Sen", "Rep", "Gov", "Pres", "Amb", "Rev", "Hon", "St", "Sr", "Jr", "No", "Nos", "vs", "Vol",
	"Fig", "Art", "Sec", "Dept", "Gens", "Messrs", "approx", "est", "Mt", "Ft", "etc", "cf", "al")

// corporate are company-name abbreviations, which end a sentence only
// when a plain sentence opener follows.
var corporate = setOf("Inc", "Corp", "Co", "Ltd", "Bros", "Plc", "plc", "Cos")

// months are month abbreviations written with a period.
var months = setOf("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")

// starters are words that commonly open a sentence; after "U.S." they mark a
// sentence break ("... sanctions on the U.S. The move ...").
var starters = setOf("The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That",
	"These", "Those", "But", "And", "Yet", "So", "In", "On", "At", "As", "After", "Before", "When",
	"While", "If", "His", "Her", "Its", "Their", "Our", "There", "Since", "Meanwhile", "However",
	"Still", "Officials", "Asked", "Last", "Earlier", "Later", "Then", "Now")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
