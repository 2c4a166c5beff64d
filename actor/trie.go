package actor

import (
	"math/bits"
	"slices"
	"strings"

	"redline"
)

// trie holds every dictionary phrase, token by token. Its edges are keyed
// by the Fold of the token, so the matcher looks a text token up by the
// Fold the segmenter already computed instead of hashing its text again,
// and compares text only on a hit, to apply the case rules.
type trie struct {
	nodes  []node // nodes[0] is the root
	starts startFilter
	// same holds the edges whose fold another edge of their node has
	// already; each is reached from that edge through edge.same.
	same []edge
}

// startFilter tells, from the Folds of a piece and the next, whether a
// phrase may start at the piece, so that most pieces cost the matcher a
// load or two and no search of the trie. Each part is a bitmap indexed by
// the top bits of a mix of Folds: heads holds the first pieces of all
// phrases; alone those that are a phrase by themselves ("Iran"); pairs
// the first two pieces of all phrases ("the United"). A piece in heads
// but not in alone starts a phrase only if it and the next piece are in
// pairs, which spares the search for most of the many "the"s of a text.
type startFilter struct {
	heads, alone, pairs bitmap
}

// bitmap is a set of 1<<16 bits.
type bitmap [1 << 10]uint64

func (b *bitmap) add(x uint64) { b[x>>54] |= 1 << (x >> 48 & 63) }

func (b *bitmap) has(x uint64) bool { return b[x>>54]&(1<<(x>>48&63)) != 0 }

// mix spreads the bits of a Fold over its top bits, which the start filter
// and the edge tables index by. FNV's own top bits are poorly spread for
// short words: used as they are, a filter of the first words of phrases
// let a fifth of the other words of news through.
func mix(f redline.Fold) uint64 { return uint64(f) * 0x9E3779B97F4A7C15 }

// mixPair mixes the Folds of two pieces in a row.
func mixPair(f, next redline.Fold) uint64 {
	return (uint64(f) ^ bits.RotateLeft64(uint64(next), 32)) * 0x9E3779B97F4A7C15
}

// head reports whether some phrase may start with the piece whose Fold
// is f.
func (s *startFilter) head(f redline.Fold) bool { return s.heads.has(mix(f)) }

// mayStart reports whether some phrase may start with a piece of Fold f
// followed by one of Fold next, given that f is in heads.
func (s *startFilter) mayStart(f, next redline.Fold) bool {
	return s.alone.has(mix(f)) || s.pairs.has(mixPair(f, next))
}

// node is a state of the trie.
type node struct {
	// edges is an open-addressed table with one edge for each fold: it
	// sits at the slot its fold picks (see slot), or at the first free
	// slot after it, and a free slot, with fold 0, ends every search.
	// Further keys of the same fold ("US" and "us") follow it through
	// edge.same, keys with a capital first, so that a token matching both
	// a key as written and a key in lower case tries the one as written
	// first.
	edges []edge
	shift uint8 // slot's shift for the table's size
	hits  []hit
	// name is the index in hits of the one actor the phrase names, worked
	// out once when the phrase names only one: noHit when it names none,
	// byDate when several, and Match must choose by the reference day.
	name  int32
	title int32 // the title the phrase names, or noHit
}

// Special values of node.name and node.title.
const (
	noHit  = -1
	byDate = -2
)

// edge leads to the next node on one dictionary token.
type edge struct {
	fold redline.Fold
	// key is the token as the dictionary writes it with apostrophes
	// straight, lower-cased when it had no capital letter.
	key string
	// key8 holds the first eight bytes of key, the first in the lowest,
	// for comparing short keys without a loop.
	key8 uint64
	next int32 // the node it leads to
	same int32 // the next edge of the same fold in trie.same, or -1
	// anyCase is set when key has no ASCII capital, so that a text token
	// in any ASCII case matches it.
	anyCase bool
}

// compile lays out the trie below root for matching.
func (root *builder) compile() trie {
	var t trie
	t.add(root)
	t.eachEdge(&t.nodes[0], func(e *edge) {
		t.starts.heads.add(mix(e.fold))
		next := &t.nodes[e.next]
		if len(next.hits) > 0 {
			t.starts.alone.add(mix(e.fold))
		}
		t.eachEdge(next, func(c *edge) { t.starts.pairs.add(mixPair(e.fold, c.fold)) })
	})
	return t
}

// eachEdge calls fn with every edge of nd.
func (t *trie) eachEdge(nd *node, fn func(*edge)) {
	for j := range nd.edges {
		if nd.edges[j].fold == 0 {
			continue
		}
		for e := &nd.edges[j]; ; e = &t.same[e.same] {
			fn(e)
			if e.same < 0 {
				break
			}
		}
	}
}

// add lays out b and the nodes below it, and returns b's index.
func (t *trie) add(b *builder) int32 {
	i := int32(len(t.nodes))
	t.nodes = append(t.nodes, node{hits: b.hits, name: nameOf(b.hits), title: titleOf(b.hits)})
	edges := make([]edge, 0, len(b.next))
	for key, c := range b.next {
		e := edge{fold: redline.FoldOf(key), key: key, next: t.add(c), same: -1, anyCase: !hasASCIIUpper(key)}
		for i := 0; i < len(key) && i < 8; i++ {
			e.key8 |= uint64(key[i]) << (8 * i)
		}
		edges = append(edges, e)
	}
	// Keys with a capital go in first, and the rest in a fixed order.
	slices.SortFunc(edges, func(a, b edge) int {
		if a.anyCase != b.anyCase {
			if b.anyCase {
				return -1
			}
			return 1
		}
		return strings.Compare(a.key, b.key)
	})
	t.nodes[i].edges, t.nodes[i].shift = t.edgeTable(edges)
	return i
}

// edgeTable returns the open-addressed table of edges, at most half full,
// and the shift that finds their slots.
func (t *trie) edgeTable(edges []edge) ([]edge, uint8) {
	if len(edges) == 0 {
		return nil, 0
	}
	shift := uint8(63)
	for 1<<(64-shift) < 2*len(edges) {
		shift--
	}
	table := make([]edge, 1<<(64-shift))
	mask := uint64(len(table) - 1)
	for _, e := range edges {
		j := slot(e.fold, shift)
		for table[j].fold != 0 && table[j].fold != e.fold {
			j = (j + 1) & mask
		}
		if table[j].fold == 0 {
			table[j] = e
			continue
		}
		last := &table[j]
		for last.same >= 0 {
			last = &t.same[last.same]
		}
		last.same = int32(len(t.same))
		t.same = append(t.same, e)
	}
	return table, shift
}

// slot returns where a search for fold f starts in a table of 1<<(64-shift)
// edges.
func slot(f redline.Fold, shift uint8) uint64 { return mix(f) >> shift }

// matches reports whether the piece p of text, which stands for x, is
// the edge's key: as written, or in lower case when the key is, with
// curly apostrophes straight.
func (e *edge) matches(text string, p *redline.Token, x note) bool {
	start, n := p.Span.Start, p.Span.End-p.Span.Start
	if x == plain && p.Kind == redline.TokenWord && n == len(e.key) && n <= 8 && start+8 <= len(text) {
		// A short plain word, as most pieces are: compare its eight
		// bytes at once.
		w := load64(text, start) & (^uint64(0) >> (64 - 8*n))
		if e.anyCase {
			w = lower8(w)
		}
		return w == e.key8
	}
	return e.matchesText(text, p, x)
}

// matchesText is matches for any piece, comparing text.
func (e *edge) matchesText(text string, p *redline.Token, x note) bool {
	if hyphen <= x && x <= apostrophe {
		return e.key == literals[x]
	}
	w := text[p.Span.Start:p.Span.End]
	switch {
	case len(w) > maxKey:
		// Long words match as written only, and a curly apostrophe is
		// never straightened in one.
		return x != curly && e.key == w
	case x == curly:
		return equalStraight(e.key, w, e.anyCase)
	case e.anyCase && p.Kind == redline.TokenWord:
		// Only words match in any case.
		return equalLower(e.key, w)
	}
	return e.key == w
}

// load64 returns the eight bytes of s from i, s[i] in the lowest.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// lower8 returns the eight bytes in x with their ASCII capitals in lower
// case. With the high bits cleared no byte can carry into the next, and
// a byte b then has the high bit of b+(0x80-'A') set when b >= 'A' and
// that of b+(0x7f-'Z') when b > 'Z'.
func lower8(x uint64) uint64 {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	low := x &^ high
	upper := (low + (0x80-'A')*ones) &^ (low + (0x7f-'Z')*ones) &^ x & high
	return x | upper>>2
}

// maxKey is the longest token matched in lower case or with its
// apostrophes straightened; longer tokens match only as written.
const maxKey = 48

// equalLower reports whether w with its ASCII letters in lower case is
// key.
func equalLower(key, w string) bool {
	if len(key) != len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if lower(w[i]) != key[i] {
			return false
		}
	}
	return true
}

// equalStraight reports whether w with its curly apostrophes written
// straight, and its ASCII letters in lower case if lowerCase is set, is
// key.
func equalStraight(key, w string, lowerCase bool) bool {
	j := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 && w[i+2] == 0x99 {
			c, i = '\'', i+2
		} else if lowerCase {
			c = lower(c)
		}
		if j == len(key) || key[j] != c {
			return false
		}
		j++
	}
	return j == len(key)
}

// found is the longest phrase found by walk: it ends before piece end, at
// node, or node is -1 when there is none.
type found struct {
	end  int
	node int32
}

// walk finds the longest phrase that continues from node n with piece
// i, recording in best the end and node of the longest one with hits.
// Where a piece matches two keys, as written and in lower case, it
// follows the one as written first.
func (t *trie) walk(n int32, text string, ps *pieces, i int, best *found) {
	for {
		nd := &t.nodes[n]
		if len(nd.hits) > 0 && i > best.end {
			best.end, best.node = i, n
		}
		if i == len(ps.toks) || len(nd.edges) == 0 {
			return
		}
		p := &ps.toks[i]
		e := t.edge(nd, p.Fold)
		if e == nil {
			return
		}
		next := int32(-1)
		for x := ps.note(i); ; e = &t.same[e.same] {
			if e.matches(text, p, x) {
				if next >= 0 {
					t.walk(next, text, ps, i+1, best)
				}
				next = e.next
			}
			if e.same < 0 {
				break
			}
		}
		if next < 0 {
			return
		}
		n, i = next, i+1
	}
}

// edge returns the first edge of nd with fold f, or nil.
func (t *trie) edge(nd *node, f redline.Fold) *edge {
	mask := uint64(len(nd.edges) - 1)
	for j := slot(f, nd.shift); ; j = (j + 1) & mask {
		switch e := &nd.edges[j]; e.fold {
		case f:
			return e
		case 0:
			return nil
		}
	}
}
