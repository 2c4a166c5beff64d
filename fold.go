package redline

import (
	"math/bits"
	"strings"
)

// Fold is a 64-bit hash of a word's lower-cased text. Two words with the
// same Fold are taken to be the same word: with 64 bits, the chance that
// any of a million distinct words collides with any of a hundred thousand
// lexicon entries is about 5 in a billion.
//
// The hash reads a word eight bytes at a time: each stretch of eight is
// lower-cased at once and mixed in with one 64x64->128-bit multiply, the
// step wyhash uses. Most words fit in one stretch, so a word costs a
// couple of dozen instructions where hashing byte by byte (FNV-1a, used
// before) cost about seventy. Folds are never stored, so the function may
// change between versions.
type Fold uint64

const (
	foldSeed  = 0xa0761d6478bd642f
	foldMulti = 0xe7037ed1a0b428db
	bytesOf1  = 0x0101010101010101 // 1 in every byte
	highBits  = 0x8080808080808080 // the high bit of every byte
)

// FoldOf returns the Fold of word, given as a string or as bytes.
func FoldOf[T ~string | ~[]byte](word T) Fold {
	h := foldSeed ^ uint64(len(word))
	i := 0
	for ; i+8 <= len(word); i += 8 {
		x := uint64(word[i]) | uint64(word[i+1])<<8 | uint64(word[i+2])<<16 | uint64(word[i+3])<<24 |
			uint64(word[i+4])<<32 | uint64(word[i+5])<<40 | uint64(word[i+6])<<48 | uint64(word[i+7])<<56
		if x&highBits != 0 {
			return foldUnicode(string(word))
		}
		h = foldMix(h, x)
	}
	if i < len(word) {
		var x uint64
		for j := len(word) - 1; j >= i; j-- {
			x = x<<8 | uint64(word[j])
		}
		if x&highBits != 0 {
			return foldUnicode(string(word))
		}
		h = foldMix(h, x)
	}
	return nonZero(h)
}

// FoldIn returns the Fold of text[start:end], as FoldOf does, but reads
// the word's last, short stretch with one load from text where eight
// bytes from the stretch's start lie within text, which spares the loop
// over its bytes. The segmenter folds every token this way.
func FoldIn(text string, start, end int) Fold {
	n := end - start
	if n < 0 || start < 0 || end+8 > len(text) {
		return FoldOf(text[start:end])
	}
	h := foldSeed ^ uint64(n)
	i := start
	for ; i+8 <= end; i += 8 {
		x := load64(text, i)
		if x&highBits != 0 {
			return foldUnicode(text[start:end])
		}
		h = foldMix(h, x)
	}
	if i < end {
		x := load64(text, i) & (1<<(8*uint(end-i)) - 1)
		if x&highBits != 0 {
			return foldUnicode(text[start:end])
		}
		h = foldMix(h, x)
	}
	return nonZero(h)
}

// load64 returns the eight bytes of s from i as a little-endian number.
// The compiler makes it a single load.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// foldMix mixes eight ASCII bytes x, lower-cased, into the hash h.
func foldMix(h, x uint64) uint64 {
	hi, lo := bits.Mul64(h^lowerEight(x), foldMulti)
	return hi ^ lo
}

// lowerEight lower-cases the ASCII letters among eight bytes packed in x
// and leaves every other byte as it is. With the high bits cleared, adding
// a constant below 0x80 to a byte cannot carry into the next, and the
// sum's high bit then says whether the byte reached the constant's
// complement.
func lowerEight(x uint64) uint64 {
	low := x &^ highBits
	atLeastA := low + (0x80-'A')*bytesOf1
	aboveZ := low + (0x80-'Z'-1)*bytesOf1
	upper := atLeastA &^ aboveZ &^ x & highBits
	return x | upper>>2 // 0x80>>2 is 0x20, the bit that makes a letter lower case
}

// foldUnicode hashes a word with non-ASCII letters after lower-casing it
// the way AppendLower does. The bytes of the lower-cased word go through
// the same mixing as an ASCII word's, where lowerEight leaves them as they
// are.
func foldUnicode(word string) Fold {
	lower := strings.ToLower(word)
	h := foldSeed ^ uint64(len(lower))
	i := 0
	for ; i+8 <= len(lower); i += 8 {
		h = foldMix(h, load64(lower, i))
	}
	if i < len(lower) {
		var x uint64
		for j := len(lower) - 1; j >= i; j-- {
			x = x<<8 | uint64(lower[j])
		}
		h = foldMix(h, x)
	}
	return nonZero(h)
}

// nonZero keeps 0 free to mean "no word": a token the segmenter has not
// folded, an empty slot in a FoldMap.
func nonZero(h uint64) Fold {
	if h == 0 {
		return 1
	}
	return Fold(h)
}

// FoldMap maps words, up to case, to values. It is built once, before
// use, and is then safe for concurrent reads. Since a Fold is already a
// well-mixed hash, the table probes it directly: a look-up costs a few
// nanoseconds, where a Go map keyed by the word's text must lower-case and
// hash it first.
type FoldMap[V any] struct {
	keys []Fold // 0 marks an empty slot: no word folds to 0
	vals []V
	n    int
}

// Put sets the value of word, replacing any value it had.
func (m *FoldMap[V]) Put(word string, v V) { m.PutFold(FoldOf(word), v) }

// PutFold sets the value of the word whose Fold is f.
func (m *FoldMap[V]) PutFold(f Fold, v V) {
	if 2*(m.n+1) > len(m.keys) {
		m.grow()
	}
	i := m.slot(f)
	if m.keys[i] == 0 {
		m.keys[i] = f
		m.n++
	}
	m.vals[i] = v
}

// Get returns the value of the word whose Fold is f. It is written to be
// inlined: the pipeline's stages call it for every token.
func (m *FoldMap[V]) Get(f Fold) (v V, ok bool) {
	if len(m.keys) == 0 {
		return v, false
	}
	mask := uint64(len(m.keys) - 1)
	for i := uint64(f) & mask; m.keys[i] != 0; i = (i + 1) & mask {
		if m.keys[i] == f {
			return m.vals[i], true
		}
	}
	return v, false
}

// Value returns the value of the word whose Fold is f, or the zero value.
func (m *FoldMap[V]) Value(f Fold) V {
	v, _ := m.Get(f)
	return v
}

// Len returns the number of words in the map.
func (m *FoldMap[V]) Len() int { return m.n }

// slot returns where f is or would go: linear probing, with the table at
// most half full so that probes stay short.
func (m *FoldMap[V]) slot(f Fold) int {
	mask := uint64(len(m.keys) - 1)
	i := uint64(f) & mask
	for m.keys[i] != 0 && m.keys[i] != f {
		i = (i + 1) & mask
	}
	return int(i)
}

func (m *FoldMap[V]) grow() {
	keys, vals := m.keys, m.vals
	size := max(16, 2*len(keys))
	m.keys, m.vals, m.n = make([]Fold, size), make([]V, size), 0
	for i, k := range keys {
		if k != 0 {
			m.PutFold(k, vals[i])
		}
	}
}

// FoldSet is a set of words, up to case.
type FoldSet struct{ m FoldMap[struct{}] }

// NewFoldSet returns the set of words.
func NewFoldSet(words ...string) *FoldSet {
	s := &FoldSet{}
	for _, w := range words {
		s.Add(w)
	}
	return s
}

// Add puts word in the set.
func (s *FoldSet) Add(word string) { s.m.Put(word, struct{}{}) }

// Has reports whether the word whose Fold is f is in the set.
func (s *FoldSet) Has(f Fold) bool {
	_, ok := s.m.Get(f)
	return ok
}

// HasWord reports whether word is in the set. It folds word first, so it
// suits words that are not tokens; for a token, pass its Fold to Has.
func (s *FoldSet) HasWord(word string) bool { return s.Has(FoldOf(word)) }

// WordClasses returns a table of the classes of words: each class is a
// bit, and a word on several classes' lists gets all their bits, so one
// look-up of a token's Fold answers every list.
func WordClasses[C ~uint8 | ~uint16 | ~uint32 | ~uint64](lists map[C][]string) *FoldMap[C] {
	m := &FoldMap[C]{}
	for c, words := range lists {
		for _, w := range words {
			f := FoldOf(w)
			m.PutFold(f, m.Value(f)|c)
		}
	}
	return m
}
