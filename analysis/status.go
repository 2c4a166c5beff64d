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
		for i, rl := range lines {
			out[i] = fl.ledger(rl).status
		}
		return out
	}
	cross := fl.crossIndex()
	last := fl.f.lastChanges()
	st := fl.f.d.Statements
	for i, rl := range lines {
		s := &st[rl]
		switch c, ok := last[changeKey{fl.f.key[s.Speaker], s.Topic, fl.f.id[s.Target], fl.f.w[s.Stance].sign}]; {
		case cross.crossed(fl, rl):
			out[i] = StatusCrossed
		case ok && c.span.after(fl.f.span[s.Said]):
			out[i] = c.status
		default:
			out[i] = StatusHeld
		}
	}
	return out
}

// crossKey files what may cross a red line: the side of the line's
// speaker, the action and the side the crossing is directed at.
type crossKey struct{ side, verb, target int32 }

// offer is the start of a crossing statement and its speaker's key.
type offer struct{ start, speaker int32 }

// crossIndex holds, per side, action and target side, the latest end of
// the deeds that cross that side's red lines against the action, and the
// latest starts of the statements that do, by two different speakers
// (a speaker cannot cross their own red line).
type crossIndex struct {
	deeds  map[crossKey]int32
	offers map[crossKey][2]offer
}

func (fl *follower) crossIndex() *crossIndex {
	f := fl.f
	x := &crossIndex{deeds: map[crossKey]int32{}, offers: map[crossKey][2]offer{}}
	for k, l := range fl.deeds.lists {
		for _, d := range l {
			if d.start >= farFuture {
				continue // beyond where crossings look
			}
			e := &f.d.Events[d.ev]
			actor, other := f.sideOfActor(e.Actor), f.sideOfRef(e.Target)
			if actor != k.side && f.talks(e) && other == k.side {
				actor, other = other, actor
			}
			if actor == k.side {
				ck := crossKey{k.side, k.verb, other}
				if end, ok := x.deeds[ck]; !ok || d.end > end {
					x.deeds[ck] = d.end
				}
			}
		}
	}
	none := offer{start: zeroDay - 1, speaker: -1}
	for k, l := range fl.offers {
		for _, o := range l {
			s := &f.d.Statements[o]
			span := f.span[s.Said]
			if !span.ok {
				continue // never later than anything
			}
			ck := crossKey{k.side, k.verb, f.sideOfRef(s.Target)}
			best, ok := x.offers[ck]
			if !ok {
				best = [2]offer{none, none}
			}
			// best[0] is the latest of all; best[1] the latest by anyone
			// but best[0]'s speaker.
			o := offer{span.start, f.key[s.Speaker]}
			switch {
			case o.speaker == best[0].speaker:
				best[0].start = max(best[0].start, o.start)
			case o.start > best[0].start:
				best = [2]offer{o, best[0]}
			case o.start > best[1].start:
				best[1] = o
			}
			x.offers[ck] = best
		}
	}
	return x
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
	targets := fl.targets(rl)
	if s.Target == 0 {
		targets = append(targets, f.strs.id("")) // a statement toward no one crosses a line toward no one
	}
	for _, verb := range f.contradicted[s.Topic] {
		for _, t := range targets {
			if end, ok := x.deeds[crossKey{side, verb, t}]; ok && end > span.start && f.strs.strs[t] != "" {
				return true
			}
			best, ok := x.offers[crossKey{side, verb, t}]
			if !ok {
				continue
			}
			o := best[0]
			if o.speaker == f.key[s.Speaker] {
				o = best[1]
			}
			if o.speaker >= 0 && (span.ok && o.start >= span.end || !span.ok && o.start > zeroDay) {
				return true
			}
		}
	}
	return false
}

// changeKey files the occasions that change red lines: by speaker, topic,
// target and the sign of the lines they change.
type changeKey struct {
	speaker, topic, target int32
	sign                   int8
}

// lastChange is the latest occasion that changes the red lines of a
// changeKey: its date and the status it gives them.
type lastChange struct {
	rank   int32
	span   interval
	status string
}

// lastChanges finds the latest occasion of each speaker, topic and target
// that would reaffirm or soften a red line of each sign; on one occasion,
// reaffirming wins.
func (f *frame) lastChanges() map[changeKey]lastChange {
	out := map[changeKey]lastChange{}
	st := f.d.Statements
	for i := range st {
		s := &st[i]
		span := f.span[s.Said]
		if !span.ok {
			continue // never later than a red line
		}
		for _, sign := range []int8{-1, 0, 1} {
			status := ""
			switch {
			case f.reaffirms(sign, s):
				status = StatusReaffirmed
			case f.softens(sign, s):
				status = StatusSoftened
			default:
				continue
			}
			k := changeKey{f.key[s.Speaker], s.Topic, f.id[s.Target], sign}
			c, ok := out[k]
			if !ok || f.rank[s.Said] > c.rank || f.rank[s.Said] == c.rank && status == StatusReaffirmed {
				out[k] = lastChange{f.rank[s.Said], span, status}
			}
		}
	}
	return out
}
