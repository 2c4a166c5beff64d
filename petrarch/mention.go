package petrarch

import (
	"strings"

	"redline"
)

// linkWords join an agent to the actor it belongs to: "the government of
// Gondor", "lawmakers in Fornost", "soldiers from Gondor".
var linkWords = redline.NewFoldSet("of", "in", "from")

// groupNPs builds the compounds of the sentence and codes their members.
func (t *tagged) groupNPs(d *Dictionaries, date int, join bool, newLen int) {
	s := t.s
	for i := 0; i < len(t.nps); {
		members, end := t.coordination(i, t.bufA[:0])
		t.bufA = members
		// An agent-only compound linked to actors ("the ambassadors of
		// Arnor and Gondor") takes them.
		var linked []int
		if t.linkable(members) {
			last := t.nps[members[len(members)-1]]
			if k := last.end; k+1 < len(s.words) && t.links(members, k) && t.npOf[k+1] >= 0 {
				next, nend := t.coordination(int(t.npOf[k+1]), t.bufB[:0])
				t.bufB = next
				if t.nps[next[0]].start == k+1 && t.hasActor(next) {
					linked, end = next, nend
				}
			}
		}
		g := group{span: span{t.nps[members[0]].start, t.nps[end-1].end}}
		if linked != nil {
			for _, a := range members {
				for _, b := range linked {
					g.members = t.code(g.members, d, b, t.nps[a].agents, date, join)
				}
			}
		} else {
			var inherited []int32 // actor and agents a bare agent takes from the conjunct before
			for _, m := range members {
				p := &t.nps[m]
				if p.actor < 0 && len(p.agents) > 0 && inherited != nil {
					g.members = t.codeWith(g.members, d, inherited, p.agents, date, join)
					continue
				}
				if p.actor >= 0 || len(p.agents) > 0 {
					g.members = t.code(g.members, d, m, nil, date, join)
				} else if newLen > 0 && len(members) > 1 && t.hasActor(members) {
					// An uncoded conjunct of a coded compound may be a new
					// actor ("Eriador's death and injury toll").
					if code, n := newActorCode(t.s, p.span); n > 0 && n <= newLen {
						g.members = append(g.members, mention{span: p.span, code: code})
					}
				}
				if p.actor >= 0 {
					inherited = append([]int32{p.actor}, p.agents...)
					if len(inherited) > 1 {
						inherited = inherited[:len(inherited)-1]
					}
				}
			}
		}
		if len(g.members) > 0 {
			for k := g.start; k < g.end; k++ {
				t.groupOf[k] = int32(len(t.groups))
			}
			t.groups = append(t.groups, g)
		}
		i = end
	}
}

// coordination returns the noun phrases of the compound that starts at np
// i ("A, B and C", "neither A nor B") and the index after its last.
// Phrases joined by commas alone are not a compound.
func (t *tagged) coordination(i int, buf []int) ([]int, int) {
	s := t.s
	members := append(buf, i)
	hadConj := false
	j := i
	for j+1 < len(t.nps) {
		gap := span{t.nps[j].end, t.nps[j+1].start}
		comma, conj := false, false
		ok := gap.end > gap.start
		for k := gap.start; k < gap.end && ok; k++ {
			w := &s.words[k]
			switch {
			case w.is(cComma) && !comma && !conj:
				comma = true
			case w.is(cConj) && !conj:
				conj = true
			default:
				ok = false
			}
		}
		if !ok {
			break
		}
		members = append(members, j+1)
		j++
		if conj {
			hadConj = true
			break
		}
	}
	if !hadConj {
		return members[:1], i + 1
	}
	return members, j + 1
}

// linkable reports whether phrases can take the actor of a phrase linked
// to them: they have none of their own.
func (t *tagged) linkable(members []int) bool {
	for _, m := range members {
		if t.nps[m].actor >= 0 {
			return false
		}
	}
	return true
}

// links reports whether word k links phrases to the actor after it:
// "of", "in" or "from" after agents ("lawmakers in Fornost"), "of" after
// a phrase with no code at all ("the population of Gondor").
func (t *tagged) links(members []int, k int) bool {
	f := t.s.words[k].fold
	if !linkWords.Has(f) {
		return false
	}
	for _, m := range members {
		if len(t.nps[m].agents) == 0 {
			return f == foldOf
		}
	}
	return true
}

var foldOf = redline.FoldOf("of")

func (t *tagged) hasActor(members []int) bool {
	for _, m := range members {
		if t.nps[m].actor >= 0 {
			return true
		}
	}
	return false
}

// code appends the mentions of noun phrase m, with extra agents applied
// after its own.
func (t *tagged) code(out []mention, d *Dictionaries, m int, extra []int32, date int, join bool) []mention {
	p := &t.nps[m]
	ids := make([]int32, 0, 1+len(p.agents)+len(extra))
	ids = append(ids, p.actor)
	ids = append(ids, p.agents...)
	ids = append(ids, extra...)
	return appendMentions(out, d, p.span, ids, date, join)
}

// codeWith appends the mentions of a bare agent phrase that takes the
// actor and agents of the conjunct before it ("Danish media and
// government").
func (t *tagged) codeWith(out []mention, d *Dictionaries, base, agents []int32, date int, join bool) []mention {
	ids := append(append([]int32(nil), base...), agents...)
	return appendMentions(out, d, span{}, ids, date, join)
}

// appendMentions codes an actor (ids[0], -1 for none) with agents
// (ids[1:]).
func appendMentions(out []mention, d *Dictionaries, sp span, ids []int32, date int, join bool) []mention {
	actor := nullCode
	if ids[0] >= 0 {
		actor = d.Actors.List[ids[0]].CodeOn(date)
	}
	rest := ""
	if !join {
		actor, rest, _ = strings.Cut(actor, "/")
	}
	for {
		c := actor
		for _, a := range ids[1:] {
			c = withAgent(c, d.Agents.List[a])
		}
		out = append(out, mention{span: sp, code: c})
		if rest == "" {
			return out
		}
		actor, rest, _ = strings.Cut(rest, "/")
	}
}

// withAgent adds an agent code to an actor code: after it (USA + GOV =
// USAGOV) or, for an agent written NGO~, before it. A code the actor
// already carries after its root is not added again.
func withAgent(code string, a Agent) string {
	if a.Prefix {
		if strings.HasPrefix(code, a.Code) {
			return code
		}
		if code == nullCode {
			return a.Code
		}
		return a.Code + code
	}
	if len(code) > 3 && strings.Contains(code[3:], a.Code) {
		return code
	}
	return code + a.Code
}

// mergeLinks joins a phrase of agents alone to the actor phrase it is
// linked to by "of", "in" or "from" ("the government of Gondor"), unless
// that actor starts a compound, which groupNPs links as a whole.
func (t *tagged) mergeLinks() {
	t.mergeAdjectives()
	out := t.nps[:0]
	for i := 0; i < len(t.nps); i++ {
		p := t.nps[i]
		if p.actor < 0 && i+1 < len(t.nps) {
			q := t.nps[i+1]
			k := p.end
			one := [1]int{i}
			if q.start == k+1 && t.links(one[:], k) && q.actor >= 0 && !t.startsCompound(i+1) {
				p.end, p.actor = q.end, q.actor
				p.agents = append(append([]int32(nil), q.agents...), p.agents...)
				i++
			}
		}
		out = append(out, p)
	}
	t.nps = out
	for k := range t.npOf {
		t.npOf[k] = -1
	}
	for i, p := range t.nps {
		for k := p.start; k < p.end; k++ {
			t.npOf[k] = int32(i)
		}
	}
}

// mergeAdjectives joins "Ithilen's awful and evil minister": a phrase
// whose actor is a possessor and whose other words name no one, then
// "and", then a phrase with an agent, are one phrase with the first's
// actor and the second's agents.
func (t *tagged) mergeAdjectives() {
	s := t.s
	out := t.nps[:0]
	for i := 0; i < len(t.nps); i++ {
		p := t.nps[i]
		if i+1 < len(t.nps) && p.actor >= 0 && len(p.agents) == 0 {
			q := t.nps[i+1]
			if q.start == p.end+1 && s.words[p.end].is(cConj) && len(q.agents) > 0 && !s.words[q.start].is(cDet) && t.possessorOnly(p) {
				p.end, p.agents = q.end, q.agents
				i++
			}
		}
		out = append(out, p)
	}
	t.nps = out
}

// possessorOnly reports whether the actor of p is followed by "'s" and
// nothing after that is an actor or agent.
func (t *tagged) possessorOnly(p np) bool {
	s := t.s
	for k := p.start; k < p.end; k++ {
		if s.words[k].is(cPoss) && k > p.start && t.actorOf[k-1] >= 0 {
			for j := k + 1; j < p.end; j++ {
				if t.actorOf[j] >= 0 || t.agentOf[j] >= 0 {
					return false
				}
			}
			return k+1 < p.end
		}
	}
	return false
}

// startsCompound reports whether np i is the first of a compound.
func (t *tagged) startsCompound(i int) bool {
	m, _ := t.coordination(i, t.bufC[:0])
	t.bufC = m
	return len(m) > 1
}
