package segment

import (
	"unicode"
	"unicode/utf8"

	"redline"
)

// Split returns the sentences of text in order, each with its tokens.
// Whitespace between sentences belongs to none of them.
func Split(text string) []redline.Sentence {
	var sp Splitter
	return sp.Split(text)
}

// Splitter splits texts as Split does, but keeps its arrays from one text
// to the next: the sentences a call returns, and their tokens, are valid
// only until the next call. A pipeline that is done with a document's
// tokens once it has extracted its records spares the allocation, and the
// garbage collector the work, of a token array per document. A Splitter
// is not safe for concurrent use.
type Splitter struct {
	tokens []redline.Token
	sents  []redline.Sentence
}

// Split returns the sentences of text; see Splitter.
func (sp *Splitter) Split(text string) []redline.Sentence {
	// News prose has about one token per five bytes (20.0 per 100 in the
	// demo corpus, 19.7 in TempEval-3). Sized at exactly that, the array
	// grew, and was copied, for half the demo's documents; a quarter more
	// room costs less than the copies, as tokens hold no pointers for the
	// garbage collector to follow.
	want := len(text)/4 + 16
	if cap(sp.tokens) < want {
		sp.tokens = make([]redline.Token, 0, want)
	}
	z := tokenizer{text: text, tokens: sp.tokens[:0]}
	// A document of a few pages has a few dozen paragraphs and a few
	// hundred possible sentence ends, so their indices usually fit in
	// these arrays on the stack and cost no allocation.
	var breakArray [64]int
	var endArray [256]int
	m := z.run(marks{breaks: breakArray[:0], ends: endArray[:0]})
	sp.tokens = z.tokens[:0] // keep the array, grown or not, for the next text
	sents := z.sentences(m, sp.sents[:0])
	if sents != nil {
		sp.sents = sents[:0]
	}
	return sents
}

// marks holds what the tokenizer notes for sentences, as token indices in
// increasing order.
type marks struct {
	breaks []int // tokens that start the second and later paragraphs
	ends   []int // tokens that may end a sentence (see mayEndSentence)
}

// sentences appends to out, which it may replace with a larger array,
// the tokens grouped into sentences, which never cross a paragraph break.
func (z *tokenizer) sentences(m marks, out []redline.Sentence) []redline.Sentence {
	if len(z.tokens) == 0 {
		return nil
	}
	// Every sentence ends at a token that may end one, at a paragraph break
	// or at the end of the text, so the capacity is never exceeded.
	if n := len(m.ends) + len(m.breaks) + 1; cap(out) < n {
		out = make([]redline.Sentence, 0, n)
	}
	start, ends := 0, m.ends
	for para := 0; para <= len(m.breaks); para++ {
		end := len(z.tokens)
		if para < len(m.breaks) {
			end = m.breaks[para]
		}
		n := 0
		for n < len(ends) && ends[n] < end {
			n++
		}
		out = z.appendParagraph(out, para, start, end, ends[:n])
		start, ends = end, ends[n:]
	}
	return out
}

// appendParagraph appends to out the sentences of paragraph para, whose
// tokens are tokens[start:end]; ends holds the indices of those that may
// end a sentence.
func (z *tokenizer) appendParagraph(out []redline.Sentence, para, start, end int, ends []int) []redline.Sentence {
	first := start
	for _, i := range ends {
		if stop, ok := z.endsSentence(i, end); ok {
			out = z.appendSentence(out, para, first, stop)
			first = stop
		}
	}
	return z.appendSentence(out, para, first, end)
}

// appendSentence appends to out the sentence made of tokens[first:end], if
// that is not empty. Its tokens slice is capped so that a caller appending
// to it cannot overwrite the next sentence's tokens.
func (z *tokenizer) appendSentence(out []redline.Sentence, para, first, end int) []redline.Sentence {
	if end <= first {
		return out
	}
	toks := z.tokens[first:end:end]
	return append(out, redline.Sentence{
		Span:      redline.Span{Start: toks[0].Span.Start, End: toks[len(toks)-1].Span.End},
		Paragraph: para,
		Tokens:    toks,
	})
}

// mayEndSentence reports whether a token whose last byte is c might end a
// sentence. This one byte rules out almost every token.
func mayEndSentence(c byte) bool { return byteClass[c]&classMayEnd != 0 }

// endsSentence reports whether token i is sentence-final punctuation that
// ends a sentence, and if so the index just past the sentence (after any
// closing quotation marks and brackets). paraEnd is the index of the first
// token after token i's paragraph.
func (z *tokenizer) endsSentence(i, paraEnd int) (int, bool) {
	t := z.tokens[i]
	last := z.text[t.Span.End-1]
	if t.Kind == redline.TokenWord && last == '.' {
		// An initialism such as "U.S." may end a sentence.
		if !z.initialismEnds(i, paraEnd) {
			return 0, false
		}
		return i + 1, true
	}
	w := t.Span.In(z.text)
	if t.Kind != redline.TokenPunct || (w != "." && w != "!" && w != "?" && w != "…" && w != "...") {
		return 0, false
	}
	if w == "." && i > 0 && z.abbreviation(i-1) {
		return 0, false
	}
	end := i + 1
	for end < paraEnd && z.closer(end) && z.adjacent(end) {
		end++
	}
	if end >= paraEnd {
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
	if r, n := utf8.DecodeRuneInString(w); n == len(w) {
		return unicode.IsUpper(r) // an initial: "J. Smith"
	}
	next := i + 2
	switch abbreviations[w] {
	case titleAbbreviation:
		return true
	case corporateAbbreviation:
		// "Apple Inc. CEO Steve Jobs" continues; "shares of Apple Inc. The
		// company ..." ends.
		return next < len(z.tokens) && !starters[z.tokens[next].Span.In(z.text)]
	case monthAbbreviation:
		// "Feb. 7" continues; "in Feb. The" would end, but is rare in news.
		return next < len(z.tokens) && z.tokens[next].Kind == redline.TokenNumber
	}
	return false
}

// initialismEnds reports whether an initialism with its period ("U.S.")
// ends the sentence: only at the end of its paragraph (paraEnd is the
// index of the first token after it) or when the next word plainly starts
// a sentence.
func (z *tokenizer) initialismEnds(i, paraEnd int) bool {
	next := i + 1
	if next >= paraEnd {
		return true
	}
	w := z.tokens[next].Span.In(z.text)
	return starters[w]
}

// titles are abbreviations that precede a name and never end a sentence.
var titles = []string{"Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm",
	"Sgt", "Sen", "Rep", "Gov", "Pres", "Amb", "Rev", "Hon", "St", "Sr", "Jr", "No", "Nos", "vs", "Vol",
	"Fig", "Art", "Sec", "Dept", "Gens", "Messrs", "approx", "est", "Mt", "Ft", "etc", "cf", "al"}

// corporate are company-name abbreviations, which end a sentence only
// when a plain sentence opener follows.
var corporate = []string{"Inc", "Corp", "Co", "Ltd", "Bros", "Plc", "plc", "Cos"}

// months are month abbreviations written with a period.
var months = []string{"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}

// abbreviationKind says how an abbreviation written with a period bears on
// a sentence break.
type abbreviationKind uint8

const (
	notAbbreviation       abbreviationKind = iota
	titleAbbreviation                      // one of titles
	corporateAbbreviation                  // one of corporate
	monthAbbreviation                      // one of months
)

// abbreviations maps the words of titles, corporate and months to their
// kind, so that the word before a period is looked up once.
var abbreviations = func() map[string]abbreviationKind {
	m := make(map[string]abbreviationKind)
	for kind, words := range map[abbreviationKind][]string{
		titleAbbreviation:     titles,
		corporateAbbreviation: corporate,
		monthAbbreviation:     months,
	} {
		for _, w := range words {
			if m[w] != notAbbreviation {
				panic("segment: abbreviation " + w + " is listed twice")
			}
			m[w] = kind
		}
	}
	return m
}()

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
