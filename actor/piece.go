package actor

import (
	"slices"
	"strings"

	"redline"
)

// pieces are the parts of a sentence's tokens as the matcher sees them:
// words cut at hyphens and before a possessive "'s", the way dictionary
// phrases are. A piece is a redline.Token, with its span in the text and
// the Fold of its text, so that a sentence with no word to cut, which is
// most sentences, is matched on the segmenter's own tokens without a copy.
type pieces struct {
	toks []redline.Token
	// notes, when some word was cut, holds for each piece what its span
	// alone does not say: that it stands for a literal, or has a curly
	// apostrophe. It is empty when toks are the sentence's own tokens.
	notes []note
}

// note says what a piece stands for beyond its span. A literal piece is
// a mark (TokenPunct), so that no phrase starts with it; it matches the
// key its literal names, whatever its bytes.
type note uint8

const (
	plain      note = iota
	hyphen          // "-"
	possessive      // "'s", also for "’s", "'S" and "’S"
	apostrophe      // "'", also for "’"
	curly           // a word with a curly apostrophe, which matches a straight one
)

var (
	literals     = [...]string{hyphen: "-", possessive: "'s", apostrophe: "'"}
	literalFolds = [...]redline.Fold{
		hyphen:     redline.FoldOf("-"),
		possessive: redline.FoldOf("'s"),
		apostrophe: redline.FoldOf("'"),
	}
)

// note returns what piece i stands for.
func (ps *pieces) note(i int) note {
	if i < len(ps.notes) {
		return ps.notes[i]
	}
	return plain
}

// str returns the text of piece i: its literal's key when it stands for
// one.
func (ps *pieces) str(text string, i int) string {
	if x := ps.note(i); hyphen <= x && x <= apostrophe {
		return literals[x]
	}
	return ps.toks[i].Span.In(text)
}

// cut sets m.ps to the pieces of a sentence's tokens, and m.starts to the
// indices of those the start filter lets through. Most words have no
// hyphen or apostrophe and are one piece; finding those that have one
// takes a few searches of the whole text, not a look at every byte.
func (m *matcher) cut(toks []redline.Token) {
	m.ps.toks, m.ps.notes = m.buf[:0], m.bufNotes[:0]
	m.starts = m.starts[:0]
	copied, shift := 0, 0 // toks[:copied] are in m.ps; piece k+shift is token k after them
	for k := m.scan(toks, 0, 0); k < len(toks); k = m.scan(toks, k+1, shift) {
		t := &toks[k]
		if t.Fold != 0 && (t.Kind == redline.TokenNumber || m.marks.none(m.text, t.Span.Start, t.Span.End)) {
			// A word with no mark after all: the marks were behind it.
			if m.g.trie.starts.head(t.Fold) {
				m.starts = append(m.starts, int32(k+shift))
			}
			continue
		}
		m.copyTokens(toks[copied:k])
		m.appendToken(t)
		copied = k + 1
		shift = len(m.ps.toks) - copied
	}
	if copied == 0 {
		m.ps.toks, m.ps.notes = toks, nil
		return
	}
	m.copyTokens(toks[copied:])
	m.buf, m.bufNotes = m.ps.toks, m.ps.notes
}

// scan adds to m.starts the tokens from k on that are one piece each and
// that the start filter lets through, the kth being piece k+shift, up to
// the first token it cannot tell is one piece, whose index it returns.
// It calls nothing in its loop, so that the compiler keeps its state in
// registers: that loop is all most tokens cost.
func (m *matcher) scan(toks []redline.Token, k, shift int) int {
	starts := m.starts
	if cap(starts)-len(starts) < len(toks)-k {
		starts = slices.Grow(starts, len(toks)-k)
	}
	n := len(starts)
	starts = starts[:cap(starts)]
	from, next := m.marks.from, m.marks.next
	filter := &m.g.trie.starts
	for ; k < len(toks); k++ {
		t := &toks[k]
		if t.Fold == 0 {
			break
		}
		switch t.Kind {
		case redline.TokenWord:
			if t.Span.Start < from || t.Span.End > next || t.Span.Start >= t.Span.End {
				m.starts = starts[:n]
				return k
			}
		case redline.TokenNumber:
		default:
			continue
		}
		if !filter.head(t.Fold) {
			continue
		}
		if k+1 < len(toks) {
			// The next token is the next piece, unless it is a word
			// with a mark or not folded: then it may start any phrase.
			u := &toks[k+1]
			if u.Fold != 0 && (u.Kind != redline.TokenWord || u.Span.Start >= from && u.Span.End <= next) &&
				!filter.mayStart(t.Fold, u.Fold) {
				continue
			}
		} else if !filter.alone.has(mix(t.Fold)) {
			continue
		}
		starts[n] = int32(k + shift)
		n++
	}
	m.starts = starts[:n]
	return k
}

// copyTokens appends tokens that are one piece each.
func (m *matcher) copyTokens(toks []redline.Token) {
	m.ps.toks = append(m.ps.toks, toks...)
	m.ps.notes = append(m.ps.notes, make([]note, len(toks))...) // all plain
}

// appendToken appends the pieces of a token cut leaves whole: a word that
// may have a hyphen or apostrophe, or a token the segmenter did not fold.
func (m *matcher) appendToken(t *redline.Token) {
	start, end := t.Span.Start, t.Span.End
	if t.Kind != redline.TokenWord {
		p := *t
		p.Fold = redline.FoldOf(m.text[start:end])
		m.appendPiece(p, plain)
		return
	}
	lo := start
	for i := start; i < end; i++ {
		if m.text[i] == '-' {
			m.appendWord(lo, i, 0)
			m.appendLiteral(i, i+1, hyphen)
			lo = i + 1
		}
	}
	if lo == start {
		m.appendWord(start, end, t.Fold) // no hyphen: a word of its own, such as "'s"
	} else {
		m.appendWord(lo, end, 0)
	}
}

// appendWord appends a hyphen-free word, split before a possessive suffix.
// f is the word's Fold, or 0 when the caller has not computed it.
func (m *matcher) appendWord(start, end int, f redline.Fold) {
	if start >= end {
		return
	}
	w := m.text[start:end]
	if cut := possessiveAt(w); cut > 0 {
		m.appendWord(start, start+cut, 0)
		m.appendLiteral(start+cut, end, possessive)
		return
	}
	switch w {
	case "’s", "'S", "’S":
		m.appendLiteral(start, end, possessive)
		return
	case "’":
		m.appendLiteral(start, end, apostrophe)
		return
	}
	p := redline.Token{Span: redline.Span{Start: start, End: end}, Kind: redline.TokenWord, Fold: f}
	switch {
	case strings.IndexByte(w, 0xE2) >= 0 && strings.Contains(w, "’"):
		p.Fold = straightFold(w)
		m.appendPiece(p, curly)
		return
	case f == 0:
		p.Fold = redline.FoldOf(w)
	}
	m.appendPiece(p, plain)
}

func (m *matcher) appendLiteral(start, end int, x note) {
	m.appendPiece(redline.Token{Span: redline.Span{Start: start, End: end}, Kind: redline.TokenPunct, Fold: literalFolds[x]}, x)
}

// appendPiece appends p, and lists it in m.starts if a phrase may start
// with it.
func (m *matcher) appendPiece(p redline.Token, x note) {
	if p.Kind <= redline.TokenNumber && m.g.trie.starts.head(p.Fold) {
		m.starts = append(m.starts, int32(len(m.ps.toks)))
	}
	m.ps.toks = append(m.ps.toks, p)
	m.ps.notes = append(m.ps.notes, x)
}

// straightFold returns the Fold of w with its curly apostrophes straight,
// or 0, which no key has, when w is too long to match that way.
func straightFold(w string) redline.Fold {
	if len(w) > maxKey {
		return 0
	}
	var buf [maxKey]byte
	return redline.FoldOf(fold(buf[:0], w))
}

// possessiveAt returns where a trailing "'s" or "’s" starts in w, or 0.
func possessiveAt(w string) int {
	switch n := len(w); {
	case n > len("'s") && w[n-len("'s"):] == "'s":
		return n - len("'s")
	case n > len("’s") && w[n-len("’s"):] == "’s":
		return n - len("’s")
	}
	return 0
}

// marks finds the bytes that make a word more than one plain piece: a
// hyphen, a straight apostrophe, and 0xE2, the first byte of a curly
// one. Each is found with one search of the text per occurrence, so a
// word costs a comparison with the nearest of them.
type marks struct {
	from int    // the positions below are the first at or after from
	at   [3]int // of each byte of markBytes, or the length of the text
	next int    // the least of at
}

var markBytes = [...]byte{'-', '\'', 0xE2}

// reset forgets every position found, for a new text.
func (k *marks) reset() { *k = marks{at: [3]int{-1, -1, -1}, next: -1} }

// none reports whether the word text[start:end] is not empty and has
// none of the marks. Words are asked about in text order, which keeps the
// searches few; asking about an earlier word starts them again.
func (k *marks) none(text string, start, end int) bool {
	return start >= k.from && end <= k.next && start < end || k.search(text, start, end)
}

// search moves the marks up to start, and reports whether text[start:end]
// is not empty and has none of them.
func (k *marks) search(text string, start, end int) bool {
	if start < k.from {
		k.at = [3]int{-1, -1, -1}
	}
	k.from, k.next = start, len(text)
	for j, c := range markBytes {
		if k.at[j] < start {
			k.at[j] = len(text)
			if i := strings.IndexByte(text[start:], c); i >= 0 {
				k.at[j] = start + i
			}
		}
		k.next = min(k.next, k.at[j])
	}
	return k.next >= end && start < end
}
