package actor

import (
	"strings"
	"time"
	"unicode/utf8"

	"redline"
)

// Match returns every mention of a known actor in text, in text order and
// without overlaps, the longest phrase winning where phrases compete. sents
// are the sentences of text, as the segment package makes them; each
// mention carries the index of its sentence. date is the reference day,
// usually the document's publication date: role phrases such as "Iran's
// president" resolve to whoever held the role that day, and people who
// share a name ("Bush") to the one nearest to it in office.
//
// Match allocates only the mentions it returns: its working buffers are
// reused from one call to the next.
func (g *Gazetteer) Match(text string, sents []redline.Sentence, date time.Time) []redline.Mention {
	m, _ := g.matchers.Get().(*matcher)
	if m == nil {
		m = &matcher{}
	}
	m.g, m.text, m.day = g, text, dayOf(date)
	m.marks.reset()
	for i, s := range sents {
		m.sent = int32(i)
		m.cut(s.Tokens)
		if len(m.starts) == 0 {
			continue
		}
		m.findAtoms()
		m.combine()
	}
	out := m.mentions()
	// Keep the buffers, but not the text or the dictionary.
	*m = matcher{buf: m.buf[:0], bufNotes: m.bufNotes[:0], starts: m.starts[:0], atoms: m.atoms[:0], out: m.out[:0]}
	g.matchers.Put(m)
	return out
}

// atom is a dictionary phrase found in a sentence: pieces [lo, hi).
type atom struct {
	lo, hi int
	node   int32
}

// matcher holds the state of one Match call.
type matcher struct {
	g      *Gazetteer
	text   string
	day    int32
	sent   int32
	marks  marks
	ps     pieces  // the pieces of the sentence
	starts []int32 // the pieces that may start a phrase, by the start filter
	atoms  []atom
	out    []record
	// buf and bufNotes hold the pieces of sentences with cut words.
	buf      []redline.Token
	bufNotes []note
}

// record is a mention before it becomes a redline.Mention: it holds no
// pointers, so collecting records costs the garbage collector nothing.
type record struct {
	actor, side int32 // the actor named, and the actor whose side it is on
	start, end  int32
	sent        int32
	kind        hitKind
	plural      bool
}

// findAtoms finds the longest phrase at each position, left to right.
// Only the pieces cut found in the start filter can start one.
func (m *matcher) findAtoms() {
	m.atoms = m.atoms[:0]
	t := &m.g.trie
	end := 0
	for _, i := range m.starts {
		if int(i) < end {
			continue
		}
		best := found{end: int(i), node: -1}
		t.walk(0, m.text, &m.ps, int(i), &best)
		if best.node >= 0 {
			m.atoms = append(m.atoms, atom{lo: int(i), hi: best.end, node: best.node})
			end = best.end
		}
	}
}

// combine turns the atoms of a sentence into mentions: role phrases first,
// then plain names, demonyms and capitals. A title that forms no role
// phrase is dropped.
func (m *matcher) combine() {
	for k := 0; k < len(m.atoms); {
		if n := m.role(k); n > 0 {
			k += n
			continue
		}
		a := m.atoms[k]
		if i, h, ok := m.resolve(a); ok {
			m.emit(i, i, h.kind, a.lo, a.hi, h.plural)
		}
		k++
	}
}

var mentionKinds = [...]redline.MentionKind{
	hitName:    redline.MentionName,
	hitDemonym: redline.MentionDemonym,
	hitCapital: redline.MentionCapital,
	hitTitle:   redline.MentionRole,
}

// emit records a mention of actor i, on the side of actor side, covering
// pieces [lo, hi).
func (m *matcher) emit(i, side int32, kind hitKind, lo, hi int, plural bool) {
	m.out = append(m.out, record{
		actor: i, side: side, kind: kind, plural: plural,
		start: int32(m.ps.toks[lo].Span.Start), end: int32(m.ps.toks[hi-1].Span.End), sent: m.sent,
	})
}

// mentions turns the records into mentions, with one allocation.
func (m *matcher) mentions() []redline.Mention {
	if len(m.out) == 0 {
		return nil
	}
	out := make([]redline.Mention, len(m.out))
	for j, r := range m.out {
		a := &m.g.actors[r.actor]
		out[j] = redline.Mention{
			Actor:    redline.ActorRef{ID: a.ID, Name: a.Name},
			Country:  m.g.country[r.side],
			Kind:     mentionKinds[r.kind],
			Span:     redline.Span{Start: int(r.start), End: int(r.end)},
			Sentence: int(r.sent),
			Person:   a.Kind == redline.KindPerson,
			Gender:   a.Gender,
			Plural:   r.plural,
		}
	}
	return out
}

// resolve returns the one actor a phrase names, ignoring titles. When the
// phrase names several actors, the one whose roles lie nearest the
// reference day wins; ok is false when none or a tie remains.
func (m *matcher) resolve(a atom) (int32, hit, bool) {
	n := &m.g.trie.nodes[a.node]
	switch n.name {
	case noHit:
		return 0, hit{}, false
	case byDate:
		return m.nearest(n.hits)
	}
	h := n.hits[n.name]
	return h.id, h, true
}

// nearest returns the actor of hits whose roles lie nearest the reference
// day, or false on a tie.
func (m *matcher) nearest(hits []hit) (int32, hit, bool) {
	best, bestDist, tie := -1, int32(0), false
	for j, h := range hits {
		if h.kind >= hitTitle || (best >= 0 && hits[best].id == h.id) {
			continue
		}
		d := m.distance(h.id)
		switch {
		case best < 0 || d < bestDist:
			best, bestDist, tie = j, d, false
		case d == bestDist:
			tie = true
		}
	}
	if best < 0 || tie {
		return 0, hit{}, false
	}
	return hits[best].id, hits[best], true
}

// distance returns how many days separate the reference day from the
// nearest role of actor i: 0 while a role is held, maxDay for an actor with
// no roles.
func (m *matcher) distance(i int32) int32 {
	d := int32(maxDay)
	for _, s := range m.g.spans[i] {
		switch {
		case m.day < s.from:
			d = min(d, s.from-m.day)
		case m.day > s.to:
			d = min(d, m.day-s.to)
		default:
			return 0
		}
	}
	return d
}

// titleOf returns the title an atom names, if it names one.
func (m *matcher) titleOf(a atom) (int32, bool) {
	t := m.g.trie.nodes[a.node].title
	return t, t != noHit
}

// is reports whether piece i exists and is the word w, in any case; w is
// in ASCII lower case.
func (m *matcher) is(i int, w string) bool {
	return i >= 0 && i < len(m.ps.toks) && sameWord(m.ps.str(m.text, i), w, false)
}

// isAny reports whether piece i exists and is one of words, in any case;
// the words are in ASCII lower case.
func (m *matcher) isAny(i int, words []string) bool {
	if i < 0 || i >= len(m.ps.toks) {
		return false
	}
	s := m.ps.str(m.text, i)
	ascii := isASCII(s)
	for _, w := range words {
		if sameWord(s, w, ascii) {
			return true
		}
	}
	return false
}

// sameWord is strings.EqualFold(s, w) for a word w in ASCII lower case.
// An ASCII s matches only a w of its length; s can be longer only by
// having one of the few other letters that fold to ASCII ones ("ſ",
// "K"). ascii set says that s is known to be all ASCII.
func sameWord(s, w string, ascii bool) bool {
	switch {
	case len(s) == len(w):
		return equalLower(w, s)
	case len(s) > len(w) && !ascii:
		return !isASCII(s) && strings.EqualFold(s, w)
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
