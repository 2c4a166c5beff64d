package redline

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Span is a half-open range [Start, End) of byte offsets into a document's
// text. It marshals to JSON as a two-element array, [start, end].
type Span struct {
	Start int
	End   int
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies entirely within s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// In returns the text the span covers in text. It returns "" when the span
// does not lie within text, so callers never slice out of range.
func (s Span) In(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// MarshalJSON encodes the span as [start, end].
func (s Span) MarshalJSON() ([]byte, error) {
	return json.Marshal([2]int{s.Start, s.End})
}

// UnmarshalJSON decodes a span written as [start, end].
func (s *Span) UnmarshalJSON(b []byte) error {
	var a [2]int
	if err := json.Unmarshal(b, &a); err != nil {
		return fmt.Errorf("span: want [start, end]: %w", err)
	}
	s.Start, s.End = a[0], a[1]
	return nil
}

// TokenKind classifies a token.
type TokenKind uint8

// Token kinds.
const (
	TokenWord   TokenKind = iota // letters, possibly with inner apostrophes, hyphens or periods ("U.S.")
	TokenNumber                  // digits, possibly with inner separators ("1,000", "3.5", "2025-02-07")
	TokenQuote                   // a quotation mark, straight or curly
	TokenPunct                   // any other punctuation or symbol
)

// TokenShape is a set of facts about a token's text.
type TokenShape uint8

// Token shapes.
const (
	// ShapePlain marks a word of ASCII letters and digits only: no hyphen,
	// apostrophe, period or other letter. A word without it may still be
	// plain; the segmenter marks the words its fast path reads.
	ShapePlain TokenShape = 1 << iota
	// ShapeCapital marks a token whose first byte is an ASCII capital.
	ShapeCapital
)

// Token is one word, number or mark of a sentence.
type Token struct {
	Span Span
	Kind TokenKind
	// Shape says what the segmenter saw of the token's letters while it
	// read them, so that stages need not read the text again to learn it.
	Shape TokenShape
	// Fold identifies the token's text up to case, so that every stage
	// tests a word against its lexicons with one integer comparison or
	// look-up instead of lower-casing and hashing the text again.
	Fold Fold
}

// Sentence is a run of text the segmenter judged to be one sentence.
// Paragraph counts the blank-line separated paragraphs before it, so stages
// can tell when a new paragraph starts. Tokens share one backing array per
// document.
type Sentence struct {
	Span      Span
	Paragraph int
	Tokens    []Token
}

// AppendLower appends s in lower case to dst. ASCII text, which is almost
// all of it, is folded byte by byte into dst's storage, so a caller that
// passes a stack buffer and uses the result only as a map key
// (m[string(b)]) allocates nothing; other text goes through
// strings.ToLower.
func AppendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
