package petrarch

import (
	"fmt"
	"strings"

	"redline"
	"redline/segment"
)

// phraseWord is one word of a dictionary phrase.
type phraseWord struct {
	fold redline.Fold
	// stem, when not empty, is the lower-cased beginning that a word of the
	// text must start with: TABARI matches a final word without a trailing
	// "_" as a stem.
	stem string
	// loose lets other words come between this word and the one before
	// it: dictionaries write such words apart with a space, and words
	// that must be adjacent with "_".
	loose bool
}

// matches reports whether the phrase word matches token i of s.
func (w *phraseWord) matches(s *sentence, i int) bool {
	if w.stem == "" {
		return s.words[i].fold == w.fold
	}
	return strings.HasPrefix(s.lower(i), w.stem)
}

// parsePhrase reads a dictionary phrase: words joined by "_" (adjacent) or
// a space (others may come between). A final "_" only marks a whole word:
// PETRARCH matches whole words anyway, and TABARI (stems set) matches a
// final word without it as a stem. Each written word is split the way the
// sentence splitter splits text ("Iran's" is two tokens), so that
// dictionary and text agree.
func parsePhrase(s string, stems bool) ([]phraseWord, error) {
	s = strings.TrimSpace(s)
	whole := strings.HasSuffix(s, "_")
	s = strings.TrimRight(s, "_")
	if s == "" {
		return nil, fmt.Errorf("empty phrase")
	}
	orig := s
	var out []phraseWord
	loose := false
	for s != "" {
		i := strings.IndexAny(s, " \t_")
		word := s
		if i >= 0 {
			word = s[:i]
		}
		if word != "" {
			for j, t := range splitWord(word) {
				out = append(out, phraseWord{fold: redline.FoldOf(t), loose: loose && j == 0})
			}
			loose = false
		}
		if i < 0 {
			break
		}
		if s[i] != '_' {
			loose = true
		}
		s = s[i+1:]
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("phrase %q has no words", orig)
	}
	out[0].loose = false
	if stems && !whole {
		last := &out[len(out)-1]
		last.stem = strings.ToLower(lastToken(orig))
	}
	return out, nil
}

// lastToken returns the last word of s, split as text is split.
func lastToken(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '_' || r == '\t' })
	if len(f) == 0 {
		return ""
	}
	t := splitWord(f[len(f)-1])
	return t[len(t)-1]
}

// splitWord splits a dictionary word into the tokens the sentence
// splitter makes of it. Plain words of letters, most of any dictionary,
// are returned as they are.
func splitWord(w string) []string {
	plain := true
	for i := 0; i < len(w); i++ {
		c := w[i] | 0x20
		if c < 'a' || c > 'z' {
			plain = false
			break
		}
	}
	if plain {
		return []string{w}
	}
	var out []string
	for _, sent := range segment.Split(w) {
		for _, t := range sent.Tokens {
			out = append(out, t.Span.In(w))
		}
	}
	if len(out) == 0 {
		return []string{w}
	}
	return out
}

// trie stores phrases by word. Each node's edges carry a word and its
// connector; values are indices into the owner's list of entries.
type trie struct {
	first redline.FoldMap[int32] // first word -> node
	stems redline.FoldMap[int32] // first word matched as a stem, by the Fold of the stem -> node
	nodes []trieNode
}

type trieNode struct {
	edges []trieEdge
	vals  []int32
}

type trieEdge struct {
	w  phraseWord
	to int32
}

func (t *trie) node() int32 {
	t.nodes = append(t.nodes, trieNode{})
	return int32(len(t.nodes) - 1)
}

// insert stores phrase with value v.
func (t *trie) insert(phrase []phraseWord, v int32) {
	var at int32
	w0 := phrase[0]
	if w0.stem != "" {
		f := redline.FoldOf(w0.stem)
		if n, ok := t.stems.Get(f); ok {
			at = n
		} else {
			at = t.node()
			t.stems.PutFold(f, at)
		}
	} else if n, ok := t.first.Get(w0.fold); ok {
		at = n
	} else {
		at = t.node()
		t.first.PutFold(w0.fold, at)
	}
	for _, w := range phrase[1:] {
		next := int32(-1)
		for _, e := range t.nodes[at].edges {
			if e.w == w {
				next = e.to
			}
		}
		if next < 0 {
			next = t.node()
			t.nodes[at].edges = append(t.nodes[at].edges, trieEdge{w, next})
		}
		at = next
	}
	for _, x := range t.nodes[at].vals {
		if x == v {
			return
		}
	}
	t.nodes[at].vals = append(t.nodes[at].vals, v)
}

// trieMatch is a phrase found in a sentence: tokens [start, end), its
// value and how many of its words matched.
type trieMatch struct {
	start, end int
	words      int
	val        int32
}

// gapRule says which tokens a loose connector may skip and how many.
type gapRule struct {
	max  int
	skip func(s *sentence, i int) bool
	// open treats every connector as loose, "_" as well as " ".
	open bool
}

// longest returns the phrase starting at token i that matches the most
// words (the shortest span among those), or false.
func (t *trie) longest(s *sentence, i int, g gapRule) (trieMatch, bool) {
	best := trieMatch{start: i, end: -1}
	if n, ok := t.first.Get(s.words[i].fold); ok {
		t.walk(s, n, i, i+1, 1, g, &best)
	}
	if t.stems.Len() > 0 {
		redline.PrefixFolds(s.words[i].span.In(s.text), func(f redline.Fold) {
			if n, ok := t.stems.Get(f); ok {
				t.walk(s, n, i, i+1, 1, g, &best)
			}
		})
	}
	return best, best.end >= 0
}

func (t *trie) walk(s *sentence, n int32, start, at, words int, g gapRule, best *trieMatch) {
	node := &t.nodes[n]
	if len(node.vals) > 0 && (words > best.words || words == best.words && at < best.end) {
		*best = trieMatch{start: start, end: at, words: words, val: node.vals[0]}
	}
	for ei := range node.edges {
		e := &node.edges[ei]
		limit := at + 1
		if e.w.loose || g.open {
			limit = at + 1 + g.max
		}
		for j := at; j < limit && j < len(s.words); j++ {
			if e.w.matches(s, j) {
				t.walk(s, e.to, start, j+1, words+1, g, best)
				break
			}
			if !g.skip(s, j) {
				break
			}
		}
	}
}
