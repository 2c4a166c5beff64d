package factual

import "strings"

// nounPhrase reads the noun phrase an event heads, leftwards from token
// pos: a determiner, with up to three modifiers between it and the event.
// Negative determiners ("no deal"), a negator before the phrase ("without
// approval", "not a surprise"), modifiers ("the now-cancelled deal", "a
// possible merger") and a cancelling noun before it ("delay in delivery")
// count. It returns the determiner's index, or -1 when there is none.
func (r *reader) nounPhrase(pos int) int {
	if p := r.word(pos - 1); isPrep(p) && negNouns[r.word(pos-2)] {
		r.setNeg(r.word(pos - 2)) // "delay in [delivery]"
	} else if npNegators[p] {
		r.setNeg(p) // "without [agreement]"
	}
	for k := pos - 1; k >= 0 && k >= pos-6; k-- {
		w := r.word(k)
		switch {
		case w == "no":
			r.setNeg(w)
			r.modifiers(k+1, pos)
			return k
		case determiners[w]:
			r.modifiers(k+1, pos)
			if p := r.word(k - 1); npNegators[p] {
				r.setNeg(p)
			} else if isPrep(p) && negNouns[r.word(k-2)] {
				r.setNeg(r.word(k - 2))
			}
			return k
		case boundaries[w] || isPrep(w) || auxiliaries[w] || modals[w].future || modals[w].cert != "" || negators[w]:
			return -1
		case k < pos-1 && r.toks[k].Kind != 0:
			return -1
		}
		if _, ok := governors[w]; ok && modModifiers[w].cert == "" && !modModifiers[w].future {
			return -1
		}
	}
	return -1
}

// modifiers applies the modifiers in tokens [from, to).
func (r *reader) modifiers(from, to int) {
	for k := from; k < to; k++ {
		r.modifier(r.word(k))
	}
}

// modifier applies a modifier of a noun event: "cancelled", "possible",
// "planned", or a hyphenated form ending in one ("now-cancelled").
func (r *reader) modifier(w string) {
	if i := strings.LastIndexByte(w, '-'); i >= 0 && w != "would-be" {
		w = w[i+1:]
	}
	if negModifiers[w] {
		r.setNeg(w)
	}
	if m, ok := modModifiers[w]; ok {
		r.setCert(m.cert, w)
		if m.future {
			r.setFuture(w)
		}
	}
}

// predicate reads what follows a noun event for a passive that cancels
// it: "[the departure] ... has been delayed", "test [flight] delayed
// after". A participle right after the event counts for any event not
// itself a participle; a later one needs a form of "be" or "have" before
// it, within the clause, and an event that heads a noun phrase (np).
func (r *reader) predicate(i0, i1 int, np bool) {
	if strings.HasSuffix(r.word(i0), "ed") {
		return
	}
	aux := false
	for k := i1 + 1; k < len(r.toks) && k <= i1+24; k++ {
		w := r.word(k)
		switch {
		case k == i1+1 && headlineNeg[w] && !determiners[r.word(k+1)] && r.toks[min(k+1, len(r.toks)-1)].Kind != 1:
			r.setNeg(w) // "test [flight] delayed after accident"
			return
		case negModifiers[w] && aux && np:
			r.setNeg(w)
			return
		case aux && np && r.word(k+1) == "to" && epistemicPassives[w] != "":
			r.setCert(epistemicPassives[w], w) // "the deliveries are scheduled to"
			return
		case aux && np && (w == "likely" || w == "unlikely"):
			r.setCert(Probable, w)
			return
		case isBe(w) || w == "has" || w == "have" || w == "had" || w == "will" || w == "would":
			aux = true
		case aux && (groupAdverbs[w] || isAdverb(w)):
		case aux:
			return
		case rightStops[w]:
			return
		}
	}
}

// rightStops end the search for a predicate after a noun event.
var rightStops = map[string]bool{
	",": true, ";": true, ":": true, "(": true, ")": true, ".": true, "that": true, "which": true,
	"who": true, "but": true, "because": true, "while": true, "when": true, "if": true, "-": true, "--": true,
}
