package factual

import "strings"

// verbGroup is what stands left of a frame's head inside its verb group:
// "could not have been [delayed]", "not to [buy]".
type verbGroup struct {
	stop   int    // the token just left of the group, or -1
	neg    string // the negator, if any
	modal  string // the nearest modal, if any
	hedge  string // the nearest epistemic adverb, if any
	hasTo  bool   // the group is an infinitive
	passBe bool   // the group holds a form of "be"
}

// group reads the verb group ending just before token pos.
func (r *reader) group(pos int) verbGroup {
	g := verbGroup{stop: -1}
	for k := pos - 1; k >= 0; k-- {
		w := r.word(k)
		if g.hasTo && !negators[w] {
			g.stop = k // "expects [to] cut": the rest is the governor's
			return g
		}
		switch {
		case negators[w] || w == "longer" && r.word(k-1) == "no":
			if g.neg == "" {
				g.neg = w
			}
			if w == "cannot" && g.modal == "" {
				g.modal = "can"
			}
			if w == "longer" {
				k--
			}
		case modals[w].cert != "" || modals[w].future || w == "must":
			if g.modal == "" {
				g.modal = w
			}
		case hedges[w] != "":
			if g.hedge == "" {
				g.hedge = w
			}
		case auxiliaries[w] && !(w == "'s" && k == pos-1):
			g.hasTo = w == "to"
			g.passBe = g.passBe || isBe(w)
		case groupAdverbs[w] || isAdverb(w):
		default:
			g.stop = k
			return g
		}
	}
	return g
}

func isBe(w string) bool {
	switch w {
	case "be", "is", "are", "was", "were", "been", "being", "am", "'re", "'m":
		return true
	}
	return false
}

// isAdverb guesses that a word ending in -ly is an adverb.
func isAdverb(w string) bool {
	if len(w) < 5 || !strings.HasSuffix(w, "ly") {
		return false
	}
	switch w {
	case "family", "supply", "apply", "rely", "reply", "italy", "july", "assembly", "monopoly", "ally", "early", "only":
		return false
	}
	return true
}

// applyGroup sets what a verb group says. Negation counts only in the
// event's own group; modality and futurity pass up the chain. A negated
// "can" or "could" states an inability, which is certain.
func (r *reader) applyGroup(g *verbGroup, level int) {
	if g.neg != "" && level == 0 {
		r.setNeg(g.neg)
	}
	if g.hedge != "" {
		r.setCert(hedges[g.hedge], g.hedge)
	}
	if g.modal == "" {
		return
	}
	m := modals[g.modal]
	if g.neg == "" || g.modal == "may" || g.modal == "might" {
		r.setCert(m.cert, g.modal)
	}
	if m.future {
		r.setFuture(g.modal)
	}
}

// infinitive reads the governor of an infinitive at token k ("expects to
// cut", "are said to be") and returns the frame to read next, or -1.
func (r *reader) infinitive(k, level int) int {
	if k < 0 {
		if level == 0 {
			r.setFuture("to") // a headline: "GM to cut jobs"
		}
		return -1
	}
	w := r.word(k)
	if isBe(w) || w == "going" || w == "about" {
		r.setFuture(w + " to") // "is to", "are going to"
		return k
	}
	if c, ok := epistemicPassives[w]; ok && (r.group(k).passBe || w == "allowed" || w == "permitted") {
		r.setCertGov(c, w)
		if w == "expected" || w == "scheduled" || w == "allowed" || w == "permitted" {
			r.setFuture(w)
		}
		return k
	}
	if gv, ok := governors[w]; ok && gv.comps&compTo != 0 {
		r.apply(gv, w, level)
		if gv.say {
			return -1
		}
		return k
	}
	if level == 0 && !noFutureTo[w] {
		r.setFuture("to")
	}
	return -1
}

// noFutureTo are words before "to" that do not point ahead: "used to",
// "the first to", "too early to".
var noFutureTo = map[string]bool{
	"used": true, "able": true, "enough": true, "first": true, "last": true, "only": true, "too": true,
	"according": true, "due": true, "thanks": true, "prior": true, "addition": true, "close": true,
}

// apply sets what a governor says of the frame it governs. Its negation
// counts only for the event itself (level 0).
func (r *reader) apply(gv gov, w string, level int) {
	if gv.neg && level == 0 {
		r.setNeg(w)
	}
	r.setCertGov(gv.cert, w)
	if gv.future {
		r.setFuture(w)
	}
}

// direct reads the governor of a frame with no verb group: a verb taking
// it as a gerund or object ("stop selling", "negotiated the purchase"),
// or else a that-clause above it. np is the start of the event's noun
// phrase, or -1.
func (r *reader) direct(pos, np, level int) int {
	k := pos - 1
	if np >= 0 {
		k = np - 1
	}
	w := r.word(k)
	want := compObj
	if strings.HasSuffix(r.word(pos), "ing") {
		want |= compGerund
	}
	if gv, ok := governors[w]; ok && gv.comps&want != 0 && !gv.say {
		r.apply(gv, w, level)
		r.viaObj = true
		return k
	}
	switch {
	case k < 0:
		return -1
	case np >= 0 && (boundaries[w] || isPrep(w)):
		return -1
	case np >= 0:
		r.viaObj = true
		return k // "may have [a large impact]": read the verb's group
	}
	return r.thatClause(k, level)
}

// thatClause looks left from token k, across the subject of a clause, for
// the word that governs the clause: "expected that [X will wear]",
// "denied (that) [X attacked]". Reporting verbs are transparent, unless
// negated ("could not confirm that"), which leaves the clause possible.
// The chain ends here.
func (r *reader) thatClause(k, level int) int {
	for j := k; j >= 0 && j > k-9; j-- {
		w := r.word(j)
		if w == "that" || w == "whether" {
			if j == k {
				return -1 // "the deal that had been killed": a relative
			}
			r.clauseGovernor(j-1, w == "whether", level)
			return -1
		}
		if gv, ok := governors[w]; ok && gv.comps&compThat != 0 && j < k {
			r.clauseGovernor(j, false, level)
			return -1
		}
		if boundaries[w] || (auxiliaries[w] && w != "'s") || modals[w].cert != "" || modals[w].future ||
			isPrep(w) && w != "of" || w == "what" {
			return -1
		}
	}
	return -1
}

// clauseGovernor applies the governor at token j of a clause.
func (r *reader) clauseGovernor(j int, whether bool, level int) {
	w := r.word(j)
	if c, ok := epistemicPassives[w]; ok && r.group(j).passBe {
		r.setCertGov(c, w)
		return
	}
	gv, ok := governors[w]
	if !ok {
		if whether {
			r.setCert(Possible, "whether")
		}
		return
	}
	g := r.group(j)
	switch {
	case gv.say && (g.neg != "" || whether):
		r.setCert(Possible, g.neg+" "+w)
	case gv.say:
		r.reported = true
	case gv.neg && g.neg == "":
		r.setNeg(w) // "denied that X attacked"
	case !gv.say:
		r.setCertGov(gv.cert, w)
		r.applyGroup(&g, level+1)
	}
}

func isPrep(w string) bool {
	switch w {
	case "of", "in", "on", "for", "to", "from", "with", "by", "at", "into", "over", "under", "about", "after", "before":
		return true
	}
	return false
}
