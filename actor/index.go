package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"redline"
)

// hitKind says what a dictionary phrase names.
type hitKind uint8

const (
	hitName    hitKind = iota // a name or alias of an actor
	hitDemonym                // "Iranian", "Iranians"
	hitCapital                // "Tehran"
	hitTitle                  // "president", "foreign minister"
	hitExcept                 // "Latin America": a longer phrase that names no actor
)

// hit is what a phrase of the dictionary stands for.
type hit struct {
	kind   hitKind
	plural bool
	id     int32 // an actor index, or a title index for hitTitle
}

// node is a state of the phrase trie. Edges are keyed by token text: as
// written for dictionary tokens that have a capital letter, and folded to
// lower case for tokens written in lower case, which match in any case.
type node struct {
	next map[string]*node
	hits []hit
}

// insert adds a phrase, given as its tokens, to the trie below n.
func (n *node) insert(toks []string, h hit) {
	for _, t := range toks {
		if n.next == nil {
			n.next = make(map[string]*node)
		}
		key := dictKey(t)
		c := n.next[key]
		if c == nil {
			c = &node{}
			n.next[key] = c
		}
		n = c
	}
	for _, old := range n.hits {
		if old == h {
			return
		}
	}
	n.hits = append(n.hits, h)
}

// dictKey returns the trie key of a dictionary token: the token itself when
// it has a capital letter, its lower-case fold when it has none.
func dictKey(t string) string {
	t = strings.ReplaceAll(t, "’", "'")
	if hasUpper(t) {
		return t
	}
	return string(fold(nil, t))
}

// hasUpper reports whether s has an upper-case letter.
func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// fold appends s to dst with ASCII letters in lower case and the curly
// apostrophe written straight.
func fold(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x99:
			c, i = '\'', i+2
		}
		dst = append(dst, c)
	}
	return dst
}

// straighten appends s to dst with curly apostrophes written straight and
// case kept.
func straighten(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x99 {
			c, i = '\'', i+2
		}
		dst = append(dst, c)
	}
	return dst
}

// vtok is a piece of a text token as the matcher sees it: words are cut at
// hyphens and before a possessive "'s", the way dictionary phrases are.
//
// A vtok holds no pointer, so a sentence's pieces cost the garbage
// collector nothing: its text is the document's text[start:end], or a
// literal the piece stands for.
type vtok struct {
	start, end int32
	flags      uint8
	literal    uint8 // litNone, or the key the piece stands for whatever its bytes
}

// Literal keys of pieces: a hyphen, and a possessive or apostrophe in
// either form ("’s" keys as "'s").
const (
	litNone uint8 = iota
	litHyphen
	litPossessive
	litApostrophe
)

var literals = [...]string{litHyphen: "-", litPossessive: "'s", litApostrophe: "'"}

// str returns the text of the piece: its key when it stands for a literal.
func (t *vtok) str(text string) string {
	if t.literal != litNone {
		return literals[t.literal]
	}
	return text[t.start:t.end]
}

const (
	vWord  uint8 = 1 << iota // a word or number that may start a phrase
	vUpper                   // has an ASCII capital: also try the folded key
	vCurly                   // has a curly apostrophe: keys need straightening
)

// appendPieces appends the pieces of the token text[start:end] to vt. Most
// words are one piece; the loop looks at each byte once to find out.
func appendPieces(vt []vtok, text string, start, end int, kind redline.TokenKind) []vtok {
	if kind != redline.TokenWord {
		var f uint8
		if kind == redline.TokenNumber {
			f = vWord
		}
		return append(vt, vtok{start: int32(start), end: int32(end), flags: f})
	}
	lo, f := start, vWord
	for i := start; i < end; i++ {
		switch c := text[i]; {
		case 'A' <= c && c <= 'Z':
			f |= vUpper
		case c == '-':
			vt = appendWord(vt, text, lo, i, f)
			vt = append(vt, vtok{start: int32(i), end: int32(i + 1), literal: litHyphen})
			lo, f = i+1, vWord
		case c == '\'' || c == 0xE2:
			f |= vCurly // checked again in appendWord
		}
	}
	return appendWord(vt, text, lo, end, f)
}

// appendWord appends a hyphen-free word, split before a possessive suffix.
// f holds what appendPieces saw; vCurly there only means "an apostrophe or
// a three-byte character", so it is settled here.
func appendWord(vt []vtok, text string, start, end int, f uint8) []vtok {
	if start >= end {
		return vt
	}
	w := text[start:end]
	if f&vCurly != 0 {
		f &^= vCurly
		if cut := possessive(w); cut > 0 {
			vt = appendWord(vt, text, start, start+cut, f|vCurly)
			return append(vt, vtok{start: int32(start + cut), end: int32(end), literal: litPossessive})
		}
		switch w {
		case "’s", "'S", "’S":
			return append(vt, vtok{start: int32(start), end: int32(end), literal: litPossessive})
		case "’":
			return append(vt, vtok{start: int32(start), end: int32(end), literal: litApostrophe})
		}
		if strings.Contains(w, "’") {
			f |= vCurly | vUpper
		}
	}
	return append(vt, vtok{start: int32(start), end: int32(end), flags: f})
}

// possessive returns where a trailing "'s" or "’s" starts in w, or 0.
func possessive(w string) int {
	for _, suf := range [...]string{"'s", "’s"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return len(w) - len(suf)
		}
	}
	return 0
}

// phraseTokens cuts a dictionary phrase into the pieces the matcher sees in
// text: words split at spaces and hyphens, a possessive "'s" on its own,
// and any other mark but an inner period, apostrophe or ampersand alone.
func phraseTokens(s string) []string {
	var out []string
	for _, chunk := range strings.Fields(s) {
		lo := 0
		for i, r := range chunk {
			if isWordRune(r) || (i > lo && (r == '.' || r == '\'' || r == '’' || r == '&')) {
				continue
			}
			out = appendPhraseWord(out, chunk[lo:i])
			out = append(out, string(r))
			lo = i + utf8.RuneLen(r)
		}
		out = appendPhraseWord(out, chunk[lo:])
	}
	return out
}

// appendPhraseWord appends w, split before a possessive suffix.
func appendPhraseWord(out []string, w string) []string {
	if w == "" {
		return out
	}
	if cut := possessive(w); cut > 0 {
		return append(out, w[:cut], "'s")
	}
	return append(out, w)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// walk finds the longest phrase of the trie that starts at vt[i], trying
// each token as written and folded. It records the end and the node of the
// longest phrase found in best.
func (n *node) walk(text string, vt []vtok, i int, best *found) {
	if len(n.hits) > 0 && i > best.end {
		best.end, best.node = i, n
	}
	if i == len(vt) || n.next == nil {
		return
	}
	t := &vt[i]
	w := t.str(text)
	if t.flags&vCurly == 0 {
		if c := n.next[w]; c != nil {
			c.walk(text, vt, i+1, best)
		}
	} else if len(w) <= maxKey {
		var buf [maxKey]byte
		if c := n.next[string(straighten(buf[:0], w))]; c != nil {
			c.walk(text, vt, i+1, best)
		}
	}
	if t.flags&vUpper != 0 && len(w) <= maxKey {
		var buf [maxKey]byte
		if c := n.next[string(fold(buf[:0], w))]; c != nil {
			c.walk(text, vt, i+1, best)
		}
	}
}

// maxKey is the longest token the folded lookup handles; longer tokens
// match only as written.
const maxKey = 48

// found is the longest phrase found by walk: it ends before vt[end].
type found struct {
	end  int
	node *node
}

// startFilter is a bitmap of the first tokens of all phrases, keyed by a
// token's first byte, last byte and length. It lets the matcher skip most
// words without a map lookup: only words that share all three with some
// phrase start reach the trie.
type startFilter [4096]uint64

func filterSlot(first, last byte, n int) (int, uint64) {
	return (int(first)<<4 ^ int(last)) & 4095, 1 << (n & 63)
}

func (f *startFilter) add(key string) {
	i, bit := filterSlot(key[0], key[len(key)-1], len(key))
	f[i] |= bit
}

// walkRoot is walk from the root of the trie, where the filter spares most
// tokens a map lookup, as written and folded alike.
func (g *Gazetteer) walkRoot(text string, vt []vtok, i int, best *found) {
	t := &vt[i]
	if t.flags&vCurly != 0 {
		g.root.walk(text, vt, i, best)
		return
	}
	s := t.str(text)
	if g.starts.has(s[0], s[len(s)-1], len(s)) {
		if c := g.root.next[s]; c != nil {
			c.walk(text, vt, i+1, best)
		}
	}
	if t.flags&vUpper != 0 && len(s) <= maxKey && g.starts.has(lower(s[0]), lower(s[len(s)-1]), len(s)) {
		var buf [maxKey]byte
		if c := g.root.next[string(fold(buf[:0], s))]; c != nil {
			c.walk(text, vt, i+1, best)
		}
	}
}

// has reports whether some phrase starts with a token of this first byte,
// last byte and length.
func (f *startFilter) has(first, last byte, n int) bool {
	i, bit := filterSlot(first, last, n)
	return f[i]&bit != 0
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
