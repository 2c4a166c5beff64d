package timex

import (
	"encoding/binary"
	"slices"

	"redline"
)

// numKind says what shape of number a number token has.
type numKind uint8

// Shapes of number tokens.
const (
	nNone    numKind = iota
	nInt             // "7", "2013"
	nOrdinal         // "7th"
	nDecade          // "1990s", "90s"
	nISO             // "2025-02-07", "2025-02"
	nClock           // "10:30", "3:07:35"
	nSlash           // "7/8/07"
	nRange           // "2009-2010", "1957-58"
	nOther           // "1,000", "3.5"
)

// tok is a token with what the lexicon and the number reader know of it.
// It holds no pointers, so that load can write tokens into the scanner's
// slice without write barriers while the garbage collector is marking;
// scanner.str and scanner.lower give its text.
type tok struct {
	span redline.Span
	// lo and hi bound the token's text in the document: its span, or
	// nothing when the span does not lie within the text.
	lo, hi int
	kind   redline.TokenKind
	lex    lex
	upper  bool    // the word starts with an upper-case letter
	start  bool    // the word may start an expression (see scanner.trigger)
	hy     int     // index of the first hyphen in a word, or 0
	nk     numKind // shape of a number token
	n      int     // value of an integer, ordinal or decade
	width  int     // digits of an integer
}

// load reads the tokens of sentence sent into s.t.
//
// It works on local copies of the scanner's fields, which the compiler
// would otherwise load again for every token.
func (s *scanner) load(sent redline.Sentence) {
	ts := slices.Grow(s.t[:0], len(sent.Tokens))[:len(sent.Tokens)]
	text := s.text
	deadline := false
	for i, t := range sent.Tokens {
		lo, hi := t.Span.Start, t.Span.End
		if lo < 0 || hi > len(text) || lo > hi {
			lo, hi = 0, 0 // a span outside the text reads as an empty token
		}
		w := text[lo:hi]
		k := &ts[i]
		*k = tok{span: t.Span, kind: t.Kind}
		k.lo, k.hi = lo, hi
		switch t.Kind {
		case redline.TokenWord:
			k.lex = lexiconByFold.Value(t.Fold) // the segmenter has hashed the folded word already
			deadline = deadline || k.lex.deadline
			k.upper = t.Shape&redline.ShapeCapital != 0
			if k.lex.cls == 0 && t.Shape&redline.ShapePlain == 0 {
				k.hy = hyphenAt(w) // a plain word, as the segmenter marks it, has no hyphen
			}
			k.start = k.lex.cls&startClasses != 0 || k.lex.start || k.hy > 0 || k.upper && len(w) == 2 && w[0] == 'Q'
		case redline.TokenNumber:
			k.nk, k.n, k.width = readNumber(w)
		}
		// "the" may start an expression only before a time word or a
		// number ("the following day", "the 1990s"): matchRel reads
		// nothing else after it, and "the" is too common to try in vain.
		if i > 0 && (k.lex.cls != 0 || k.kind == redline.TokenNumber) && sent.Tokens[i-1].Fold == foldThe {
			ts[i-1].start = true
		}
	}
	s.t, s.deadlineWord = ts, deadline
}

var foldThe = redline.FoldOf("the")

// hyphenAt returns the index of the first hyphen in w, or 0 when there is
// none (or it comes first). Words are short, and a loop costs less than
// the call strings.IndexByte makes.
func hyphenAt(w string) int {
	for i := 0; i < len(w); i++ {
		if w[i] == '-' {
			return i
		}
	}
	return 0
}

// str returns the text of token i.
func (s *scanner) str(i int) string {
	t := &s.t[i]
	return s.text[t.lo:t.hi]
}

// lower returns the text of token i with ASCII letters in lower case.
func (s *scanner) lower(i int) []byte {
	t := &s.t[i]
	return s.fold[t.lo:t.hi]
}

// foldASCII appends text to dst with ASCII letters in lower case. Every
// other byte is copied as it is, so a token's span indexes the result as it
// indexes text. Only ASCII is folded because every word the rules look for
// is ASCII, and a word with other letters cannot equal one of them.
//
// Folding every byte through lowerASCII took a twentieth of Tag's time.
// Most eight-byte stretches of news text hold no capital, so the bytes are
// tested eight at a time and only a stretch with a capital is folded byte
// by byte.
func foldASCII(dst []byte, text string) []byte {
	n := len(dst)
	dst = append(dst, text...)
	folded := dst[n:]
	i := 0
	for ; i+8 <= len(folded); i += 8 {
		if hasUpper(binary.LittleEndian.Uint64(folded[i:])) {
			for j := i; j < i+8; j++ {
				folded[j] = lowerASCII[folded[j]]
			}
		}
	}
	for ; i < len(folded); i++ {
		folded[i] = lowerASCII[folded[i]]
	}
	return dst
}

// hasUpper reports whether any of the eight bytes of x is an ASCII capital.
// Each byte is tested in its own lane: with the high bits cleared first,
// adding a constant below 0x80 to a byte can set the byte's high bit but
// never carry into the next byte. A byte c is a capital when its own high
// bit is clear, c+(0x80-'A') reaches 0x80 and c+(0x7f-'Z') does not.
func hasUpper(x uint64) bool {
	const lanes = 0x0101010101010101
	low7 := x &^ (0x80 * lanes)
	atLeastA := low7 + (0x80-'A')*lanes
	aboveZ := low7 + (0x7f-'Z')*lanes
	return atLeastA&^aboveZ&^x&(0x80*lanes) != 0
}

// lowerASCII maps every byte to itself but the ASCII capitals, which it
// maps to small letters. A table costs less than a test per byte.
var lowerASCII = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

// lookup returns the lexicon entry of a word, such as the part of a token
// before or after its hyphen.
func lookup(w []byte) lex { return lexiconByFold.Value(redline.FoldOf(w)) }

// lexiconByFold is the lexicon keyed by the Fold of each word, which a
// token carries from the segmenter.
var lexiconByFold = func() *redline.FoldMap[lex] {
	m := &redline.FoldMap[lex]{}
	for w, e := range lexicon {
		m.Put(w, e)
	}
	return m
}()

// readNumber classifies a number token and reads its value.
func readNumber(w string) (numKind, int, int) {
	n, i := 0, 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		if n < 1e8 {
			n = n*10 + int(w[i]-'0')
		}
		i++
	}
	width := i
	if i == len(w) {
		return nInt, n, width
	}
	rest := w[i:]
	switch {
	case rest == "st" || rest == "nd" || rest == "rd" || rest == "th":
		return nOrdinal, n, width
	case rest == "s" && (width == 4 && n%10 == 0 || width == 2 && n%10 == 0):
		return nDecade, n, width
	case rest[0] == ':':
		return nClock, n, width
	case rest[0] == '/':
		return nSlash, n, width
	case rest[0] == '-' && width == 4 && isISO(w) && atoi(w[5:7]) >= 1 && atoi(w[5:7]) <= 12:
		return nISO, n, width
	case rest[0] == '-' && width == 4 && isYearRange(w):
		return nRange, n, width
	}
	return nOther, n, width
}

// isISO reports whether w is "YYYY-MM" or "YYYY-MM-DD".
func isISO(w string) bool {
	if len(w) != 7 && len(w) != 10 {
		return false
	}
	for i := 0; i < len(w); i++ {
		dash := i == 4 || i == 7
		if dash != (w[i] == '-') {
			return false
		}
		if !dash && (w[i] < '0' || w[i] > '9') {
			return false
		}
	}
	return true
}

// isYearRange reports whether w is "YYYY-YYYY" or "YYYY-YY".
func isYearRange(w string) bool {
	if len(w) != 9 && len(w) != 7 {
		return false
	}
	for i := 5; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// atoi reads the decimal digits of s, or returns -1.
func atoi(s string) int {
	if s == "" || len(s) > 9 {
		return -1
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}
