package analysis

import "slices"

// follower follows red lines through the record. It holds what a line is
// checked against, filed the ways a line looks it up: its speaker's
// statements on its topic, its side's deeds and offers for the action it
// rejects, and the sides its document names.
type follower struct {
	f      *frame
	deeds  *deedIndex
	offers *offerIndex
	own    map[speakerTopic][]int32
	docs   map[int32][]int32 // per document of a line naming no target: the sides it names
}

type speakerTopic struct{ speaker, topic int32 }

// follower files what the lines need, and the statements of the speakers
// and topics of the lines it is to follow.
func (f *frame) follower(deeds *deedIndex, lines, followed []int32) *follower {
	st := f.d.Statements
	fl := &follower{f: f, deeds: deeds, own: map[speakerTopic][]int32{}, docs: map[int32][]int32{}}
	for _, i := range lines {
		if st[i].Target == 0 {
			fl.docs[st[i].Doc] = nil
		}
	}
	fl.fileOwn(followed)
	fl.offers = f.offers()
	fl.docSides()
	return fl
}

// fileOwn files the statements of the speakers and topics of lines, those
// not yet filed.
func (fl *follower) fileOwn(lines []int32) {
	f, st := fl.f, fl.f.d.Statements
	missing := map[speakerTopic][]int32{}
	for _, i := range lines {
		k := speakerTopic{f.key[st[i].Speaker], st[i].Topic}
		if _, ok := fl.own[k]; !ok {
			missing[k] = nil
		}
	}
	if len(missing) == 0 {
		return
	}
	// The statements of a speaker and topic are those of the groups (by
	// speaker, topic and target) of that speaker and topic: finding the
	// groups first reads an integer per statement rather than a record.
	groups, n := f.statementGroups()
	var keys []speakerTopic
	var lists [][]int32
	slot := make([]int32, n) // per group: its speaker and topic's place in keys and lists, or -1
	at := map[speakerTopic]int32{}
	for g, i := range f.firstOf {
		k := speakerTopic{f.key[st[i].Speaker], st[i].Topic}
		slot[g] = -1
		if _, ok := missing[k]; !ok {
			continue
		}
		if _, ok := at[k]; !ok {
			at[k] = int32(len(keys))
			keys, lists = append(keys, k), append(lists, nil)
		}
		slot[g] = at[k]
	}
	for i, g := range groups {
		if s := slot[g]; s >= 0 {
			lists[s] = append(lists[s], int32(i))
		}
	}
	for s, k := range keys {
		missing[k] = lists[s]
	}
	for k, l := range missing {
		fl.own[k] = l
	}
}

// offerIndex holds, in numbered lists by side and action, the statements
// that cross a red line of their side against their action when said after
// it: firm, unconditional and for the action, by a speaker in the
// dictionary, and no threat. Each list is ordered by date.
type offerIndex struct {
	keys  *grouper
	of    []deedKey
	lists [][]offered
}

// offered is a statement in an offerIndex: its digest index and list, the
// rank and interval of its date, its speaker's key and its target's side.
type offered struct {
	i, list     int32
	rank        int32
	span        interval
	key, target int32
}

// list returns the statements of side for verb.
func (x *offerIndex) list(side, verb int32) []offered {
	if l, ok := x.keys.find(side, verb, 0); ok {
		return x.lists[l]
	}
	return nil
}

// offers files the offers among the frame's statements.
func (f *frame) offers() *offerIndex {
	st := f.d.Statements
	x := &offerIndex{keys: f.grouper()}
	// A statement's list follows from its speaker and topic, so from its
	// group: look it up once per group.
	groups, n := f.statementGroups()
	listOf := make([]int32, n)
	for g, i := range f.firstOf {
		listOf[g] = -1
		if s := &st[i]; f.hasID(s.Speaker) {
			k := deedKey{f.sideOfActor(s.Speaker), s.Topic}
			listOf[g] = x.keys.id(k.side, k.verb, 0)
			if int(listOf[g]) == len(x.of) {
				x.of = append(x.of, k)
			}
		}
	}
	all := make([]offered, 0, len(st)/4)
	for i := range st {
		s := &st[i]
		if s.Stance != f.favor || !f.w[s.Commitment].firm || s.Conditional || s.Threat || !f.hasID(s.Speaker) {
			continue
		}
		all = append(all, offered{int32(i), listOf[groups[i]], f.rank[s.Said], f.span[s.Said], f.key[s.Speaker], f.sideOfRef(s.Target)})
	}
	sorted, bounds := groupBy(all, len(x.of), func(o offered) int32 { return o.list }, func(o offered) int64 { return int64(o.rank) })
	x.lists = make([][]offered, len(x.of))
	for l := range x.lists {
		x.lists[l] = sorted[bounds[l]:bounds[l+1]:bounds[l+1]]
	}
	return x
}

// docSides finds, for each document in fl.docs, the sides its records
// name as actors or targets.
func (fl *follower) docSides() {
	if len(fl.docs) == 0 {
		return
	}
	f := fl.f
	add := func(doc int32, actors ...int32) {
		l, ok := fl.docs[doc]
		if !ok {
			return
		}
		for _, a := range actors {
			if s := f.sideOfRef(a); f.strs.strs[s] != "" && !slices.Contains(l, s) {
				l = append(l, s)
			}
		}
		fl.docs[doc] = l
	}
	for i := range f.d.Statements {
		s := &f.d.Statements[i]
		add(s.Doc, s.Speaker, s.Target)
	}
	for i := range f.d.Events {
		e := &f.d.Events[i]
		add(e.Doc, e.Actor, e.Target)
	}
}

// targets returns the sides a crossing of red line rl may be directed at:
// the side of its target; or, when it names none, the sides its document
// names other than the speaker's own, since a line drawn without a name is
// drawn against whoever the text is about.
// The sides are appended to dst[:0].
func (fl *follower) targets(dst []int32, rl int32) []int32 {
	f, s := fl.f, &fl.f.d.Statements[rl]
	if s.Target != 0 {
		return append(dst[:0], f.sideOfRef(s.Target))
	}
	own := f.sideOfActor(s.Speaker)
	out := dst[:0]
	for _, side := range fl.docs[s.Doc] {
		if side != own {
			out = append(out, side)
		}
	}
	return out
}
