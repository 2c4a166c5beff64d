package analysis

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"sync"

	"redline"
	"redline/analysis/internal/rules"
)

// frame is a digest made ready for the analyses. Every string the analyses
// compare (actor keys and IDs, sides, date values) is interned, so that
// comparing two records is comparing integers; each date's interval and
// its place in the order of Date.Compare are worked out once per distinct
// date, each word's meaning once per distinct word, and each actor's side
// once per actor rather than once per record.
type frame struct {
	d         *redline.Digest
	countryOf func(string) string
	strs      interner
	none      int32 // the interned empty string: no side, no ID

	// Per date.
	span  []interval
	rank  []int32 // place in the order of Date.Compare; equal dates share one
	value []int32 // interned value: dates of one value are one occasion
	ranks int32   // number of distinct ranks

	// Per actor. Index 0 is no actor.
	key  []int32 // interned rules.ActorKey; -1 for no actor
	id   []int32 // interned ID ("" for no actor): what rules.TargetID compares
	side []int32 // interned countryOf(ID), looked up on first use
	of   []int32 // interned sideOf (the state, else the key; "" for no actor), on first use

	// Per statement: the number of its speaker, topic and target ID, and
	// how many such groups there are; see statementGroups.
	groups     []int32
	ngroups    int
	firstOf    []int32 // per group: its first statement
	groupsOnce sync.Once

	// Per word.
	w            []word
	against      int32 // the word "against", or -1 when no record uses it
	favor        int32
	contradicted [][]int32 // per topic: the verbs whose doing contradicts words against it
}

// interval is the half-open range of days a date covers, numbered from
// 1970-01-01. A date that is not a calendar date has ok false and covers
// the day of the zero time.Time, which is what Date.Start gives for it.
type interval struct {
	start, end int32
	ok         bool
}

// zeroDay is the number of the day of the zero time.Time, 0001-01-01.
const zeroDay = -719162

// overlaps reports what Date.Overlaps reports of the two dates.
func (a interval) overlaps(b interval) bool {
	return a.ok && b.ok && a.start < b.end && b.start < a.end
}

// after reports whether a is a later occasion than b: it starts after b
// starts and the two do not overlap (see the after of Date values).
func (a interval) after(b interval) bool { return !a.overlaps(b) && a.start > b.start }

// word is what a word means to the analyses, in whichever role a record
// uses it: as a stance, a commitment, a mode, a verb or a CAMEO code.
type word struct {
	sign        int8 // stance: -1 against, 1 favor, 0 anything else
	neutral     bool // stance
	firm        bool // commitment: firm or absolute
	hedged      bool // commitment
	strength    int8 // commitment: absolute 3, firm 2, hedged 1
	happened    bool // mode: public, covert or alleged
	cooperative bool // verb: see rules.CooperativeVerbs
	mutual      bool // verb: see rules.Mutual
	talkCode    bool // CAMEO: 04, meetings and negotiations
	deedCode    bool // CAMEO: 04 or 057, signing agreements
	targeted    bool // topic: see TargetedTopics
	empty       bool
}

// unset marks a side not yet looked up.
const unset = -2

// newFrame prepares d for the analyses.
func newFrame(d *redline.Digest, countryOf func(string) string) *frame {
	f := &frame{d: d, countryOf: countryOf, strs: interner{ids: map[string]int32{}}}
	f.dates()
	f.key, f.id = make([]int32, len(d.Actors)), make([]int32, len(d.Actors))
	f.side, f.of = make([]int32, len(d.Actors)), make([]int32, len(d.Actors))
	for i, a := range d.Actors {
		f.key[i], f.id[i], f.side[i], f.of[i] = f.strs.id(rules.ActorKey(a)), f.strs.id(a.ID), unset, unset
	}
	f.none = f.strs.id("")
	f.key[0], f.id[0], f.of[0] = -1, f.none, f.none
	f.against, f.favor = -1, -1
	f.w = make([]word, len(d.Words))
	index := map[string]int32{}
	for i, s := range d.Words {
		index[s] = int32(i)
		f.w[i] = word{
			sign: int8(rules.Sign(redline.Stance(s))), neutral: s == string(redline.StanceNeutral),
			firm: s == string(redline.CommitFirm) || s == string(redline.CommitAbsolute), hedged: s == string(redline.CommitHedged),
			strength: int8(rules.Strength(redline.Commitment(s))), happened: rules.Happened(redline.Mode(s)),
			cooperative: rules.CooperativeVerbs[s], mutual: rules.Mutual[s],
			talkCode: strings.HasPrefix(s, "04"), deedCode: strings.HasPrefix(s, "04") || s == "057",
			targeted: rules.TargetedTopics[s], empty: s == "",
		}
		switch s {
		case string(redline.StanceAgainst):
			f.against = int32(i)
		case string(redline.StanceFavor):
			f.favor = int32(i)
		}
	}
	f.contradicted = make([][]int32, len(d.Words))
	for i, s := range d.Words {
		for _, v := range rules.Contradicting(s) {
			if j, ok := index[v]; ok {
				f.contradicted[i] = append(f.contradicted[i], j)
			}
		}
	}
	return f
}

// dates works out each date's interval, value and rank.
func (f *frame) dates() {
	ds := f.d.Dates
	f.span, f.value, f.rank = make([]interval, len(ds)), make([]int32, len(ds)), make([]int32, len(ds))
	order := make([]int32, len(ds))
	for i, d := range ds {
		order[i] = int32(i)
		f.value[i] = f.strs.id(d.Value)
		s, e, ok := d.Interval()
		f.span[i] = interval{int32(s.Unix() / 86400), int32(e.Unix() / 86400), ok}
	}
	slices.SortFunc(order, func(a, b int32) int { return ds[a].Compare(ds[b]) })
	for i, d := range order {
		if i > 0 && ds[order[i-1]].Compare(ds[d]) != 0 {
			f.ranks++
		}
		f.rank[d] = f.ranks
	}
	f.ranks++
}

// statementGroups numbers the statements by speaker, topic and target ID,
// the groups of reversals and of the occasions that change red lines, in
// order of first appearance; it returns each statement's number and how
// many there are.
func (f *frame) statementGroups() ([]int32, int) {
	f.groupsOnce.Do(func() {
		g := f.grouper()
		f.groups = make([]int32, len(f.d.Statements))
		for i := range f.d.Statements {
			s := &f.d.Statements[i]
			f.groups[i] = g.id(f.key[s.Speaker], s.Topic, f.id[s.Target])
			if int(f.groups[i]) == len(f.firstOf) {
				f.firstOf = append(f.firstOf, int32(i))
			}
		}
		f.ngroups = g.len()
	})
	return f.groups, f.ngroups
}

// sideOfActor returns the interned countryOf of actor a's ID.
func (f *frame) sideOfActor(a int32) int32 {
	if f.side[a] == unset {
		f.side[a] = f.strs.id(f.countryOf(f.d.Actors[a].ID))
	}
	return f.side[a]
}

// sideOfRef returns the interned sideOf of actor a ("" for none).
func (f *frame) sideOfRef(a int32) int32 {
	if f.of[a] == unset {
		r := f.d.Actors[a]
		f.of[a] = f.strs.id(sideOf(&r, f.countryOf))
	}
	return f.of[a]
}

// hasID reports whether actor a has an ID (is in the dictionary).
func (f *frame) hasID(a int32) bool { return f.d.Actors[a].ID != "" }

// interner numbers strings.
type interner struct {
	ids  map[string]int32
	strs []string
}

func (n *interner) id(s string) int32 {
	if id, ok := n.ids[s]; ok {
		return id
	}
	id := int32(len(n.strs))
	n.ids[s] = id
	n.strs = append(n.strs, s)
	return id
}

// stringRanks returns the place of each of strs in string order.
func stringRanks(strs []string) []int32 {
	idx := make([]int32, len(strs))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int { return strings.Compare(strs[a], strs[b]) })
	ranks := make([]int32, len(strs))
	for r, i := range idx {
		ranks[i] = int32(r)
	}
	return ranks
}

// grouper numbers the groups of records that share three keys (interned
// strings or word indexes), in order of first appearance. It hashes the
// keys packed in one integer, which is several times faster than hashing
// them as a struct, unless a key is too large to pack.
type grouper struct {
	packed map[uint64]int32
	wide   map[[3]int32]int32
}

// grouper returns a grouper for keys that index the frame's strings and
// words.
func (f *frame) grouper() *grouper {
	if max(len(f.strs.strs), len(f.d.Words)) < 1<<21 {
		return &grouper{packed: map[uint64]int32{}}
	}
	return &grouper{wide: map[[3]int32]int32{}}
}

// id returns the number of the group (a, b, c), numbering it when new.
func (g *grouper) id(a, b, c int32) int32 {
	if g.packed != nil {
		k := uint64(a)<<42 | uint64(b)<<21 | uint64(c)
		id, ok := g.packed[k]
		if !ok {
			id = int32(len(g.packed))
			g.packed[k] = id
		}
		return id
	}
	k := [3]int32{a, b, c}
	id, ok := g.wide[k]
	if !ok {
		id = int32(len(g.wide))
		g.wide[k] = id
	}
	return id
}

// find returns the number of the group (a, b, c), or false when there is
// none.
func (g *grouper) find(a, b, c int32) (int32, bool) {
	if g.packed != nil {
		id, ok := g.packed[uint64(a)<<42|uint64(b)<<21|uint64(c)]
		return id, ok
	}
	id, ok := g.wide[[3]int32{a, b, c}]
	return id, ok
}

// len returns the number of groups.
func (g *grouper) len() int { return len(g.packed) + len(g.wide) }

// digestOf makes the digest of records held in memory, each record's Ref
// its index in its slice, so that the analyses run the same way over a
// slice as over a store.
func digestOf(stmts []redline.Statement, evs []redline.Event) *redline.Digest {
	d := &redline.Digest{Actors: []redline.ActorRef{{}}}
	docs, actors, dates, words := map[string]int32{}, map[redline.ActorRef]int32{}, map[redline.Date]int32{}, map[string]int32{}
	doc := func(s string) int32 { return intern(docs, &d.Docs, s) }
	actor := func(r *redline.ActorRef) int32 {
		if r == nil {
			return 0
		}
		return intern(actors, &d.Actors, *r)
	}
	date := func(v redline.Date) int32 {
		return intern(dates, &d.Dates, redline.Date{Value: v.Value, Grain: v.Grain})
	}
	w := func(s string) int32 { return intern(words, &d.Words, s) }
	d.Statements = make([]redline.StatementDigest, len(stmts))
	for i := range stmts {
		s := &stmts[i]
		d.Statements[i] = redline.StatementDigest{Ref: int64(i), Doc: doc(s.Doc), Sentence: int32(s.Sentence),
			Speaker: actor(&s.Speaker), Target: actor(s.Target), Said: date(s.Said), Topic: w(s.Topic),
			Stance: w(string(s.Stance)), Commitment: w(string(s.Commitment)),
			Threat: s.Threat, Promise: s.Promise, Conditional: len(s.Conditions) > 0}
	}
	d.Events = make([]redline.EventDigest, len(evs))
	for i := range evs {
		e := &evs[i]
		d.Events[i] = redline.EventDigest{Ref: int64(i), Doc: doc(e.Doc), Sentence: int32(e.Sentence),
			Actor: actor(&e.Actor), Target: actor(e.Target), Date: date(e.Date), Verb: w(e.Verb),
			CAMEO: w(e.CAMEO), PLOVER: w(e.PLOVER), Mode: w(string(e.Mode)), Quad: int32(e.Quad)}
	}
	return d
}

// intern returns the index of v in *list, appending it when new.
func intern[K comparable](index map[K]int32, list *[]K, v K) int32 {
	if i, ok := index[v]; ok {
		return i
	}
	i := int32(len(*list))
	index[v] = i
	*list = append(*list, v)
	return i
}

// latest returns the indexes in [0, n) of the limit items that sort last
// by compare, in order; all of them when limit <= 0. compare must order
// items by rank(i) first (a date's rank) and never call two items equal;
// latest then sorts only the items of the last ranks rather than all.
func latest(n, limit int, ranks int32, rank func(i int) int32, compare func(a, b int) int) []int {
	var idx []int
	if limit <= 0 || limit >= n {
		idx = make([]int, n)
		for i := range idx {
			idx[i] = i
		}
	} else {
		count := make([]int, ranks)
		for i := range n {
			count[rank(i)]++
		}
		threshold, kept := ranks, 0
		for kept < limit {
			threshold--
			kept += count[threshold]
		}
		idx = make([]int, 0, kept)
		for i := range n {
			if rank(i) >= threshold {
				idx = append(idx, i)
			}
		}
	}
	slices.SortFunc(idx, compare)
	if limit > 0 && len(idx) > limit {
		idx = idx[len(idx)-limit:]
	}
	return idx
}

// order returns 0..n-1 ordered by key(i), compared field by field, then by
// i: a stable sort by key. bounds[k] is larger than every key(i)[k]. When
// the fields and i fit in 64 bits together, as they do for millions of
// records, it packs them and sorts the packed keys by radix.
func order(n int, bounds [2]uint64, key func(i int) [2]uint64) []int32 {
	wa, wb, wi := bits.Len64(bounds[0]), bits.Len64(bounds[1]), bits.Len64(uint64(n))
	out := make([]int32, n)
	if wa+wb+wi > 64 {
		for i := range out {
			out[i] = int32(i)
		}
		slices.SortFunc(out, func(a, b int32) int {
			ka, kb := key(int(a)), key(int(b))
			return cmp.Or(cmp.Compare(ka[0], kb[0]), cmp.Compare(ka[1], kb[1]), cmp.Compare(a, b))
		})
		return out
	}
	packed := make([]uint64, n)
	for i := range packed {
		k := key(i)
		packed[i] = k[0]<<(wb+wi) | k[1]<<wi | uint64(i)
	}
	radix(packed, wa+wb+wi)
	mask := uint64(1)<<wi - 1
	for i, p := range packed {
		out[i] = int32(p & mask)
	}
	return out
}

// groupBy orders recs stably by group, then by key, and returns them with
// where each group starts (bounds[g], bounds[len] the end). It moves each
// record once, to its group, then sorts each group by key unless it is in
// order already, as groups of records taken in the store's order (by
// date) usually are.
func groupBy[T any](recs []T, groups int, group func(T) int32, key func(T) int64) ([]T, []int32) {
	bounds := make([]int32, groups+1)
	for _, r := range recs {
		bounds[group(r)+1]++
	}
	for g := 1; g < len(bounds); g++ {
		bounds[g] += bounds[g-1]
	}
	next := slices.Clone(bounds[:groups])
	out := make([]T, len(recs))
	for _, r := range recs {
		g := group(r)
		out[next[g]] = r
		next[g]++
	}
	byKey := func(a, b T) int { return cmp.Compare(key(a), key(b)) }
	for g := range groups {
		if l := out[bounds[g]:bounds[g+1]]; !slices.IsSortedFunc(l, byKey) {
			slices.SortStableFunc(l, byKey)
		}
	}
	return out, bounds
}

// radix sorts keys whose values fit in width bits, a byte at a time from
// the lowest.
func radix(keys []uint64, width int) {
	if len(keys) < 2 {
		return
	}
	buf := make([]uint64, len(keys))
	src, dst := keys, buf
	for shift := 0; shift < width; shift += 8 {
		var count [257]int
		for _, k := range src {
			count[(k>>shift)&0xff+1]++
		}
		for i := 1; i < len(count); i++ {
			count[i] += count[i-1]
		}
		for _, k := range src {
			b := (k >> shift) & 0xff
			dst[count[b]] = k
			count[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}
