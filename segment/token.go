package segment

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"redline"
)

// tokenizer turns text into tokens.
type tokenizer struct {
	text   string
	tokens []redline.Token
}

// byteClass classifies bytes for the tokenizer's fast paths. English news
// is almost all ASCII, so most bytes cost one table load rather than a rune
// decode and calls into package unicode. Bytes from utf8.RuneSelf up begin
// or continue multi-byte runes and are in no class but classMayEnd; the
// tokenizer decodes the rune to classify it.
var byteClass = func() (class [256]uint8) {
	for _, c := range " \t\n\v\f\r" {
		class[c] = classSpace
	}
	for c := 'a'; c <= 'z'; c++ {
		class[c] = classLetter
		class[c-'a'+'A'] = classLetter
	}
	for c := '0'; c <= '9'; c++ {
		class[c] = classDigit
	}
	for c := range rune(utf8.RuneSelf) {
		if class[c]&(classLetter|classDigit) == 0 && !strings.ContainsRune(".-'&", c) {
			class[c] |= classWordEnd
		}
	}
	for _, c := range []byte{'.', '!', '?', 0xA6} {
		class[c] |= classMayEnd
	}
	return class
}()

// Classes of bytes in byteClass.
const (
	classSpace = 1 << iota
	classLetter
	classDigit
	// classWordEnd marks the ASCII bytes that always end a word: all but
	// letters, digits and the ".", "-", "'" and "&" that may join its parts.
	classWordEnd
	// classMayEnd marks the last bytes of the tokens that may end a
	// sentence: ".", "!", "?", "...", "…" and initialisms such as "U.S.".
	// 0xA6, the last byte of "…" (E2 80 A6), also ends a few letters such
	// as "æ", which endsSentence then rules out.
	classMayEnd
)

// isLetter reports whether r is a letter or a combining mark. It answers
// ASCII from byteClass and is small enough to inline.
func isLetter(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return byteClass[byte(r)]&classLetter != 0
	}
	return isNonASCIILetter(r)
}

// isNonASCIILetter reports whether r is a letter or a combining mark, such
// as the accent of a decomposed "é".
func isNonASCIILetter(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// isQuote reports whether r is a double quotation mark or guillemet. Single
// marks are decided in context because they double as apostrophes.
func isQuote(r rune) bool {
	return r == '"' || r == '“' || r == '”' || r == '„' || r == '«' || r == '»'
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// apostropheEnd reports whether c is the last byte of an apostrophe, "'" or
// "’". 0x99 ends other runes as well, so a match is only a hint.
func apostropheEnd(c byte) bool { return c == '\'' || c == 0x99 }

// decode returns the rune at byte i and its width, or 0, 0 at the end of
// the text.
func (z *tokenizer) decode(i int) (rune, int) {
	if i >= len(z.text) {
		return 0, 0
	}
	return utf8.DecodeRuneInString(z.text[i:])
}

func (z *tokenizer) emit(start, end int, kind redline.TokenKind) {
	z.emitShaped(start, end, kind, 0)
}

// emitShaped emits a token whose shape the caller knows in part; emit adds
// whether it starts with a capital.
func (z *tokenizer) emitShaped(start, end int, kind redline.TokenKind, shape redline.TokenShape) {
	if z.text[start]-'A' < 26 {
		shape |= redline.ShapeCapital
	}
	z.tokens = append(z.tokens, redline.Token{Span: redline.Span{Start: start, End: end}, Kind: kind, Shape: shape, Fold: redline.FoldOf(z.text[start:end])})
}

// run tokenizes the whole text and returns m with the marks it found
// appended: to m.breaks the indices of the tokens that start a new
// paragraph, those after a blank line and those that start or follow a
// Markdown heading, list item or block quote (but never the first token);
// to m.ends the indices of the tokens that may end a sentence. m goes in
// and out by value so that the arrays behind it can stay on the caller's
// stack.
func (z *tokenizer) run(m marks) marks {
	text := z.text
	heading := false // the line of the last token starts a Markdown heading
	for i := 0; ; {
		// Skip the white space before the next token, counting its line
		// breaks.
		newlines := 0
		for i < len(text) {
			c := text[i]
			if byteClass[c]&classSpace != 0 {
				if c == '\n' {
					newlines++
				}
				i++
				continue
			}
			if c < utf8.RuneSelf {
				break
			}
			n := multiByteSpace(text[i:])
			if n == 0 {
				break
			}
			i += n
		}
		if i == len(text) {
			return m
		}
		brk := newlines >= 2
		if newlines > 0 || len(z.tokens) == 0 {
			// The token starts a line. A Markdown heading is a sentence of
			// its own: break before the line that follows it as well as
			// before it.
			if newlines > 0 && (heading || startsBlock(text[i:])) {
				brk = true
			}
			heading = text[i] == '#'
		}
		if brk && len(z.tokens) > 0 {
			m.breaks = append(m.breaks, len(z.tokens))
		}
		if end, ok := plainWord(text, i); ok {
			z.emitShaped(i, end, redline.TokenWord, redline.ShapePlain)
			i = end
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		end, kind := z.scan(i, r, n)
		z.splitAndEmit(i, end, kind)
		if mayEndSentence(text[end-1]) {
			m.ends = append(m.ends, len(z.tokens)-1)
		}
		i = end
	}
}

// multiByteSpace returns the width of the white space rune from
// utf8.RuneSelf up that s starts with, or 0 if s starts with another rune.
func multiByteSpace(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	if r < utf8.RuneSelf || !unicode.IsSpace(r) {
		return 0
	}
	return n
}

// plainWord reports whether text[i:] starts with a plain word: ASCII
// letters and digits, beginning with a letter and followed by a byte that
// always ends a word, or by the end of the text. If so, it returns the
// word's end. Most tokens of English news are plain words, and scan and
// splitAndEmit would make the same token of one, without splitting it,
// as it has no apostrophe; this spares them the calls.
func plainWord(text string, i int) (int, bool) {
	if byteClass[text[i]]&classLetter == 0 {
		return 0, false
	}
	// Most words are shorter than eight bytes, so testing eight at once
	// usually finds the end in one step, without the branch per byte, hard
	// to predict at the end of a word, of asciiAlnumPrefix.
	var end int
	if i+8 <= len(text) {
		if m := notAlnum(load64(text, i)); m != 0 {
			end = i + bits.TrailingZeros64(m)/8
		} else {
			end = i + 8 + asciiAlnumPrefix(text[i+8:])
		}
	} else {
		end = i + 1 + asciiAlnumPrefix(text[i+1:])
	}
	if end < len(text) && byteClass[text[end]]&classWordEnd == 0 {
		return 0, false
	}
	return end, true
}

// startsBlock reports whether a line starts a Markdown heading, list item or
// block quote, which ends the sentence before it even without a blank line.
func startsBlock(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '#', '>':
		return true
	case '-', '*', '+':
		return len(s) > 1 && s[1] == ' '
	}
	return false
}

// scan returns the end of the token starting at i with first rune r.
func (z *tokenizer) scan(i int, r rune, n int) (int, redline.TokenKind) {
	switch {
	case isLetter(r):
		return z.scanWord(i), redline.TokenWord
	case isDigit(r):
		return z.scanNumber(i + n), redline.TokenNumber
	case isQuote(r) || r == '‘' || r == '`':
		return i + n, redline.TokenQuote
	case isApostrophe(r):
		// An apostrophe before letters ("'s", "'em") is handled by scanWord
		// when attached to a word; standing alone it opens or closes a quote.
		return i + n, redline.TokenQuote
	case r == '.' && z.hasPrefix(i, "..."):
		return i + 3, redline.TokenPunct
	case r == '-' && z.hasPrefix(i, "--"):
		return i + 2, redline.TokenPunct
	}
	return i + n, redline.TokenPunct
}

func (z *tokenizer) hasPrefix(i int, p string) bool {
	return len(z.text)-i >= len(p) && z.text[i:i+len(p)] == p
}

// scanWord extends a word that starts at start over letters, digits,
// inner hyphens and apostrophes, and over the periods of initialisms
// ("U.S.", "a.m."): single letters separated by periods.
func (z *tokenizer) scanWord(start int) int {
	text := z.text
	i, seg, dots, initials := start, 0, 0, true
	for {
		// Most of a word is a run of ASCII letters and digits: take it
		// without decoding.
		run := asciiAlnumPrefix(text[i:])
		i += run
		seg += run
		if seg > 1 {
			initials = false
		}
		if i == len(text) {
			return i
		}
		c := text[i]
		if byteClass[c]&classWordEnd != 0 {
			return i // the usual end of a word: a space or a comma
		}
		r, n := rune(c), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isLetter(r) || isDigit(r):
			i += n
			seg++
		case r == '.':
			if !initials || seg != 1 {
				return i
			}
			if next, _ := z.decode(i + 1); isLetter(next) {
				i, seg, dots = i+1, 0, dots+1
				continue
			}
			if dots > 0 {
				return i + 1 // the closing period of "U.S."
			}
			return i
		case r == '-' || isApostrophe(r) || r == '&':
			if next, _ := z.decode(i + n); !isLetter(next) && !isDigit(next) {
				return i
			}
			i += n
			initials = false
		default:
			return i
		}
		if seg > 1 {
			initials = false
		}
	}
}

// asciiAlnumPrefix returns the length of the run of ASCII letters and
// digits that s starts with.
func asciiAlnumPrefix(s string) int {
	for i := 0; i < len(s); i++ {
		if byteClass[s[i]]&(classLetter|classDigit) == 0 {
			return i
		}
	}
	return len(s)
}

// load64 returns the eight bytes of s from i as a little-endian number:
// s[i] in the lowest byte. The compiler makes it a single load.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Constants for testing the eight bytes of a uint64 at once.
const (
	bytesOf1 = 0x0101010101010101 // 1 in every byte
	highBits = 0x8080808080808080 // the high bit of every byte
)

// notAlnum returns, for eight bytes packed in x, a mask with the high bit
// set in every byte that is not an ASCII letter or digit; where x holds
// text loaded by load64, the lowest set bit marks the first such byte.
func notAlnum(x uint64) uint64 {
	// With the high bits cleared, adding a constant below 0x80 to a byte
	// cannot carry into the next one; the bytes that had them are not
	// ASCII, and the last line counts them out. Then b+(0x80-lo) has its
	// high bit set when b >= lo, and b+(0x7f-hi) when b > hi. Setting bit
	// 0x20 folds upper-case letters to lower case and keeps digits as
	// they are.
	low := x &^ highBits
	folded := low | 0x20*bytesOf1
	letter := (folded + (0x80-'a')*bytesOf1) &^ (folded + (0x7f-'z')*bytesOf1)
	digit := (low + (0x80-'0')*bytesOf1) &^ (low + (0x7f-'9')*bytesOf1)
	return (^(letter | digit) | x) & highBits
}

// scanNumber extends a number over digits and inner separators
// ("1,000", "3.5", "2025-02-07", "10:30") and an ordinal suffix ("7th").
func (z *tokenizer) scanNumber(i int) int {
	for i < len(z.text) {
		c := z.text[i]
		switch {
		case c >= '0' && c <= '9':
			i++
		case c == ',' || c == '.' || c == ':' || c == '/' || c == '-':
			if i+1 < len(z.text) && z.text[i+1] >= '0' && z.text[i+1] <= '9' {
				i++
				continue
			}
			return i
		default:
			for _, suf := range [...]string{"st", "nd", "rd", "th", "s"} {
				if z.hasPrefix(i, suf) {
					r, _ := z.decode(i + len(suf))
					if !isLetter(r) && !isDigit(r) {
						return i + len(suf)
					}
				}
			}
			return i
		}
	}
	return i
}

// splitAndEmit emits a scanned token, splitting a word's possessive "'s"
// and negation "n't" into tokens of their own.
func (z *tokenizer) splitAndEmit(start, end int, kind redline.TokenKind) {
	if kind == redline.TokenWord && mayHaveClitic(z.text[start:end]) {
		if cut := clitic(z.text[start:end]); cut > 0 {
			z.emit(start, start+cut, kind)
			z.emit(start+cut, end, kind)
			return
		}
	}
	z.emit(start, end, kind)
}

// mayHaveClitic reports whether w might end in a clitic. Every clitic has
// its apostrophe two or three bytes from the end of the word, counting the
// last byte of "’" (E2 80 99), so testing those two bytes spares almost
// every word the comparisons in clitic.
func mayHaveClitic(w string) bool {
	n := len(w)
	return n >= 3 && (apostropheEnd(w[n-2]) || apostropheEnd(w[n-3]))
}

// clitic returns where a trailing "'s", "’s", "n't" or "n’t" starts in w,
// or 0 when w has none.
func clitic(w string) int {
	for _, suf := range [...]string{"n't", "n’t", "'s", "’s", "'S", "’S", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d"} {
		if len(w) > len(suf) && w[len(w)-len(suf):] == suf {
			return len(w) - len(suf)
		}
	}
	return 0
}
