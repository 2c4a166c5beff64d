package analysis

// statuses returns the status each red line of lines (digest indexes) has
// at the end of the record, the Status its ledger would end with, without
// following each line through the record:
//
//   - crossed when any deed or statement crosses it, which an index of
//     the latest end of the deeds and the latest start of the offers of
//     each side, action and target side answers at once;
//   - else the status the latest occasion that changes a line of its
//     speaker, topic and target and of its sign gives it, when that
//     occasion is later than the line;
//   - else held.
//
// When one date value is written at two grains, occasions (grouped by
// value) and dates (ordered by grain too) part ways; statuses then follows
// each line instead.
func (fl *follower) statuses(lines []int32) []string {
	out := make([]string, len(lines))
	if fl.f.ambiguousValues() {
		fl.fileOwn(lines)
		for i, rl := range lines {
			out[i] = fl.ledger(rl).status
		}
		return out
	}
	at := make(map[int32]int, len(lines))
	for i, rl := range lines {
		at[rl] = i
	}
	fl.eachStatus(lines, func(rl int32, status string) { out[at[rl]] = status })
	return out
}

// statusCounts counts the red lines of lines by status at the end of the
// record, as statuses finds them.
func (fl *follower) statusCounts(lines []int32) map[string]int {
	out := map[string]int{StatusHeld: 0, StatusReaffirmed: 0, StatusSoftened: 0, StatusCrossed: 0}
	if fl.f.ambiguousValues() {
		for _, s := range fl.statuses(lines) {
			out[s]++
		}
		return out
	}
	var n [4]int // held, reaffirmed, softened, crossed
	fl.eachStatus(lines, func(_ int32, status string) {
		switch status {
		case StatusHeld:
			n[0]++
		case StatusReaffirmed:
			n[1]++
		case StatusSoftened:
			n[2]++
		default:
			n[3]++
		}
	})
	out[StatusHeld], out[StatusReaffirmed], out[StatusSoftened], out[StatusCrossed] = n[0], n[1], n[2], n[3]
	return out
}

// eachStatus calls fn with each red line of lines and its status, taking
// them in the order of the digest, which reads it front to back.
func (fl *follower) eachStatus(lines []int32, fn func(rl int32, status string)) {
	f, st := fl.f, fl.f.d.Statements
	isLine := make([]bool, len(st))
	for _, rl := range lines {
		isLine[rl] = true
	}
	cross := fl.crossIndex()
	groups, n := f.statementGroups()
	last := f.lastChanges()
	memo := make([]threshold, n) // per group of lines toward a named target
	for i, line := range isLine {
		if !line {
			continue
		}
		rl := int32(i)
		s := &st[rl]
		span := f.span[s.Said]
		crossed := false
		switch {
		case s.Stance != f.against || f.strs.strs[f.sideOfActor(s.Speaker)] == "":
		case s.Target != 0 && f.d.Actors[s.Target].ID != "":
			t := &memo[groups[rl]]
			if !t.found {
				*t = cross.threshold(fl, rl)
			}
			crossed = t.deed > span.start || span.ok && t.offer >= span.end || !span.ok && t.offer > zeroDay
		default:
			crossed = cross.crossed(fl, rl)
		}
		c := last[groups[rl]][f.w[s.Stance].sign+1]
		switch {
		case crossed:
			fn(rl, StatusCrossed)
		case c.status != "" && c.span.after(span):
			fn(rl, c.status)
		default:
			fn(rl, StatusHeld)
		}
	}
}

// threshold is what crosses the red lines of one speaker against one
// action toward one named target: the latest end of the deeds and the
// latest start of the statements by others of the speaker's side.
type threshold struct {
	found       bool
	deed, offer int32
}

// threshold returns the threshold of red line rl's speaker, topic and
// target, which must be named.
func (x *crossIndex) threshold(fl *follower, rl int32) threshold {
	f := fl.f
	s := &f.d.Statements[rl]
	side, target := f.sideOfActor(s.Speaker), f.sideOfRef(s.Target)
	t := threshold{found: true, deed: zeroDay - 1, offer: zeroDay - 1}
	for _, verb := range f.contradicted[s.Topic] {
		k, ok := x.keys.find(side, verb, target)
		if !ok {
			continue
		}
		o := x.offers[k][0]
		if o.speaker == f.key[s.Speaker] {
			o = x.offers[k][1]
		}
		if o.speaker >= 0 {
			t.offer = max(t.offer, o.start)
		}
		t.deed = max(t.deed, x.deeds[k])
	}
	return t
}

// offer is the start of a crossing statement and its speaker's key.
type offer struct{ start, speaker int32 }

// noOffer is less than any offer.
var noOffer = offer{start: zeroDay - 1, speaker: -1}

// crossIndex holds, per side, action and target side (numbered by keys),
// the latest end of the deeds that cross that side's red lines against the
// action, and the latest starts of the statements that do, by two
// different speakers (a speaker cannot cross their own red line).
type crossIndex struct {
	keys   *grouper
	deeds  []int32    // per key: the latest end, or zeroDay-1
	offers [][2]offer // per key
	buf    []int32
}

// slot returns the number of key (side, verb, target), adding it if new.
func (x *crossIndex) slot(side, verb, target int32) int32 {
	k := x.keys.id(side, verb, target)
	if int(k) == len(x.deeds) {
		x.deeds, x.offers = append(x.deeds, zeroDay-1), append(x.offers, [2]offer{noOffer, noOffer})
	}
	return k
}

func (fl *follower) crossIndex() *crossIndex {
	f := fl.f
	x := &crossIndex{keys: f.grouper()}
	type latest struct{ target, end int32 }
	var ends []latest // of one list, per target side: few, so looked up in turn
	for n, l := range fl.deeds.lists {
		ends = ends[:0]
		for _, d := range l {
			if d.start >= farFuture || d.crosses < 0 {
				continue // beyond where crossings look, or crossing nothing
			}
			j := 0
			for j < len(ends) && ends[j].target != d.crosses {
				j++
			}
			if j == len(ends) {
				ends = append(ends, latest{d.crosses, d.end})
			}
			ends[j].end = max(ends[j].end, d.end)
		}
		k := fl.deeds.of[n]
		for _, e := range ends {
			slot := x.slot(k.side, k.verb, e.target)
			x.deeds[slot] = max(x.deeds[slot], e.end)
		}
	}
	var best [][2]offer // of one list, per target side in targets
	var targets []int32
	for n, l := range fl.offers.lists {
		best, targets = best[:0], targets[:0]
		for _, o := range l {
			if !o.span.ok {
				continue // never later than anything
			}
			j := 0
			for j < len(targets) && targets[j] != o.target {
				j++
			}
			if j == len(targets) {
				targets, best = append(targets, o.target), append(best, [2]offer{noOffer, noOffer})
			}
			best[j] = later(best[j], offer{o.span.start, o.key})
		}
		k := fl.offers.of[n]
		for j, t := range targets {
			slot := x.slot(k.side, k.verb, t)
			for _, o := range best[j] {
				if o.speaker >= 0 {
					x.offers[slot] = later(x.offers[slot], o)
				}
			}
		}
	}
	return x
}

// later returns the two latest offers of best and o: best[0] the latest of
// all, best[1] the latest by anyone but best[0]'s speaker.
func later(best [2]offer, o offer) [2]offer {
	switch {
	case o.speaker == best[0].speaker:
		best[0].start = max(best[0].start, o.start)
	case o.start > best[0].start:
		best = [2]offer{o, best[0]}
	case o.start > best[1].start:
		best[1] = o
	}
	return best
}

// crossed reports whether anything crosses red line rl, as crossings
// would find it.
func (x *crossIndex) crossed(fl *follower, rl int32) bool {
	f := fl.f
	s := &f.d.Statements[rl]
	side := f.sideOfActor(s.Speaker)
	if s.Stance != f.against || f.strs.strs[side] == "" {
		return false
	}
	span := f.span[s.Said]
	targets := fl.targets(x.buf, rl)
	if s.Target == 0 {
		targets = append(targets, f.none) // a statement toward no one crosses a line toward no one
	}
	x.buf = targets
	for _, verb := range f.contradicted[s.Topic] {
		for _, t := range targets {
			k, ok := x.keys.find(side, verb, t)
			if !ok {
				continue
			}
			if x.deeds[k] > span.start && f.strs.strs[t] != "" {
				return true
			}
			o := x.offers[k][0]
			if o.speaker == f.key[s.Speaker] {
				o = x.offers[k][1]
			}
			if o.speaker >= 0 && (span.ok && o.start >= span.end || !span.ok && o.start > zeroDay) {
				return true
			}
		}
	}
	return false
}

// lastChange is the latest occasion that changes the red lines of a
// speaker, topic, target and sign: its date and the status it gives them.
type lastChange struct {
	rank   int32
	span   interval
	status string
}

// lastChanges finds, for each speaker, topic and target (numbered by
// statementGroups), the latest occasion that would reaffirm or soften a
// red line of each sign (-1, 0 and 1, at 0, 1 and 2); on one occasion,
// reaffirming wins.
func (f *frame) lastChanges() [][3]lastChange {
	groups, n := f.statementGroups()
	out := make([][3]lastChange, n)
	st := f.d.Statements
	for i := range st {
		s := &st[i]
		span := f.span[s.Said]
		if !span.ok {
			continue // never later than a red line
		}
		w := f.w[s.Stance]
		if w.sign == 0 && !s.Threat {
			continue // neutral words change nothing but neutral threats
		}
		for sign := int8(-1); sign <= 1; sign++ {
			status := ""
			switch {
			case f.reaffirms(sign, s):
				status = StatusReaffirmed
			case f.softens(sign, s):
				status = StatusSoftened
			default:
				continue
			}
			c, rank := &out[groups[i]][sign+1], f.rank[s.Said]
			if c.status == "" || rank > c.rank || rank == c.rank && status == StatusReaffirmed {
				*c = lastChange{rank, span, status}
			}
		}
	}
	return out
}
