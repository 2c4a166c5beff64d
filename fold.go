package redline

import (
	"strings"
	"unicode/utf8"
)

// Fold is a 64-bit FNV-1a hash of a word's lower-cased text. Two words
// with the same Fold are taken to be the same word: with 64 bits, the
// chance that any of a million distinct words collides with any of a
// hundred thousand lexicon entries is about 5 in a billion.
type Fold uint64

const (
	foldOffset = 14695981039346656037
	foldPrime  = 1099511628211
)

// FoldOf returns the Fold of word, given as a string or as bytes.
func FoldOf[T ~string | ~[]byte](word T) Fold {
	h := uint64(foldOffset)
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return foldUnicode(string(word))
		}
		h = (h ^ uint64(lowerASCII[c])) * foldPrime
	}
	return nonZero(h)
}

// PrefixFolds calls fn with the Fold of every beginning of word, shortest
// first: the Folds its stems would have. Hashing the word once gives them
// all, since a Fold is a running hash of the lower-cased word. A beginning
// that cuts a multi-byte letter gets a Fold no whole word has.
func PrefixFolds(word string, fn func(Fold)) {
	for i := 0; i < len(word); i++ {
		if word[i] >= utf8.RuneSelf {
			word = strings.ToLower(word)
			break
		}
	}
	h := uint64(foldOffset)
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c < utf8.RuneSelf {
			c = lowerASCII[c]
		}
		h = (h ^ uint64(c)) * foldPrime
		fn(nonZero(h))
	}
}

// lowerASCII maps each ASCII byte to its lower case.
var lowerASCII = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

// foldUnicode hashes a word with non-ASCII letters after lower-casing it
// the way AppendLower does.
func foldUnicode(word string) Fold {
	h := uint64(foldOffset)
	lower := strings.ToLower(word)
	for i := 0; i < len(lower); i++ {
		h = (h ^ uint64(lower[i])) * foldPrime
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
