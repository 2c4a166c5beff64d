package actor

import (
	"redline"
)

// role turns the atoms from k on into a role mention, returning how many
// atoms it used, or 0 when they form no role phrase. The phrases are:
//
//	[the] SIDE ['s] TITLE [PERSON]   "Iran's president", "the Iranian president",
//	                                 "US Secretary of State Antony Blinken"
//	[the] TITLE of [the] SIDE        "the president of the United States"
//	TITLE PERSON                     "President Trump"
//	[the] TITLE                      "the Supreme Leader", for a bare title
//
// where SIDE is a state, organisation or group named by name, demonym or
// capital. A named person wins over the holder of the role on the day.
func (m *matcher) role(k int) int {
	a := m.atoms[k]
	if t, ok := m.titleOf(a); ok {
		return m.titleFirst(k, t)
	}
	// A title must follow at once, or after a possessive.
	if k+1 >= len(m.atoms) {
		return 0
	}
	switch next := m.atoms[k+1].lo; {
	case next == a.hi && !m.isPossessive(a.hi):
	case next == a.hi+1 && m.isPossessive(a.hi):
	default:
		return 0
	}
	t, ok := m.titleOf(m.atoms[k+1])
	if !ok {
		return 0
	}
	x, ok := m.side(a)
	if !ok {
		return 0
	}
	if p, ok := m.personAt(k+2, m.atoms[k+1].hi); ok {
		m.emit(p, x, hitTitle, m.withThe(a.lo), m.atoms[k+2].hi, false)
		return 3
	}
	if m.notCurrent(a.lo, m.atoms[k+1].hi) {
		return 0
	}
	m.emitHolder(t, x, m.withThe(a.lo), m.atoms[k+1].hi)
	return 2
}

// isPossessive reports whether piece i is "'s" or a lone apostrophe.
func (m *matcher) isPossessive(i int) bool { return m.is(i, "'s") || m.is(i, "'") }

// titleFirst handles the phrases that start with a title.
func (m *matcher) titleFirst(k int, t int32) int {
	a := m.atoms[k]
	if p, ok := m.personAt(k+1, a.hi); ok {
		m.emit(p, p, hitTitle, a.lo, m.atoms[k+1].hi, false)
		return 2
	}
	if m.notCurrent(a.lo, a.hi) {
		return 0
	}
	if j := a.hi + 1; m.is(a.hi, "of") && k+1 < len(m.atoms) {
		if m.is(j, "the") && m.atoms[k+1].lo == j+1 {
			j++
		}
		if x, ok := m.side(m.atoms[k+1]); ok && m.atoms[k+1].lo == j {
			m.emitHolder(t, x, m.withThe(a.lo), m.atoms[k+1].hi)
			return 2
		}
	}
	if x := m.g.titles[t].bareOf; x >= 0 {
		m.emitHolder(t, x, m.withThe(a.lo), a.hi)
		return 1
	}
	return 0
}

// emitHolder emits a role mention for whoever held title t of x on the
// reference day, or for x itself when no one did.
func (m *matcher) emitHolder(t, x int32, lo, hi int) {
	who := m.g.holder(m.g.titles[t].office, x, m.day)
	if who < 0 {
		who = x
	}
	m.emit(who, x, hitTitle, lo, hi, false)
}

// side returns the state, organisation or group an atom names.
func (m *matcher) side(a atom) (int32, bool) {
	i, _, ok := m.resolve(a)
	if !ok || m.g.actors[i].Kind == redline.KindPerson {
		return 0, false
	}
	return i, true
}

// personAt returns the person atom k names, if it starts at piece pos.
func (m *matcher) personAt(k, pos int) (int32, bool) {
	if k >= len(m.atoms) || m.atoms[k].lo != pos {
		return 0, false
	}
	i, _, ok := m.resolve(m.atoms[k])
	if !ok || m.g.actors[i].Kind != redline.KindPerson {
		return 0, false
	}
	return i, true
}

// withThe returns lo, or the index of a "the" just before it.
func (m *matcher) withThe(lo int) int {
	if m.is(lo-1, "the") {
		return lo - 1
	}
	return lo
}

// notCurrent reports whether a role phrase at pieces [lo, hi) is marked as
// not held on the reference day: "former", "ex-", "late", "then" before it
// or "-elect" after it. Such a phrase names someone the date cannot find.
func (m *matcher) notCurrent(lo, hi int) bool {
	if m.is(lo-1, "the") {
		lo--
	}
	w := lo - 1
	if m.is(w, "-") {
		w--
	}
	return m.isAny(w, notCurrentWords[:]) || m.is(hi, "-") && (m.is(hi+1, "elect") || m.is(hi+1, "designate"))
}

var notCurrentWords = [...]string{
	"former", "ex", "late", "then", "previous", "onetime", "erstwhile", "future", "incoming", "next",
}
