package actor

import (
	"strings"
	"time"

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
// Match allocates only for the mentions it returns and a buffer reused
// across sentences.
func (g *Gazetteer) Match(text string, sents []redline.Sentence, date time.Time) []redline.Mention {
	m := matcher{g: g, text: text, day: dayOf(date), vt: make([]vtok, 0, 64)}
	for i, s := range sents {
		m.sent = int32(i)
		m.vt = m.vt[:0]
		for _, t := range s.Tokens {
			m.vt = appendPieces(m.vt, text, t.Span.Start, t.Span.End, t.Kind)
		}
		m.findAtoms()
		m.combine()
	}
	return m.mentions()
}

// atom is a dictionary phrase found in a sentence: vtoks [lo, hi).
type atom struct {
	lo, hi int
	node   *node
}

// matcher holds the state of one Match call.
type matcher struct {
	g     *Gazetteer
	text  string
	day   int32
	sent  int32
	vt    []vtok
	atoms []atom
	out   []record
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
func (m *matcher) findAtoms() {
	m.atoms = m.atoms[:0]
	for i := 0; i < len(m.vt); {
		if m.vt[i].flags&vWord == 0 {
			i++
			continue
		}
		best := found{end: i}
		m.g.walkRoot(m.text, m.vt, i, &best)
		if best.node == nil {
			i++
			continue
		}
		m.atoms = append(m.atoms, atom{lo: i, hi: best.end, node: best.node})
		i = best.end
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
		if i, h, ok := m.resolve(a.node); ok {
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
// vtoks [lo, hi).
func (m *matcher) emit(i, side int32, kind hitKind, lo, hi int, plural bool) {
	m.out = append(m.out, record{
		actor: i, side: side, kind: kind, plural: plural,
		start: m.vt[lo].start, end: m.vt[hi-1].end, sent: m.sent,
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
func (m *matcher) resolve(n *node) (int32, hit, bool) {
	best, bestDist, tie := -1, int32(0), false
	for j, h := range n.hits {
		if h.kind >= hitTitle || (best >= 0 && n.hits[best].id == h.id) {
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
	return n.hits[best].id, n.hits[best], true
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
func titleOf(a atom) (int32, bool) {
	for _, h := range a.node.hits {
		if h.kind == hitTitle {
			return h.id, true
		}
	}
	return 0, false
}

// is reports whether vt[i] exists and is the word w, in any case.
func (m *matcher) is(i int, w string) bool {
	return i >= 0 && i < len(m.vt) && strings.EqualFold(m.vt[i].str(m.text), w)
}
