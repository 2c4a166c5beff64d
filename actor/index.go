package actor

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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

// builder is a state of the trie while phrases are added, with edges in a
// map keyed by the dictionary token.
type builder struct {
	next map[string]*builder
	hits []hit
}

// insert adds a phrase, given as its tokens, to the trie below b.
func (b *builder) insert(toks []string, h hit) {
	for _, t := range toks {
		if b.next == nil {
			b.next = make(map[string]*builder)
		}
		key := dictKey(t)
		c := b.next[key]
		if c == nil {
			c = &builder{}
			b.next[key] = c
		}
		b = c
	}
	if !slices.Contains(b.hits, h) {
		b.hits = append(b.hits, h)
	}
}

// nameOf returns node.name for a phrase with these hits.
func nameOf(hits []hit) int32 {
	name := int32(noHit)
	for j, h := range hits {
		switch {
		case h.kind >= hitTitle:
		case name == noHit:
			name = int32(j)
		case hits[name].id != h.id:
			return byDate
		}
	}
	return name
}

// titleOf returns the first title among hits, or noHit.
func titleOf(hits []hit) int32 {
	for _, h := range hits {
		if h.kind == hitTitle {
			return h.id
		}
	}
	return noHit
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

// hasASCIIUpper reports whether s has an ASCII capital letter.
func hasASCIIUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
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

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
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
	if cut := possessiveAt(w); cut > 0 {
		return append(out, w[:cut], "'s")
	}
	return append(out, w)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
